"""The pictures of the key overlay: a ghost card for a key claim the student missed, a tag
on a student's card or arrow, and a ghost arrow for a key link the student did not draw.

All of them are scene items the overlay adds and removes; none is a card of the map, so
nothing here can change the student's map (they are not selectable, not movable, and the
scene's own lists of cards and arrows never hold them).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)
from typing_extensions import override

from argmap.drawing.layout import CARD_WIDTH

GHOST_HEIGHT = 96.0
GHOST_Z = 0.5
TAG_Z = 3.0
TAG_COLOR = {"not in key": "#e66100", "reversed": "#8e44ad", "wrong kind": "#b7950b"}
"""Tag colours by what is wrong (orange, purple, ochre: apart from the kind fills)."""
GHOST_STROKE = "#7a7a7a"


def _font(px: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(int(px))
    font.setBold(bold)
    return font


class GhostCard(QGraphicsItem):
    """A key claim the student has not mapped: a dashed card naming where its quote is
    (paragraph.sentence, as the worksheet numbers them) until revealed, then its kind,
    the key's label and the quote: a hint, one at a time."""

    def __init__(self, key_id: str, where: str) -> None:
        super().__init__()
        self.key_id = key_id
        self.where = where
        self.revealed = False
        self.kind = ""
        self.label = ""
        self.quote = ""
        self._rect = QRectF(-CARD_WIDTH / 2, -GHOST_HEIGHT / 2, CARD_WIDTH, GHOST_HEIGHT)
        self.setZValue(GHOST_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setToolTip("A key claim missing from this map: double-click for a hint")
        # A double-click on it is caught by the overlay's filter on the view, which would
        # otherwise make a new card there (:class:`ui.qt.features.keyoverlay.KeyOverlay`).

    def reveal(self, kind: str, label: str, quote: str) -> None:
        self.revealed = True
        self.kind, self.label, self.quote = kind, label, quote
        self.setToolTip(f"{kind}: {label}\n“{quote}”")
        self.update()

    def text(self) -> str:
        """What the card says now (for tests and accessibility)."""
        if not self.revealed:
            return f"Missing claim at {self.where}"
        return f"{self.kind}: {self.label} — “{self.quote}”"

    @override
    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    @override
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pen = QPen(QColor(GHOST_STROKE), 1.6, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        fill = QColor("#ffffff")
        fill.setAlphaF(0.92)  # opaque enough that a ghost arrow under it does not cross the text
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(self._rect, 8, 8)
        inner = self._rect.adjusted(10, 8, -10, -8)
        painter.setPen(QColor("#555555"))
        if not self.revealed:
            painter.setFont(_font(14, bold=True))
            painter.drawText(inner, Qt.AlignmentFlag.AlignTop, f"Missing claim · {self.where}")
            painter.setFont(_font(12))
            painter.drawText(inner, Qt.AlignmentFlag.AlignBottom, "double-click for a hint")
            return
        painter.setFont(_font(12, bold=True))
        head = f"{self.kind.upper()} · {self.where}"
        painter.drawText(inner, Qt.AlignmentFlag.AlignTop, head)
        painter.setFont(_font(13))
        metrics = QFontMetricsF(painter.font())
        body = inner.adjusted(0, 18, 0, 0)
        text = metrics.elidedText(
            f"“{self.quote}”", Qt.TextElideMode.ElideRight, body.width() * 3.6
        )
        painter.drawText(body, int(Qt.TextFlag.TextWordWrap), text)

    @override
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # Qt's name
        event.accept()  # a ghost is not a card: no selection, no drag, no link gesture


class Tag(QGraphicsItem):
    """A small coloured tag ("not in key", "reversed", "wrong kind") at a point."""

    def __init__(self, text: str, at: QPointF, parent: QGraphicsItem | None = None) -> None:
        """``at`` is in ``parent``'s coordinates (a card's tag rides along when it is dragged)."""
        super().__init__(parent)
        self.text = text
        font = _font(11, bold=True)
        width = QFontMetricsF(font).horizontalAdvance(text) + 10
        self._rect = QRectF(-width / 2, -9, width, 18)
        self._font = font
        self.setPos(at)
        self.setZValue(TAG_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    @override
    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    @override
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(TAG_COLOR.get(self.text, "#e66100")))
        painter.drawRoundedRect(self._rect, 9, 9)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(self._font)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self.text)


def ghost_link(a: QPointF, b: QPointF, kind: str) -> QGraphicsLineItem:
    """A key link the student has not drawn: a thin dashed line between the two cards."""
    line = QGraphicsLineItem(a.x(), a.y(), b.x(), b.y())
    color = QColor("#2e7d32" if kind == "support" else "#c62828")
    color.setAlphaF(0.55)
    line.setPen(QPen(color, 2.0, Qt.PenStyle.DashLine))
    line.setZValue(GHOST_Z - 0.1)
    line.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    line.setToolTip(f"A {kind} link of the key, missing from this map")
    return line
