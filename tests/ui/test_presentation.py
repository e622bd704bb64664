"""View → Present (F5): the map alone, full screen, readable from the back row; Esc puts
the window back exactly as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar

from tests.conftest import MAPS
from tests.ui.helpers import shown_window
from ui.qt.features.presentation import PRESENT_ZOOM, PresentationMode
from ui.qt.window.main import MainWindow


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> MainWindow:
    return shown_window(qtbot, tmp_path, MAPS / "afghanistan-debate.argmap.json", (1280, 720))


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _shown_parts(window: MainWindow) -> list[str]:
    parts = [*window.findChildren(QDockWidget), *window.findChildren(QToolBar)]
    return sorted(p.objectName() for p in parts if p.parent() is window and p.isVisible())


def _mode(window: MainWindow) -> PresentationMode:
    found = window.findChildren(PresentationMode)
    assert len(found) == 1
    return found[0]


def test_presenting_shows_the_map_alone_and_readable(window: MainWindow, qtbot: Any) -> None:
    mode = _mode(window)
    assert mode.action in window.view_menu.actions()
    window.view.select_claims(["hussain.thesis1"], center=True)
    _settle()
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    _settle()
    assert mode.presenting and window.isFullScreen()
    assert _shown_parts(window) == []
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert window.view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert window.view.zoom() >= PRESENT_ZOOM
    card = window.view.map_scene().claim_item("hussain.thesis1")
    assert card is not None  # the selection is what the class sees, in the middle
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    middle = card.sceneBoundingRect().center()
    assert abs(centre.x() - middle.x()) < 2 and abs(centre.y() - middle.y()) < 2


def test_escape_puts_the_window_back_as_it_was(window: MainWindow, qtbot: Any) -> None:
    mode = _mode(window)
    _settle()
    parts, zoom = _shown_parts(window), window.view.zoom()
    _, centre = window.view.view_state()
    mode.action.trigger()
    _settle()
    assert mode.presenting
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    _settle()
    assert not mode.presenting and not mode.action.isChecked()
    assert not window.isFullScreen() and window.menuBar().isVisible()
    assert _shown_parts(window) == parts
    assert window.view.zoom() == pytest.approx(zoom)
    _, back = window.view.view_state()
    near = 1.5 / zoom  # a pixel or so, in scene units
    assert abs(back.x() - centre.x()) <= near and abs(back.y() - centre.y()) <= near
    assert window.view.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOn
    assert window.undo_stack.count() == 0  # presenting is no edit


def test_presenting_is_no_choice_of_panels(window: MainWindow) -> None:
    """Hiding every dock to present, and showing them again, must not be remembered as the
    user closing and opening them (the window keeps a per-dock choice for later maps)."""
    from ui.qt.window.docks import CHOSEN_KEY

    def chosen() -> dict[str, object]:
        keys = [k for k in window.settings.allKeys() if k.startswith(CHOSEN_KEY)]
        return {k: window.settings.value(k) for k in keys}

    _settle()
    before = chosen()
    mode = _mode(window)
    mode.action.trigger()
    _settle()
    mode.action.trigger()
    _settle()
    assert chosen() == before


def test_closing_while_presenting_remembers_the_editing_layout(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    _settle()
    parts = _shown_parts(window)
    _mode(window).action.trigger()
    _settle()
    window.close()
    _settle()
    again = MainWindow(window.settings, tmp_path / "recovery2", autosave_ms=3_600_000)
    qtbot.addWidget(again)
    assert again.open_path(MAPS / "afghanistan-debate.argmap.json", ask=False)
    again.show()
    qtbot.waitExposed(again)
    _settle()
    assert not again.isFullScreen()
    assert again.menuBar().isVisible()
    assert _shown_parts(again) == parts
