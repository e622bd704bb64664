"""The map view's link-drawing gesture: from one card onto another, then Supports or Attacks.

A link starts by dragging the dot on a card's top edge (or Shift+dragging the card), or
from the card's menu (*Link to…*, then a click on the target). While it is drawn a preview
arrow follows the pointer and turns valid over another card; releasing there asks
:attr:`LinkGesture.link_kind_chooser` for the kind and pushes one ``AddLink``.
:class:`LinkGesture` is a mixin of :class:`~ui.qt.canvas.view.MapView` and relies on its
``_scene``, ``add_link``, ``zoom`` and ``_status``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QGraphicsView

from argmap.map.model import Claim, LinkKind
from ui.qt.canvas.items import ClaimItem
from ui.qt.canvas.links import HIT_TOLERANCE, LinkItem, LinkPreview
from ui.qt.canvas.menus import ask_link_kind, short

if TYPE_CHECKING:
    from ui.qt.canvas.scene import MapScene

    _Base = QGraphicsView
else:  # a plain mixin at run time; the view itself is the QGraphicsView
    _Base = object

LinkKindChooser = Callable[[Claim, Claim, QPoint], LinkKind | None]
HINT_LINKING = "Release on the claim this one supports or attacks (Esc cancels)"


class LinkGesture(_Base):
    """Drawing a link between two cards on the map view."""

    _scene: MapScene
    _link_source: ClaimItem | None
    _link_preview: LinkPreview | None
    _link_by_click: bool
    link_kind_chooser: LinkKindChooser
    add_link: Callable[[str, str, LinkKind], str | None]
    zoom: Callable[[], float]
    _status: Callable[[str], None]

    def _ask_link_kind(self, source: Claim, target: Claim, at: QPoint) -> LinkKind | None:
        return ask_link_kind(self, source, at)

    # ------------------------------------------------------------------ gesture
    def start_link(self, source: ClaimItem, by_click: bool = False) -> None:
        """Begin drawing a link from ``source`` (a drag, or by clicking the target)."""
        self.cancel_link()
        self._link_source = source
        self._link_by_click = by_click
        self._link_preview = LinkPreview(source.scenePos() + source.handle_center())
        self._scene.addItem(self._link_preview)
        self._status(HINT_LINKING)

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

    def _update_link_preview(self, view_pos: QPoint) -> None:
        """The preview arrow follows the pointer; the status bar names both ends."""
        if self._link_preview is None or self._link_source is None:
            return
        target = self.card_at(view_pos)
        valid = target is not None and target is not self._link_source
        self._link_preview.set_end(self.mapToScene(view_pos), valid)
        if valid and target is not None:
            self._status(
                f"Release to link «{short(self._link_source.claim.text)}» to "
                f"«{short(target.claim.text)}»: you choose Supports or Attacks"
            )
        else:
            self._status(HINT_LINKING)
