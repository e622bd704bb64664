"""An export looks like the map the user sees, whichever way it was made (issue 15, item
10: after articles were imported into the bundled map, ``argmap export`` drew straight
arrows between cards it had moved, while the app drew the cards where they were, with
curved, routed arrows)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from argmap.drawing.picture import picture
from argmap.map.mapfile import load
from tests.conftest import MAPS
from ui.cli import main
from ui.qt.features import importer
from ui.qt.window.main import MainWindow

ARTICLE = (
    "The Case for Trams\n\nBy: Jane Doe\n\n"
    "The city should build the tram line to the airport now. Traffic on the airport road has "
    "doubled since 2015, according to the transport office.\n\n"
    "Critics claim that a tram is too expensive. But the cost of the jams is higher every year. "
    "Therefore the council must fund the tram line in this year's budget.\n"
)


def _flat(route: list[tuple[float, float]]) -> list[float]:
    return [v for p in route for v in p]


def _routes_of_scene(window: MainWindow) -> dict[str, list[tuple[float, float]]]:
    scene = window.view.map_scene()
    scene.ensure_routes()
    out = {}
    for link_id in scene.routed_links():
        item = scene.link_item(link_id)
        assert item is not None
        route = item.route()
        assert route is not None
        out[link_id] = route
    return out


@pytest.fixture
def imported(qtbot: Any, tmp_path: Path) -> tuple[MainWindow, Path]:
    """The bundled map with one article imported in the app, saved."""
    target = tmp_path / "debate.argmap.json"
    shutil.copy(MAPS / "afghanistan-debate.argmap.json", target)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, tmp_path / "rec", install_features=False, restore_state=False)
    window.show_error = lambda _t, text: pytest.fail(text)  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign,assignment,return-value]
    assert window.open_path(target)
    before = len(window.doc.map.sources)
    feature = importer.install(window)
    article = tmp_path / "trams.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    feature.ask_paths = lambda: [str(article)]  # type: ignore[method-assign]
    feature.action.trigger()
    assert len(window.doc.map.sources) == before + 1
    saved = tmp_path / "with-trams.argmap.json"
    assert window.save_to(saved)
    return window, saved


def test_the_saved_map_draws_its_cards_where_the_app_shows_them(
    imported: tuple[MainWindow, Path],
) -> None:
    window, saved = imported
    drawn = window.view.map_scene().current_positions()
    pic = picture(load(saved))
    for card in pic.cards:
        at = drawn[card.claim.id]
        assert (card.x, card.y) == pytest.approx((at.x, at.y), abs=0.01), card.claim.id


def test_the_command_line_routes_the_arrows_the_app_routes(
    imported: tuple[MainWindow, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window, saved = imported
    shown = _routes_of_scene(window)
    assert len(shown) >= len(window.doc.map.links) // 2  # the app draws curved arrows
    pic = picture(load(saved))  # what `argmap export` draws
    exported = {a.link.id: a.route for a in pic.arrows if a.route is not None}
    assert set(exported) == set(shown)
    for link_id, route in shown.items():
        assert _flat(exported[link_id]) == pytest.approx(_flat(route), abs=0.2), link_id
    assert main(["export", str(saved), "-o", str(tmp_path / "map.svg")]) == 0
    capsys.readouterr()


def test_a_reopened_map_shows_what_was_exported(
    imported: tuple[MainWindow, Path], qtbot: Any, tmp_path: Path
) -> None:
    window, saved = imported
    shown = _routes_of_scene(window)
    assert window.open_path(saved)
    again = _routes_of_scene(window)
    assert set(again) == set(shown)
    for link_id, route in shown.items():
        assert _flat(again[link_id]) == pytest.approx(_flat(route), abs=0.2), link_id
