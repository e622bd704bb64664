"""The positions matrix as a table: one row per question, one column per author, each cell
the stated stance with the map's suggestion and its evidence, edited in place through a
stance delegate.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QColor, QPalette, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from argmap.analysis.authors import short_names
from argmap.analysis.positions import STANCE_FILL, PositionsMatrix, positions_matrix
from argmap.edit.document import EditError, MapDocument
from argmap.edit.edits import (
    SetStance,
)
from argmap.map.model import STANCES, ArgumentMap, Position, Stance
from ui.qt.base.undo import push_edit

DISAGREE_MARK = "⚠"


UNRECORDED = "—"


CHOICES: tuple[Stance | None, ...] = (*STANCES, None)
"""What a cell can be set to; ``None`` clears the stance (unrecorded)."""


ROLE_KEY = int(Qt.ItemDataRole.UserRole) + 1  # (position id, author id)


ROLE_STANCE = int(Qt.ItemDataRole.UserRole) + 2  # the stated stance, or None


class Host(Protocol):
    """What the docks need from the main window (a test harness provides the same)."""

    doc: MapDocument
    undo_stack: QUndoStack

    @property
    def view(self) -> Any: ...

    def show_error(self, title: str, text: str) -> None: ...

    def status(self, text: str) -> None: ...


ROW_LABEL_CHARS = 28
"""Row headings (the questions) are never cut shorter than about this many characters
(full text in the tooltip); beyond that they use the room the stance columns leave
(see :meth:`PositionsTable.fit_headings`)."""


def short_label(label: str) -> str:
    return label if len(label) <= ROW_LABEL_CHARS else label[: ROW_LABEL_CHARS - 1] + "…"


def select_on_map(view: Any, ids: list[str]) -> None:
    """Select claims on the map; bring them into view only when the map is on screen (in
    the author view the selection waits, without scrolling the author scene)."""
    showing = getattr(view, "showing_map", None)
    view.select_claims(ids, center=bool(showing()) if callable(showing) else True)


def choice_text(stance: Stance | None) -> str:
    return stance if stance is not None else "(unrecorded)"


GROUNDS_LISTED = 8
"""Grounds a row heading's tooltip lists one by one (the rest are counted)."""


def grounds_text(amap: ArgumentMap, position: Position) -> str:
    """The grounds of a position, each with the side recorded for it (or "author's
    stance" where none is), for the row heading's tooltip: the side a ground argues was
    invisible in the app, so a *mixed* author's grounds could not be checked there."""
    n = len(position.grounds)
    if not n:
        return "No grounds yet: select claims on the map, then Ground on Selection."
    claims = amap.claim_index()
    names = {a.id: a.name for a in amap.authors}
    recorded = sum(1 for g in position.grounds if g in position.sides)
    sided = f" ({recorded} with a recorded side)" if recorded else ""
    lines = [f"Grounded on {n} claim{'s' if n != 1 else ''}{sided}:"]
    for ground in position.grounds[:GROUNDS_LISTED]:
        claim = claims.get(ground)
        if claim is None:
            continue
        side = position.sides.get(ground)
        label = f"argues {side}" if side else "author's stance"
        text = claim.text if len(claim.text) <= 60 else claim.text[:59] + "…"
        who = f" ({names[claim.author]})" if claim.author in names else ""
        lines.append(f"  • [{label}] {text}{who}")
    if n > GROUNDS_LISTED:
        lines.append(f"  … and {n - GROUNDS_LISTED} more")
    return "\n".join(lines)


MAX_COLUMN_PX = 130
"""The widest an author's column gets: room for any stance and a short name."""


class StanceDelegate(QStyledItemDelegate):
    """A combo box editor whose commit pushes an undoable edit instead of writing the cell."""

    def __init__(self, commit: Callable[[int, int, Stance | None], None], parent: QObject) -> None:
        super().__init__(parent)
        self._commit = commit

    def createEditor(  # Qt's name
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setFont(QApplication.font())  # the app's text size, whatever the table's
        for stance in CHOICES:
            combo.addItem(choice_text(stance))
        combo.activated.connect(lambda _i: self._finish(combo))
        return combo

    def updateEditorGeometry(  # Qt's name
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """The cell's place, but never smaller than the box needs: fitted to a matrix
        cell the stance box was a few pixels high, its text unreadable."""
        rect = option.rect  # type: ignore[attr-defined]
        hint = editor.sizeHint()
        width, height = max(rect.width(), hint.width()), max(rect.height(), hint.height())
        editor.setGeometry(rect.x(), rect.center().y() - height // 2, width, height)

    def _finish(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            stance = index.data(ROLE_STANCE)
            stance = stance if stance in STANCES else None
            editor.setCurrentIndex(CHOICES.index(stance))

    def setModelData(
        self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QComboBox):
            self._commit(index.row(), index.column(), CHOICES[editor.currentIndex()])


class PositionsTable(QTableWidget):
    """The matrix itself; :class:`PositionsDock` wraps it with a legend."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.matrix: PositionsMatrix | None = None
        self.setItemDelegate(StanceDelegate(self._commit_cell, self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # One long short name ("Counterterrorism-leverage") pushed the last authors out
        # of a 1280-pixel window: a heading is cut (its tooltip has the full name).
        self.horizontalHeader().setMaximumSectionSize(MAX_COLUMN_PX)
        self.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setWordWrap(True)
        self.cellClicked.connect(self.select_grounds)
        self.extend_menu: Callable[[QMenu, str], None] | None = None
        """Adds the position's own commands to a cell's menu (set by the dock)."""

    # ------------------------------------------------------------------ reading
    def position_id(self, row: int) -> str | None:
        """The id of the position shown in ``row`` (as of the last refresh)."""
        if self.matrix is None or not 0 <= row < len(self.matrix.positions):
            return None
        return self.matrix.positions[row].id

    def current_position_id(self) -> str | None:
        """The position of the current row: what the dock's toolbar acts on."""
        return self.position_id(self.currentRow())

    def row_of(self, position_id: str) -> int:
        """The row showing ``position_id``, or -1."""
        if self.matrix is None:
            return -1
        ids = [p.id for p in self.matrix.positions]
        return ids.index(position_id) if position_id in ids else -1

    def key(self, row: int, column: int) -> tuple[str, str] | None:
        item = self.item(row, column)
        if item is None:
            return None
        key = item.data(ROLE_KEY)
        return (str(key[0]), str(key[1])) if key else None

    def refresh(self) -> None:
        """Rebuild every cell from the document (a few microseconds a cell)."""
        amap = self.host.doc.map
        keep = self.current_position_id(), max(self.currentColumn(), 0)
        matrix = positions_matrix(amap)
        self.matrix = matrix
        names = short_names(amap.authors)
        full = {a.id: a.name for a in amap.authors}
        self.clearContents()
        self.setRowCount(len(matrix.positions))
        self.setColumnCount(len(matrix.authors))
        self.setHorizontalHeaderLabels([names[a.id] for a in matrix.authors])
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        for c, author in enumerate(matrix.authors):
            header = self.horizontalHeaderItem(c)
            if header is not None:
                header.setToolTip(author.name)
                # the author's colour, shaded to stay readable on the header's background
                color = QColor(author.color)
                header.setForeground(color.lighter(150) if dark else color.darker(120))
        self.setVerticalHeaderLabels([short_label(p.label) for p in matrix.positions])
        for r, pos in enumerate(matrix.positions):
            vh = self.verticalHeaderItem(r)
            if vh is not None:
                vh.setToolTip(
                    f"{pos.label}\n{pos.description}".strip()
                    + "\n"
                    + grounds_text(amap, pos)
                    + "\nDouble-click to rename; right-click for more."
                )
            for c, author in enumerate(matrix.authors):
                cell = matrix.cell(pos.id, author.id)
                text = cell.stated or UNRECORDED
                item = QTableWidgetItem(text + (f" {DISAGREE_MARK}" if cell.disagrees else ""))
                item.setData(ROLE_STANCE, cell.stated)
                item.setData(ROLE_KEY, (pos.id, author.id))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setForeground(QColor("#1b1b1b"))
                if cell.stated is not None:
                    item.setBackground(QColor(STANCE_FILL[cell.stated]))
                tip = f"{full[author.id]} on “{pos.label}”: {cell.reason}."
                if cell.disagrees:
                    tip = f"{DISAGREE_MARK} The map disagrees. {tip}"
                item.setToolTip(tip + "\nClick to select the grounds; double-click to change.")
                self.setItem(r, c, item)
        row = self.row_of(keep[0]) if keep[0] is not None else -1
        if row >= 0:  # the same position stays current across redraws (and row moves)
            self.setCurrentCell(row, min(keep[1], max(self.columnCount() - 1, 0)))
        self.fit_headings()

    def fit_headings(self) -> None:
        """Cut each row heading (the question) to the room the stance columns leave, but
        never below :data:`ROW_LABEL_CHARS`: cut at a fixed 44 characters, questions were
        clipped in a wide dock with blank space beside the matrix, and a narrow one had
        to scroll sideways to its last author."""
        if self.matrix is None:
            return
        rows = self.verticalHeader()
        metrics = rows.fontMetrics()
        items = [self.verticalHeaderItem(r) for r in range(self.rowCount())]
        texts = [item.text() for item in items if item is not None]
        if not texts:
            return
        # What the heading needs beside its text (the style's margins), as measured now,
        # and a few pixels the table adds to the header's hint.
        padding = rows.sizeHint().width() - max(metrics.horizontalAdvance(t) for t in texts) + 4
        header = self.horizontalHeader()
        columns = sum(
            min(max(header.sectionSizeHint(c), self.sizeHintForColumn(c)), MAX_COLUMN_PX)
            for c in range(self.columnCount())
        )
        scroll = self.verticalScrollBar().sizeHint().width()
        room = self.width() - 2 * self.frameWidth() - columns - scroll - max(padding, 0)
        floor = metrics.horizontalAdvance(short_label("x" * ROW_LABEL_CHARS * 2))
        width = max(room, floor)
        for r, position in enumerate(self.matrix.positions):
            item = self.verticalHeaderItem(r)
            text = metrics.elidedText(position.label, Qt.TextElideMode.ElideRight, width)
            if item is not None and item.text() != text:
                item.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_headings()

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        """A theme switch recolours the author headings for the new background."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh()

    # ------------------------------------------------------------------ gestures
    def select_grounds(self, row: int, column: int) -> None:
        """Select the position's grounds and this author's claims behind the suggestion."""
        key = self.key(row, column)
        if key is None or self.matrix is None:
            return
        pos = self.host.doc.positions.get(key[0])
        if pos is None:
            return
        cell = self.matrix.cell(*key)
        ids = list(dict.fromkeys([*pos.grounds, *cell.claims]))
        if ids:
            select_on_map(self.host.view, ids)
        self.host.status(f"{pos.label}: {cell.reason}")

    def set_stance(self, position_id: str, author_id: str, stance: Stance | None) -> bool:
        """Push one undoable SetStance; False (and a message) when the document refuses."""
        pos = self.host.doc.positions.get(position_id)
        if pos is None or pos.stances.get(author_id) == stance:
            return False
        author = self.host.doc.authors.get(author_id)
        who = (
            short_names(self.host.doc.map.authors).get(author_id, author_id)
            if author
            else author_id
        )
        question = pos.label if len(pos.label) <= 40 else pos.label[:39].rsplit(" ", 1)[0] + "…"
        name = (
            f"Set {who} on “{question}” to {stance}"
            if stance
            else f"Clear {who}'s stance on “{question}”"
        )
        try:
            push_edit(
                self.host.undo_stack,
                self.host.doc,
                SetStance(position_id, author_id, stance, name),
            )
        except EditError as exc:
            self.host.show_error("Cannot set the stance", str(exc))
            return False
        return True

    def _commit_cell(self, row: int, column: int, stance: Stance | None) -> None:
        key = self.key(row, column)
        if key is not None:  # the table redraws later, from the document's signal
            self.set_stance(key[0], key[1], stance)

    def stance_menu(self, row: int, column: int) -> QMenu | None:
        """The context menu of a cell: one checkable action per stance, plus "clear"."""
        key = self.key(row, column)
        if key is None:
            return None
        pos = self.host.doc.positions[key[0]]
        current = pos.stances.get(key[1])
        menu = QMenu(self)
        for stance in CHOICES:
            action = QAction(choice_text(stance), menu)
            action.setCheckable(True)
            action.setChecked(stance == current)
            action.triggered.connect(lambda _c=False, s=stance: self.set_stance(key[0], key[1], s))
            menu.addAction(action)
        menu.addSeparator()
        select = menu.addAction("Select grounds on the map")
        select.triggered.connect(lambda: self.select_grounds(row, column))
        return menu

    def _context_menu(self, at: QPoint) -> None:
        index = self.indexAt(at)
        if not index.isValid():
            return
        menu = self.stance_menu(index.row(), index.column())
        if menu is None:
            return
        position_id = self.position_id(index.row())
        if self.extend_menu is not None and position_id is not None:
            menu.addSeparator()
            self.extend_menu(menu, position_id)
        menu.exec(self.viewport().mapToGlobal(at))
