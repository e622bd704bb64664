"""Link arrows: cheap to re-route while dragging, and cheap to paint when long.

Geometry is plain float arithmetic done when a card moves (only the moved cards' arrows);
the head is built on the first detailed paint; painting clips the shaft to the exposed
area first (see :class:`LinkItem`). Zoomed far out an arrow is one hairline.

Arrows are not Qt-selectable (a Qt-selected item is hit and rubber-banded by its bounding
box, which for a diagonal line is mostly empty space); the scene keeps its own set of
selected links, drawn with a halo, and hit-tests arrows by distance to the line.

Look: support is green, solid, with a filled triangle head; attack is red, dashed and
thicker, ending in a flat bar (⊣). The two differ in colour, stroke and head, so they stay
distinct in greyscale and for colour-blind readers. A link across authors is drawn as a
double line (two rails), the comparison the app exists for.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QStyleOptionGraphicsItem,
    QWidget,
)
from typing_extensions import override

from argmap.drawing.shapes import (
    ATTACK_DASH,
    RAIL_GAP,
    arrow_ends,
    arrow_head,
    link_width,
    rails,
    routed_shaft,
)
from argmap.drawing.shapes import direction_at_end as _direction
from argmap.map.model import Link
from argmap.map.palette import LINK_COLOR
from ui.qt.canvas.items import SELECT_COLOR, ClaimItem

__all__ = ["HIT_TOLERANCE", "LinkItem", "LinkPreview", "arrow_ends", "clip_segment"]

HIT_TOLERANCE = 6.0
"""How far (in screen pixels) from an arrow a click still hits it."""


def distance_to_segment(p: QPointF, line: QLineF) -> float:
    """Distance from ``p`` to the segment ``line`` (for hit-testing thin arrows)."""
    x1, y1, x2, y2 = line.x1(), line.y1(), line.x2(), line.y2()
    dx, dy = x2 - x1, y2 - y1
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(p.x() - x1, p.y() - y1)
    t = max(0.0, min(1.0, ((p.x() - x1) * dx + (p.y() - y1) * dy) / length2))
    return math.hypot(p.x() - (x1 + t * dx), p.y() - (y1 + t * dy))


@cache
def link_color(kind: str, proposal: bool, dark: bool) -> QColor:
    """The palette's link colour; brighter on a dark canvas, faded for a proposal."""
    color = QColor(LINK_COLOR[kind])  # type: ignore[index]
    if dark:
        color = color.lighter(165)
    if proposal:
        color.setAlpha(130)
    return color


@cache
def link_pen(kind: str, cross: bool, proposal: bool, dark: bool = False) -> QPen:
    """The one pen of an arrow of this look (shared by every such arrow)."""
    color = link_color(kind, proposal, dark)
    pen = QPen(
        color,
        link_width(kind, cross),
        Qt.PenStyle.SolidLine,
        Qt.PenCapStyle.FlatCap,
        Qt.PenJoinStyle.MiterJoin,
    )
    if kind == "attack":
        pen.setStyle(Qt.PenStyle.CustomDashLine)
        pen.setDashPattern(list(ATTACK_DASH))
    return pen


@cache
def link_brush(kind: str, proposal: bool, dark: bool = False) -> QBrush:
    return QBrush(link_color(kind, proposal, dark))


@cache
def _halo_pen() -> QPen:
    color = QColor(SELECT_COLOR)
    color.setAlpha(80)
    return QPen(color, 12.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)


def clip_segment(
    x1: float, y1: float, x2: float, y2: float, rect: QRectF
) -> tuple[float, float] | None:
    """Liang-Barsky: the parameter range [t0, t1] of the segment inside ``rect``, or None."""
    t0, t1 = 0.0, 1.0
    dx, dy = x2 - x1, y2 - y1
    for p, q in (
        (-dx, x1 - rect.left()),
        (dx, rect.right() - x1),
        (-dy, y1 - rect.top()),
        (dy, rect.bottom() - y1),
    ):
        if p == 0:
            if q < 0:
                return None
            continue
        r = q / p
        if p < 0:
            if r > t1:
                return None
            t0 = max(t0, r)
        else:
            if r < t0:
                return None
            t1 = min(t1, r)
    return t0, t1


class LinkItem(QGraphicsItem):
    """An arrow from the supporting/attacking claim (``source``) to its ``target``.

    Straight by default, between the two cards' borders. After an automatic layout of a
    small map the arrow follows the route ``dot`` found around the cards in between, for
    as long as both cards stay where that layout put them (undo of a move brings the route
    back). Painting a straight arrow draws only the part of the shaft inside the exposed
    rectangle: arrows of a big map are long, and Qt strokes (and dashes) a line over its
    whole length before clipping. The dash offset follows the clipping, so dashes do not
    crawl while panning.
    """

    def __init__(self, link: Link, source: ClaimItem, target: ClaimItem) -> None:
        super().__init__()
        self.link = link
        self.source = source
        self.target = target
        self._ends = (math.nan,) * 4
        self._shaft_end = (0.0, 0.0)
        self._line = QLineF()
        self._bounds = QRectF()
        self._head = QPainterPath()
        self._head_built = False
        self._route: list[tuple[float, float]] | None = None
        self._route_at = (math.nan,) * 4
        self._route_poly: QPolygonF | None = None
        self._routed = False
        self._shaft = QPolygonF()
        self._rails: tuple[QPolygonF, QPolygonF] | None = None
        self._cross = self.cross_author
        self.link_selected = False
        self.dark = False
        """Drawn on a dark canvas (the scene sets it with its background)."""
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.update_geometry()

    @property
    def link_id(self) -> str:
        return self.link.id

    @property
    def cross_author(self) -> bool:
        a, b = self.source.claim.author, self.target.claim.author
        return a is not None and b is not None and a != b

    @property
    def routed(self) -> bool:
        """True while the arrow follows a layout route instead of a straight line."""
        return self._routed

    def route(self) -> list[tuple[float, float]] | None:
        """The route the arrow follows now, or None while it is drawn straight."""
        return list(self._route) if self._routed and self._route is not None else None

    def line(self) -> QLineF:
        """From the source card's border to the target card's border (the chord)."""
        return QLineF(self._line)

    def midpoint(self) -> QPointF:
        """Half way along the arrow as drawn (a point on it, routed or straight)."""
        if not self._routed or self._route is None:
            return self._line.center()
        points = self._route
        total = sum(math.dist(points[k], points[k + 1]) for k in range(len(points) - 1))
        walked = 0.0
        for k in range(len(points) - 1):
            step = math.dist(points[k], points[k + 1])
            if walked + step >= total / 2 and step > 0:
                t = (total / 2 - walked) / step
                (x0, y0), (x1, y1) = points[k], points[k + 1]
                return QPointF(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
            walked += step
        return QPointF(*points[-1])

    def refresh_style(self) -> None:
        """Follow a change of the claims' authors (single or double line)."""
        self._cross = self.cross_author
        self._head_built = False
        self.update()

    def set_link(self, link: Link, source: ClaimItem, target: ClaimItem) -> None:
        """Show a changed link (kind, direction or ends) without a new item."""
        self.link, self.source, self.target = link, source, target
        self._cross = self.cross_author
        self._route = self._route_poly = None
        self._ends = (math.nan,) * 4
        self.update_geometry()
        self.update()

    def set_route(
        self,
        route: Sequence[tuple[float, float]] | None,
        source_at: tuple[float, float] = (math.nan, math.nan),
        target_at: tuple[float, float] = (math.nan, math.nan),
    ) -> None:
        """Follow ``route`` while the cards' centres are ``source_at`` and ``target_at``."""
        self._route = list(route) if route is not None and len(route) >= 2 else None
        self._route_at = (*source_at, *target_at)
        self._route_poly = None
        self._routed = False
        self._ends = (math.nan,) * 4
        self.update_geometry()
        self.update()

    def set_link_selected(self, on: bool) -> None:
        if on != self.link_selected:
            self.link_selected = on
            self.update()

    def update_geometry(self) -> None:
        """Re-route between the two cards' borders (called when either card moves)."""
        s, t = self.source.pos(), self.target.pos()
        sx, sy, tx, ty = s.x(), s.y(), t.x(), t.y()
        if self._route is not None:
            rx1, ry1, rx2, ry2 = self._route_at
            if abs(sx - rx1) + abs(sy - ry1) + abs(tx - rx2) + abs(ty - ry2) < 0.5:
                if not self._routed:
                    self._enter_route()
                return
        if self._routed:
            self._routed = False
            self._ends = (math.nan,) * 4
        sw, sh = self.source.size()
        tw, th = self.target.size()
        ends = arrow_ends(sx, sy, sw, sh, tx, ty, tw, th)
        if ends == self._ends:
            return
        self.prepareGeometryChange()
        self._ends = ends
        x1, y1, x2, y2 = ends
        self._line = QLineF(x1, y1, x2, y2)
        self._bounds = QRectF(
            min(x1, x2) - 12, min(y1, y2) - 12, abs(x2 - x1) + 24, abs(y2 - y1) + 24
        )
        self._head_built = False

    def _enter_route(self) -> None:
        assert self._route is not None
        self.prepareGeometryChange()
        self._routed = True
        points = self._route
        (x1, y1), (x2, y2) = points[0], points[-1]
        self._ends = (x1, y1, x2, y2)
        self._line = QLineF(x1, y1, x2, y2)
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        self._bounds = QRectF(
            min(xs) - 14, min(ys) - 14, max(xs) - min(xs) + 28, max(ys) - min(ys) + 28
        )
        self._head_built = False

    def _direction_at_end(self) -> tuple[float, float, float]:
        """Unit direction into the tip, and the arrow's length (over its route if any)."""
        return _direction(self._ends, self._route if self._routed else None)

    def _build_head(self) -> None:
        """The head's path and where the shaft stops (built on the first detailed paint)."""
        self._head_built = True
        route = self._route if self._routed else None
        outline, self._shaft_end, cut = arrow_head(self.link.kind, self._ends, route)
        head = QPainterPath()
        if not outline:
            self._head = head
            self._shaft, self._rails = QPolygonF(), None
            return
        head.moveTo(*outline[0])
        for x, y in outline[1:]:
            head.lineTo(x, y)
        head.closeSubpath()
        self._head = head
        if route is not None:
            tip = (self._ends[2], self._ends[3])
            line = routed_shaft(route, tip, self._shaft_end, cut)
            self._shaft = _polygon(line)
            self._rails = _rails(line) if self._cross else None

    def hit_distance(self, scene_pos: QPointF) -> float:
        if self._routed and self._route is not None:
            points = self._route
            return min(
                distance_to_segment(scene_pos, QLineF(*points[k], *points[k + 1]))
                for k in range(len(points) - 1)
            )
        return distance_to_segment(scene_pos, self._line)

    # ------------------------------------------------------------------ Qt overrides
    @override
    def boundingRect(self) -> QRectF:
        return self._bounds

    @override
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        kind = self.link.kind
        proposal = self.link.origin.is_proposal
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod < LOW_DETAIL_LINKS:
            painter.setPen(_thin_pen(kind, self.dark))
            if self._routed and self._route is not None:
                if self._route_poly is None:
                    self._route_poly = QPolygonF([QPointF(x, y) for x, y in self._route])
                painter.drawPolyline(self._route_poly)
            else:
                painter.drawLine(self._line)
            return
        if not self._head_built:
            self._build_head()
        if self._routed:
            self._paint_route(painter, kind, proposal)
        else:
            self._paint_straight(painter, option.exposedRect, kind, proposal)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(link_brush(kind, proposal, self.dark))
        painter.drawPath(self._head)

    def _paint_route(self, painter: QPainter, kind: str, proposal: bool) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.link_selected:
            painter.setPen(_halo_pen())
            painter.drawPolyline(self._shaft)
        pen = QPen(link_pen(kind, self._cross, proposal, self.dark))
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        if self._rails is not None:
            painter.drawPolyline(self._rails[0])
            painter.drawPolyline(self._rails[1])
        else:
            painter.drawPolyline(self._shaft)

    def _paint_straight(
        self, painter: QPainter, exposed: QRectF, kind: str, proposal: bool
    ) -> None:
        x1, y1, _, _ = self._ends
        x2, y2 = self._shaft_end
        span = clip_segment(x1, y1, x2, y2, exposed.adjusted(-8, -8, 8, 8))
        if span is None:
            return
        t0, t1 = span
        dx, dy = x2 - x1, y2 - y1
        a = QPointF(x1 + dx * t0, y1 + dy * t0)
        b = QPointF(x1 + dx * t1, y1 + dy * t1)
        if self.link_selected:
            painter.setPen(_halo_pen())
            painter.drawLine(a, b)
        pen = link_pen(kind, self._cross, proposal, self.dark)
        if t0 > 0 and kind == "attack":
            pen = QPen(pen)
            pen.setDashOffset(math.hypot(dx, dy) * t0 / pen.widthF())
        painter.setPen(pen)
        if self._cross:
            length = math.hypot(dx, dy) or 1.0
            ox, oy = -dy / length * RAIL_GAP, dx / length * RAIL_GAP
            painter.drawLine(QLineF(a.x() + ox, a.y() + oy, b.x() + ox, b.y() + oy))
            painter.drawLine(QLineF(a.x() - ox, a.y() - oy, b.x() - ox, b.y() - oy))
        else:
            painter.drawLine(a, b)


def _polygon(points: Sequence[tuple[float, float]]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


def _rails(line: Sequence[tuple[float, float]]) -> tuple[QPolygonF, QPolygonF]:
    """Two polylines either side of ``line`` (a cross-author arrow's double line)."""
    left, right = rails(line)
    return _polygon(left), _polygon(right)


@cache
def _thin_pen(kind: str, dark: bool) -> QPen:
    return QPen(link_color(kind, False, dark), 0)


LOW_DETAIL_LINKS = 0.3
"""Below this zoom an arrow is one hairline: heads and rails would be a pixel anyway."""


class LinkPreview(QGraphicsItem):
    """The rubber arrow shown while a link is being drawn."""

    def __init__(self, start: QPointF) -> None:
        super().__init__()
        self._line = QLineF(start, start)
        self.valid_target = False
        self.setZValue(10.0)

    def set_end(self, end: QPointF, valid: bool) -> None:
        self.prepareGeometryChange()
        self._line.setP2(end)
        self.valid_target = valid
        self.update()

    @override
    def boundingRect(self) -> QRectF:
        return QRectF(self._line.p1(), self._line.p2()).normalized().adjusted(-10, -10, 10, 10)

    @override
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        color = SELECT_COLOR if self.valid_target else QColor("#757575")
        painter.setPen(QPen(color, 2.5, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(self._line)
        painter.setBrush(color)
        painter.drawEllipse(self._line.p2(), 5, 5)
