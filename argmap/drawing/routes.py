"""Arrow routes after layering: where several arrows meet one card side, their ends are
spread along it and their last stretch bent to reach the new end, so heads never pile up.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from argmap.drawing.geometry import Polyline, Size
from argmap.map.model import Point

END_SPACING = 18.0
"""Distance between arrow tips that ``dot`` would have put on one spot of a card."""


_TAPER = 70.0


def spread_ends(
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
