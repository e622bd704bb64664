"""Automatic placement of claims: a layered drawing for a whole map, a free spot for one card.

:func:`layered_layout` draws a map the way argument maps are read: conclusions above the
premises and evidence that support or attack them. Graphviz ``dot`` (through pygraphviz,
whose wheel bundles Graphviz) does the layering and the crossing reduction, which is the
hard part; this module only feeds it real card sizes (so cards never overlap) and then
re-packs the connected parts itself, because ``dot`` puts every disconnected part and every
unlinked claim side by side in one endless row, which no projector can show.

:func:`place_new_claim` finds a free spot for a card that has no saved position yet (a new
claim, or one an importer added) near a point of interest, without moving anything else.

Everything here is Qt-free: positions are :class:`~argmap.model.Point` card centres in scene
units (one unit is one pixel at 100 % zoom, which we hand to Graphviz as one point).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from argmap.document import MapDocument
from argmap.model import ArgumentMap, Claim, Point

CARD_WIDTH = 220.0
"""Width of a claim card in scene units; the Qt card uses the same value."""
CARD_MIN_HEIGHT = 64.0
H_GAP = 28.0
"""Horizontal space between neighbouring cards of one rank."""
V_GAP = 56.0
"""Vertical space between ranks: room for an arrow head to be seen."""
PART_GAP = 72.0
"""Space between separately packed parts of a map."""

_CHARS_PER_LINE = 30
_LINE_HEIGHT = 17.0
_HEADER = 26.0
_PADDING = 14.0
_POINTS_PER_INCH = 72.0

Size = tuple[float, float]


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


def _as_map(source: ArgumentMap | MapDocument) -> ArgumentMap:
    return source.map if isinstance(source, MapDocument) else source


def _sizes_for(claims: Sequence[Claim], sizes: Mapping[str, Size] | None) -> dict[str, Size]:
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


def _effort(n: int) -> dict[str, str]:
    """Graphviz effort limits by map size.

    Crossing reduction (``mclimit``) and network simplex (``nslimit``) dominate on big
    maps and grow faster than linearly. Bounding them keeps a 1,000-claim layout near half
    a second (measured: about 15 % more crossings than unbounded, which takes 1.5 s) while
    the drawing stays layered; hand-made maps (a few dozen claims) get the full effort.
    """
    if n <= 300:
        return {}
    if n <= 1500:
        return {"mclimit": "0.05", "nslimit": "0.5", "nslimit1": "0.5"}
    return {"mclimit": "0.02", "nslimit": "0.2", "nslimit1": "0.2", "searchsize": "10"}


STAGGER = 4
"""At most this many unsupported premises of one conclusion share a row (see _staggered)."""


def _staggered(edges: Sequence[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """Longer minimum lengths for some leaf edges, so wide fans become several rows.

    A conclusion with ten premises that nothing else supports would put all ten on one
    rank, and a map of a few such fans becomes a ribbon five times wider than high, which
    no projector shows legibly. Like Graphviz's ``unflatten -l``, the leaves of a fan get
    edge lengths 1, 2, 1, 2 ... so they stack in rows of at most ``STAGGER``.
    """
    incoming: dict[str, int] = {}
    outgoing: dict[str, int] = {}
    for a, b in edges:
        outgoing[a] = outgoing.get(a, 0) + 1
        incoming[b] = incoming.get(b, 0) + 1
    fans: dict[str, list[tuple[str, str]]] = {}
    for a, b in edges:
        if incoming.get(a, 0) == 0 and outgoing[a] == 1:  # a leaf: nothing argues for it
            fans.setdefault(b, []).append((a, b))
    out: dict[tuple[str, str], int] = {}
    for fan in fans.values():
        if len(fan) > STAGGER:
            rows = min(3, math.ceil(len(fan) / STAGGER))
            for i, edge in enumerate(fan):
                if i % rows:
                    out[edge] = 1 + i % rows
    return out


def _run_dot(
    ids: Sequence[str],
    edges: Sequence[tuple[str, str]],
    sizes: Mapping[str, Size],
    minlen: Mapping[tuple[str, str], int],
) -> dict[str, tuple[float, float]]:
    """Node centres from ``dot`` (y grows downwards, like the scene)."""
    import pygraphviz

    names = {cid: f"n{i}" for i, cid in enumerate(ids)}  # ids may hold ':' or '.'
    graph = pygraphviz.AGraph(directed=True, strict=False)
    graph.graph_attr.update(
        rankdir="BT",  # links go premise -> conclusion: conclusions on top
        nodesep=f"{H_GAP / _POINTS_PER_INCH:.3f}",
        ranksep=f"{V_GAP / _POINTS_PER_INCH:.3f}",
        splines="",  # we draw straight arrows ourselves; skip edge routing
        ordering="",
    )
    graph.graph_attr.update(_effort(len(ids)))
    graph.node_attr.update(shape="box", fixedsize="true", label="")
    for cid in ids:
        w, h = sizes[cid]
        graph.add_node(
            names[cid],
            width=f"{w / _POINTS_PER_INCH:.4f}",
            height=f"{h / _POINTS_PER_INCH:.4f}",
        )
    for a, b in edges:
        stretch = minlen.get((a, b))
        if stretch is None:
            graph.add_edge(names[a], names[b])
        else:
            graph.add_edge(names[a], names[b], minlen=str(stretch))
    plain = graph.draw(prog="dot", format="plain")
    text = plain.decode("utf-8") if isinstance(plain, bytes) else str(plain)
    back = {name: cid for cid, name in names.items()}
    centres: dict[str, tuple[float, float]] = {}
    for line in text.splitlines():
        if line.startswith("node "):
            fields = line.split(" ", 4)
            cid = back[fields[1]]
            x = float(fields[2]) * _POINTS_PER_INCH
            y = -float(fields[3]) * _POINTS_PER_INCH
            centres[cid] = (x, y)
    return centres


MAX_ASPECT = 2.2
"""A linked part wider than this (width / height) gets its widest rank split (small maps)."""
NARROWING_MAX_CLAIMS = 300
NARROWING_ROUNDS = 4


def _narrow_layout(
    ids: Sequence[str],
    groups: Sequence[Sequence[str]],
    edges: Sequence[tuple[str, str]],
    sizes: Mapping[str, Size],
) -> dict[str, tuple[float, float]]:
    """``dot``, re-run a few times on small maps to bring a ribbon nearer a screen's shape.

    Argument maps are broad and shallow: a thesis, a handful of premises, many pieces of
    evidence; ``dot`` puts each layer on one row and a 30-claim op-ed becomes four times
    wider than high. Each round pushes every other unsupported claim of the widest row of
    the biggest part one row down (a longer minimum edge length; a supported claim takes
    its supporters along) and the narrowest drawing wins. Big maps are drawn once: there
    the time matters more.
    """
    minlen = dict(_staggered(edges))
    centres = _run_dot(ids, edges, sizes, minlen)
    if len(ids) > NARROWING_MAX_CLAIMS:
        return centres
    biggest = list(groups[max(range(len(groups)), key=lambda k: len(groups[k]))])
    supported = {b for _, b in edges}
    out_edges: dict[str, list[tuple[str, str]]] = {}
    for edge in edges:
        out_edges.setdefault(edge[0], []).append(edge)
    best, best_width = centres, _part_from(biggest, centres, sizes).width
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
        for claim in movable[1::2]:
            for edge in out_edges[claim]:
                minlen[edge] = minlen.get(edge, 1) + 1
        centres = _run_dot(ids, edges, sizes, minlen)
        width = _part_from(biggest, centres, sizes).width
        if width < best_width:
            best, best_width = centres, width
    return best


def _part_from(
    ids: list[str], centres: Mapping[str, tuple[float, float]], sizes: Mapping[str, Size]
) -> _Part:
    left = min(centres[i][0] - sizes[i][0] / 2 for i in ids)
    top = min(centres[i][1] - sizes[i][1] / 2 for i in ids)
    right = max(centres[i][0] + sizes[i][0] / 2 for i in ids)
    bottom = max(centres[i][1] + sizes[i][1] / 2 for i in ids)
    local = {i: (centres[i][0] - left, centres[i][1] - top) for i in ids}
    return _Part(ids, local, right - left, bottom - top)


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


def _pack(parts: list[_Part]) -> dict[str, Point]:
    """Shelf-pack parts into rows about 16:9 overall, biggest part first (top left)."""
    area = sum((p.width + PART_GAP) * (p.height + PART_GAP) for p in parts)
    widest = max(p.width for p in parts)
    row_width = max(widest, math.sqrt(area * 16 / 9))
    out: dict[str, Point] = {}
    x = y = row_h = 0.0
    for part in parts:
        if x > 0 and x + part.width > row_width:
            x, y, row_h = 0.0, y + row_h + PART_GAP, 0.0
        for cid, (cx, cy) in part.centres.items():
            out[cid] = Point(x=round(x + cx, 1), y=round(y + cy, 1))
        x += part.width + PART_GAP
        row_h = max(row_h, part.height)
    return out


def layered_layout(
    source: ArgumentMap | MapDocument, sizes: Mapping[str, Size] | None = None
) -> dict[str, Point]:
    """Centres for every claim: layered by links (conclusions on top), parts packed.

    ``sizes`` gives measured (width, height) per claim id; missing ones are estimated from
    the text. Cycles are fine (``dot`` reverses an edge of each cycle to rank them).
    Linked parts are laid out by one ``dot`` run and then packed in rows, largest first;
    claims with no link at all follow as a grid. Cards never overlap, whatever the sizes.
    """
    amap = _as_map(source)
    claims = list(amap.claims)
    if not claims:
        return {}
    all_sizes = _sizes_for(claims, sizes)
    ids = [c.id for c in claims]
    known = set(ids)
    edges = [
        (x.from_claim, x.to_claim)
        for x in amap.links
        if x.from_claim in known and x.to_claim in known and x.from_claim != x.to_claim
    ]
    linked = {e for pair in edges for e in pair}
    groups = _components([i for i in ids if i in linked], edges)
    loners = [i for i in ids if i not in linked]
    parts: list[_Part] = []
    if groups:
        dot_ids = [i for g in groups for i in g]
        centres = _narrow_layout(dot_ids, groups, edges, all_sizes)
        parts = [_part_from(g, centres, all_sizes) for g in groups]
        parts.sort(key=lambda p: -len(p.ids))
    if loners:
        main_width = max((p.width for p in parts), default=0.0)
        col_w = CARD_WIDTH + H_GAP
        columns = max(int(math.sqrt(len(loners) * 2)), int(main_width // col_w), 1)
        parts.append(_grid_part(loners, all_sizes, min(columns, len(loners))))
    return _pack(parts)


class _Occupancy:
    """Rectangles bucketed on a coarse grid, so a free-spot search stays cheap on big maps."""

    CELL = 256.0

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}

    def _keys(
        self, left: float, top: float, right: float, bottom: float
    ) -> Iterable[tuple[int, int]]:
        c = self.CELL
        for gx in range(math.floor(left / c), math.floor(right / c) + 1):
            for gy in range(math.floor(top / c), math.floor(bottom / c) + 1):
                yield gx, gy

    def add(self, left: float, top: float, right: float, bottom: float) -> None:
        for key in self._keys(left, top, right, bottom):
            self._cells.setdefault(key, []).append((left, top, right, bottom))

    def free(self, left: float, top: float, right: float, bottom: float) -> bool:
        for key in self._keys(left, top, right, bottom):
            for l2, t2, r2, b2 in self._cells.get(key, ()):
                if left < r2 and l2 < right and top < b2 and t2 < bottom:
                    return False
        return True


def place_new_claim(
    source: ArgumentMap | MapDocument,
    *,
    near: Point | None = None,
    size: Size | None = None,
    positions: Mapping[str, Point] | None = None,
    sizes: Mapping[str, Size] | None = None,
    exclude: Iterable[str] = (),
) -> Point:
    """A free centre for a new card of ``size``, as close to ``near`` as possible.

    ``positions`` are where claims are drawn now (default: their saved positions; claims
    without one are ignored); ``exclude`` names claims not to avoid (the new claim itself).
    Without ``near`` the card goes below the drawing, at its left edge, where a reader looks
    for something just added. Candidates are tried on rings of growing distance, below
    first, then beside, then above, so nothing already placed ever moves.
    """
    amap = _as_map(source)
    w, h = size if size is not None else (CARD_WIDTH, CARD_MIN_HEIGHT)
    skip = set(exclude)
    where: dict[str, Point] = {}
    for claim in amap.claims:
        if claim.id in skip:
            continue
        p = positions.get(claim.id) if positions is not None else None
        if p is None:
            p = claim.pos
        if p is not None:
            where[claim.id] = p
    all_sizes = _sizes_for([c for c in amap.claims if c.id in where], sizes)
    occupied = _Occupancy()
    bottom = left = math.inf
    lowest = -math.inf
    for cid, p in where.items():
        cw, ch = all_sizes[cid]
        occupied.add(p.x - cw / 2, p.y - ch / 2, p.x + cw / 2, p.y + ch / 2)
        left = min(left, p.x - cw / 2)
        lowest = max(lowest, p.y + ch / 2)
    if near is None:
        if not where:
            return Point(x=0.0, y=0.0)
        bottom = lowest
        near = Point(x=left + w / 2, y=bottom + V_GAP + h / 2)
    gap_x, gap_y = H_GAP / 2, H_GAP / 2
    step_x, step_y = (w + H_GAP) / 2, (h + H_GAP) / 2

    def fits(cx: float, cy: float) -> bool:
        return occupied.free(
            cx - w / 2 - gap_x, cy - h / 2 - gap_y, cx + w / 2 + gap_x, cy + h / 2 + gap_y
        )

    if fits(near.x, near.y):
        return Point(x=near.x, y=near.y)
    for ring in range(1, 60):
        candidates = [
            (dx, dy)
            for dy in range(-ring, ring + 1)
            for dx in range(-ring, ring + 1)
            if max(abs(dx), abs(dy)) == ring
        ]
        # below before beside before above; then the nearest
        candidates.sort(key=lambda d: (0 if d[1] > 0 else 1 if d[1] == 0 else 2, math.hypot(*d)))
        for dx, dy in candidates:
            cx, cy = near.x + dx * step_x, near.y + dy * step_y
            if fits(cx, cy):
                return Point(x=round(cx, 1), y=round(cy, 1))
    return Point(x=near.x, y=lowest + V_GAP + h / 2)


__all__ = [
    "CARD_MIN_HEIGHT",
    "CARD_WIDTH",
    "estimate_card_size",
    "layered_layout",
    "place_new_claim",
]
