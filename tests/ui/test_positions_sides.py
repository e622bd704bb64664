"""Recording which side of a position's question a ground argues, from the Positions dock:
the claims selected on the map are marked as arguing for or against the current position,
or their recorded side is cleared, each gesture one undo step; the row heading lists the
grounds with their sides and the cell tooltips count them. The dock, like the other
analysis docks, redraws only while shown.

The harness and the small map are those of ``test_positions_edit``: James Baker ("jb") is
stated *mixed* here, since a mixed author is who needs sides recorded.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from argmap.edit.edits import SetStance
from tests.ui.test_positions_edit import Harness, make, settle, small_map
from ui.qt.base.undo import push_edit
from ui.qt.features.compare import CompareFeature
from ui.qt.panels.positions import PositionsDock


def mixed_setup(qtbot: QtBot) -> tuple[Harness, CompareFeature, PositionsDock]:
    """The small debate with James Baker stated mixed on "Engage the Taliban?" (not an
    undo step of its own: the stack starts empty)."""
    amap = small_map()
    engage = amap.positions[0].model_copy(update={"stances": {"sg": "for", "jb": "mixed"}})
    amap = amap.model_copy(update={"positions": [engage, *amap.positions[1:]]})
    window, feature, dock = make(qtbot, amap)
    dock.table.setCurrentCell(dock.table.row_of("engage"), 0)
    return window, feature, dock


def cell_tip(dock: PositionsDock, author_column: int) -> str:
    item = dock.table.item(dock.table.row_of("engage"), author_column)
    assert item is not None
    return item.toolTip()


def heading_tip(dock: PositionsDock) -> str:
    item = dock.table.verticalHeaderItem(dock.table.row_of("engage"))
    assert item is not None
    return item.toolTip()


def test_mark_one_selected_claim_against_is_one_undo_step(qtbot: QtBot) -> None:
    window, _feature, dock = mixed_setup(qtbot)
    jb = [a.id for a in dock.table.matrix.authors].index("jb")  # type: ignore[union-attr]
    assert not dock.side_for_action.isEnabled()  # nothing selected on the map
    assert not dock.side_button.isEnabled()
    before = window.doc.map.model_dump()

    window.view.select_claims(["o2"])
    assert dock.side_against_action.isEnabled() and dock.side_button.isEnabled()
    assert dock.side_button.text() == "Side of Selection (1)"
    assert not dock.side_clear_action.isEnabled()  # no side recorded yet
    dock.side_against_action.trigger()

    position = window.doc.positions["engage"]
    assert position.sides == {"o2": "against"}
    assert position.grounds == ["t1", "o2"]  # it became a ground
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "Mark ground as against"
    settle(qtbot)
    assert "(1 against)" in cell_tip(dock, jb)  # the cell counts the recorded side
    assert "[argues against] Engagement rewards terror (James Baker)" in heading_tip(dock)
    assert "[author's stance] Engage the Taliban (Sahar Ghumkhor)" in heading_tip(dock)
    assert "newly a ground" in window.messages[-1]

    window.undo_stack.undo()
    assert window.doc.map.model_dump() == before
    settle(qtbot)
    assert "argues against" not in heading_tip(dock)


def test_mark_several_for_then_clear_each_one_undo_step(qtbot: QtBot) -> None:
    window, _feature, dock = mixed_setup(qtbot)
    before = window.doc.map.model_dump()
    window.view.select_claims(["t2", "o2"])
    dock.side_for_action.trigger()
    assert window.doc.positions["engage"].sides == {"t2": "for", "o2": "for"}
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "Mark 2 grounds as for"
    marked = window.doc.map.model_dump()

    dock.side_for_action.trigger()  # already so: nothing pushed, and the user is told
    assert window.undo_stack.count() == 1
    assert "already argue for" in window.messages[-1]

    window.view.select_claims(["t2", "o2", "p1"])  # p1 has no side: only the two change
    assert dock.side_clear_action.isEnabled()
    dock.side_clear_action.trigger()
    position = window.doc.positions["engage"]
    assert position.sides == {}
    assert position.grounds == ["t1", "t2", "o2"]  # they stay grounds
    assert window.undo_stack.count() == 2
    assert window.undo_stack.undoText() == "Clear side of 2 grounds"
    assert not dock.side_clear_action.isEnabled()
    window.undo_stack.undo()
    assert window.doc.map.model_dump() == marked
    window.undo_stack.undo()
    assert window.doc.map.model_dump() == before


def test_side_commands_in_the_row_heading_menu(qtbot: QtBot) -> None:
    window, _feature, dock = mixed_setup(qtbot)
    window.view.select_claims(["p1"])
    menu = dock.position_menu("pressure")  # another row than the current one
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert not actions["Clear Side of Selected Claims"].isEnabled()
    actions["Selected Claims Argue Against (1)"].trigger()
    assert window.doc.positions["pressure"].sides == {"p1": "against"}
    assert window.doc.positions["engage"].sides == {}
    menu = dock.position_menu("pressure")
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert actions["Clear Side of Selected Claims"].isEnabled()
    actions["Clear Side of Selected Claims"].trigger()
    assert window.doc.positions["pressure"].sides == {}
    assert window.undo_stack.count() == 2


def test_the_side_button_menu_offers_the_three_commands(qtbot: QtBot) -> None:
    _window, _feature, dock = mixed_setup(qtbot)
    menu = dock.side_button.menu()
    assert menu is not None
    assert [a.text() for a in menu.actions()] == ["Argues For", "Argues Against", "Clear Side"]
    assert dock.side_button.isVisibleTo(dock)


def test_hidden_positions_dock_does_no_work_and_is_current_once_shown(
    qtbot: QtBot, monkeypatch: Any
) -> None:
    window, _feature, dock = mixed_setup(qtbot)
    settle(qtbot)
    dock.hide()
    calls: list[object] = []
    real = dock.table.refresh
    monkeypatch.setattr(dock.table, "refresh", lambda: (calls.append(1), real())[1])
    runs = dock.updater.runs
    push_edit(window.undo_stack, window.doc, SetStance("engage", "jb", "against"))
    settle(qtbot)
    assert calls == [] and dock.updater.runs == runs  # hidden: nothing recomputed
    dock.show()
    assert calls == [1] and dock.updater.runs == runs + 1  # current before it is painted
    item = dock.table.item(dock.table.row_of("engage"), 1)
    assert item is not None and item.text().startswith("against")

    dock.hide()  # the height the window asks for still counts the rows of a new map
    window.doc.set_map(small_map(with_positions=False))
    assert dock.updater.stale
    height = dock.preferred_height()
    assert not dock.updater.stale and dock.is_empty_state()
    assert height > 0


def test_sides_in_the_main_window_are_undone_from_the_edit_menu(
    qtbot: QtBot, tmp_path: Any
) -> None:
    from PySide6.QtCore import QSettings

    from ui.qt.window.main import MainWindow

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, tmp_path / "recovery", autosave_ms=3_600_000)
    qtbot.addWidget(window)
    window.set_map(small_map(), None)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    dock = window.findChild(PositionsDock)
    assert isinstance(dock, PositionsDock) and dock.isVisible()
    dock.table.setCurrentCell(dock.table.row_of("engage"), 0)
    window.view.select_claims(["p1", "o2"])
    dock.side_against_action.trigger()
    assert window.doc.positions["engage"].sides == {"p1": "against", "o2": "against"}
    assert window.act_undo.text().endswith("Mark 2 grounds as against")
    window.act_undo.trigger()
    assert window.doc.positions["engage"].sides == {}
    assert dock.table.horizontalHeader().isVisible()
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
