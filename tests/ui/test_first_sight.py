"""The bundled map at first sight (issue 15, item 3): the legend, the positions matrix and
the author view name each author by the same short name (the matrix headed two columns
with the ids "perennial" and "leverage", which matched nothing in the legend), a name cut
short has its full name in a tooltip, the author view's text is readable (its fitted
labels were about 6 pixels high), and the map opens on several authors' theses at a legible
zoom rather than on one author's corner."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem
from pytestqt.qtbot import QtBot

from argmap.analysis.authors import short_names
from argmap.edit.document import MapDocument
from argmap.map.mapfile import load
from argmap.map.synthetic import synthetic_map
from tests.conftest import MAPS
from tests.ui.test_canvas import small_map
from tests.ui.test_canvas_view import LEGIBLE_PX
from ui.qt.canvas import MapView
from ui.qt.canvas.items import LOW_DETAIL, label_font
from ui.qt.features.compare import CompareFeature, install
from ui.qt.panels.authorview import AuthorNode
from ui.qt.window.main import MainWindow

DEBATE = MAPS / "afghanistan-debate.argmap.json"


@pytest.fixture
def opened(qtbot: Any, tmp_path: Path) -> tuple[MainWindow, CompareFeature]:
    target = tmp_path / "debate.argmap.json"
    shutil.copy(DEBATE, target)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings, tmp_path / "recovery", autosave_ms=3_600_000, install_features=False)
    win.ask_save_changes = lambda: "discard"  # type: ignore[method-assign,assignment,return-value]
    feature = install(win)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_path(target)
    QApplication.processEvents()
    return win, feature


def test_no_author_is_named_by_a_bare_id_the_legend_does_not_show() -> None:
    amap = load(DEBATE)
    for author in amap.authors:
        short = short_names(amap.authors)[author.id]
        assert short.casefold() in author.name.casefold(), (author.id, short)


def test_legend_matrix_and_author_view_use_the_same_short_names(
    opened: tuple[MainWindow, CompareFeature],
) -> None:
    window, feature = opened
    amap = window.doc.map
    expected = [short_names(amap.authors)[a.id] for a in amap.authors]
    legend = [window.legend.author_boxes[a.id].text().rsplit(" (", 1)[0] for a in amap.authors]
    for shown, short in zip(legend, expected, strict=True):  # a narrow legend elides
        assert shown == short or (shown.endswith("…") and short.startswith(shown[:-1]))
    for author in amap.authors:  # the full name is one hover away
        assert author.name in window.legend.author_boxes[author.id].toolTip()
    table = feature.positions_dock.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == expected
    feature.set_author_view(True)
    assert feature.author_scene is not None
    nodes = [feature.author_scene.nodes[a.id] for a in amap.authors]
    assert [n.name for n in nodes] == expected
    for node, author in zip(nodes, amap.authors, strict=True):
        assert author.name in node.toolTip()


def test_the_author_view_text_is_readable_on_a_small_screen(
    opened: tuple[MainWindow, CompareFeature],
) -> None:
    window, feature = opened
    feature.set_author_view(True)
    assert feature.author_scene is not None
    zoom = window.view.transform().m11()
    texts = [i for i in feature.author_scene.items() if isinstance(i, QGraphicsSimpleTextItem)]
    assert texts
    smallest = min(t.font().pixelSize() for t in texts) * zoom
    assert smallest >= 9, f"smallest text {smallest:.1f} px on screen"
    assert all(isinstance(n, AuthorNode) for n in feature.author_scene.nodes.values())


def test_a_cut_question_has_its_full_text_in_a_tooltip(
    opened: tuple[MainWindow, CompareFeature],
) -> None:
    window, feature = opened
    table = feature.positions_dock.table
    for row, position in enumerate(window.doc.map.positions):
        header = table.verticalHeaderItem(row)
        assert header is not None
        assert position.label in header.toolTip()


def test_a_long_hyphenated_name_breaks_at_its_hyphen_in_the_author_view() -> None:
    from PySide6.QtGui import QFont

    from ui.qt.panels.authorview import wrap_name

    font = QFont()
    font.setPixelSize(14)
    font.setBold(True)
    lines = wrap_name("Counterterrorism-leverage", font, 102, max_lines=3)  # a node's room
    assert len(lines) == 2 and lines[0].startswith("Counterter") and lines[1] == "leverage"
    assert wrap_name("Counterterrorism-leverage", font, 400, max_lines=3) == [
        "Counterterrorism-leverage"
    ]


# ---------------------------------------------------------------- the opening frame


def _legible_zoom(zoom: float) -> bool:
    """Labels drawn as text (not blank blocks) and at least 7.5 px high on screen."""
    return zoom >= LOW_DETAIL and zoom * label_font().pixelSize() >= max(LEGIBLE_PX, 7.5)


def _authors_with_a_thesis_in_view(view: MapView) -> set[str | None]:
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return {
        item.claim.author
        for item in view.map_scene().claim_items()
        if item.claim.kind == "thesis" and shown.contains(item.sceneBoundingRect())
    }


def test_the_bundled_map_opens_on_several_authors_theses_at_a_legible_zoom(
    opened: tuple[MainWindow, CompareFeature],
) -> None:
    """At 1280x720 the comparison map does not fit readably; it opened at 75 % on one
    author's thesis and its first reasons. It now opens on the theses of two of its five
    authors side by side with the reasons between them, in labels of at least 7.5 px (a
    frame of three authors needs 6 px text, too small for a classroom projector)."""
    window, _ = opened
    view = window.view
    assert not view.fits_readably()
    assert _legible_zoom(view.zoom()), view.zoom()
    assert len(_authors_with_a_thesis_in_view(view)) >= 2
    hint = window.statusBar().currentMessage()  # and says how to see the rest
    assert "Fit Map (Ctrl+Shift+0)" in hint and "Overview" in hint


def test_a_big_map_of_five_authors_opens_on_all_their_theses(qtbot: QtBot) -> None:
    """A 1,000-claim synthetic map (five authors, a thesis at the head of each lane) opens
    on most of its authors' theses side by side, legibly; the overview and Fit Map show the
    rest."""
    view = MapView(MapDocument(synthetic_map(1000, with_positions=True)), QUndoStack())
    qtbot.addWidget(view)
    view.resize(700, 460)  # the map pane of a 1280x720 window with its docks
    view.show()
    qtbot.waitExposed(view)
    assert not view.fits_readably()
    assert _legible_zoom(view.zoom()), view.zoom()
    assert len(_authors_with_a_thesis_in_view(view)) >= 4
    view.map_scene().detach()


def test_a_small_map_still_opens_fitted_whole(qtbot: QtBot) -> None:
    view = MapView(MapDocument(small_map()), QUndoStack())
    qtbot.addWidget(view)
    view.resize(700, 460)
    view.show()
    qtbot.waitExposed(view)
    assert view.fits_readably()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(view.map_scene().content_rect().adjusted(2, 2, -2, -2))
    assert _legible_zoom(view.zoom())
    view.map_scene().detach()
