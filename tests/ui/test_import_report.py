"""A long import report stays on the screen, and repeated articles are all caught
(issue 15, item 6: ~900 lines of "… is already in the map (source ); skipped" made a box
taller than the screen, with an empty source id, and one repeated copy was imported)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from argmap.extract.build import build_import
from argmap.map.model import ArgumentMap
from tests.conftest import FIXTURES
from tests.ui.helpers import bare_window
from ui.qt.base.report import report_box
from ui.qt.features.importer import ImportFeature, install
from ui.qt.window.main import MainWindow

SEED = sorted((FIXTURES / "seeds").glob("*.txt"))[0]


def _copies(folder: Path, n: int, *, retyped: bool = False) -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    paths = []
    for i in range(n):
        body = text
        if retyped and i % 2:  # the same article saved elsewhere: other marks and breaks
            body = text.replace("’", "'").replace("“", '"').replace("”", '"').replace("—", "-")
            body = body.replace(". ", ".  ")
        path = folder / f"copy{i:03}.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> MainWindow:
    return bare_window(qtbot, tmp_path)


def test_a_copy_saved_with_other_quote_marks_and_spacing_is_caught(tmp_path: Path) -> None:
    result = build_import(_copies(tmp_path, 4, retyped=True), ArgumentMap())
    assert len(result.sources) == 1
    warnings = [w for f in result.files for w in f.warnings if "skipped" in w]
    assert len(warnings) == 3
    assert all("(source )" not in w and "()" not in w for w in warnings)
    assert all("in this import (from copy000.txt)" in w for w in warnings)


def test_hundreds_of_repeats_give_a_one_line_summary_and_scrollable_details(
    window: MainWindow, tmp_path: Path
) -> None:
    feature: ImportFeature = install(window)
    paths = _copies(tmp_path, 300)
    feature.ask_paths = lambda: paths  # type: ignore[method-assign]
    feature.action.trigger()
    assert len(window.doc.map.sources) == 1
    ((title, text),) = window.errors  # type: ignore[attr-defined]
    summary = text.splitlines()[0]
    assert summary.startswith("299 articles already in the map or repeated")
    box = report_box(title, text, parent=window)
    assert box.text() == summary
    assert len(box.detailedText().splitlines()) == 299
    assert box.sizeHint().height() < 400  # the OK button stays on a 720-pixel screen
    assert "(source )" not in text


def test_a_short_report_is_shown_whole() -> None:
    box = report_box("Import Articles", "a.txt: not a text file")
    assert box.text() == "a.txt: not a text file" and box.detailedText() == ""
