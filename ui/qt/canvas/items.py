"""Claim cards: the things a map is made of (arrows are in :mod:`ui.qt.canvas.links`).

Items only *show* a claim or a link; they never change the document. A card's geometry
(its height from the wrapped label) is computed once per text change, together with the
wrapped label itself (a prepared ``QTextLayout``), which a card made for an export keeps so
that painting never wraps text again: the screen paints cards through
``DeviceCoordinateCache``, but an SVG or PDF export paints every card for real, and
wrapping every label twice was most of its time. When zoomed far out a card paints as a
plain coloured block (level of detail), which keeps the overview and "fit all" of big maps
cheap and legible; an overlay mark stays visible there as a coloured frame.
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
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from typing_extensions import override

from argmap.drawing.layout import CARD_WIDTH
from argmap.drawing.shapes import (
    BADGE_CORNER,
    BORDER_WIDTH,
    CORNER,
    HANDLE_RADIUS,
    HANDLE_REACH,
    HEADER,
    MARK_REACH,
    NO_AUTHOR_COLOR,
    PAD,
    PRINT_HEADER,
    PRINT_HEADER_PX,
    STRIPE,
    TEXT_WIDTH,
    card_author_name,
    card_height,
    washed,
)
from argmap.drawing.shapes import TEXT_COLOR as TEXT_HEX
from argmap.map.model import Author, Claim
from argmap.map.palette import KIND_FILL, KIND_LABEL, KIND_STROKE

__all__ = [
    "HEADER",
    "PAD",
    "STRIPE",
    "TEXT_WIDTH",
    "ClaimItem",
    "Mark",
    "card_author_name",
    "card_height",
    "label_font",
    "label_layout",
    "measure_card",
]

SELECT_COLOR = QColor("#1565c0")
HIGHLIGHT_COLOR = QColor("#ffd600")
TEXT_COLOR = QColor(TEXT_HEX)
LOW_DETAIL = 0.4
"""Below this zoom a card is drawn as a coloured block without text."""
MARK_BAND_PX = 4.0
"""Width in screen pixels of an overlay mark's frame on a far-out card."""


@cache
def label_font() -> QFont:
    """The label font (pixel-sized, so card sizes and layouts are the same on every screen).

    Created lazily: a QFont made before the QApplication crashes the process.
    """
    font = QFont()
    font.setPixelSize(14)  # 10.5 pt at 96 dpi: readable on a projector at 100 %
    no_ligatures(font)
    return font


def no_ligatures(font: QFont) -> None:
    """Draw "fi" as two letters: a PDF maps a ligature glyph back to one character ("ﬁ"),
    so text copied or searched in an exported map would not match what the card says."""
    font.setFeature(QFont.Tag("liga"), 0)


@cache
def header_font() -> QFont:
    font = QFont()
    font.setPixelSize(10)
    font.setBold(True)
    no_ligatures(font)
    return font


@cache
def print_header_font() -> QFont:
    """A printed card's kind badge: bold, as large as the label (see
    :data:`argmap.drawing.shapes.PRINT_HEADER_PX`)."""
    font = QFont()
    font.setPixelSize(round(PRINT_HEADER_PX))
    font.setBold(True)
    no_ligatures(font)
    return font


@cache
def print_name_font() -> QFont:
    """A printed card's author's name: as large as the label, regular weight, so that a
    name beside a badge of that size is cut short less often than a bold one would be."""
    font = QFont()
    font.setPixelSize(round(PRINT_HEADER_PX))
    no_ligatures(font)
    return font


MIN_NAME_LETTERS = 3
"""Fewest letters of an author's name a printed card shows: one cut to less ("F…") says
nothing the author's stripe does not, so the card shows its kind alone."""


@cache
def _label_metrics() -> QFontMetricsF:
    return QFontMetricsF(label_font())


@cache
def _wrap_option() -> QTextOption:
    """Wrap at word boundaries, and inside a word only when one word is wider than the card
    (a URL, a long compound): cut at the card's edge it would lose its end unseen."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


def label_text(text: str) -> str:
    """The label as laid out: newlines as line separators, tabs as spaces (the SVG writer
    does the same, :func:`argmap.drawing.textmetrics.wrap`)."""
    return text.replace("\n", "\u2028").replace("\t", " ")


def label_layout(text: str) -> tuple[QTextLayout, float, bool]:
    """``text`` wrapped to the card's text width, its height, and whether a line overflows.

    Lines are placed exactly as ``QPainter.drawText(rect, TextWordWrap, text)`` places them
    (leading between lines, each line on a whole unit), so a card drawn from this layout
    looks like one drawn with ``drawText``. Glyph caching stays on: ``draw`` then reuses the
    shaped glyphs instead of shaping the text again on every paint.
    """
    # A tab is a space on a card (tab stops in a 193-pixel label only leave holes).
    layout = QTextLayout(label_text(text), label_font())
    layout.setTextOption(_wrap_option())
    layout.setCacheEnabled(True)
    leading = _label_metrics().leading()
    height = -leading
    widest = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(TEXT_WIDTH)
        height = math.ceil(height + leading)
        line.setPosition(QPointF(0.0, height))
        height += line.height()
        widest = max(widest, line.naturalTextWidth())
    layout.endLayout()
    return layout, max(0.0, height), widest > TEXT_WIDTH


def measure_card(text: str) -> tuple[float, float]:
    """(width, height) of the card for ``text``: the wrapped label decides the height."""
    return CARD_WIDTH, card_height(label_layout(text)[1])


@cache
def _color(hex_color: str) -> QColor:
    """Colours by hex string, parsed once (cards are painted by the thousand)."""
    return QColor(hex_color)


@cache
def _kind_look(
    kind: str, proposal: bool, printed: bool = False
) -> tuple[QColor, QColor, str, float]:
    """Fill, stroke, badge text and badge width of a kind (the same on every card, and on
    every printed card)."""
    hex_fill = KIND_FILL[kind]  # type: ignore[index]
    # a proposal is washed out, but opaque: arrows behind must not cross the text
    fill = _color(washed(hex_fill) if proposal else hex_fill)
    badge = KIND_LABEL[kind].upper()  # type: ignore[index]
    font = print_header_font() if printed else header_font()
    width = QFontMetricsF(font).horizontalAdvance(badge) + 10
    return fill, _color(KIND_STROKE[kind]), badge, width  # type: ignore[index]


@cache
def _stripe_path(width: float, height: float) -> QPainterPath:
    """The author stripe of a card this size: its left edge, clipped to the rounded card."""
    rect = QRectF(-width / 2, -height / 2, width, height)
    clip = QPainterPath()
    clip.addRoundedRect(rect.adjusted(1, 1, -1, -1), CORNER - 1, CORNER - 1)
    stripe = QPainterPath()
    stripe.addRect(QRectF(rect.left(), rect.top(), STRIPE, rect.height()))
    return clip.intersected(stripe)


_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_RIGHT_MIDDLE = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_NO_PEN = Qt.PenStyle.NoPen
_NO_BRUSH = Qt.BrushStyle.NoBrush
_ANTIALIAS = QPainter.RenderHint.Antialiasing
_WHITE = QColor("white")
_NO_AUTHOR = QColor(NO_AUTHOR_COLOR)


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

    def __init__(
        self,
        claim: Claim,
        author: Author | None,
        interactive: bool = True,
        printed: bool = False,
    ) -> None:
        """``interactive=False`` makes a card only to be drawn (an export's scene): no
        selection, dragging, hover or pixmap cache, which it would never use.
        ``printed`` makes a card for print (the handout): its header is as large as its
        label (:data:`argmap.drawing.shapes.PRINT_HEADER_PX`), in a band
        :data:`~argmap.drawing.shapes.PRINT_HEADER` high, and its author's name is left out
        where the badge leaves room for fewer than :data:`MIN_NAME_LETTERS` of it."""
        super().__init__()
        self.claim = claim
        self.author = author
        self.mark: Mark | None = None
        self.highlighted = False
        self.hover_handle = False
        self._hovered = False
        self._rect = QRectF()
        self._size = (0.0, 0.0)
        self._interactive = interactive
        self._printed = printed
        self._header = PRINT_HEADER if printed else HEADER
        self._label: QTextLayout | None = None
        self._label_clipped = False
        self._name: tuple[str, float] | None = None  # (elided author name, for this width)
        if interactive:
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
        self._name = None
        if text_changed:
            self._relayout()
        self._repaint()

    def set_author(self, author: Author | None) -> None:
        self.author = author
        self._name = None
        self._repaint()

    def set_mark(self, mark: Mark | None) -> None:
        if (mark is None) != (self.mark is None):
            self.prepareGeometryChange()  # a marked card reaches further (ring, badge)
        self.mark = mark
        self._repaint()

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.prepareGeometryChange()
            self.highlighted = on
            self._repaint()

    def _repaint(self) -> None:
        """Schedule a repaint and drop the cached pixmaps of this card.

        ``update()`` alone is not enough: the device cache keeps one pixmap per view *and*
        one for ``QGraphicsScene.render`` (an export, a thumbnail), and once any of them
        has been refreshed the others count as clean and would show the old look. Setting
        the cache mode again purges them all.
        """
        mode = self.cacheMode()
        if mode != QGraphicsItem.CacheMode.NoCache:
            self.setCacheMode(mode)
        self.update()

    def _relayout(self) -> None:
        self.prepareGeometryChange()
        label, text_height, self._label_clipped = label_layout(self.claim.text)
        # A card only to be drawn keeps its wrapped label: an export paints each card once,
        # and wrapping the label again there was most of its time. A card on screen paints
        # rarely (its pixmap cache answers pans and drags) and only the few in view, so it
        # wraps again then, instead of holding a layout (about 10 kB) for every card.
        self._label = None if self._interactive else label
        w, h = CARD_WIDTH, card_height(text_height, self._header)
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
        extra = MARK_REACH if (self.mark or self.highlighted) else HANDLE_REACH
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
        proposal = claim.origin.is_proposal
        printed = self._printed
        fill, stroke, badge_text, badge_width = _kind_look(claim.kind, proposal, printed)
        author_color = _color(self.author.color) if self.author else _NO_AUTHOR
        # The scene sets State_Selected exactly when the item is selected; asking the item
        # spares importing QStyle (a class with hundreds of enum members) at start-up.
        selected = self.isSelected()
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())

        if self.highlighted:
            painter.setPen(_NO_PEN)
            painter.setBrush(HIGHLIGHT_COLOR)
            painter.drawRoundedRect(rect.adjusted(-8, -8, 8, 8), 12, 12)
        if lod < LOW_DETAIL:
            self._paint_block(painter, fill, author_color, selected, lod)
            return

        painter.setRenderHint(_ANTIALIAS, True)
        if self.mark is not None:
            painter.setPen(QPen(self.mark.color, 4))
            painter.setBrush(_NO_BRUSH)
            painter.drawRoundedRect(rect.adjusted(-5, -5, 5, 5), 10, 10)
        # card body
        border = QPen(SELECT_COLOR if selected else stroke, 3.0 if selected else BORDER_WIDTH)
        if proposal:
            border.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(border)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, CORNER, CORNER)
        # author stripe, clipped to the rounded card
        painter.fillPath(_stripe_path(rect.width(), rect.height()), author_color)
        # header: kind badge, author name, confidence of a proposal
        left = rect.left() + STRIPE + PAD
        top = rect.top() + PAD - 2
        band = self._header - 2
        painter.setFont(print_header_font() if printed else header_font())
        badge = QRectF(left, top, badge_width, band)
        painter.setPen(_NO_PEN)
        painter.setBrush(stroke)
        painter.drawRoundedRect(badge, BADGE_CORNER, BADGE_CORNER)
        painter.setPen(_WHITE)
        painter.drawText(badge, _CENTER, badge_text)
        right = rect.right() - PAD
        if printed:
            painter.setFont(print_name_font())
        if proposal and claim.origin.confidence is not None:
            fm = QFontMetricsF(painter.font())
            conf = f"? {round(claim.origin.confidence * 100)} %"
            cw = fm.horizontalAdvance(conf) + 10
            conf_rect = QRectF(right - cw, top, cw, band)
            painter.setPen(QPen(stroke, 1.0, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(255, 255, 255, 200))
            painter.drawRoundedRect(conf_rect, 4, 4)
            painter.setPen(stroke)
            painter.drawText(conf_rect, _CENTER, conf)
            right -= cw + 6
        if self.author is not None:
            name_rect = QRectF(badge.right() + 6, top, max(0.0, right - badge.right() - 6), band)
            painter.setPen(author_color.darker(130))
            painter.drawText(name_rect, _RIGHT_MIDDLE, self._elided_name(name_rect.width()))
        # the label, wrapped once when the text changed
        painter.setFont(label_font())  # the layout has its own; this keeps SVG groups tidy
        painter.setPen(TEXT_COLOR)
        origin = QPointF(left, top + self._header + 4)
        label = self._label if self._label is not None else label_layout(claim.text)[0]
        if self._label_clipped:  # a word wider than the card: cut at the card, as drawText does
            painter.save()
            painter.setClipRect(
                QRectF(origin.x(), origin.y(), TEXT_WIDTH, rect.bottom() - origin.y()),
                Qt.ClipOperation.IntersectClip,
            )
            label.draw(painter, origin)
            painter.restore()
        else:
            label.draw(painter, origin)
        if self.mark is not None and self.mark.text:
            painter.setFont(header_font())
            mw = QFontMetricsF(header_font()).horizontalAdvance(self.mark.text) + 12
            mark_rect = QRectF(rect.right() - mw + 6, rect.top() - 12, mw, 16)
            painter.setPen(_NO_PEN)
            painter.setBrush(self.mark.color)
            painter.drawRoundedRect(mark_rect, 8, 8)
            painter.setPen(_WHITE)
            painter.drawText(mark_rect, _CENTER, self.mark.text)
        if self._hovered or selected:
            c = self.handle_center()
            painter.setPen(QPen(_WHITE, 2))
            painter.setBrush(SELECT_COLOR if self.hover_handle else stroke)
            r = HANDLE_RADIUS + (1.5 if self.hover_handle else 0.0)
            painter.drawEllipse(c, r, r)

    def _elided_name(self, width: float) -> str:
        """The author's name cut to ``width`` (kept until the author or the claim changes)."""
        if self._name is None or self._name[1] != width:
            assert self.author is not None
            font = print_name_font() if self._printed else header_font()
            name = QFontMetricsF(font).elidedText(
                card_author_name(self.author.name), Qt.TextElideMode.ElideRight, width
            )
            if self._printed and len(name.rstrip("…")) < MIN_NAME_LETTERS:
                name = ""
            self._name = (name, width)
        return self._name[0]

    def _paint_block(
        self, painter: QPainter, fill: QColor, author_color: QColor, selected: bool, lod: float
    ) -> None:
        """The far-out look: a coloured block with the author's stripe.

        An overlay mark becomes a frame in the mark's colour, at least a few screen pixels
        wide (up to the whole card when zoomed out further), so "what stands" can be read
        off a whole map at "fit all", where the ring and badge of the detailed card would be
        a hairline.
        """
        rect = self._rect
        if self.mark is not None:
            band = min(rect.height() / 2, MARK_BAND_PX / max(lod, 1e-6))
            painter.setPen(_NO_PEN)
            painter.setBrush(self.mark.color)
            painter.drawRect(rect.adjusted(-7, -7, 7, 7))
            rect = rect.adjusted(band, band, -band, -band)
        painter.setPen(QPen(SELECT_COLOR, 6) if selected else _NO_PEN)
        painter.setBrush(fill)
        if rect.height() > 0:
            painter.drawRect(rect)
        painter.fillRect(
            QRectF(self._rect.left(), self._rect.top(), STRIPE * 2, self._rect.height()),
            author_color,
        )
