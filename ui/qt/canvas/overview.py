"""A mini-map of the whole map with the main view's visible area; click or drag to go there.

The overview paints a cached, low-resolution picture of the scene and only redraws that
picture a moment after the scene stops changing, so a drag on a 5,000-claim map costs the
overview nothing per mouse move. Moving the visible-area frame is a cheap repaint.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget
from typing_extensions import override

from ui.qt.canvas.view import MapView


class MapOverview(QWidget):
    """Shows ``view``'s map scaled to fit, with a frame for what the view shows."""

    REFRESH_MS = 250
    MARGIN = 6
    """Pixels between the map picture and the overview's frame."""

    def __init__(self, view: MapView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self._image: QImage | None = None
        self._source = QRectF()
        self._target = QRectF()
        self.setMinimumSize(160, 110)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Overview: click or drag to move the view")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        view.map_scene().changed.connect(self._schedule)
        view.viewport_changed.connect(self.update)

    @override
    def sizeHint(self) -> QSize:
        return QSize(240, 160)

    def _schedule(self, *_: Any) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def refresh(self) -> None:
        """Re-render the map picture now (a hidden overview only forgets its picture: it
        lives in a dock a user may close, and rendering a big map for nobody is waste)."""
        if not self.isVisible():
            self._image = None
            return
        scene = self.view.map_scene()
        source = scene.content_rect()
        size = self.size()
        if size.isEmpty():
            return
        ratio = self.devicePixelRatioF()
        image = QImage(
            int(size.width() * ratio), int(size.height() * ratio), QImage.Format.Format_ARGB32
        )
        image.setDevicePixelRatio(ratio)
        image.fill(scene.backgroundBrush().color())
        # A margin inside the frame: cards at the map's edges drawn against the border
        # looked cut off.
        room_w = max(1.0, size.width() - 2 * self.MARGIN)
        room_h = max(1.0, size.height() - 2 * self.MARGIN)
        scale = min(room_w / source.width(), room_h / source.height())
        w, h = source.width() * scale, source.height() * scale
        target = QRectF((size.width() - w) / 2, (size.height() - h) / 2, w, h)
        painter = QPainter(image)
        scene.render(painter, target, source)
        painter.end()
        self._image, self._source, self._target = image, source, target
        self.update()

    def _to_scene(self, p: QPointF) -> QPointF:
        s, t = self._source, self._target
        if t.width() <= 0 or t.height() <= 0:
            return QPointF()
        return QPointF(
            s.left() + (p.x() - t.left()) * s.width() / t.width(),
            s.top() + (p.y() - t.top()) * s.height() / t.height(),
        )

    def _to_widget(self, rect: QRectF) -> QRectF:
        s, t = self._source, self._target
        if s.width() <= 0 or s.height() <= 0:
            return QRectF()
        kx, ky = t.width() / s.width(), t.height() / s.height()
        return QRectF(
            t.left() + (rect.left() - s.left()) * kx,
            t.top() + (rect.top() - s.top()) * ky,
            rect.width() * kx,
            rect.height() * ky,
        )

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        if self._image is None or self._image.size() != self.size() * self.devicePixelRatioF():
            self.refresh()
        painter = QPainter(self)
        if self._image is not None:
            painter.drawImage(0, 0, self._image)
        if self.view.showing_map():  # another scene (the author view) has no place here
            visible = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
            frame = self._to_widget(visible).intersected(QRectF(self.rect()).adjusted(1, 1, -1, -1))
            painter.setPen(QPen(QColor("#1565c0"), 2))
            painter.setBrush(QColor(21, 101, 192, 30))
            painter.drawRect(frame)
        painter.setPen(QPen(QColor("#9e9e9e"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.view.showing_map():
            self.view.centerOn(self._to_scene(event.position()))
            self.update()

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self.view.showing_map():
            self.view.centerOn(self._to_scene(event.position()))
            self.update()
