"""Claim cards: the things a map is made of (arrows are in :mod:`ui.qt.canvas.links`).

Items only *show* a claim or a link; they never change the document. A card's geometry
(its height from the wrapped label) is computed once per text change, and cards paint
through ``DeviceCoordinateCache`` so that panning and dragging a 5,000-claim map never lays
out text again. When zoomed far out a card paints as a plain coloured block (level of
detail), which keeps the overview and "fit all" of big maps cheap and legible.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget
from typing_extensions import override

from argmap.layout import CARD_MIN_HEIGHT, CARD_WIDTH
from argmap.model import Author, Claim
from argmap.palette import KIND_FILL, KIND_LABEL, KIND_STROKE

STRIPE = 7.0
"""Width of the author stripe on a card's left edge."""
PAD = 10.0
HEADER = 17.0
TEXT_WIDTH = CARD_WIDTH - STRIPE - 2 * PAD
HANDLE_RADIUS = 7.0
"""The link handle: a dot on the top edge (links run upwards, premise to conclusion)."""
SELECT_COLOR = QColor("#1565c0")
HIGHLIGHT_COLOR = QColor("#ffd600")
TEXT_COLOR = QColor("#1b1b1b")
LOW_DETAIL = 0.4
"""Below this zoom a card is drawn as a coloured block without text."""


@cache
def label_font() -> QFont:
    """The label font (pixel-sized, so card sizes and layouts are the same on every screen).

    Created lazily: a QFont made before the QApplication crashes the process.
    """
    font = QFont()
    font.setPixelSize(14)  # 10.5 pt at 96 dpi: readable on a projector at 100 %
    return font


@cache
def header_font() -> QFont:
    font = QFont()
    font.setPixelSize(10)
    font.setBold(True)
    return font


@cache
def _label_metrics() -> QFontMetricsF:
    return QFontMetricsF(label_font())


def measure_card(text: str) -> tuple[float, float]:
    """(width, height) of the card for ``text``: the wrapped label decides the height."""
    rect = _label_metrics().boundingRect(
        QRectF(0, 0, TEXT_WIDTH, 1e6), int(Qt.TextFlag.TextWordWrap), text
    )
    height = PAD + HEADER + 4 + math.ceil(rect.height()) + PAD
    return CARD_WIDTH, max(CARD_MIN_HEIGHT, float(height))


def _washed(color: QColor) -> QColor:
    """Half way to white: the "not yet reviewed" look of a proposal's fill."""
    return QColor((color.red() + 255) // 2, (color.green() + 255) // 2, (color.blue() + 255) // 2)


@dataclass
class Mark:
    """An overlay mark on a card (grounded-labelling status and the like)."""

    color: QColor
    text: str


class ClaimItem(QGraphicsItem):
    """A claim card centred on its position: kind fill, author stripe, kind badge, label.

    The card does not report its moves (no ``itemChange`` override, which would cost a
    Python call for every geometry change of every card): the scene re-routes a card's
    arrows when it moves the card, and the view does when it drags cards.
    """

    def __init__(self, claim: Claim, author: Author | None) -> None:
        super().__init__()
        self.claim = claim
        self.author = author
        self.mark: Mark | None = None
        self.highlighted = False
        self.hover_handle = False
        self._hovered = False
        self._rect = QRectF()
        self._size = (0.0, 0.0)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
        )
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1.0)
        self._relayout()

    # ------------------------------------------------------------------ state
    @property
    def claim_id(self) -> str:
        return self.claim.id

    def set_claim(self, claim: Claim, author: Author | None) -> None:
        """Show a changed claim; the size changes only if the text did."""
        text_changed = claim.text != self.claim.text
        self.claim = claim
        self.author = author
        if text_changed:
            self._relayout()
        self.update()

    def set_author(self, author: Author | None) -> None:
        self.author = author
        self.update()

    def set_mark(self, mark: Mark | None) -> None:
        self.prepareGeometryChange()
        self.mark = mark
        self.update()

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.prepareGeometryChange()
            self.highlighted = on
            self.update()

    def _relayout(self) -> None:
        self.prepareGeometryChange()
        w, h = measure_card(self.claim.text)
        self._size = (w, h)
        self._rect = QRectF(-w / 2, -h / 2, w, h)

    def card_rect(self) -> QRectF:
        """The card itself in item coordinates (without halo and badges)."""
        return QRectF(self._rect)

    def size(self) -> tuple[float, float]:
        return self._size

    def handle_center(self) -> QPointF:
        return QPointF(0.0, self._rect.top())

    def on_handle(self, item_pos: QPointF) -> bool:
        """Is ``item_pos`` on the link handle (a little generously, for touchpads)?"""
        d = item_pos - self.handle_center()
        return math.hypot(d.x(), d.y()) <= HANDLE_RADIUS + 4

    # ------------------------------------------------------------------ Qt overrides
    @override
    def boundingRect(self) -> QRectF:
        extra = 12.0 if (self.mark or self.highlighted) else HANDLE_RADIUS + 2
        return self._rect.adjusted(-extra, -extra - 6, extra, extra)

    @override
    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._rect.adjusted(0, -HANDLE_RADIUS, 0, 0))
        return path

    @override
    def hoverEnterEvent(self, event: Any) -> None:
        self._hovered = True
        self.update()
        super().hoverEnterEvent(event)

    @override
    def hoverMoveEvent(self, event: Any) -> None:
        on = self.on_handle(event.pos())
        if on != self.hover_handle:
            self.hover_handle = on
            self.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)
            self.update()
        super().hoverMoveEvent(event)

    @override
    def hoverLeaveEvent(self, event: Any) -> None:
        self._hovered = False
        self.hover_handle = False
        self.unsetCursor()
        self.update()
        super().hoverLeaveEvent(event)

    @override
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        claim = self.claim
        rect = self._rect
        fill = QColor(KIND_FILL[claim.kind])
        stroke = QColor(KIND_STROKE[claim.kind])
        author_color = QColor(self.author.color) if self.author else QColor("#9e9e9e")
        proposal = claim.origin.is_proposal
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())

        if self.highlighted:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(HIGHLIGHT_COLOR)
            painter.drawRoundedRect(rect.adjusted(-8, -8, 8, 8), 12, 12)
        if lod < LOW_DETAIL:
            painter.setPen(QPen(SELECT_COLOR, 6) if selected else Qt.PenStyle.NoPen)
            painter.setBrush(fill if not proposal else _washed(fill))
            painter.drawRect(rect)
            painter.fillRect(
                QRectF(rect.left(), rect.top(), STRIPE * 2, rect.height()), author_color
            )
            return

        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if proposal:  # washed out, but opaque: arrows behind must not cross the text
            fill = _washed(fill)
        if self.mark is not None:
            painter.setPen(QPen(self.mark.color, 4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-5, -5, 5, 5), 10, 10)
        # card body
        border = QPen(SELECT_COLOR if selected else stroke, 3.0 if selected else 1.4)
        if proposal:
            border.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(border)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 6, 6)
        # author stripe, clipped to the rounded card
        clip = QPainterPath()
        clip.addRoundedRect(rect.adjusted(1, 1, -1, -1), 5, 5)
        stripe = QPainterPath()
        stripe.addRect(QRectF(rect.left(), rect.top(), STRIPE, rect.height()))
        painter.fillPath(clip.intersected(stripe), author_color)
        # header: kind badge, author name, confidence of a proposal
        left = rect.left() + STRIPE + PAD
        top = rect.top() + PAD - 2
        painter.setFont(header_font())
        fm = QFontMetricsF(header_font())
        badge_text = KIND_LABEL[claim.kind].upper()
        badge = QRectF(left, top, fm.horizontalAdvance(badge_text) + 10, HEADER - 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(stroke)
        painter.drawRoundedRect(badge, 4, 4)
        painter.setPen(QColor("white"))
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), badge_text)
        right = rect.right() - PAD
        if proposal and claim.origin.confidence is not None:
            conf = f"? {round(claim.origin.confidence * 100)} %"
            cw = fm.horizontalAdvance(conf) + 10
            conf_rect = QRectF(right - cw, top, cw, HEADER - 2)
            painter.setPen(QPen(stroke, 1.0, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(255, 255, 255, 200))
            painter.drawRoundedRect(conf_rect, 4, 4)
            painter.setPen(stroke)
            painter.drawText(conf_rect, int(Qt.AlignmentFlag.AlignCenter), conf)
            right -= cw + 6
        if self.author is not None:
            name_rect = QRectF(
                badge.right() + 6, top, max(0.0, right - badge.right() - 6), HEADER - 2
            )
            name = fm.elidedText(self.author.name, Qt.TextElideMode.ElideRight, name_rect.width())
            painter.setPen(author_color.darker(130))
            painter.drawText(
                name_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), name
            )
        # the label
        painter.setFont(label_font())
        painter.setPen(TEXT_COLOR)
        text_rect = QRectF(left, top + HEADER + 4, TEXT_WIDTH, rect.bottom() - top - HEADER - 4)
        painter.drawText(
            text_rect,
            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            claim.text,
        )
        if self.mark is not None and self.mark.text:
            painter.setFont(header_font())
            mw = fm.horizontalAdvance(self.mark.text) + 12
            mark_rect = QRectF(rect.right() - mw + 6, rect.top() - 12, mw, 16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.mark.color)
            painter.drawRoundedRect(mark_rect, 8, 8)
            painter.setPen(QColor("white"))
            painter.drawText(mark_rect, int(Qt.AlignmentFlag.AlignCenter), self.mark.text)
        if self._hovered or selected:
            c = self.handle_center()
            painter.setPen(QPen(QColor("white"), 2))
            painter.setBrush(SELECT_COLOR if self.hover_handle else stroke)
            r = HANDLE_RADIUS + (1.5 if self.hover_handle else 0.0)
            painter.drawEllipse(c, r, r)
