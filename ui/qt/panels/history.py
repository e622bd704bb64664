"""The undo history dock: every gesture of the session by name; clicking one goes back to it."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QUndoView, QWidget


def history_dock(stack: QUndoStack, parent: QWidget | None = None) -> QDockWidget:
    """A dock with a ``QUndoView`` of ``stack`` (the first row is the map as opened)."""
    dock = QDockWidget("History", parent)
    dock.setObjectName("history_dock")
    view = QUndoView(stack)
    view.setEmptyLabel("<opened map>")
    view.setToolTip("Click an entry to go back to that point; Ctrl+Z / Ctrl+Shift+Z step")
    dock.setWidget(view)
    return dock
