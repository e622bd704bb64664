"""The geometry of a drawn map, without Qt: card parts, where arrows meet cards, heads, rails.

Two painters draw a map: the app's canvas (``ui/qt/canvas``, which also makes the PNG and
PDF exports) and the Qt-free SVG writer (:mod:`argmap.formats.svg`). Every length and every
computed point they share lives here, so the two cannot drift apart: the canvas builds its
``QPainterPath``s from these points and the SVG writer its ``<path>``s.

Coordinates are scene units (1 unit = 1 px at 100 %), y downwards; a card is centred on its
position.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from argmap.drawing.layout import CARD_MIN_HEIGHT, CARD_WIDTH

# ---------------------------------------------------------------- page
PAGE_MARGIN = 24.0
"""Margin around an exported page's title, map and legend."""
INK = "#222222"
"""Colour of an exported page's title and legend text."""

# ---------------------------------------------------------------- cards
STRIPE = 7.0
"""Width of the author stripe on a card's left edge."""
PAD = 10.0
HEADER = 17.0
"""Height of a card's header band (kind badge, author's name) on screen: a 10 px font."""
PRINT_HEADER_PX = 14.0
"""The header's font size on a printed card (the handout): the label's own size. On
screen the header is smaller than the label (10 px against 14), which a screen shows
sharply; the handout prints cards at 8 pt for the label (14 px at 0.58 pt a unit), where
a 10 px header would be 5.8 pt, too small to read on paper at arm's length."""
PRINT_HEADER = 17.0
"""Height of a printed card's header band: the screen's. Its 14 px capitals (10.2 units
high) sit in the 15-unit badge with 2 units above and 2.7 below, a tag's look; the
author's name, beside the badge, has the band and the 4 units under it. A taller band
makes every printed card taller (measured: 18 or 19 units make the bundled comparison map's
handout 13 pages instead of 12, 20 units 14), so the band stays and only its font grows.
The handout lays its parts out for this band (:func:`argmap.drawing.views.laid_out_view`
takes it), so a different one would be spaced for."""
TEXT_WIDTH = CARD_WIDTH - STRIPE - 2 * PAD
HANDLE_RADIUS = 7.0
"""The link handle: a dot on a card's top edge (links run upwards, premise to conclusion)."""
HANDLE_REACH = HANDLE_RADIUS + 2
"""How far a card's drawn area reaches past its sides (its link handle's room)..."""
MARK_REACH = 12.0
"""... and a marked or highlighted card's (its ring and badge)."""
CORNER = 6.0
"""Corner radius of a card."""
BADGE_CORNER = 4.0
BORDER_WIDTH = 1.4
TEXT_COLOR = "#1b1b1b"
NO_AUTHOR_COLOR = "#9e9e9e"
PROPOSAL_DASH = (4.0, 2.0)
"""Dash pattern (in pen widths) of a proposal's border: Qt's DashLine."""


def card_height(text_height: float, header: float = HEADER) -> float:
    """A card's height for a label ``text_height`` high, under a header band ``header``
    high (:data:`PRINT_HEADER` on a printed card)."""
    return max(
        CARD_MIN_HEIGHT + header - HEADER,
        float(PAD + header + 4 + math.ceil(text_height) + PAD),
    )


def label_height(lines: int, line_height: float, leading: float) -> float:
    """Height of ``lines`` wrapped label lines, each placed on a whole unit as the card's
    text layout places them (see ``ui.qt.canvas.items.label_layout``)."""
    height = -leading
    for _ in range(lines):
        height = math.ceil(height + leading)
        height += line_height
    return max(0.0, height)


def line_tops(lines: int, line_height: float, leading: float) -> list[float]:
    """The top of each label line below the label's origin."""
    tops: list[float] = []
    height = -leading
    for _ in range(lines):
        height = math.ceil(height + leading)
        tops.append(height)
        height += line_height
    return tops


_NOT_NAMED = re.compile(r"\s*\((?:author )?not named\)$")


_PIECE_WORD = re.compile(
    r"\s+(?:op-ed|oped|essay|article|piece|column|editorial|opinion|commentary)$", re.I
)


def card_author_name(name: str) -> str:
    """The author as a card's header shows it: a stand-in without the "(author not
    named)" it carries and without a word every piece is, as the legend, the matrix and
    the author view name it ("Kabul-attacks", not "Kabul-attacks op-ed", which the header
    cut to "Kabul-att…" beside a long kind badge); a named author in full."""
    bare = _NOT_NAMED.sub("", name)
    if bare == name or not bare:
        return name
    return _PIECE_WORD.sub("", bare) or bare


def washed(hex_color: str) -> str:
    """Half way to white: the "not yet reviewed" look of a proposal's fill."""
    r, g, b = (int(hex_color[k : k + 2], 16) for k in (1, 3, 5))
    return f"#{(r + 255) // 2:02x}{(g + 255) // 2:02x}{(b + 255) // 2:02x}"


# ---------------------------------------------------------------- arrows
HEAD_LENGTH = 14.0
HEAD_WIDTH = 14.0
BAR_HALF = 11.0
"""Half the length of an attack's end bar."""
RAIL_GAP = 2.6
"""Half the distance between the two rails of a cross-author arrow."""
ATTACK_DASH = (4.0, 2.5)
"""Dash pattern of an attack's shaft, in pen widths."""
SPREAD = 0.3
"""How far an arrow's ends slide along a card's edge toward the other card (a fraction of
their horizontal distance): arrows into one conclusion then arrive side by side instead of
piling their heads onto the middle of its bottom edge."""

Point = tuple[float, float]


def link_width(kind: str, cross: bool) -> float:
    """Pen width of an arrow's shaft: attack thicker; a cross-author arrow's two rails thinner."""
    attack = kind == "attack"
    return (2.6 if attack else 2.0) if not cross else (2.0 if attack else 1.6)


def _exit(  # noqa: PLR0917 - floats on a hot path
    ax: float,
    ay: float,
    cx: float,
    cy: float,
    half_w: float,
    half_h: float,
    bx: float,
    by: float,
) -> tuple[float, float]:
    """Where the ray from ``a`` (inside the box centred on ``c``) toward ``b`` leaves it."""
    dx, dy = bx - ax, by - ay
    t = 1.0
    if dx > 0:
        t = min(t, (cx + half_w - ax) / dx)
    elif dx < 0:
        t = min(t, (cx - half_w - ax) / dx)
    if dy > 0:
        t = min(t, (cy + half_h - ay) / dy)
    elif dy < 0:
        t = min(t, (cy - half_h - ay) / dy)
    t = max(t, 0.0)
    return ax + dx * t, ay + dy * t


def arrow_ends(  # noqa: PLR0917 - floats on a hot path
    sx: float,
    sy: float,
    sw: float,
    sh: float,
    tx: float,
    ty: float,
    tw: float,
    th: float,
) -> tuple[float, float, float, float]:
    """Start and end of an arrow between two cards (centres and sizes), on their borders."""
    shift = (tx - sx) * SPREAD
    limit_s, limit_t = max(0.0, sw / 2 - 20), max(0.0, tw / 2 - 20)
    ax = sx + max(-limit_s, min(limit_s, shift))
    bx = tx - max(-limit_t, min(limit_t, shift))
    x1, y1 = _exit(ax, sy, sx, sy, sw / 2 + 2, sh / 2 + 2, bx, ty)
    x2, y2 = _exit(bx, ty, tx, ty, tw / 2 + 3, th / 2 + 3, ax, sy)
    return x1, y1, x2, y2


def direction_at_end(
    ends: tuple[float, float, float, float], route: Sequence[Point] | None
) -> tuple[float, float, float]:
    """Unit direction into the tip, and the arrow's length (over its route if any)."""
    x1, y1, x2, y2 = ends
    if route is None:
        length = math.hypot(x2 - x1, y2 - y1)
        if length < 1:
            return 0.0, 0.0, length
        return (x2 - x1) / length, (y2 - y1) / length, length
    length = sum(math.dist(route[k], route[k + 1]) for k in range(len(route) - 1))
    for k in range(len(route) - 2, -1, -1):  # far enough back to see the bend's end
        dx, dy = x2 - route[k][0], y2 - route[k][1]
        d = math.hypot(dx, dy)
        if d >= HEAD_LENGTH or k == 0:
            return (dx / d, dy / d, length) if d > 0 else (0.0, 0.0, length)
    return 0.0, 0.0, length


def arrow_head(
    kind: str, ends: tuple[float, float, float, float], route: Sequence[Point] | None
) -> tuple[list[Point], Point, float]:
    """The head's outline, where the shaft stops, and how far back from the tip it stops.

    Support ends in a filled triangle (the shaft tucked one unit under it, so no hairline
    gap shows); attack in a flat bar across the end (⊣). An arrow shorter than a unit has
    no head (an empty outline) and its shaft stops at its start.
    """
    x1, y1, x2, y2 = ends
    ux, uy, length = direction_at_end(ends, route)
    if length < 1 or (ux == 0 and uy == 0):
        return [], (x1, y1), 0.0
    nx, ny = -uy, ux
    if kind == "attack":
        ex, ey = x2 - ux * 5, y2 - uy * 5
        bx, by = ux * 2.2, uy * 2.2
        outline = [
            (ex + nx * BAR_HALF - bx, ey + ny * BAR_HALF - by),
            (ex + nx * BAR_HALF + bx, ey + ny * BAR_HALF + by),
            (ex - nx * BAR_HALF + bx, ey - ny * BAR_HALF + by),
            (ex - nx * BAR_HALF - bx, ey - ny * BAR_HALF - by),
        ]
        return outline, (ex, ey), 5.0
    h = min(HEAD_LENGTH, length / 2)
    ex, ey = x2 - ux * h, y2 - uy * h
    half = HEAD_WIDTH / 2
    outline = [(x2, y2), (ex + nx * half, ey + ny * half), (ex - nx * half, ey - ny * half)]
    return outline, (ex + ux, ey + uy), h - 1


def routed_shaft(route: Sequence[Point], tip: Point, shaft_end: Point, cut: float) -> list[Point]:
    """A routed arrow's shaft: its route up to where the head begins."""
    kept = [p for p in route[:-1] if math.dist(p, tip) > cut]
    return [*kept, shaft_end] if kept else [route[0], shaft_end]


def rails(line: Sequence[Point]) -> tuple[list[Point], list[Point]]:
    """Two polylines either side of ``line`` (a cross-author arrow's double line)."""
    left: list[Point] = []
    right: list[Point] = []
    n = len(line)
    for k, (x, y) in enumerate(line):
        ax, ay = line[max(k - 1, 0)]
        bx, by = line[min(k + 1, n - 1)]
        dx, dy = bx - ax, by - ay
        d = math.hypot(dx, dy) or 1.0
        ox, oy = -dy / d * RAIL_GAP, dx / d * RAIL_GAP
        left.append((x + ox, y + oy))
        right.append((x - ox, y - oy))
    return left, right
