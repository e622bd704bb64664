"""Draw a map scene's cards and arrows onto a painter, as ``QGraphicsScene.render`` does.

An image export used to hand the map to ``scene.render``. That is right but slow for what
an export needs: Qt calls back into Python for every item's bounding rect and paint, and
saves and restores the painter around every item. On an SVG or PDF painter each restore
is a state change the engine writes out, so an SVG of a 2,000-card map carried some 8,000
empty ``<g>`` groups, and writing and parsing them was a good part of the export's time.

:func:`draw_scene` paints the same items in the same order with the same transforms,
options and background, and calls each item's ``paint`` directly, without saving the
painter around it. That is safe for the map's own items (:class:`ClaimItem`,
:class:`LinkItem`), which set every pen, brush and font they draw with; any other item
(an editor open on a card, a link being drawn) makes it fall back to ``scene.render``.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem

_BOUNDING = Qt.ItemSelectionMode.IntersectsItemBoundingRect
_BOTTOM_FIRST = Qt.SortOrder.AscendingOrder
_NO_CACHE = QGraphicsItem.CacheMode.NoCache


def draw_scene(scene: QGraphicsScene, painter: QPainter, target: QRectF, source: QRectF) -> None:
    """Paint ``source`` of ``scene`` into ``target``, keeping the aspect ratio.

    The picture is the one ``scene.render(painter, target, source, KeepAspectRatio)``
    paints (tests compare them pixel for pixel); only the painter calls around the items
    are fewer.
    """
    items = scene.items(source, _BOUNDING, _BOTTOM_FIRST)
    if not _own_items_only(items):
        scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
        return
    ratio = min(target.width() / source.width(), target.height() / source.height())
    painter.save()
    painter.setClipRect(target, Qt.ClipOperation.IntersectClip)
    view = QTransform(painter.worldTransform())
    view = (
        QTransform()
        .translate(target.left(), target.top())
        .scale(ratio, ratio)
        .translate(-source.left(), -source.top())
        * view
    )
    painter.setWorldTransform(view)
    scene.drawBackground(painter, source)
    option = QStyleOptionGraphicsItem()
    for item in items:
        if not item.isVisible():
            continue
        bounds = item.boundingRect()
        if bounds.isEmpty():
            continue
        # With no view, Qt exposes an item's whole bounding rect to it.
        option.exposedRect = bounds
        painter.setWorldTransform(item.sceneTransform() * view)
        item.paint(painter, option, None)
    painter.restore()


def _own_items_only(items: list[QGraphicsItem]) -> bool:
    """True when every item is a map card or arrow that paints for real (no pixmap cache),
    without children or opacity of its own."""
    from ui.qt.canvas.items import ClaimItem
    from ui.qt.canvas.links import LinkItem

    for item in items:
        if type(item) not in (ClaimItem, LinkItem):
            return False
        if item.cacheMode() != _NO_CACHE or item.opacity() != 1.0 or item.childItems():
            return False
    return True
