"""Small widgets (issue 15, item 8): the matrix's stance box opened as small as a cell,
its text unreadable; the Present mode banner covered the top card."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QComboBox

from tests.conftest import MAPS
from ui.qt.features import compare, presentation
from ui.qt.window.main import MainWindow


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> MainWindow:
    target = tmp_path / "debate.argmap.json"
    shutil.copy(MAPS / "afghanistan-debate.argmap.json", target)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings, tmp_path / "recovery", autosave_ms=3_600_000, install_features=False)
    win.ask_save_changes = lambda: "discard"  # type: ignore[method-assign,assignment,return-value]
    win.feature = compare.install(win)  # type: ignore[attr-defined]
    presentation.install(win)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_path(target)
    QApplication.processEvents()
    return win


def test_the_stance_box_is_as_big_as_its_text_needs(window: MainWindow, qtbot: Any) -> None:
    table = window.feature.positions_dock.table  # type: ignore[attr-defined]
    table.resize(table.width(), 200)
    item = table.item(0, 0)
    assert item is not None
    table.editItem(item)
    boxes = [b for b in table.viewport().findChildren(QComboBox) if b.isVisible()]
    assert len(boxes) == 1
    box = boxes[0]
    hint = box.sizeHint()
    assert box.height() >= hint.height() and box.width() >= hint.width()
    assert box.font().pixelSize() == QApplication.font().pixelSize()
    assert box.font().pointSizeF() == QApplication.font().pointSizeF()


def test_the_present_banner_sits_clear_of_the_top_cards_lets_clicks_through_and_fades(
    window: MainWindow, qtbot: Any
) -> None:
    mode = window.presentation  # type: ignore[attr-defined]
    mode.action.setChecked(True)
    QApplication.processEvents()
    hint, view = mode.hint, window.view
    assert hint.isVisible()
    assert hint.geometry().top() > view.height() // 2  # the bottom half, not over the top row
    assert hint.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    assert mode.fade.endValue() == 0.0
    mode.fade.start()  # what the hint's timer starts; run it to its end
    mode.fade.setCurrentTime(mode.fade.duration())
    assert not hint.isVisible()
    mode.action.setChecked(False)
