"""The positions matrix dock: authors as columns, positions as rows, one stance per cell.

Each cell shows the stance the analyst recorded, coloured (for green, against red, mixed
amber, silent grey, unrecorded blank), with a ``⚠`` where the map's own links suggest
another stance and a tooltip saying which links. Clicking a cell selects the position's
grounds and the author's claims behind the suggestion on the map. A stance is changed with
the cell's combo box (double-click or F2) or its context menu; either pushes one
:class:`~argmap.edits.SetStance` through :func:`~ui.qt.undo.push_edit`, so it is undoable,
and the table redraws from the document's signals like every other view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from argmap.compare import STANCE_FILL, PositionsMatrix, positions_matrix, short_names
from argmap.document import EditError, MapDocument
from argmap.edits import SetStance
from argmap.model import STANCES, Stance
from ui.qt.undo import push_edit

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


ROW_LABEL_CHARS = 44
"""Row headings are cut here (full text in the tooltip) so the stance columns stay visible."""


def _short(label: str) -> str:
    return label if len(label) <= ROW_LABEL_CHARS else label[: ROW_LABEL_CHARS - 1] + "…"


def select_on_map(view: Any, ids: list[str]) -> None:
    """Select claims on the map; bring them into view only when the map is on screen (in
    the author view the selection waits, without scrolling the author scene)."""
    showing = getattr(view, "showing_map", None)
    view.select_claims(ids, center=bool(showing()) if callable(showing) else True)


def choice_text(stance: Stance | None) -> str:
    return stance if stance is not None else "(unrecorded)"


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
        for stance in CHOICES:
            combo.addItem(choice_text(stance))
        combo.activated.connect(lambda _i: self._finish(combo))
        return combo

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
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setWordWrap(True)
        self.cellClicked.connect(self.select_grounds)

    # ------------------------------------------------------------------ reading
    def key(self, row: int, column: int) -> tuple[str, str] | None:
        item = self.item(row, column)
        if item is None:
            return None
        key = item.data(ROLE_KEY)
        return (str(key[0]), str(key[1])) if key else None

    def refresh(self) -> None:
        """Rebuild every cell from the document (a few microseconds a cell)."""
        amap = self.host.doc.map
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
        self.setVerticalHeaderLabels([_short(p.label) for p in matrix.positions])
        for r, pos in enumerate(matrix.positions):
            vh = self.verticalHeaderItem(r)
            if vh is not None:
                vh.setToolTip(f"{pos.label}\n{pos.description}".strip())
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
        try:
            push_edit(
                self.host.undo_stack, self.host.doc, SetStance(position_id, author_id, stance)
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
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(at))


class PositionsDock(QDockWidget):
    """The positions matrix as a dock; follows the document, redrawing once per event loop."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__("Positions", parent)
        self.setObjectName("positions-dock")
        self.host = host
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.table = PositionsTable(host, body)
        self.legend = QLabel(
            "Stated stance per author. "
            f"{DISAGREE_MARK} the map's links suggest another (hover for why). "
            "Click: select the grounds. Double-click or right-click: change.",
            body,
        )
        self.legend.setWordWrap(True)
        # a quiet note in either theme (palette(mid) nearly vanished on a dark one)
        self.legend.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.table)
        layout.addWidget(self.legend)
        self.setWidget(body)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.table.refresh)
        host.doc.changed.connect(self._schedule)
        self.table.refresh()

    def _schedule(self) -> None:
        self._timer.start()

    def preferred_height(self) -> int:
        """The height that shows every row and the legend without scrolling, so the window
        gives the matrix what it needs by default and the map the rest."""
        if self._timer.isActive():  # a map just opened: count its rows now
            self._timer.stop()
            self.table.refresh()
        table = self.table
        header = table.verticalHeader()  # its length is 0 until the table is first laid out
        rows = sum(max(table.sizeHintForRow(r), 0) for r in range(table.rowCount()))
        rows = max(header.length(), rows) + table.horizontalHeader().sizeHint().height()
        frame = 2 * table.frameWidth()
        title = self.style().pixelMetric(self.style().PixelMetric.PM_TitleBarHeight)
        margins = self.widget().layout().contentsMargins()
        legend = self.legend.heightForWidth(max(self.width(), 700) - 8)  # wrapped, not hinted
        body = rows + frame + legend + margins.top() + margins.bottom() + 4
        return body + max(title, 20)

    def detach(self) -> None:
        self.host.doc.changed.disconnect(self._schedule)
        self._timer.stop()
