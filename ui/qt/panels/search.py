"""The search box: highlight every matching claim, step through them with Enter / F3.

Matching is a substring test over a claim's label, quote, tags, note and author name, with
case, accents, quote marks and dashes folded as ``argmap quote find`` folds them ("Let's
hope" finds "Let’s hope"): one pass over the claims per keystroke, instant at 5,000 claims.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from argmap.edit.document import MapDocument
from argmap.edit.quotes import fold as _fold
from argmap.map.model import Claim


@functools.lru_cache(maxsize=32768)
def fold(text: str) -> str:
    """:func:`argmap.edit.quotes.fold`, remembered: each keystroke folds every claim's
    fields again, and those are short and mostly unchanged."""
    return _fold(text)


def claim_matches(claim: Claim, needle: str, author_name: str = "") -> bool:
    """Whether ``needle`` (already folded: :func:`~argmap.edit.quotes.fold`) occurs
    anywhere a reader would look for it."""
    if needle in fold(claim.text) or needle in fold(claim.note):
        return True
    if claim.quote is not None and needle in fold(claim.quote.text):
        return True
    if needle in fold(author_name):
        return True
    return any(needle in fold(tag) for tag in claim.tags)


class SearchBox(QLineEdit):
    """A line edit that finds claims; ``highlight`` and ``select`` are wired by the window.

    ``highlight(ids)`` marks every hit (the scene's ``set_highlight``); ``select(id)`` selects
    and centres the current one (the view's ``select_claims``).
    """

    status_message = Signal(str)

    def __init__(self, doc: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.highlight: Callable[[Collection[str]], None] = lambda _ids: None
        self.select: Callable[[str], None] = lambda _id: None
        self.matches: list[str] = []
        self.current = -1
        self.setPlaceholderText("Search claims…")
        self.setClearButtonEnabled(True)
        self.setToolTip("Find claims by text, quote, tag, note or author (Enter: next match)")
        self.setMaximumWidth(280)
        self.textChanged.connect(self.update_matches)
        self.returnPressed.connect(self.find_next)
        doc.reset.connect(self._reset)

    def _reset(self) -> None:
        """A new map: forget the search (psygnal cannot connect to Qt's built-in ``clear``)."""
        self.clear()

    def update_matches(self) -> None:
        needle = fold(self.text())
        self.current = -1
        if not needle:
            self.matches = []
            self.highlight([])
            self.status_message.emit("")
            return
        names = {a.id: a.name for a in self.doc.map.authors}
        self.matches = [
            c.id
            for c in self.doc.map.claims
            if claim_matches(c, needle, names.get(c.author, "") if c.author else "")
        ]
        self.highlight(self.matches)
        count = len(self.matches)
        self.status_message.emit(
            f"{count} claim{'s' if count != 1 else ''} match “{self.text().strip()}”"
            + (" (Enter or F3 for the next)" if count else "")
        )

    def find_next(self) -> None:
        self._step(+1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        self.matches = [m for m in self.matches if m in self.doc.claims]
        if not self.matches:
            if self.text().strip():
                self.status_message.emit(f"No claim matches “{self.text().strip()}”")
            return
        self.current = (self.current + direction) % len(self.matches)
        claim_id = self.matches[self.current]
        self.select(claim_id)
        self.status_message.emit(
            f"Match {self.current + 1} of {len(self.matches)}: {self.doc.claims[claim_id].text}"
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.find_previous()
            return
        super().keyPressEvent(event)
