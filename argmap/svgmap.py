"""SVG of a map without Qt: the picture the app's canvas draws, written as SVG elements.

Why a second painter: the app's canvas (``ui/qt``) draws PNG and PDF exports from its
own scene, but a Python process that imports Qt and starts a QApplication spends about
0.3 s before drawing anything, and an SVG is text. Writing it here needs neither Qt nor a
display (a server or a notebook can draw maps) and makes ``argmap export`` / ``convert``
to SVG several times faster than Argdown's own command line.

It is the same picture, not a look-alike: card sizes come from line breaks measured with
the canvas's font advances (:mod:`argmap.textmetrics`), placement from the same layout
calls the scene makes (:mod:`argmap.layout`), and every point of cards, arrows, heads and
rails from :mod:`argmap.shapes`, which the canvas uses too. Tests check the two against
each other card for card and arrow for arrow on every bundled map. What the canvas shows
beyond the map itself (selection, hover handles, overlay marks) is not part of an export.
"""

from __future__ import annotations

import colorsys
import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from argmap.formats._common import xml_attr as quoteattr
from argmap.formats._common import xml_text as escape
from argmap.layout import (
    CARD_WIDTH,
    ROUTE_MAX_CLAIMS,
    Layout,
    compute_layout,
    place_new_claim,
)
from argmap.legend import MIN_WIDTH, LegendEntry, flow, map_legend
from argmap.model import ArgumentMap, Claim, ClaimKind, Link, Point
from argmap.palette import KIND_FILL, KIND_LABEL, KIND_STROKE, LINK_COLOR
from argmap.shapes import (
    ATTACK_DASH,
    BADGE_CORNER,
    BORDER_WIDTH,
    CORNER,
    HEADER,
    NO_AUTHOR_COLOR,
    PAD,
    PROPOSAL_DASH,
    STRIPE,
    TEXT_COLOR,
    TEXT_WIDTH,
    arrow_ends,
    arrow_head,
    card_author_name,
    card_height,
    label_height,
    line_tops,
    link_width,
    rails,
    routed_shaft,
    washed,
)
from argmap.textmetrics import Font, elide, font, wrap
from argmap.trusted import construct

MARGIN = 24.0
"""Page margin around title, map and legend (as the app's exports)."""
INK = "#222222"
HANDLE_REACH = 9.0
"""How far a card's drawn area reaches past its sides (its link handle's room)."""
MARK_REACH = 12.0
"""... and a marked card's (its ring and badge)."""
FAMILY = "'DejaVu Sans', Verdana, sans-serif"
"""The canvas's font first: the advances the cards were measured with."""

Box = tuple[float, float, float, float]
"""left, top, right, bottom"""
PointXY = tuple[float, float]


@dataclass
class Card:
    """A claim as drawn: centre, size and its wrapped label."""

    claim: Claim
    x: float
    y: float
    width: float
    height: float
    lines: list[str]
    mark: tuple[str, str] | None = None
    """An overlay mark shown on the card (colour, short text), as the app's "what stands"."""

    def reach(self) -> float:
        """How far the drawn card reaches past its sides (a mark's ring reaches further)."""
        return MARK_REACH if self.mark else HANDLE_REACH


@dataclass
class Arrow:
    """A link as drawn: its ends on the cards' borders, and its route if it follows one."""

    link: Link
    ends: tuple[float, float, float, float]
    route: list[PointXY] | None
    cross: bool


@dataclass
class Picture:
    """Everything the canvas would show of a map, in scene coordinates."""

    cards: list[Card] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)

    def content_box(self) -> Box:
        """The cards' drawn area with a margin, as the scene's ``content_rect``."""
        if not self.cards:
            return (-200.0, -150.0, 200.0, 150.0)
        left = min(c.x - c.width / 2 - c.reach() for c in self.cards)
        right = max(c.x + c.width / 2 + c.reach() for c in self.cards)
        top = min(c.y - c.height / 2 - c.reach() - 6 for c in self.cards)
        bottom = max(c.y + c.height / 2 + c.reach() for c in self.cards)
        return (left - 24, top - 24, right + 24, bottom + 24)


def card_size(text: str) -> tuple[float, float, list[str]]:
    """(width, height, lines) of the card for ``text``, as the canvas measures it."""
    label = font("label")
    lines = wrap(text, TEXT_WIDTH, "label")
    height = label_height(len(lines), label.height, label.leading)
    return TEXT_WIDTH + STRIPE + 2 * PAD, card_height(height), lines


def picture(
    amap: ArgumentMap,
    *,
    placed: Mapping[str, PointXY] | None = None,
    hidden: Collection[str] = (),
    marks: Mapping[str, tuple[str, str]] | None = None,
) -> Picture:
    """Where the canvas puts every card and arrow of ``amap``.

    Claims with saved positions stay there. When none has one, the map is laid out as the
    scene lays it out (with arrow routes); when some lack one, each is placed near its
    linked claims, in map order, as the scene places them. Arrows follow the layout's routes
    for maps of up to ``ROUTE_MAX_CLAIMS`` claims whose cards sit where the layout puts them.

    The app passes what its scene shows: ``placed`` (where each card is drawn now),
    ``hidden`` (claims filtered out, with their arrows) and overlay ``marks``.
    """
    measured = {c.id: card_size(c.text) for c in amap.claims}
    sizes = {cid: (w, h) for cid, (w, h, _) in measured.items()}
    if placed is not None and all(c.id in placed for c in amap.claims):
        where = _Where(placed)
    else:
        where = _positions(amap, sizes)
        where.update(placed or {})
    marks = marks or {}
    cards = [
        Card(c, *where[c.id], *measured[c.id][:2], measured[c.id][2], marks.get(c.id))
        for c in amap.claims
    ]
    layout = where.layout
    if layout is None and 0 < len(amap.claims) <= ROUTE_MAX_CLAIMS and amap.links:
        layout = compute_layout(amap, sizes, routes=True)
    by_id = {c.claim.id: c for c in cards}
    arrows: list[Arrow] = []
    hide = set(hidden)
    for link in amap.links:
        a, b = by_id.get(link.from_claim), by_id.get(link.to_claim)
        if a is None or b is None or a.claim.id in hide or b.claim.id in hide:
            continue
        cross = bool(a.claim.author and b.claim.author and a.claim.author != b.claim.author)
        route = _route_of(link, a, b, layout)
        if route is not None:
            ends = (*route[0], *route[-1])
        else:
            ends = arrow_ends(a.x, a.y, a.width, a.height, b.x, b.y, b.width, b.height)
        arrows.append(Arrow(link, ends, route, cross))
    return Picture([c for c in cards if c.claim.id not in hide], arrows)


class _Where(dict[str, PointXY]):
    layout: Layout | None = None


def _positions(amap: ArgumentMap, sizes: dict[str, tuple[float, float]]) -> _Where:
    where = _Where()
    unsaved = [c for c in amap.claims if c.pos is None]
    for c in amap.claims:
        where[c.id] = (c.pos.x, c.pos.y) if c.pos is not None else (0.0, 0.0)
    if not unsaved:
        return where
    if len(unsaved) == len(amap.claims):
        where.layout = compute_layout(amap, sizes, routes=True)
        for c in unsaved:
            p = where.layout.positions[c.id]
            where[c.id] = (p.x, p.y)
        return where
    links_of: dict[str, list[Link]] = {}
    for x in amap.links:
        links_of.setdefault(x.from_claim, []).append(x)
        links_of.setdefault(x.to_claim, []).append(x)
    for c in unsaved:
        anchors = [
            where[other]
            for x in links_of.get(c.id, ())
            for other in (x.from_claim, x.to_claim)
            if other != c.id and other in where
        ]
        near = None
        if anchors:
            near = _point(
                sum(p[0] for p in anchors) / len(anchors),
                max(p[1] for p in anchors) + sizes[c.id][1] + 60,
            )
        spot = place_new_claim(
            amap,
            near=near,
            size=sizes[c.id],
            positions={k: _point(*v) for k, v in where.items()},
            sizes=sizes,
            exclude=[c.id],
        )
        where[c.id] = (spot.x, spot.y)
    return where


def _point(x: float, y: float) -> Point:
    return construct(Point, {"x": float(x), "y": float(y)})


def _route_of(link: Link, a: Card, b: Card, layout: Layout | None) -> list[PointXY] | None:
    """The layout's route of ``link`` while both its cards are where the layout put them."""
    if layout is None:
        return None
    route = layout.routes.get(link.id)
    pa, pb = layout.positions.get(a.claim.id), layout.positions.get(b.claim.id)
    if route is None or len(route) < 2 or pa is None or pb is None:
        return None
    if abs(a.x - pa.x) + abs(a.y - pa.y) + abs(b.x - pb.x) + abs(b.y - pb.y) >= 0.5:
        return None
    return [(p.x, p.y) for p in route]


# ---------------------------------------------------------------- SVG text
def _n(value: float) -> str:
    """A coordinate, short: two decimals at most, no trailing zeros."""
    text = repr(round(value, 2) + 0.0)  # + 0.0 turns -0.0 into 0.0
    return text[:-2] if text.endswith(".0") else text


def _points(points: Iterable[PointXY]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _darker(hex_color: str, factor: int = 130) -> str:
    """``QColor.darker(factor)``: the colour's HSV value divided by factor / 100."""
    r, g, b = (int(hex_color[k : k + 2], 16) / 255 for k in (1, 3, 5))
    h, s, v = colorsys.rgb_to_hsv(r, g, b)
    r, g, b = colorsys.hsv_to_rgb(h, s, v * 100 / factor)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def _baseline_centred(top: float, height: float, f: Font) -> float:
    """The baseline of one line of ``f`` centred vertically in a box (Qt's AlignVCenter)."""
    return top + (height - f.height) / 2 + f.ascent


def _text(x: float, y: float, text: str, f: Font, fill: str, *, anchor: str = "") -> str:
    weight = ' font-weight="bold"' if f.bold else ""
    align = f' text-anchor="{anchor}"' if anchor else ""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(f.pixel_size)}px"{weight}{align} '
        f'fill="{fill}">{escape(text)}</text>'
    )


@cache
def _card_frame(kind: ClaimKind, proposal: bool, height: float, author_color: str) -> str:
    """Body, author stripe and kind badge of a card of this kind and height, centred on the
    origin: cards differ in few heights, so a map's thousand cards share a few frames."""
    fill = washed(KIND_FILL[kind]) if proposal else KIND_FILL[kind]
    stroke = KIND_STROKE[kind]
    w = CARD_WIDTH
    left, top, bottom = -w / 2, -height / 2, height / 2
    dash = ""
    if proposal:
        dash = (
            f' stroke-dasharray="{_n(PROPOSAL_DASH[0] * BORDER_WIDTH)} '
            f'{_n(PROPOSAL_DASH[1] * BORDER_WIDTH)}"'
        )
    r = CORNER - 1
    l1, t1, b1 = left + 1, top + 1, bottom - 1
    header = font("header")
    badge_text = KIND_LABEL[kind].upper()
    badge_w = header.width(badge_text) + 10
    bx, by, bh = left + STRIPE + PAD, top + PAD - 2, HEADER - 2
    base = _baseline_centred(by, bh, header)
    return "\n".join(
        [
            f'<rect x="{_n(left)}" y="{_n(top)}" width="{_n(w)}" height="{_n(height)}" '
            f'rx="{_n(CORNER)}" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{_n(BORDER_WIDTH)}"{dash}/>',
            f'<path d="M{_n(left + STRIPE)},{_n(t1)}H{_n(l1 + r)}A{_n(r)},{_n(r)} 0 0 0 '
            f"{_n(l1)},{_n(t1 + r)}V{_n(b1 - r)}A{_n(r)},{_n(r)} 0 0 0 {_n(l1 + r)},{_n(b1)}"
            f'H{_n(left + STRIPE)}Z" fill="{author_color}"/>',
            f'<rect x="{_n(bx)}" y="{_n(by)}" width="{_n(badge_w)}" height="{_n(bh)}" '
            f'rx="{_n(BADGE_CORNER)}" fill="{stroke}"/>',
            _text(bx + badge_w / 2, base, badge_text, header, "#ffffff", anchor="middle"),
        ]
    )


@cache
def _line_start(height: float, index: int) -> str:
    """The opening tag of label line ``index`` on a card ``height`` high (local coordinates)."""
    label = font("label")
    top = -height / 2 + PAD - 2 + HEADER + 4
    line_top = line_tops(index + 1, label.height, label.leading)[index]
    x, y = -CARD_WIDTH / 2 + STRIPE + PAD, top + line_top + label.ascent
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(label.pixel_size)}px" fill="{TEXT_COLOR}">'
    )


@cache
def _author_label(name: str, color: str, room: float, x: float, y: float) -> str:
    shown = elide(card_author_name(name), room, "header")
    if not shown:
        return ""
    return _text(x, y, shown, font("header"), _darker(color), anchor="end")


def _card(card: Card, author_color: str | None, author_name: str | None) -> list[str]:
    claim = card.claim
    proposal = claim.origin.is_proposal
    height = card.height
    out = [
        f"<g class={quoteattr('claim ' + claim.kind)} data-id={quoteattr(claim.id)} "
        f'transform="translate({_n(card.x)},{_n(card.y)})">'
    ]
    if card.mark is not None:
        out.append(
            f'<rect x="{_n(-CARD_WIDTH / 2 - 5)}" y="{_n(-height / 2 - 5)}" '
            f'width="{_n(CARD_WIDTH + 10)}" height="{_n(height + 10)}" rx="10" fill="none" '
            f'stroke="{card.mark[0]}" stroke-width="4"/>'
        )
    out.append(_card_frame(claim.kind, proposal, height, author_color or NO_AUTHOR_COLOR))
    header = font("header")
    badge_w = header.width(KIND_LABEL[claim.kind].upper()) + 10
    bx, by, bh = -CARD_WIDTH / 2 + STRIPE + PAD, -height / 2 + PAD - 2, HEADER - 2
    base = _baseline_centred(by, bh, header)
    name_right = CARD_WIDTH / 2 - PAD
    if proposal and claim.origin.confidence is not None:
        stroke = KIND_STROKE[claim.kind]
        conf = f"? {round(claim.origin.confidence * 100)} %"
        cw = header.width(conf) + 10
        out.append(
            f'<rect x="{_n(name_right - cw)}" y="{_n(by)}" width="{_n(cw)}" height="{_n(bh)}" '
            f'rx="{_n(BADGE_CORNER)}" fill="#ffffff" fill-opacity="0.784" stroke="{stroke}" '
            f'stroke-width="1" stroke-dasharray="4 2"/>'
        )
        out.append(_text(name_right - cw / 2, base, conf, header, stroke, anchor="middle"))
        name_right -= cw + 6
    if author_name is not None and author_color is not None:
        room = max(0.0, name_right - (bx + badge_w) - 6)
        shown = _author_label(author_name, author_color, room, name_right, base)
        if shown:
            out.append(shown)
    for index, line in enumerate(card.lines):
        text = line.rstrip()
        if text:
            out.append(f"{_line_start(height, index)}{escape(text)}</text>")
    if card.mark is not None and card.mark[1]:
        color, text = card.mark
        mw = header.width(text) + 12
        mx, my = CARD_WIDTH / 2 - mw + 6, -height / 2 - 12
        out.append(
            f'<rect x="{_n(mx)}" y="{_n(my)}" width="{_n(mw)}" height="16" rx="8" fill="{color}"/>'
        )
        base = _baseline_centred(my, 16, header)
        out.append(_text(mx + mw / 2, base, text, header, "#ffffff", anchor="middle"))
    out.append("</g>")
    return out


def _arrow(arrow: Arrow) -> list[str]:
    kind = arrow.link.kind
    color = LINK_COLOR[kind]
    opacity = ' stroke-opacity="0.51"' if arrow.link.origin.is_proposal else ""
    fill_opacity = ' fill-opacity="0.51"' if arrow.link.origin.is_proposal else ""
    width = link_width(kind, arrow.cross)
    dash = ""
    if kind == "attack":
        dash = f' stroke-dasharray="{_n(ATTACK_DASH[0] * width)} {_n(ATTACK_DASH[1] * width)}"'
    outline, shaft_end, cut = arrow_head(kind, arrow.ends, arrow.route)
    x1, y1, x2, y2 = arrow.ends
    if arrow.route is not None:
        line = routed_shaft(arrow.route, (x2, y2), shaft_end, cut) if outline else []
        join = "round"
    else:
        line = [(x1, y1), shaft_end] if outline else []
        join = "miter"
    lines: Sequence[Sequence[PointXY]] = rails(line) if arrow.cross and line else [line]
    style = (
        f'fill="none" stroke="{color}" stroke-width="{_n(width)}"{opacity}{dash} '
        f'stroke-linejoin="{join}"'
    )
    classes = f"link {kind} cross" if arrow.cross else f"link {kind}"
    out = [f"<g class={quoteattr(classes)} data-id={quoteattr(arrow.link.id)}>"]
    for points in lines:
        if len(points) >= 2:
            out.append(f'<polyline points="{_points(points)}" {style}/>')
    if outline:
        out.append(f'<polygon points="{_points(outline)}" fill="{color}"{fill_opacity}/>')
    out.append("</g>")
    return out


# ---------------------------------------------------------------- page
def _entry_width(entry: LegendEntry) -> float:
    return entry.width(font("legend").width(entry.label))


def _legend_entry(entry: LegendEntry, x: float, y: float, h: float) -> list[str]:
    legend = font("legend")
    mid = y + h / 2
    if entry.kind == "heading":
        bold = font("legend_bold")
        return [_text(x, y + bold.ascent, entry.label, bold, INK)]
    out: list[str] = []
    if entry.kind == "kind":
        fill, stroke = entry.style
        out.append(
            f'<rect x="{_n(x)}" y="{_n(y + 1)}" width="26" height="{_n(h - 2)}" rx="4" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>'
        )
    elif entry.kind == "link":
        color, how = entry.style
        if how == "bar":
            out.append(
                f'<line x1="{_n(x)}" y1="{_n(mid)}" x2="{_n(x + 24)}" y2="{_n(mid)}" '
                f'stroke="{color}" stroke-width="2" stroke-dasharray="8 4"/>'
            )
            out.append(
                f'<line x1="{_n(x + 25)}" y1="{_n(mid - 5)}" x2="{_n(x + 25)}" '
                f'y2="{_n(mid + 5)}" stroke="{color}" stroke-width="2.5"/>'
            )
        else:
            if how == "double":
                for dy in (-2, 2):
                    out.append(
                        f'<line x1="{_n(x)}" y1="{_n(mid + dy)}" x2="{_n(x + 21)}" '
                        f'y2="{_n(mid + dy)}" stroke="{color}" stroke-width="1.3"/>'
                    )
            else:
                out.append(
                    f'<line x1="{_n(x)}" y1="{_n(mid)}" x2="{_n(x + 22)}" y2="{_n(mid)}" '
                    f'stroke="{color}" stroke-width="2"/>'
                )
            head = [(x + 26, mid), (x + 20, mid - 4), (x + 20, mid + 4)]
            out.append(f'<polygon points="{_points(head)}" fill="{color}"/>')
    elif entry.kind == "author":
        r = (h - 2) / 2
        out.append(
            f'<circle cx="{_n(x + 6 + r)}" cy="{_n(y + 1 + r)}" r="{_n(r)}" fill="{entry.style[0]}"/>'
        )
    out.append(_text(x + 34, y + legend.ascent, entry.label, legend, INK))
    return out


def map_svg(
    amap: ArgumentMap,
    title: str | None = None,
    *,
    placed: Mapping[str, PointXY] | None = None,
    hidden: Collection[str] = (),
    marks: Mapping[str, tuple[str, str]] | None = None,
) -> bytes:
    """The SVG document of ``amap``: title, the map as the app draws it, and its legend.

    ``title`` replaces the map's own title (an empty string leaves the title out); the
    other options are :func:`picture`'s, for drawing what the app's canvas shows.
    """
    shown_title = amap.title if title is None else title
    pic = picture(amap, placed=placed, hidden=hidden, marks=marks)
    left, top, right, bottom = pic.content_box()
    map_w, map_h = right - left, bottom - top
    title_font, legend = font("title"), font("legend")
    title_h = math.ceil(title_font.height + MARGIN) if shown_title else 0.0
    rows = flow(map_legend(amap).entries(), max(map_w, MIN_WIDTH), _entry_width)
    row_h = math.ceil(legend.height + 8)
    legend_h = len(rows) * row_h + (MARGIN if rows else 0)
    width = max(
        map_w,
        title_font.width(shown_title) if shown_title else 0.0,
        max((sum(_entry_width(e) for e in r) for r in rows), default=0.0),
    )
    page_w = math.ceil(width + 2 * MARGIN)
    page_h = math.ceil(title_h + map_h + legend_h + 2 * MARGIN)
    name = amap.title or "argument map"
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{page_w}" height="{page_h}" '
        f'viewBox="0 0 {page_w} {page_h}" font-family="{FAMILY}" xml:space="preserve">',
        f"<title>{escape(name)}</title>",
        "<desc>Argument map exported by argmap</desc>",
        f'<rect width="{page_w}" height="{page_h}" fill="#ffffff"/>',
    ]
    y = MARGIN
    if shown_title:
        out.append(_text(MARGIN, y + title_font.ascent, shown_title, title_font, INK))
        y += title_h
    dx, dy = MARGIN - left, y - top
    out.append(
        f'<defs><clipPath id="map-area"><rect x="{_n(left)}" y="{_n(top)}" '
        f'width="{_n(map_w)}" height="{_n(map_h)}"/></clipPath></defs>'
    )
    out.append(f'<g transform="translate({_n(dx)},{_n(dy)})" clip-path="url(#map-area)">')
    for arrow in pic.arrows:
        out += _arrow(arrow)
    authors = {a.id: a for a in amap.authors}
    for card in pic.cards:
        author = authors.get(card.claim.author) if card.claim.author else None
        out += _card(card, author.color if author else None, author.name if author else None)
    out.append("</g>")
    y += map_h + MARGIN
    for row in rows:
        x = MARGIN
        for entry in row:
            out += _legend_entry(entry, x, y, row_h - 8)
            x += _entry_width(entry)
        y += row_h
    out.append("</svg>")
    return ("\n".join(out) + "\n").encode("utf-8", "replace")
