"""Undo and Redo keys that work wherever the focus is.

A new user pressed Ctrl+Z after an import and nothing happened: the focus was in the
inspector's text field, which took the key for its own (empty) undo history, while the
toolbar's Undo worked. And Ctrl+Y did not redo on Linux, where the desktop's Redo is only
Ctrl+Shift+Z. So the map's Undo and Redo get both redo keys on every platform, and a text
field keeps Ctrl+Z / Ctrl+Y only while it has typing of its own to undo or redo, that is,
while it is being edited.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

__all__ = ["UndoKeysFilter", "redo_keys", "undo_keys"]


def undo_keys() -> list[QKeySequence]:
    """The platform's Undo keys (Ctrl+Z)."""
    return list(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))


def redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys, plus Ctrl+Y and Ctrl+Shift+Z on every platform (Linux
    desktops bind only Ctrl+Shift+Z; the README and Windows habits promise Ctrl+Y)."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
    for extra in ("Ctrl+Shift+Z", "Ctrl+Y"):
        if QKeySequence(extra) not in keys:
            keys.append(QKeySequence(extra))
    return keys


def _own_history(widget: QObject, redo: bool) -> bool | None:
    """Whether a text field has its own typing to undo (or redo); None for other widgets."""
    if isinstance(widget, QLineEdit):
        if widget.isReadOnly():
            return False
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        if widget.isReadOnly():
            return False
        document = widget.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return None


class UndoKeysFilter(QObject):
    """An application event filter: a text field with nothing of its own to undo does not
    claim the Undo or Redo key (Qt's shortcut override), so the map's Undo runs instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        combo = QKeySequence(event.keyCombination())
        is_undo = combo in undo_keys()
        is_redo = not is_undo and combo in redo_keys()
        if not (is_undo or is_redo):
            return False
        if _own_history(watched, redo=is_redo) is False:
            event.ignore()
            return True  # the field does not take the key: the shortcut runs
        return False
