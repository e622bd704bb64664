"""Search folds quote marks, dashes, case and accents, and brings a hit into view at a
readable zoom (issue 15, item 5: "Let's hope" found nothing where the text has "Let’s",
and in Fit view a found card stayed a dot)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from argmap.edit.quotes import fold
from tests.conftest import MAPS
from ui.qt.canvas.view_navigation import MIN_READABLE_FIT
from ui.qt.window.main import MainWindow


def test_fold_treats_the_marks_quote_find_treats_as_equal() -> None:
    assert fold("Let’s  hope") == fold("let's hope")
    assert fold("“Café” — 2001–2021") == fold('"cafe" - 2001-2021')
    assert fold("…") == "..."


def test_search_finds_curly_text_typed_straight_and_shows_it_readably(
    qtbot: Any, tmp_path: Path
) -> None:
    target = tmp_path / "debate.argmap.json"
    shutil.copy(MAPS / "afghanistan-debate.argmap.json", target)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, tmp_path / "rec", autosave_ms=3_600_000, install_features=False)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(target)
    window.view.fit_all()
    assert window.view.zoom() < MIN_READABLE_FIT  # the bundled map fitted: unreadable
    # straight apostrophe, hyphens for em dashes, a plain space for a no-break one, capitals
    window.search.setText("U.S.'S BEST BET is to find a political-and diplomatic-solution")
    assert window.search.matches, "no match for a straight apostrophe"
    window.search.find_next()
    found = window.search.matches[0]
    assert window.view.map_scene().selected_claim_ids() == [found]
    assert window.view.zoom() >= MIN_READABLE_FIT
    item = window.view.map_scene().claim_item(found)
    assert item is not None
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert shown.contains(item.sceneBoundingRect())
    window.search.setText("cafe")  # accents: no claim says café, but none fails either
    window.search.setText("2001-2021")
