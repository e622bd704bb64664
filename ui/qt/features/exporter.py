"""File → Export… and File → Import… of the main window.

Export writes the open map in the format the chosen filter (or typed extension) names.
Images come from the scene on screen, through :func:`ui.qt.render.images.export_scene`, so they
show the cards where the user sees them; text formats come from :mod:`argmap.formats`.

Import opens an Argdown, AIF or GraphML file **as a new, untitled map** (after the usual
save prompt), never merged into the open one: ids from another tool would collide with the
map's own, and a merge is better done deliberately with copy and paste. What the reader
could not carry over is shown in the status bar; a file that cannot be read is reported
with ``window.show_error`` and the open map stays as it was.

The dialogs go through :meth:`ExportFeature.ask_export_path` and
:meth:`ExportFeature.ask_import_path`, so tests replace them instead of facing a modal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget

from argmap.formats.registry import encode_map, format_for, read_map, write_atomic
from argmap.map.mapfile import MapFileError

EXPORT_FILTERS: tuple[tuple[str, str, bool], ...] = (
    ("SVG image (*.svg)", ".svg", False),
    ("PNG image (*.png)", ".png", False),
    ("PDF (*.pdf)", ".pdf", False),
    ("PDF with handout of quotes (*.pdf)", ".pdf", True),
    ("Markdown outline (*.md)", ".md", False),
    ("Graphviz DOT (*.dot)", ".dot", False),
    ("GraphML for yEd and Gephi (*.graphml)", ".graphml", False),
    ("Argdown (*.argdown)", ".argdown", False),
    ("AIF JSON (*.aif.json)", ".aif.json", False),
)
"""Dialog filter, the extension it adds when the name has none, and the handout flag."""

IMPORT_FILTER = (
    "Argument maps (*.argdown *.ad *.aif.json *.json *.graphml);;"
    "Argdown (*.argdown *.ad);;AIF JSON (*.aif.json *.json);;GraphML (*.graphml)"
)
PNG_SCALE = 2.0
"""PNG from the app: twice the screen size, sharp on slides and high-DPI screens."""


class ExportFeature(QObject):
    """The two File-menu actions of one window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window if isinstance(window, QObject) else None)
        self.window = window
        self.export_action = QAction("&Export…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setStatusTip(
            "Save the map as an image, PDF handout, outline or in another tool's format"
        )
        self.export_action.triggered.connect(self.export_dialog)
        self.import_action = QAction("&Import Map…", self)
        self.import_action.setStatusTip("Open an Argdown, AIF or GraphML file as a new map")
        self.import_action.triggered.connect(self.import_dialog)
        before = getattr(window, "file_quit_separator", None)
        for action in (self.import_action, self.export_action):
            if isinstance(before, QAction):
                window.file_menu.insertAction(before, action)
            else:
                window.file_menu.addAction(action)

    # -- dialogs (tests replace these) --------------------------------------------------

    def _parent(self) -> QWidget | None:
        return self.window if isinstance(self.window, QWidget) else None

    def ask_export_path(self) -> tuple[str, str]:
        """The chosen file name and filter, or ``("", "")`` when cancelled."""
        title = getattr(getattr(self.window, "doc", None), "map", None)
        stem = (getattr(title, "title", "") or "argument map").replace("/", "-")
        filters = ";;".join(f for f, _, _ in EXPORT_FILTERS)
        # Beside the map's file: a bare name opened the dialog in the working folder.
        opened = getattr(self.window, "path", None)
        start = str(Path(opened).parent / stem) if opened else stem
        path, chosen = QFileDialog.getSaveFileName(self._parent(), "Export Map", start, filters)
        return path, chosen

    def ask_import_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self._parent(), "Import Map", "", IMPORT_FILTER)
        return path

    # -- actions -------------------------------------------------------------------------

    def export_dialog(self) -> bool:
        path, chosen = self.ask_export_path()
        if not path:
            return False
        suffix, handout = next(((s, h) for f, s, h in EXPORT_FILTERS if f == chosen), ("", False))
        if suffix and not path.lower().endswith(suffix):
            try:
                format_for(path, "write")
            except MapFileError:
                path += suffix  # "slides" with the SVG filter -> "slides.svg"
        return self.export_to(path, handout=handout)

    def export_to(self, path: str, *, handout: bool = False) -> bool:
        """Write the open map to ``path``; errors go to ``window.show_error``."""
        window = self.window
        try:
            fmt = format_for(path, "write")
            if fmt.image:
                from ui.qt.render.images import export_scene

                scale = PNG_SCALE if fmt.name == "png" else 1.0
                export_scene(
                    window.view.map_scene(), window.doc.map, path, scale=scale, handout=handout
                )
            else:
                write_atomic(path, encode_map(window.doc.map, path))
        except MapFileError as exc:
            window.show_error("Cannot export map", str(exc))
            return False
        window.status(f"Exported {Path(path).name}")
        return True

    def import_dialog(self) -> bool:
        maybe_save = getattr(self.window, "maybe_save", None)
        if callable(maybe_save) and not maybe_save():
            return False
        path = self.ask_import_path()
        return self.import_from(path) if path else False

    def import_from(self, path: str) -> bool:
        """Open ``path`` as a new, untitled map; report what did not carry over."""
        window = self.window
        try:
            result = read_map(path)
        except MapFileError as exc:
            window.show_error("Cannot import map", str(exc))
            return False
        window.set_map(result.map, None)
        name = Path(path).name
        counts = f"{len(result.map.claims)} claims, {len(result.map.links)} links"
        note = (
            f"; {len(result.warnings)} note(s): " + "; ".join(result.warnings)
            if result.warnings
            else ""
        )
        window.status(f"Imported {name} as a new map: {counts}{note}", 0 if note else 6000)
        return True


def install(window: Any) -> ExportFeature:
    """Add File → Import Map… and File → Export… to ``window``."""
    feature = ExportFeature(window)
    window._export_feature = feature  # keep it alive as long as the window
    return feature
