"""The legend: who is who and what is what on the map, with show/hide per author and kind.

Counts are recomputed once per event-loop turn after any number of claim signals (one pass
over the claims), so a paste of a thousand claims does not recount a thousand times.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QGridLayout,
    QGroupBox,
    QInputDialog,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from argmap.analysis.authors import short_names
from argmap.edit.document import EditError, MapDocument
from argmap.edit.edits import UpdateAuthor
from argmap.map.model import CLAIM_KINDS
from argmap.map.palette import KIND_LABEL, LINK_COLOR
from ui.qt.base.icons import hidpi_pixmap, kind_icon
from ui.qt.base.undo import push_edit


def swatch(color: str, size: int = 14) -> QIcon:
    """An author's colour dot."""
    pixmap = hidpi_pixmap(size, size)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(QPen(QColor(color).darker(130), 1))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    painter.end()
    return QIcon(pixmap)


def arrow(color: str, *, attack: bool = False, cross: bool = False) -> QPixmap:
    """A link as the map draws it: support solid with a filled head, attack dashed and
    ending in a bar (⊣), a link across authors as a double line."""
    pixmap = hidpi_pixmap(30, 14)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(color), 1.6 if cross else 2.0)
    if attack:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    end = 25 if attack else 22
    for y in (5.0, 9.0) if cross else (7.0,):
        painter.drawLine(QPointF(1, y), QPointF(end, y))
    if attack:
        painter.setPen(QPen(QColor(color), 2.6))
        painter.drawLine(QPointF(27, 2), QPointF(27, 12))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawPolygon([QPointF(29, 7), QPointF(21, 2.5), QPointF(21, 11.5)])
    painter.end()
    return pixmap


def _elide(name: str, limit: int = 30) -> str:
    """Long author names ("Counterterrorism-leverage op-ed (author not named)") would set
    the dock's width; the full name is in the tooltip."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


class Legend(QWidget):
    """Authors and kinds with check boxes; ``hidden_changed(authors, kinds)`` on a toggle.

    ``apply_hidden`` is called with the sets to hide (the window passes the scene's
    ``set_hidden``); authors are keyed by id. Claims without an author follow only the kinds.
    """

    hidden_changed = Signal(set, set)

    def __init__(
        self,
        doc: MapDocument,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.undo_stack = undo_stack
        self.apply_hidden: Callable[[set[str], set[str]], None] = lambda _a, _k: None
        self.hidden_authors: set[str] = set()
        self.hidden_kinds: set[str] = set()
        self.author_boxes: dict[str, QCheckBox] = {}
        self._author_counts: dict[str, int] = {}
        self.kind_boxes: dict[str, QCheckBox] = {}

        self.authors_box = QGroupBox("Authors")
        self.authors_layout = QVBoxLayout(self.authors_box)
        kinds_box = QGroupBox("Kinds")
        kinds_layout = QVBoxLayout(kinds_box)
        for kind in CLAIM_KINDS:
            box = QCheckBox(KIND_LABEL[kind])
            box.setIcon(kind_icon(kind))
            box.setChecked(True)
            box.setToolTip(f"Show or hide {kind} claims")
            box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            box.toggled.connect(lambda on, k=kind: self._toggle_kind(k, on))
            kinds_layout.addWidget(box)
            self.kind_boxes[kind] = box
        links_box = QGroupBox("Links")
        links_layout = QGridLayout(links_box)
        samples = [
            (arrow(LINK_COLOR["support"]), "Support"),
            (arrow(LINK_COLOR["attack"], attack=True), "Attack"),
            (arrow(LINK_COLOR["support"], cross=True), "Across authors (double line)"),
        ]
        for row, (pixmap, text) in enumerate(samples):
            picture = QLabel()
            picture.setPixmap(pixmap)
            links_layout.addWidget(picture, row, 0)
            links_layout.addWidget(QLabel(text), row, 1)
        links_layout.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.authors_box)
        layout.addWidget(kinds_box)
        layout.addWidget(links_box)
        layout.addStretch(1)

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self.refresh_counts)
        doc.reset.connect(self._reset)
        for signal in (doc.author_added, doc.author_removed, doc.author_changed):
            signal.connect(self._rebuild_authors)
        for signal in (doc.claim_added, doc.claim_removed, doc.claim_changed):
            signal.connect(self._schedule_counts)
        self._rebuild_authors()

    def _reset(self) -> None:
        """A new map shows everything (the scene rebuilt itself all visible)."""
        was_hiding = bool(self.hidden_authors or self.hidden_kinds)
        self.hidden_authors.clear()
        self.hidden_kinds.clear()
        for box in self.kind_boxes.values():
            box.blockSignals(True)
            box.setChecked(True)
            box.blockSignals(False)
        self._rebuild_authors()
        if was_hiding:
            self._emit()

    def _rebuild_authors(self, *_: Any) -> None:
        for box in self.author_boxes.values():
            # Out of the layout and hidden now: deleteLater alone leaves the old rows on
            # screen until the event loop runs, so an import adding five authors in one
            # turn showed every author several times.
            self.authors_layout.removeWidget(box)
            box.hide()
            box.deleteLater()
        self.author_boxes.clear()
        shorts = short_names(self.doc.map.authors)
        for author in self.doc.map.authors:
            author_id, name, color = author.id, author.name, author.color
            box = QCheckBox(shorts[author_id])
            box.setIcon(swatch(color))
            box.setChecked(author_id not in self.hidden_authors)
            # the full name (the row shows the short one the matrix and author view use)
            full = f"{name} ({author.affiliation})" if author.affiliation else name
            box.setToolTip(f"{full}\nShow or hide the claims of {name}")
            box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            box.toggled.connect(lambda on, a=author_id: self._toggle_author(a, on))
            if self.undo_stack is not None:
                box.setToolTip(f"{full}\nShow or hide the claims of {name}; right-click to edit")
                box.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
                box.customContextMenuRequested.connect(
                    lambda at, a=author_id, b=box: self._author_menu(a, b.mapToGlobal(at))
                )
            self.authors_layout.addWidget(box)
            self.author_boxes[author_id] = box
        self.hidden_authors &= set(self.author_boxes)
        self.refresh_counts()

    # ------------------------------------------------------------- editing authors
    def _author_menu(self, author_id: str, at: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction("Rename…").triggered.connect(lambda: self.rename_author(author_id))
        menu.addAction("Affiliation…").triggered.connect(lambda: self.edit_affiliation(author_id))
        menu.addAction("Colour…").triggered.connect(lambda: self.recolor_author(author_id))
        menu.exec(at)
        menu.deleteLater()

    def ask_text(self, title: str, label: str, value: str) -> str | None:
        """Ask for a line of text (a dialog; tests replace this method)."""
        text, ok = QInputDialog.getText(self, title, label, text=value)
        return text if ok else None

    def ask_color(self, value: str) -> str | None:
        """Ask for a colour (a dialog; tests replace this method)."""
        color = QColorDialog.getColor(QColor(value), self, "Author colour")
        return color.name() if color.isValid() else None

    def rename_author(self, author_id: str) -> None:
        author = self.doc.authors[author_id]
        name = self.ask_text("Rename author", "Name:", author.name)
        if name and name.strip() and name.strip() != author.name:
            self._update_author(author_id, {"name": name.strip()})

    def edit_affiliation(self, author_id: str) -> None:
        author = self.doc.authors[author_id]
        text = self.ask_text("Affiliation", f"Affiliation of {author.name}:", author.affiliation)
        if text is not None and text.strip() != author.affiliation:
            self._update_author(author_id, {"affiliation": text.strip()})

    def recolor_author(self, author_id: str) -> None:
        author = self.doc.authors[author_id]
        color = self.ask_color(author.color)
        if color and color.lower() != author.color.lower():
            self._update_author(author_id, {"color": color})

    def _update_author(self, author_id: str, changes: dict[str, Any]) -> None:
        if self.undo_stack is None:
            return
        try:
            push_edit(self.undo_stack, self.doc, UpdateAuthor(author_id, changes))
        except EditError as exc:
            QToolTip.showText(self.mapToGlobal(QPoint(0, 0)), str(exc), self)

    def _schedule_counts(self, *_: Any) -> None:
        self._count_timer.start()

    def refresh_counts(self) -> None:
        """Write each author's and kind's number of claims into its check box."""
        by_author: Counter[str] = Counter()
        by_kind: Counter[str] = Counter()
        for claim in self.doc.map.claims:
            if claim.author is not None:
                by_author[claim.author] += 1
            by_kind[claim.kind] += 1
        self._author_counts = dict(by_author)
        self._fit_author_names()
        self.authors_box.setVisible(bool(self.author_boxes))
        for kind, box in self.kind_boxes.items():
            box.setText(f"{KIND_LABEL[kind]} ({by_kind[kind]})")  # type: ignore[index]

    def _fit_author_names(self) -> None:
        """Each author row as "short name (count)" (the short name that heads the author's
        column in the matrix and the author view; the tooltip has the full one), the name cut to the row's width once the
        legend is shown: a row is allowed to be narrower than its text (a long name must
        not widen the dock), and clipped at the right it lost its count in a narrow dock."""
        shorts = short_names(self.doc.map.authors)
        for author in self.doc.map.authors:
            box = self.author_boxes.get(author.id)
            if box is None:
                continue
            count = f" ({self._author_counts.get(author.id, 0)})"
            name = _elide(shorts[author.id])
            if self.isVisible():
                metrics = box.fontMetrics()
                overhead = box.sizeHint().width() - metrics.horizontalAdvance(box.text())
                room = box.width() - overhead - metrics.horizontalAdvance(count)
                if metrics.horizontalAdvance(name) > room:
                    least = metrics.horizontalAdvance(name[:4] + "…")
                    name = metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(room, least))
            if box.text() != name + count:
                box.setText(name + count)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        self._fit_author_names()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        self._fit_author_names()

    def _toggle_author(self, author_id: str, shown: bool) -> None:
        if shown:
            self.hidden_authors.discard(author_id)
        else:
            self.hidden_authors.add(author_id)
        self._emit()

    def _toggle_kind(self, kind: str, shown: bool) -> None:
        if shown:
            self.hidden_kinds.discard(kind)
        else:
            self.hidden_kinds.add(kind)
        self._emit()

    def _emit(self) -> None:
        authors, kinds = set(self.hidden_authors), set(self.hidden_kinds)
        self.apply_hidden(authors, kinds)
        self.hidden_changed.emit(authors, kinds)
