"""Recent files and crash recovery (autosave) for the main window.

Autosave never touches the user's file: every ``interval`` it writes the modified map with
:func:`argmap.map.mapfile.save` (atomic) to a *recovery file* in the per-user data folder, named
after a hash of the document's path (or ``untitled-<pid>``), with a small JSON sidecar that
records which file it stands for and which process wrote it. A clean save or a normal close
deletes both. After a crash the files stay behind; the next start offers to recover one
whose writer is no longer running and which is newer than the map on disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer

from argmap.edit.document import MapDocument
from argmap.map.mapfile import MAP_SUFFIX, MapFileError, save

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
    original: Path | None  # None: the map was never saved
    pid: int

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


def _read_recovery(file: Path) -> Recovery | None:
    try:
        info = json.loads(_sidecar(file).read_text(encoding="utf-8"))
        original = info.get("path")
        return Recovery(file, Path(original) if original else None, int(info.get("pid", 0)))
    except (OSError, ValueError, TypeError, AttributeError):
        return None


def find_recoveries(folder: Path, original: Path | None = None) -> list[Recovery]:
    """Recovery files of sessions no longer running, newest first.

    With ``original``, only the one standing for that map, and only if it is newer than the
    map on disk (an older one would throw away work saved since).
    """
    if not folder.is_dir():
        return []
    found: list[tuple[float, Recovery]] = []
    for file in folder.glob(f"*{MAP_SUFFIX}"):
        recovery = _read_recovery(file)
        if recovery is None or _pid_alive(recovery.pid):
            continue
        try:  # another argmap may discard the file at any moment: then it is not offered
            written = file.stat().st_mtime
        except OSError:
            continue
        if original is not None:
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
        if self.path is None:
            name = f"untitled-{os.getpid()}"
        else:
            digest = hashlib.sha1(str(self.path).encode("utf-8")).hexdigest()[:16]
            name = f"{self.path.name.removesuffix(MAP_SUFFIX)[:40]}-{digest}"
        return self.folder / f"{name}{MAP_SUFFIX}"

    def save_now(self) -> Path | None:
        """Write the recovery file if the map changed since the last write and is modified."""
        if not self._pending or not self._is_modified():
            return None
        file = self.recovery_file
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            save(self.doc.map, file)
            info = {"path": str(self.path) if self.path else None, "pid": os.getpid()}
            _sidecar(file).write_text(json.dumps(info), encoding="utf-8")
        except (MapFileError, OSError) as exc:
            self.last_error = str(exc)  # autosave is best effort; the user's file is intact
            return None
        self._pending = False
        return file

    def discard(self) -> None:
        """Delete this session's recovery file (after a clean save or a normal close)."""
        file = self.recovery_file
        Recovery(file, self.path, os.getpid()).discard()
        self._pending = True
