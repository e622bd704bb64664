"""A view laid out for its part alone: where each card of a view goes.

A view cut out of a map (:func:`argmap.analysis.views.view_map`) has no saved places; left
so, the scene lays it out as a layered argument (conclusions above their grounds), which
suits one author's argument or a neighbourhood. A question is read across authors, so a
position's view gets one column per author (:mod:`argmap.drawing.lanes`), with the lanes
packed closer than on a whole map: a view is printed, and a narrower part prints larger.
Every card gets its place once, for all of the view's steps, so revealing a step never
moves a card already shown.
"""

from __future__ import annotations

from argmap.analysis.views import view_map, view_steps
from argmap.drawing.lanes import CARD_GAP
from argmap.drawing.layout import CARD_WIDTH, compute_layout, estimate_card_size, point
from argmap.map.model import ArgumentMap, Point, View

VIEW_LANE_GAP = 40.0
"""Space between a position view's author columns (a whole map's lanes use 120)."""
LANE_HEIGHT = 860.0
"""Tallest a position view's author column grows before it wraps into a second one beside
it: what an A4 landscape page holds at the handout's smallest card text."""


def laid_out_view(amap: ArgumentMap, view: View, *, proposals: bool = False) -> ArgumentMap:
    """``view``'s part of ``amap`` as a map whose every claim has its place."""
    part = view_map(amap, view, proposals=proposals)
    if not part.claims:
        return part
    if view.kind == "position":
        places = _stacked_lanes(part, view_steps(part, part.views[0]))
    else:
        places = compute_layout(part).positions
    claims = [c.model_copy(update={"pos": places[c.id]}) for c in part.claims]
    return part.model_copy(update={"claims": claims})


def _stacked_lanes(part: ArgumentMap, order: list[str]) -> dict[str, Point]:
    """One column per author (in the map's author order, claims without one last), each
    a single file of its claims in teaching order: a question's few claims per author
    read down the column, and the part stays short enough to print."""
    lane_of = {a.id: i for i, a in enumerate(part.authors)}
    rank = {cid: i for i, cid in enumerate(order)}
    lanes: dict[int, list[str]] = {}
    for claim in sorted(part.claims, key=lambda c: rank.get(c.id, len(rank))):
        lane = lane_of.get(claim.author or "", len(lane_of))
        lanes.setdefault(lane, []).append(claim.id)
    text = {c.id: c.text for c in part.claims}
    places: dict[str, Point] = {}
    x = 0.0
    for lane in sorted(lanes):
        y = 0.0
        for cid in lanes[lane]:
            height = estimate_card_size(text[cid])[1]
            if y > 0 and y + height > LANE_HEIGHT:  # the author's column goes on beside
                x += CARD_WIDTH + CARD_GAP
                y = 0.0
            places[cid] = point(x, y + height / 2)
            y += height + CARD_GAP
        x += CARD_WIDTH + VIEW_LANE_GAP
    return places
