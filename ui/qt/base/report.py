"""Message boxes that stay on the screen however long their report.

An import of a file that repeated its articles told the user so in about 900 lines: the
box grew taller than the screen and its OK button went off it. A long report now shows
its first line as a summary and the rest in Qt's scrollable details area.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

__all__ = ["MAX_SHOWN_LINES", "report_box"]

MAX_SHOWN_LINES = 8
"""A report longer than this (or than 12 lines' worth of characters) goes to the details."""
_MAX_SHOWN_CHARS = 12 * 80


def report_box(
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Critical,
    parent: QWidget | None = None,
) -> QMessageBox:
    """A message box for ``text``: whole when short; else its first line (a summary the
    caller writes) with every line in the scrollable "Show Details…" area."""
    box = QMessageBox(icon, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    lines = text.splitlines()
    if len(lines) <= MAX_SHOWN_LINES and len(text) <= _MAX_SHOWN_CHARS:
        box.setText(text)
        return box
    summary = lines[0] if lines else text[:200]
    if len(summary) > 300:
        summary = summary[:299] + "…"
    rest = [line for line in lines[1:] if line.strip()]
    box.setText(summary)
    box.setInformativeText(
        f"Show Details… lists {len(rest)} line{'s' if len(rest) != 1 else ''}." if rest else ""
    )
    box.setDetailedText("\n".join(rest) if rest else text)
    return box
