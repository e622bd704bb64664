"""The article beside the map: a source's text with every claim's quote highlighted.

Two things make this pane more than a text box:

* **Offsets.** Quotes are Python ``str`` offsets into ``Source.text``; a ``QTextDocument``
  counts UTF-16 code units and turns ``"\\r\\n"`` into one paragraph separator. An
  :class:`OffsetMap` converts both ways for one text, so a quote is highlighted exactly and a
  claim made from a selection stores ``Quote(start, end, text)`` with
  ``text == source.text[start:end]`` even around emoji or Windows line ends.
* **Cost.** A 5,000-claim map must open fast, so nothing here is O(claims × text): quotes are
  indexed per source in one pass over the claims, the offset map is built once per shown
  text (O(text)), and highlights of the shown source are rebuilt once per event-loop turn
  after any number of claim signals (a 1,000-claim paste is one rebuild, not 1,000).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from argmap.edit.document import EditError, MapDocument
from argmap.edit.edits import AddClaim
from argmap.map.model import CLAIM_KINDS, Claim, ClaimKind, Point, Quote, Source
from argmap.map.palette import KIND_LABEL, KIND_STROKE
from argmap.map.vocabulary import with_article
from ui.qt.base.icons import kind_icon
from ui.qt.base.undo import push_edit
from ui.qt.panels.article_text import (
    FlowLayout,
    OffsetMap,
    SourceText,
    claim_label,
    kind_button_style,
    quote_format,
)


class SourcesPane(QWidget):
    """A source picker and the chosen article, kept in step with the map's selection.

    ``claim_clicked`` asks the window to select a claim (a click inside its quote);
    ``claim_created`` reports a claim made from the selection; ``status_message`` says what a
    gesture here would do. ``new_claim_pos`` is asked where a new claim should go on the map.
    """

    claim_clicked = Signal(str)
    claim_created = Signal(str)
    status_message = Signal(str)

    def __init__(
        self, doc: MapDocument, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.undo_stack = undo_stack
        self.new_claim_pos: Callable[[], Point | None] = lambda: None
        self._quotes: dict[str, dict[str, tuple[int, int, ClaimKind]]] = {}
        self._source_of: dict[str, str] = {}
        self._shown: str | None = None
        self._offsets = OffsetMap("")
        self._dirty = False
        self._selected: str | None = None

        self.picker = QComboBox()
        self.picker.setToolTip("The article shown below")
        self.picker.currentIndexChanged.connect(self._picked)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.text = SourceText()
        self.text.clicked.connect(self._clicked)
        self.text.hovered.connect(self._hovered)
        self.text.selectionChanged.connect(self._update_actions)
        self.text.palette_changed.connect(self._palette_changed)
        self.text.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.text.resized.connect(self._scrolled)

        self.new_from_selection: dict[ClaimKind, QAction] = {}
        self.buttons = QWidget()
        row = FlowLayout(self.buttons)
        for kind in CLAIM_KINDS:
            action = QAction(kind_icon(kind), f"New {kind} from selection", self)
            action.setIconText(KIND_LABEL[kind])
            action.setToolTip(f"Make {with_article(kind)} claim quoting the selected text")
            action.setStatusTip(action.toolTip())
            action.triggered.connect(lambda _=False, k=kind: self.create_from_selection(k))
            self.new_from_selection[kind] = action
            self.text.extra_actions.append(action)
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setStyleSheet(kind_button_style(kind))
            row.addWidget(button)
        self.hint = QLabel("Select text in the article, then choose what it is:")
        self.hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.picker)
        layout.addWidget(self.header)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        layout.addWidget(self.text, 1)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._refresh_highlights)

        doc.reset.connect(self._rebuild)
        doc.claim_added.connect(self._claim_added)
        doc.claim_removed.connect(self._claim_removed)
        doc.claim_changed.connect(self._claim_changed)
        doc.source_added.connect(self._sources_changed)
        doc.source_removed.connect(self._sources_changed)
        doc.source_changed.connect(self._source_changed)
        doc.author_changed.connect(lambda _old, _new: self._show_header())
        self._rebuild()

    # ------------------------------------------------------------- the index
    def _index(self, claim: Claim) -> None:
        if claim.quote is not None and claim.source is not None:
            quote = claim.quote
            self._quotes.setdefault(claim.source, {})[claim.id] = (
                quote.start,
                quote.end,
                claim.kind,
            )
            self._source_of[claim.id] = claim.source

    def _unindex(self, claim_id: str) -> None:
        source = self._source_of.pop(claim_id, None)
        if source is not None:
            self._quotes.get(source, {}).pop(claim_id, None)
            self._touch(source)

    def _rebuild(self) -> None:
        self._quotes.clear()
        self._source_of.clear()
        for claim in self.doc.map.claims:
            self._index(claim)
        self._fill_picker()
        first = self.doc.map.sources[0].id if self.doc.map.sources else None
        keep = self._shown if self._shown in self.doc.sources else first
        self.show_source(keep, reload=True)

    def _claim_added(self, claim: Claim) -> None:
        self._index(claim)
        if claim.source is not None:
            self._touch(claim.source)

    def _claim_removed(self, claim_id: str) -> None:
        span = self._quotes.get(self._source_of.get(claim_id, ""), {}).get(claim_id)
        self._unindex(claim_id)
        if span is not None and self.selected_range() == span[:2]:
            # the removed card's quote was shown selected: it is no claim's now
            cursor = self.text.textCursor()
            cursor.clearSelection()
            self.text.setTextCursor(cursor)

    def _claim_changed(self, old: Claim, new: Claim) -> None:
        if (old.source, old.quote, old.kind) == (new.source, new.quote, new.kind):
            return
        self._unindex(old.id)
        self._index(new)
        if new.source is not None:
            self._touch(new.source)

    def _touch(self, source_id: str) -> None:
        if source_id == self._shown:
            self._dirty = True
            self._refresh_timer.start()

    def _sources_changed(self, *_: object) -> None:
        self._fill_picker()
        if self._shown not in self.doc.sources:
            self.show_source(self.doc.map.sources[0].id if self.doc.map.sources else None)

    def _source_changed(self, old: Source, new: Source) -> None:
        self._fill_picker()
        if new.id == self._shown:
            self.show_source(new.id, reload=True)  # the text or its metadata changed

    # ------------------------------------------------------------- showing
    def _fill_picker(self) -> None:
        self.picker.blockSignals(True)
        self.picker.clear()
        for source in self.doc.map.sources:
            self.picker.addItem(source_name(source), source.id)
        self.picker.setEnabled(bool(self.doc.map.sources))
        index = self.picker.findData(self._shown)
        self.picker.setCurrentIndex(max(index, 0))
        self.picker.blockSignals(False)

    def _picked(self, index: int) -> None:
        source_id = self.picker.itemData(index)
        if isinstance(source_id, str):
            self.show_source(source_id)

    @property
    def shown_source(self) -> str | None:
        return self._shown

    def show_source(self, source_id: str | None, *, reload: bool = False) -> None:
        """Show a source's text (``None``: nothing) and highlight its quotes."""
        if source_id == self._shown and not reload:
            return
        self._shown = source_id
        self._selected = None
        source = self.doc.sources.get(source_id) if source_id else None
        text = source.text if source else ""
        self._offsets = OffsetMap(text)
        self.text.setPlainText(text)
        if source is None:
            self.text.setPlaceholderText(
                "This map has no article text yet. Import an article to quote from it."
            )
        self.picker.blockSignals(True)
        self.picker.setCurrentIndex(max(self.picker.findData(source_id), 0))
        self.picker.blockSignals(False)
        self._show_header()
        self._dirty = True
        self._refresh_highlights()
        self._update_actions()

    def _show_header(self) -> None:
        source = self.doc.sources.get(self._shown) if self._shown else None
        if source is None:
            self.header.setText("")
            self.header.hide()
            return
        names = [self.doc.authors[a].name for a in source.authors if a in self.doc.authors]
        bits = [", ".join(names), source.outlet, source.date]
        shown = [b for i, b in enumerate(bits) if b and b not in bits[:i]]  # "GZERO · GZERO"
        self.header.setText(" · ".join(shown))
        self.header.setVisible(bool(self.header.text()))

    def _refresh_highlights(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        self._refresh_timer.stop()
        quotes = self._quotes.get(self._shown, {}) if self._shown else {}
        formats: dict[ClaimKind, QTextCharFormat] = {}
        dark = self.text.palette().color(QPalette.ColorRole.Base).lightness() < 128
        for kind in CLAIM_KINDS:
            formats[kind] = quote_format(kind, dark)
        document = self.text.document()
        selections = []
        low, high = self._visible_span()
        visible = [item for item in quotes.items() if item[1][0] < high and item[1][1] > low]
        # Longest first, so a quote nested in another is drawn on top of it.
        for claim_id, (start, end, kind) in sorted(
            visible, key=lambda item: item[1][0] - item[1][1]
        ):
            cursor = QTextCursor(document)
            cursor.setPosition(self._offsets.to_qt(start))
            cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            if claim_id == self._selected:
                strong = QTextCharFormat()
                strong.setBackground(QColor(KIND_STROKE[kind]))
                strong.setForeground(QColor("#ffffff"))
                selection.format = strong
            else:
                selection.format = formats[kind]
            selections.append(selection)
        self.text.setExtraSelections(selections)

    def _visible_span(self) -> tuple[int, int]:
        """The shown text's visible part (Python offsets) with a screenful either side.

        Only quotes there get an extra selection: Qt formats every extra selection of a
        block each time it paints it, and a long article with a thousand quotes would
        otherwise take most of a second to paint. Scrolling refreshes the set.
        """
        viewport = self.text.viewport()
        top = self.text.cursorForPosition(viewport.rect().topLeft()).position()
        bottom = self.text.cursorForPosition(viewport.rect().bottomRight()).position()
        margin = max(bottom - top, 2000)
        return self._offsets.to_py(max(top - margin, 0)), self._offsets.to_py(bottom + margin)

    def _scrolled(self) -> None:
        self._dirty = True
        self._refresh_timer.start()

    def _palette_changed(self) -> None:
        """Light/dark switch: the quote colours depend on the palette."""
        self._dirty = True
        self._refresh_timer.start()

    def highlights(self) -> dict[str, tuple[int, int]]:
        """Highlighted quotes (those in and near the visible part of the shown source) as Qt
        positions, pending updates applied."""
        self._refresh_highlights()
        result = {}
        quotes = self._quotes.get(self._shown, {}) if self._shown else {}
        by_range = {(s, e): cid for cid, (s, e, _k) in quotes.items()}
        for selection in self.text.extraSelections():
            cursor = selection.cursor
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            claim_id = by_range.get((self._offsets.to_py(start), self._offsets.to_py(end)))
            if claim_id is not None:
                result[claim_id] = (start, end)
        return result

    # ------------------------------------------------------------- selection sync
    def show_claims(self, claim_ids: list[str]) -> None:
        """Follow the map's selection: show the first quoted claim's quote, selected."""
        claim = next(
            (
                self.doc.claims[c]
                for c in claim_ids
                if c in self.doc.claims and self.doc.claims[c].quote is not None
            ),
            None,
        )
        previous = self._selected
        if claim is None or claim.quote is None or claim.source is None:
            self._selected = None
            if previous is not None:
                self._dirty = True
                self._refresh_highlights()
            return
        self.show_source(claim.source)
        self._selected = claim.id
        self._dirty = True
        self._refresh_highlights()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._offsets.to_qt(claim.quote.end))
        cursor.setPosition(self._offsets.to_qt(claim.quote.start), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()

    def claim_at(self, position: int) -> str | None:
        """The innermost quoted claim at a Qt position of the shown text."""
        if self._shown is None:
            return None
        index = self._offsets.to_py(position)
        best: tuple[int, str] | None = None
        for claim_id, (start, end, _kind) in self._quotes.get(self._shown, {}).items():
            if start <= index < end and (best is None or end - start < best[0]):
                best = (end - start, claim_id)
        return best[1] if best else None

    def _clicked(self, position: int) -> None:
        claim_id = self.claim_at(position)
        if claim_id is not None:
            self.claim_clicked.emit(claim_id)

    def _hovered(self, position: int) -> None:
        claim_id = self.claim_at(position)
        if claim_id is not None:
            claim = self.doc.claims[claim_id]
            self.status_message.emit(f"Click to select the {claim.kind}: {claim.text}")
        elif self.text.textCursor().hasSelection():
            self.status_message.emit("Right-click to make a claim quoting the selected text")
        else:
            self.status_message.emit("Select text to make a claim that quotes it")

    # ------------------------------------------------------------- new claims
    def selected_range(self) -> tuple[int, int] | None:
        """The text selection as Python offsets into the shown source (None: no selection)."""
        cursor = self.text.textCursor()
        if self._shown is None or not cursor.hasSelection():
            return None
        start = self._offsets.to_py(cursor.selectionStart())
        end = self._offsets.to_py(cursor.selectionEnd())
        return (start, end) if end > start else None

    def _update_actions(self) -> None:
        enabled = self.selected_range() is not None
        for action in self.new_from_selection.values():
            action.setEnabled(enabled)

    def create_from_selection(self, kind: ClaimKind) -> str | None:
        """Add a claim of ``kind`` quoting the selected text exactly; returns its id."""
        span = self.selected_range()
        if span is None or self._shown is None:
            self.status_message.emit("Select some of the article's text first")
            return None
        source = self.doc.sources[self._shown]
        start, end = span
        already = next(
            (cid for cid, (a, b, _) in self._quotes.get(source.id, {}).items() if (a, b) == span),
            None,
        )
        if already is not None:
            # selecting a card selects its quote here; a kind button must not copy the claim
            self.status_message.emit(
                f"This text is already claim {already}: change its kind in the Inspector, "
                "or select other text"
            )
            return None
        quoted = source.text[start:end]
        label = claim_label(quoted)
        if not label:
            self.status_message.emit("The selection is only white space")
            return None
        claim = Claim(
            id=self.doc.new_id("c"),
            kind=kind,
            text=label,
            author=source.authors[0] if source.authors else None,
            source=source.id,
            quote=Quote(start=start, end=end, text=quoted),
            pos=self.new_claim_pos(),
        )
        try:
            push_edit(self.undo_stack, self.doc, AddClaim(claim))
        except EditError as exc:
            self.status_message.emit(f"Could not add the claim: {exc}")
            return None
        self.claim_created.emit(claim.id)
        return claim.id


def source_name(source: Source) -> str:
    """How an article is named to a reader: its title, else how it starts (its id may be a
    download's hash such as ``000-8639fdc6ad0bd86d``)."""
    if source.title:
        return source.title
    opening = " ".join(source.text.split()[:6])
    return f"“{opening}…”" if opening else source.id


__all__ = ["OffsetMap", "SourcesPane", "claim_label", "kind_icon", "source_name"]
