"""A view laid out for its part alone: where each card of a view goes.

A view cut out of a map (:func:`argmap.analysis.views.view_map`) has no saved places; left
so, the scene lays it out as a layered argument (conclusions above their grounds), which
suits one author's argument or a neighbourhood. A question is read across authors, so a
position's view gets one column per author (:mod:`argmap.drawing.lanes`), with the lanes
packed closer than on a whole map: a view is printed, and a narrower part prints larger.
Every card gets its place once, for all of the view's steps, so revealing a step never
moves a card already shown. A part is laid out for its cards' header band as they will
be drawn (a printed card's is :data:`argmap.drawing.shapes.PRINT_HEADER` high).
"""

from __future__ import annotations

from argmap.analysis.views import view_map, view_steps
from argmap.drawing.geometry import Size
from argmap.drawing.lanes import CARD_GAP, claim_depths
from argmap.drawing.layout import CARD_WIDTH, compute_layout, estimate_card_size, point
from argmap.drawing.shapes import HEADER
from argmap.map.model import ArgumentMap, Point, View

VIEW_LANE_GAP = 40.0
"""Space between a position view's author columns (a whole map's lanes use 120)."""
LANE_HEIGHT = 880.0
"""Tallest a position view's author column grows before it wraps into a second one beside
it: what an A4 landscape page holds at the handout's smallest card text."""
MAX_WIDTH = 5 * CARD_WIDTH + 4 * VIEW_LANE_GAP
"""Widest a view's layered layout may be (five cards): wider, its rows wrap instead."""
ROW_GAP = 48.0


def laid_out_view(
    amap: ArgumentMap,
    view: View,
    *,
    proposals: bool = False,
    lane_height: float = LANE_HEIGHT,
    header: float = HEADER,
) -> ArgumentMap:
    """``view``'s part of ``amap`` as a map whose every claim has its place.

    ``lane_height`` is how tall a position view's author column grows before it wraps
    (a lower one gives a wider, shorter part, which a handout can put under another);
    ``header`` is the height of the cards' header band as they will be drawn (a printed
    card's may differ from the screen's), so that cards are spaced for their own size."""
    part = view_map(amap, view, proposals=proposals)
    if not part.claims:
        return part
    sizes = _card_sizes(part, header)
    if view.kind == "position":
        places = _stacked_lanes(part, view_steps(part, part.views[0]), lane_height, sizes)
    else:
        places = compute_layout(part, sizes).positions
        xs = [p.x for p in places.values()]
        if max(xs) - min(xs) + CARD_WIDTH > MAX_WIDTH:
            places = _wrapped_rows(part, view_steps(part, part.views[0]), sizes)
    claims = [c.model_copy(update={"pos": places[c.id]}) for c in part.claims]
    return part.model_copy(update={"claims": claims})


def _card_sizes(part: ArgumentMap, header: float) -> dict[str, Size]:
    """Each card's estimated size, with a header band ``header`` high."""
    sizes = {}
    for claim in part.claims:
        width, height = estimate_card_size(claim.text)
        sizes[claim.id] = (width, height + header - HEADER)
    return sizes


def _stacked_lanes(
    part: ArgumentMap, order: list[str], lane_height: float, sizes: dict[str, Size]
) -> dict[str, Point]:
    """One column per author (in the map's author order, claims without one last), each
    a single file of its claims in teaching order: a question's few claims per author
    read down the column, and the part stays short enough to print."""
    lane_of = {a.id: i for i, a in enumerate(part.authors)}
    rank = {cid: i for i, cid in enumerate(order)}
    lanes: dict[int, list[str]] = {}
    for claim in sorted(part.claims, key=lambda c: rank.get(c.id, len(rank))):
        lane = lane_of.get(claim.author or "", len(lane_of))
        lanes.setdefault(lane, []).append(claim.id)
    places: dict[str, Point] = {}
    x = 0.0
    for lane in sorted(lanes):
        y = 0.0
        for cid in lanes[lane]:
            height = sizes[cid][1]
            if y > 0 and y + height > lane_height:  # the author's column goes on beside
                x += CARD_WIDTH + CARD_GAP
                y = 0.0
            places[cid] = point(x, y + height / 2)
            y += height + CARD_GAP
        x += CARD_WIDTH + VIEW_LANE_GAP
    return places


def _wrapped_rows(part: ArgumentMap, order: list[str], sizes: dict[str, Size]) -> dict[str, Point]:
    """The layered drawing's rows (conclusions on top, each claim one row below the
    deepest claim it points at), each at most five cards wide, wrapping into a further
    row: a part wider than a page is made taller instead, which a page has room for.
    Within a row cards follow the teaching order, so a premise sits near its thesis."""
    depth = claim_depths(part)
    rank = {cid: i for i, cid in enumerate(order)}
    by_depth: dict[int, list[str]] = {}
    for cid in sorted(depth, key=lambda c: rank.get(c, len(rank))):
        by_depth.setdefault(depth[cid], []).append(cid)
    columns = round((MAX_WIDTH + VIEW_LANE_GAP) / (CARD_WIDTH + VIEW_LANE_GAP))
    rows: list[list[str]] = []
    for level in sorted(by_depth):
        members = by_depth[level]
        if rows and len(rows[-1]) + len(members) <= columns:
            rows[-1] += members  # a short level shares the row above: the page is short
            continue
        rows += [members[i : i + columns] for i in range(0, len(members), columns)]
    places: dict[str, Point] = {}
    y = 0.0
    for row in rows:
        height = max(sizes[cid][1] for cid in row)
        left = (MAX_WIDTH - len(row) * (CARD_WIDTH + VIEW_LANE_GAP) + VIEW_LANE_GAP) / 2
        for i, cid in enumerate(row):
            x = left + i * (CARD_WIDTH + VIEW_LANE_GAP) + CARD_WIDTH / 2
            places[cid] = point(x, y + height / 2)
        y += height + ROW_GAP
    return places
