"""SVG of a map without Qt: the picture the app's canvas draws (:mod:`argmap.drawing.picture`),
written as SVG elements.

Why a second painter: the app's canvas (``ui/qt``) draws PNG and PDF exports from its
own scene, but a Python process that imports Qt and starts a QApplication spends about
0.3 s before drawing anything, and an SVG is text. Writing it here needs neither Qt nor a
display (a server or a notebook can draw maps) and makes ``argmap export`` / ``convert``
to SVG several times faster than Argdown's own command line.

It is the same picture, not a look-alike: card sizes come from line breaks measured with
the canvas's font advances (:mod:`argmap.drawing.textmetrics`), placement from the same layout
calls the scene makes (:mod:`argmap.drawing.layout`), and every point of cards, arrows, heads and
rails from :mod:`argmap.drawing.shapes`, which the canvas uses too. Tests check the two against
each other card for card and arrow for arrow on every bundled map. What the canvas shows
beyond the map itself (selection, hover handles, search highlights) is not part of an
export; overlay marks are, when the app passes them.
"""

from __future__ import annotations

import colorsys
import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import cache, lru_cache

from argmap.drawing.layout import CARD_WIDTH
from argmap.drawing.legend import MIN_WIDTH, LegendEntry, flow, map_legend
from argmap.drawing.picture import Arrow, Card, PointXY, picture
from argmap.drawing.shapes import (
    ATTACK_DASH,
    BADGE_CORNER,
    BORDER_WIDTH,
    CORNER,
    HEADER,
    INK,
    NO_AUTHOR_COLOR,
    PAD,
    PROPOSAL_DASH,
    STRIPE,
    TEXT_COLOR,
    arrow_head,
    card_author_name,
    line_tops,
    link_width,
    rails,
    routed_shaft,
    washed,
)
from argmap.drawing.shapes import PAGE_MARGIN as MARGIN
from argmap.drawing.textmetrics import Font, elide, font
from argmap.formats._common import xml_attr as quoteattr
from argmap.formats._common import xml_text as escape
from argmap.map.model import ArgumentMap, ClaimKind
from argmap.map.palette import KIND_FILL, KIND_LABEL, KIND_STROKE, LINK_COLOR

FAMILY = "'DejaVu Sans', Verdana, sans-serif"
"""The canvas's font first: the advances the cards were measured with."""


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


@lru_cache(maxsize=4096)
def _line_start(height: float, line_top: float) -> str:
    """The opening tag of the label line whose top is ``line_top`` below the label's origin,
    on a card ``height`` high (local coordinates)."""
    label = font("label")
    top = -height / 2 + PAD - 2 + HEADER + 4
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
    # Every line's top in one pass: asking for line k's alone costs k steps (quadratic).
    label = font("label")
    tops = line_tops(len(card.lines), label.height, label.leading)
    for line, line_top in zip(card.lines, tops, strict=True):
        text = line.rstrip()
        if text:
            out.append(f"{_line_start(height, line_top)}{escape(text)}</text>")
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
    routes: Mapping[str, Sequence[PointXY]] | None = None,
) -> bytes:
    """The SVG document of ``amap``: title, the map as the app draws it, and its legend.

    ``title`` replaces the map's own title (an empty string leaves the title out); the
    other options are :func:`picture`'s, for drawing what the app's canvas shows.
    """
    shown_title = amap.title if title is None else title
    pic = picture(amap, placed=placed, hidden=hidden, marks=marks, routes=routes)
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
