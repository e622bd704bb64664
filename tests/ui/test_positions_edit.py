"""Making positions in the app: create, rename, describe, ground from the map's selection
and delete, each one undo entry whose undo restores the map exactly; the empty state of a
map without positions; Map → New Position….

The dialogs are the dock's ``ask_text`` / ``ask_long_text``, replaced here by recorders so
nothing blocks. A small harness stands in for the main window (the attributes the feature
uses, and nothing else); the last test installs the feature in the real window.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow
from pytestqt.qtbot import QtBot

from argmap.edit.document import MapDocument
from argmap.map.model import ArgumentMap, Author, Claim, Position
from ui.qt.canvas import MapView
from ui.qt.features.compare import CompareFeature, install
from ui.qt.panels.positions import PositionsDock
from ui.qt.panels.positions_table import ROW_LABEL_CHARS


def small_map(with_positions: bool = True) -> ArgumentMap:
    return ArgumentMap(
        title="Small debate",
        authors=[
            Author(id="sg", name="Sahar Ghumkhor", color="#0072b2"),
            Author(id="jb", name="James Baker", color="#d55e00"),
        ],
        claims=[
            Claim(id="t1", kind="thesis", text="Engage the Taliban", author="sg"),
            Claim(id="p1", kind="premise", text="Isolation failed", author="sg"),
            Claim(id="t2", kind="thesis", text="Pressure Pakistan", author="jb"),
            Claim(id="o2", kind="premise", text="Engagement rewards terror", author="jb"),
        ],
        positions=(
            [
                Position(
                    id="engage",
                    label="Engage the Taliban?",
                    stances={"sg": "for", "jb": "against"},
                    grounds=["t1"],
                ),
                Position(id="pressure", label="Pressure Pakistan?", grounds=["t2"]),
            ]
            if with_positions
            else []
        ),
    )


class Harness(QMainWindow):
    """The main window's surface as the comparison feature sees it."""

    def __init__(self, amap: ArgumentMap) -> None:
        super().__init__()
        self.doc = MapDocument(amap)
        self.undo_stack = QUndoStack(self)
        self.view = MapView(self.doc, self.undo_stack, self)
        self.setCentralWidget(self.view)
        bar = self.menuBar()
        self.edit_menu = bar.addMenu("Edit")
        self.view_menu = bar.addMenu("View")
        self.map_menu = bar.addMenu("Map")
        self.tools_menu = bar.addMenu("Tools")
        self.errors: list[tuple[str, str]] = []
        self.messages: list[str] = []
        self.resize(1100, 760)

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
        self.addDockWidget(area, dock)

    def show_error(self, title: str, text: str) -> None:
        self.errors.append((title, text))

    def status(self, text: str) -> None:
        self.messages.append(text)


class Answers:
    """Stands in for the dock's dialogs: records each question, gives the next answer."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[str, str, str]] = []

    def __call__(self, title: str, label: str, value: str) -> str | None:
        self.asked.append((title, label, value))
        return self.answers.pop(0)


def make(qtbot: QtBot, amap: ArgumentMap) -> tuple[Harness, CompareFeature, PositionsDock]:
    window = Harness(amap)
    qtbot.addWidget(window)
    feature = install(window)
    window.show()
    qtbot.waitExposed(window)
    dock = feature.positions_dock
    dock.show()

    def unexpected(title: str, label: str, value: str) -> str | None:
        raise AssertionError("a dialog was opened that the test did not expect")

    dock.ask_text = unexpected  # type: ignore[method-assign]
    dock.ask_long_text = unexpected  # type: ignore[method-assign]
    return window, feature, dock


@pytest.fixture
def setup(qtbot: QtBot) -> Iterator[tuple[Harness, CompareFeature, PositionsDock]]:
    yield make(qtbot, small_map())


def settle(qtbot: QtBot) -> None:
    """Let the docks' zero-timers redraw them from the document."""
    qtbot.wait(5)


def cell(dock: PositionsDock, row: int, column: int) -> str:
    item = dock.table.item(row, column)
    assert item is not None
    return item.text()


def headings(dock: PositionsDock) -> list[str]:
    table = dock.table
    return [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]


def assert_one_undo_step_restores(qtbot: QtBot, window: Harness, before: dict[str, Any]) -> None:
    """Exactly one entry was pushed, and undoing it gives back the identical map."""
    assert window.undo_stack.count() == 1
    after = window.doc.map.model_dump()
    assert after != before
    window.undo_stack.undo()
    assert window.doc.map.model_dump() == before
    window.undo_stack.redo()
    assert window.doc.map.model_dump() == after
    settle(qtbot)


# ------------------------------------------------------------------ create
def test_new_position_asks_the_question_and_is_one_undo_step(
    setup: tuple[Harness, CompareFeature, PositionsDock], qtbot: QtBot
) -> None:
    window, _feature, dock = setup
    before = window.doc.map.model_dump()
    expected_id = window.doc.new_id("position")
    dock.ask_text = Answers("  Talk to Pakistan first?  ")  # type: ignore[method-assign]

    dock.new_action.trigger()

    position = window.doc.positions[expected_id]
    assert position.label == "Talk to Pakistan first?"
    assert position.stances == {} and position.grounds == []
    assert window.undo_stack.undoText() == "Add position"
    assert headings(dock)[-1] == "Talk to Pakistan first?"
    assert dock.table.current_position_id() == expected_id  # ready for its stances
    assert all(cell(dock, 2, c) == "—" for c in range(2))  # no stances yet
    assert_one_undo_step_restores(qtbot, window, before)


def test_cancelled_or_blank_question_adds_nothing(
    setup: tuple[Harness, CompareFeature, PositionsDock],
) -> None:
    window, _feature, dock = setup
    dock.ask_text = Answers(None, "   ")  # type: ignore[method-assign]
    assert dock.new_position() is None
    assert dock.new_position() is None
    assert window.undo_stack.count() == 0
    assert len(window.doc.positions) == 2


# ------------------------------------------------------------------ rename, describe
def test_double_click_on_a_row_heading_renames(
    setup: tuple[Harness, CompareFeature, PositionsDock], qtbot: QtBot
) -> None:
    window, _feature, dock = setup
    before = window.doc.map.model_dump()
    answers = Answers("Negotiate with the Taliban?")
    dock.ask_text = answers  # type: ignore[method-assign]
    header = dock.table.verticalHeader()
    row = dock.table.row_of("pressure")
    at = QPoint(header.width() // 2, header.sectionViewportPosition(row) + 4)

    qtbot.mouseDClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)  # type: ignore[no-untyped-call]

    assert answers.asked[0][2] == "Pressure Pakistan?"  # the old question to edit
    assert window.doc.positions["pressure"].label == "Negotiate with the Taliban?"
    assert window.undo_stack.undoText() == "Rename position"
    settle(qtbot)
    assert headings(dock)[row] == "Negotiate with the Taliban?"
    assert_one_undo_step_restores(qtbot, window, before)
    window.undo_stack.undo()
    settle(qtbot)
    assert headings(dock)[row] == "Pressure Pakistan?"


def test_renaming_to_the_same_or_a_blank_question_changes_nothing(
    setup: tuple[Harness, CompareFeature, PositionsDock],
) -> None:
    window, _feature, dock = setup
    dock.ask_text = Answers("Engage the Taliban?", "", None)  # type: ignore[method-assign]
    for _ in range(3):
        assert not dock.rename_position("engage")
    assert window.undo_stack.count() == 0


def test_describe_from_the_row_heading_menu(
    setup: tuple[Harness, CompareFeature, PositionsDock], qtbot: QtBot
) -> None:
    window, _feature, dock = setup
    before = window.doc.map.model_dump()
    dock.ask_long_text = Answers("For: talks of any kind.\n")  # type: ignore[method-assign]
    menu = dock.position_menu("engage")
    next(a for a in menu.actions() if a.text() == "Describe…").trigger()
    assert window.doc.positions["engage"].description == "For: talks of any kind."
    assert window.undo_stack.undoText() == "Describe position"
    assert_one_undo_step_restores(qtbot, window, before)


def test_row_headings_use_the_room_beside_the_matrix(
    setup: tuple[Harness, CompareFeature, PositionsDock], qtbot: QtBot
) -> None:
    """A wide dock shows a long question whole; a narrow one cuts it, never below
    ROW_LABEL_CHARS, and the tooltip always has all of it."""
    window, _feature, dock = setup
    question = (
        "Should the United States make its aid to Pakistan conditional on Pakistan "
        "acting against the Taliban's leadership?"
    )
    window.doc.set_map(
        small_map().model_copy(
            update={"positions": [Position(id="aid", label=question, grounds=["t2"])]}
        )
    )
    settle(qtbot)
    table = dock.table
    table.resize(1400, table.height())
    assert headings(dock) == [question]
    table.resize(480, table.height())
    (cut,) = headings(dock)
    assert cut.endswith("…") and question.startswith(cut[:-1])
    settle(qtbot)
    assert table.horizontalScrollBar().maximum() == 0  # every author's column in view
    table.resize(200, table.height())
    (cut,) = headings(dock)
    assert len(cut) >= ROW_LABEL_CHARS - 4  # never shorter than about ROW_LABEL_CHARS
    assert question in table.verticalHeaderItem(0).toolTip()


# ------------------------------------------------------------------ grounds
def test_ground_on_the_map_selection_replaces_the_grounds(
    setup: tuple[Harness, CompareFeature, PositionsDock], qtbot: QtBot
) -> None:
    window, _feature, dock = setup
    dock.table.setCurrentCell(dock.table.row_of("engage"), 0)
    assert not dock.ground_action.isEnabled()  # nothing selected on the map yet
    before = window.doc.map.model_dump()

    window.view.select_claims(["o2", "p1"])
    assert dock.ground_action.isEnabled()
    assert dock.ground_action.text() == "Ground on Selection (2)"
    dock.ground_action.trigger()

    assert window.doc.positions["engage"].grounds == ["p1", "o2"]  # map order
    assert window.doc.positions["engage"].stances == {"sg": "for", "jb": "against"}
    assert window.undo_stack.undoText() == "Ground position"
    assert_one_undo_step_restores(qtbot, window, before)
    assert window.doc.positions["engage"].grounds == ["p1", "o2"]
    window.undo_stack.undo()
    assert window.doc.positions["engage"].grounds == ["t1"]


def test_add_selected_claims_to_the_grounds_from_the_menu(
    setup: tuple[Harness, CompareFeature, PositionsDock], qtbot: QtBot
) -> None:
    window, _feature, dock = setup
    before = window.doc.map.model_dump()
    window.view.select_claims(["t1", "p1"])  # t1 is a ground already
    menu = dock.position_menu("engage")
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert actions["Ground on Selected Claims (2)"].isEnabled()
    actions["Add Selected Claims to Grounds"].trigger()
    assert window.doc.positions["engage"].grounds == ["t1", "p1"]
    assert_one_undo_step_restores(qtbot, window, before)


def test_grounding_without_a_selection_says_how(
    setup: tuple[Harness, CompareFeature, PositionsDock],
) -> None:
    window, _feature, dock = setup
    window.view.select_claims([])
    menu = dock.position_menu("engage")
    ground = next(a for a in menu.actions() if a.text().startswith("Ground on Selected"))
    assert not ground.isEnabled()
    assert not dock.ground_on_selection("engage")
    assert window.undo_stack.count() == 0
    assert "Select the grounding claims" in window.messages[-1]


def test_select_grounds_from_the_menu_selects_them_on_the_map(
    setup: tuple[Harness, CompareFeature, PositionsDock],
) -> None:
    window, _feature, dock = setup
    menu = dock.position_menu("pressure")
    next(a for a in menu.actions() if a.text().startswith("Select Grounds")).trigger()
    assert window.view.map_scene().selected_claim_ids() == ["t2"]


# ------------------------------------------------------------------ delete
def test_delete_is_one_undo_step_and_undo_puts_it_back_in_its_row(
    setup: tuple[Harness, CompareFeature, PositionsDock], qtbot: QtBot
) -> None:
    window, _feature, dock = setup
    before = window.doc.map.model_dump()
    menu = dock.position_menu("engage")
    next(a for a in menu.actions() if a.text() == "Delete Position").trigger()
    assert "engage" not in window.doc.positions
    assert window.undo_stack.undoText() == "Delete position"
    settle(qtbot)
    assert headings(dock) == ["Pressure Pakistan?"]
    assert_one_undo_step_restores(qtbot, window, before)
    window.undo_stack.undo()
    settle(qtbot)
    assert headings(dock) == ["Engage the Taliban?", "Pressure Pakistan?"]
    assert cell(dock, 0, 0) == "for"  # stances came back with it


def test_toolbar_acts_on_the_current_row(
    setup: tuple[Harness, CompareFeature, PositionsDock], qtbot: QtBot
) -> None:
    _window, _feature, dock = setup
    dock.table.setCurrentCell(-1, -1)
    assert not dock.delete_action.isEnabled() and not dock.rename_action.isEnabled()
    dock.table.setCurrentCell(dock.table.row_of("pressure"), 1)
    assert dock.delete_action.isEnabled()
    dock.delete_action.trigger()
    settle(qtbot)
    assert headings(dock) == ["Engage the Taliban?"]


# ------------------------------------------------------------------ empty state
def test_a_map_without_positions_shows_a_hint_and_the_new_button(qtbot: QtBot) -> None:
    window, _feature, dock = make(qtbot, small_map(with_positions=False))
    assert dock.is_empty_state()
    assert dock.empty_button.isVisible() and dock.empty_hint.isVisible()
    assert "No positions yet" in dock.empty_hint.text()
    assert not dock.table.isVisible() and not dock.toolbar.isVisible()
    before = window.doc.map.model_dump()
    dock.ask_text = Answers("Engage the Taliban?")  # type: ignore[method-assign]

    qtbot.mouseClick(dock.empty_button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]

    assert not dock.is_empty_state()
    assert dock.table.isVisible() and dock.toolbar.isVisible()
    assert headings(dock) == ["Engage the Taliban?"]
    assert_one_undo_step_restores(qtbot, window, before)
    window.undo_stack.undo()
    settle(qtbot)
    assert dock.is_empty_state()
    assert dock.preferred_height() < 200  # the hint needs little room


def test_set_map_switches_between_the_matrix_and_the_hint(
    setup: tuple[Harness, CompareFeature, PositionsDock], qtbot: QtBot
) -> None:
    window, _feature, dock = setup
    assert not dock.is_empty_state()
    window.doc.set_map(small_map(with_positions=False))
    settle(qtbot)
    assert dock.is_empty_state()
    window.doc.set_map(small_map())
    settle(qtbot)
    assert not dock.is_empty_state()
    assert headings(dock) == ["Engage the Taliban?", "Pressure Pakistan?"]


# ------------------------------------------------------------------ Map menu
def test_map_menu_new_position_opens_the_dock_on_it(qtbot: QtBot) -> None:
    window, feature, dock = make(qtbot, small_map(with_positions=False))
    dock.hide()
    action = next(a for a in window.map_menu.actions() if a.text() == "New Position…")
    dock.ask_text = Answers(None)  # type: ignore[method-assign]
    action.trigger()  # cancelled: nothing changes, the dock stays closed
    assert not dock.isVisible() and window.undo_stack.count() == 0
    dock.ask_text = Answers("Pressure Pakistan?")  # type: ignore[method-assign]
    action.trigger()
    assert dock.isVisible()
    assert [p.label for p in window.doc.map.positions] == ["Pressure Pakistan?"]
    assert dock.table.current_position_id() == window.doc.map.positions[0].id
    assert feature.new_position_action is action


def test_main_window_has_new_position_in_the_map_menu(qtbot: QtBot, tmp_path: Any) -> None:
    from PySide6.QtCore import QSettings

    from ui.qt.window.main import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, tmp_path / "recovery", restore_state=False)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    qtbot.addWidget(window)
    feature = window.findChild(CompareFeature)
    assert isinstance(feature, CompareFeature)
    assert feature.new_position_action in window.map_menu.actions()
    feature.positions_dock.ask_text = Answers("Engage?")  # type: ignore[method-assign]
    feature.new_position_action.trigger()
    assert [p.label for p in window.doc.map.positions] == ["Engage?"]
    assert window.undo_stack.count() == 1


def test_edit_menu_undo_names_what_changed_in_a_position(qtbot: QtBot, tmp_path: Any) -> None:
    """Edit → Undo says which field an undo takes back, not a generic "Edit position"."""
    from PySide6.QtCore import QSettings

    from ui.qt.window.main import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, tmp_path / "recovery", restore_state=False)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.doc.set_map(small_map())
    dock = window.findChild(CompareFeature).positions_dock  # type: ignore[union-attr]
    dock.ask_text = Answers("Negotiate?")  # type: ignore[method-assign]
    dock.ask_long_text = Answers("For: any talks.")  # type: ignore[method-assign]
    undo = window.act_undo
    assert dock.rename_position("engage")
    assert undo.text().replace("&", "") == "Undo Rename position"
    assert dock.describe_position("engage")
    assert undo.text().replace("&", "") == "Undo Describe position"
    window.view.select_claims(["p1"])
    assert dock.ground_on_selection("engage", add=True)
    assert undo.text().replace("&", "") == "Undo Add to position grounds"
    assert window.undo_stack.count() == 3  # one step each, no macro wrapped around them
