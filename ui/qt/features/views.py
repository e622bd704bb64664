"""The Views panel: a map's saved parts for teaching, opened, stepped through, exported.

A view (:class:`argmap.map.model.View`) is a named part of the map: one question, one
author's argument, or chosen claims. The panel lists them; making one from the selection,
from a position or from an author is one undo step (:mod:`argmap.edit.views`). Opening a
view shows its part alone on the canvas, laid out for itself (the canvas's alternate
scene, as the author view does, so the map's own scene is untouched), until "Whole map".

An open view can be revealed step by step in its teaching order: Right/Left, or Page
Down/Up as a presentation clicker sends them, show and hide the next card (in Present
mode a view starts from its first step). Cards never move while stepping: every card has
its place from the start and is only shown or hidden (:func:`ui.qt.render.slides.show_step`).
The panel's list of steps is the order; Up/Down change it (one undo step each).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from argmap.edit.document import EditError, MapDocument
from argmap.edit.views import (
    RemoveView,
    UpdateView,
    view_of_author,
    view_of_position,
    view_of_selection,
)

STEP_KEYS = (
    (Qt.Key.Key_Right, 1),
    (Qt.Key.Key_PageDown, 1),
    (Qt.Key.Key_Left, -1),
    (Qt.Key.Key_PageUp, -1),
)
"""Keys that step through an open view (a presentation clicker sends Page Down/Up)."""
KIND_NAMES = {"position": "question", "author": "author", "around": "around", "claims": "chosen"}


class OpenView:
    """A view shown on the canvas: its part as a document and a read-only scene."""

    def __init__(self, view_id: str, part: Any, steps: list[str]) -> None:
        from ui.qt.canvas.scene import MapScene

        self.view_id = view_id
        self.doc = MapDocument(part)
        self.stack = QUndoStack()
        self.scene = MapScene(self.doc, self.stack, interactive=False)
        self.steps = steps
        self.step = len(steps)


class ViewsFeature(QObject):
    """The Views dock and the open view's stepping (see the module docstring)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.doc: MapDocument = window.doc
        self.current: OpenView | None = None
        self.dock = QDockWidget("Views", window)
        self.dock.setObjectName("views_dock")
        body = QWidget(self.dock)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.list = QListWidget(body)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.currentRowChanged.connect(lambda _row: self._show_steps())
        layout.addWidget(self.list, 2)
        row = QHBoxLayout()
        self.open_button = self._button(row, "Open", self.open_selected)
        self.whole_button = self._button(row, "Whole map", self.close_view)
        self.new_button = QToolButton(body)
        self.new_button.setText("New")
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.new_menu = QMenu(self.new_button)
        self.new_menu.aboutToShow.connect(self._fill_new_menu)
        self.new_button.setMenu(self.new_menu)
        row.addWidget(self.new_button)
        self.delete_button = self._button(row, "Delete", self.delete_selected)
        layout.addLayout(row)
        layout.addWidget(QLabel("Steps (the teaching order):", body))
        self.steps = QListWidget(body)
        layout.addWidget(self.steps, 3)
        for listing in (self.list, self.steps):  # long names are cut with "…", not scrolled
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            listing.setTextElideMode(Qt.TextElideMode.ElideRight)
        row = QHBoxLayout()
        self._button(row, "Up", lambda: self.move_step(-1))
        self._button(row, "Down", lambda: self.move_step(1))
        self._button(row, "Suggest", self.suggest_steps)
        layout.addLayout(row)
        row = QHBoxLayout()
        self._button(row, "◀", lambda: self.step_by(-1))
        self.step_label = QLabel("", body)
        row.addWidget(self.step_label, 1)
        self._button(row, "▶", lambda: self.step_by(1))
        layout.addLayout(row)
        row = QHBoxLayout()
        self._button(row, "Export view…", self.export_view)
        self._button(row, "Export slides…", self.export_slides)
        layout.addLayout(row)
        # in a scroll area, so the panel never makes the window's smallest size taller
        area = QScrollArea(self.dock)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(body)
        self.dock.setWidget(area)
        window.add_dock(self.dock, Qt.DockWidgetArea.RightDockWidgetArea)
        # a tab beside the legend and the history: a dock of its own would take height
        # from the others and make the window's smallest size taller than small screens
        legend = getattr(window, "legend_dock", None)
        if isinstance(legend, QDockWidget):
            window.tabifyDockWidget(legend, self.dock)
            legend.raise_()
        self.dock.hide()

        self.act_from_selection = QAction("New &View from Selection", self)
        self.act_from_selection.setStatusTip("Save the selected claims as a view for teaching")
        self.act_from_selection.triggered.connect(self.make_from_selection)
        window.map_menu.addAction(self.act_from_selection)
        self.shortcuts = []
        for key, delta in STEP_KEYS:
            # on the canvas only (it has the focus in Present mode), so the arrow keys
            # still move the cursor in the inspector's text fields
            shortcut = QShortcut(QKeySequence(key), window.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.setEnabled(False)
            shortcut.activated.connect(lambda d=delta: self.step_by(d))
            self.shortcuts.append(shortcut)
        presentation = getattr(window, "presentation", None)
        if presentation is not None:
            presentation.action.toggled.connect(self._presenting)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._map_changed)
        self.doc.changed.connect(self._schedule_refresh)
        self.dock.visibilityChanged.connect(lambda shown: shown and self.refresh())
        self.doc.reset.connect(self._after_reset)
        self._hook_positions()
        self.refresh()

    def _hook_positions(self) -> None:
        """Add "Make a View of This Question" to the positions matrix's menus of a row
        (its heading's and its cells'), after the matrix's own commands on a position."""
        from ui.qt.panels.positions import PositionsDock

        for dock in self.window.findChildren(PositionsDock):
            original = dock.add_position_commands

            def extended(menu: QMenu, position_id: str, original: Any = original) -> None:
                original(menu, position_id)
                menu.addSeparator()
                action = menu.addAction("Make a View of This Question")
                action.triggered.connect(lambda _c=False: self.make_of_position(position_id))

            dock.add_position_commands = extended  # type: ignore[method-assign]
            dock.table.extend_menu = extended

    def _button(self, row: QHBoxLayout, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self.dock)
        button.clicked.connect(lambda _checked=False: slot())
        row.addWidget(button)
        return button

    # ------------------------------------------------------------------ the list
    def refresh(self) -> None:
        """List the map's views (keeping the one selected) and their steps."""
        selected = self.selected_id()
        self.list.blockSignals(True)
        self.list.clear()
        for view in self.doc.map.views:
            item = QListWidgetItem(f"{view.name}  ({KIND_NAMES[view.kind]})")
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            item.setToolTip(view.description or view.name)
            self.list.addItem(item)
            if view.id == selected:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._show_steps()

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _show_steps(self) -> None:
        from argmap.analysis.views import view_steps

        self.steps.clear()
        view = self.doc.views.get(self.selected_id() or "")
        if view is None:
            return
        claims = self.doc.claims
        for number, claim_id in enumerate(view_steps(self.doc.map, view), 1):
            claim = claims[claim_id]
            item = QListWidgetItem(f"{number}. {claim.text}")
            item.setData(Qt.ItemDataRole.UserRole, claim_id)
            item.setToolTip(f"{claim.kind}: {claim.text}")
            self.steps.addItem(item)

    def _fill_new_menu(self) -> None:
        menu = self.new_menu
        menu.clear()
        menu.addAction(self.act_from_selection)
        positions = menu.addMenu("Of a &Question")
        for position in self.doc.map.positions:
            action = positions.addAction(position.label)
            action.triggered.connect(lambda _c=False, p=position.id: self.make_of_position(p))
        positions.setEnabled(bool(self.doc.map.positions))
        authors = menu.addMenu("Of an &Author")
        for author in self.doc.map.authors:
            action = authors.addAction(author.name)
            action.triggered.connect(lambda _c=False, a=author.id: self.make_of_author(a))
        authors.setEnabled(bool(self.doc.map.authors))

    # ------------------------------------------------------------------ edits
    def _push(self, edit: Any) -> bool:
        from ui.qt.base.undo import push_edit

        try:
            push_edit(self.window.undo_stack, self.doc, edit)
        except EditError as exc:
            self.window.show_error("Views", str(exc))
            return False
        return True

    def _made(self, edit: Any) -> None:
        if self._push(edit):
            self.dock.show()
            self.dock.raise_()  # the tab comes to the front: the new view is in its list
            self.refresh()
            self._select(edit.view.id)

    def make_from_selection(self) -> None:
        """A view of the claims selected on the map (one undo step)."""
        ids = self.window.view.map_scene().selected_claim_ids()
        try:
            edit = view_of_selection(self.doc, ids)
        except EditError as exc:
            self.window.show_error("New view", str(exc))
            return
        self._made(edit)

    def make_of_position(self, position_id: str) -> None:
        self._made(view_of_position(self.doc, position_id))

    def make_of_author(self, author_id: str) -> None:
        self._made(view_of_author(self.doc, author_id))

    def delete_selected(self) -> None:
        view_id = self.selected_id()
        if view_id is not None:
            self._push(RemoveView(view_id))

    def _select(self, view_id: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == view_id:
                self.list.setCurrentRow(row)
                return

    def move_step(self, delta: int) -> None:
        """Move the selected step earlier or later in the order (one undo step)."""
        view_id, row = self.selected_id(), self.steps.currentRow()
        if view_id is None or row < 0 or not 0 <= row + delta < self.steps.count():
            return
        order = [self._step_id(i) for i in range(self.steps.count())]
        order[row], order[row + delta] = order[row + delta], order[row]
        if self._push(UpdateView(view_id, {"steps": order}, name="Change the teaching order")):
            self.steps.setCurrentRow(row + delta)

    def _step_id(self, row: int) -> str:
        item = self.steps.item(row)
        assert item is not None
        return str(item.data(Qt.ItemDataRole.UserRole))

    def suggest_steps(self) -> None:
        """Put the selected view back in the suggested order (the argument's tree)."""
        view_id = self.selected_id()
        if view_id is not None and self.doc.views[view_id].steps:
            self._push(UpdateView(view_id, {"steps": []}, name="Suggested teaching order"))

    # ------------------------------------------------------------------ opening
    def open_selected(self) -> None:
        view_id = self.selected_id()
        if view_id is not None:
            self.open_view(view_id)

    def open_view(self, view_id: str, step: int | None = None) -> None:
        """Show the view's part alone on the canvas (all of it, or its first ``step``s)."""
        from argmap.analysis.views import view_steps
        from argmap.drawing.views import laid_out_view

        view = self.doc.views[view_id]
        part = laid_out_view(self.doc.map, view)
        opened = OpenView(view_id, part, view_steps(self.doc.map, view))
        self.current = opened
        canvas = self.window.view
        canvas.set_alternate_scene(opened.scene)
        self._frame()
        for shortcut in self.shortcuts:
            shortcut.setEnabled(True)
        self.show_step(len(opened.steps) if step is None else step)
        self.window.status(f"View “{view.name}”: Right/Left step through it")

    def close_view(self) -> None:
        """Back to the whole map, as it was."""
        if self.current is None:
            return
        self.current = None
        for shortcut in self.shortcuts:
            shortcut.setEnabled(False)
        self.window.view.set_alternate_scene(None)
        self.step_label.setText("")

    def showing(self) -> bool:
        """True while an open view is what the canvas shows."""
        return self.current is not None and self.window.view.scene() is self.current.scene

    def show_step(self, count: int) -> None:
        from ui.qt.render.slides import show_step

        opened = self.current
        if opened is None:
            return
        opened.step = max(1, min(count, len(opened.steps)))
        show_step(opened.scene, opened.steps, opened.step)
        self.step_label.setText(f"step {opened.step} of {len(opened.steps)}")
        if self.selected_id() == opened.view_id and opened.step <= self.steps.count():
            self.steps.setCurrentRow(opened.step - 1)  # the card just shown

    def step_by(self, delta: int) -> None:
        """Reveal the next step (+1) or hide the last one (-1) of the open view."""
        if self.showing():
            assert self.current is not None
            self.show_step(self.current.step + delta)

    def _presenting(self, on: bool) -> None:
        """Present mode starts an open view from its first step and ends showing all; the
        view is framed again once the window has its new size (Present mode frames the
        map's own scene)."""
        if self.current is None:
            return
        self.show_step(1 if on else len(self.current.steps))
        QTimer.singleShot(0, self, self._frame)
        QTimer.singleShot(100, self, self._frame)

    def _frame(self) -> None:
        """Fit the whole open view (every step, so stepping never scrolls) in the canvas."""
        if self.showing():
            assert self.current is not None
            scene = self.current.scene
            rect = QRectF()
            for item in scene.claim_items():
                rect = rect.united(item.sceneBoundingRect())
            self.window.view.fitInView(
                rect.adjusted(-24, -24, 24, 24), Qt.AspectRatioMode.KeepAspectRatio
            )

    def _schedule_refresh(self) -> None:
        """After an edit, once the event loop is back (one rebuild for a batch of edits),
        and only when something shows views: a hidden panel is refreshed when shown."""
        if self.dock.isVisible() or self.current is not None:
            self._refresh_timer.start()

    def _map_changed(self) -> None:
        self.refresh()
        opened = self.current
        if opened is None:
            return
        if opened.view_id not in self.doc.views or not self.showing():
            self.close_view()
        else:
            self.open_view(opened.view_id, opened.step)

    def _after_reset(self) -> None:
        self.close_view()
        self.refresh()
        if self.doc.map.views:  # a tab of its group, for a map that has views
            self.dock.show()

    # ------------------------------------------------------------------ exports
    def ask_export_path(self, title: str, suggestion: str, filters: str) -> str | None:
        """Where to export (tests replace this method)."""
        path, _ = QFileDialog.getSaveFileName(self.window, title, suggestion, filters)
        return path or None

    def export_view(self) -> None:
        """Export view…: the selected view alone as SVG, PNG or PDF."""
        from argmap.analysis.views import find_view
        from argmap.drawing.views import laid_out_view
        from ui.qt.render.images import export_image

        view_id = self.selected_id()
        if view_id is None:
            return
        view = self.doc.views[view_id]
        path = self.ask_export_path("Export view", f"{view.name}.svg", "Images (*.svg *.png *.pdf)")
        if path is None:
            return
        try:
            export_image(laid_out_view(self.doc.map, find_view(self.doc.map, view_id)), path)
        except Exception as exc:  # a file problem: say so, keep working
            self.window.show_error("Export view", str(exc))
            return
        self.window.status(f"Exported view “{view.name}” to {path}")

    def export_slides(self) -> None:
        """Export slides…: the selected view's steps as a 16:9 PDF."""
        from ui.qt.render.slides import write_slides

        view_id = self.selected_id()
        if view_id is None:
            return
        view = self.doc.views[view_id]
        path = self.ask_export_path("Export slides", f"{view.name}.pdf", "PDF (*.pdf)")
        if path is None:
            return
        try:
            pages = write_slides(self.doc.map, [view], path)
        except Exception as exc:
            self.window.show_error("Export slides", str(exc))
            return
        self.window.status(f"Exported {pages} slides of “{view.name}” to {path}")


def install(window: Any) -> ViewsFeature:
    """Add the Views panel and Map → New View from Selection to ``window``."""
    feature = ViewsFeature(window)
    window.views_feature = feature
    return feature
