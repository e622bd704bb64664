"""The printed worksheet of an exercise, for a class without computers.

A4 pages: a header (name, date, what to do), the scaffolding the teacher chose (the
thesis, the questions with a box per author and stance), then each article with its
paragraphs numbered in the margin and each sentence numbered "3.2" (paragraph 3,
sentence 2) in front of it; last, a landscape page with a frame to draw the map in and
a legend of the kinds and arrows. Students write a sentence's number on each box they
draw, which is how the teacher (and the feedback pages, which use the same numbers from
:mod:`argmap.exercise.numbering`) find the passage again.

Text is laid out and paginated by ``QTextDocument`` (no line is cut between pages);
the frame is painted. The file is written atomically.
"""

from __future__ import annotations

import html
import os

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from argmap.exercise.numbering import number
from argmap.map.model import ArgumentMap
from argmap.map.palette import KIND_FILL, KIND_STROKE
from argmap.map.vocabulary import CLAIM_KINDS, STANCES
from argmap.util.fileio import atomic_write_bytes
from ui.qt.canvas.items import no_ligatures
from ui.qt.render.images import ensure_app, new_buffer

MARGIN = 54.0
"""Three quarters of an inch: room for a binder's holes and the paragraph numbers."""
TEXT_PT = 11.0


def worksheet_html(key: ArgumentMap, *, thesis: bool, questions: bool) -> str:
    """The worksheet's text pages as HTML (paragraph and sentence numbers included)."""
    e = html.escape
    authors = key.author_index()
    parts = [
        f"<h2>Exercise: {e(key.title or 'map the article')}</h2>",
        "<p>Name: ______________________________ &nbsp;&nbsp; Date: ______________</p>",
        "<p><i>Map the article on the last page. Write each claim in a box of its own, in "
        "your own words, with the number of the sentence it comes from (<b>3.2</b> is "
        "paragraph 3, sentence 2). Write its kind on the box: thesis, premise, "
        "recommendation, evidence or objection. Draw an arrow from a claim to the claim it "
        "supports (→) or attacks (marked ✕).</i></p>",
    ]
    theses = [c for c in key.claims if c.kind == "thesis"] if thesis else []
    if theses:
        parts.append("<h3>The thesis (given)</h3><ul>")
        for claim in theses:
            quoted = " ".join(claim.quote.text.split()) if claim.quote else claim.text
            where = ""
            source = key.source_index().get(claim.source or "")
            if source is not None and claim.quote is not None and source.text:
                where = f" ({number(source.text).where(claim.quote.start, claim.quote.end)})"
            parts.append(f"<li>“{e(quoted)}”{e(where)}</li>")
        parts.append("</ul>")
    if questions and key.positions:
        # Labels only: a key's description of a question often records its answer.
        parts.append("<h3>Questions: tick each author's stance</h3>")
        head = "".join(f'<td align="center"><i>{s}</i></td>' for s in STANCES)
        for position in key.positions:
            parts.append(f"<p><b>{e(position.label)}</b></p>")
            parts.append(f'<table cellspacing="0" cellpadding="2"><tr><td></td>{head}</tr>')
            for author in key.authors:
                boxes = '<td align="center">☐</td>' * len(STANCES)
                parts.append(f"<tr><td>{e(author.name)}&nbsp;&nbsp;</td>{boxes}</tr>")
            parts.append("</table>")
    for source in key.sources:
        if not source.text.strip():
            continue
        byline = ", ".join(authors[a].name for a in source.authors if a in authors)
        meta = " · ".join(x for x in (byline, source.outlet, source.date) if x)
        parts.append(f"<h3>{e(source.title or key.title or source.id)}</h3>")
        if meta:
            parts.append(f"<p><i>{e(meta)}</i></p>")
        for paragraph in number(source.text).paragraphs():
            sentences = " ".join(
                f'<sup><b><font color="#1f4e8c">{s.label}</font></b></sup>&nbsp;{e(s.text)}'
                for s in paragraph
            )
            parts.append(
                f'<table width="100%" cellspacing="0" cellpadding="2"><tr>'
                f'<td width="26" valign="top"><b>¶{paragraph[0].paragraph}</b></td>'
                f"<td>{sentences}</td></tr></table>"
            )
    return "\n".join(parts)


def write_worksheet(
    key: ArgumentMap, path: str | os.PathLike[str], *, thesis: bool = False, questions: bool = True
) -> int:
    """Write the worksheet PDF of ``key`` to ``path``; the number of pages. Raises
    ``OSError`` when the file cannot be written (nothing is left behind then)."""
    ensure_app()  # fonts need a running application, even for a PDF
    device = new_buffer()
    writer = QPdfWriter(device)
    writer.setResolution(72)  # one unit = one point
    writer.setTitle(f"Exercise: {key.title}" if key.title else "Exercise")
    writer.setCreator("argmap")
    portrait = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
    )
    writer.setPageLayout(portrait)
    page = portrait.fullRect(QPageLayout.Unit.Point)
    text = QTextDocument()
    font = QFont()
    font.setPointSizeF(TEXT_PT)
    no_ligatures(font)  # so the PDF's text is searchable as written
    text.setDefaultFont(font)
    text.setDocumentMargin(0)
    text.setHtml(worksheet_html(key, thesis=thesis, questions=questions))
    body = QSizeF(page.width() - 2 * MARGIN, page.height() - 2 * MARGIN)
    text.setPageSize(body)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write the PDF file {path}")
    pages = text.pageCount()
    for index in range(pages):
        if index:
            writer.newPage()
        painter.save()
        painter.translate(MARGIN, MARGIN - index * body.height())
        text.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
        painter.restore()
        _footer(painter, page, f"{index + 1}")
    landscape = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0)
    )
    writer.setPageLayout(landscape)
    writer.newPage()
    _paint_frame(painter, landscape.fullRect(QPageLayout.Unit.Point), key.title)
    painter.end()
    atomic_write_bytes(path, bytes(device.data().data()))
    return pages + 1


def _footer(painter: QPainter, page: QRectF, label: str) -> None:
    font = QFont()
    font.setPointSizeF(8)
    painter.setFont(font)
    painter.setPen(QColor("#777777"))
    painter.drawText(
        QRectF(0, page.height() - MARGIN * 0.7, page.width(), 14),
        Qt.AlignmentFlag.AlignCenter,
        label,
    )


def _paint_frame(painter: QPainter, page: QRectF, title: str) -> None:
    """The page to draw the map on: a frame, and a legend of kinds and arrows under it."""
    margin = 36.0
    legend_height = 34.0
    head = QFont()
    head.setPointSizeF(12)
    head.setBold(True)
    painter.setFont(head)
    painter.setPen(QColor("#222222"))
    painter.drawText(
        QRectF(margin, margin - 22, page.width() - 2 * margin, 18),
        Qt.AlignmentFlag.AlignLeft,
        f"Your map: {title}" if title else "Your map",
    )
    painter.setFont(QFont())
    painter.drawText(
        QRectF(margin, margin - 22, page.width() - 2 * margin, 18),
        Qt.AlignmentFlag.AlignRight,
        "write the sentence number (3.2) on every box",
    )
    frame = QRectF(
        margin, margin, page.width() - 2 * margin, page.height() - 2 * margin - legend_height
    )
    painter.setPen(QPen(QColor("#444444"), 1.2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(frame)
    small = QFont()
    small.setPointSizeF(9)
    painter.setFont(small)
    metrics = QFontMetricsF(small)
    x = margin
    y = frame.bottom() + 12
    for kind in CLAIM_KINDS:
        box = QRectF(x, y, 16, 11)
        painter.setPen(QPen(QColor(KIND_STROKE[kind]), 1))
        painter.setBrush(QColor(KIND_FILL[kind]))
        painter.drawRect(box)
        painter.setPen(QColor("#222222"))
        width = metrics.horizontalAdvance(kind)
        painter.drawText(QRectF(x + 20, y - 2, width + 4, 14), Qt.AlignmentFlag.AlignLeft, kind)
        x += 20 + width + 24
    painter.drawText(
        QRectF(x, y - 2, page.width() - margin - x, 14),
        Qt.AlignmentFlag.AlignLeft,
        "→ supports     ✕→ attacks",
    )
