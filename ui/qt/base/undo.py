"""The one adapter between core edits and Qt's undo stack.

A ``QUndoCommand`` here only calls ``edit.apply`` / ``edit.revert`` on the document; the
scene and every dock update themselves from the document's signals. So undo in the app is
exactly the undo the core tests exercise without a screen.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from argmap.edit.document import Edit, EditError, MapDocument


class EditCommand(QUndoCommand):
    """Wraps one core edit (a gesture: one drag, one multi-delete macro, one layout)."""

    def __init__(self, doc: MapDocument, edit: Edit, *, already_applied: bool = False) -> None:
        super().__init__(edit.label)
        self.doc = doc
        self.edit = edit
        self._skip_first_redo = already_applied

    def redo(self) -> None:  # Qt's name
        if self._skip_first_redo:  # QUndoStack.push calls redo(); the edit is already applied
            self._skip_first_redo = False
            return
        self.edit.apply(self.doc)

    def undo(self) -> None:  # Qt's name
        self.edit.revert(self.doc)


def push_edit(stack: QUndoStack, doc: MapDocument, edit: Edit) -> None:
    """Apply ``edit`` through the stack; an edit the document refuses raises ``EditError``
    and leaves the stack untouched (``QUndoStack.push`` would record a failed command)."""
    edit.apply(doc)  # raises EditError before anything is recorded
    stack.push(EditCommand(doc, edit, already_applied=True))


__all__ = ["EditCommand", "EditError", "push_edit"]
