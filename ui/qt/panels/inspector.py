"""The inspector: every field of the selected claim or link, each change one undoable edit.

The widgets never hold state of their own: they are refilled from the document whenever
the shown object changes (by an edit here, on the canvas, or by undo), and a change made
here becomes one ``UpdateClaim`` / ``UpdateLink`` pushed on the undo stack. Text fields
commit when they lose focus or on Ctrl+Return, so typing a label is one undo entry, not one
per keystroke.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from argmap.edit.document import Edit, EditError, MapDocument
from argmap.edit.edits import SetMeta, UpdateClaim, UpdateLink
from argmap.edit.proposals import alternative_of, retype_changes
from argmap.map.model import CLAIM_KINDS, LINK_KINDS, Author, Claim, Link, Origin, Source
from argmap.map.palette import KIND_LABEL
from ui.qt.base.icons import kind_icon
from ui.qt.base.undo import push_edit
from ui.qt.canvas.menus import short


class CommitTextEdit(QPlainTextEdit):
    """A multi-line field that reports ``committed`` on focus-out and Ctrl+Return."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # Qt's name
        super().focusOutEvent(event)
        self.committed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.committed.emit()
            return
        super().keyPressEvent(event)


def _describe(claim: Claim, doc: MapDocument) -> str:
    author = doc.authors.get(claim.author) if claim.author else None
    who = f" — {author.name}" if author else ""
    return f"{KIND_LABEL[claim.kind]}: {claim.text}{who}"


def _origin_text(origin: Origin) -> str:
    if origin.kind == "manual":
        return "Drawn by hand"
    confidence = f"{origin.confidence:.0%}" if origin.confidence is not None else "?"
    reason = f": {origin.reason}" if origin.reason else ""
    return f"Proposed by the extractor (confidence {confidence}){reason}"


def _claim_origin_text(claim: Claim, doc: MapDocument) -> str:
    """:func:`_origin_text`, and for an alternative thesis which thesis it is the
    alternative to: a card that reads "Thesis" alone hid that the extractor ranked it
    below another sentence of the same article."""
    text = _origin_text(claim.origin)
    found = alternative_of(doc, claim.id)
    if found is None:
        return text
    rank, top = found
    return (
        f"An alternative thesis, the extractor's choice no. {rank} for this article, after "
        f"“{short(doc.claims[top].text, 80)}”. Use as Thesis in the Import Review swaps "
        f"the two.\n{text}"
    )


class Inspector(QWidget):
    """Edits the one selected claim or link; says how many are selected otherwise."""

    status_message = Signal(str)

    def __init__(
        self, doc: MapDocument, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.undo_stack = undo_stack
        self.claim_id: str | None = None
        self.link_id: str | None = None
        self._loading = False

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_map_page())
        self.pages.addWidget(self._build_claim_page())
        self.pages.addWidget(self._build_link_page())
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pages)
        layout.addWidget(self.error)
        layout.addStretch(1)

        doc.claim_changed.connect(self._claim_changed)
        doc.claim_removed.connect(self._object_removed)
        doc.link_changed.connect(self._link_changed)
        doc.link_removed.connect(self._object_removed)
        doc.reset.connect(lambda: self.set_selection([], []))
        doc.meta_changed.connect(self._reload)
        for signal in (doc.author_added, doc.author_removed, doc.source_added, doc.source_removed):
            signal.connect(self._reload)
        doc.author_changed.connect(self._reload)
        doc.source_changed.connect(self._reload)

    # ------------------------------------------------------------- building
    def _build_map_page(self) -> QWidget:
        """Nothing (or several things) selected: the map's own title and description."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel("Select a claim or a link to edit it here.")
        self.empty.setWordWrap(True)
        self.map_form = QWidget()
        form = QFormLayout(self.map_form)
        form.setContentsMargins(0, 8, 0, 0)
        self.map_title = QLineEdit()
        self.map_title.setPlaceholderText("Title of the map")
        self.map_title.setToolTip("Shown in the window title and on exported diagrams")
        self.map_title.editingFinished.connect(self._commit_meta)
        self.map_description = CommitTextEdit()
        self.map_description.setFixedHeight(90)
        self.map_description.setToolTip("What the map compares (Ctrl+Return to apply)")
        self.map_description.committed.connect(self._commit_meta)
        form.addRow("Map title", self.map_title)
        form.addRow("Description", self.map_description)
        layout.addWidget(self.empty)
        layout.addWidget(self.map_form)
        layout.addStretch(1)
        return page

    def _commit_meta(self) -> None:
        if self._loading:
            return
        title = self.map_title.text().strip()
        description = self.map_description.toPlainText().strip()
        changed = [
            what
            for what, new, old in (
                ("title", title, self.doc.map.title),
                ("description", description, self.doc.map.description),
            )
            if new != old
        ]
        if changed:
            self._push(SetMeta(title, description, f"Edit map {' and '.join(changed)}"))

    def _build_claim_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        for k in CLAIM_KINDS:
            self.kind.addItem(kind_icon(k), KIND_LABEL[k], k)
        self.kind.setToolTip("What the claim does in the argument")
        self.kind.activated.connect(lambda _i: self._commit_claim("kind", self.kind.currentData()))
        self.text = CommitTextEdit()
        self.text.setToolTip("The node label: short and neutral (Ctrl+Return to apply)")
        self.text.setFixedHeight(70)
        self.text.committed.connect(
            lambda: self._commit_claim("text", self.text.toPlainText().strip())
        )
        self.author = QComboBox()
        self.author.setToolTip("Whose claim this is")
        self.author.activated.connect(
            lambda _i: self._commit_claim("author", self.author.currentData())
        )
        self.source = QComboBox()
        self.source.setToolTip("The article the claim comes from (changing it drops the quote)")
        self.source.activated.connect(lambda _i: self._commit_source())
        self.quote = QLabel()
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.drop_quote = QPushButton("Remove quote")
        self.drop_quote.setToolTip("Keep the claim but no longer anchor it to the article")
        self.drop_quote.clicked.connect(lambda: self._commit_claim("quote", None))
        quote_row = QWidget()
        quote_layout = QVBoxLayout(quote_row)
        quote_layout.setContentsMargins(0, 0, 0, 0)
        quote_layout.addWidget(self.quote)
        quote_layout.addWidget(self.drop_quote, 0, Qt.AlignmentFlag.AlignLeft)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText("comma, separated, tags")
        self.tags.setToolTip("Tags for grouping and search, separated by commas")
        self.tags.editingFinished.connect(
            lambda: self._commit_claim(
                "tags", [t.strip() for t in self.tags.text().split(",") if t.strip()]
            )
        )
        self.note = CommitTextEdit()
        self.note.setToolTip("Your own note on the claim (not shown on the map)")
        self.note.setFixedHeight(70)
        self.note.committed.connect(lambda: self._commit_claim("note", self.note.toPlainText()))
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        self.reviewed = QCheckBox("Reviewed")
        self.reviewed.setToolTip(
            "Accept the extractor's proposal (it is drawn plainly once reviewed)"
        )
        self.reviewed.clicked.connect(lambda on: self._commit_origin("claim", bool(on)))
        form.addRow("Kind", self.kind)
        form.addRow("Text", self.text)
        form.addRow("Author", self.author)
        form.addRow("Source", self.source)
        form.addRow("Quote", quote_row)
        form.addRow("Tags", self.tags)
        form.addRow("Note", self.note)
        form.addRow("Origin", self.origin)
        form.addRow("", self.reviewed)
        return page

    def _build_link_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.link_from = QLabel()
        self.link_from.setWordWrap(True)
        self.link_to = QLabel()
        self.link_to.setWordWrap(True)
        self.link_kind = QComboBox()
        for k in LINK_KINDS:
            self.link_kind.addItem(k.capitalize(), k)
        self.link_kind.setToolTip("Does the first claim support or attack the second?")
        self.link_kind.activated.connect(
            lambda _i: self._commit_link({"kind": self.link_kind.currentData()})
        )
        self.reverse = QPushButton("Reverse direction")
        self.reverse.setToolTip("Swap the two ends of the link")
        self.reverse.clicked.connect(self._reverse_link)
        self.link_note = CommitTextEdit()
        self.link_note.setFixedHeight(70)
        self.link_note.committed.connect(
            lambda: self._commit_link({"note": self.link_note.toPlainText()})
        )
        self.link_origin = QLabel()
        self.link_origin.setWordWrap(True)
        self.link_reviewed = QCheckBox("Reviewed")
        self.link_reviewed.clicked.connect(lambda on: self._commit_origin("link", bool(on)))
        kind_row = QWidget()
        row = QHBoxLayout(kind_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.link_kind, 1)
        row.addWidget(self.reverse)
        form.addRow("From", self.link_from)
        form.addRow("Kind", kind_row)
        form.addRow("To", self.link_to)
        form.addRow("Note", self.link_note)
        form.addRow("Origin", self.link_origin)
        form.addRow("", self.link_reviewed)
        return page

    # ------------------------------------------------------------- showing
    def set_selection(self, claim_ids: list[str], link_ids: list[str] | None = None) -> None:
        """Show the single selected claim (or else link); a count for anything else."""
        link_ids = link_ids or []
        self.error.hide()
        self.claim_id = claim_ids[0] if len(claim_ids) == 1 and not link_ids else None
        self.link_id = link_ids[0] if len(link_ids) == 1 and not claim_ids else None
        if self.claim_id is None and self.link_id is None:
            count = len(claim_ids) + len(link_ids)
            self.empty.setText(
                f"{count} items selected. Select one claim or link to edit it here."
                if count
                else "Select a claim or a link to edit it here."
            )
        self._reload()

    def _reload(self, *_: Any) -> None:
        if self.claim_id is not None and self.claim_id in self.doc.claims:
            self._show_claim(self.doc.claims[self.claim_id])
            self._show_page(1)
        elif self.link_id is not None and self.link_id in self.doc.links:
            self._show_link(self.doc.links[self.link_id])
            self._show_page(2)
        else:
            self._loading = True
            try:
                if self.map_title.text() != self.doc.map.title:
                    self.map_title.setText(self.doc.map.title)
                    self.map_title.setCursorPosition(0)  # show the start of a long title
                if self.map_description.toPlainText() != self.doc.map.description:
                    self.map_description.setPlainText(self.doc.map.description)
            finally:
                self._loading = False
            self._show_page(0)

    def _show_page(self, index: int) -> None:
        """Show one page, sized by that page alone: a stack is as tall as its tallest page,
        so the short map page (title, description) had a needless scroll bar in the dock,
        sized for the claim form."""
        for i in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            page = self.pages.widget(i)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.pages.setCurrentIndex(index)
        self.pages.updateGeometry()

    def _fill(
        self, combo: QComboBox, items: list[Author] | list[Source], current: str | None
    ) -> None:
        combo.clear()
        combo.addItem("(none)", None)
        for item in items:
            label = item.name if isinstance(item, Author) else (item.title or item.id)
            combo.addItem(label, item.id)
        combo.setCurrentIndex(max(combo.findData(current), 0))

    def _show_claim(self, claim: Claim) -> None:
        self._loading = True
        try:
            self.kind.setCurrentIndex(self.kind.findData(claim.kind))
            if self.text.toPlainText() != claim.text:
                self.text.setPlainText(claim.text)
            self._fill(self.author, self.doc.map.authors, claim.author)
            self._fill(self.source, self.doc.map.sources, claim.source)
            if claim.quote is not None:
                shown = claim.quote.text
                shown = shown if len(shown) <= 300 else shown[:299] + "…"
                self.quote.setText(f"“{shown}” (characters {claim.quote.start}–{claim.quote.end})")
            else:
                self.quote.setText("Not anchored to the article")
            self.drop_quote.setVisible(claim.quote is not None)
            self.tags.setText(", ".join(claim.tags))
            self.tags.setCursorPosition(0)
            if self.note.toPlainText() != claim.note:
                self.note.setPlainText(claim.note)
            self.origin.setText(_claim_origin_text(claim, self.doc))
            self.reviewed.setEnabled(claim.origin.kind == "extracted")
            self.reviewed.setChecked(claim.origin.reviewed)
        finally:
            self._loading = False

    def _show_link(self, link: Link) -> None:
        self._loading = True
        try:
            self.link_from.setText(_describe(self.doc.claims[link.from_claim], self.doc))
            self.link_to.setText(_describe(self.doc.claims[link.to_claim], self.doc))
            self.link_kind.setCurrentIndex(self.link_kind.findData(link.kind))
            if self.link_note.toPlainText() != link.note:
                self.link_note.setPlainText(link.note)
            self.link_origin.setText(_origin_text(link.origin))
            self.link_reviewed.setEnabled(link.origin.kind == "extracted")
            self.link_reviewed.setChecked(link.origin.reviewed)
        finally:
            self._loading = False

    def _claim_changed(self, _old: Claim, new: Claim) -> None:
        if new.id == self.claim_id or new.id in self._shown_link_ends():
            self._reload()  # a shown link also shows its ends' labels

    def _link_changed(self, _old: Link, new: Link) -> None:
        if new.id == self.link_id:
            self._reload()

    def _shown_link_ends(self) -> tuple[str, ...]:
        link = self.doc.links.get(self.link_id) if self.link_id is not None else None
        return (link.from_claim, link.to_claim) if link is not None else ()

    def _object_removed(self, object_id: str) -> None:
        if object_id in (self.claim_id, self.link_id):
            self.set_selection([], [])

    # ------------------------------------------------------------- committing
    def _push(self, edit: Edit) -> bool:
        try:
            push_edit(self.undo_stack, self.doc, edit)
        except EditError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.status_message.emit(str(exc))
            self._reload()  # show the document's value again, not the refused one
            return False
        self.error.hide()
        return True

    def _commit_claim(self, field: str, value: Any) -> None:
        if self._loading or self.claim_id not in self.doc.claims:
            return
        claim = self.doc.claims[self.claim_id]
        if getattr(claim, field) == value:
            return
        if field == "text" and not value:
            self.status_message.emit("A claim needs some text")
            self._reload()
            return
        if field == "kind":  # a proposal's reason then says the reviewer changed it
            self._push(UpdateClaim(claim.id, retype_changes(claim, value)))
            return
        self._push(UpdateClaim(claim.id, {field: value}))

    def _commit_source(self) -> None:
        if self._loading or self.claim_id not in self.doc.claims:
            return
        claim = self.doc.claims[self.claim_id]
        source = self.source.currentData()
        if source == claim.source:
            return
        self._push(UpdateClaim(claim.id, {"source": source, "quote": None}))

    def _commit_origin(self, what: str, reviewed: bool) -> None:
        if self._loading:
            return
        if what == "claim" and self.claim_id in self.doc.claims:
            origin = self.doc.claims[self.claim_id].origin
            if origin.reviewed != reviewed:
                changes = {"origin": origin.model_copy(update={"reviewed": reviewed})}
                self._push(UpdateClaim(self.claim_id, changes))
        elif what == "link" and self.link_id in self.doc.links:
            origin = self.doc.links[self.link_id].origin
            if origin.reviewed != reviewed:
                self._commit_link({"origin": origin.model_copy(update={"reviewed": reviewed})})

    def _commit_link(self, changes: dict[str, Any]) -> None:
        if self._loading or self.link_id not in self.doc.links:
            return
        link = self.doc.links[self.link_id]
        if all(getattr(link, k) == v for k, v in changes.items()):
            return
        self._push(UpdateLink(link.id, changes))

    def _reverse_link(self) -> None:
        if self.link_id in self.doc.links:
            link = self.doc.links[self.link_id]
            self._commit_link({"from_claim": link.to_claim, "to_claim": link.from_claim})
