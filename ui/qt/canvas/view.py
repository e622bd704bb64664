"""MapView: the map canvas widget. Zoom, pan, fit, and every editing gesture.

Each gesture becomes exactly one edit pushed with :func:`ui.qt.undo.push_edit`: a drag
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
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
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

from argmap.document import EditError, MapDocument
from argmap.edits import (
    AddClaim,
    AddLink,
    ApplyLayout,
    Macro,
    MoveClaims,
    RemoveLink,
    UpdateClaim,
    remove_claims,
)
from argmap.layout import compute_layout, place_new_claim
from argmap.model import Claim, ClaimKind, Link, LinkKind, Point
from argmap.palette import KIND_LABEL
from ui.qt.canvas.editor import LabelEditor
from ui.qt.canvas.items import ClaimItem, measure_card
from ui.qt.canvas.links import HIT_TOLERANCE, LinkItem, LinkPreview
from ui.qt.canvas.menus import ask_link_kind, context_menu, short
from ui.qt.canvas.scene import MapScene
from ui.qt.undo import push_edit

MIN_SCALE = 0.03
MAX_SCALE = 4.0
AA_MIN_ZOOM = 0.3
FIT_MAX_SCALE = 1.0
MIN_READABLE_FIT = 0.5
"""Below this zoom labels are too small to read, so a map does not open fitted."""
OPEN_ZOOM = 0.75
"""Fit never blows a small map up beyond 100 %: big text on a few cards looks broken."""

HINT_EMPTY = (
    "Double-click: new claim here · drag: select · Ctrl+click: add to selection · "
    "wheel: zoom · middle-drag or Space+drag: pan · right-click: more"
)
HINT_CARD = (
    "Drag: move · drag the top dot (or Shift+drag) onto another claim: link · "
    "double-click: edit text · Del: delete with its links · right-click: more"
)
HINT_HANDLE = "Drag onto another claim to link it; you then choose Supports or Attacks"


LinkKindChooser = Callable[[Claim, Claim, QPoint], LinkKind | None]


class MapView(QGraphicsView):
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

    def zoom_in(self) -> None:
        self._zoom_by(1.25)

    def zoom_out(self) -> None:
        self._zoom_by(0.8)

    def reset_zoom(self) -> None:
        center = self.mapToScene(self.viewport().rect().center())
        self.setTransform(QTransform())
        self.centerOn(center)
        self._zoom_changed()

    def fit_all(self) -> None:
        rect = self._scene.content_rect()
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > FIT_MAX_SCALE:
            self.setTransform(QTransform.fromScale(FIT_MAX_SCALE, FIT_MAX_SCALE))
            self.centerOn(rect.center())
        self._zoom_changed()

    def zoom(self) -> float:
        return self.transform().m11()

    def new_claim_at(
        self, scene_pos: QPointF | None = None, kind: ClaimKind = "premise"
    ) -> str | None:
        """Add a claim at ``scene_pos`` (or a free spot near the selection) and edit it."""
        selected = [self.doc.claims[i] for i in self._scene.selected_claim_ids()]
        author = selected[0].author if selected else None
        if author is None and len(self.doc.authors) == 1:
            author = next(iter(self.doc.authors))
        source = selected[0].source if selected else None
        text = f"New {KIND_LABEL[kind].lower()}"
        size = measure_card(text)
        if scene_pos is not None:
            near = Point(x=scene_pos.x(), y=scene_pos.y())
        elif selected:
            items = [self._scene.claim_item(c.id) for c in selected]
            rect = QRectF()
            for it in items:
                if it is not None:
                    rect = rect.united(it.sceneBoundingRect())
            near = Point(x=rect.center().x(), y=rect.bottom() + size[1] / 2 + 40)
        else:
            center = self.mapToScene(self.viewport().rect().center())
            near = Point(x=center.x(), y=center.y())
        spot = place_new_claim(
            self.doc,
            near=near,
            size=size,
            positions=self._scene.current_positions(),
            sizes=self._scene.card_sizes(),
        )
        claim = Claim(
            id=self.doc.new_id("c"), kind=kind, text=text, author=author, source=source, pos=spot
        )
        if not self.push(AddClaim(claim)):
            return None
        self.select_claims([claim.id], center=True)
        self.edit_claim_text(claim.id, select_all=True)
        return claim.id

    def delete_selected(self) -> None:
        """Delete the selected claims with their links, and selected links: one undo step."""
        claims = self._scene.selected_claim_ids()
        gone = set(claims)
        links = [
            x
            for x in self._scene.selected_link_ids()
            if self.doc.links[x].from_claim not in gone and self.doc.links[x].to_claim not in gone
        ]
        if not claims and not links:
            return
        if not links:
            edit: Any = remove_claims(claims)
        elif not claims and len(links) == 1:
            edit = RemoveLink(links[0])
        else:
            parts: list[Any] = [RemoveLink(x) for x in links]
            if claims:
                parts.append(remove_claims(claims))
            edit = Macro(parts, f"Delete {len(claims) + len(links)} items")
        self.push(edit)

    def auto_layout(self) -> None:
        """Lay the whole map out in layers (one undo step) and show all of it."""
        if not self.doc.claims:
            return
        layout = compute_layout(self.doc, self._scene.card_sizes(), routes=True)
        spots = layout.positions
        changed = {cid: p for cid, p in spots.items() if self.doc.claims[cid].pos != p}
        if changed:
            self.push(ApplyLayout(spots))
        self._scene.apply_routes(layout)
        self.fit_all()

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

    # ------------------------------------------------------------------ editing helpers
    def edit_claim_text(self, claim_id: str, select_all: bool = False) -> LabelEditor | None:
        """Open the in-place editor on a card; Enter commits one ``UpdateClaim``."""
        item = self._scene.claim_item(claim_id)
        if item is None or not self.showing_map():
            return None
        self.close_editor(commit=True)

        def done(text: str | None) -> None:
            self._editor = None
            self.setFocus()
            claim = self.doc.claims.get(claim_id)
            if text and claim is not None and text != claim.text:
                self.push(UpdateClaim(claim_id, {"text": text}))

        editor = LabelEditor(item, done, select_all=select_all)
        self._scene.addItem(editor)
        self._editor = editor
        self.setFocus()
        editor.setFocus()
        return editor

    def editor(self) -> LabelEditor | None:
        return self._editor

    def close_editor(self, commit: bool) -> None:
        if self._editor is not None:
            self._editor.finish(commit)

    def push(self, edit: Any) -> bool:
        """Push one edit as one undo step; a refused edit is reported on the status bar."""
        try:
            push_edit(self.undo_stack, self.doc, edit)
        except EditError as exc:
            self._status(f"Not done: {exc}")
            return False
        return True

    def _ask_link_kind(self, source: Claim, target: Claim, at: QPoint) -> LinkKind | None:
        return ask_link_kind(self, source, at)

    def add_link(self, source_id: str, target_id: str, kind: LinkKind) -> str | None:
        """Push one ``AddLink``; returns the new link's id (``None`` if refused)."""
        link = Link(id=self.doc.new_id("l"), kind=kind, from_claim=source_id, to_claim=target_id)
        return link.id if self.push(AddLink(link)) else None

    # ------------------------------------------------------------------ link gesture
    def start_link(self, source: ClaimItem, by_click: bool = False) -> None:
        """Begin drawing a link from ``source`` (a drag, or by clicking the target)."""
        self.cancel_link()
        self._link_source = source
        self._link_by_click = by_click
        self._link_preview = LinkPreview(source.scenePos() + source.handle_center())
        self._scene.addItem(self._link_preview)
        self._status("Release on the claim this one supports or attacks (Esc cancels)")

    def cancel_link(self) -> None:
        if self._link_preview is not None:
            self._scene.removeItem(self._link_preview)
        self._link_preview = None
        self._link_source = None
        self._link_by_click = False

    def card_at(self, view_pos: QPoint) -> ClaimItem | None:
        """The card under a viewport point, if any."""
        for item in self.items(view_pos):
            if isinstance(item, ClaimItem):
                return item
        return None

    def link_at(self, view_pos: QPoint) -> LinkItem | None:
        """The arrow under the pointer, with a few pixels of tolerance (arrows are thin)."""
        return self._scene.link_at(self.mapToScene(view_pos), HIT_TOLERANCE / self.zoom())

    def _finish_link(self, view_pos: QPoint) -> None:
        source = self._link_source
        self.cancel_link()
        target = self.card_at(view_pos)
        if source is None or target is None or target is source:
            self._status("No link drawn: release over another claim")
            return
        kind = self.link_kind_chooser(
            source.claim, target.claim, self.viewport().mapToGlobal(view_pos)
        )
        if kind is not None:
            self.add_link(source.claim_id, target.claim_id, kind)

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

    # ------------------------------------------------------------------ zoom
    def _zoom_changed(self) -> None:
        """Antialias only where it shows: far out, thousands of one-pixel arrows paint
        twice as fast without it and look the same."""
        self.setRenderHint(QPainter.RenderHint.Antialiasing, self.zoom() >= AA_MIN_ZOOM)
        self._update_scroll_range()
        self.viewport_changed.emit()

    def _update_scroll_range(self) -> None:
        """Let the map scroll most of a screen past its edges, so zooming at a card near
        the edge keeps it under the pointer and a new claim can go beside the map."""
        if not self.showing_map():
            return
        zoom = self.zoom() or 1.0
        mx = self.viewport().width() / zoom * 0.8
        my = self.viewport().height() / zoom * 0.8
        self.setSceneRect(self._scene.content_rect().adjusted(-mx, -my, mx, my))

    def _zoom_by(self, factor: float) -> None:
        """Scale about the view's centre, within the zoom limits."""
        current = self.transform().m11()
        factor = max(MIN_SCALE / current, min(MAX_SCALE / current, factor))
        if abs(factor - 1.0) < 1e-6:
            return
        self.scale(factor, factor)
        self._zoom_changed()

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
            # keep the point under the pointer where it is (from the event's own position,
            # which is right even when no mouse move preceded the wheel)
            pos = event.position().toPoint()
            anchor = self.mapToScene(pos)
            self._zoom_by(1.15**steps)
            shift = self.mapToScene(pos) - anchor
            self.centerOn(self.mapToScene(self.viewport().rect().center()) - shift)
        event.accept()

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (
            button == Qt.MouseButton.LeftButton and self._space_down
        ):
            self._pan_from = pos
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
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
            for item in self._scene.selectedItems():
                if isinstance(item, ClaimItem):
                    self._press_positions[item.claim_id] = QPointF(item.pos())

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._pan_from is not None:
            delta = pos - self._pan_from
            self._pan_from = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self._link_preview is not None and self._link_source is not None:
            target = self.card_at(pos)
            valid = target is not None and target is not self._link_source
            self._link_preview.set_end(self.mapToScene(pos), valid)
            if valid and target is not None:
                self._status(
                    f"Release to link «{short(self._link_source.claim.text)}» to "
                    f"«{short(target.claim.text)}»: you choose Supports or Attacks"
                )
            else:
                self._status("Release on the claim this one supports or attacks (Esc cancels)")
            event.accept()
            return
        super().mouseMoveEvent(event)
        if self._press_positions and event.buttons() & Qt.MouseButton.LeftButton:
            self._scene.reroute(self._press_positions)  # only the dragged cards' arrows
            if self.renderHints() & QPainter.RenderHint.Antialiasing:
                # While dragging, draw without antialiasing: on a big map every move
                # repaints the long arrows of the dragged card, and rasterising them
                # smoothly costs twice as much. Release restores it.
                self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            n = len(self._press_positions)
            self._status(f"Moving {n} claim{'s' if n > 1 else ''}: release to drop (one undo step)")
        elif not event.buttons():
            self._hover_status(pos)

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._pan_from is not None and event.button() in (
            Qt.MouseButton.MiddleButton,
            Qt.MouseButton.LeftButton,
        ):
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        if self._link_preview is not None and not self._link_by_click:
            self._finish_link(pos)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self._press_positions:
            self._commit_drag()

    def _commit_drag(self) -> None:
        """One ``MoveClaims`` for every card the drag actually moved."""
        start, self._press_positions = self._press_positions, {}
        self.setRenderHint(QPainter.RenderHint.Antialiasing, self.zoom() >= AA_MIN_ZOOM)
        moved: dict[str, Point | None] = {}
        for claim_id, was in start.items():
            item = self._scene.claim_item(claim_id)
            if item is None:
                continue
            now = item.pos()
            if (now - was).manhattanLength() > 0.5:
                moved[claim_id] = Point(x=round(now.x(), 1), y=round(now.y(), 1))
        if moved:
            self.push(MoveClaims(moved))

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

    def show_initial(self) -> None:
        """The view a map opens with: all of it if its text is still readable that way,
        otherwise readable text at the top of the map, where the conclusions are (the
        overview and "fit map" show the rest)."""
        self.fit_all()
        if self.zoom() >= MIN_READABLE_FIT:
            return
        self.setTransform(QTransform.fromScale(OPEN_ZOOM, OPEN_ZOOM))
        content = self._scene.content_rect()
        cards = [i for i in self._scene.claim_items() if i.isVisible()]
        top = min(cards, key=lambda i: i.pos().y()) if cards else None
        x = top.sceneBoundingRect().center().x() if top is not None else content.center().x()
        half_w = self.viewport().width() / 2 / OPEN_ZOOM
        half_h = self.viewport().height() / 2 / OPEN_ZOOM
        # No empty margin where there is more map: keep the frame inside the map's extent
        # on a side that does not fit, and centred on a side that does.
        if content.width() > 2 * half_w:
            x = min(max(x, content.left() + half_w), content.right() - half_w)
        else:
            x = content.center().x()
        y = content.top() + half_h if content.height() > 2 * half_h else content.center().y()
        self.centerOn(x, y)
        self._zoom_changed()

    def fits_readably(self) -> bool:
        """Whether the whole map fits the viewport at a zoom whose text is still readable
        (the window shows the overview only for maps that do not)."""
        content = self._scene.content_rect()
        port = self.viewport().size()
        if content.width() <= 0 or content.height() <= 0 or port.isEmpty():
            return True
        fit = min(port.width() / content.width(), port.height() / content.height())
        return min(fit, FIT_MAX_SCALE) >= MIN_READABLE_FIT

    def _refit_if_resized(self, size: QSize) -> None:
        if self.viewport().size() != size and self.showing_map():
            self.show_initial()

    @override
    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._zoom_changed()

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
