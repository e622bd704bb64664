"""The parts of the article pane below the pane itself: the text widget with its quote
highlights, offsets between Python strings and Qt's UTF-16 positions, and the flow layout
of the kind buttons.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QMouseEvent,
    QResizeEvent,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QLayout,
    QLayoutItem,
    QPlainTextEdit,
    QWidget,
)

from argmap.map.model import ClaimKind
from argmap.map.palette import KIND_FILL, KIND_STROKE

_SHIFTS = re.compile("[\U00010000-\U0010ffff]|\r\n")
"""What makes a Qt position differ from a Python index: a non-BMP character or a CRLF."""


LABEL_LIMIT = 140
"""Longest label given to a claim made from a selection (the quote itself is kept whole)."""


class OffsetMap:
    """Python ``str`` indices ↔ ``QTextDocument`` positions for one text.

    Only two things make them differ: a character outside the BMP is two UTF-16 units in Qt,
    and ``"\\r\\n"`` becomes a single block separator. The map stores only the places where
    the difference changes (usually none), so each conversion is a bisect.
    """

    def __init__(self, text: str) -> None:
        self._py: list[int] = []  # python index from which ``_delta`` applies
        self._qt: list[int] = []  # the same place in Qt positions
        self._delta: list[int] = []  # qt - py from that place on
        delta = 0
        for match in _SHIFTS.finditer(text):  # a C-speed scan; most texts have no match
            if match.group() == "\r\n":
                delta -= 1
                self._mark(match.end(), delta)
            else:
                delta += 1
                self._mark(match.start() + 1, delta)

    def _mark(self, py: int, delta: int) -> None:
        self._py.append(py)
        self._qt.append(py + delta)
        self._delta.append(delta)

    def to_qt(self, index: int) -> int:
        k = bisect_right(self._py, index) - 1
        return index + (self._delta[k] if k >= 0 else 0)

    def to_py(self, position: int) -> int:
        k = bisect_right(self._qt, position) - 1
        return position - (self._delta[k] if k >= 0 else 0)


def claim_label(quoted: str) -> str:
    """A claim label from quoted text: whitespace collapsed, shortened at a word."""
    label = " ".join(quoted.split())
    if len(label) <= LABEL_LIMIT:
        return label
    cut = label[: LABEL_LIMIT - 1].rsplit(" ", 1)[0]
    return cut + "…"


def quote_format(kind: ClaimKind, dark: bool) -> QTextCharFormat:
    """A quote's highlight: the kind's light fill under dark text, or on a dark palette the
    kind's stroke colour, translucent, under the palette's own light text."""
    fmt = QTextCharFormat()
    if dark:
        tint = QColor(KIND_STROKE[kind])
        tint.setAlpha(120)
        fmt.setBackground(tint)
    else:
        fmt.setBackground(QColor(KIND_FILL[kind]))
        fmt.setForeground(QColor("#1a1a1a"))
    return fmt


def kind_button_style(kind: ClaimKind) -> str:
    """A button in a kind's colours: the same fills as its quotes and cards.

    Disabled (no text selected) it keeps a faint tint of its kind and the palette's own text
    colour, so the five choices stay legible in both themes while plainly not yet usable
    (grey on grey vanished on a dark palette).
    """
    fill, stroke = QColor(KIND_FILL[kind]), KIND_STROKE[kind]
    faint = f"rgba({fill.red()}, {fill.green()}, {fill.blue()}, 70)"
    return (
        f"QToolButton {{ background: {fill.name()}; color: #1a1a1a; border: 1px solid {stroke};"
        " border-radius: 3px; padding: 2px 5px; }"
        f" QToolButton:hover {{ background: {stroke}; color: white; }}"
        f" QToolButton:disabled {{ background: {faint}; color: palette(window-text);"
        " border: 1px dashed palette(mid); }"
    )


class FlowLayout(QLayout):
    """Widgets in a row that wraps onto further rows when the pane is narrow.

    The five "new claim from selection" buttons in one row would make the article pane at
    least as wide as all five, taking that room from the map; wrapped, the pane can be as
    narrow as its widest button.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:  # Qt's name
        self._items.append(item)

    def count(self) -> int:  # Qt's name
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # Qt's name
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # Qt's name
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # Qt's name
        hints = [item.sizeHint() for item in self._items]
        width = sum(h.width() for h in hints) + self.spacing() * max(len(hints) - 1, 0)
        return QSize(width, max((h.height() for h in hints), default=0))

    def minimumSize(self) -> QSize:  # Qt's name
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out left to right, wrapping at ``rect``'s width; the height used."""
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, row_height = rect.x(), y + row_height + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


class SourceText(QPlainTextEdit):
    """The read-only article text; reports clicks and hovers as document positions."""

    clicked = Signal(int)
    hovered = Signal(int)
    palette_changed = Signal()
    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.viewport().setMouseTracking(True)
        self.extra_actions: list[QAction] = []

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.palette_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        self.resized.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # Qt's name
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clicked.emit(self.cursorForPosition(event.position().toPoint()).position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # Qt's name
        super().mouseMoveEvent(event)
        if not event.buttons():
            self.hovered.emit(self.cursorForPosition(event.position().toPoint()).position())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # Qt's name
        menu = self.createStandardContextMenu(event.pos())
        menu.addSeparator()
        for action in self.extra_actions:
            menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()
