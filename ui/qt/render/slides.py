"""Slides of a view: a 16:9 PDF with one page per step of its teaching order.

Every page draws the whole view at the same place and scale, with the cards of later
steps left out (and their arrows), so nothing jumps from one slide to the next: a card
appears where it will stay, and the card a step adds is ringed. The same stepping drives
Present mode (:mod:`ui.qt.features.views`), through :func:`show_step`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from argmap.formats._common import fail
from ui.qt.canvas.items import no_ligatures

if TYPE_CHECKING:
    from argmap.map.model import ArgumentMap, View
    from ui.qt.canvas.scene import MapScene

SLIDE = QSizeF(960.0, 540.0)
"""A 16:9 page in points (13.3 x 7.5 inches, a presentation program's widescreen)."""
MARGIN = 24.0
TITLE_PT = 16.0


def show_step(scene: MapScene, steps: Sequence[str], count: int) -> None:
    """Show the first ``count`` steps of ``steps`` on ``scene``: those cards, the arrows
    between them, and a halo on the newest one; every other card is hidden, not moved."""
    shown = set(steps[:count])
    for item in scene.claim_items():
        item.setVisible(item.claim_id in shown)
    for link in scene.link_items():
        link.setVisible(link.source.isVisible() and link.target.isVisible())
    scene.set_highlight([steps[count - 1]] if 0 < count <= len(steps) else [])


def slide_views(amap: ArgumentMap, name: str | None) -> list[View]:
    """The view called ``name``, or every view of the map (one per question and one per
    author when it has none)."""
    from argmap.analysis.views import default_views, find_view

    if name is not None:
        return [find_view(amap, name)]
    return list(amap.views) or default_views(amap)


def write_slides(
    amap: ArgumentMap,
    views: Sequence[View],
    path: str | os.PathLike[str],
    *,
    proposals: bool = False,
) -> int:
    """Write the slides of ``views`` (one after the other) to ``path``; the page count."""
    from argmap.analysis.views import view_steps
    from argmap.drawing.views import laid_out_view
    from ui.qt.render.drawing import draw_scene
    from ui.qt.render.images import SceneHolder, new_buffer, write_buffer

    device = new_buffer()
    writer = QPdfWriter(device)
    writer.setResolution(72)
    writer.setTitle(amap.title or "argument map")
    writer.setCreator("argmap")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(SLIDE, QPageSize.Unit.Point, "slide", QPageSize.SizeMatchPolicy.ExactMatch),
            QPageLayout.Orientation.Portrait,
            QMarginsF(),
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise fail(str(path), "cannot write the PDF file")
    title_font = QFont()
    title_font.setPointSizeF(TITLE_PT)
    title_font.setBold(True)
    no_ligatures(title_font)
    small = QFont()
    small.setPointSizeF(10.0)
    no_ligatures(small)
    pages = 0
    for view in views:
        part = laid_out_view(amap, view, proposals=proposals)
        if not part.claims:
            continue
        steps = view_steps(part, part.views[0], proposals=True)
        holder = SceneHolder(part)
        scene = holder.scene
        show_step(scene, steps, len(steps))
        source = scene.content_rect()  # the whole view: the same frame on every slide
        top = MARGIN + TITLE_PT + 12
        area = QRectF(MARGIN, top, SLIDE.width() - 2 * MARGIN, SLIDE.height() - top - MARGIN)
        for count in range(1, len(steps) + 1):
            if pages:
                writer.newPage()
            pages += 1
            show_step(scene, steps, count)
            painter.fillRect(QRectF(QPointF(0, 0), SLIDE), QColor("white"))
            painter.setPen(QColor("#222222"))
            painter.setFont(title_font)
            painter.drawText(
                QRectF(MARGIN, MARGIN - 4, SLIDE.width() - 2 * MARGIN - 90, TITLE_PT + 10),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                view.name,
            )
            painter.setFont(small)
            painter.setPen(QColor("#666666"))
            painter.drawText(
                QRectF(SLIDE.width() - MARGIN - 90, MARGIN - 4, 90, TITLE_PT + 10),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"step {count} of {len(steps)}",
            )
            draw_scene(scene, painter, _fitted(area, source), source)
    painter.end()
    if not pages:
        raise fail(str(path), "no view has claims to show")
    write_buffer(path, device)
    return pages


def _fitted(area: QRectF, source: QRectF) -> QRectF:
    """``area`` shrunk to ``source``'s aspect ratio, centred (so every slide agrees)."""
    ratio = min(area.width() / source.width(), area.height() / source.height())
    size = QSizeF(source.width() * ratio, source.height() * ratio)
    return QRectF(
        QPointF(
            area.left() + (area.width() - size.width()) / 2,
            area.top() + (area.height() - size.height()) / 2,
        ),
        size,
    )
