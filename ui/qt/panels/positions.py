"""The positions dock: authors as columns, positions as rows, one stance per cell.

Each cell shows the stance the analyst recorded, coloured (for green, against red, mixed
amber, silent grey, unrecorded blank), with a ``⚠`` where the map's own links suggest
another stance and a tooltip saying which links. Clicking a cell selects the position's
grounds and the author's claims behind the suggestion on the map. A stance is changed with
the cell's combo box (double-click or F2) or its context menu; either pushes one
:class:`~argmap.edit.edits.SetStance` through :func:`~ui.qt.base.undo.push_edit`, so it is undoable,
and the table redraws from the document's signals like every other view.

Positions themselves are made here too, since a map built or imported in the app has none
and the comparison has nothing to show without them: the dock's toolbar, a row heading's
context menu (and a double-click on it, to rename) create, rename, describe, ground and
delete positions, and record which side of the question a ground argues (*Side of
Selection*: for, against, or cleared, the side an author stated *mixed* needs), each
gesture one undo entry. Grounds come from the claims selected on the map, because that is
where the user already points at claims; the row heading's tooltip lists them with their
sides. Like the other analysis docks it redraws only while shown
(:class:`~ui.qt.base.dockrefresh.RefreshWhileShown`). A map without positions
shows a short hint and a "New Position…" button instead of an empty table. The dialogs are
the methods :meth:`PositionsDock.ask_text` and :meth:`PositionsDock.ask_long_text`, which
tests and scripts replace.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QColor, QPalette, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from argmap.analysis.authors import short_names
from argmap.analysis.positions import STANCE_FILL, PositionsMatrix, positions_matrix
from argmap.edit.document import Edit, EditError, MapDocument
from argmap.edit.edits import (
    AddPosition,
    Macro,
    RemovePosition,
    SetGroundSide,
    SetStance,
    UpdatePosition,
)
from argmap.map.model import STANCES, ArgumentMap, GroundSide, Position, Stance
from ui.qt.base.dockrefresh import RefreshWhileShown
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


def _short(label: str) -> str:
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
        self.setVerticalHeaderLabels([_short(p.label) for p in matrix.positions])
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
            max(header.sectionSizeHint(c), self.sizeHintForColumn(c))
            for c in range(self.columnCount())
        )
        scroll = self.verticalScrollBar().sizeHint().width()
        room = self.width() - 2 * self.frameWidth() - columns - scroll - max(padding, 0)
        floor = metrics.horizontalAdvance(_short("x" * ROW_LABEL_CHARS * 2))
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


EMPTY_HINT = (
    "<b>No positions yet.</b> A position is a question to compare the authors on, such as "
    "“Engage the Taliban?”. Create one, ground it on claims selected on the map, then record "
    "each author's stance: for, against, mixed or silent."
)


class PositionsDock(QDockWidget):
    """The positions matrix as a dock, with the commands that make and edit positions.

    It follows the document, redrawing once per event loop, and shows a hint with a
    "New Position…" button while the map has no positions.
    """

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__("Positions", parent)
        self.setObjectName("positions-dock")
        self.host = host
        body = QWidget(self)
        self._layout = layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)

        self.new_action = self._command(
            "New Position…", self.new_position, "Add a question to compare the authors on"
        )
        self.rename_action = self._command(
            "Rename…",
            self.rename_position,
            "Change the question of the current position (or double-click the question)",
        )
        self.describe_action = self._command(
            "Describe…", self.describe_position, "What counts as for, against or mixed"
        )
        self.ground_action = self._command(
            "Ground on Selection",
            self.ground_on_selection,
            "Make the claims selected on the map the grounds of the current position",
        )
        self.add_grounds_action = self._command(
            "Add to Grounds",
            lambda: self.ground_on_selection(add=True),
            "Add the claims selected on the map to the current position's grounds",
        )
        self.side_for_action = self._command(
            "Argues For",
            lambda: self.set_side_of_selection("for"),
            "Mark the claims selected on the map as grounds arguing for the current position",
        )
        self.side_against_action = self._command(
            "Argues Against",
            lambda: self.set_side_of_selection("against"),
            "Mark the claims selected on the map as grounds arguing against the current position",
        )
        self.side_clear_action = self._command(
            "Clear Side",
            lambda: self.set_side_of_selection(None),
            "Forget the side recorded for the selected grounds (they take their author's "
            "stance again)",
        )
        self.delete_action = self._command(
            "Delete", self.delete_position, "Delete the current position (undo restores it)"
        )
        self.toolbar = QToolBar("Positions", body)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setFloatable(False)
        self.toolbar.setMovable(False)
        tools_layout = self.toolbar.layout()
        if tools_layout is not None:  # a slim row: the table needs the height more
            tools_layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar.addAction(self.new_action)
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.rename_action, self.describe_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.ground_action, self.add_grounds_action])
        # The side a ground argues: needed for an author stated *mixed*, whose grounds
        # are on both sides (a menu button keeps the toolbar one row in a narrow dock).
        self.side_menu = QMenu("Side", self)
        self.side_menu.addActions(
            [self.side_for_action, self.side_against_action, self.side_clear_action]
        )
        self.side_button = QToolButton(self.toolbar)
        self.side_button.setText("Side of Selection")
        self.side_button.setToolTip(
            "Record which side of the question the selected claims argue (for an author "
            "stated mixed, whose grounds are on both sides)"
        )
        self.side_button.setMenu(self.side_menu)
        self.side_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.side_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addWidget(self.side_button)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.delete_action)

        self.pages = QStackedWidget(body)
        self.matrix_page = matrix_page = QWidget(self.pages)
        matrix_layout = QVBoxLayout(matrix_page)
        matrix_layout.setContentsMargins(0, 0, 0, 0)
        self.table = PositionsTable(host, matrix_page)
        self.legend = QLabel(
            f"{DISAGREE_MARK} the map's links suggest another stance (hover for why). "
            "Click a cell: select grounds; double-click: change.",
            matrix_page,
        )
        self.legend.setWordWrap(True)
        # a quiet note in either theme (palette(mid) nearly vanished on a dark one)
        self.legend.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        matrix_layout.addWidget(self.table)
        matrix_layout.addWidget(self.legend)

        self.empty_page = QWidget(self.pages)
        empty_layout = QVBoxLayout(self.empty_page)
        empty_layout.setContentsMargins(8, 8, 8, 8)
        self.empty_hint = QLabel(EMPTY_HINT, self.empty_page)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setTextFormat(Qt.TextFormat.RichText)
        self.empty_button = QPushButton("New Position…", self.empty_page)
        self.empty_button.setToolTip(self.new_action.toolTip())
        self.empty_button.clicked.connect(self.new_action.trigger)
        empty_layout.addWidget(self.empty_hint)
        empty_layout.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)

        self.pages.addWidget(matrix_page)
        self.pages.addWidget(self.empty_page)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages)
        self.setWidget(body)

        header = self.table.verticalHeader()
        header.sectionDoubleClicked.connect(self._rename_row)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.table.extend_menu = self.add_position_commands
        self.table.currentCellChanged.connect(lambda *_: self.update_actions())
        selection_changed = getattr(host.view, "selection_changed", None)
        if selection_changed is not None:  # the grounding commands count the selection
            selection_changed.connect(lambda *_: self.update_actions())

        # Once per event-loop turn while shown; hidden (closed, or tabbed behind the
        # import review) it is only marked stale and redrawn when it shows again.
        self.updater = RefreshWhileShown(self, self._redraw)
        host.doc.changed.connect(self.updater.schedule)
        self.updater.run()

    def _command(self, text: str, slot: Callable[[], object], tip: str) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # ------------------------------------------------------------------ dialogs
    def ask_text(self, title: str, label: str, value: str) -> str | None:
        """One line of text from the user, or ``None`` when cancelled (tests replace this)."""
        text, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, value)
        return text if ok else None

    def ask_long_text(self, title: str, label: str, value: str) -> str | None:
        """Several lines of text, or ``None`` when cancelled (tests replace this)."""
        text, ok = QInputDialog.getMultiLineText(self, title, label, value)
        return text if ok else None

    # ------------------------------------------------------------------ state
    def refresh(self) -> None:
        """Redraw the matrix now, shown or not (a command that needs it current)."""
        self.updater.run()

    def catch_up(self) -> None:
        """Redraw now if the document changed since the last redraw."""
        if self.updater.stale:
            self.updater.run()

    def _redraw(self) -> None:
        """Redraw the matrix, or show the empty state when there is nothing to draw."""
        self.table.refresh()
        empty = not self.host.doc.positions
        self.pages.setCurrentWidget(self.empty_page if empty else self.matrix_page)
        self.toolbar.setVisible(not empty)
        self.update_actions()

    def is_empty_state(self) -> bool:
        """True while the dock shows the hint instead of the matrix."""
        return self.pages.currentWidget() is self.empty_page

    def selected_claims(self) -> list[str]:
        """Claims selected on the map (kept while the author view is shown)."""
        scene = getattr(self.host.view, "map_scene", None)
        return list(scene().selected_claim_ids()) if callable(scene) else []

    def update_actions(self) -> None:
        """Enable what applies to the current row and the map's selection; say how many."""
        has_row = self.table.current_position_id() is not None
        n = len(self.selected_claims())
        for action in (self.rename_action, self.describe_action, self.delete_action):
            action.setEnabled(has_row)
        self.ground_action.setEnabled(has_row and n > 0)
        self.add_grounds_action.setEnabled(has_row and n > 0)
        self.ground_action.setText(f"Ground on Selection ({n})" if n else "Ground on Selection")
        position = self._target(None)
        sided = self._sided(position, self.selected_claims()) if position else []
        self.side_for_action.setEnabled(has_row and n > 0)
        self.side_against_action.setEnabled(has_row and n > 0)
        self.side_clear_action.setEnabled(bool(sided))
        self.side_button.setEnabled(has_row and n > 0)
        count = f" ({n})" if n else ""
        self.side_button.setText(f"Side of Selection{count}")

    def select_position(self, position_id: str) -> None:
        """Make ``position_id`` the current row (redrawing first if an edit is pending)."""
        self.catch_up()
        row = self.table.row_of(position_id)
        if row >= 0:
            self.table.setCurrentCell(row, max(self.table.currentColumn(), 0))
            item = self.table.item(row, 0)
            if item is not None:
                self.table.scrollToItem(item)

    # ------------------------------------------------------------------ commands
    def _push(self, edit: Edit, failure: str) -> bool:
        try:
            push_edit(self.host.undo_stack, self.host.doc, edit)
        except EditError as exc:
            self.host.show_error(failure, str(exc))
            return False
        return True

    def _target(self, position_id: str | None) -> Position | None:
        pid = position_id if position_id is not None else self.table.current_position_id()
        return self.host.doc.positions.get(pid) if pid is not None else None

    def new_position(self) -> str | None:
        """Ask for the question and add it as a position without stances (one undo step);
        returns the new id, or ``None`` when cancelled or refused."""
        answer = self.ask_text("New position", "Question to compare the authors on:", "")
        label = (answer or "").strip()
        if not label:
            return None
        position = Position(id=self.host.doc.new_id("position"), label=label)
        if not self._push(AddPosition(position), "Cannot add the position"):
            return None
        self.refresh()
        self.select_position(position.id)
        self.host.status(
            f"Added “{label}”. Select claims on the map and use Ground on Selection; "
            "double-click a cell to record a stance."
        )
        return position.id

    def rename_position(self, position_id: str | None = None) -> bool:
        """Ask for a new question (the position's label); one undo step when it changed."""
        position = self._target(position_id)
        if position is None:
            return False
        answer = self.ask_text("Rename position", "Question:", position.label)
        label = (answer or "").strip()
        if not label or label == position.label:
            return False
        edit = UpdatePosition(position.id, {"label": label})
        return self._push(edit, "Cannot rename the position")

    def describe_position(self, position_id: str | None = None) -> bool:
        """Ask for the description (what counts as for, against, mixed); one undo step."""
        position = self._target(position_id)
        if position is None:
            return False
        answer = self.ask_long_text(
            "Describe position",
            f"“{position.label}”\nWhat counts as for, against or mixed:",
            position.description,
        )
        if answer is None or answer.strip() == position.description:
            return False
        edit = UpdatePosition(position.id, {"description": answer.strip()})
        return self._push(edit, "Cannot change the description")

    def ground_on_selection(self, position_id: str | None = None, add: bool = False) -> bool:
        """Ground the position on the claims selected on the map, replacing its grounds or,
        with ``add``, adding to them (in map order after the old ones); one undo step."""
        position = self._target(position_id)
        if position is None:
            return False
        selected = self.selected_claims()
        if not selected:
            self.host.status("Select the grounding claims on the map first.")
            return False
        grounds = list(dict.fromkeys([*position.grounds, *selected])) if add else selected
        if grounds == position.grounds:
            self.host.status(f"“{position.label}” already has these grounds.")
            return False
        n = len(grounds)
        name = "Add to position grounds" if add else "Ground position"
        edit = UpdatePosition(position.id, {"grounds": grounds}, name=name)
        if not self._push(edit, "Cannot change the grounds"):
            return False
        self.host.status(f"“{position.label}” is grounded on {n} claim{'s' if n != 1 else ''}.")
        return True

    @staticmethod
    def _sided(position: Position, claim_ids: list[str]) -> list[str]:
        """The claims among ``claim_ids`` with a side recorded for ``position``."""
        return [c for c in claim_ids if c in position.sides]

    def set_side_of_selection(
        self, side: GroundSide | None, position_id: str | None = None
    ) -> bool:
        """Record that the claims selected on the map argue ``side`` of the position
        (they become grounds if they were not), or with ``None`` forget their recorded
        side; one undo step however many claims (a Macro of SetGroundSide edits)."""
        position = self._target(position_id)
        if position is None:
            return False
        selected = self.selected_claims()
        if not selected:
            self.host.status("Select the grounds on the map first.")
            return False
        if side is None:
            ids = self._sided(position, selected)
        else:
            ids = [c for c in selected if position.sides.get(c) != side]
        if not ids:
            said = f"argue {side}" if side else "have no recorded side"
            self.host.status(f"The selected claims already {said} on “{position.label}”.")
            return False
        edits: list[Edit] = [SetGroundSide(position.id, c, side) for c in ids]
        n = len(ids)
        if n == 1:
            edit = edits[0]
        else:
            name = f"Mark {n} grounds as {side}" if side else f"Clear side of {n} grounds"
            edit = Macro(edits, name)
        if not self._push(edit, "Cannot record the side"):
            return False
        self.update_actions()  # "Clear Side" follows at once, not at the next redraw
        added = sum(1 for c in ids if c not in position.grounds)
        one = n == 1
        grounds = f"{n} ground{'' if one else 's'}"
        if side is None:
            told = f"{grounds} {'takes its' if one else 'take their'} author's stance again"
        else:
            told = f"{grounds} {'argues' if one else 'argue'} {side}"
            told += f" ({added} newly a ground)" if added else ""
        self.host.status(f"“{position.label}”: {told}.")
        return True

    def delete_position(self, position_id: str | None = None) -> bool:
        """Delete the position with its stances; one undo step, so no confirmation."""
        position = self._target(position_id)
        if position is None:
            return False
        edit = Macro([RemovePosition(position.id)], "Delete position")
        if not self._push(edit, "Cannot delete the position"):
            return False
        self.host.status(f"Deleted “{position.label}” (Undo brings it back).")
        return True

    def select_position_grounds(self, position_id: str) -> None:
        position = self.host.doc.positions.get(position_id)
        if position is not None and position.grounds:
            select_on_map(self.host.view, list(position.grounds))

    # ------------------------------------------------------------------ menus
    def add_position_commands(self, menu: QMenu, position_id: str) -> None:
        """The commands on one position, for the row heading's and the cells' menus."""
        n = len(self.selected_claims())
        position = self.host.doc.positions.get(position_id)
        if position is None:
            return
        entries: list[tuple[str, Callable[[], object], bool]] = [
            ("Rename…", lambda: self.rename_position(position_id), True),
            ("Describe…", lambda: self.describe_position(position_id), True),
            (
                f"Ground on Selected Claims ({n})",
                lambda: self.ground_on_selection(position_id),
                n > 0,
            ),
            (
                "Add Selected Claims to Grounds",
                lambda: self.ground_on_selection(position_id, add=True),
                n > 0,
            ),
            (
                f"Selected Claims Argue For ({n})",
                lambda: self.set_side_of_selection("for", position_id),
                n > 0,
            ),
            (
                f"Selected Claims Argue Against ({n})",
                lambda: self.set_side_of_selection("against", position_id),
                n > 0,
            ),
            (
                "Clear Side of Selected Claims",
                lambda: self.set_side_of_selection(None, position_id),
                bool(self._sided(position, self.selected_claims())),
            ),
            (
                f"Select Grounds on the Map ({len(position.grounds)})",
                lambda: self.select_position_grounds(position_id),
                bool(position.grounds),
            ),
            ("Delete Position", lambda: self.delete_position(position_id), True),
        ]
        for i, (text, slot, enabled) in enumerate(entries):
            if i in (2, 4, 8):
                menu.addSeparator()
            action = menu.addAction(text)
            action.setEnabled(enabled)
            action.triggered.connect(lambda _checked=False, f=slot: f())

    def position_menu(self, position_id: str) -> QMenu:
        """The context menu of a row heading."""
        menu = QMenu(self)
        self.add_position_commands(menu, position_id)
        menu.addSeparator()
        menu.addAction(self.new_action)
        return menu

    def _rename_row(self, row: int) -> None:
        position_id = self.table.position_id(row)
        if position_id is not None:
            self.rename_position(position_id)

    def _header_menu(self, at: QPoint) -> None:
        header = self.table.verticalHeader()
        position_id = self.table.position_id(header.logicalIndexAt(at))
        if position_id is None:
            return
        self.position_menu(position_id).exec(header.mapToGlobal(at))

    # ------------------------------------------------------------------ layout
    def preferred_height(self) -> int:
        """The height that shows every row and the legend without scrolling, so the window
        gives the matrix what it needs by default and the map the rest."""
        # Count the rows of the map now: asked while a new map is being opened, the
        # document's change signals may not have reached this dock yet (so it would not
        # know it is stale), and this is asked only when the window arranges its docks.
        self.updater.run()
        title = self.style().pixelMetric(self.style().PixelMetric.PM_TitleBarHeight)
        margins = self._layout.contentsMargins()
        width = max(self.width(), 700) - 8
        if self.is_empty_state():
            hint = self.empty_hint.heightForWidth(width - 16)
            page = hint + self.empty_button.sizeHint().height() + 16 + 12
            return page + margins.top() + margins.bottom() + max(title, 20)
        table = self.table
        header = table.verticalHeader()  # its length is 0 until the table is first laid out
        # A table not laid out yet (a map just opened) measures no row (-1): the heading's
        # own hint then stands in, so a matrix that appears is not sized to no rows.
        rows = sum(
            max(table.sizeHintForRow(r), header.sectionSizeHint(r), 0)
            for r in range(table.rowCount())
        )
        rows = max(header.length(), rows) + table.horizontalHeader().sizeHint().height()
        frame = 2 * table.frameWidth()
        legend = self.legend.heightForWidth(width)  # wrapped, not hinted
        tools = self.toolbar.sizeHint().height() + 2
        body = rows + frame + legend + tools + margins.top() + margins.bottom() + 4
        return body + max(title, 20)

    def detach(self) -> None:
        self.host.doc.changed.disconnect(self.updater.schedule)
        self.updater.stale = False
