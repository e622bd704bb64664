"""Where the app's canvas draws a map's cards and arrows, computed without Qt.

The card sizes come from the canvas font's line breaks (:mod:`argmap.drawing.textmetrics`), the
placement from the same layout calls the scene makes (:mod:`argmap.drawing.layout`), and the arrow
ends from :mod:`argmap.drawing.shapes`. :mod:`argmap.formats.svg` writes the picture as SVG; tests check
it against the scene, card for card and arrow for arrow.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from argmap.drawing.layout import CARD_WIDTH, Layout, arrow_routes, compute_layout
from argmap.drawing.placement import near_linked, place_in_turn
from argmap.drawing.shapes import (
    HANDLE_REACH,
    MARK_REACH,
    TEXT_WIDTH,
    arrow_ends,
    card_height,
    label_height,
)
from argmap.drawing.textmetrics import font, wrap
from argmap.map.model import ArgumentMap, Claim, Link

Box = tuple[float, float, float, float]
"""left, top, right, bottom"""
PointXY = tuple[float, float]


@dataclass
class Card:
    """A claim as drawn: centre, size and its wrapped label."""

    claim: Claim
    x: float
    y: float
    width: float
    height: float
    lines: list[str]
    mark: tuple[str, str] | None = None
    """An overlay mark shown on the card (colour, short text), as the app's "what stands"."""

    def reach(self) -> float:
        """How far the drawn card reaches past its sides (a mark's ring reaches further)."""
        return MARK_REACH if self.mark else HANDLE_REACH


@dataclass
class Arrow:
    """A link as drawn: its ends on the cards' borders, and its route if it follows one."""

    link: Link
    ends: tuple[float, float, float, float]
    route: list[PointXY] | None
    cross: bool


@dataclass
class Picture:
    """Everything the canvas would show of a map, in scene coordinates."""

    cards: list[Card] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)

    def content_box(self) -> Box:
        """The cards' drawn area with a margin, as the scene's ``content_rect``."""
        if not self.cards:
            return (-200.0, -150.0, 200.0, 150.0)
        left = min(c.x - c.width / 2 - c.reach() for c in self.cards)
        right = max(c.x + c.width / 2 + c.reach() for c in self.cards)
        top = min(c.y - c.height / 2 - c.reach() - 6 for c in self.cards)
        bottom = max(c.y + c.height / 2 + c.reach() for c in self.cards)
        return (left - 24, top - 24, right + 24, bottom + 24)


def card_size(text: str) -> tuple[float, float, list[str]]:
    """(width, height, lines) of the card for ``text``, as the canvas measures it."""
    label = font("label")
    lines = wrap(text, TEXT_WIDTH, "label")
    height = label_height(len(lines), label.height, label.leading)
    return CARD_WIDTH, card_height(height), lines


def picture(
    amap: ArgumentMap,
    *,
    placed: Mapping[str, PointXY] | None = None,
    hidden: Collection[str] = (),
    marks: Mapping[str, tuple[str, str]] | None = None,
    routes: Mapping[str, Sequence[PointXY]] | None = None,
) -> Picture:
    """Where the canvas puts every card and arrow of ``amap``.

    Claims with saved positions stay there. When none has one, the map is laid out as the
    scene lays it out (with arrow routes); when some lack one, each is placed near its
    linked claims, in map order, as the scene places them. Arrows are routed by
    :func:`~argmap.drawing.layout.arrow_routes` (maps of up to ``ROUTE_MAX_CLAIMS`` claims):
    the layout's route where both cards sit where the layout puts them, else a route
    around the cards where they are.

    The app passes what its scene shows: ``placed`` (where each card is drawn now),
    ``hidden`` (claims filtered out, with their arrows), overlay ``marks`` and ``routes``
    (the arrows that follow a route, by link id; the others are straight), so nothing is
    laid out again.
    """
    measured = {c.id: card_size(c.text) for c in amap.claims}
    sizes = {cid: (w, h) for cid, (w, h, _) in measured.items()}
    layout: Layout | None = None
    if placed is not None and all(c.id in placed for c in amap.claims):
        where = dict(placed)
    else:
        where, layout = _positions(amap, sizes)
        where.update(placed or {})
    marks = marks or {}
    cards = [
        Card(c, *where[c.id], *measured[c.id][:2], measured[c.id][2], marks.get(c.id))
        for c in amap.claims
    ]
    if routes is None:  # the app's rule for every arrow (argmap.drawing.layout.arrow_routes)
        centres = {c.claim.id: (c.x, c.y) for c in cards}
        found = arrow_routes(amap, centres, sizes, layout)
        routes = {lid: [(p.x, p.y) for p in route] for lid, route in found.items()}
    by_id = {c.claim.id: c for c in cards}
    arrows: list[Arrow] = []
    hide = set(hidden)
    for link in amap.links:
        a, b = by_id.get(link.from_claim), by_id.get(link.to_claim)
        if a is None or b is None or a.claim.id in hide or b.claim.id in hide:
            continue
        cross = bool(a.claim.author and b.claim.author and a.claim.author != b.claim.author)
        given = routes.get(link.id)
        route = list(given) if given is not None and len(given) >= 2 else None
        if route is not None:
            ends = (*route[0], *route[-1])
        else:
            ends = arrow_ends(a.x, a.y, a.width, a.height, b.x, b.y, b.width, b.height)
        arrows.append(Arrow(link, ends, route, cross))
    return Picture([c for c in cards if c.claim.id not in hide], arrows)


def _positions(
    amap: ArgumentMap, sizes: dict[str, tuple[float, float]]
) -> tuple[dict[str, PointXY], Layout | None]:
    """Every card's centre as the scene places it, and the layout when one was computed
    (its routes are then the arrows')."""
    where = {c.id: (c.pos.x, c.pos.y) if c.pos is not None else (0.0, 0.0) for c in amap.claims}
    unsaved = [c for c in amap.claims if c.pos is None]
    if not unsaved:
        return where, None
    if len(unsaved) == len(amap.claims):
        layout = compute_layout(amap, sizes, routes=True)
        for c in unsaved:
            p = layout.positions[c.id]
            where[c.id] = (p.x, p.y)
        return where, layout
    links = ((x.from_claim, x.to_claim) for x in amap.links)
    order = [c.id for c in unsaved]
    return place_in_turn(order, where, sizes, near_linked(links, sizes)), None
