"""The author view: one node per author, arrows that add up their cross-author links.

:class:`AuthorScene` is a second scene the map view can show instead of the claim scene
(``MapView.set_alternate_scene``); the claim scene is not touched, so switching back shows
the map exactly as it was. The scene follows the document (debounced to the event loop) so
editing links elsewhere, or undoing, updates the arrows while it is on screen.

:class:`AgreementTable` is the author × author agreement matrix that sits beside it.
Everything drawn comes from :mod:`argmap.analysis.compare`; this module only paints.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from argmap.analysis.authors import short_names
from argmap.analysis.compare import Agreement, AuthorEdge, agreement_matrix, author_edges
from argmap.edit.document import MapDocument
from argmap.map.model import ArgumentMap
from argmap.map.palette import LINK_COLOR

NODE_RADIUS = 62.0
MIN_TEXT_PX = 9.0
"""The smallest text the author view shows on screen: its fit never zooms below this."""
SMALLEST_FONT_PX = 11.0
"""The smallest font of the scene (a node's claim count)."""
READABLE_ZOOM = MIN_TEXT_PX / SMALLEST_FONT_PX
NEUTRAL = "#757575"
AGREE_FILL = QColor("#c9e7c4")
DISAGREE_FILL = QColor("#f4cccc")


def signed(n: int) -> str:
    """``+2``, ``0``, ``−1`` (a true minus sign, as in the labels' attack counts)."""
    return f"+{n}" if n > 0 else f"−{-n}" if n < 0 else "0"


def _objection_note(agree: int, supports: int) -> str:
    if agree == supports:
        return ""
    return (
        "\n(links to or from an objection, a view its author rejects, count the other way: "
        "attacking it agrees with that author)"
    )


def net_color(net: int) -> QColor:
    """Green when agreeing links outweigh disagreeing ones, red the reverse, grey if even."""
    if net > 0:
        return QColor(LINK_COLOR["support"])
    if net < 0:
        return QColor(LINK_COLOR["attack"])
    return QColor(NEUTRAL)


def _ideal_text(fill: QColor) -> QColor:
    return QColor("#1b1b1b") if fill.lightnessF() > 0.6 else QColor("white")


class AuthorNode(QGraphicsEllipseItem):
    """A disc in the author's colour with their name and how many claims they make."""

    def __init__(
        self, author_id: str, name: str, color: str, claims: int, full_name: str = ""
    ) -> None:
        r = NODE_RADIUS
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.author_id = author_id
        self.name = name
        fill = QColor(color)
        self.setBrush(QBrush(fill))
        self.setPen(QPen(fill.darker(140), 2))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setToolTip(f"{full_name or name}: {claims} claim{'s' if claims != 1 else ''}")
        font = QFont()
        font.setPixelSize(14)
        font.setBold(True)
        small = QFont()
        small.setPixelSize(11)
        ink = _ideal_text(fill)
        lines = wrap_name(name, font, 2 * r - 22, max_lines=3)
        if any(line.endswith("…") for line in lines):  # a long name: a size smaller
            font.setPixelSize(12)
            lines = wrap_name(name, font, 2 * r - 18, max_lines=4)
        texts = [(line, font) for line in lines] + [
            (f"{claims} claim{'s' if claims != 1 else ''}", small)
        ]
        heights = []
        items = []
        for line, f in texts:
            item = QGraphicsSimpleTextItem(line, self)
            item.setFont(f)
            item.setBrush(ink)
            items.append(item)
            heights.append(item.boundingRect().height())
        y = -sum(heights) / 2
        for item, h in zip(items, heights, strict=True):
            w = item.boundingRect().width()
            item.setPos(-w / 2, y)
            y += h


def wrap_name(name: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """Word-wrap ``name`` into lines no wider than ``width``; the last line is elided. A
    word too wide for a line breaks after a hyphen in it ("Counterterrorism-" /
    "leverage"), which read as "Counterterror…" cut at the disc's edge."""
    metrics = QFontMetricsF(font)
    words: list[str] = []
    for word in name.split():
        if metrics.horizontalAdvance(word) > width and "-" in word[1:-1]:
            head, _, tail = word.partition("-")
            words += [head + "-", tail]
        else:
            words.append(word)
    lines: list[str] = []
    current = ""
    for word in words:
        joined = f"{current}{word}" if current.endswith("-") else f"{current} {word}"
        trial = joined.strip()
        if current and metrics.horizontalAdvance(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


class AuthorEdgeItem(QGraphicsPathItem):
    """A curved arrow from one author to another, labelled ``+supports −attacks``.

    Curves bend to their left, so the two directions between a pair never overlap.
    """

    def __init__(
        self, edge: AuthorEdge, start: QPointF, end: QPointF, names: dict[str, str]
    ) -> None:
        super().__init__()
        self.edge = edge
        color = net_color(edge.net)
        total = edge.supports + edge.attacks
        self.setPen(
            QPen(color, 1.5 + min(total, 8) * 0.75, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        )
        self.setZValue(-1)
        dx, dy = end.x() - start.x(), end.y() - start.y()
        length = math.hypot(dx, dy) or 1.0
        ux, uy = dx / length, dy / length
        nx_, ny_ = uy, -ux  # left normal
        bend = 0.18 * length
        a = QPointF(start.x() + ux * NODE_RADIUS, start.y() + uy * NODE_RADIUS)
        b = QPointF(end.x() - ux * (NODE_RADIUS + 4), end.y() - uy * (NODE_RADIUS + 4))
        ctrl = QPointF((a.x() + b.x()) / 2 + nx_ * bend, (a.y() + b.y()) / 2 + ny_ * bend)
        path = QPainterPath(a)
        path.quadTo(ctrl, b)
        self.setPath(path)
        # arrow head along the curve's last tangent
        tangent = QPointF(b.x() - ctrl.x(), b.y() - ctrl.y())
        tl = math.hypot(tangent.x(), tangent.y()) or 1.0
        tx, ty = tangent.x() / tl, tangent.y() / tl
        size = 12.0 + min(total, 8)
        head = QPolygonF(
            [
                b,
                QPointF(b.x() - tx * size + ty * size * 0.5, b.y() - ty * size - tx * size * 0.5),
                QPointF(b.x() - tx * size - ty * size * 0.5, b.y() - ty * size + tx * size * 0.5),
            ]
        )
        self.head = QGraphicsPolygonItem(head, self)
        self.head.setBrush(color)
        self.head.setPen(Qt.PenStyle.NoPen)
        # the label
        mid = path.pointAtPercent(LABEL_AT[0])  # nearer the source: crossing edges keep apart
        text = f"+{edge.supports} −{edge.attacks} ({signed(edge.net)})"
        self.label = QGraphicsSimpleTextItem(text)
        font = QFont()
        font.setPixelSize(13)
        font.setBold(True)
        self.label.setFont(font)
        self.label.setBrush(color.darker(115))
        rect = self.label.boundingRect()
        self.box = QGraphicsRectItem(QRectF(0, 0, rect.width() + 10, rect.height() + 4), self)
        self.box.setBrush(QColor(255, 255, 255, 235))
        self.box.setPen(QPen(color, 1))
        self.place_label(mid)
        self.label.setParentItem(self.box)
        self.label.setPos(5, 2)
        self.setToolTip(
            f"{names.get(edge.source, edge.source)} → {names.get(edge.target, edge.target)}: "
            f"{edge.supports} support{'s' if edge.supports != 1 else ''}, "
            f"{edge.attacks} attack{'s' if edge.attacks != 1 else ''}; net agreement "
            f"{signed(edge.net)}" + _objection_note(edge.agree, edge.supports)
        )

    def place_label(self, at: QPointF) -> None:
        """Centre the label's box on ``at`` (a point of the curve)."""
        rect = self.box.rect()
        self.box.setPos(at.x() - rect.width() / 2, at.y() - rect.height() / 2)

    def label_rect(self) -> QRectF:
        return self.box.sceneBoundingRect()


LABEL_AT = (0.4, 0.3, 0.5, 0.25, 0.55, 0.2, 0.6, 0.15, 0.65)
"""Where along its curve an edge's label may sit, in order of preference: near the source
first (the two directions of a pair then keep apart), further along when taken."""


def spread_labels(edges: list[AuthorEdgeItem]) -> None:
    """Slide labels along their curves so no two boxes overlap where avoidable: edges
    crossing near the centre of the circle put their labels on one another."""
    placed: list[QRectF] = []
    for edge in edges:
        path = edge.path()
        for percent in LABEL_AT:
            edge.place_label(path.pointAtPercent(percent))
            rect = edge.label_rect().adjusted(-2, -2, 2, 2)
            if not any(rect.intersects(other) for other in placed):
                break
        else:
            edge.place_label(path.pointAtPercent(LABEL_AT[0]))
        placed.append(edge.label_rect())


class AuthorScene(QGraphicsScene):
    """Authors on a circle, arrows summing their cross-author supports and attacks."""

    def __init__(self, doc: MapDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.nodes: dict[str, AuthorNode] = {}
        self.edges: dict[tuple[str, str], AuthorEdgeItem] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.rebuild)
        doc.changed.connect(self._schedule)
        self._apply_palette()
        self.rebuild()

    def detach(self) -> None:
        """Stop following the document (before the scene is thrown away)."""
        self.doc.changed.disconnect(self._schedule)
        self._timer.stop()

    def _schedule(self) -> None:
        self._timer.start()

    def _apply_palette(self) -> None:
        app = QApplication.instance()
        base = QColor("white")
        if isinstance(app, QApplication):
            base = app.palette().color(app.palette().ColorRole.Base)
        self.setBackgroundBrush(base)

    def rebuild(self) -> None:
        """Redraw from the document (cheap: one pass over the links)."""
        self._timer.stop()
        self.clear()
        self.nodes.clear()
        self.edges.clear()
        amap = self.doc.map
        authors = amap.authors
        names = {a.id: a.name for a in authors}
        # the short names the legend and the matrix show (the full one is in the tooltip)
        shorts = short_names(authors)
        counts: dict[str, int] = dict.fromkeys(names, 0)
        for claim in amap.claims:
            if claim.author in counts:
                counts[claim.author] += 1
        n = len(authors)
        radius = 0.0 if n <= 1 else max(200.0, (2 * NODE_RADIUS + 150) * n / (2 * math.pi))
        centers: dict[str, QPointF] = {}
        for i, author in enumerate(authors):
            angle = -math.pi / 2 + 2 * math.pi * i / max(n, 1)
            centers[author.id] = QPointF(radius * math.cos(angle), radius * math.sin(angle))
            node = AuthorNode(
                author.id, shorts[author.id], author.color, counts[author.id], author.name
            )
            node.setPos(centers[author.id])
            self.addItem(node)
            self.nodes[author.id] = node
        for edge in author_edges(amap):
            if edge.source not in centers or edge.target not in centers:
                continue
            item = AuthorEdgeItem(edge, centers[edge.source], centers[edge.target], names)
            self.addItem(item)
            self.edges[(edge.source, edge.target)] = item
        # the heaviest edges' labels first: they keep their preferred places
        spread_labels(
            sorted(self.edges.values(), key=lambda e: -(e.edge.supports + e.edge.attacks))
        )
        # Two short lines, not one 600-pixel line: the widest item sets the fitted zoom,
        # and one long title shrank every label of the view to about 6 pixels.
        title = QGraphicsSimpleTextItem(
            "Author view — arrows run from the author who links to the author linked;\n"
            "+supports −attacks (net); green: mostly agree, red: mostly disagree"
            if authors
            else "This map has no authors yet."
        )
        font = QFont()
        font.setPixelSize(12)
        title.setFont(font)
        title.setBrush(QColor(NEUTRAL))
        self.addItem(title)
        box = self.itemsBoundingRect()
        title.setPos(box.left(), box.top() - 36)
        self.setSceneRect(self.itemsBoundingRect().adjusted(-40, -40, 40, 40))


class AgreementTable(QTableWidget):
    """Author × author agreement: cross-author links both ways, coloured by net agreement.

    ``pair_clicked(a, b)`` fires when a cell off the diagonal is clicked (the feature opens
    the diff of that pair).
    """

    pair_clicked = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.cellClicked.connect(self._clicked)

    def refresh(self, amap: ArgumentMap) -> None:
        agree = agreement_matrix(amap)
        names = short_names(amap.authors)
        self._ids = [a.id for a in amap.authors]
        self.clear()
        self.setRowCount(len(self._ids))
        self.setColumnCount(len(self._ids))
        headers = [names[a] for a in self._ids]
        self.setHorizontalHeaderLabels(headers)
        self.setVerticalHeaderLabels(headers)
        full = {a.id: a.name for a in amap.authors}
        for r, a in enumerate(self._ids):
            for c, b in enumerate(self._ids):
                if a == b:
                    item = QTableWidgetItem("·")
                    item.setBackground(QColor("#f2f2f2"))
                else:
                    g = agree[(a, b)]
                    item = QTableWidgetItem(self.cell_text(g))
                    item.setBackground(self.cell_color(g))
                    item.setToolTip(
                        f"{full[a]} and {full[b]}: {g.supports} support"
                        f"{'s' if g.supports != 1 else ''}, {g.attacks} attack"
                        f"{'s' if g.attacks != 1 else ''} between their claims; net agreement "
                        f"{signed(g.net)}" + _objection_note(g.agree, g.supports)
                    )
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setForeground(QColor("#1b1b1b"))
                self.setItem(r, c, item)
        # Wide enough to show every column: a matrix read half-hidden misleads.
        self.resizeColumnsToContents()
        self.resizeRowsToContents()
        needed = (
            self.horizontalHeader().length()
            + self.verticalHeader().sizeHint().width()
            + 2 * self.frameWidth()
            + 4
        )
        self.setMinimumWidth(min(720, needed))

    @staticmethod
    def cell_text(g: Agreement) -> str:
        return "" if not (g.supports or g.attacks) else f"+{g.supports} −{g.attacks}"

    @staticmethod
    def cell_color(g: Agreement) -> QColor:
        """White for no links, towards green as agreement dominates, towards red for disagreement."""
        score = g.score
        if score is None:
            return QColor("white")
        target = AGREE_FILL if score > 0 else DISAGREE_FILL
        t = abs(score)
        white = QColor("white")
        return QColor(
            round(white.red() + (target.red() - white.red()) * t),
            round(white.green() + (target.green() - white.green()) * t),
            round(white.blue() + (target.blue() - white.blue()) * t),
        )

    def _clicked(self, row: int, column: int) -> None:
        if row != column and row < len(self._ids) and column < len(self._ids):
            self.pair_clicked.emit(self._ids[row], self._ids[column])

    def author_ids(self) -> list[str]:
        return list(self._ids)


__all__ = ["AgreementTable", "AuthorEdgeItem", "AuthorNode", "AuthorScene", "net_color"]
