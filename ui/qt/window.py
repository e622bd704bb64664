"""The main window: the map canvas in the middle, the article, inspector and legend beside it.

The window owns one :class:`~argmap.document.MapDocument` for its whole life (opening a file
replaces the document's map, so every dock stays connected), one ``QUndoStack`` and one
:class:`~ui.qt.canvas.view.MapView`. Docks only talk to the document and the undo stack;
the window wires the selection between them and handles files, the clipboard and the
desktop conventions (shortcuts, modified marker, save prompts, drag-and-drop, recent files,
autosave, remembered geometry).

This module builds the window (actions, menus, toolbar) and wires its parts; three mixins
hold the rest, one job each: :mod:`ui.qt.window_files` (new, open, save, recent files,
recovery, drops, the title's modified marker), :mod:`ui.qt.window_clipboard` (cut, copy,
paste) and :mod:`ui.qt.window_docks` (the docks, the automatic ones, their sizes).

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
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyle,
    QToolBar,
    QWidget,
)

from argmap import __version__
from argmap.document import MapDocument
from argmap.model import CLAIM_KINDS, ClaimKind
from argmap.palette import KIND_LABEL
from ui.qt.canvas.view import MapView
from ui.qt.files import Autosave, RecentFiles, default_recovery_dir
from ui.qt.inspector import Inspector
from ui.qt.legend import Legend
from ui.qt.search import SearchBox
from ui.qt.sources import SourcesPane, kind_icon
from ui.qt.theme import THEME_MODES, ThemeMode, apply_theme
from ui.qt.window_clipboard import FRAGMENT_MIME, PASTE_OFFSET, ClipboardActions, release_clipboard
from ui.qt.window_docks import CHOSEN_KEY, DockLayout
from ui.qt.window_files import MAP_FILTER, FileActions, SaveAnswer

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

FEATURE_MODULES = ("ui.qt.importer", "ui.qt.exporter", "ui.qt.compare_feature")


def _std_icon(widget: QWidget, name: str) -> QIcon:
    return widget.style().standardIcon(getattr(QStyle.StandardPixmap, name))


class MainWindow(FileActions, ClipboardActions, DockLayout, QMainWindow):
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
        self.resize(1400, 900)
        if install_features:
            self.install_features()
        # Last, so it is decided after the features' docks have taken their room.
        self.auto_dock(self.overview_dock, lambda: not self.view.fits_readably())
        self.tools_menu.menuAction().setVisible(bool(self.tools_menu.actions()))
        if restore_state:  # after the features, so their docks get their places back too
            self._auto_applying = True  # restoring is not the user choosing
            try:
                self._docks_sized = self._restore_state()
            finally:
                self._auto_applying = False

    # ====================================== public surface (also add_dock, auto_dock)
    def show_error(self, title: str, text: str) -> None:
        """Tell the user something failed (a dialog; tests replace this method)."""
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()

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

    # ================================================================ building
    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence.StandardKey | str | None = None,
        tip: str = "",
        icon: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(
                QKeySequence(shortcut)
                if isinstance(shortcut, str)
                else QKeySequence(QKeySequence.StandardKey(shortcut))
            )
        if icon:
            action.setIcon(_std_icon(self, icon))
        if tip:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        a = self._action
        self.act_new = a("&New", self.new_map, key.New, "Start an empty map", "SP_FileIcon")
        self.act_open = a(
            "&Open…", self.open_dialog, key.Open, "Open a map file", "SP_DialogOpenButton"
        )
        self.act_save = a("&Save", self.save, key.Save, "Save the map", "SP_DialogSaveButton")
        self.act_save_as = a("Save &As…", self.save_as, key.SaveAs, "Save under another name")
        self.act_quit = a("&Quit", self.close, key.Quit, "Close the window")
        if self.act_quit.shortcut().isEmpty():  # some platform themes define no Quit key
            self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.act_undo = self.undo_stack.createUndoAction(self, "&Undo")
        self.act_undo.setShortcut(QKeySequence(key.Undo))
        self.act_undo.setIcon(_std_icon(self, "SP_ArrowBack"))
        self.act_redo = self.undo_stack.createRedoAction(self, "&Redo")
        self.act_redo.setShortcuts(QKeySequence.keyBindings(key.Redo))
        self.act_redo.setIcon(_std_icon(self, "SP_ArrowForward"))
        self.act_cut = a("Cu&t", self.cut, key.Cut, "Cut the selected claims")
        self.act_copy = a("&Copy", self.copy, key.Copy, "Copy the selected claims")
        self.act_paste = a("&Paste", self.paste, key.Paste, "Paste claims copied from a map")
        self.act_delete = a(
            "&Delete", self.view.delete_selected, key.Delete, "Delete the selection"
        )
        # Delete and Cut remove claims, so their keys work only while the map has the focus:
        # pressed in the article, a table or a form they must never reach the map (the Edit
        # menu still applies them to the map's selection, explicitly).
        for action in (self.act_cut, self.act_delete):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
        self.act_select_all = a("Select &All", self.select_all, key.SelectAll, "Select all claims")
        self.act_find = a("&Find…", self.focus_search, key.Find, "Search the claims")
        self.act_find_next = a("Find &Next", self.search.find_next, key.FindNext, "Next match")
        self.act_find_prev = a(
            "Find Pre&vious", self.search.find_previous, key.FindPrevious, "Previous match"
        )
        self.act_zoom_in = a("Zoom &In", self.view.zoom_in, key.ZoomIn, "Zoom in")
        self.act_zoom_out = a("Zoom &Out", self.view.zoom_out, key.ZoomOut, "Zoom out")
        self.act_zoom_reset = a("&Actual Size", self.view.reset_zoom, "Ctrl+0", "Zoom to 100%")
        self.act_fit = a("&Fit Map", self.view.fit_all, "Ctrl+Shift+0", "Show the whole map")
        self.act_layout = a(
            "Auto &Layout", self.view.auto_layout, "Ctrl+L", "Lay the map out in layers (undoable)"
        )
        self.act_full_screen = a(
            "F&ull Screen", self.toggle_full_screen, key.FullScreen, "Full screen"
        )
        self.act_about = a("&About argmap", self.about, None, "About this program")
        self.act_keys = a(
            "&Keyboard Shortcuts", self.show_shortcuts, None, "Every shortcut of the menus"
        )
        self.act_new_claim: dict[ClaimKind, QAction] = {}
        for i, kind in enumerate(CLAIM_KINDS, start=1):
            action = a(
                f"New {KIND_LABEL[kind]}",
                lambda _=False, k=kind: self.view.new_claim_at(None, k),
                f"Ctrl+Shift+{i}",
                f"Add a {kind} near the selection",
            )
            action.setIcon(kind_icon(kind))
            self.act_new_claim[kind] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.file_menu.addActions([self.act_new, self.act_open])
        self.recent_menu = self.file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.act_save, self.act_save_as])
        self.file_menu.addSeparator()
        self.file_quit_separator = self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)

        self.edit_menu = bar.addMenu("&Edit")
        self.edit_menu.addActions([self.act_undo, self.act_redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions(
            [self.act_cut, self.act_copy, self.act_paste, self.act_delete, self.act_select_all]
        )
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.act_find, self.act_find_next, self.act_find_prev])

        self.view_menu = bar.addMenu("&View")
        self.view_menu.addActions(
            [self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset, self.act_fit]
        )
        self.view_menu.addSeparator()
        self.docks_menu = self.view_menu.addMenu("&Panels")
        self.theme_menu = self.view_menu.addMenu("&Theme")
        self.theme_group = QActionGroup(self)
        current = self.theme_mode()
        for mode in THEME_MODES:
            action = self.theme_menu.addAction(mode.capitalize())
            action.setCheckable(True)
            action.setChecked(mode == current)
            action.setData(mode)
            action.triggered.connect(lambda _=False, m=mode: self.set_theme(m))
            self.theme_group.addAction(action)
        self.view_menu.addAction(self.act_full_screen)

        self.map_menu = bar.addMenu("&Map")
        self.map_menu.addActions(list(self.act_new_claim.values()))
        self.map_menu.addSeparator()
        self.map_menu.addActions(list(self.sources.new_from_selection.values()))
        self.map_menu.addSeparator()
        self.map_menu.addAction(self.act_layout)

        self.tools_menu = bar.addMenu("&Tools")
        self.help_menu = bar.addMenu("&Help")
        self.help_menu.addActions([self.act_keys, self.act_about])

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar("Main toolbar", self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        for action in (self.act_new, self.act_open, self.act_save):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.act_undo, self.act_redo])
        self.toolbar.addSeparator()
        for kind in ("thesis", "premise", "objection"):
            self.toolbar.addAction(self.act_new_claim[kind])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.act_layout, self.act_fit])
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred
        )
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.search)

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
        self.search.select = lambda cid: self.view.select_claims([cid], center=True)
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

    # ================================================================ edit commands
    def select_all(self) -> None:
        self.view.select_claims(list(self.doc.claims), center=False)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ================================================================ view
    def theme_mode(self) -> ThemeMode:
        value = self.settings.value("theme", "system")
        return value if value in THEME_MODES else "system"

    def set_theme(self, mode: ThemeMode) -> None:
        self.settings.setValue("theme", mode)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, mode)
        for action in self.theme_group.actions():
            action.setChecked(action.data() == mode)

    def toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def shortcuts(self) -> list[tuple[str, str, str]]:
        """(menu, command, keys) for every menu command that has a shortcut."""
        rows = []
        for menu in (self.file_menu, self.edit_menu, self.view_menu, self.map_menu):
            for action in menu.actions():
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                if keys and not action.isSeparator():
                    title = menu.title().replace("&", "")
                    rows.append((title, action.text().replace("&", ""), keys))
        return rows

    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td>{m}</td><td>{c}</td><td><b>{k}</b></td></tr>" for m, c, k in self.shortcuts()
        )
        box = QMessageBox(self)
        box.setWindowTitle("Keyboard shortcuts")
        box.setText(
            f"<table cellspacing=6>{rows}</table><p>On the map: Delete removes the selection, "
            "F2 edits a label, Space+drag pans, Home fits the map.</p>"
        )
        box.exec()

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About argmap",
            f"<b>argmap {__version__}</b><p>Argument maps of op-eds: thesis, premises and "
            "recommendations, linked by support and attack within and across authors.</p>",
        )

    # ================================================================ Qt events
    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        if not self.maybe_save():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        self.autosave.timer.stop()
        self.autosave.discard()
        event.accept()


def menu_titles(menu: QMenu) -> list[str]:
    """The visible entries of a menu, without '&' (for tests and the README)."""
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
