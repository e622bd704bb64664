"""The main window: the map canvas in the middle, the article, inspector and legend beside it.

The window owns one :class:`~argmap.document.MapDocument` for its whole life (opening a file
replaces the document's map, so every dock stays connected), one ``QUndoStack`` and one
:class:`~ui.qt.canvas.view.MapView`. Docks only talk to the document and the undo stack;
the window wires the selection between them and handles files, the clipboard and the
desktop conventions (shortcuts, modified marker, save prompts, drag-and-drop, recent files,
autosave, remembered geometry).

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
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QByteArray, QMimeData, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QStyle,
    QToolBar,
    QWidget,
)

from argmap import __version__
from argmap.clipboard import fragment, paste_edit, pasted_claim_ids, plain_text
from argmap.document import EditError, MapDocument
from argmap.mapfile import MAP_SUFFIX, MapFileError, decode, encode, load, save
from argmap.model import CLAIM_KINDS, ArgumentMap, ClaimKind
from argmap.palette import KIND_LABEL
from argmap.quotes import load_allowing_drift, reanchor
from ui.qt.canvas.overview import MapOverview
from ui.qt.canvas.view import MapView
from ui.qt.files import Autosave, RecentFiles, Recovery, default_recovery_dir, find_recoveries
from ui.qt.history import history_dock
from ui.qt.inspector import Inspector
from ui.qt.legend import Legend
from ui.qt.search import SearchBox
from ui.qt.sources import SourcesPane, kind_icon
from ui.qt.theme import THEME_MODES, ThemeMode, apply_theme
from ui.qt.undo import push_edit

FEATURE_MODULES = ("ui.qt.importer", "ui.qt.exporter", "ui.qt.compare_feature")
FRAGMENT_MIME = "application/x-argmap-fragment+json"
MAP_FILTER = f"Argument maps (*{MAP_SUFFIX});;JSON files (*.json);;All files (*)"
PASTE_OFFSET = 40.0
CHOSEN_KEY = "window/chosen_docks/"
"""Settings prefix of the docks whose visibility the user set; the window then never shows
or hides them by itself again (see :meth:`MainWindow.auto_dock`)."""

SaveAnswer = Literal["save", "discard", "cancel"]


def _std_icon(widget: QWidget, name: str) -> QIcon:
    return widget.style().standardIcon(getattr(QStyle.StandardPixmap, name))


def release_clipboard() -> None:
    """Take argmap's own data off the clipboard before the application object goes away.

    A ``QMimeData`` built in Python and handed to the clipboard crashes the interpreter when
    the QApplication is destroyed at exit (PySide6 6.11, seen offscreen). Called on
    ``aboutToQuit`` and after each UI test; plain text put there by others is left alone.
    """
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat(FRAGMENT_MIME):
        clipboard.clear()


class MainWindow(QMainWindow):
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

    # ================================================================ public surface
    def add_dock(
        self, dock: QDockWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea
    ) -> None:
        """Add a dock with a View-menu toggle; its objectName keeps its place across runs."""
        if not dock.objectName():
            dock.setObjectName(dock.windowTitle().lower().replace(" ", "_") + "_dock")
        self.addDockWidget(area, dock)
        self.docks_menu.addAction(dock.toggleViewAction())

    def auto_dock(self, dock: QDockWidget, wanted: Callable[[], bool]) -> None:
        """Let the window show or hide ``dock`` for each map by ``wanted()`` (the overview
        for maps too big to read whole, the positions matrix for maps with positions), until
        the user shows or hides it: from then on that choice is remembered and wins."""
        self._auto_docks.append((dock, wanted))
        dock.toggleViewAction().toggled.connect(lambda shown, d=dock: self._dock_toggled(d, shown))

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

    def _dock(self, title: str, name: str, widget: QWidget, scroll: bool = False) -> QDockWidget:
        """A dock; ``scroll`` puts tall forms in a scroll area so they never force the
        window taller than the screen (or than a ``--screenshot`` size)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        if scroll:
            area = QScrollArea()
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            area.setWidget(widget)
            dock.setWidget(area)
        else:
            dock.setWidget(widget)
        return dock

    def _build_docks(self) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.sources_dock = self._dock("Article", "sources_dock", self.sources)
        self.legend_dock = self._dock("Legend", "legend_dock", self.legend, scroll=True)
        self.inspector_dock = self._dock("Inspector", "inspector_dock", self.inspector, scroll=True)
        self.history_dock = history_dock(self.undo_stack, self)
        self.add_dock(self.sources_dock, left)
        self.add_dock(self.inspector_dock, right)
        self.add_dock(self.legend_dock, right)
        self.add_dock(self.history_dock, right)
        self.tabifyDockWidget(self.legend_dock, self.history_dock)
        self.legend_dock.raise_()
        self.overview = MapOverview(self.view)
        self.overview_dock = self._dock("Overview", "overview_dock", self.overview)
        self.add_dock(self.overview_dock, right)
        self._docks_sized = False
        self._shown_once = False
        self._auto_docks: list[tuple[QDockWidget, Callable[[], bool]]] = []
        self._auto_applying = False

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
        name = recovery.original.name if recovery.original else "an untitled map"
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
        self.status(f"Opened {target.name}: {len(amap.claims)} claims, {len(amap.links)} links")
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

    # ================================================================ clipboard
    def copy(self) -> bool:
        ids = self.view.map_scene().selected_claim_ids()
        if not ids:
            return False
        frag = fragment(self.doc, ids)
        data = QMimeData()
        data.setData(FRAGMENT_MIME, QByteArray(encode(frag)))
        data.setText(plain_text(frag))
        QGuiApplication.clipboard().setMimeData(data)
        self.status(f"Copied {len(ids)} claim{'s' if len(ids) != 1 else ''}")
        return True

    def cut(self) -> None:
        if self.copy():
            self.view.delete_selected()

    def paste(self) -> list[str]:
        data = QGuiApplication.clipboard().mimeData()
        if data is None or not data.hasFormat(FRAGMENT_MIME):
            self.status("The clipboard holds no claims (copy some from a map first)")
            return []
        try:
            frag = decode(bytes(data.data(FRAGMENT_MIME).data()), "clipboard")
            edit = paste_edit(self.doc, frag, (PASTE_OFFSET, PASTE_OFFSET))
            push_edit(self.undo_stack, self.doc, edit)
        except (MapFileError, EditError) as exc:
            self.show_error("Cannot paste", str(exc))
            return []
        ids = pasted_claim_ids(edit)
        self.view.select_claims(ids, center=True)
        self.status(f"Pasted {len(ids)} claim{'s' if len(ids) != 1 else ''}")
        return ids

    def _update_paste(self) -> None:
        data = QGuiApplication.clipboard().mimeData()
        self.act_paste.setEnabled(data is not None and data.hasFormat(FRAGMENT_MIME))

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
    def _restore_state(self) -> bool:
        """Size and docks as the user left them; False when there is nothing to restore."""
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        return isinstance(state, QByteArray) and self.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        """First show: arrange the docks (sized by default unless remembered), then frame
        the map in the room they leave it."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._arrange(default_sizes=not self._docks_sized)
            self._docks_sized = True

    def _map_replaced(self) -> None:
        """Another map: the docks that depend on it (overview, positions) follow it."""
        if self._shown_once and self.isVisible():
            self._arrange(default_sizes=False)

    def _arrange(self, default_sizes: bool) -> None:
        """Show or hide the automatic docks for this map and frame the map.

        The overview is decided last, once the other docks have taken their room: it
        depends on whether the map fits the map pane readably.
        """
        layout = self.layout()
        overview = [x for x in self._auto_docks if x[0] is self.overview_dock]
        changed = self._apply_auto_docks([x for x in self._auto_docks if x not in overview])
        if default_sizes:
            self._size_docks()
        layout.activate()
        changed = self._apply_auto_docks(overview) or changed
        if default_sizes:
            self._size_right_column()
        if changed or default_sizes:
            layout.activate()
            if self.view.showing_map():
                self.view.show_initial()

    def _apply_auto_docks(self, docks: list[tuple[QDockWidget, Callable[[], bool]]]) -> bool:
        changed = False
        self._auto_applying = True
        try:
            for dock, wanted in docks:
                if self.settings.contains(CHOSEN_KEY + dock.objectName()):
                    continue
                show = wanted()
                if show != dock.isVisible():
                    dock.setVisible(show)
                    changed = True
        finally:
            self._auto_applying = False
        return changed

    def _dock_toggled(self, dock: QDockWidget, shown: bool) -> None:
        if not self._auto_applying and self._shown_once:
            self.settings.setValue(CHOSEN_KEY + dock.objectName(), shown)

    def _size_docks(self) -> None:
        """Default widths and heights: the map gets most of the window, the article a
        readable column, the comparison table only the rows it has."""
        width, height = max(self.width(), 900), max(self.height(), 600)
        horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        self.resizeDocks([self.sources_dock], [min(400, width * 6 // 25)], horizontal)
        self.resizeDocks([self.inspector_dock], [min(330, width // 5)], horizontal)
        bottom = [
            d
            for d in self.findChildren(QDockWidget)
            if d.isVisible()
            and not d.isFloating()
            and self.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea
        ]
        for dock in bottom:
            preferred = getattr(dock, "preferred_height", None)
            want = preferred() if callable(preferred) else dock.sizeHint().height()
            self.resizeDocks([dock], [max(110, min(want, height * 6 // 25))], vertical)

    def _size_right_column(self) -> None:
        """Inspector on top, legend in the middle, the overview (when shown) at the foot."""
        height = max(self.height(), 600)
        title = self.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight) + 8
        # The legend as tall as its authors, kinds and links (then it needs no scroll bar);
        # the inspector, empty until something is selected, has the rest.
        legend = min(self.legend.sizeHint().height() + title + 28, height // 2)
        docks = [self.inspector_dock, self.legend_dock]
        sizes = [height // 4, legend]
        if self.overview_dock.isVisible():
            docks.append(self.overview_dock)
            sizes.append(max(150, height * 9 // 50))
        self.resizeDocks(docks, sizes, Qt.Orientation.Vertical)

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


def menu_titles(menu: QMenu) -> list[str]:
    """The visible entries of a menu, without '&' (for tests and the README)."""
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
