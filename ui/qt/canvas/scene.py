"""MapScene: a QGraphicsScene that mirrors a MapDocument and never edits it behind its back.

The scene builds one card per claim and one arrow per link when it is created (or when the
document is reset) and from then on only follows the document's signals. Changes the user
makes with the mouse reach the document through :func:`ui.qt.base.undo.push_edit` (the view
does that); the document then signals and the scene follows, exactly as it does for undo,
redo, the inspector or a script.

Positions: a claim with a saved ``pos`` is drawn there. A claim without one gets a
*view-state* position (a layered layout on load, a free spot when added later). Those
positions never enter the document unless the user moves the card or runs auto layout, so
opening a map never creates an undo entry or marks the map modified.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPalette, QUndoStack
from PySide6.QtWidgets import QApplication, QGraphicsScene

from argmap.drawing.layout import ROUTE_MAX_CLAIMS, Layout, arrow_routes, compute_layout
from argmap.drawing.placement import near_linked, place_in_turn, place_new_claim
from argmap.edit.document import MapDocument
from argmap.map.model import Author, Claim, Link, Point
from ui.qt.canvas.items import ClaimItem, Mark
from ui.qt.canvas.links import LinkItem

if TYPE_CHECKING:
    from psygnal import SignalInstance

BSP_DEPTH = 8
ROUTE_NOW_MAX_CLAIMS = 100
"""Maps up to this size get their arrow routes while opening; bigger ones just after."""


class MapScene(QGraphicsScene):
    """The map's cards and arrows, kept in step with ``doc``.

    ``undo_stack`` is where gestures on this scene are recorded (the view pushes to it).
    Cards use Qt's selection; arrows keep their own (see :mod:`ui.qt.canvas.links`) and
    ``link_selection_changed`` reports it.
    """

    link_selection_changed = Signal()

    def __init__(
        self,
        doc: MapDocument,
        undo_stack: QUndoStack,
        parent: QObject | None = None,
        *,
        interactive: bool = True,
        printed: bool = False,
    ) -> None:
        """``interactive=False`` builds a scene only to be drawn (an image export of a map
        that is not open): its cards skip selection, hover and the pixmap cache.
        ``printed`` draws its cards for print (see :class:`~ui.qt.canvas.items.ClaimItem`)."""
        super().__init__(parent)
        self.doc = doc
        self._interactive = interactive
        self._printed = printed
        self.undo_stack = undo_stack
        self._claims: dict[str, ClaimItem] = {}
        self._links: dict[str, LinkItem] = {}
        self._links_at: dict[str, set[str]] = {}  # claim id -> ids of its link items
        self._auto_pos: dict[str, QPointF] = {}  # view-state positions of unsaved claims
        self._marks: dict[str, tuple[str, str]] = {}
        self._hidden_authors: set[str] = set()
        self._hidden_kinds: set[str] = set()
        self._highlight: set[str] = set()
        self._selected_links: set[str] = set()
        self._dark = False
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        # Qt sizes the BSP tree by item count (depth 14 for a 5,000-claim map), and every
        # long arrow then sits in thousands of leaves: building that index took 2 s and each
        # drag step re-indexed for 20 ms. Depth 8 measured 50x faster to build and 3x
        # cheaper per move, with hit tests still well under a millisecond.
        self.setBspTreeDepth(BSP_DEPTH)
        self._apply_palette()
        self._route_timer = QTimer(self)
        self._route_timer.setSingleShot(True)
        self._route_timer.setInterval(0)
        self._route_timer.timeout.connect(self._route_saved)
        # A scene built only to be drawn (interactive=False) never sees the document change,
        # so it does not follow its signals: that keeps an image export from importing and
        # wiring psygnal at all.
        self._connections: list[tuple[SignalInstance, Callable[..., Any]]] = []
        if interactive:
            self._connections = self._follow(doc)
        for signal, slot in self._connections:
            signal.connect(slot)
        self.rebuild()

    def _follow(self, doc: MapDocument) -> list[tuple[SignalInstance, Callable[..., Any]]]:
        """The document signals the scene mirrors, each with its handler."""
        return [
            (doc.reset, self.rebuild),
            (doc.claim_added, self._on_claim_added),
            (doc.claim_removed, self._on_claim_removed),
            (doc.claim_changed, self._on_claim_changed),
            (doc.claims_moved, self._on_claims_moved),
            (doc.link_added, self._on_link_added),
            (doc.link_removed, self._on_link_removed),
            (doc.link_changed, self._on_link_changed),
            (doc.author_changed, self._on_author_changed),
        ]

    def detach(self) -> None:
        """Stop following the document (before the scene is thrown away)."""
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections = []

    def event(self, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.PaletteChange:  # light/dark theme switched
            self._apply_palette()
        return super().event(event)

    def _apply_palette(self) -> None:
        """A light canvas, or the app's own base colour when it runs a dark palette."""
        app = QApplication.instance()
        base = QColor("white")
        if isinstance(app, QApplication):
            base = app.palette().color(QPalette.ColorRole.Base)
        self.setBackgroundBrush(QBrush(base))

    def setBackgroundBrush(self, brush: Any, /) -> None:  # Qt's name
        """Set the canvas colour; arrows brighten on a dark one (theme, or an export that
        paints on white while the app is dark)."""
        super().setBackgroundBrush(brush)
        dark = QBrush(brush).color().lightness() < 128
        if dark != self._dark:
            self._dark = dark
            for link in self._links.values():
                link.dark = dark
                link.update()

    # ------------------------------------------------------------------ contract
    def claim_item(self, claim_id: str) -> ClaimItem | None:
        return self._claims.get(claim_id)

    def link_item(self, link_id: str) -> LinkItem | None:
        return self._links.get(link_id)

    def claim_items(self) -> list[ClaimItem]:
        return list(self._claims.values())

    def link_items(self) -> list[LinkItem]:
        return list(self._links.values())

    def links_at(self, claim_id: str) -> list[LinkItem]:
        """The arrows touching a claim (what a drag of that card re-routes)."""
        return [self._links[i] for i in self._links_at.get(claim_id, ())]

    def selected_claim_ids(self) -> list[str]:
        """Selected claims in map order (the order a multi-delete or an export uses)."""
        chosen = {i.claim_id for i in self.selectedItems() if isinstance(i, ClaimItem)}
        if not chosen:
            return []
        return [c.id for c in self.doc.map.claims if c.id in chosen]

    def selected_link_ids(self) -> list[str]:
        """Selected arrows in map order (arrows keep their own selection, see links.py)."""
        chosen = self._selected_links
        if not chosen:
            return []
        return [x.id for x in self.doc.map.links if x.id in chosen]

    def select_link(self, link_id: str, add: bool = False) -> None:
        """Select an arrow; without ``add`` every other arrow is deselected."""
        before = set(self._selected_links)
        self._clear_links()
        if add:
            for other in before:
                self._set_link(other, True)
        self._set_link(link_id, True)
        if self._selected_links != before:
            self.link_selection_changed.emit()

    def toggle_link(self, link_id: str) -> None:
        if link_id in self._links:
            self._set_link(link_id, link_id not in self._selected_links)
            self.link_selection_changed.emit()

    def clear_link_selection(self) -> None:
        if self._selected_links:
            self._clear_links()
            self.link_selection_changed.emit()

    def clearSelection(self) -> None:  # Qt's name; called from Python, it clears arrows too
        """Deselect every card and every arrow (as an export or "select these" expects)."""
        super().clearSelection()
        self.clear_link_selection()

    def _set_link(self, link_id: str, on: bool) -> None:
        item = self._links.get(link_id)
        if item is None:
            return
        item.set_link_selected(on)
        if on:
            self._selected_links.add(link_id)
        else:
            self._selected_links.discard(link_id)

    def _clear_links(self) -> None:
        for link_id in list(self._selected_links):
            self._set_link(link_id, False)

    def link_at(self, scene_pos: QPointF, tolerance: float) -> LinkItem | None:
        """The visible arrow nearest ``scene_pos`` within ``tolerance`` scene units."""
        box = QRectF(
            scene_pos.x() - tolerance, scene_pos.y() - tolerance, 2 * tolerance, 2 * tolerance
        )
        best: LinkItem | None = None
        best_d = tolerance
        for item in self.items(box, Qt.ItemSelectionMode.IntersectsItemBoundingRect):
            link = item if isinstance(item, LinkItem) else item.parentItem()
            if not isinstance(link, LinkItem) or not link.isVisible():
                continue
            d = link.hit_distance(scene_pos)
            if d <= best_d:
                best, best_d = link, d
        return best

    def set_overlay(self, marks: Mapping[str, tuple[str, str]] | None) -> None:
        """Draw a coloured ring and a short badge on cards; ``None`` clears every mark.

        Only cards whose mark changed are touched: after an edit most of a big map keeps
        its labels, and re-marking a card costs a repaint and a fresh cache pixmap.
        """
        new = dict(marks) if marks else {}
        old = self._marks
        claims = self._claims
        for claim_id, mark in new.items():
            if old.get(claim_id) != mark:
                item = claims.get(claim_id)
                if item is not None:
                    item.set_mark(Mark(QColor(mark[0]), mark[1]))
        for claim_id in old.keys() - new.keys():
            item = claims.get(claim_id)
            if item is not None:
                item.set_mark(None)
        self._marks = new

    def overlay_marks(self) -> dict[str, tuple[str, str]]:
        """The overlay marks shown now: claim id -> (colour, badge text)."""
        return dict(self._marks)

    def set_hidden(self, authors: set[str], kinds: set[str]) -> None:
        """Hide cards by author or kind, and every arrow that touches a hidden card."""
        self._hidden_authors = set(authors)
        self._hidden_kinds = set(kinds)
        for item in self._claims.values():
            item.setVisible(self._claim_visible(item.claim))
        for link in self._links.values():
            link.setVisible(link.source.isVisible() and link.target.isVisible())

    def set_highlight(self, claim_ids: Collection[str]) -> None:
        """Draw search hits with a bright halo (an empty collection clears it)."""
        new = set(claim_ids)
        for claim_id in self._highlight | new:
            item = self._claims.get(claim_id)
            if item is not None:
                item.set_highlighted(claim_id in new)
        self._highlight = new

    def content_rect(self) -> QRectF:
        """Bounding rect of the visible cards (arrows run between them), with a margin."""
        rect = QRectF()
        for item in self._claims.values():
            if item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        if rect.isNull():
            return QRectF(-200, -150, 400, 300)
        return rect.adjusted(-24, -24, 24, 24)

    # ------------------------------------------------------------------ positions
    def card_sizes(self) -> dict[str, tuple[float, float]]:
        """Measured card sizes, for the layout."""
        return {cid: item.size() for cid, item in self._claims.items()}

    def current_positions(self) -> dict[str, Point]:
        """Where every card is drawn now (saved or view-state)."""
        return {
            cid: Point(x=item.pos().x(), y=item.pos().y()) for cid, item in self._claims.items()
        }

    def is_auto_placed(self, claim_id: str) -> bool:
        """True when the card sits at a view-state position (no saved ``pos``)."""
        claim = self.doc.claims.get(claim_id)
        return claim is not None and claim.pos is None and claim_id in self._auto_pos

    def _free_spot(self, claim: Claim, item: ClaimItem) -> QPointF:
        """A spot for a card without a saved position: near its linked or selected claims."""
        anchors = [
            self._claims[other].pos()
            for x in self.doc.links_of(claim.id)
            for other in (x.from_claim, x.to_claim)
            if other != claim.id and other in self._claims
        ]
        if not anchors:
            anchors = [i.pos() for i in self.selectedItems() if isinstance(i, ClaimItem)]
        near = None
        if anchors:
            x = sum(p.x() for p in anchors) / len(anchors)
            y = max(p.y() for p in anchors) + item.size()[1] + 60
            near = Point(x=x, y=y)
        spot = place_new_claim(
            self.doc,
            near=near,
            size=item.size(),
            positions=self.current_positions(),
            sizes=self.card_sizes(),
            exclude=[claim.id],
        )
        return QPointF(spot.x, spot.y)

    def _set_item_pos(self, item: ClaimItem, pos: QPointF) -> None:
        item.setPos(pos)
        self.reroute([item.claim_id])

    # ------------------------------------------------------------------ building
    def rebuild(self) -> None:
        """Drop every item and build the map again (open, revert, ``doc.reset``)."""
        had_links = bool(self._selected_links)
        super().clearSelection()
        self.clear()
        self._selected_links.clear()
        if had_links:
            self.link_selection_changed.emit()
        self._claims.clear()
        self._links.clear()
        self._links_at.clear()
        self._auto_pos.clear()
        claims = self.doc.map.claims
        for claim in claims:
            self._make_claim_item(claim)
        unsaved = [c for c in claims if c.pos is None]
        layout: Layout | None = None
        if unsaved:
            if len(unsaved) == len(claims):
                layout = compute_layout(self.doc, self.card_sizes(), routes=True)
                for claim in unsaved:
                    p = layout.positions[claim.id]
                    self._auto_pos[claim.id] = QPointF(p.x, p.y)
                    self._set_item_pos(self._claims[claim.id], self._auto_pos[claim.id])
            else:
                # each near its linked claims, in map order, with one occupancy grid for
                # all (argmap.drawing.picture places them the same way for an SVG)
                sizes = self.card_sizes()
                now = {cid: (i.pos().x(), i.pos().y()) for cid, i in self._claims.items()}
                links = ((x.from_claim, x.to_claim) for x in self.doc.map.links)
                placed = place_in_turn(
                    [c.id for c in unsaved], now, sizes, near_linked(links, sizes)
                )
                for claim in unsaved:
                    x, y = placed[claim.id]
                    self._auto_pos[claim.id] = QPointF(x, y)
                    self._set_item_pos(self._claims[claim.id], self._auto_pos[claim.id])
        for link in self.doc.map.links:
            self._make_link_item(link)
        if layout is not None:
            self.apply_routes(layout)
        elif 0 < len(claims) <= ROUTE_MAX_CLAIMS and self.doc.map.links:
            if len(claims) <= ROUTE_NOW_MAX_CLAIMS:
                self._route_saved()  # an op-ed map: tens of milliseconds, and exports see it
            else:
                self._route_timer.start()  # after the first paint: opening stays fast
        self.set_overlay({k: v for k, v in self._marks.items() if k in self._claims})
        self.set_highlight(self._highlight & self._claims.keys())
        if self._hidden_authors or self._hidden_kinds:
            self.set_hidden(self._hidden_authors, self._hidden_kinds)

    # ------------------------------------------------------------------ routes
    def apply_routes(self, layout: Layout) -> None:
        """Let arrows follow ``layout``'s routes while their cards sit where it put them."""
        for link_id, route in layout.routes.items():
            item = self._links.get(link_id)
            if item is None:
                continue
            a = layout.positions.get(item.link.from_claim)
            b = layout.positions.get(item.link.to_claim)
            if a is None or b is None:
                continue
            item.set_route([(p.x, p.y) for p in route], (a.x, a.y), (b.x, b.y))

    def ensure_routes(self) -> None:
        """Compute pending arrow routes now (an export that does not run the event loop)."""
        if self._route_timer.isActive():
            self._route_timer.stop()
            self._route_saved()

    def _route_saved(self) -> None:
        """Routes for a map opened with saved positions, by the rule ``argmap export``
        follows (:func:`~argmap.drawing.layout.arrow_routes`): arrows whose two cards are
        still where the automatic layout puts them follow its routes, the others a route
        around the cards where they are."""
        claims = self.doc.map.claims
        if not claims or len(claims) > ROUTE_MAX_CLAIMS:
            return
        self._route_timer.stop()
        centres = {cid: (i.pos().x(), i.pos().y()) for cid, i in self._claims.items()}
        routes = arrow_routes(self.doc, centres, self.card_sizes())
        for link_id, item in self._links.items():
            route = routes.get(link_id)
            a, b = centres.get(item.link.from_claim), centres.get(item.link.to_claim)
            if route is None or a is None or b is None:
                item.set_route(None)
            else:
                item.set_route([(p.x, p.y) for p in route], a, b)

    def route_as_saved(self) -> None:
        """Route every arrow as the saved map will be (after an import pinned the cards
        where they are drawn): what the app shows is then what ``argmap export`` draws."""
        self._route_saved()

    def routed_links(self) -> list[str]:
        """Ids of arrows that currently follow a layout route (for tests and status)."""
        return [i for i, item in self._links.items() if item.routed]

    def _author(self, claim: Claim) -> Author | None:
        return self.doc.authors.get(claim.author) if claim.author else None

    def _claim_visible(self, claim: Claim) -> bool:
        return claim.kind not in self._hidden_kinds and (
            claim.author is None or claim.author not in self._hidden_authors
        )

    def _make_claim_item(self, claim: Claim) -> ClaimItem:
        item = ClaimItem(claim, self._author(claim), self._interactive, self._printed)
        if claim.pos is not None:
            item.setPos(claim.pos.x, claim.pos.y)
        self.addItem(item)
        self._claims[claim.id] = item
        self._links_at.setdefault(claim.id, set())
        if claim.id in self._marks:
            color, text = self._marks[claim.id]
            item.set_mark(Mark(QColor(color), text))
        if not self._claim_visible(claim):
            item.setVisible(False)
        return item

    def _make_link_item(self, link: Link) -> LinkItem | None:
        source = self._claims.get(link.from_claim)
        target = self._claims.get(link.to_claim)
        if source is None or target is None:
            return None
        item = LinkItem(link, source, target)
        item.dark = self._dark
        self.addItem(item)
        self._links[link.id] = item
        self._links_at.setdefault(link.from_claim, set()).add(link.id)
        self._links_at.setdefault(link.to_claim, set()).add(link.id)
        item.setVisible(source.isVisible() and target.isVisible())
        return item

    # ------------------------------------------------------------------ drags
    def reroute(self, claim_ids: Iterable[str]) -> None:
        """Re-route the arrows of cards that moved: only theirs, never the whole map."""
        links = self._links
        for claim_id in claim_ids:
            for link_id in self._links_at.get(claim_id, ()):
                links[link_id].update_geometry()

    # ------------------------------------------------------------------ document signals
    def _on_claim_added(self, claim: Claim) -> None:
        item = self._make_claim_item(claim)
        if claim.pos is None:
            self._auto_pos[claim.id] = self._free_spot(claim, item)
            self._set_item_pos(item, self._auto_pos[claim.id])

    def _on_claim_removed(self, claim_id: str) -> None:
        item = self._claims.pop(claim_id, None)
        for link_id in self._links_at.pop(claim_id, set()):  # normally none left
            self._on_link_removed(link_id)
        self._auto_pos.pop(claim_id, None)
        if item is not None:
            self.removeItem(item)

    def _on_claim_changed(self, old: Claim, new: Claim) -> None:
        item = self._claims.get(new.id)
        if item is None:
            return
        item.set_claim(new, self._author(new))
        item.setVisible(self._claim_visible(new))
        if new.pos != old.pos:
            self._on_claims_moved({new.id: new.pos})
        resized = new.text != old.text
        for link in self.links_at(new.id):
            if resized:
                link.set_route(None)  # the route ended on the old card's border
            link.update_geometry()
            link.setVisible(link.source.isVisible() and link.target.isVisible())
            link.refresh_style()  # the cross-author look depends on the claims' authors

    def _on_claims_moved(self, positions: dict[str, Point | None]) -> None:
        for claim_id, pos in positions.items():
            item = self._claims.get(claim_id)
            if item is None:
                continue
            if pos is not None:  # the auto spot is kept: undo may bring the claim back to it
                target = QPointF(pos.x, pos.y)
            else:
                spot = self._auto_pos.get(claim_id)
                if spot is None:
                    spot = self._free_spot(self.doc.claims[claim_id], item)
                    self._auto_pos[claim_id] = spot
                target = spot
            if item.pos() != target:
                self._set_item_pos(item, target)

    def _on_link_added(self, link: Link) -> None:
        self._make_link_item(link)

    def _on_link_removed(self, link_id: str) -> None:
        item = self._links.pop(link_id, None)
        if item is None:
            return
        for end in (item.link.from_claim, item.link.to_claim):
            self._links_at.get(end, set()).discard(link_id)
        if link_id in self._selected_links:
            self._selected_links.discard(link_id)
            self.link_selection_changed.emit()
        self.removeItem(item)

    def _on_link_changed(self, old: Link, new: Link) -> None:
        item = self._links.get(old.id)
        source = self._claims.get(new.from_claim)
        target = self._claims.get(new.to_claim)
        if item is None or source is None or target is None:
            self._on_link_removed(old.id)
            self._on_link_added(new)
            return
        for end in (old.from_claim, old.to_claim):
            self._links_at.get(end, set()).discard(old.id)
        for end in (new.from_claim, new.to_claim):
            self._links_at.setdefault(end, set()).add(new.id)
        item.set_link(new, source, target)  # kind or direction: same item, same selection
        item.setVisible(source.isVisible() and target.isVisible())

    def _on_author_changed(self, old: Author, new: Author) -> None:
        for item in self._claims.values():
            if item.claim.author == new.id:
                item.set_author(new)
