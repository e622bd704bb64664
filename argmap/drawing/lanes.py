"""Lane layout: one column per author, so cross-author links run between the lanes.

The layered layout answers "how does this argument hang together"; lanes answer "who says
what to whom". Each author gets a column (a lane, one or a few cards wide) (in the map's author order; claims without a known
author get a last lane). Within a lane claims are ordered by the argument's **depth**: a
claim that nothing supports or attacks further (a thesis, a recommendation) has depth 0 and
sits at the top, and a claim is one row below the deepest claim it points at, so links
(which go from the supporting or attacking claim to its target) mostly run upward. Depth
rows are shared by all lanes, so a cross-author link also runs upward, from a deeper row to
a shallower one, whichever lanes it joins.

Claims on a cycle of links share the depth of the cycle (networkx's condensation). The
result is a plain ``{claim id: Point}`` (card centres) applied in the app as one undoable
:func:`argmap.edit.edits.apply_layout`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from argmap.map.model import CLAIM_KINDS, ArgumentMap, Point

LANE_GAP: Final[float] = 120.0
"""Horizontal space between lanes: room for the cross-author links to be seen."""
ROW_GAP: Final[float] = 60.0
"""Vertical space between depth rows, where the links between rows run."""
CARD_GAP: Final[float] = 24.0
"""Space between two cards of the same lane and row."""
TARGET_ASPECT: Final[float] = 0.6
"""Height / width the automatic number of columns per lane aims for (a wide screen)."""

_KIND_ORDER = {k: i for i, k in enumerate(CLAIM_KINDS)}


def measured_size(text: str) -> tuple[float, float]:
    """A card's size as the canvas draws it (the Qt-free font tables of
    :mod:`argmap.drawing.textmetrics`): the estimate of :mod:`argmap.drawing.layout`
    fell up to 50 px short on long claims, so an import's lanes (laid out without the
    scene's sizes) stacked long cards onto the next ones of their lane."""
    from argmap.drawing.picture import card_size

    width, height, _ = card_size(text)
    return width, height


def claim_depths(amap: ArgumentMap) -> dict[str, int]:
    """Depth of every claim: 0 if it links to nothing, else 1 + the deepest claim it links to."""
    import networkx as nx

    ids = [c.id for c in amap.claims]
    graph: nx.DiGraph = nx.DiGraph()
    graph.add_nodes_from(ids)
    known = set(ids)
    graph.add_edges_from(
        (x.from_claim, x.to_claim)
        for x in amap.links
        if x.from_claim in known and x.to_claim in known
    )
    dag: nx.DiGraph = nx.condensation(graph)
    depth_of: dict[int, int] = {}
    for n in reversed(list(nx.topological_sort(dag))):
        depth_of[n] = 1 + max((depth_of[s] for s in dag.successors(n)), default=-1)
    mapping: dict[str, int] = dag.graph["mapping"]
    return {cid: depth_of[mapping[cid]] for cid in ids}


def lane_layout(
    amap: ArgumentMap,
    sizes: Mapping[str, tuple[float, float]] | None = None,
    *,
    columns: int | None = 1,
    aspect: float = TARGET_ASPECT,
    origin: Point | None = None,
) -> dict[str, Point]:
    """Card centres for every claim: one lane per author, rows by depth.

    ``sizes`` gives ``(width, height)`` per claim id (the scene knows the real card sizes;
    missing ones are measured as the canvas measures them: :func:`measured_size`). Within a lane
    and row, cards follow the claim kind (thesis first) and then map order, so the layout
    is deterministic.

    ``columns`` is how many cards a lane holds side by side (a lane never takes more than
    its fullest row needs). One gives strict single-file lanes, which get tall on a map with
    many claims per author; ``None`` picks the number (up to 6) whose drawing comes closest
    to ``aspect`` (height / width, a wide screen's by default), which is what the app uses.
    """
    sizes = sizes or {}
    x0, y0 = (origin.x, origin.y) if origin is not None else (0.0, 0.0)
    depth = claim_depths(amap)
    lane_index = {a.id: i for i, a in enumerate(amap.authors)}
    orphan_lane = len(lane_index)
    text = {c.id: c.text for c in amap.claims}
    size: dict[str, tuple[float, float]] = {
        cid: sizes.get(cid) or measured_size(t) for cid, t in text.items()
    }

    cells: dict[tuple[int, int], list[str]] = defaultdict(list)  # (lane, row) -> claims
    rank = {c.id: i for i, c in enumerate(amap.claims)}
    kind = {c.id: c.kind for c in amap.claims}
    for claim in amap.claims:
        lane = lane_index.get(claim.author, orphan_lane) if claim.author else orphan_lane
        cells[(lane, depth[claim.id])].append(claim.id)
    if not cells:
        return {}
    for members in cells.values():
        members.sort(key=lambda cid: (_KIND_ORDER[kind[cid]], rank[cid]))

    if columns is None:
        candidates = [_grid(cells, size, k) for k in range(1, 7)]
        grid = min(
            candidates, key=lambda g: abs(math.log(max(g.height, 1.0) / max(g.width, 1.0) / aspect))
        )
    else:
        grid = _grid(cells, size, max(1, columns))
    return {cid: Point(x=x0 + grid.spots[cid][0], y=y0 + grid.spots[cid][1]) for cid in rank}


@dataclass(frozen=True, slots=True)
class _Grid:
    spots: dict[str, tuple[float, float]]
    width: float
    height: float


def _grid(
    cells: Mapping[tuple[int, int], list[str]],
    size: Mapping[str, tuple[float, float]],
    columns: int,
) -> _Grid:
    """Place cells of up to ``columns`` cards a line; rows and lanes sized by their contents."""
    lanes = sorted({lane for lane, _ in cells})
    rows = sorted({row for _, row in cells})
    per_lane = {
        lane: min(columns, max(len(ms) for (ln, _), ms in cells.items() if ln == lane))
        for lane in lanes
    }
    card_w = {
        lane: max(size[cid][0] for (ln, _), ms in cells.items() if ln == lane for cid in ms)
        for lane in lanes
    }
    lines: dict[tuple[int, int], list[list[str]]] = {
        key: [ms[i : i + per_lane[key[0]]] for i in range(0, len(ms), per_lane[key[0]])]
        for key, ms in cells.items()
    }

    def cell_height(key: tuple[int, int]) -> float:
        heights = [max(size[cid][1] for cid in line) for line in lines[key]]
        return sum(heights) + CARD_GAP * (len(heights) - 1)

    row_height = {row: 0.0 for row in rows}
    for key in cells:
        row_height[key[1]] = max(row_height[key[1]], cell_height(key))

    lane_left: dict[int, float] = {}
    x = 0.0
    for lane in lanes:  # empty lanes (an author with no claims) take no room
        lane_left[lane] = x
        x += per_lane[lane] * card_w[lane] + (per_lane[lane] - 1) * CARD_GAP + LANE_GAP
    row_top: dict[int, float] = {}
    y = 0.0
    for row in rows:
        row_top[row] = y
        y += row_height[row] + ROW_GAP

    spots: dict[str, tuple[float, float]] = {}
    for key, cell_lines in lines.items():
        lane, row = key
        top = row_top[row]
        for line in cell_lines:
            line_h = max(size[cid][1] for cid in line)
            for i, cid in enumerate(line):
                cx = lane_left[lane] + card_w[lane] / 2 + i * (card_w[lane] + CARD_GAP)
                spots[cid] = (cx, top + size[cid][1] / 2)
            top += line_h + CARD_GAP
    return _Grid(spots, max(x - LANE_GAP, 0.0), max(y - ROW_GAP, 0.0))
