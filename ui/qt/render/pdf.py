"""PDF export: the framed map on a page of its own size, or a printable handout.

A handout is the map on one A4 page (landscape when wide), still vector so it can be
zoomed; when that page shrinks the cards' text below what paper can show (a map of a few
dozen claims), the map follows again in detail, cut into A4 parts at a readable size like
a poster; then A4 pages with the outline of :mod:`argmap.formats.markdown` and each
claim's quote. Split from :mod:`ui.qt.render.images` so SVG and PNG exports never load the PDF classes
(``QPageSize`` alone brings some 120 enum members), which would cost their start-up.
"""

from __future__ import annotations

import html
import math
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPicture,
    QTextDocument,
)

from argmap.formats._common import fail
from ui.qt.canvas.items import no_ligatures
from ui.qt.render.images import Framer, new_buffer, write_buffer

if TYPE_CHECKING:
    from argmap.map.model import ArgumentMap

MAX_PDF_POINTS = 14400.0
"""Longest page side PDF readers accept (200 inches); bigger maps are scaled down to it."""
LABEL_PX = 14.0
"""The cards' label size in scene units (``ui.qt.canvas.items.label_font``)."""
READABLE_PT = 7.0
"""Below this label size on paper the overview page gets detail pages after it..."""
DETAIL_PT = 8.0
"""... on which labels print at least this large (a footnote's size)."""
PAPER_MARGIN = 28.0
MAX_DETAIL_PAGES = 24
"""More detail pages than this are not printed (a 10,000-claim map would take 328)."""
OVERLAP = 60.0
"""Scene units each detail part shares with its neighbours, so a card cut at one part's
edge is whole on the next."""


def write_pdf(
    framer: Framer,
    path: str | os.PathLike[str],
    amap: ArgumentMap,
    handout: bool,
    proposals: bool = False,
) -> None:
    """The page of ``framer`` as a PDF, or the handout (:mod:`ui.qt.render.handout`) of
    ``amap`` when ``handout`` (with unreviewed proposals only when ``proposals``)."""
    device = new_buffer()
    writer = QPdfWriter(device)
    writer.setResolution(72)  # one unit = one point
    writer.setTitle(framer.title or amap.title or "argument map")
    writer.setCreator("argmap")
    if handout:
        from ui.qt.render.handout import first_page, write_handout

        writer.setPageLayout(first_page())
        painter = QPainter()
        if not painter.begin(writer):
            raise fail(str(path), "cannot write the PDF file")
        write_handout(writer, painter, amap, framer.title, proposals)
        painter.end()
        write_buffer(path, device)
        return
    width, height = framer.size.width(), framer.size.height()
    if handout:
        # A handout is printed: the map on one A4 page (landscape for a wide map), in
        # vector form so it can still be zoomed on screen, then the quotes on A4 pages.
        orientation = (
            QPageLayout.Orientation.Landscape
            if width >= height
            else QPageLayout.Orientation.Portrait
        )
        margin = PAPER_MARGIN
        layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0))
        full = layout.fullRect(QPageLayout.Unit.Point)
        fit = min(1.0, (full.width() - 2 * margin) / width, (full.height() - 2 * margin) / height)
        offset = QPointF((full.width() - width * fit) / 2, (full.height() - height * fit) / 2)
    else:
        # On screen the map gets a page of its own size, capped where viewers give up.
        fit = min(1.0, MAX_PDF_POINTS / max(width, height))
        page = QSizeF(width * fit, height * fit)
        layout = QPageLayout(
            QPageSize(page, QPageSize.Unit.Point, "map", QPageSize.SizeMatchPolicy.ExactMatch),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
        offset = QPointF(0, 0)
    writer.setPageLayout(layout)
    painter = QPainter()
    if not painter.begin(writer):
        raise fail(str(path), "cannot write the PDF file")
    painter.translate(offset)
    if fit < 1.0:
        # Record the drawing at full size, then play it back scaled: cards decide how much
        # to draw from the painter's scale, and a printed or zoomable page wants every label.
        picture = QPicture()
        recorder = QPainter(picture)
        framer.paint(recorder)
        recorder.end()
        play_scaled(painter, picture, fit)
    else:
        framer.paint(painter)
    painter.resetTransform()
    if handout and LABEL_PX * fit < READABLE_PT:
        _paint_details(writer, painter, framer)
    if handout:
        _paint_handout(writer, painter, amap, framer.title)
    painter.end()
    write_buffer(path, device)


def play_scaled(painter: QPainter, picture: QPicture, fit: float) -> None:
    """Draw ``picture`` at ``fit`` times its recorded size on the painter's device.

    Qt plays a picture back at the device's resolution: one recorded at the screen's dpi
    lands on the 72 dpi PDF writer at 72/96 of its size (a handout map filled three
    quarters of its page, off centre). The ratio is undone here, so ``fit`` is what counts.
    """
    device = painter.device()
    assert device is not None
    painter.save()
    painter.scale(
        fit * picture.logicalDpiX() / device.logicalDpiX(),
        fit * picture.logicalDpiY() / device.logicalDpiY(),
    )
    painter.drawPicture(0, 0, picture)
    painter.restore()


def handout_html(amap: ArgumentMap, title: str) -> str:
    """The handout's text: the Markdown outline, with each claim's quote in full."""
    from argmap.formats.markdown import outline

    e = html.escape
    parts = [f"<h1>{e(title or amap.title or 'Argument map')}</h1>"]
    if amap.description:
        parts.append(f"<p>{e(amap.description)}</p>")
    for author in outline(amap):
        heading = author.name + (f", {author.affiliation}" if author.affiliation else "")
        parts.append(f"<h2>{e(heading)}</h2>")
        parts += [f"<p><i>{e(s)}</i></p>" for s in author.sources]
        for section, entries in author.sections:
            parts.append(f"<h3>{e(section)}</h3><ul>")
            for entry in entries:
                item = f"<li><b>{e(entry.claim.text)}</b>"
                if entry.quote:
                    item += f"<br/><i>“{e(' '.join(entry.quote.split()))}”</i>"
                for relation in entry.relations:
                    item += f"<br/>→ {e(relation)}"
                parts.append(item + "</li>")
            parts.append("</ul>")
    if amap.positions and amap.authors:
        # the comparison a class discusses, after the authors' arguments
        from argmap.analysis.authors import short_names

        short = short_names(amap.authors)
        parts.append(
            "<h2>Positions</h2>"
            "<table border='1' cellspacing='0' cellpadding='2' width='100%' style='font-size: 8pt'>"
        )
        parts.append(
            "<tr><th width='34%'>Position</th>"
            + "".join(f"<th>{e(short[a.id])}</th>" for a in amap.authors)
        )
        for position in amap.positions:
            cells = "".join(f"<td>{position.stances.get(a.id, '—')}</td>" for a in amap.authors)
            parts.append(f"<tr><td>{e(position.label)}</td>{cells}</tr>")
        parts.append("</table>")
    return "\n".join(parts)


def detail_parts(width: float, height: float, page: QSizeF) -> tuple[int, int, float]:
    """(columns, rows, scale) cutting a map ``width`` x ``height`` (scene units) into parts
    that print on pages of ``page`` with labels at least ``DETAIL_PT`` large."""
    scale = DETAIL_PT / LABEL_PX
    columns = max(1, math.ceil((width - OVERLAP) / (page.width() / scale - OVERLAP)))
    rows = max(1, math.ceil((height - OVERLAP) / (page.height() / scale - OVERLAP)))
    part_w = (width + (columns - 1) * OVERLAP) / columns
    part_h = (height + (rows - 1) * OVERLAP) / rows
    return columns, rows, min(page.width() / part_w, page.height() / part_h)


def _paint_details(writer: QPdfWriter, painter: QPainter, framer: Framer) -> None:
    """The map again, cut into A4 parts printed with readable labels, in reading order
    (rows top to bottom, each left to right); each page names its part and place."""
    from ui.qt.render.drawing import draw_scene

    source = framer.source
    header = 16.0
    best: tuple[int, QPageLayout.Orientation, int, int, float] | None = None
    for orientation in (QPageLayout.Orientation.Landscape, QPageLayout.Orientation.Portrait):
        layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF())
        full = layout.fullRect(QPageLayout.Unit.Point)
        area = QSizeF(full.width() - 2 * PAPER_MARGIN, full.height() - 2 * PAPER_MARGIN - header)
        columns, rows, scale = detail_parts(source.width(), source.height(), area)
        if best is None or columns * rows < best[0]:
            best = (columns * rows, orientation, columns, rows, scale)
    assert best is not None
    count, orientation, columns, rows, scale = best
    font = QFont()
    font.setPointSizeF(9.0)
    no_ligatures(font)
    painter.setFont(font)
    painter.setPen(QColor("#555555"))
    if count > MAX_DETAIL_PAGES:
        # A poster of hundreds of pages helps no one: say so under the overview instead.
        page = writer.pageLayout().fullRect(QPageLayout.Unit.Point)
        painter.drawText(
            QPointF(PAPER_MARGIN, page.height() - PAPER_MARGIN / 2),
            f"This map would need {count} A4 pages to print readably; open the PDF or an "
            "SVG export to zoom into it.",
        )
        return
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF()))
    part_w = (source.width() + (columns - 1) * OVERLAP) / columns
    part_h = (source.height() + (rows - 1) * OVERLAP) / rows
    for row in range(rows):
        for column in range(columns):
            writer.newPage()
            number = row * columns + column + 1
            painter.setFont(font)
            painter.setPen(QColor("#555555"))
            painter.drawText(
                QPointF(PAPER_MARGIN, PAPER_MARGIN + 10),
                f"{framer.title or 'Map'}: part {number} of {count} "
                f"(row {row + 1} of {rows}, column {column + 1} of {columns})",
            )
            part = QRectF(
                source.left() + column * (part_w - OVERLAP),
                source.top() + row * (part_h - OVERLAP),
                part_w,
                part_h,
            )
            target = QRectF(PAPER_MARGIN, PAPER_MARGIN + header, part_w * scale, part_h * scale)
            draw_scene(framer.scene, painter, target, part)


def _paint_handout(writer: QPdfWriter, painter: QPainter, amap: ArgumentMap, title: str) -> None:
    """A4 portrait pages of the outline with quotes, paginated by QTextDocument."""
    a4 = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
    )
    writer.setPageLayout(a4)
    page = a4.fullRect(QPageLayout.Unit.Point)
    margin = 54.0
    text = QTextDocument()
    font = QFont()
    font.setPointSizeF(10.5)
    # so a reader searching the handout for "difficult" finds it
    no_ligatures(font)
    text.setDefaultFont(font)
    text.setDocumentMargin(0)
    text.setHtml(handout_html(amap, title))
    body = QSizeF(page.width() - 2 * margin, page.height() - 2 * margin)
    text.setPageSize(body)
    for number in range(text.pageCount()):
        writer.newPage()
        painter.save()
        painter.translate(margin, margin - number * body.height())
        text.drawContents(painter, QRectF(0, number * body.height(), body.width(), body.height()))
        painter.restore()
