"""The main window's file handling: new, open, save, recent files, recovery, drops.

Kept apart from the window so the window's own module reads as its layout and wiring; this
is the part a user meets as "my map is safe": the modified marker in the title, the save
prompt before a map is dropped, quotes repaired instead of a locked-out map, the crash
recovery offer, files dropped on the window.

Every question goes through one ``ask_*`` method so tests replace it instead of facing a
modal dialog. :class:`FileActions` is a mixin of :class:`~ui.qt.window.main.MainWindow` and
relies on its attributes (``doc``, ``undo_stack``, ``path``, ``recent``, ``autosave``,
``recent_menu``, ``status``, ``show_error``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from argmap.edit.document import MapDocument
from argmap.edit.quotes import load_allowing_drift, reanchor
from argmap.map.mapfile import MAP_SUFFIX, MapFileError, load, save
from argmap.map.model import ArgumentMap
from ui.qt.window.recovery import Autosave, RecentFiles, Recovery, find_recoveries

MAP_FILTER = f"Argument maps (*{MAP_SUFFIX});;JSON files (*.json);;All files (*)"

SaveAnswer = Literal["save", "discard", "cancel"]

if TYPE_CHECKING:
    from ui.qt.canvas.view import MapView

    _Base = QMainWindow
else:  # a plain mixin at run time; the window itself is the QMainWindow
    _Base = object


class FileActions(_Base):
    """New / Open / Save / Save As / Open Recent, recovery and drops for the main window."""

    doc: MapDocument
    undo_stack: QUndoStack
    view: MapView
    path: Path | None
    _recovered: bool
    recent: RecentFiles
    autosave: Autosave
    recent_menu: QMenu
    status: Callable[..., None]
    show_error: Callable[[str, str], None]

    # ================================================================ title and state
    def is_modified(self) -> bool:
        return self._recovered or not self.undo_stack.isClean()

    def _update_title(self, *_: object) -> None:
        name = self.path.name if self.path else "Untitled"
        if self.doc.map.title:
            name = f"{self.doc.map.title} ({name})"
        self.setWindowTitle(f"{name}[*] — argmap")
        self.setWindowModified(self.is_modified())
        self.setWindowFilePath(str(self.path) if self.path else "")

    def _mark_clean(self) -> None:
        self._recovered = False
        self.undo_stack.setClean()
        self._update_title()

    # ================================================================ questions (replaceable)
    def ask_save_changes(self) -> SaveAnswer:
        name = self.path.name if self.path else "the untitled map"
        answer = QMessageBox.warning(
            self,
            "Unsaved changes",
            f"Save the changes to {name} before closing it?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"

    def ask_open_path(self) -> str | None:
        folder = str(self.path.parent) if self.path else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open map", folder, MAP_FILTER)
        return path or None

    def ask_save_path(self) -> str | None:
        suggestion = str(self.path) if self.path else f"untitled{MAP_SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(self, "Save map as", suggestion, MAP_FILTER)
        return path or None

    def ask_reanchor(self, path: Path, found: int, lost: int) -> bool:
        """Ask whether to open a map with re-anchored quotes (tests replace this method)."""
        text = (
            f"{found + lost} quote(s) in {path.name} no longer match their article, "
            "probably because the article text was edited.\n\n"
            f"{found} can be re-anchored where their text is found again"
            + (f"; {lost} will lose their quote (the text is gone)" if lost else "")
            + ".\n\nOpen the map with repaired quotes? The file changes only when you save."
        )
        answer = QMessageBox.question(
            self,
            "Repair quotes?",
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_recover(self, recovery: Recovery) -> bool:
        if recovery.original is not None:
            name = recovery.original.name
        elif recovery.origin_known:
            name = "an untitled map"
        else:  # its sidecar is lost: the recovery file's name still tells the map's name
            name = f"a map whose file was not recorded ({recovery.file.name})"
        answer = QMessageBox.question(
            self,
            "Recover unsaved work?",
            f"argmap did not close normally while you were editing {name}.\n\n"
            "Recover the unsaved changes from the automatic backup?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    # ================================================================ files
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current map (saved, discarded or unchanged)."""
        if not self.is_modified():
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_map(self) -> bool:
        if not self.maybe_save():
            return False
        self.set_map(ArgumentMap(), None)
        self.status("New map")
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path = self.ask_open_path()
        return self.open_path(path, ask=False) if path else False

    def open_path(self, path: str | Path, *, ask: bool = True) -> bool:
        """Open a map file; on a bad file show the CLI's message and keep the current map."""
        if ask and not self.maybe_save():
            return False
        target = Path(path)
        repaired = False
        try:
            amap = load(target)
        except MapFileError as exc:
            fixed = self._repair_drifted_quotes(target, exc)
            if fixed is None:
                self.show_error("Cannot open map", str(exc))
                if not target.exists():
                    self.recent.remove(str(target.resolve()))
                return False
            amap, repaired = fixed, True
        self.set_map(amap, target)
        if repaired:  # modified until saved; the file itself is untouched
            self._recovered = True
            self._update_title()
        self.recent.add(target)
        opened = f"Opened {target.name}: {len(amap.claims)} claims, {len(amap.links)} links"
        if self.view.showing_map() and not self.view.fits_readably():
            # the map opened on a part of itself: say once how to see the rest
            opened += "; Fit Map (Ctrl+Shift+0) shows it all, or drag in the Overview"
            self.status(opened, 12_000)
        else:
            self.status(opened)
        self.offer_recovery(target)
        return True

    def _repair_drifted_quotes(self, target: Path, error: MapFileError) -> ArgumentMap | None:
        """A map refused only because its articles changed under its quotes: offer to
        re-anchor the quotes found again (and drop those whose text is gone) instead of
        locking the user out of their map. ``None`` when that is not the problem or the
        user declines."""
        if not error.hint:
            return None
        try:
            drifted = load_allowing_drift(target)
        except MapFileError:
            return None
        repaired, fixed, lost = reanchor(drifted)
        if not self.ask_reanchor(target, len(fixed), len(lost)):
            return None
        lost_ids = {d.claim_id for d in lost}
        claims = [
            c.model_copy(
                update={"quote": None, "note": f"{c.note}\n(quote lost: {c.quote.text!r})".strip()}
            )
            if c.id in lost_ids and c.quote is not None
            else c
            for c in repaired.claims
        ]
        return repaired.model_copy(update={"claims": claims})

    def set_map(self, amap: ArgumentMap, path: Path | None) -> None:
        """Show ``amap`` as the map of ``path`` (``None``: untitled). Autosave follows here,
        in one place, so a map opened any way never autosaves under another map's name."""
        self.autosave.set_path(path)
        self.path = path.resolve() if path is not None else None
        self.doc.set_map(amap)
        self.undo_stack.clear()
        self._mark_clean()

    def offer_recovery(self, original: Path | None = None) -> bool:
        """Offer the newest recovery file left by a crash (for ``original``, or any)."""
        found = find_recoveries(self.autosave.folder, original)
        if not found:
            return False
        recovery = found[0]
        if not self.ask_recover(recovery):
            recovery.discard()
            return False
        try:
            amap = load(recovery.file)
        except MapFileError as exc:
            self.show_error("Cannot recover", str(exc))
            return False
        self.set_map(amap, recovery.original)
        recovery.discard()
        self._recovered = True
        self._update_title()
        self.autosave.save_now()
        self.status("Recovered unsaved changes; save to keep them")
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        chosen = self.ask_save_path()
        if not chosen:
            return False
        if not chosen.endswith(".json"):
            chosen += MAP_SUFFIX
        return self.save_to(Path(chosen))

    def save_to(self, path: Path) -> bool:
        try:
            save(self.doc.map, path)
        except MapFileError as exc:
            self.show_error("Cannot save map", str(exc))
            return False
        if self.path is None or path.resolve() != self.path:
            self.autosave.set_path(path)
        self.path = path.resolve()
        self.autosave.discard()
        self._mark_clean()
        self.recent.add(path)
        self.status(f"Saved {path.name}")
        return True

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent.paths()
        for i, path in enumerate(paths, start=1):
            label = f"&{i} {Path(path).name}" if i < 10 else Path(path).name
            action = self.recent_menu.addAction(label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if paths:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear list").triggered.connect(self.recent.clear)
        else:
            self.recent_menu.addAction("No recent maps").setEnabled(False)

    # ================================================================ drag-and-drop
    @staticmethod
    def _dropped_map(event: QDragEnterEvent | QDropEvent) -> Path | None:
        data = event.mimeData()
        for url in data.urls() if data.hasUrls() else []:
            if url.isLocalFile() and url.toLocalFile().endswith(".json"):
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt's name
        if self._dropped_map(event) is not None:
            event.acceptProposedAction()
            self.status("Drop to open this map")
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt's name
        path = self._dropped_map(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        QTimer.singleShot(0, lambda: self.open_path(path))  # no modal dialog inside a drop
