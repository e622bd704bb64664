"""PDF export: the framed map on a page of its own size, or a printable handout.

The handout (the map's views as whole parts, the positions, the quotes) is drawn by
:mod:`ui.qt.render.handout`. Split from :mod:`ui.qt.render.images` so SVG and PNG
exports never load the PDF classes (``QPageSize`` alone brings some 120 enum members),
which would cost their start-up.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QPointF, QSizeF
from PySide6.QtGui import (
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPicture,
)

from argmap.formats._common import fail
from ui.qt.render.images import Framer, new_buffer, write_buffer

if TYPE_CHECKING:
    from argmap.map.model import ArgumentMap

MAX_PDF_POINTS = 14400.0
"""Longest page side PDF readers accept (200 inches); bigger maps are scaled down to it."""


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
