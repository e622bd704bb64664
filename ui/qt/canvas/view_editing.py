"""The map view's edit commands: new claim, in-place label editing, delete, layout, drags.

Each becomes exactly one edit pushed through :meth:`EditCommands.push` (one undo step): a
drag records positions on press and pushes one ``MoveClaims`` on release; Delete pushes one
macro that removes the selected claims with their links. Nothing here changes items to
reflect an edit: the scene does that when the document signals, so undo and redo look
exactly like the gesture. :class:`EditCommands` is a mixin of
:class:`~ui.qt.canvas.view.MapView` and relies on its ``doc``, ``undo_stack``, ``_scene``,
``select_claims``, ``showing_map``, ``fit_all`` and ``_status``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QUndoStack
from PySide6.QtWidgets import QGraphicsView

from argmap.drawing.layout import compute_layout
from argmap.drawing.placement import place_new_claim
from argmap.edit.document import EditError, MapDocument
from argmap.edit.edits import (
    AddClaim,
    AddLink,
    Macro,
    MoveClaims,
    RemoveLink,
    UpdateClaim,
    apply_layout,
    remove_claims,
)
from argmap.map.model import Claim, ClaimKind, Link, LinkKind, Point
from argmap.map.palette import KIND_LABEL
from ui.qt.base.undo import push_edit
from ui.qt.canvas.editor import LabelEditor
from ui.qt.canvas.items import ClaimItem, measure_card
from ui.qt.canvas.view_navigation import AA_MIN_ZOOM

if TYPE_CHECKING:
    from ui.qt.canvas.scene import MapScene

    _Base = QGraphicsView
else:  # a plain mixin at run time; the view itself is the QGraphicsView
    _Base = object


class EditCommands(_Base):
    """The map view's commands that change the map, each one undo step."""

    doc: MapDocument
    undo_stack: QUndoStack
    _scene: MapScene
    _editor: LabelEditor | None
    _press_positions: dict[str, QPointF]
    select_claims: Callable[..., None]
    showing_map: Callable[[], bool]
    fit_all: Callable[[], None]
    zoom: Callable[[], float]
    _status: Callable[[str], None]

    # ------------------------------------------------------------------ commands
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
        """Lay the whole map out in layers (one undo step) and show it as a map opens: whole
        if its text stays readable, else readable at the top (the overview shows the rest;
        fitted, a big map's cards are blocks without text)."""
        if not self.doc.claims:
            return
        layout = compute_layout(self.doc, self._scene.card_sizes(), routes=True)
        spots = layout.positions
        changed = {cid: p for cid, p in spots.items() if self.doc.claims[cid].pos != p}
        if changed:
            self.push(apply_layout(spots))
        self._scene.apply_routes(layout)
        self.show_initial()

    # ------------------------------------------------------------------ label editor
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

    # ------------------------------------------------------------------ pushing edits
    def push(self, edit: Any) -> bool:
        """Push one edit as one undo step; a refused edit is reported on the status bar."""
        try:
            push_edit(self.undo_stack, self.doc, edit)
        except EditError as exc:
            self._status(f"Not done: {exc}")
            return False
        return True

    def add_link(self, source_id: str, target_id: str, kind: LinkKind) -> str | None:
        """Push one ``AddLink``; returns the new link's id (``None`` if refused)."""
        link = Link(id=self.doc.new_id("l"), kind=kind, from_claim=source_id, to_claim=target_id)
        return link.id if self.push(AddLink(link)) else None

    # ------------------------------------------------------------------ drag to move
    def _remember_drag_start(self) -> None:
        """On press over a card: where every selected card was, for the move on release."""
        for item in self._scene.selectedItems():
            if isinstance(item, ClaimItem):
                self._press_positions[item.claim_id] = QPointF(item.pos())

    def _drag_moved(self) -> None:
        """While a drag moves cards: their arrows follow, the status bar says what happens."""
        self._scene.reroute(self._press_positions)  # only the dragged cards' arrows
        if self.renderHints() & QPainter.RenderHint.Antialiasing:
            # While dragging, draw without antialiasing: on a big map every move
            # repaints the long arrows of the dragged card, and rasterising them
            # smoothly costs twice as much. Release restores it.
            self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        n = len(self._press_positions)
        self._status(f"Moving {n} claim{'s' if n > 1 else ''}: release to drop (one undo step)")

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
