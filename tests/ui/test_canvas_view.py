"""The view's opening frame and the text threshold, judged as a projected map would be."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from argmap.edit.document import MapDocument
from argmap.map.mapfile import load
from tests.conftest import MAPS
from tests.ui.test_canvas import small_map
from ui.qt.canvas import MapOverview, MapView
from ui.qt.canvas.items import LOW_DETAIL, label_font
from ui.qt.canvas.view import MIN_READABLE_FIT, OPEN_ZOOM

LEGIBLE_PX = 6.0
"""The smallest label height worth drawing as text; below it a card is a block."""


@pytest.fixture
def wide(qtbot: QtBot) -> Iterator[MapView]:
    """A map wider than the pane and shorter than it at the opening zoom."""
    view = MapView(MapDocument(load(MAPS / "hussain-engagement.argmap.json")), QUndoStack())
    qtbot.addWidget(view)
    view.resize(900, 800)
    view.show()
    qtbot.waitExposed(view)
    yield view
    view.map_scene().detach()


def test_text_is_drawn_wherever_it_is_legible() -> None:
    size = label_font().pixelSize()
    assert LOW_DETAIL * size <= LEGIBLE_PX  # no blank cards at a zoom with legible labels
    assert LOW_DETAIL * size >= LEGIBLE_PX - 1  # nor illegible specks of text
    assert MIN_READABLE_FIT >= LOW_DETAIL  # a fitted opening view always draws text
    assert OPEN_ZOOM * size >= 10  # the opening zoom of big maps reads on a projector


def test_a_wide_short_map_opens_centred_without_empty_margins(wide: MapView) -> None:
    view = wide
    content = view.map_scene().content_rect()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert view.zoom() == pytest.approx(OPEN_ZOOM)
    assert not view.fits_readably()
    # taller than the map: centred on it, not stuck at its top with the pane's foot empty
    assert visible.height() > content.height()
    assert visible.center().y() == pytest.approx(content.center().y(), abs=2)
    # narrower than the map: the frame stays inside it
    assert visible.left() >= content.left() - 2
    assert visible.right() <= content.right() + 2


def test_a_small_map_fits_readably(qtbot: QtBot) -> None:
    view = MapView(MapDocument(small_map()), QUndoStack())
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    assert view.fits_readably()
    view.resize(200, 150)
    assert not view.fits_readably()
    view.map_scene().detach()


def test_a_hidden_overview_renders_nothing(wide: MapView, qtbot: QtBot) -> None:
    overview = MapOverview(wide)
    qtbot.addWidget(overview)
    overview.resize(240, 160)
    overview.refresh()
    assert overview._image is None  # hidden: nothing rendered
    overview.show()
    qtbot.waitExposed(overview)
    overview.refresh()
    assert overview._image is not None
