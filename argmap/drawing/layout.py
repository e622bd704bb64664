"""Automatic placement of claims: a layered drawing for a whole map, a free spot for one card.

:func:`layered_layout` draws a map the way argument maps are read: conclusions above the
premises and evidence that support or attack them. Graphviz ``dot`` (through pygraphviz,
whose wheel bundles Graphviz) does the layering and the crossing reduction, which is the
hard part; this module only feeds it real card sizes (so cards never overlap) and then
re-packs the connected parts itself, because ``dot`` puts every disconnected part and every
unlinked claim side by side in one endless row, which no projector can show.

:func:`place_new_claim` finds a free spot for a card that has no saved position yet (a new
claim, or one an importer added) near a point of interest, without moving anything else.

Everything here is Qt-free: positions are :class:`~argmap.map.model.Point` card centres in scene
units (one unit is one pixel at 100 % zoom, which we hand to Graphviz as one point).
"""

from __future__ import annotations

import contextlib
import io
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from argmap.edit.document import MapDocument
from argmap.map.model import ArgumentMap, Claim, Point
from argmap.map.trusted import construct

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


def _point(x: float, y: float) -> Point:
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


Polyline = list[tuple[float, float]]


def _run_dot(
    ids: Sequence[str],
    edges: Sequence[tuple[str, str]],
    sizes: Mapping[str, Size],
    minlen: Mapping[tuple[str, str], int],
    routes: dict[tuple[str, str], list[Polyline]] | None = None,
) -> dict[str, tuple[float, float]]:
    """Node centres from ``dot`` (y grows downwards, like the scene).

    With ``routes`` (a dict to fill), ``dot`` also routes the edges around the cards and
    each edge's route is added as a polyline from tail border to head border, under its
    (tail, head) key in edge order.
    """
    names = {cid: f"n{i}" for i, cid in enumerate(ids)}  # ids may hold ':' or '.'
    text = _dot_plain(_dot_source(ids, names, edges, sizes, minlen, splines=routes is not None))
    back = {name: cid for cid, name in names.items()}
    centres: dict[str, tuple[float, float]] = {}
    for line in text.splitlines():
        if line.startswith("node "):
            fields = line.split(" ", 4)
            cid = back[fields[1]]
            x = float(fields[2]) * _POINTS_PER_INCH
            y = -float(fields[3]) * _POINTS_PER_INCH
            centres[cid] = (x, y)
        elif routes is not None and line.startswith("edge "):
            fields = line.split()
            n = int(fields[3])
            coords = [float(v) * _POINTS_PER_INCH for v in fields[4 : 4 + 2 * n]]
            controls = [(coords[k], -coords[k + 1]) for k in range(0, len(coords), 2)]
            key = (back[fields[1]], back[fields[2]])
            routes.setdefault(key, []).append(_bezier_polyline(controls))
    return centres


def _dot_source(
    ids: Sequence[str],
    names: Mapping[str, str],
    edges: Sequence[tuple[str, str]],
    sizes: Mapping[str, Size],
    minlen: Mapping[tuple[str, str], int],
    *,
    splines: bool,
) -> str:
    """The graph ``dot`` lays out, as DOT text.

    Writing the text and letting Graphviz parse it is several times faster than adding
    nodes and edges one by one through pygraphviz (a Python object and attribute calls for
    each), and it is the same graph: nodes and edges in the same order, with the same
    attributes. Only generated names (``n0``, ``n1`` ...) and numbers appear in it, so
    nothing needs quoting beyond what is written here.
    """
    graph = {
        "rankdir": "BT",  # links go premise -> conclusion: conclusions on top
        "nodesep": f"{H_GAP / _POINTS_PER_INCH:.3f}",
        "ranksep": f"{V_GAP / _POINTS_PER_INCH:.3f}",
        "splines": "spline" if splines else "",  # routing costs; only on demand
        "ordering": "",
        **_effort(len(ids)),
    }
    lines = [
        "digraph {",
        "graph [" + ", ".join(f'{k}="{v}"' for k, v in graph.items()) + "];",
        'node [shape="box", fixedsize="true", label=""];',
        'edge [arrowhead="none", arrowtail="none"];',  # routes end on the border
    ]
    for cid in ids:
        w, h = sizes[cid]
        lines.append(
            f'{names[cid]} [width="{w / _POINTS_PER_INCH:.4f}", '
            f'height="{h / _POINTS_PER_INCH:.4f}"];'
        )
    for a, b in edges:
        stretch = minlen.get((a, b))
        tail = f' [minlen="{stretch}"];' if stretch is not None else ";"
        lines.append(f"{names[a]} -> {names[b]}{tail}")
    lines.append("}")
    return "\n".join(lines)


def _dot_plain(source: str) -> str:
    """Lay ``source`` out with ``dot`` (in process, through pygraphviz) as ``plain`` text.

    pygraphviz warns on stderr that a graph of over 1,000 nodes "may take a long time";
    the effort limits above see to that, so the command line does not pass it on.
    """
    import pygraphviz

    graph = pygraphviz.AGraph(string=source)
    with contextlib.redirect_stderr(io.StringIO()):
        plain = graph.draw(prog="dot", format="plain")
    return plain.decode("utf-8") if isinstance(plain, bytes) else str(plain)


def _bezier_polyline(controls: Sequence[tuple[float, float]], steps: int = 8) -> Polyline:
    """Sample a piecewise cubic Bezier (Graphviz's p0 c1 c2 p1 c1 c2 p2 ...) as a polyline."""
    points: Polyline = [controls[0]]
    for k in range(0, len(controls) - 3, 3):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = controls[k : k + 4]
        for i in range(1, steps + 1):
            t = i / steps
            u = 1 - t
            a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
            points.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
    return points


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

    With ``routes`` (see :func:`_run_dot`) the winning drawing is routed too, and the
    centres come from that routed run (routing can nudge a card). A map too big to narrow
    is therefore laid out exactly once, routed or not.
    """
    minlen = dict(_staggered(edges))
    if len(ids) > NARROWING_MAX_CLAIMS:
        return _run_dot(ids, edges, sizes, minlen, routes)
    centres = _run_dot(ids, edges, sizes, minlen)
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
        centres = _run_dot(ids, edges, sizes, minlen)
        width = _part_from(biggest, centres, sizes).width
        if width < best_width:
            best, best_width, best_minlen = centres, width, minlen
    if routes is not None:
        return _run_dot(ids, edges, sizes, best_minlen, routes)
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
            out[cid] = _point(round(x + cx, 1), round(y + cy, 1))
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
    amap = _as_map(source)
    claims = list(amap.claims)
    if not claims:
        return Layout({}, {})
    all_sizes = _sizes_for(claims, sizes)
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
        _spread_ends(lines_of, ends, positions, all_sizes)
        out = {
            lid: [_point(round(x, 1), round(y, 1)) for x, y in line]
            for lid, line in lines_of.items()
        }
    return Layout(positions, out)


END_SPACING = 18.0
"""Distance between arrow tips that ``dot`` would have put on one spot of a card."""
_TAPER = 70.0


def _spread_ends(
    lines: dict[str, Polyline],
    ends: Mapping[str, tuple[str, str]],
    positions: Mapping[str, Point],
    sizes: Mapping[str, Size],
) -> None:
    """Move route ends that meet at one point of a card apart along that card's edge.

    ``dot`` brings every arrow into a conclusion at the same spot, so four heads become
    one blot. Ends that share a side of a card are spaced ``END_SPACING`` apart, in the
    order they approach from, and each route bends into its new end over its last
    stretch (the offset tapers to nothing ``_TAPER`` units back), so routes stay smooth.
    """
    groups: dict[tuple[str, int, str], list[tuple[float, str]]] = {}
    for lid, line in lines.items():
        for at_end, cid in ((True, ends[lid][1]), (False, ends[lid][0])):
            x, y = line[-1] if at_end else line[0]
            c, (w, h) = positions[cid], sizes[cid]
            dx, dy = (x - c.x) / (w / 2), (y - c.y) / (h / 2)
            side = ("x" if dx > 0 else "X") if abs(dx) > abs(dy) else ("y" if dy > 0 else "Y")
            probe = _point_back(line, 40.0, at_end)
            order = probe[1] if side in "xX" else probe[0]
            groups.setdefault((cid, int(at_end), side), []).append((order, lid))
    for (cid, end_flag, side), members in groups.items():
        if len(members) < 2:
            continue
        at_end = bool(end_flag)
        members.sort()
        c, (w, h) = positions[cid], sizes[cid]
        along_x = side in "yY"
        half = (w if along_x else h) / 2 - 10
        spacing = min(END_SPACING, 2 * half / (len(members) - 1))
        line0 = lines[members[0][1]]
        tip = line0[-1] if at_end else line0[0]
        centre = tip[0] - c.x if along_x else tip[1] - c.y
        start = centre - spacing * (len(members) - 1) / 2
        start = max(-half, min(half - spacing * (len(members) - 1), start))
        for k, (_, lid) in enumerate(members):
            target = start + k * spacing
            line = lines[lid]
            tip = line[-1] if at_end else line[0]
            shift = target - (tip[0] - c.x if along_x else tip[1] - c.y)
            _bend(line, shift, along_x, at_end)


def _point_back(line: Polyline, distance: float, from_end: bool) -> tuple[float, float]:
    """The point ``distance`` back along ``line`` from its end (or start)."""
    points = line[::-1] if from_end else line
    walked = 0.0
    for k in range(len(points) - 1):
        step = math.dist(points[k], points[k + 1])
        if walked + step >= distance:
            return points[k + 1]
        walked += step
    return points[-1]


def _bend(line: Polyline, shift: float, along_x: bool, at_end: bool) -> None:
    """Shift the end of ``line`` by ``shift`` along one axis, tapering back along it."""
    order = range(len(line) - 1, -1, -1) if at_end else range(len(line))
    walked = 0.0
    previous: tuple[float, float] | None = None
    for k in order:
        if previous is not None:
            walked += math.dist(previous, line[k])
        previous = line[k]
        weight = 1.0 - walked / _TAPER
        if weight <= 0:
            break
        x, y = line[k]
        line[k] = (x + shift * weight, y) if along_x else (x, y + shift * weight)


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

    def remove(self, left: float, top: float, right: float, bottom: float) -> None:
        """Take out one rectangle added with these very bounds."""
        rect = (left, top, right, bottom)
        for key in self._keys(left, top, right, bottom):
            cell = self._cells.get(key)
            if cell is not None and rect in cell:
                cell.remove(rect)

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
    skip = set(exclude)
    where: dict[str, tuple[float, float]] = {}
    for claim in amap.claims:
        if claim.id in skip:
            continue
        p = positions.get(claim.id) if positions is not None else None
        if p is None:
            p = claim.pos
        if p is not None:
            where[claim.id] = (p.x, p.y)
    all_sizes = _sizes_for([c for c in amap.claims if c.id in where], sizes)
    placer = _Placer(where, all_sizes)
    w, h = size if size is not None else (CARD_WIDTH, CARD_MIN_HEIGHT)
    x, y = placer.spot(w, h, (near.x, near.y) if near is not None else None)
    return _point(x, y)


def place_in_turn(
    order: Sequence[str],
    positions: Mapping[str, tuple[float, float]],
    sizes: Mapping[str, Size],
    near_of: Callable[[str, Mapping[str, tuple[float, float]]], tuple[float, float] | None],
) -> dict[str, tuple[float, float]]:
    """Centres for the claims of ``order``, placed one after the other as repeated calls
    of :func:`place_new_claim` place them (each avoiding every other card where it is then,
    the ones placed before it included), but with one occupancy grid for all: placing a
    few hundred cards on a map of thousands stays linear instead of quadratic.

    ``positions`` holds every card's current centre (those of ``order`` too: where they
    sit until placed); ``near_of(claim_id, positions_now)`` says where a card would like to
    go (None: below the drawing). Returns every card's centre after placing.
    """
    where = dict(positions)
    placer = _Placer(where, sizes)
    for claim_id in order:
        w, h = sizes[claim_id]
        placer.remove(claim_id)
        without = placer.where  # every card but this one, where it is now
        spot = placer.spot(w, h, near_of(claim_id, without))
        placer.add(claim_id, spot)
        where[claim_id] = spot
    return where


def near_linked(
    links: Iterable[tuple[str, str]], sizes: Mapping[str, Size]
) -> Callable[[str, Mapping[str, tuple[float, float]]], tuple[float, float] | None]:
    """Where a card without a saved position would like to go, for :func:`place_in_turn`:
    under the claims it is linked to (their mean x, 60 units below the lowest), or below
    the drawing when it has no link (None). The canvas places such cards this way."""
    partners: dict[str, list[str]] = {}
    for a, b in links:
        partners.setdefault(a, []).append(b)
        partners.setdefault(b, []).append(a)

    def near(claim_id: str, where: Mapping[str, tuple[float, float]]) -> tuple[float, float] | None:
        anchors = [where[o] for o in partners.get(claim_id, ()) if o != claim_id and o in where]
        if not anchors:
            return None
        x = sum(p[0] for p in anchors) / len(anchors)
        return x, max(p[1] for p in anchors) + sizes[claim_id][1] + 60

    return near


@cache
def _ring(ring: int) -> list[tuple[int, int]]:
    """The grid offsets at distance ``ring``: below before beside before above, then the
    nearest first."""
    cells = [
        (dx, dy)
        for dy in range(-ring, ring + 1)
        for dx in range(-ring, ring + 1)
        if max(abs(dx), abs(dy)) == ring
    ]
    cells.sort(key=lambda d: (0 if d[1] > 0 else 1 if d[1] == 0 else 2, math.hypot(*d)))
    return cells


class _Placer:
    """The cards already drawn (an occupancy grid) and free spots among them."""

    def __init__(self, where: Mapping[str, tuple[float, float]], sizes: Mapping[str, Size]):
        self.where = dict(where)
        self.sizes = sizes
        self.occupied = _Occupancy()
        for cid, p in self.where.items():
            self.occupied.add(*self._rect(cid, p))

    def _rect(self, cid: str, p: tuple[float, float]) -> tuple[float, float, float, float]:
        cw, ch = self.sizes[cid]
        return p[0] - cw / 2, p[1] - ch / 2, p[0] + cw / 2, p[1] + ch / 2

    def remove(self, cid: str) -> None:
        p = self.where.pop(cid, None)
        if p is not None:
            self.occupied.remove(*self._rect(cid, p))

    def add(self, cid: str, p: tuple[float, float]) -> None:
        self.where[cid] = p
        self.occupied.add(*self._rect(cid, p))

    def _extremes(self) -> tuple[float, float]:
        """The drawing's left edge and bottom (only needed when a card has no wish)."""
        left, lowest = math.inf, -math.inf
        for cid, p in self.where.items():
            card_left, _, _, card_bottom = self._rect(cid, p)
            left, lowest = min(left, card_left), max(lowest, card_bottom)
        return left, lowest

    def spot(self, w: float, h: float, near: tuple[float, float] | None) -> tuple[float, float]:
        if near is None:
            if not self.where:
                return 0.0, 0.0
            left, lowest = self._extremes()
            near = (left + w / 2, lowest + V_GAP + h / 2)
        gap_x, gap_y = H_GAP / 2, H_GAP / 2
        step_x, step_y = (w + H_GAP) / 2, (h + H_GAP) / 2
        free = self.occupied.free

        def fits(cx: float, cy: float) -> bool:
            return free(
                cx - w / 2 - gap_x, cy - h / 2 - gap_y, cx + w / 2 + gap_x, cy + h / 2 + gap_y
            )

        nx, ny = near
        if fits(nx, ny):
            return nx, ny
        for ring in range(1, 60):
            for dx, dy in _ring(ring):
                cx, cy = nx + dx * step_x, ny + dy * step_y
                if fits(cx, cy):
                    return round(cx, 1), round(cy, 1)
        return nx, self._extremes()[1] + V_GAP + h / 2


__all__ = [
    "CARD_MIN_HEIGHT",
    "CARD_WIDTH",
    "Layout",
    "compute_layout",
    "estimate_card_size",
    "layered_layout",
    "near_linked",
    "place_in_turn",
    "place_new_claim",
]
