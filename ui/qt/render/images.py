"""Images of a map: PNG and PDF drawn from the very scene the app shows, SVG from its state.

Nothing here draws cards or arrows itself: a :class:`~ui.qt.canvas.scene.MapScene`'s own
items do (painted by :func:`ui.qt.render.drawing.draw_scene`, which draws what ``scene.render``
draws), so an export looks exactly like the screen (same cards, same layout for claims
without saved positions, same colours). This module only frames the picture: a title
above, a legend of the kinds, links and authors below, a white page. An SVG is written by
:mod:`argmap.formats.svg` from what the scene shows (where its cards are, which are hidden,
its overlay marks): the same picture as text, with one group per card and arrow, and the
same SVG the command line writes without Qt. PDF, with its
optional handout, is in :mod:`ui.qt.render.pdf`. Files are written atomically
(:mod:`argmap.util.fileio`): the image is drawn into memory, then written in one go.

Works without a display: the command line sets ``QT_QPA_PLATFORM=offscreen`` before the
first Qt object exists, and :func:`ensure_app` creates the QApplication a scene needs.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QUndoStack,
)
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsScene

from argmap.drawing.legend import MIN_WIDTH, Legend, LegendEntry, flow, map_legend
from argmap.drawing.shapes import INK as INK_HEX
from argmap.drawing.shapes import PAGE_MARGIN as MARGIN
from argmap.edit.document import MapDocument
from argmap.formats._common import fail
from argmap.map.model import ArgumentMap
from ui.qt.canvas.items import no_ligatures
from ui.qt.render.drawing import draw_scene

if TYPE_CHECKING:
    from ui.qt.canvas.scene import MapScene

TITLE_SIZE = 20.0
LEGEND_SIZE = 10.5
INK = QColor(INK_HEX)
NO_CACHE = QGraphicsItem.CacheMode.NoCache
MAX_PNG_PIXELS = 64_000_000
"""The largest PNG written: 256 MB as 32-bit pixels, the most Qt's image reader (and so the
app, and many viewers) will open; drawing a bigger one takes minutes and gigabytes."""


def ensure_app() -> QApplication:
    """The running QApplication, or a new one (offscreen when there is no display)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication(["argmap"])


class Framer:
    """Lays out title, map and legend on one page, in scene units (1 unit = 1 px at 100 %)."""

    def __init__(self, scene: QGraphicsScene, source: QRectF, title: str, legend: Legend) -> None:
        self.scene = scene
        self.source = source
        self.title = title
        self.legend = legend
        self.title_font = QFont()
        self.title_font.setPointSizeF(TITLE_SIZE)
        self.title_font.setBold(True)
        no_ligatures(self.title_font)
        self.legend_font = QFont()
        self.legend_font.setPointSizeF(LEGEND_SIZE)
        no_ligatures(self.legend_font)
        title_metrics = QFontMetricsF(self.title_font)
        # Whole units, so the map lands on the pixel grid exactly as it does on screen.
        self.title_height = math.ceil(title_metrics.height() + MARGIN) if title else 0.0
        self.legend_rows = flow(legend.entries(), max(source.width(), MIN_WIDTH), self._entry_width)
        row_height = math.ceil(QFontMetricsF(self.legend_font).height() + 8)
        self.legend_height = len(self.legend_rows) * row_height + (
            MARGIN if self.legend_rows else 0
        )
        self.row_height = row_height
        width = max(
            source.width(),
            title_metrics.horizontalAdvance(title) if title else 0.0,
            max((self._row_width(r) for r in self.legend_rows), default=0.0),
        )
        self.size = QSizeF(
            math.ceil(width + 2 * MARGIN),
            math.ceil(self.title_height + source.height() + self.legend_height + 2 * MARGIN),
        )

    def _entry_width(self, entry: LegendEntry) -> float:
        return entry.width(QFontMetricsF(self.legend_font).horizontalAdvance(entry.label))

    def _row_width(self, row: list[LegendEntry]) -> float:
        return sum(self._entry_width(e) for e in row)

    def paint(self, painter: QPainter) -> None:
        """Draw the whole page at the painter's origin, in scene units."""
        page = QRectF(QPointF(0, 0), self.size)
        painter.fillRect(page, QColor("white"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        y = MARGIN
        if self.title:
            painter.setFont(self.title_font)
            painter.setPen(INK)
            painter.drawText(
                QRectF(MARGIN, y, page.width() - 2 * MARGIN, self.title_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                self.title,
            )
            y += self.title_height
        target = QRectF(MARGIN, y, self.source.width(), self.source.height())
        draw_scene(self.scene, painter, target, self.source)
        y += self.source.height() + MARGIN
        painter.setFont(self.legend_font)
        for row in self.legend_rows:
            x = MARGIN
            for entry in row:
                self._paint_entry(painter, entry, x, y)
                x += self._entry_width(entry)
            y += self.row_height

    def _paint_entry(self, painter: QPainter, entry: LegendEntry, x: float, y: float) -> None:
        kind, label, style = entry.kind, entry.label, entry.style
        h = self.row_height - 8
        mid = y + h / 2
        painter.setPen(INK)
        if kind == "heading":
            bold = QFont(self.legend_font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(QPointF(x, y + QFontMetricsF(bold).ascent()), label)
            painter.setFont(self.legend_font)
            return
        swatch = QRectF(x, y + 1, 26, h - 2)
        if kind == "kind":
            painter.setPen(QPen(QColor(style[1]), 1.5))
            painter.setBrush(QBrush(QColor(style[0])))
            painter.drawRoundedRect(swatch, 4, 4)
        elif kind == "link":
            colour, how = QColor(style[0]), style[1]
            pen = QPen(colour, 2)
            if how == "bar":
                pen.setStyle(Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.drawLine(QPointF(x, mid), QPointF(x + 24, mid))
                painter.setPen(QPen(colour, 2.5))
                painter.drawLine(QPointF(x + 25, mid - 5), QPointF(x + 25, mid + 5))
            else:
                if how == "double":
                    pen.setWidthF(1.3)
                    painter.setPen(pen)
                    painter.drawLine(QPointF(x, mid - 2), QPointF(x + 21, mid - 2))
                    painter.drawLine(QPointF(x, mid + 2), QPointF(x + 21, mid + 2))
                else:
                    painter.setPen(pen)
                    painter.drawLine(QPointF(x, mid), QPointF(x + 22, mid))
                head = QPainterPath(QPointF(x + 26, mid))
                head.lineTo(x + 20, mid - 4)
                head.lineTo(x + 20, mid + 4)
                head.closeSubpath()
                painter.fillPath(head, colour)
        elif kind == "author":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(style[0])))
            painter.drawEllipse(QRectF(x + 6, y + 1, h - 2, h - 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(INK)
        painter.drawText(QPointF(x + 34, y + QFontMetricsF(self.legend_font).ascent()), label)


class SceneHolder:
    """A scene for a map that is not open in the app, with everything it needs kept alive.

    It is the app's own scene class, built non-interactive: the same cards, arrows and
    layout, without the selection, hover and pixmap-cache set-up only a view would use.
    """

    def __init__(self, amap: ArgumentMap, *, printed: bool = False) -> None:
        """``printed``: cards drawn for print (the handout's), with a larger header."""
        from ui.qt.canvas.scene import MapScene

        self.doc = MapDocument(amap)
        self.undo_stack = QUndoStack()
        self.scene = MapScene(self.doc, self.undo_stack, interactive=False, printed=printed)


def export_image(
    amap: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    scale: float = 1.0,
    handout: bool = False,
    title: str | None = None,
    proposals: bool = False,
) -> None:
    """Draw ``amap`` to ``path`` (.svg, .png or .pdf) as the app would show it."""
    if Path(path).suffix.lower() == ".svg":  # no scene needed: see argmap.formats.svg
        from argmap.formats.svg import map_svg

        _write_bytes(path, map_svg(amap, title))
        return
    ensure_app()
    if handout and Path(path).suffix.lower() == ".pdf":  # views only: no whole-map scene
        from ui.qt.render.handout import write_handout_pdf

        write_handout_pdf(amap, path, amap.title if title is None else title, proposals)
        return
    holder = SceneHolder(amap)
    export_scene(
        holder.scene, amap, path, scale=scale, handout=handout, title=title, proposals=proposals
    )


def export_scene(
    scene: QGraphicsScene,
    amap: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    scale: float = 1.0,
    handout: bool = False,
    title: str | None = None,
    proposals: bool = False,
) -> None:
    """Draw an existing scene (the one on screen) with a title and legend to ``path``.

    Selection (cards and arrows) is cleared and the background made white for the drawing
    and both restored after, so an export never shows what happened to be selected or the
    dark theme's canvas, and leaves the user's selection as it was.
    """
    from ui.qt.canvas.scene import MapScene

    suffix = Path(path).suffix.lower()
    if suffix == ".svg":
        if not isinstance(scene, MapScene):
            raise fail(str(path), "an SVG is drawn from a map's scene")
        _write_svg(scene, amap, path, title)
        return
    source = _content_rect(scene)
    framer = Framer(scene, source, amap.title if title is None else title, map_legend(amap))
    map_scene = scene if isinstance(scene, MapScene) else None
    selected = scene.selectedItems()
    selected_links = map_scene.selected_link_ids() if map_scene is not None else []
    background = scene.backgroundBrush()
    scene.clearSelection()  # a MapScene's clears its arrows too
    scene.setBackgroundBrush(QBrush(QColor("white")))
    # Cards cache themselves as screen pixmaps for fast panning; an export must draw real
    # vectors and text (a cached pixmap would land in the SVG/PDF as a blurry image).
    items = map_scene.claim_items() if map_scene is not None else scene.items()
    cached = [(item, item.cacheMode()) for item in items if item.cacheMode() != NO_CACHE]
    for item, _ in cached:
        item.setCacheMode(NO_CACHE)
    try:
        if suffix == ".png":
            _write_png(framer, path, scale)
        elif suffix == ".pdf":
            from ui.qt.render.pdf import write_pdf  # PDF classes only when needed

            write_pdf(framer, path, amap, handout, proposals)
        else:
            raise fail(str(path), "images are .svg, .png or .pdf")
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)
        scene.setBackgroundBrush(background)
        for item in selected:
            item.setSelected(True)
        if map_scene is not None:
            for link_id in selected_links:
                map_scene.select_link(link_id, add=True)


def _content_rect(scene: QGraphicsScene) -> QRectF:
    rect = scene.content_rect() if hasattr(scene, "content_rect") else scene.itemsBoundingRect()
    assert isinstance(rect, QRectF)
    return rect


def png_size(framer: Framer, scale: float) -> QSize:
    """Pixel size of a PNG at ``scale`` (what ``--scale`` promises)."""
    return QSize(
        max(1, round(framer.size.width() * scale)), max(1, round(framer.size.height() * scale))
    )


def _write_svg(
    scene: MapScene, amap: ArgumentMap, path: str | os.PathLike[str], title: str | None
) -> None:
    """The map scene's picture as argmap.formats.svg writes it: the cards where the scene draws
    them, its arrows routed as it routes them, without the claims it hides, with its
    overlay marks (selection and search highlights are never part of an export)."""
    from argmap.formats.svg import map_svg

    placed = {cid: (p.x, p.y) for cid, p in scene.current_positions().items()}
    hidden = [item.claim_id for item in scene.claim_items() if not item.isVisible()]
    routes = {item.link_id: r for item in scene.link_items() if (r := item.route()) is not None}
    data = map_svg(
        amap, title, placed=placed, hidden=hidden, marks=scene.overlay_marks(), routes=routes
    )
    _write_bytes(path, data)


def _write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    from argmap.formats.registry import write_atomic

    write_atomic(path, data)


def _write_png(framer: Framer, path: str | os.PathLike[str], scale: float) -> None:
    size = png_size(framer, scale)
    pixels = size.width() * size.height()
    if pixels > MAX_PNG_PIXELS:
        fits = math.floor(scale * math.sqrt(MAX_PNG_PIXELS / pixels) * 100) / 100
        hint = f"--scale {fits:g} or " if fits >= 0.05 else ""
        raise fail(
            str(path),
            f"a {size.width()}x{size.height()} image ({pixels / 1e6:.0f} megapixels) is more "
            f"than Qt's image reader and many viewers open ({MAX_PNG_PIXELS // 1_000_000} "
            f"megapixels); use {hint}SVG or PDF, which stay sharp at any size",
        )
    from PySide6.QtGui import QImage  # only PNG needs it

    # opaque (the page is white): no alpha channel to encode, a quarter less to compress
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(size.width() / framer.size.width(), size.height() / framer.size.height())
    framer.paint(painter)
    painter.end()
    # The resolution is set only after drawing: fonts are sized in points, so an image that
    # already claimed 2x the dpi while being drawn would grow its text twice (once by the
    # dpi, once by the painter's scale) and the legend's text would overrun its swatches.
    # Recorded now, it tells a word processor the picture's physical size at --scale.
    image.setDotsPerMeterX(round(3780 * scale))
    image.setDotsPerMeterY(round(3780 * scale))
    device = new_buffer()
    # Qt's PNG quality is zlib's effort: 80 (level 2) encodes in about half the time of the
    # default for a file a few per cent larger than level 6 (measured on a 1374x1982 view)
    if not image.save(device, "PNG", PNG_QUALITY):  # type: ignore[call-overload]
        raise fail(str(path), "cannot encode the PNG image")
    write_buffer(path, device)


PNG_QUALITY = 80
"""Qt's PNG "quality" (0: smallest file, slowest; 100: no compression)."""


def write_buffer(path: str | os.PathLike[str], device: QBuffer) -> None:
    """Write what was drawn into ``device`` to ``path`` through argmap's atomic write
    (a temporary file in the same folder, fsynced, renamed over the target): a failed or
    interrupted export never leaves half an image, and errors carry the OS's reason."""
    _write_bytes(path, bytes(device.data().data()))


def new_buffer() -> QBuffer:
    device = QBuffer()
    device.open(QIODevice.OpenModeFlag.WriteOnly)
    return device
