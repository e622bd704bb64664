"""MapView: the map canvas widget. Zoom, pan, fit, and every editing gesture.

Each gesture becomes exactly one edit pushed with :func:`ui.qt.base.undo.push_edit`: a drag
records positions on press and pushes one ``MoveClaims`` on release; a link drawn from one
card to another pushes one ``AddLink``; Delete pushes one macro that removes the selected
claims with their links. The view never changes items to reflect an edit: the scene does
that when the document signals, so undo and redo look exactly like the gesture.

Gestures (the status bar says them as the mouse moves):

- double-click empty space: a new claim there, label in edit; double-click a card: edit;
- drag a card: move it (and the other selected cards);
- drag the dot on a card's top edge, or Shift+drag a card, onto another card: link them,
  choosing Supports or Attacks;
- drag on empty space: rubber-band selection; Ctrl+click: add to / remove from selection;
- wheel: zoom at the pointer; middle-drag or Space+drag: pan;
- Delete / Backspace: delete the selection with its links; right-click: context menus.

This module holds the widget, its selection and status hints, and the Qt event handlers
that tell the gestures apart; the gestures themselves live in three mixins:
:mod:`~ui.qt.canvas.view_navigation` (zoom, fit, pan, the opening frame),
:mod:`~ui.qt.canvas.view_editing` (new, edit, delete, layout, drag to move) and
:mod:`~ui.qt.canvas.view_linking` (drawing a link).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QShowEvent,
    QTransform,
    QUndoStack,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QMenu, QWidget
from typing_extensions import override

from argmap.edit.document import MapDocument
from ui.qt.canvas.editor import LabelEditor
from ui.qt.canvas.items import ClaimItem
from ui.qt.canvas.links import LinkItem, LinkPreview
from ui.qt.canvas.menus import context_menu, short
from ui.qt.canvas.scene import MapScene
from ui.qt.canvas.view_editing import EditCommands
from ui.qt.canvas.view_linking import HINT_LINKING, LinkGesture, LinkKindChooser
from ui.qt.canvas.view_navigation import (
    AA_MIN_ZOOM,
    FIT_MAX_SCALE,
    MAX_SCALE,
    MIN_READABLE_FIT,
    MIN_SCALE,
    OPEN_ZOOM,
    THESES_MIN_ZOOM,
    Navigation,
)

__all__ = [
    "AA_MIN_ZOOM",
    "FIT_MAX_SCALE",
    "HINT_CARD",
    "HINT_EMPTY",
    "HINT_HANDLE",
    "HINT_LINKING",
    "MAX_SCALE",
    "MIN_READABLE_FIT",
    "MIN_SCALE",
    "OPEN_ZOOM",
    "THESES_MIN_ZOOM",
    "LinkKindChooser",
    "MapView",
]

HINT_EMPTY = (
    "Double-click: new claim here · drag: select · Ctrl+click: add to selection · "
    "wheel: zoom · middle-drag or Space+drag: pan · right-click: more"
)
HINT_CARD = (
    "Drag: move · drag the top dot (or Shift+drag) onto another claim: link · "
    "double-click: edit text · Del: delete with its links · right-click: more"
)
HINT_HANDLE = "Drag onto another claim to link it; you then choose Supports or Attacks"


class MapView(EditCommands, LinkGesture, Navigation, QGraphicsView):
    """The canvas: a view over a :class:`MapScene`, with the gestures that edit the map."""

    selection_changed = Signal(list)
    """Claim ids, whenever the selection of cards or arrows changes (arrows:
    ``map_scene().selected_link_ids()``)."""
    status_message = Signal(str)
    viewport_changed = Signal()
    """Zoom, scroll or size changed (the overview follows it)."""

    def __init__(
        self, doc: MapDocument, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.undo_stack = undo_stack
        self._scene = MapScene(doc, undo_stack, self)
        self.setScene(self._scene)
        self._alternate: QGraphicsScene | None = None
        self._saved_view: tuple[QTransform, int, int] | None = None
        self._press_positions: dict[str, QPointF] = {}
        self._link_source: ClaimItem | None = None
        self._link_preview: LinkPreview | None = None
        self._link_by_click = False
        self._pan_from: QPoint | None = None
        self._space_down = False
        self._editor: LabelEditor | None = None
        self._last_status = ""
        self._fitted_once = False
        self.link_kind_chooser: LinkKindChooser = self._ask_link_kind
        """Asks which kind a drawn link is; replaceable (scripts, tests, other tools)."""

        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setMouseTracking(True)
        # Scroll bars that come and go change the viewport's size right after a fit, which
        # then no longer fits; always shown, the framing is stable.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._scene.selectionChanged.connect(self._emit_selection)
        self._scene.link_selection_changed.connect(self._emit_selection)
        self._range_timer = QTimer(self)
        self._range_timer.setSingleShot(True)
        self._range_timer.setInterval(150)
        self._range_timer.timeout.connect(self._update_scroll_range)
        self._scene.changed.connect(lambda _rects: self._range_timer.start())
        self.horizontalScrollBar().valueChanged.connect(self.viewport_changed)
        self.verticalScrollBar().valueChanged.connect(self.viewport_changed)
        doc.reset.connect(self._after_reset)
        doc.claim_removed.connect(self._claim_gone)

    # ------------------------------------------------------------------ contract
    def map_scene(self) -> MapScene:
        return self._scene

    def select_claims(self, ids: Collection[str], center: bool = True) -> None:
        """Select exactly these claims (and bring them into view when ``center``)."""
        wanted = set(ids)
        scene = self._scene
        scene.blockSignals(True)
        try:
            scene.clearSelection()
            rect = QRectF()
            for claim_id in wanted:
                item = scene.claim_item(claim_id)
                if item is not None and item.isVisible():
                    item.setSelected(True)
                    rect = rect.united(item.sceneBoundingRect())
        finally:
            scene.blockSignals(False)
        self._emit_selection()
        if center and not rect.isNull():
            if self.mapToScene(self.viewport().rect()).boundingRect().contains(rect):
                return
            self.centerOn(rect.center())

    def set_alternate_scene(self, scene: QGraphicsScene | None) -> None:
        """Show another scene, or (``None``) the map again with its zoom and scroll."""
        if scene is not None:
            if self._alternate is None:
                self._saved_view = (
                    self.transform(),
                    self.horizontalScrollBar().value(),
                    self.verticalScrollBar().value(),
                )
            self._alternate = scene
            self.setScene(scene)
            self.setSceneRect(QRectF())  # the other scene's own extent
            self.viewport_changed.emit()  # the overview drops its frame
            return
        if self._alternate is None:
            return
        self._alternate = None
        self.setScene(self._scene)
        self._update_scroll_range()
        if self._saved_view is not None:
            transform, h, v = self._saved_view
            self.setTransform(transform)
            self.horizontalScrollBar().setValue(h)
            self.verticalScrollBar().setValue(v)
        self._zoom_changed()

    def showing_map(self) -> bool:
        return self._alternate is None

    # ------------------------------------------------------------------ status
    def _status(self, text: str) -> None:
        if text != self._last_status:
            self._last_status = text
            self.status_message.emit(text)

    def _hover_status(self, view_pos: QPoint) -> None:
        item: ClaimItem | LinkItem | None = self.card_at(view_pos) or self.link_at(view_pos)
        if isinstance(item, ClaimItem):
            on_handle = item.on_handle(item.mapFromScene(self.mapToScene(view_pos)))
            self._status(HINT_HANDLE if on_handle else HINT_CARD)
        elif isinstance(item, LinkItem):
            verb = "supports" if item.link.kind == "support" else "attacks"
            self._status(
                f"«{short(item.source.claim.text)}» {verb} «{short(item.target.claim.text)}»"
                " · right-click: change or delete · Del deletes it when selected"
            )
        else:
            self._status(HINT_EMPTY)

    def _emit_selection(self) -> None:
        self.selection_changed.emit(self._scene.selected_claim_ids())

    # ------------------------------------------------------------------ Qt overrides
    @override
    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & (
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier
        ):
            super().wheelEvent(event)  # Shift/Alt+wheel scrolls
            return
        steps = event.angleDelta().y() / 120.0
        if steps:
            self._zoom_at(event.position().toPoint(), steps)
        event.accept()

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (
            button == Qt.MouseButton.LeftButton and self._space_down
        ):
            self._start_pan(pos)
            event.accept()
            return
        if button == Qt.MouseButton.LeftButton and self._link_source is not None:
            if self._link_by_click:
                self._finish_link(pos)
                event.accept()
                return
            self.cancel_link()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if button == Qt.MouseButton.LeftButton:
            card = self.card_at(pos)
            if card is not None:
                local = card.mapFromScene(self.mapToScene(pos))
                if card.on_handle(local) or (event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
                    self.start_link(card)
                    event.accept()
                    return
            else:
                arrow = self.link_at(pos)
                if arrow is not None:
                    if ctrl:
                        self._scene.toggle_link(arrow.link_id)
                    else:
                        self._scene.clearSelection()
                        self._scene.select_link(arrow.link_id)
                    event.accept()
                    return
            if not ctrl:
                self._scene.clear_link_selection()
        super().mousePressEvent(event)
        self._press_positions = {}
        if button == Qt.MouseButton.LeftButton and self.card_at(pos) is not None:
            self._remember_drag_start()

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._pan_from is not None:
            self._pan_to(pos)
            event.accept()
            return
        if self._link_preview is not None and self._link_source is not None:
            self._update_link_preview(pos)
            event.accept()
            return
        super().mouseMoveEvent(event)
        if self._press_positions and event.buttons() & Qt.MouseButton.LeftButton:
            self._drag_moved()
        elif not event.buttons():
            self._hover_status(pos)

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._pan_from is not None and event.button() in (
            Qt.MouseButton.MiddleButton,
            Qt.MouseButton.LeftButton,
        ):
            self._end_pan()
            event.accept()
            return
        if self._link_preview is not None and not self._link_by_click:
            self._finish_link(pos)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self._press_positions:
            self._commit_drag()

    @override
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.showing_map():
            super().mouseDoubleClickEvent(event)
            return
        pos = event.position().toPoint()
        card = self.card_at(pos)
        if card is not None:
            self.edit_claim_text(card.claim_id)
        elif self.link_at(pos) is None:
            self.new_claim_at(self.mapToScene(pos))
        event.accept()

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._editor is not None or not self.showing_map():
            super().keyPressEvent(event)
            return
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selected()
        elif key == Qt.Key.Key_Escape:
            if self._link_source is not None:
                self.cancel_link()
                self._status("Link cancelled")
            else:
                self._scene.clearSelection()
                self._scene.clear_link_selection()
        elif event.matches(QKeySequence.StandardKey.ZoomIn) or (
            key == Qt.Key.Key_Equal and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.zoom_in()
        elif event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_out()
        elif key == Qt.Key.Key_0 and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.reset_zoom()
        elif key == Qt.Key.Key_Home:
            self.fit_all()
        elif (
            key in (Qt.Key.Key_F2, Qt.Key.Key_Return)
            and len(ids := self._scene.selected_claim_ids()) == 1
        ):
            self.edit_claim_text(ids[0])
        elif key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self._status("Drag to pan")
        else:
            super().keyPressEvent(event)

    @override
    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
        super().keyReleaseEvent(event)

    @override
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if not self.showing_map():
            super().contextMenuEvent(event)
            return
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted_once:
            # Frame the map now, so the first paint is already the final view (painting at
            # 100 % first and then again framed doubled the cost of opening a big map);
            # frame once more after the window's layout settles if that changed our size.
            self._fitted_once = True
            self.show_initial()
            size = self.viewport().size()
            QTimer.singleShot(0, lambda: self._refit_if_resized(size))

    @override
    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._zoom_changed()

    # ------------------------------------------------------------------ document signals
    def _claim_gone(self, claim_id: str) -> None:
        """An undo or another pane removed the claim being edited: drop the editor."""
        if self._editor is not None and self._editor.claim_id == claim_id:
            self.close_editor(commit=False)
        if self._link_source is not None and self._link_source.claim_id == claim_id:
            self.cancel_link()

    def _after_reset(self) -> None:
        self.cancel_link()
        self._editor = None
        self._press_positions = {}
        if self.isVisible():
            self.show_initial()
        else:
            self._fitted_once = False

    # ------------------------------------------------------------------ context menus
    def build_context_menu(self, view_pos: QPoint) -> QMenu:
        """The menu for what is under ``view_pos``: a card, an arrow or empty space."""
        return context_menu(self, view_pos)
