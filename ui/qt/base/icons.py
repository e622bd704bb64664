"""Kind icons drawn at the screen's pixel ratio: the coloured marks that stand for claim
kinds in menus, the legend, the inspector and the article pane.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QPainter,
    QPixmap,
)

from argmap.map.model import ClaimKind
from argmap.map.palette import KIND_FILL, KIND_STROKE


def hidpi_pixmap(width: int, height: int) -> QPixmap:
    """A transparent pixmap of ``width``×``height`` logical pixels at the screen's ratio, so
    hand-drawn icons stay sharp on a high-DPI screen instead of being scaled up."""
    app = QGuiApplication.instance()
    ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    pixmap = QPixmap(round(width * ratio), round(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    return pixmap


def kind_icon(kind: ClaimKind, size: int = 14) -> QIcon:
    """A filled square in a kind's colours, for menus and the legend."""
    pixmap = hidpi_pixmap(size, size)
    painter = QPainter(pixmap)
    painter.setPen(QColor(KIND_STROKE[kind]))
    painter.setBrush(QColor(KIND_FILL[kind]))
    painter.drawRect(QRectF(0.5, 0.5, size - 1, size - 1))
    painter.end()
    return QIcon(pixmap)
