"""Lane layout: one column per author, so cross-author links run between the lanes.

The layered layout answers "how does this argument hang together"; lanes answer "who says
what to whom". Each author gets a column (in the map's author order; claims without a known
author get a last lane). Within a lane claims are ordered by the argument's **depth**: a
claim that nothing supports or attacks further (a thesis, a recommendation) has depth 0 and
sits at the top, and a claim is one row below the deepest claim it points at, so links
(which go from the supporting or attacking claim to its target) mostly run upward. Depth
rows are shared by all lanes, so a cross-author link also runs upward, from a deeper row to
a shallower one, whichever lanes it joins.

Claims on a cycle of links share the depth of the cycle (networkx's condensation). The
result is a plain ``{claim id: Point}`` (card centres) applied in the app as one undoable
:func:`argmap.edits.ApplyLayout`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Final

from argmap.layout import estimate_card_size
from argmap.model import CLAIM_KINDS, ArgumentMap, Point

LANE_GAP: Final[float] = 120.0
"""Horizontal space between lanes: room for the cross-author links to be seen."""
ROW_GAP: Final[float] = 60.0
"""Vertical space between depth rows, where the links between rows run."""
CARD_GAP: Final[float] = 24.0
"""Vertical space between two cards of the same lane and row."""

_KIND_ORDER = {k: i for i, k in enumerate(CLAIM_KINDS)}


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
    origin: Point | None = None,
) -> dict[str, Point]:
    """Card centres for every claim: one column per author, rows by depth.

    ``sizes`` gives ``(width, height)`` per claim id (the scene knows the real card sizes;
    missing ones are estimated from the label as :mod:`argmap.layout` does). Within a lane and row, cards follow the claim
    kind (thesis first) and then map order, so the layout is deterministic.
    """
    sizes = sizes or {}
    x0, y0 = (origin.x, origin.y) if origin is not None else (0.0, 0.0)
    depth = claim_depths(amap)
    lane_ids = [a.id for a in amap.authors]
    lane_index = {aid: i for i, aid in enumerate(lane_ids)}
    orphan_lane = len(lane_ids)

    text = {c.id: c.text for c in amap.claims}

    def size(cid: str) -> tuple[float, float]:
        found = sizes.get(cid)
        return found if found is not None else estimate_card_size(text[cid])

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

    lanes = sorted({lane for lane, _ in cells})
    rows = sorted({row for _, row in cells})
    lane_width = {
        lane: max(size(cid)[0] for (ln, _), ms in cells.items() if ln == lane for cid in ms)
        for lane in lanes
    }
    row_height = {
        row: max(
            sum(size(cid)[1] for cid in ms) + CARD_GAP * (len(ms) - 1)
            for (_, r), ms in cells.items()
            if r == row
        )
        for row in rows
    }

    lane_left: dict[int, float] = {}
    x = x0
    for lane in lanes:  # empty lanes (an author with no claims) take no room
        lane_left[lane] = x
        x += lane_width[lane] + LANE_GAP
    row_top: dict[int, float] = {}
    y = y0
    for row in rows:
        row_top[row] = y
        y += row_height[row] + ROW_GAP

    result: dict[str, Point] = {}
    for (lane, row), members in cells.items():
        cx = lane_left[lane] + lane_width[lane] / 2
        top = row_top[row]
        for cid in members:
            h = size(cid)[1]
            result[cid] = Point(x=cx, y=top + h / 2)
            top += h + CARD_GAP
    return {c.id: result[c.id] for c in amap.claims}
