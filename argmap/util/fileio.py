"""Safe file reading and atomic writing: a crash, a full disk, a killed process or a hostile
path never leaves half a file, and reading never blocks or eats memory.

Writing: the bytes go to a temporary file in the target's folder (same file system, so the
rename is atomic), which is flushed and fsynced before it is renamed over the target; the
folder is fsynced afterwards so the rename itself survives a power cut. On any failure the
temporary file is removed and the old target is left byte-identical. A target that is a
symbolic link is written where the link points, as editors do, so the link stays a link.

A process killed between creating the temporary file and renaming it cannot remove it: it
stays beside the target as ``.NAME.XXXXXXXX.tmp``. The next write or read of the same target
removes such leftovers once they are older than :data:`STALE_TEMP_SECONDS` (a younger one may
be another process's write in progress); nothing else in the folder is touched.

Reading: :func:`read_limited` refuses what is not a regular file (a FIFO or a device would
block or never end) and anything above a size limit, before reading a byte of it.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

STALE_TEMP_SECONDS = 15 * 60
"""Age after which a leftover temporary file of a target is surely not a write in progress:
a save of the largest map allowed takes seconds, and its file is written (so its time
stamp refreshed) until the fsync."""

_TEMP_SUFFIX = ".tmp"
_TEMP_RANDOM = re.compile(r"[A-Za-z0-9_]{8}")
"""The random part :func:`tempfile.mkstemp` puts in a name (eight of these characters)."""


MAX_READ_BYTES = 200_000_000
"""The one size limit of every reader of maps and interchange formats: 200 MB (decimal, as
:func:`format_size` prints it). A 50k-claim map with its article texts is about 30 MB."""


MAX_READ_ITEMS = 1_000_000
"""The one limit on how many things a file of 200 MB may hold: JSON objects (``{``), XML
elements (``<``) or Argdown lines. Each becomes one or a few Python objects of a few hundred
bytes, so 200 MB of tiny ones (millions of claims) took minutes and gigabytes; a 50k-claim
map holds about 300,000 JSON objects. Counted on the bytes, before anything is built."""


def count_refused(data: bytes, marker: bytes, what: str) -> str:
    """Why ``data`` holds too many ``what`` (counted as occurrences of ``marker``), or ""."""
    count = data.count(marker)
    if count <= MAX_READ_ITEMS:
        return ""
    return f"{count:,} {what}, above the limit of {MAX_READ_ITEMS:,}"


class FileRefused(OSError):
    """A path that is not read: not a regular file, or above the size limit (``too_big``).
    The message says which, for the user."""

    def __init__(self, message: str, *, too_big: bool = False) -> None:
        super().__init__(message)
        self.too_big = too_big


def write_target(path: str | os.PathLike[str]) -> Path:
    """Where a write to ``path`` really goes: the file a symbolic link (or a chain of them)
    points to, else ``path`` itself."""
    target = Path(path)
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


def atomic_write_bytes(path: str | os.PathLike[str], payload: bytes) -> None:
    """Replace ``path`` with ``payload`` atomically; raises ``OSError`` on failure.

    The new file keeps the permissions of the one it replaces (0o644 for a new file).
    """
    target = write_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temporaries(target)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=_TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            mode = 0o644
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(folder)


def remove_stale_temporaries(
    path: str | os.PathLike[str], older_than: float = STALE_TEMP_SECONDS
) -> list[Path]:
    """Remove what killed writes of ``path`` left behind; returns what was removed.

    Only files named exactly as :func:`atomic_write_bytes` names its temporary files for this
    target (``.NAME.`` + eight random characters + ``.tmp``), regular files, and last
    modified more than ``older_than`` seconds ago. Best effort: a file that cannot be
    examined or removed is left where it is.
    """
    target = write_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    prefix = f".{target.name}."
    removed: list[Path] = []
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix)]
    except OSError:
        return removed
    now = time.time()
    for name in names:
        middle = name[len(prefix) :]
        if not (middle.endswith(_TEMP_SUFFIX) and _TEMP_RANDOM.fullmatch(middle[:-4])):
            continue
        candidate = folder / name
        try:
            info = candidate.lstat()
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime <= older_than:
                continue
            candidate.unlink()
        except OSError:
            continue
        removed.append(candidate)
    return removed


def read_limited(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of the regular file ``path``, refused above ``max_bytes``.

    Raises :class:`FileRefused` for a FIFO, a device, a socket or a folder (which would
    block, never end or not be a file) and for a file above the limit, checked on the open
    file (no race with a file swapped in between) and again while reading (a file that grows
    or lies about its size). Other failures are the ``OSError`` of the system
    (``FileNotFoundError``, ``PermissionError`` ...).
    """
    # O_NONBLOCK: opening a FIFO without a writer would otherwise wait forever.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(f"not a regular file ({_file_type(info.st_mode)})")
        if info.st_size > max_bytes:
            raise FileRefused(
                f"file is {format_size(info.st_size)}, above the {format_size(max_bytes)} limit",
                too_big=True,
            )
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FileRefused(f"file is above the {format_size(max_bytes)} limit", too_big=True)
    return data


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def format_size(n: int) -> str:
    """A byte count as people read it, in decimal units (``200 MB``, ``1.5 kB``)."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            shown = f"{n / scale:.1f}".removesuffix(".0")
            return f"{shown} {unit}"
    return f"{n} bytes"


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable; some file systems do not allow opening folders."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
