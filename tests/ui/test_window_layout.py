"""The main window as it first opens: room for the map, docks that follow the map, the
user's arrangement remembered, and keys that delete claims only where the map has focus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDockWidget, QScrollArea

from argmap.map.mapfile import load
from tests.conftest import MAPS
from tests.ui.test_canvas import small_map
from ui.app import image_format, screenshot
from ui.qt.canvas.items import LOW_DETAIL
from ui.qt.window.main import MainWindow

DEBATE = MAPS / "afghanistan-debate.argmap.json"
SINGLE = MAPS / "ct-leverage.argmap.json"  # one article, no positions

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot: Any, tmp_path: Path, settings_file: Path) -> MakeWindow:
    """Windows sharing one settings file (so a second window sees what the first saved),
    with the comparison features installed and no question ever asked."""

    def make(size: tuple[int, int] = (1600, 1000), **options: Any) -> MainWindow:
        settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
        window = MainWindow(settings, tmp_path / "recovery", autosave_ms=3_600_000, **options)
        window.show_error = lambda *_: None  # type: ignore[method-assign]
        window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
        window.ask_recover = lambda recovery: False  # type: ignore[method-assign]
        qtbot.addWidget(window)
        window.resize(*size)
        return window

    return make


def _positions_dock(window: MainWindow) -> QDockWidget:
    dock = window.findChild(QDockWidget, "positions-dock")
    assert isinstance(dock, QDockWidget)
    return dock


def _open_shown(qtbot: Any, window: MainWindow, path: Path) -> None:
    window.set_map(load(path), path)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()


def test_first_start_gives_the_map_most_of_the_window(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    _open_shown(qtbot, window, DEBATE)
    view, positions = window.view, _positions_dock(window)
    assert view.width() >= 0.5 * window.width()
    assert view.height() >= 0.6 * window.height()
    assert window.sources_dock.width() <= 0.26 * window.width()
    assert window.sources_dock.width() >= 300  # still a column one can read
    # the positions matrix is open for a map with positions, as tall as its rows need
    assert positions.isVisible()
    assert positions.height() <= 0.25 * window.height()
    table = positions.table  # type: ignore[attr-defined]
    assert table.viewport().height() >= table.verticalHeader().length()
    # the map opens at a zoom that draws text, its top (the conclusions) in view
    assert view.zoom() >= LOW_DETAIL
    top = min(view.map_scene().claim_items(), key=lambda i: i.pos().y())
    assert (
        view.mapToScene(view.viewport().rect())
        .boundingRect()
        .contains(top.sceneBoundingRect().center())
    )
    # a map this big gets the overview
    assert window.overview_dock.isVisible()
    assert window.overview_dock.toggleViewAction() in window.docks_menu.actions()


def test_right_column_shows_the_legend_whole_and_no_needless_scroll_bars(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window()
    _open_shown(qtbot, window, DEBATE)
    assert window.overview_dock.isVisible()  # the column holds all three
    legend_area = window.legend_dock.widget()
    assert isinstance(legend_area, QScrollArea)
    # the "Links" box at the legend's foot was clipped behind a scroll bar
    assert legend_area.viewport().height() >= window.legend.sizeHint().height()
    assert not legend_area.verticalScrollBar().isVisible()
    # nothing selected: the inspector's short map page, not sized for the claim form
    inspector_area = window.inspector_dock.widget()
    assert isinstance(inspector_area, QScrollArea)
    assert not inspector_area.verticalScrollBar().isVisible()
    window.view.select_claims([next(iter(window.doc.claims))])
    QApplication.processEvents()
    assert window.inspector.sizeHint().height() > inspector_area.viewport().height()


def test_docks_follow_the_map_until_the_user_chooses(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    _open_shown(qtbot, window, SINGLE)
    assert not _positions_dock(window).isVisible()  # nothing to compare
    assert window.open_path(DEBATE)
    assert _positions_dock(window).isVisible()
    window.new_map()  # an empty map fits the pane: no overview
    assert not window.overview_dock.isVisible()
    assert window.open_path(DEBATE)
    assert window.overview_dock.isVisible()

    window.overview_dock.toggleViewAction().trigger()  # the user closes the overview
    assert not window.overview_dock.isVisible()
    assert window.open_path(DEBATE)
    assert not window.overview_dock.isVisible()  # and it stays closed
    window.doc.set_map(small_map())
    assert not window.overview_dock.isVisible()


def test_saved_arrangement_wins_over_the_defaults(qtbot: Any, make_window: MakeWindow) -> None:
    size = (780, 560)  # inside the offscreen screen: restored geometry is clamped to it
    first = make_window(size)
    _open_shown(qtbot, first, DEBATE)
    first.overview_dock.toggleViewAction().trigger()
    first.resizeDocks([first.sources_dock], [200], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    width = first.sources_dock.width()
    assert first.close()

    again = make_window(size)
    _open_shown(qtbot, again, DEBATE)
    assert not again.overview_dock.isVisible()
    assert abs(again.sources_dock.width() - width) <= 2
    again.close()


def test_delete_keys_act_on_the_map_only_when_it_has_focus(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window((780, 560))
    _open_shown(qtbot, window, DEBATE)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    claims = list(window.doc.claims)[:2]
    window.view.select_claims(claims)

    table = _positions_dock(window).table  # type: ignore[attr-defined]
    for widget in (window.sources.text, table):
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus, timeout=2000)
        for key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            qtbot.keyClick(widget, key)
        qtbot.keyClick(widget, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert all(c in window.doc.claims for c in claims)
    assert window.undo_stack.count() == 0

    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=2000)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert not any(c in window.doc.claims for c in claims)
    assert window.undo_stack.count() == 1  # one gesture, one undo step

    window.act_undo.trigger()
    window.view.select_claims(claims)
    window.sources.text.setFocus()
    window.act_delete.trigger()  # Edit > Delete applies to the map, wherever the focus is
    assert not any(c in window.doc.claims for c in claims)


def test_screenshot_shows_readable_cards(make_window: MakeWindow, tmp_path: Path) -> None:
    window = make_window(restore_state=False)
    window.set_map(load(DEBATE), DEBATE)
    target = tmp_path / "shot.png"
    assert screenshot(window, target, (1600, 1000)) == (1600, 1000)
    assert QImage(str(target)).size().toTuple() == (1600, 1000)
    assert window.view.zoom() >= LOW_DETAIL  # below it cards are blank boxes
    assert window.view.width() >= 800


@pytest.mark.parametrize(
    ("name", "magic"),
    [("shot.jpg", b"\xff\xd8\xff"), ("shot.BMP", b"BM"), ("shot.png", b"\x89PNG")],
)
def test_screenshot_is_written_in_the_format_its_extension_names(
    make_window: MakeWindow, tmp_path: Path, name: str, magic: bytes
) -> None:
    window = make_window(restore_state=False)
    window.set_map(load(DEBATE), DEBATE)
    target = tmp_path / name
    assert screenshot(window, target, (800, 500)) == (800, 500)
    assert target.read_bytes().startswith(magic)
    assert QImage(str(target)).size().toTuple() == (800, 500)


def test_screenshot_refuses_an_extension_qt_cannot_write(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(restore_state=False)
    with pytest.raises(ValueError, match=r"'\.svgz' images .* use one of: .*\.jpg.*\.png"):
        screenshot(window, tmp_path / "shot.svgz", (800, 500))
    assert not window.isVisible()  # refused before any rendering
    assert list(tmp_path.glob("shot*")) == []
    assert image_format(Path("a.JPEG")) == "jpeg"


def test_a_matrix_that_appears_with_a_map_gets_the_rows_it_needs(
    qtbot: Any, make_window: MakeWindow
) -> None:
    """Opened after a map without positions, the matrix appears in a window already
    arranged: it gets its default height then, not whatever Qt leaves it (three rows)."""
    window = make_window()
    _open_shown(qtbot, window, SINGLE)
    positions = _positions_dock(window)
    assert not positions.isVisible()
    assert window.open_path(DEBATE)
    QApplication.processEvents()
    assert positions.isVisible()
    table = positions.table  # type: ignore[attr-defined]
    assert table.rowCount() == len(window.doc.map.positions)
    assert table.viewport().height() >= table.verticalHeader().length()
    assert positions.height() <= 0.25 * window.height()


def test_analysis_docks_never_grow_the_window_past_a_laptop_screen(
    qtbot: Any, make_window: MakeWindow
) -> None:
    """What stands and Compare two authors stacked under the inspector, legend and overview
    at 1280x720 used to push the window to 790 pixels, past the screen."""
    from ui.qt.features.compare import CompareFeature

    window = make_window((1280, 720))
    _open_shown(qtbot, window, DEBATE)
    compare = window.findChild(CompareFeature)
    assert compare is not None
    compare.stands_dock.show()
    compare.show_diff("kabul", "hussain")
    QApplication.processEvents()
    assert compare.stands_dock.isVisible() and compare.diff_dock.isVisible()
    assert window.size().height() == 720 and window.size().width() == 1280


def test_a_window_left_open_at_exit_prints_no_traceback(tmp_path: Path) -> None:
    """A script or notebook that ends with the window open: Python deletes the settings
    before the docks hide, which used to print a RuntimeError traceback per dock."""
    import subprocess
    import sys

    script = f"""
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.qt.window.main import MainWindow
def make():
    settings = QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat)
    window = MainWindow(settings, Path({str(tmp_path / "rec")!r}), autosave_ms=3_600_000)
    window.open_path({str(DEBATE)!r}, ask=False)
    window.show()
    app.processEvents()
    return window
w = make()
print("left open")
"""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=root, check=False
    )
    assert "left open" in done.stdout
    assert "Traceback" not in done.stderr, done.stderr


def test_a_layout_leaves_the_cards_readable(qtbot: Any, make_window: MakeWindow) -> None:
    """Auto and lane layout used to fit a big map, so its cards drew as blocks without
    text; they frame it as a map opens instead (whole only when readable)."""
    from ui.qt.features.compare import CompareFeature

    window = make_window((1280, 720))
    _open_shown(qtbot, window, DEBATE)
    window.view.auto_layout()
    QApplication.processEvents()
    assert window.view.zoom() >= LOW_DETAIL
    compare = window.findChild(CompareFeature)
    assert compare is not None and compare.lane_layout()
    QApplication.processEvents()
    assert window.view.zoom() >= LOW_DETAIL


def test_a_first_window_fits_the_screen_it_opens_on(qtbot: Any, tmp_path: Path) -> None:
    """No saved layout: the window is its default size only where the screen has room, so
    its status bar and right-hand docks are never off a laptop screen."""
    settings = QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, tmp_path / "recovery", autosave_ms=3_600_000)
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert room.width() < 1400 or room.height() < 900  # the offscreen screen is smaller
    assert window.width() <= room.width() and window.height() <= room.height()
