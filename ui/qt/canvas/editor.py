"""In-place editing of a card's label: a text item laid over the card.

The editor only collects text. What happens with it (an ``UpdateClaim`` pushed to the undo
stack, or nothing on Esc) is decided by whoever opened it, so the editor cannot change the
document by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen, QTextCursor
from PySide6.QtWidgets import QGraphicsTextItem, QStyle, QStyleOptionGraphicsItem, QWidget
from typing_extensions import override

from ui.qt.canvas.items import SELECT_COLOR, TEXT_WIDTH, ClaimItem, label_font


class LabelEditor(QGraphicsTextItem):
    """Edits one card's label. Enter or leaving the field commits; Esc cancels.

    Shift+Enter inserts a line break for the rare label that wants one. ``on_done`` gets
    the new text, or ``None`` when the edit was cancelled; it is called exactly once.
    """

    def __init__(
        self, card: ClaimItem, on_done: Callable[[str | None], None], select_all: bool = False
    ) -> None:
        super().__init__(card.claim.text)
        self.claim_id = card.claim_id
        self._on_done: Callable[[str | None], None] | None = on_done
        self.setFont(label_font())
        self.setDefaultTextColor(QColor("#1b1b1b"))
        self.setTextWidth(TEXT_WIDTH + 8)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setZValue(50.0)
        rect = card.card_rect()
        self.setPos(card.pos().x() + rect.left() + 12, card.pos().y() + rect.top() + 26)
        cursor = self.textCursor()
        if select_all:
            cursor.select(QTextCursor.SelectionType.Document)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.End)
        self.setTextCursor(cursor)

    def text(self) -> str:
        return self.toPlainText()

    def finish(self, commit: bool) -> None:
        """End the edit once: report the text (or ``None``) and leave the scene."""
        callback, self._on_done = self._on_done, None
        if callback is None:
            return
        text = self.toPlainText().strip() if commit else None
        scene = self.scene()
        if scene is not None:
            scene.removeItem(self)
        callback(text)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.finish(commit=True)
            return
        if key == Qt.Key.Key_Escape:
            self.finish(commit=False)
            return
        super().keyPressEvent(event)

    @override
    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.finish(commit=True)

    @override
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        rect: QRectF = self.boundingRect()
        painter.setPen(QPen(SELECT_COLOR, 2))
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 4, 4)
        plain = QStyleOptionGraphicsItem(option)  # no dashed focus frame inside ours
        plain.state &= ~(QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_Selected)
        super().paint(painter, plain, cast(QWidget, widget))
