"""A free spot for a card that has no saved position yet, near what it is linked to, without
moving anything else (a new claim, or one an importer or a paste added).

One occupancy grid serves a whole batch (:func:`place_in_turn`), so placing 400 cards costs
one pass over the map instead of one per card.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache

from argmap.drawing.geometry import H_GAP, V_GAP, Size
from argmap.drawing.layout import (
    CARD_MIN_HEIGHT,
    CARD_WIDTH,
    as_map,
    point,
    sizes_for,
)
from argmap.edit.document import MapDocument
from argmap.map.model import ArgumentMap, Point


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
    amap = as_map(source)
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
    all_sizes = sizes_for([c for c in amap.claims if c.id in where], sizes)
    placer = _Placer(where, all_sizes)
    w, h = size if size is not None else (CARD_WIDTH, CARD_MIN_HEIGHT)
    x, y = placer.spot(w, h, (near.x, near.y) if near is not None else None)
    return point(x, y)


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
