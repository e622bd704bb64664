"""The overview (mini-map) of big maps, and the canvas following the app's palette."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QUndoStack
from PySide6.QtWidgets import QApplication, QGraphicsScene
from pytestqt.qtbot import QtBot

from argmap.edit.document import MapDocument
from argmap.map.palette import KIND_FILL
from argmap.map.synthetic import synthetic_map
from tests.ui.test_canvas import small_map
from ui.qt.canvas import MapOverview, MapView
from ui.qt.canvas.view import OPEN_ZOOM, THESES_MIN_ZOOM


@pytest.fixture
def big(qtbot: QtBot) -> Iterator[tuple[MapView, MapOverview]]:
    doc = MapDocument(synthetic_map(300, seed=2))
    view = MapView(doc, QUndoStack())
    overview = MapOverview(view)
    qtbot.addWidget(view)
    qtbot.addWidget(overview)
    view.resize(800, 600)
    overview.resize(240, 160)
    view.show()
    overview.show()
    qtbot.waitExposed(overview)
    view.reset_zoom()
    yield view, overview
    view.map_scene().detach()


def test_overview_draws_the_whole_map_and_the_visible_frame(
    big: tuple[MapView, MapOverview],
) -> None:
    _view, overview = big
    overview.refresh()
    image = overview.grab().toImage()
    colours = {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    assert any(c in colours for c in KIND_FILL.values())  # cards, drawn small
    assert "#1565c0" in colours  # the frame of what the view shows


def test_clicking_the_overview_moves_the_view_there(
    big: tuple[MapView, MapOverview], qtbot: QtBot
) -> None:
    view, overview = big
    overview.refresh()
    before = view.mapToScene(view.viewport().rect().center())
    qtbot.mouseClick(overview, Qt.MouseButton.LeftButton, pos=QPoint(230, 150))
    after = view.mapToScene(view.viewport().rect().center())
    assert after.x() > before.x() + 500 or after.y() > before.y() + 500
    qtbot.mouseClick(overview, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    back = view.mapToScene(view.viewport().rect().center())
    assert back.x() < after.x() and back.y() <= after.y()


def test_overview_has_no_frame_or_clicks_while_the_view_shows_another_scene(
    big: tuple[MapView, MapOverview], qtbot: QtBot
) -> None:
    """The author view replaces the map in the view: a frame of it on the map's
    overview would point nowhere, and a click must not scroll the author view."""
    view, overview = big
    other = QGraphicsScene()
    other.addRect(0, 0, 3000, 3000)
    view.set_alternate_scene(other)
    view.centerOn(0, 0)
    overview.refresh()
    image = overview.grab().toImage()
    colours = {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    assert "#1565c0" not in colours
    before = view.mapToScene(view.viewport().rect().center())
    qtbot.mouseClick(overview, Qt.MouseButton.LeftButton, pos=QPoint(230, 150))
    assert view.mapToScene(view.viewport().rect().center()) == before
    view.set_alternate_scene(None)


def test_canvas_follows_a_dark_palette(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old = app.palette()
    view = MapView(MapDocument(small_map()), QUndoStack())
    qtbot.addWidget(view)
    try:
        dark = QPalette(old)
        dark.setColor(QPalette.ColorRole.Base, QColor("#202124"))
        app.setPalette(dark)
        QApplication.processEvents()
        assert view.map_scene().backgroundBrush().color().name() == "#202124"
        assert all(x.dark for x in view.map_scene().link_items())  # brighter arrows
    finally:
        app.setPalette(old)
        QApplication.processEvents()
    assert (
        view.map_scene().backgroundBrush().color().name()
        == old.color(QPalette.ColorRole.Base).name()
    )
    view.map_scene().detach()


def test_fit_all_shows_a_big_map_whole(big: tuple[MapView, MapOverview]) -> None:
    view, _ = big
    view.fit_all()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    content = view.map_scene().content_rect()
    assert visible.contains(content.center())
    assert visible.width() >= content.width() - 2 or visible.height() >= content.height() - 2
    assert view.zoom() < 0.3
    # far out, antialiasing is off (thousands of hairlines); back at 100 % it is on
    assert not view.renderHints() & QPainter.RenderHint.Antialiasing
    view.reset_zoom()
    assert view.renderHints() & QPainter.RenderHint.Antialiasing


def test_a_big_map_opens_readable_at_its_top_and_a_small_one_whole(qtbot: QtBot) -> None:
    view = MapView(MapDocument(synthetic_map(300, seed=2)), QUndoStack())
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    # between the legible floor of a frame on several authors' theses and the 75 % of a
    # frame on one author's top card
    assert THESES_MIN_ZOOM <= view.zoom() <= OPEN_ZOOM
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    top = min(view.map_scene().claim_items(), key=lambda i: i.pos().y())
    assert visible.contains(top.pos())
    view.map_scene().detach()

    small = MapView(MapDocument(small_map()), QUndoStack())
    qtbot.addWidget(small)
    small.resize(900, 600)
    small.show()
    qtbot.waitExposed(small)
    visible = small.mapToScene(small.viewport().rect()).boundingRect()
    assert visible.contains(small.map_scene().content_rect().adjusted(2, 2, -2, -2))
    small.map_scene().detach()
