"""The main window: the map canvas in the middle, the article, inspector and legend beside it.

The window owns one :class:`~argmap.edit.document.MapDocument` for its whole life (opening a file
replaces the document's map, so every dock stays connected), one ``QUndoStack`` and one
:class:`~ui.qt.canvas.view.MapView`. Docks only talk to the document and the undo stack;
the window wires the selection between them and handles files, the clipboard and the
desktop conventions (shortcuts, modified marker, save prompts, drag-and-drop, recent files,
autosave, remembered geometry).

This module creates the window's parts and wires them together; four mixins hold the
rest, one job each: :mod:`ui.qt.window.menus` (actions, menus, toolbar, the View and Help
commands), :mod:`ui.qt.window.files` (new, open, save, recent files, recovery, drops, the
title's modified marker), :mod:`ui.qt.window.clipboard` (cut, copy, paste) and
:mod:`ui.qt.window.docks` (the docks, the automatic ones, their sizes).

Features written elsewhere (importers, exporters, comparison) add themselves through
:data:`FEATURE_MODULES`: each module's ``install(window)`` may use the public surface
(``doc``, ``undo_stack``, ``view``, the menus, ``toolbar``, ``add_dock``, ``show_error``,
``status``), so window.py never has to change for them.

Every question the window asks the user goes through one method (``ask_save_changes``,
``ask_open_path``, ``ask_save_path``, ``ask_recover``, ``show_error``) so tests replace it
instead of facing a modal dialog.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox

from argmap.edit.document import MapDocument
from ui.qt.base.report import report_box
from ui.qt.canvas.view import MapView
from ui.qt.panels.inspector import Inspector
from ui.qt.panels.legend import Legend
from ui.qt.panels.search import SearchBox
from ui.qt.panels.sources import SourcesPane
from ui.qt.window.clipboard import FRAGMENT_MIME, PASTE_OFFSET, ClipboardActions, release_clipboard
from ui.qt.window.docks import CHOSEN_KEY, DockLayout
from ui.qt.window.files import MAP_FILTER, FileActions, SaveAnswer
from ui.qt.window.menus import MenuCommands
from ui.qt.window.recovery import Autosave, RecentFiles, default_recovery_dir

__all__ = [
    "CHOSEN_KEY",
    "FEATURE_MODULES",
    "FRAGMENT_MIME",
    "MAP_FILTER",
    "PASTE_OFFSET",
    "MainWindow",
    "SaveAnswer",
    "menu_titles",
    "release_clipboard",
]

FEATURE_MODULES = (
    "ui.qt.features.importer",
    "ui.qt.features.exporter",
    "ui.qt.features.compare",
    "ui.qt.features.related",
    "ui.qt.features.presentation",
    "ui.qt.features.keyoverlay",
    "ui.qt.features.views",
)


class MainWindow(FileActions, ClipboardActions, DockLayout, MenuCommands, QMainWindow):
    """The argmap studio window (see the module docstring for its parts and seams)."""

    def __init__(
        self,
        settings: QSettings | None = None,
        recovery_dir: Path | None = None,
        *,
        install_features: bool = True,
        restore_state: bool = True,
        autosave_ms: int | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings if settings is not None else QSettings()
        self.doc = MapDocument()
        self.undo_stack = QUndoStack(self)
        self.path: Path | None = None
        self._recovered = False  # a recovered map is modified although its stack is clean
        self.recent = RecentFiles(self.settings)
        self.autosave = Autosave(
            self.doc,
            recovery_dir if recovery_dir is not None else default_recovery_dir(),
            self.is_modified,
            **({"interval_ms": autosave_ms} if autosave_ms is not None else {}),
            parent=self,
        )

        self.setObjectName("argmap_main_window")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        # Side docks run the full height; a bottom dock (a feature's table) sits under the map.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.view = MapView(self.doc, self.undo_stack, self)
        self.setCentralWidget(self.view)

        self.sources = SourcesPane(self.doc, self.undo_stack)
        self.inspector = Inspector(self.doc, self.undo_stack)
        self.legend = Legend(self.doc, self.undo_stack)
        self.search = SearchBox(self.doc)
        self.counts = QLabel()

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_docks()
        self._wire()
        self.statusBar().addPermanentWidget(self.counts)
        self._update_counts()
        self._update_title()
        self._fit_to_screen(1400, 900)
        if install_features:
            self.install_features()
        self._group_bottom_docks()
        # Last, so it is decided after the features' docks have taken their room.
        self.auto_dock(self.overview_dock, lambda: not self.view.fits_readably())
        self.tools_menu.menuAction().setVisible(bool(self.tools_menu.actions()))
        if restore_state:  # after the features, so their docks get their places back too
            with self.not_chosen():  # restoring is not the user choosing
                self._docks_sized = self._restore_state()

    def _fit_to_screen(self, width: int, height: int) -> None:
        """Open at ``width`` x ``height``, or at what the screen has room for: on a
        1280x720 or 1366x768 laptop a fixed 1400x900 put the status bar and the right-hand
        docks off the screen, where nothing can reach them (a saved layout, restored
        later, still wins)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width()), min(height, room.height())
        self.resize(width, height)

    # ====================================== public surface (also add_dock, auto_dock)
    def show_error(self, title: str, text: str) -> None:
        """Tell the user something failed (a dialog; tests replace this method). A long
        report shows its first line, the rest in a scrollable details area."""
        report_box(title, text, QMessageBox.Icon.Critical, self).exec()

    def status(self, text: str, timeout_ms: int = 6000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def install_features(self) -> None:
        """Call ``install(window)`` of every feature module present (a failure is reported)."""
        for name in FEATURE_MODULES:
            try:
                if importlib.util.find_spec(name) is None:
                    continue
                importlib.import_module(name).install(self)
            except Exception as exc:  # one broken feature must not take the studio down
                self.status(f"Could not load {name}: {exc}", 0)

    # ================================================================ wiring
    def _wire(self) -> None:
        # Bound slots, not lambdas: Qt disconnects them when the window is destroyed (the
        # stack, a child, still signals while it is being torn down).
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.undo_stack.indexChanged.connect(self._update_title)
        self.view.selection_changed.connect(self._selection_changed)
        self.view.status_message.connect(self.status)
        self.sources.claim_clicked.connect(lambda cid: self.view.select_claims([cid], center=True))
        self.sources.claim_created.connect(lambda cid: self.view.select_claims([cid], center=True))
        self.sources.status_message.connect(self.status)
        self.inspector.status_message.connect(self.status)
        self.legend.apply_hidden = self.view.map_scene().set_hidden
        self.search.highlight = self.view.map_scene().set_highlight
        self.search.select = self.view.show_claim_readably
        self.search.status_message.connect(self.status)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._update_counts)
        self.doc.changed.connect(self._schedule_counts)
        self.doc.meta_changed.connect(self._update_title)
        self.doc.reset.connect(self._map_replaced)
        clipboard = QGuiApplication.clipboard()
        clipboard.dataChanged.connect(self._update_paste)
        self._update_paste()
        self._selection_changed([])

    def _selection_changed(self, claim_ids: list[str]) -> None:
        links = self.view.map_scene().selected_link_ids()
        self.inspector.set_selection(claim_ids, links)
        self.sources.show_claims(claim_ids)
        has = bool(claim_ids)
        self.act_copy.setEnabled(has)
        self.act_cut.setEnabled(has)
        self.act_delete.setEnabled(has or bool(links))

    def _schedule_counts(self) -> None:
        """Recount once per event-loop turn (psygnal cannot connect to ``QTimer.start``)."""
        self._count_timer.start()

    def _update_counts(self) -> None:
        n, m = len(self.doc.claims), len(self.doc.links)
        self.counts.setText(f"{n} claim{'s' if n != 1 else ''} · {m} link{'s' if m != 1 else ''}")

    # ================================================================ Qt events
    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        if not self.maybe_save():
            event.ignore()
            return
        presentation = getattr(self, "presentation", None)
        if presentation is not None and presentation.presenting:
            presentation.stop()  # remember the editing layout, not the bare full screen
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        self.autosave.timer.stop()
        self.autosave.discard()
        event.accept()


def menu_titles(menu: QMenu) -> list[str]:
    """The visible entries of a menu, without '&' (for tests and the README)."""
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
