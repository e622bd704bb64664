"""The main window's actions, menus and toolbar, and the commands only they run.

Every command has one ``QAction`` (text, standard shortcut, tooltip naming the keys, icon)
shared by the menus and the toolbar, so a shortcut works wherever the command appears and
Help ▸ Keyboard Shortcuts can list them all from the menus. The View and Help commands
(theme, full screen, shortcuts, about) and Select All / Find live here too: nothing else
calls them. :class:`MenuCommands` is a mixin of :class:`~ui.qt.window.main.MainWindow` and
relies on its ``settings``, ``undo_stack``, ``view``, ``sources``, ``search`` and the file
and clipboard commands of the other mixins.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QStyle, QToolBar, QWidget

from argmap import __version__
from argmap.edit.document import MapDocument
from argmap.map.model import CLAIM_KINDS, ClaimKind
from argmap.map.palette import KIND_LABEL
from argmap.map.vocabulary import with_article
from ui.qt.base.icons import kind_icon
from ui.qt.base.theme import THEME_MODES, ThemeMode, apply_theme
from ui.qt.panels.search import SearchBox
from ui.qt.panels.sources import SourcesPane
from ui.qt.window.undokeys import UndoKeysFilter, redo_keys, undo_keys

if TYPE_CHECKING:
    from ui.qt.canvas.view import MapView

    _Base = QMainWindow
else:  # a plain mixin at run time; the window itself is the QMainWindow
    _Base = object


def _std_icon(widget: QWidget, name: str) -> QIcon:
    return widget.style().standardIcon(getattr(QStyle.StandardPixmap, name))


class FixedTextTwin(QAction):
    """A toolbar twin of an action whose text never changes: the undo stack renames its
    actions after every edit ("Undo Set Sakhi on “Engage…” to mixed"), which made every
    toolbar button after them move under the pointer and pushed the last ones into the »
    overflow. The twin shows a fixed text; the full text goes to its tooltip (the Edit menu
    keeps the original, in full). It has no keys (the original keeps them, so a shortcut is
    never ambiguous) and follows the original's enabled state."""

    def __init__(self, source: QAction, text: str, parent: QWidget) -> None:
        super().__init__(source.icon(), text, parent)
        self._source = source
        self._fixed = text
        self.setEnabled(source.isEnabled())
        self.triggered.connect(source.trigger)
        source.enabledChanged.connect(self.setEnabled)
        source.changed.connect(self._follow)  # bound: gone with the twin
        self._follow()

    def _follow(self) -> None:
        if not shiboken6.isValid(self._source):  # the source signals while it is destroyed
            return
        full = self._source.text().replace("&", "")
        keys = self._source.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.setToolTip(f"{full} ({keys})" if keys else full)
        self.setStatusTip(full)


class MenuCommands(_Base):
    """The actions, menus and toolbar of the main window."""

    settings: QSettings
    doc: MapDocument
    undo_stack: QUndoStack
    view: MapView
    sources: SourcesPane
    search: SearchBox
    # the commands of the other mixins the actions trigger
    new_map: Callable[[], bool]
    open_dialog: Callable[[], bool]
    save: Callable[[], bool]
    save_as: Callable[[], bool]
    cut: Callable[[], None]
    copy: Callable[[], bool]
    paste: Callable[[], list[str]]
    _fill_recent_menu: Callable[[], None]

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
        # The Edit menu's Undo and Redo name the action ("Undo Set Sakhi on …") and carry
        # the keys; a text field takes them only while it has typing to undo (undokeys).
        self.act_undo = self.undo_stack.createUndoAction(self, "&Undo")
        self.act_undo.setShortcuts(undo_keys())
        self.act_undo.setIcon(_std_icon(self, "SP_ArrowBack"))
        self.act_redo = self.undo_stack.createRedoAction(self, "&Redo")
        self.act_redo.setShortcuts(redo_keys())
        self.act_redo.setIcon(_std_icon(self, "SP_ArrowForward"))
        app = QApplication.instance()
        if app is not None:
            self.undo_keys_filter = UndoKeysFilter(self)
            app.installEventFilter(self.undo_keys_filter)
        self.act_undo_button = FixedTextTwin(self.act_undo, "Undo", self)
        self.act_redo_button = FixedTextTwin(self.act_redo, "Redo", self)
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
                f"Add {with_article(kind)} card near the selection",
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
        self.toolbar.addActions([self.act_undo_button, self.act_redo_button])
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
