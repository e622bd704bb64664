"""The import and export dialogs (issue 15, item 9): the import filter listed neither PDF
nor DOCX; a file that cannot be imported must say why; after Accept or Reject in the
review the next row is selected; the export dialog opens in the map's folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.conftest import FIXTURES
from tests.ui.helpers import bare_window
from ui.qt.features import exporter, importer
from ui.qt.window.main import MainWindow

SEED = sorted((FIXTURES / "seeds").glob("*.txt"))[0]


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> MainWindow:
    return bare_window(qtbot, tmp_path)


def test_the_import_filter_lists_every_importable_type() -> None:
    first = importer.ARTICLE_FILTER.split(";;")[0]
    for suffix in ("*.txt", "*.html", "*.htm", "*.pdf", "*.docx"):
        assert suffix in first, suffix
    assert "All files (*)" in importer.ARTICLE_FILTER


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("report.pdf", b"%PDF-1.7\n...", "PDF"),
        ("essay.docx", b"PK\x03\x04rest", "Word"),
        ("typed-name.txt", None, "no such file"),
    ],
)
def test_a_file_that_cannot_be_imported_says_why(
    window: MainWindow, tmp_path: Path, name: str, data: bytes | None, why: str
) -> None:
    feature = importer.install(window)
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    feature.ask_paths = lambda: [str(path)]  # type: ignore[method-assign]
    feature.action.trigger()
    assert window.doc.map.sources == []
    ((_, text),) = window.errors  # type: ignore[attr-defined]
    assert name in text and why in text


def test_accept_and_reject_move_the_selection_to_the_next_row(window: MainWindow) -> None:
    feature = importer.install(window)
    feature.ask_paths = lambda: [str(SEED)]  # type: ignore[method-assign]
    feature.action.trigger()
    dock = feature.dock
    rows = dock.row_ids("claim")
    assert len(rows) >= 4
    dock.select_ids([rows[0]])
    dock.accept_selected()
    QApplication.processEvents()
    after_accept = dock.selected_ids()
    assert after_accept and after_accept != [rows[0]], "the selection stayed on the accepted row"
    dock.reject_selected()
    QApplication.processEvents()
    after_reject = dock.selected_ids()
    assert after_reject and after_reject != after_accept


def test_the_export_dialog_opens_in_the_maps_folder(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "maps here"
    folder.mkdir()
    shutil_map = folder / "debate.argmap.json"
    from tests.conftest import MAPS

    shutil_map.write_bytes((MAPS / "afghanistan-debate.argmap.json").read_bytes())
    assert window.open_path(shutil_map)
    feature = exporter.install(window)
    seen: list[str] = []

    def fake(_parent: Any, _title: str, start: str, _filters: str) -> tuple[str, str]:
        seen.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    monkeypatch.chdir(tmp_path)
    feature.ask_export_path()
    assert seen and Path(seen[0]).parent == folder, seen
    assert os.getcwd() != str(folder)
