"""The handout a class reads: the map's views as whole parts, the positions, the quotes.

A whole map printed on A4 has text no one can read, and cut into poster parts it slices
cards at the page edges. A handout prints *parts* instead: each view of the map (or, when
it has none, one per question and one per author) laid out for itself
(:mod:`argmap.drawing.views`) and drawn whole, never cut, at a size where the cards' text
is at least :data:`MIN_PT`: their labels and their headers, which print as large as the
labels (:data:`argmap.drawing.shapes.PRINT_HEADER_PX`; each part's heading names its
authors by their stripes' colours where a card has no room for its author's name). Small
parts share a page; a page with room to spare prints its parts larger. A part too large
for a page at that size is named on a page that says so, instead of being printed as a
poster. Then the positions table, drawn here so a name or a stance is never broken inside
a word, and the quotes as a reading guide, two columns a page. Unreviewed proposals are
left out unless asked for.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Set
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from argmap.drawing.shapes import PRINT_HEADER
from ui.qt.canvas.items import no_ligatures

if TYPE_CHECKING:
    from argmap.map.model import ArgumentMap, View

LABEL_PX = 14.0
"""The cards' label size in scene units (``ui.qt.canvas.items.label_font``)."""
MIN_PT = 8.1
"""Smallest size a card's label, and its header, print at (8 pt, with a little to spare
for rounding)."""
MAX_PT = 10.5
"""Largest: a lone small part is not blown up to fill its page."""
MARGIN = 14.0
HEADER = 12.0
"""Height of a part's heading (its name) above the drawing, in points."""
GAP = 8.0
KEY_SWATCH = 4.0
"""Width of an author's colour in a part's key: a card's stripe as printed (7 units)."""
KEY_GAP = 9.0
CROP = 6.0
"""Scene units kept around a part's cards (the scene's own margin is wider)."""
INK = QColor("#222222")
STANCE_STYLE: dict[str, tuple[str, str]] = {
    "for": ("✔ for", "#cde8c9"),
    "against": ("✘ against", "#f4c7c3"),
    "mixed": ("± mixed", "#fbe7b5"),
    "silent": ("– silent", "#eeeeee"),
}
"""How the table shows a stance: a symbol and a short word on a colour."""


LANE_HEIGHTS = (880.0, 600.0, 420.0)
"""The column heights a question's part is tried at: the tallest reads best; a shorter,
wider one can share a page with another part."""


class _Item:
    """Something a handout page holds: a part (a view drawn) or the positions table."""

    name = ""

    def size(self, scale: float) -> QSizeF:
        raise NotImplementedError

    def paint(self, painter: QPainter, rect: QRectF, right: float) -> None:
        """Draw the item in ``rect``; its heading may reach as far as ``right``."""
        raise NotImplementedError


class _Part(_Item):
    def __init__(self, view: View, part: ArgumentMap, amap: ArgumentMap) -> None:
        """``view``'s ``part`` of ``amap`` (whose authors' short names its key uses, as
        the positions table heads its columns)."""
        from argmap.analysis.authors import short_names
        from ui.qt.render.images import SceneHolder

        self.view = view
        self.name = f"{view.name}  ({len(part.claims)} claims)"
        self.claims = len(part.claims)
        self.ids = {c.id for c in part.claims}
        used = {c.author for c in part.claims}
        short = short_names(amap.authors)
        self.authors = [(short.get(a.id, a.name), a.color) for a in part.authors if a.id in used]
        self.holder = SceneHolder(part, printed=True)
        rect = QRectF()
        for item in self.holder.scene.claim_items():
            rect = rect.united(item.sceneBoundingRect())
        self.source = rect.adjusted(-CROP, -CROP, CROP, CROP)

    def size(self, scale: float) -> QSizeF:
        return QSizeF(self.source.width() * scale, self.source.height() * scale + HEADER)

    def paint(self, painter: QPainter, rect: QRectF, right: float) -> None:
        from ui.qt.render.drawing import draw_scene

        font = _font(8.5, bold=True)
        painter.setFont(font)
        painter.setPen(INK)
        heading = QRectF(rect.left(), rect.top(), max(right - rect.left(), 160.0), HEADER)
        metrics = QFontMetricsF(font, painter.device())  # in the page's points
        name = metrics.elidedText(self.name, Qt.TextElideMode.ElideRight, heading.width())
        painter.drawText(heading, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        start = heading.left() + metrics.horizontalAdvance(name) + 2 * KEY_GAP
        self._paint_key(painter, QRectF(start, heading.top(), right - start, HEADER))
        target = QRectF(rect.left(), rect.top() + HEADER, rect.width(), rect.height() - HEADER)
        draw_scene(self.holder.scene, painter, target, self.source)

    def _paint_key(self, painter: QPainter, room: QRectF) -> None:
        """The authors of the part by their stripes' colours, after its name: a printed
        card names its author only where its kind leaves room for the name (a card's
        header is as large as its label in print, and "RECOMMENDATION" fills most of it),
        so its stripe says whose it is. The key is printed whole or not at all (a key
        without some of the part's authors would mislead): when ``room`` is too short for
        it, the cards' stripes still tell the authors apart, and most cards name theirs."""
        font = _font(8.5)
        metrics = QFontMetricsF(font, painter.device())
        widths = [KEY_SWATCH + 3 + metrics.horizontalAdvance(name) for name, _ in self.authors]
        if sum(widths) + KEY_GAP * (len(widths) - 1) > room.width():
            return
        painter.setFont(font)
        x = room.left()
        for (name, color), width in zip(self.authors, widths, strict=True):
            swatch = QRectF(x, room.center().y() - 4.5, KEY_SWATCH, 9.0)
            painter.fillRect(swatch, QColor(color))
            painter.setPen(INK)
            painter.drawText(
                QRectF(x + KEY_SWATCH + 3, room.top(), width, room.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            x += width + KEY_GAP


class _Table(_Item):
    """The positions table, at its own size whatever the parts' scale."""

    def __init__(self, amap: ArgumentMap, width: float, device: QPaintDevice) -> None:
        self.amap = amap
        self.width = width
        self.device = device
        self.height = _paint_positions(None, QRectF(0, 0, width, 10_000), amap, device)

    def size(self, scale: float) -> QSizeF:
        return QSizeF(self.width, self.height)

    def paint(self, painter: QPainter, rect: QRectF, right: float) -> None:
        _paint_positions(painter, rect, self.amap, self.device)


@dataclass
class _Page:
    shelves: list[list[_Item]] = field(default_factory=list)

    def width(self, scale: float, shelf: list[_Item]) -> float:
        return sum(item.size(scale).width() for item in shelf) + GAP * (len(shelf) - 1)

    def height(self, scale: float) -> float:
        return sum(_shelf_height(s, scale) for s in self.shelves) + GAP * (len(self.shelves) - 1)

    def fits(self, scale: float, area: QSizeF) -> bool:
        return self.height(scale) <= area.height() and all(
            self.width(scale, s) <= area.width() for s in self.shelves
        )


def _shelf_height(shelf: list[_Item], scale: float) -> float:
    return max(item.size(scale).height() for item in shelf)


def handout_views(amap: ArgumentMap) -> list[View]:
    """The views a handout prints: the map's, else one per question and one per author."""
    from argmap.analysis.views import default_views

    return list(amap.views) or default_views(amap)


def _variants(amap: ArgumentMap, view: View, proposals: bool) -> list[_Part]:
    """The ways a view can be drawn, the most readable first."""
    from argmap.drawing.views import laid_out_view

    heights = LANE_HEIGHTS if view.kind == "position" else LANE_HEIGHTS[:1]
    variants: list[_Part] = []
    seen: set[tuple[float, float]] = set()
    for height in heights:
        part = laid_out_view(
            amap, view, proposals=proposals, lane_height=height, header=PRINT_HEADER
        )
        if not part.claims:
            return []
        drawn = _Part(view, part, amap)
        key = (round(drawn.source.width()), round(drawn.source.height()))
        if key not in seen:
            seen.add(key)
            variants.append(drawn)
    return variants


MAX_PIECES = 4
"""Most pages one view is cut into (along its teaching order) before the handout gives up
on it and says so."""
MAX_CARDS_PER_PAGE = 40
"""More cards than a page can hold at 8 pt (five across, a few rows): a view with more
than :data:`MAX_PIECES` times this is too large without laying it out to see."""


def _split(
    amap: ArgumentMap,
    view: View,
    proposals: bool,
    fitting: Callable[[list[_Part]], list[_Item]],
) -> list[list[_Item]]:
    """A view too large for a page, cut into a few parts along its teaching order (the
    argument's tree, depth first, so a premise stays with its evidence), each whole on a
    page; empty when even :data:`MAX_PIECES` parts do not fit."""
    from argmap.analysis.views import view_steps
    from argmap.drawing.views import laid_out_view
    from argmap.map.model import View

    order = view_steps(amap, view, proposals=proposals)
    for count in range(2, MAX_PIECES + 1):
        size = -(-len(order) // count)
        pieces: list[list[_Item]] = []
        for number, start in enumerate(range(0, len(order), size), 1):
            piece = View(
                id=f"{view.id}-{number}",
                name=f"{view.name}, part {number} of {count}",
                kind="claims",
                claims=order[start : start + size],
            )
            part = laid_out_view(amap, piece, proposals=proposals, header=PRINT_HEADER)
            drawn = fitting([_Part(piece, part, amap)])
            if not drawn:
                break
            pieces.append(drawn)
        else:
            return pieces
    return []


def write_handout(
    writer: QPdfWriter, painter: QPainter, amap: ArgumentMap, title: str, proposals: bool
) -> None:
    """Every page of the handout, on a writer whose first page is still blank."""
    page = _landscape()
    area = page.fullRect(QPageLayout.Unit.Point).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
    scale = MIN_PT / LABEL_PX
    choices: list[list[_Item]] = []
    too_large: list[str] = []

    def fitting(variants: list[_Part]) -> list[_Item]:
        size = area.size()
        return [
            v
            for v in variants
            if v.size(scale).width() <= size.width() and v.size(scale).height() <= size.height()
        ]

    from argmap.analysis.views import view_claims

    for view in handout_views(amap):
        count = len(view_claims(amap, view, proposals=proposals))
        if count > MAX_CARDS_PER_PAGE * MAX_PIECES:
            too_large.append(f"“{view.name}” ({count} claims)")
            continue
        variants = _variants(amap, view, proposals)
        if not variants:
            continue
        if fitting(variants):
            choices.append(fitting(variants))
            continue
        pieces = _split(amap, view, proposals, fitting)
        if pieces:
            choices += pieces
        else:
            too_large.append(f"“{view.name}” ({variants[0].claims} claims)")
    if amap.positions and amap.authors:
        choices.append([_Table(amap, area.width(), writer)])
    pages = _pack(choices, area.size(), scale)
    writer.setPageLayout(page)
    for number, sheet in enumerate(pages):
        if number:
            writer.newPage()
        _paint_page(painter, sheet, area, scale)
    if too_large or not pages:
        if pages:
            writer.newPage()
        _paint_notice(painter, area, too_large)
    printed = {
        cid for items in choices for item in items if isinstance(item, _Part) for cid in item.ids
    }
    if printed:
        _paint_guide(writer, painter, amap, title, proposals=proposals, only=printed)


def _landscape() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, QMarginsF()
    )


def write_handout_pdf(
    amap: ArgumentMap, path: str | os.PathLike[str], title: str, proposals: bool = False
) -> None:
    """The handout of ``amap`` as a PDF file, without drawing the whole map first."""
    from argmap.formats._common import fail
    from ui.qt.render.images import new_buffer, write_buffer

    device = new_buffer()
    writer = QPdfWriter(device)
    writer.setResolution(72)  # one unit = one point
    writer.setTitle(title or amap.title or "argument map")
    writer.setCreator("argmap")
    writer.setPageLayout(first_page())
    painter = QPainter()
    if not painter.begin(writer):
        raise fail(str(path), "cannot write the PDF file")
    write_handout(writer, painter, amap, title, proposals)
    painter.end()
    write_buffer(path, device)


def first_page() -> QPageLayout:
    """The layout of the handout's first page (set before a painter begins on the writer)."""
    return _landscape()


def _pack(choices: list[list[_Item]], area: QSizeF, scale: float) -> list[_Page]:
    """Items onto pages: each alone in its most readable variant, then pages merged two at
    a time while their items, stacked in their shortest variants, still fit one page
    (nearest in the views' order first, so the handout keeps its order where it can)."""
    groups = [[i] for i in range(len(choices))]

    def stacked(members: list[int]) -> list[_Item] | None:
        items = []
        for i in members:
            wide_enough = [v for v in choices[i] if v.size(scale).width() <= area.width()]
            if not wide_enough:
                return None
            items.append(min(wide_enough, key=lambda v: v.size(scale).height()))
        height = sum(v.size(scale).height() for v in items) + GAP * (len(items) - 1)
        return items if height <= area.height() else None

    while True:
        best: tuple[int, int, int] | None = None
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                if stacked(sorted(groups[a] + groups[b])) is None:
                    continue
                distance = abs(min(groups[b]) - max(groups[a]))
                if best is None or distance < best[0]:
                    best = (distance, a, b)
        if best is None:
            break
        _, a, b = best
        groups[a] = sorted(groups[a] + groups[b])
        del groups[b]
    pages = []
    for members in sorted(groups):
        if len(members) == 1:
            pages.append(_Page([[choices[members[0]][0]]]))
        else:
            items = stacked(members)
            assert items is not None
            pages.append(_Page([[item] for item in items]))
    return pages


def _paint_page(painter: QPainter, page: _Page, area: QRectF, scale: float) -> None:
    """One page's items, the parts enlarged together as far as the page (and
    :data:`MAX_PT`) allows; a page with the table keeps the smallest size."""
    has_table = any(isinstance(item, _Table) for shelf in page.shelves for item in shelf)
    grow = 1.0
    if not has_table:
        used_w = max(page.width(scale, s) for s in page.shelves)
        headers = HEADER * len(page.shelves) + GAP * (len(page.shelves) - 1)
        grow = min(
            MAX_PT / MIN_PT,
            area.width() / used_w,
            (area.height() - headers) / max(page.height(scale) - headers, 1.0),
        )
    scale *= max(grow, 1.0)
    y = area.top()
    for shelf in page.shelves:
        x = area.left()
        for number, item in enumerate(shelf, 1):
            size = item.size(scale)
            right = area.right() if number == len(shelf) else x + size.width()
            item.paint(painter, QRectF(QPointF(x, y), size), right)
            x += size.width() + GAP
        y += _shelf_height(shelf, scale) + GAP


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    no_ligatures(font)
    return font


def _paint_notice(painter: QPainter, area: QRectF, too_large: list[str]) -> None:
    """Say which parts are too large to print readably, instead of printing posters."""
    lines = [] if too_large else ["This map has no claims to print."]
    for name in too_large:
        lines.append(
            f"{name} is too large to print with readable text on one page. Open it in "
            "argmap, export it as SVG, or make smaller views (of one question, one author, "
            "or chosen claims)."
        )
    doc = QTextDocument()
    doc.setDefaultFont(_font(11.0))
    doc.setTextWidth(area.width())
    doc.setHtml("".join(f"<p>{html.escape(line)}</p>" for line in lines))
    painter.save()
    painter.translate(area.topLeft())
    doc.drawContents(painter)
    painter.restore()


def _words(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """``text`` in lines of at most ``width``, broken only between words (a word longer
    than the line stays whole on a line of its own; columns are made wide enough)."""
    lines: list[str] = []
    for word in text.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _paint_positions(
    painter: QPainter | None, area: QRectF, amap: ArgumentMap, device: QPaintDevice
) -> float:
    """The positions table, and its height: a row per question, a column per author; a
    stance is a colour with a symbol and a short word, and every column is at least as
    wide as its longest word, so nothing is broken inside a word. Measured for
    ``device`` (the PDF's points); with no painter, only measured."""
    from argmap.analysis.authors import short_names

    short = short_names(amap.authors)
    body, bold, title = _font(8.5), _font(8.5, bold=True), _font(13.0, bold=True)
    metrics, bold_metrics = QFontMetricsF(body, device), QFontMetricsF(bold, device)
    pad = 4.0
    line = metrics.height()
    top = area.top() + 26
    stance_w = max(metrics.horizontalAdvance(label) for label, _ in STANCE_STYLE.values())
    columns = []
    for author in amap.authors:
        name = short[author.id]
        longest = max(bold_metrics.horizontalAdvance(w) for w in name.split())
        wanted = min(bold_metrics.horizontalAdvance(name), 90.0)
        columns.append(max(stance_w, longest, wanted) + 2 * pad)
    first = max(area.width() - sum(columns), 160.0)
    heads = [
        _words(short[a.id], bold_metrics, w - 2 * pad)
        for a, w in zip(amap.authors, columns, strict=True)
    ]
    head_h = max(len(h) for h in heads) * line + 2 * pad
    rows = [_words(p.label, metrics, first - 2 * pad) for p in amap.positions]
    height = top - area.top() + head_h + sum(len(r) * line + 2 * pad for r in rows) + 24
    if painter is None:
        return height
    painter.setFont(title)
    painter.setPen(INK)
    painter.drawText(QPointF(area.left(), area.top() + 14), "Positions: who takes which side")
    painter.setFont(bold)
    painter.drawText(QPointF(area.left() + pad, top + pad + bold_metrics.ascent()), "Question")
    x = area.left() + first
    for lines, w in zip(heads, columns, strict=True):
        for i, text in enumerate(lines):
            painter.drawText(QPointF(x + pad, top + pad + bold_metrics.ascent() + i * line), text)
        x += w
    y = top + head_h
    painter.setFont(body)
    for position, label in zip(amap.positions, rows, strict=True):
        row_h = len(label) * line + 2 * pad
        painter.setPen(QColor("#cccccc"))
        painter.drawLine(QPointF(area.left(), y), QPointF(area.left() + first + sum(columns), y))
        painter.setPen(INK)
        for i, text in enumerate(label):
            painter.drawText(
                QPointF(area.left() + pad, y + pad + metrics.ascent() + i * line), text
            )
        x = area.left() + first
        for author, w in zip(amap.authors, columns, strict=True):
            stance = position.stances.get(author.id)
            if stance is not None:
                text, colour = STANCE_STYLE[stance]
                painter.fillRect(QRectF(x + 1, y + 1, w - 2, row_h - 2), QColor(colour))
                painter.drawText(QPointF(x + pad, y + pad + metrics.ascent()), text)
            x += w
        y += row_h
    painter.setFont(_font(8.0))
    painter.setPen(QColor("#555555"))
    painter.drawText(
        QPointF(area.left(), y + 16),
        "✔ for: argues for it   ✘ against: argues against it   "
        "± mixed: argues both sides   – silent: does not say",
    )
    return height


def guide_html(
    amap: ArgumentMap, title: str, proposals: bool = False, only: Set[str] | None = None
) -> str:
    """The reading guide: for each author, the articles and each claim with its quote
    (of the claims in ``only``, the parts the handout printed, when given)."""
    e = html.escape
    sources = amap.source_index()
    parts = [
        "<style>p { margin: 0 0 2px 0 } h3 { margin: 4px 0 1px 0 } h2 { margin: 0 0 3px 0 }"
        "</style>",
        f"<h2>Reading guide: {e(title or amap.title or 'the map')}</h2>",
    ]
    for author in amap.authors:
        claims = [
            c
            for c in amap.claims
            if c.author == author.id
            and (proposals or not c.origin.is_proposal)
            and (only is None or c.id in only)
        ]
        if not claims:
            continue
        parts.append(f"<h3>{e(author.name)}</h3>")
        for source_id in dict.fromkeys(c.source for c in claims if c.source):
            source = sources[source_id]
            where = ", ".join(x for x in (source.outlet, source.date) if x)
            parts.append(
                f"<p><i>{e(source.title or source.id)}</i>{e(', ' + where if where else '')}</p>"
            )
        for claim in claims:
            item = f"<p><b>{e(claim.text)}</b>"
            if claim.quote:
                item += f": “{e(' '.join(claim.quote.text.split()))}”"
            parts.append(item + "</p>")
    return "\n".join(parts)


def _paint_guide(
    writer: QPdfWriter,
    painter: QPainter,
    amap: ArgumentMap,
    title: str,
    *,
    proposals: bool,
    only: Set[str],
) -> None:
    """The reading guide on A4 portrait pages, two columns a page."""
    portrait = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF()
    )
    writer.setPageLayout(portrait)
    page = portrait.fullRect(QPageLayout.Unit.Point)
    margin, gutter = 24.0, 14.0
    column = QSizeF((page.width() - 2 * margin - gutter) / 2, page.height() - 2 * margin)
    doc = QTextDocument()
    layout = doc.documentLayout()
    assert layout is not None
    layout.setPaintDevice(writer)  # lay out in the PDF's points, not the screen's pixels
    doc.setDefaultFont(_font(8.0))
    doc.setDocumentMargin(0)
    doc.setHtml(guide_html(amap, title, proposals, only))
    doc.setPageSize(column)
    count = doc.pageCount()
    for number in range(count):
        if number % 2 == 0:
            writer.newPage()
        left = margin + (number % 2) * (column.width() + gutter)
        painter.save()
        painter.translate(left, margin - number * column.height())
        doc.drawContents(
            painter, QRectF(0, number * column.height(), column.width(), column.height())
        )
        painter.restore()
