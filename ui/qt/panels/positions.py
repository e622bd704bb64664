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

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QDockWidget,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from argmap.edit.document import Edit, EditError
from argmap.edit.edits import (
    AddPosition,
    Macro,
    RemovePosition,
    SetGroundSide,
    UpdatePosition,
)
from argmap.map.model import GroundSide, Position
from ui.qt.base.dockrefresh import RefreshWhileShown
from ui.qt.base.undo import push_edit
from ui.qt.panels.positions_table import DISAGREE_MARK, Host, PositionsTable, select_on_map

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
