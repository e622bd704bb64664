"""Automatic placement of claims: a layered drawing for a whole map, a free spot for one card.

:func:`layered_layout` draws a map the way argument maps are read: conclusions above the
premises and evidence that support or attack them. Graphviz ``dot`` (through pygraphviz,
whose wheel bundles Graphviz) does the layering and the crossing reduction, which is the
hard part; this module only feeds it real card sizes (so cards never overlap) and then
re-packs the connected parts itself, because ``dot`` puts every disconnected part and every
unlinked claim side by side in one endless row, which no projector can show.

Graphviz itself is driven by :mod:`argmap.drawing.graphviz`, arrow ends are spread by
:mod:`argmap.drawing.routes`, and a card without a saved position gets a free spot from
:mod:`argmap.drawing.placement`.

Everything here is Qt-free: positions are :class:`~argmap.map.model.Point` card centres in scene
units (one unit is one pixel at 100 % zoom, which we hand to Graphviz as one point).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from argmap.drawing.geometry import H_GAP, Polyline, Size
from argmap.drawing.graphviz import route_placed, run_dot, staggered
from argmap.drawing.routes import spread_ends
from argmap.edit.document import MapDocument
from argmap.map.model import ArgumentMap, Claim, Link, Point
from argmap.map.trusted import construct

CARD_WIDTH = 220.0
"""Width of a claim card in scene units; the Qt card uses the same value."""
CARD_MIN_HEIGHT = 64.0
PART_GAP = 72.0
"""Space between separately packed parts of a map."""

_CHARS_PER_LINE = 30
_LINE_HEIGHT = 17.0
_HEADER = 26.0
_PADDING = 14.0


def point(x: float, y: float) -> Point:
    """A point made without validation (two floats cannot be invalid): a layout makes
    thousands, and validating one would build pydantic's validator, which drawing an
    Argdown document as an image otherwise never needs."""
    return construct(Point, {"x": float(x), "y": float(y)})


def estimate_card_size(text: str) -> Size:
    """A card's (width, height) guessed from its label, for callers without a font.

    It wraps words at about thirty characters a line, which is what a 220 px card shows
    at 10.5 pt; the Qt scene passes measured sizes instead.
    """
    lines = 0
    for paragraph in text.splitlines() or [""]:
        length = 0
        lines += 1
        for word in paragraph.split():
            extra = len(word) if length == 0 else len(word) + 1
            if length and length + extra > _CHARS_PER_LINE:
                lines += 1
                length = len(word)
            else:
                length += extra
            while length > _CHARS_PER_LINE:  # a very long word breaks anyway
                lines += 1
                length -= _CHARS_PER_LINE
    height = _HEADER + lines * _LINE_HEIGHT + _PADDING
    return CARD_WIDTH, max(CARD_MIN_HEIGHT, height)


def as_map(source: ArgumentMap | MapDocument) -> ArgumentMap:
    return source.map if isinstance(source, MapDocument) else source


def sizes_for(claims: Sequence[Claim], sizes: Mapping[str, Size] | None) -> dict[str, Size]:
    out: dict[str, Size] = {}
    for claim in claims:
        given = sizes.get(claim.id) if sizes is not None else None
        out[claim.id] = given if given is not None else estimate_card_size(claim.text)
    return out


@dataclass
class _Part:
    """A connected part of the drawing: its claims' centres relative to its own box."""

    ids: list[str]
    centres: dict[str, tuple[float, float]]
    width: float
    height: float
    origin: tuple[float, float] = (0.0, 0.0)  # where the box's corner was in dot's drawing


def _components(ids: Sequence[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected parts (ignoring direction), each in map order, ordered by first claim."""
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


MAX_ASPECT = 2.2
"""A linked part wider than this (width / height) gets its widest rank split (small maps)."""
NARROWING_MAX_CLAIMS = 150
NARROWING_ROUNDS = 4


def _narrow_layout(
    ids: Sequence[str],
    groups: Sequence[Sequence[str]],
    edges: Sequence[tuple[str, str]],
    sizes: Mapping[str, Size],
    routes: dict[tuple[str, str], list[Polyline]] | None = None,
) -> dict[str, tuple[float, float]]:
    """``dot``, re-run a few times on small maps to bring a ribbon nearer a screen's shape.

    Argument maps are broad and shallow: a thesis, a handful of premises, many pieces of
    evidence; ``dot`` puts each layer on one row and a 30-claim op-ed becomes four times
    wider than high. Each round pushes every other unsupported claim of the widest row of
    the biggest part one row down (a longer minimum edge length; a supported claim takes
    its supporters along) and the narrowest drawing wins. Big maps are drawn once: there
    the time matters more.

    With ``routes`` (see :func:`run_dot`) the winning drawing is routed too, and the
    centres come from that routed run (routing can nudge a card). A map too big to narrow
    is therefore laid out exactly once, routed or not.
    """
    minlen = dict(staggered(edges))
    if len(ids) > NARROWING_MAX_CLAIMS:
        return run_dot(ids, edges, sizes, minlen, routes)
    centres = run_dot(ids, edges, sizes, minlen)
    biggest = list(groups[max(range(len(groups)), key=lambda k: len(groups[k]))])
    supported = {b for _, b in edges}
    out_edges: dict[str, list[tuple[str, str]]] = {}
    for edge in edges:
        out_edges.setdefault(edge[0], []).append(edge)
    best, best_width, best_minlen = centres, _part_from(biggest, centres, sizes).width, minlen
    for _ in range(NARROWING_ROUNDS):
        part = _part_from(biggest, centres, sizes)
        if part.width <= MAX_ASPECT * part.height:
            break
        rows: dict[float, list[str]] = {}
        for cid in biggest:
            rows.setdefault(round(centres[cid][1]), []).append(cid)
        widest = max(rows.values(), key=lambda row: sum(sizes[c][0] for c in row))
        movable = [c for c in widest if c not in supported and c in out_edges]
        if len(movable) < 2:  # no loose leaves: move whole sub-arguments down instead
            movable = [c for c in widest if c in out_edges]
        if len(movable) < 2:
            break
        movable.sort(key=lambda c: centres[c][0])
        minlen = dict(minlen)
        for claim in movable[1::2]:
            for edge in out_edges[claim]:
                minlen[edge] = minlen.get(edge, 1) + 1
        centres = run_dot(ids, edges, sizes, minlen)
        width = _part_from(biggest, centres, sizes).width
        if width < best_width:
            best, best_width, best_minlen = centres, width, minlen
    if routes is not None:
        return run_dot(ids, edges, sizes, best_minlen, routes)
    return best


def _part_from(
    ids: list[str], centres: Mapping[str, tuple[float, float]], sizes: Mapping[str, Size]
) -> _Part:
    left = min(centres[i][0] - sizes[i][0] / 2 for i in ids)
    top = min(centres[i][1] - sizes[i][1] / 2 for i in ids)
    right = max(centres[i][0] + sizes[i][0] / 2 for i in ids)
    bottom = max(centres[i][1] + sizes[i][1] / 2 for i in ids)
    local = {i: (centres[i][0] - left, centres[i][1] - top) for i in ids}
    return _Part(ids, local, right - left, bottom - top, (left, top))


def _grid_part(ids: list[str], sizes: Mapping[str, Size], columns: int) -> _Part:
    """Unlinked claims as a tidy grid instead of one row."""
    columns = max(1, columns)
    col_w = max(sizes[i][0] for i in ids) + H_GAP
    centres: dict[str, tuple[float, float]] = {}
    y = 0.0
    for start in range(0, len(ids), columns):
        row = ids[start : start + columns]
        row_h = max(sizes[i][1] for i in row)
        for k, cid in enumerate(row):
            centres[cid] = (k * col_w + sizes[cid][0] / 2, y + row_h / 2)
        y += row_h + H_GAP
    width = min(columns, len(ids)) * col_w - H_GAP
    return _Part(ids, centres, width, y - H_GAP)


def _pack(parts: list[_Part]) -> tuple[dict[str, Point], dict[str, tuple[float, float]]]:
    """Shelf-pack parts into rows about 16:9 overall, biggest part first (top left).

    Returns the centres, and per claim how far its part moved from where ``dot`` drew it
    (edge routes move with their part).
    """
    area = sum((p.width + PART_GAP) * (p.height + PART_GAP) for p in parts)
    widest = max(p.width for p in parts)
    row_width = max(widest, math.sqrt(area * 16 / 9))
    out: dict[str, Point] = {}
    shift: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for part in parts:
        if x > 0 and x + part.width > row_width:
            x, y, row_h = 0.0, y + row_h + PART_GAP, 0.0
        for cid, (cx, cy) in part.centres.items():
            out[cid] = point(round(x + cx, 1), round(y + cy, 1))
            shift[cid] = (x - part.origin[0], y - part.origin[1])
        x += part.width + PART_GAP
        row_h = max(row_h, part.height)
    return out, shift


ROUTE_MAX_CLAIMS = 200
"""Maps up to this size get arrows routed around cards; routing big maps takes seconds."""


@dataclass(frozen=True)
class Layout:
    """Where claims go, and (on request, for maps that are not too big) how arrows run.

    ``routes`` maps a link id to a polyline from the border of its supporting/attacking
    claim to the border of its target, bending around cards in between. A route is only
    right while both claims stay at ``positions``; a view draws straight arrows otherwise.
    """

    positions: dict[str, Point]
    routes: dict[str, list[Point]]


def layered_layout(
    source: ArgumentMap | MapDocument, sizes: Mapping[str, Size] | None = None
) -> dict[str, Point]:
    """Centres for every claim: layered by links (conclusions on top), parts packed.

    ``sizes`` gives measured (width, height) per claim id; missing ones are estimated from
    the text. Cycles are fine (``dot`` reverses an edge of each cycle to rank them).
    Linked parts are laid out by ``dot`` and then packed in rows, largest first; claims
    with no link at all follow as a grid. Cards never overlap, whatever the sizes.
    """
    return compute_layout(source, sizes).positions


def compute_layout(
    source: ArgumentMap | MapDocument,
    sizes: Mapping[str, Size] | None = None,
    *,
    routes: bool = False,
) -> Layout:
    """:func:`layered_layout`, plus arrow routes when ``routes`` and the map is small."""
    amap = as_map(source)
    claims = list(amap.claims)
    if not claims:
        return Layout({}, {})
    all_sizes = sizes_for(claims, sizes)
    ids = [c.id for c in claims]
    known = set(ids)
    links = [
        x
        for x in amap.links
        if x.from_claim in known and x.to_claim in known and x.from_claim != x.to_claim
    ]
    edges = [(x.from_claim, x.to_claim) for x in links]
    linked = {e for pair in edges for e in pair}
    groups = _components([i for i in ids if i in linked], edges)
    loners = [i for i in ids if i not in linked]
    parts: list[_Part] = []
    routed: dict[tuple[str, str], list[Polyline]] | None = None
    if groups:
        dot_ids = [i for g in groups for i in g]
        if routes and len(ids) <= ROUTE_MAX_CLAIMS:
            routed = {}
        centres = _narrow_layout(dot_ids, groups, edges, all_sizes, routed)
        parts = [_part_from(g, centres, all_sizes) for g in groups]
        parts.sort(key=lambda p: -len(p.ids))
    if loners:
        main_width = max((p.width for p in parts), default=0.0)
        col_w = CARD_WIDTH + H_GAP
        columns = max(int(math.sqrt(len(loners) * 2)), int(main_width // col_w), 1)
        parts.append(_grid_part(loners, all_sizes, min(columns, len(loners))))
    positions, shift = _pack(parts)
    out: dict[str, list[Point]] = {}
    if routed is not None:
        lines_of: dict[str, Polyline] = {}
        for link in links:
            lines = routed.get((link.from_claim, link.to_claim))
            if lines:
                dx, dy = shift[link.from_claim]
                lines_of[link.id] = [(x + dx, y + dy) for x, y in lines.pop(0)]
        ends = {x.id: (x.from_claim, x.to_claim) for x in links}
        spread_ends(lines_of, ends, positions, all_sizes)
        out = {
            lid: [point(round(x, 1), round(y, 1)) for x, y in line]
            for lid, line in lines_of.items()
        }
    return Layout(positions, out)


PLACED_ROUTE_MAX_CLAIMS = 80
"""Maps up to this size get routes around cards the user placed (``neato`` takes about a
second for 70 cards and grows fast); bigger ones draw those arrows straight, in the app
and in an export alike."""


def arrow_routes(
    source: ArgumentMap | MapDocument,
    centres: Mapping[str, tuple[float, float]],
    sizes: Mapping[str, Size],
    layout: Layout | None = None,
) -> dict[str, list[Point]]:
    """The route of every arrow of a map whose cards sit at ``centres``, one rule for the
    app and the command line: an arrow whose two cards are where the automatic layout
    puts them follows that layout's route; any other is routed around the cards where
    they are (:func:`~argmap.drawing.graphviz.route_placed`). Drawn straight instead, a
    map the user had arranged came out of ``argmap export`` with straight arrows while
    the app showed curved ones. Maps over :data:`ROUTE_MAX_CLAIMS` claims get no routes,
    and over :data:`PLACED_ROUTE_MAX_CLAIMS` only the layout's.
    ``layout`` is the map's :func:`compute_layout` with routes, when the caller has it."""
    amap = as_map(source)
    claims = list(amap.claims)
    if not claims or len(claims) > ROUTE_MAX_CLAIMS or not amap.links:
        return {}
    if any(c.id not in centres or c.id not in sizes for c in claims):
        return {}
    if layout is None:
        layout = compute_layout(amap, sizes, routes=True)
    out: dict[str, list[Point]] = {}
    rest: list[Link] = []
    for link in amap.links:
        a, b = link.from_claim, link.to_claim
        if a == b or a not in centres or b not in centres:
            continue
        route = layout.routes.get(link.id)
        pa, pb = layout.positions.get(a), layout.positions.get(b)
        if route is not None and len(route) >= 2 and pa is not None and pb is not None:
            (ax, ay), (bx, by) = centres[a], centres[b]
            if abs(ax - pa.x) + abs(ay - pa.y) + abs(bx - pb.x) + abs(by - pb.y) < 0.5:
                out[link.id] = route
                continue
        rest.append(link)
    if rest and len(claims) <= PLACED_ROUTE_MAX_CLAIMS:
        ids = [c.id for c in claims]
        routed = route_placed(ids, [(x.from_claim, x.to_claim) for x in rest], sizes, centres)
        lines_of: dict[str, Polyline] = {}
        for link in rest:
            lines = routed.get((link.from_claim, link.to_claim))
            if lines:
                lines_of[link.id] = lines.pop(0)
        ends = {x.id: (x.from_claim, x.to_claim) for x in rest}
        spread_ends(lines_of, ends, {k: point(*v) for k, v in centres.items()}, sizes)
        for lid, line in lines_of.items():
            out[lid] = [point(round(x, 1), round(y, 1)) for x, y in line]
    return out


__all__ = [
    "CARD_MIN_HEIGHT",
    "CARD_WIDTH",
    "Layout",
    "arrow_routes",
    "compute_layout",
    "estimate_card_size",
    "layered_layout",
]
