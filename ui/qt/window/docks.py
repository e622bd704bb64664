"""The main window's docks: building them, the automatic ones, their default sizes.

The studio's panels (article, inspector, legend, history, overview, and those features add
through :meth:`DockLayout.add_dock`) each have a View ▸ Panels toggle and keep their place
across runs. Some docks are *automatic* (:meth:`DockLayout.auto_dock`): the window shows
or hides them for each map until the user decides, and the user's choice is remembered
under :data:`CHOSEN_KEY`. Others are *demanded* (:meth:`DockLayout.demand_dock`): shown
for a map that needs them (the import review for a map with unreviewed proposals) and
otherwise left as the user had them. On first show the docks get default sizes that leave
the map most of the window, then the map is framed in the room they leave it; a dock that
appears later gets its default size when it appears (:meth:`DockLayout.present_dock`).

:class:`DockLayout` is a mixin of :class:`~ui.qt.window.main.MainWindow` and relies on its
``settings``, ``view``, ``undo_stack``, ``sources``, ``inspector``, ``legend`` and
``docks_menu``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QMenu, QScrollArea, QStyle, QWidget

from ui.qt.canvas.overview import MapOverview
from ui.qt.panels.history import history_dock
from ui.qt.panels.inspector import Inspector
from ui.qt.panels.legend import Legend
from ui.qt.panels.sources import SourcesPane

if TYPE_CHECKING:
    from ui.qt.canvas.view import MapView

    _Base = QMainWindow
else:  # a plain mixin at run time; the window itself is the QMainWindow
    _Base = object

CHOSEN_KEY = "window/chosen_docks/"
"""Settings prefix of the docks whose visibility the user set; the window then never shows
or hides them by itself again (see :meth:`DockLayout.auto_dock`)."""


class DockLayout(_Base):
    """The dock widgets of the main window and how they are arranged."""

    settings: QSettings
    view: MapView
    undo_stack: QUndoStack
    sources: SourcesPane
    inspector: Inspector
    legend: Legend
    docks_menu: QMenu

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

    def demand_dock(self, dock: QDockWidget, needed: Callable[[], bool]) -> None:
        """Show ``dock`` (raised, at its default size) whenever a map that ``needed()`` is
        opened or recovered, and leave it as the user had it for any other map.

        Unlike :meth:`auto_dock` the user's choice does not stick: the import review holds
        work the map still waits for, so a map with unreviewed proposals always opens with
        it (the command line tells the user to use it), and closing it stays a choice for
        this map only.
        """
        self._demand_docks.append((dock, needed))

    def present_dock(self, dock: QDockWidget) -> None:
        """Show and raise ``dock`` after a command filled it (the review after an import),
        at its default size if it was hidden, and let the automatic docks (the overview)
        follow the map the command changed. The map pane has its final size on return, so
        the caller can frame the map in it."""
        appearing = dock.isHidden()
        dock.show()
        dock.raise_()
        layout = self.layout()
        if layout is None:  # never for a QMainWindow; keeps the type checker content
            return
        layout.activate()
        if appearing:
            self._size_new_dock(dock)
            layout.activate()
        if self._shown_once and self._apply_auto_docks(self._auto_docks):
            layout.activate()
            if self.overview_dock.isVisible():
                # The column shares out its height again, once the legend has laid out
                # the authors the command added (its new rows are shown on the next turn;
                # sized now, the legend's foot was cut off). Only heights in the right
                # column change, so the map's frame stays right.
                QTimer.singleShot(0, self, self._size_right_column)

    # ================================================================ building
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
        self._demand_docks: list[tuple[QDockWidget, Callable[[], bool]]] = []
        self._auto_applying = False

    def _group_bottom_docks(self) -> None:
        """Tab the docks that features put under the map (positions, import review) into
        one group: side by side, each got half of the map's width, too narrow for a table
        of sentences; stacked, the map lost twice the height. Tabbed, each gets the whole
        strip and the window raises the one a map or a command needs."""
        bottom = [
            d
            for d in self.findChildren(QDockWidget)
            if self.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea
            and not d.isFloating()
        ]
        for dock in bottom[1:]:
            self.tabifyDockWidget(bottom[0], dock)

    # ================================================================ arranging
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
        assert layout is not None  # a QMainWindow always has its layout
        overview = [x for x in self._auto_docks if x[0] is self.overview_dock]
        others = [x for x in self._auto_docks if x not in overview]
        hidden = [d for d, _ in others if d.isHidden()]
        changed = self._apply_auto_docks(others)
        demanded = self._show_demanded_docks()
        changed = changed or bool(demanded)
        if default_sizes:
            self._size_docks()
        else:  # docks that appear for this map get their default height, as at start-up
            for dock in [*(d for d in hidden if not d.isHidden()), *demanded]:
                layout.activate()
                self._size_new_dock(dock)
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

    def _show_demanded_docks(self) -> list[QDockWidget]:
        """Show (and raise) the demanded docks this map needs; the ones newly shown."""
        shown = []
        self._auto_applying = True  # the map showing a dock is not the user choosing
        try:
            for dock, needed in self._demand_docks:
                if needed():
                    if dock.isHidden():
                        shown.append(dock)
                    dock.show()
                    dock.raise_()
        finally:
            self._auto_applying = False
        return shown

    @contextlib.contextmanager
    def not_chosen(self) -> Iterator[None]:
        """Docks shown or hidden inside are not the user's choice (restoring a layout,
        presenting): the window remembers only what the user does per dock."""
        before = self._auto_applying
        self._auto_applying = True
        try:
            yield
        finally:
            self._auto_applying = before

    def _dock_toggled(self, dock: QDockWidget, shown: bool) -> None:
        if not self._auto_applying and self._shown_once:
            # RuntimeError: Python tearing down a window left open (a notebook, a script)
            # deleted the settings first; docks hiding then are no user choice.
            with contextlib.suppress(RuntimeError):
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
            self.resizeDocks([dock], [self._default_height(dock, height)], vertical)

    def _default_height(self, dock: QDockWidget, window_height: int) -> int:
        """A bottom dock's default height: what it asks for (``preferred_height()``), at
        most its share of the window (``height_share``, else about a quarter) and at least
        a few rows. The review dock asks for a larger share: six rows of sentences were too
        few to review an import by."""
        preferred = getattr(dock, "preferred_height", None)
        want = preferred() if callable(preferred) else dock.sizeHint().height()
        share = getattr(dock, "height_share", 6 / 25)
        cap = int(window_height * share) if isinstance(share, float) else window_height * 6 // 25
        return max(110, min(want, cap))

    def _size_new_dock(self, dock: QDockWidget) -> None:
        """Give a dock that appears after the window was arranged its default size (under
        the map: its default height; beside it Qt's split is kept)."""
        if dock.isFloating() or self.dockWidgetArea(dock) != Qt.DockWidgetArea.BottomDockWidgetArea:
            return
        height = self._default_height(dock, max(self.height(), 600))
        self.resizeDocks([dock], [height], Qt.Orientation.Vertical)

    def _size_right_column(self) -> None:
        """Inspector on top, legend in the middle, the overview (when shown) at the foot.

        The legend gets the height of its authors, kinds and links, so it needs no scroll
        bar (a clipped "Links" box looked broken in a screenshot); the overview a fixed
        share; the inspector, nearly empty until something is selected and scrollable
        anyway, the rest. ``resizeDocks`` shares out any difference between the sizes asked
        for and the column's real height in proportion, so the inspector's share is worked
        out from the column's height instead of guessed.
        """
        height = max(self.height(), 600)
        docks = [self.inspector_dock, self.legend_dock]
        overview = self.overview_dock.isVisible()
        if overview:
            docks.append(self.overview_dock)
        column = self._column_height(docks)
        legend = min(self._dock_height_for(self.legend_dock, self.legend), height * 3 // 5)
        sizes = [legend]
        if overview:
            sizes.append(max(150, height * 9 // 50))
        inspector = max(column - sum(sizes), height // 5)
        self.resizeDocks(docks, [inspector, *sizes], Qt.Orientation.Vertical)

    def _column_height(self, docks: list[QDockWidget]) -> int:
        """The height the docks of one column share (the tab bars and the separators
        between them left out), once the window's layout has placed them."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        return sum(d.height() for d in docks)

    def _dock_height_for(self, dock: QDockWidget, content: QWidget) -> int:
        """The dock height that shows ``content`` whole: its size hint plus the dock's
        title bar and frame (a tab bar under a tabbed dock is outside the dock)."""
        frame = dock.height() - dock.widget().height() if dock.widget() else 0
        title = self.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight) + 8
        return content.sizeHint().height() + max(frame, title) + 4
