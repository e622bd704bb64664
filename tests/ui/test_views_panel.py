"""The Views panel: make a view from the selection, a position or an author (one undo step
each), open it alone on the canvas and go back, step through it in Present mode."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import MAPS
from tests.ui.helpers import shown_window
from ui.qt.features.views import ViewsFeature
from ui.qt.window.main import MainWindow


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> MainWindow:
    return shown_window(qtbot, tmp_path, MAPS / "afghanistan-debate.argmap.json", (1280, 720))


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _feature(window: MainWindow) -> ViewsFeature:
    feature = window.views_feature  # type: ignore[attr-defined]
    assert isinstance(feature, ViewsFeature)
    return feature


def _visible_cards(feature: ViewsFeature) -> list[str]:
    assert feature.current is not None
    return [i.claim_id for i in feature.current.scene.claim_items() if i.isVisible()]


def test_the_panel_lists_the_maps_views(window: MainWindow) -> None:
    feature = _feature(window)
    # the map has views: the panel is open (a tab beside the legend)
    assert feature.dock.toggleViewAction().isChecked()
    assert feature.list.count() == len(window.doc.map.views) == 12
    assert feature.act_from_selection in window.map_menu.actions()


def test_make_a_view_from_the_selection_with_undo(window: MainWindow) -> None:
    feature = _feature(window)
    window.view.select_claims(["hussain.thesis1", "hussain.p2"], center=False)
    feature.act_from_selection.trigger()
    _settle()
    made = window.doc.map.views[-1]
    assert (made.kind, made.claims) == ("claims", ["hussain.thesis1", "hussain.p2"])
    assert feature.list.count() == 13 and feature.selected_id() == made.id
    assert window.undo_stack.undoText() == f"Make view “{made.name}”"
    window.undo_stack.undo()
    _settle()
    assert len(window.doc.map.views) == 12 and feature.list.count() == 12
    window.undo_stack.redo()
    assert window.doc.map.views[-1] == made


def test_make_a_view_of_a_position_and_of_an_author_with_undo(window: MainWindow) -> None:
    feature = _feature(window)
    before = window.undo_stack.count()
    feature.make_of_position("pos.ct-leverage")
    feature.make_of_author("gzero")
    added = window.doc.map.views[-2:]
    assert [(v.kind, v.position, v.author) for v in added] == [
        ("position", "pos.ct-leverage", None),
        ("author", None, "gzero"),
    ]
    # the bundled map already has views of these names: the new ones are told apart
    assert added[1].name == "GZERO Media (2)"
    assert window.undo_stack.count() == before + 2
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert len(window.doc.map.views) == 12


def test_open_a_view_and_return_to_the_whole_map(window: MainWindow) -> None:
    feature = _feature(window)
    map_scene = window.view.map_scene()
    feature.open_view("view.gzero")
    _settle()
    assert window.view.scene() is not map_scene and not window.view.showing_map()
    shown = set(_visible_cards(feature))
    from argmap.analysis.views import view_claims

    assert shown == set(view_claims(window.doc.map, window.doc.views["view.gzero"]))
    assert len(shown) < len(window.doc.map.claims)
    feature.close_view()
    _settle()
    assert window.view.scene() is map_scene and window.view.showing_map()


def test_step_forward_and_back_in_present_mode(window: MainWindow, qtbot: Any) -> None:
    feature = _feature(window)
    view = window.doc.views["view.hussain"]
    feature.open_view(view.id)
    assert feature.current is not None
    places = {i.claim_id: i.pos() for i in feature.current.scene.claim_items()}
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    _settle()
    qtbot.wait(150)
    assert window.presentation.presenting  # type: ignore[attr-defined]
    assert _visible_cards(feature) == [view.steps[0]]
    # the whole view is framed in the screen, so no step scrolls out of sight
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    for item in feature.current.scene.claim_items():
        assert shown.contains(item.sceneBoundingRect()), item.claim_id
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown)  # a clicker's "next"
    assert set(_visible_cards(feature)) == set(view.steps[:3])
    qtbot.keyClick(window.view, Qt.Key.Key_Left)
    assert set(_visible_cards(feature)) == set(view.steps[:2])
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp)
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp)  # never fewer than the first step
    assert _visible_cards(feature) == [view.steps[0]]
    # no card moved: they appear where they will stay
    assert {i.claim_id: i.pos() for i in feature.current.scene.claim_items()} == places
    # an arrow shows only when both its cards do
    for link in feature.current.scene.link_items():
        assert link.isVisible() == (link.source.isVisible() and link.target.isVisible())
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    _settle()
    assert len(_visible_cards(feature)) == len(view.steps)


def test_change_the_teaching_order_with_undo(window: MainWindow) -> None:
    feature = _feature(window)
    feature._select("view.kabul")
    first, second = feature._step_id(0), feature._step_id(1)
    feature.steps.setCurrentRow(0)
    feature.move_step(1)
    _settle()
    assert window.doc.views["view.kabul"].steps[:2] == [second, first]
    assert [feature._step_id(0), feature._step_id(1)] == [second, first]
    window.undo_stack.undo()
    assert window.doc.views["view.kabul"].steps[:2] == [first, second]


def test_export_view_writes_only_the_view(window: MainWindow, tmp_path: Path) -> None:
    feature = _feature(window)
    feature._select("view.gzero")
    out = tmp_path / "gzero.svg"
    feature.ask_export_path = lambda *_args: str(out)  # type: ignore[method-assign]
    feature.export_view()
    svg = out.read_text(encoding="utf-8")
    assert "gzero." in svg and "hussain.thesis1" not in svg
    slides = tmp_path / "gzero.pdf"
    feature.ask_export_path = lambda *_args: str(slides)  # type: ignore[method-assign]
    feature.export_slides()
    assert slides.read_bytes().startswith(b"%PDF")


def test_make_a_view_from_a_position_row_with_undo(window: MainWindow) -> None:
    from ui.qt.panels.positions import PositionsDock

    dock = window.findChildren(PositionsDock)[0]
    menu = dock.position_menu("pos.terror-threat")
    action = next(a for a in menu.actions() if a.text() == "Make a View of This Question")
    action.trigger()
    made = window.doc.map.views[-1]
    assert (made.kind, made.position) == ("position", "pos.terror-threat")
    window.undo_stack.undo()
    assert made.id not in window.doc.views
