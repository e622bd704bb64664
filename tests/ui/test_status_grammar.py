"""The status bar's texts read as English (issue 15, item 12: "Add a objection", "Make a
evidence")."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from argmap.map.vocabulary import with_article
from ui.qt.window.main import MainWindow

_WRONG = re.compile(r"\ba [aeiou]", re.IGNORECASE)


def test_with_article() -> None:
    assert with_article("objection") == "an objection"
    assert with_article("evidence") == "an evidence"
    assert with_article("thesis") == "a thesis"


def test_no_action_of_the_window_says_a_before_a_vowel(qtbot: Any, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, tmp_path / "rec", install_features=True, restore_state=False)
    qtbot.addWidget(window)
    texts = []
    for widget in [window, *window.findChildren(QWidget)]:
        for action in widget.actions():
            texts += [action.statusTip(), action.toolTip(), action.text()]
    texts += [a.statusTip() for a in window.sources.new_from_selection.values()]
    assert any("objection" in t for t in texts)
    wrong = sorted({t for t in texts if _WRONG.search(t)})
    assert not wrong, wrong
