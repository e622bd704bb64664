"""Recent files and crash recovery (autosave) for the main window.

Autosave never touches the user's file: every ``interval`` it writes the modified map with
:func:`argmap.map.mapfile.save` (atomic) to a *recovery file* in the per-user data folder, named
after a hash of the document's path (or ``untitled-<pid>``), with a small JSON sidecar that
records which file it stands for and which process wrote it. A clean save or a normal close
deletes both. After a crash the files stay behind; the next start offers to recover one
whose writer is no longer running and which is newer than the map on disk.

Both files are written atomically, the sidecar first, so a crash never leaves a recovery
file beside an empty sidecar. One left so by an older version (or a damaged disk) is still
offered, with its origin unknown (or, when a map is opened, recognised by its file name,
which is made from the map's path); it is never deleted without being offered, since the
sidecar is the small part and the recovery file the user's work.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer

from argmap.edit.document import MapDocument
from argmap.map.mapfile import MAP_SUFFIX, MapFileError, save
from argmap.util.fileio import atomic_write_bytes, remove_stale_temporaries

AUTOSAVE_SECONDS = 60
RECENT_LIMIT = 10


def default_recovery_dir() -> Path:
    """Where recovery files live: the per-user data folder (XDG, AppData, Library)."""
    from platformdirs import user_data_path

    return user_data_path("argmap", appauthor=False) / "recovery"


class RecentFiles:
    """The most recently opened or saved maps, newest first, kept in ``QSettings``."""

    KEY = "recent_files"

    def __init__(self, settings: QSettings, limit: int = RECENT_LIMIT) -> None:
        self.settings = settings
        self.limit = limit

    def paths(self) -> list[str]:
        value = self.settings.value(self.KEY, [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        if not isinstance(value, list):
            return []
        return [str(p) for p in value]

    def add(self, path: str | os.PathLike[str]) -> None:
        full = str(Path(path).resolve())
        self._store([full, *(p for p in self.paths() if p != full)])

    def remove(self, path: str) -> None:
        self._store([p for p in self.paths() if p != path])

    def clear(self) -> None:
        self._store([])

    def _store(self, paths: list[str]) -> None:
        self.settings.setValue(self.KEY, paths[: self.limit])
        self.settings.sync()


@dataclass(frozen=True)
class Recovery:
    """A recovery file left by a session that did not end normally."""

    file: Path
    original: Path | None  # None: the map was never saved, or its sidecar cannot be read
    pid: int
    origin_known: bool = True
    """False when the sidecar is missing or unreadable: which map it stands for is a guess."""

    @property
    def sidecar(self) -> Path:
        return _sidecar(self.file)

    def discard(self) -> None:
        for path in (self.file, self.sidecar):
            with contextlib.suppress(OSError):
                path.unlink()


def _sidecar(recovery_file: Path) -> Path:
    return recovery_file.with_name(recovery_file.name.removesuffix(MAP_SUFFIX) + ".origin.json")


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but is not ours (PermissionError), or kill is unsupported
        return True
    return True


def recovery_file_for(folder: Path, path: Path | None) -> Path:
    """The recovery file of the map saved at ``path`` (``None``: this process's untitled
    map). Named after a hash of the path, so the file of a map is found again even when
    its sidecar is lost."""
    if path is None:
        name = f"untitled-{os.getpid()}"
    else:
        digest = hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:16]
        name = f"{path.name.removesuffix(MAP_SUFFIX)[:40]}-{digest}"
    return folder / f"{name}{MAP_SUFFIX}"


def _read_recovery(file: Path) -> Recovery:
    """The recovery file with what its sidecar says; a sidecar that is missing, empty or
    damaged gives a recovery of unknown origin (offered all the same)."""
    try:
        info = json.loads(_sidecar(file).read_text(encoding="utf-8"))
        original = info.get("path")
        return Recovery(file, Path(original) if original else None, int(info.get("pid", 0)))
    except (OSError, ValueError, TypeError, AttributeError):
        return Recovery(file, None, 0, origin_known=False)


_TEMPORARY = re.compile(r"\.(.+)\.[A-Za-z0-9_]{8}\.tmp")


def _sweep_temporaries(folder: Path) -> None:
    """Remove what autosaves killed long ago left in the recovery folder (only argmap's own
    temporary files, and only stale ones: see :func:`remove_stale_temporaries`)."""
    with contextlib.suppress(OSError):
        for name in os.listdir(folder):
            match = _TEMPORARY.fullmatch(name)
            if match and match.group(1).endswith((MAP_SUFFIX, ".origin.json")):
                remove_stale_temporaries(folder / match.group(1))


def find_recoveries(folder: Path, original: Path | None = None) -> list[Recovery]:
    """Recovery files of sessions no longer running, newest first.

    With ``original``, only the one standing for that map, and only if it is newer than the
    map on disk (an older one would throw away work saved since).
    """
    if not folder.is_dir():
        return []
    _sweep_temporaries(folder)
    own_file = recovery_file_for(folder, original.resolve()) if original is not None else None
    found: list[tuple[float, Recovery]] = []
    for file in folder.glob(f"*{MAP_SUFFIX}"):
        recovery = _read_recovery(file)
        if recovery.origin_known and _pid_alive(recovery.pid):
            continue
        try:  # another argmap may discard the file at any moment: then it is not offered
            written = file.stat().st_mtime
        except OSError:
            continue
        if original is not None:
            if not recovery.origin_known and file == own_file:
                recovery = Recovery(file, original.resolve(), 0, origin_known=False)
            if recovery.original is None or recovery.original.resolve() != original.resolve():
                continue
            with contextlib.suppress(OSError):
                if original.stat().st_mtime >= written:
                    continue
        found.append((written, recovery))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [recovery for _, recovery in found]


class Autosave(QObject):
    """Writes the modified document to its recovery file every ``interval_ms``.

    ``is_modified`` is asked before writing (the window knows: undo stack not clean, or a
    recovered map not yet saved); the document's ``changed`` signal says whether anything
    happened since the last write, so an idle modified map is not rewritten every minute.
    """

    def __init__(
        self,
        doc: MapDocument,
        folder: Path,
        is_modified: Callable[[], bool],
        interval_ms: int = AUTOSAVE_SECONDS * 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.folder = folder
        self._is_modified = is_modified
        self.path: Path | None = None
        self.last_error = ""
        self._pending = False
        doc.changed.connect(self._changed)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    def _changed(self) -> None:
        self._pending = True

    def set_path(self, path: Path | None) -> None:
        """The document now stands for ``path``: drop the recovery file of the old one."""
        self.discard()
        self.path = path.resolve() if path is not None else None
        self._pending = False

    @property
    def recovery_file(self) -> Path:
        return recovery_file_for(self.folder, self.path)

    def save_now(self) -> Path | None:
        """Write the recovery file if the map changed since the last write and is modified."""
        if not self._pending or not self._is_modified():
            return None
        file = self.recovery_file
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # The sidecar first: a crash in between leaves a sidecar without a recovery file
            # (nothing to offer, nothing lost), never a recovery file of unknown origin.
            info = {"path": str(self.path) if self.path else None, "pid": os.getpid()}
            atomic_write_bytes(_sidecar(file), json.dumps(info).encode("utf-8"))
            save(self.doc.map, file)
        except (MapFileError, OSError) as exc:
            self.last_error = str(exc)  # autosave is best effort; the user's file is intact
            return None
        self._pending = False
        return file

    def discard(self) -> None:
        """Delete this session's recovery file (after a clean save or a normal close).

        A file of the same name that this session did not write is left alone when its
        origin cannot be read (it is offered instead, at the next start) or when its writer
        is another argmap still running.
        """
        file = self.recovery_file
        found = _read_recovery(file)
        if found.origin_known and (found.pid == os.getpid() or not _pid_alive(found.pid)):
            found.discard()
        elif not file.exists():  # a sidecar alone (a crash between the two writes)
            with contextlib.suppress(OSError):
                found.sidecar.unlink()
        self._pending = True
