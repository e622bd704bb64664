"""Light and dark palettes on the Fusion style, following the system unless the user picks.

Fusion draws the same on every platform and honours a palette completely, so the dark
palette really is dark everywhere (native styles ignore parts of it), and screenshots taken
offscreen look like the app on a desktop.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

ThemeMode = Literal["system", "light", "dark"]
THEME_MODES: tuple[ThemeMode, ...] = ("system", "light", "dark")


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def light_palette() -> QPalette:
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#f3f3f5",
        QPalette.ColorRole.WindowText: "#1d1d1f",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f0f0f3",
        QPalette.ColorRole.ToolTipBase: "#ffffe6",
        QPalette.ColorRole.ToolTipText: "#1d1d1f",
        QPalette.ColorRole.PlaceholderText: "#8a8a8e",
        QPalette.ColorRole.Text: "#1d1d1f",
        QPalette.ColorRole.Button: "#ebebef",
        QPalette.ColorRole.ButtonText: "#1d1d1f",
        QPalette.ColorRole.BrightText: "#c62828",
        QPalette.ColorRole.Highlight: "#2f6fcf",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#2f6fcf",
        QPalette.ColorRole.Mid: "#c4c4c9",
        QPalette.ColorRole.Dark: "#a0a0a6",
        QPalette.ColorRole.Light: "#ffffff",
    }
    for role, value in colors.items():
        palette.setColor(role, QColor(value))
    return _with_disabled(palette, "#9a9aa0")


def dark_palette() -> QPalette:
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#2b2d31",
        QPalette.ColorRole.WindowText: "#e6e6e9",
        QPalette.ColorRole.Base: "#1e1f22",
        QPalette.ColorRole.AlternateBase: "#26282c",
        QPalette.ColorRole.ToolTipBase: "#3a3d42",
        QPalette.ColorRole.ToolTipText: "#e6e6e9",
        QPalette.ColorRole.PlaceholderText: "#8c8f96",
        QPalette.ColorRole.Text: "#e6e6e9",
        QPalette.ColorRole.Button: "#35373c",
        QPalette.ColorRole.ButtonText: "#e6e6e9",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Highlight: "#3d7be0",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#6ea8ff",
        QPalette.ColorRole.Mid: "#45484e",
        QPalette.ColorRole.Dark: "#1a1b1e",
        QPalette.ColorRole.Light: "#4a4d54",
        QPalette.ColorRole.Shadow: "#111214",
    }
    for role, value in colors.items():
        palette.setColor(role, QColor(value))
    return _with_disabled(palette, "#6f727a")


def _with_disabled(palette: QPalette, grey: str) -> QPalette:
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(grey))
    return palette


def is_dark(mode: ThemeMode) -> bool:
    return mode == "dark" or (mode == "system" and system_is_dark())


def apply_theme(app: QApplication, mode: ThemeMode) -> None:
    """Fusion with the light or dark palette that ``mode`` means now."""
    style = QStyleFactory.create("Fusion")
    if style is not None and app.style().name().lower() != "fusion":
        app.setStyle(style)
    app.setPalette(dark_palette() if is_dark(mode) else light_palette())
