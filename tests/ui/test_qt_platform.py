"""Facts about the Qt install that the app relies on, checked where the tests run."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QWidget


def test_a_real_font_is_available() -> None:
    """Without a font package every glyph renders as a box and Qt says nothing."""
    assert QFontInfo(QFont()).family() != ""


def test_void_qt_calls_keep_references_to_none() -> None:
    """PySide6 6.12.0 on CPython 3.11 lost one reference to None per void call, which
    aborts the interpreter after a few thousand calls; the pinned version must not."""
    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(500):
        widget.resize(10, 10)
    assert sys.getrefcount(None) >= before - 50
