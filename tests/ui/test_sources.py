"""The sources pane: quotes highlighted, selection sync both ways, claims from a selection.

The texts include what makes Qt positions differ from Python indices (emoji outside the
BMP, ``\\r\\n`` line ends, paragraph breaks), so an off-by-one in the conversion fails here.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor, QUndoStack

from argmap.edit.document import MapDocument
from argmap.edit.edits import AddClaim, RemoveClaim, UpdateClaim
from argmap.map.model import ArgumentMap, Author, Claim, Quote, Source
from argmap.map.palette import KIND_FILL
from ui.qt.base.undo import push_edit
from ui.qt.panels.article_text import OffsetMap, claim_label
from ui.qt.panels.sources import SourcesPane

TRICKY = (
    "Kabul 🇦🇫 fell in August.\r\nThe 😀 talks must go on.\n\n"
    "Pakistan 𝔥𝔬𝔩𝔡𝔰 the key.\rEnd of story — really."
)


def _quote(text: str, piece: str) -> Quote:
    start = text.index(piece)
    return Quote(start=start, end=start + len(piece), text=piece)


def _doc(text: str = TRICKY) -> MapDocument:
    return MapDocument(
        ArgumentMap(
            authors=[Author(id="a1", name="Ann Writer")],
            sources=[
                Source(id="s1", title="On Kabul", authors=["a1"], outlet="The Paper", text=text),
                Source(id="s2", title="Second", text="Another article entirely."),
            ],
            claims=[
                Claim(
                    id="c1",
                    kind="premise",
                    text="talks",
                    author="a1",
                    source="s1",
                    quote=_quote(text, "The 😀 talks must go on."),
                ),
                Claim(
                    id="c2",
                    kind="thesis",
                    text="key",
                    author="a1",
                    source="s1",
                    quote=_quote(text, "𝔥𝔬𝔩𝔡𝔰 the key"),
                ),
                Claim(
                    id="c3",
                    kind="evidence",
                    text="other",
                    source="s2",
                    quote=Quote(start=0, end=7, text="Another"),
                ),
            ],
        )
    )


def _pane(qtbot: Any, doc: MapDocument | None = None) -> SourcesPane:
    pane = SourcesPane(doc or _doc(), QUndoStack())
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.show()
    return pane


def _qt_text(pane: SourcesPane, start: int, end: int) -> str:
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


def _as_qt_sees(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n")


def test_offset_map_round_trips_every_index_of_a_tricky_text(qtbot: Any) -> None:
    pane = _pane(qtbot)
    offsets = OffsetMap(TRICKY)
    qt_length = pane.text.document().characterCount() - 1
    assert qt_length != len(TRICKY)  # the text really exercises the conversion
    assert offsets.to_qt(len(TRICKY)) == qt_length
    for i in range(len(TRICKY) + 1):
        if i > 0 and TRICKY[i - 1] == "\r" and TRICKY[i : i + 1] == "\n":
            continue  # between \r and \n: no Qt position of its own
        assert offsets.to_py(offsets.to_qt(i)) == i
    for start, end in [(0, 7), (3, 30), (20, 60), (0, len(TRICKY))]:
        qt = _qt_text(pane, offsets.to_qt(start), offsets.to_qt(end))
        assert qt == _as_qt_sees(TRICKY[start:end])


def test_quotes_are_highlighted_exactly_in_kind_colours(qtbot: Any) -> None:
    pane = _pane(qtbot)
    spans = pane.highlights()
    assert set(spans) == {"c1", "c2"}  # c3 quotes the other source
    assert _qt_text(pane, *spans["c1"]) == "The 😀 talks must go on."
    assert _qt_text(pane, *spans["c2"]) == "𝔥𝔬𝔩𝔡𝔰 the key"
    colours = {
        sel.format.background().color().name()  # type: ignore[attr-defined]
        for sel in pane.text.extraSelections()
    }
    assert colours == {KIND_FILL["premise"], KIND_FILL["thesis"]}


def test_highlights_follow_edits_and_undo(qtbot: Any) -> None:
    doc = _doc()
    pane = _pane(qtbot, doc)
    stack = pane.undo_stack
    push_edit(stack, doc, UpdateClaim("c1", {"kind": "objection"}))
    push_edit(stack, doc, RemoveClaim("c2"))
    quote = _quote(TRICKY, "Kabul 🇦🇫 fell")
    push_edit(
        stack,
        doc,
        AddClaim(Claim(id="c9", kind="evidence", text="fell", source="s1", quote=quote)),
    )
    spans = pane.highlights()
    assert set(spans) == {"c1", "c9"}
    assert _qt_text(pane, *spans["c9"]) == "Kabul 🇦🇫 fell"
    kinds = {
        sel.format.background().color().name()  # type: ignore[attr-defined]
        for sel in pane.text.extraSelections()
    }
    assert KIND_FILL["objection"] in kinds
    while stack.canUndo():
        stack.undo()
    assert set(pane.highlights()) == {"c1", "c2"}


def test_selecting_a_claim_shows_and_selects_its_quote(qtbot: Any) -> None:
    pane = _pane(qtbot)
    pane.show_claims(["c3"])
    assert pane.shown_source == "s2"
    assert pane.text.textCursor().selectedText() == "Another"
    pane.show_claims(["c2"])
    assert pane.shown_source == "s1"
    assert pane.text.textCursor().selectedText() == "𝔥𝔬𝔩𝔡𝔰 the key"
    assert pane.picker.currentData() == "s1"


def test_clicking_inside_a_quote_selects_its_claim(qtbot: Any) -> None:
    pane = _pane(qtbot)
    spans = pane.highlights()
    start, end = spans["c2"]
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition((start + end) // 2)
    point: QPoint = pane.text.cursorRect(cursor).center()
    with qtbot.waitSignal(pane.claim_clicked, timeout=1000) as blocker:
        qtbot.mouseClick(pane.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["c2"]
    # A click outside every quote selects nothing.
    clicked: list[str] = []
    pane.claim_clicked.connect(clicked.append)
    cursor.setPosition(2)
    qtbot.mouseClick(
        pane.text.viewport(), Qt.MouseButton.LeftButton, pos=pane.text.cursorRect(cursor).center()
    )
    assert clicked == []


@pytest.mark.parametrize(
    "piece",
    ["fell in August.\r\nThe 😀", "🇦🇫", "𝔬𝔩𝔡𝔰 the key.\rEnd", "go on.\n\nPakistan"],
)
def test_new_claim_from_selection_has_exact_offsets(qtbot: Any, piece: str) -> None:
    doc = _doc()
    pane = _pane(qtbot, doc)
    start = TRICKY.index(piece)
    end = start + len(piece)
    offsets = OffsetMap(TRICKY)
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(offsets.to_qt(start))
    cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    pane.text.setTextCursor(cursor)
    selected = pane.text.textCursor().selectedText().replace("\u2029", "\n")
    assert pane.new_from_selection["objection"].isEnabled()

    with qtbot.waitSignal(pane.claim_created, timeout=1000) as blocker:
        pane.new_from_selection["objection"].trigger()
    claim = doc.claims[blocker.args[0]]
    assert claim.kind == "objection"
    assert claim.source == "s1" and claim.author == "a1"
    assert claim.quote is not None
    assert (claim.quote.start, claim.quote.end) == (start, end)
    assert claim.quote.text == piece == TRICKY[claim.quote.start : claim.quote.end]
    assert _as_qt_sees(claim.quote.text) == selected
    assert pane.undo_stack.count() == 1
    assert blocker.args[0] in pane.highlights()


def test_no_selection_makes_no_claim(qtbot: Any) -> None:
    doc = _doc()
    pane = _pane(qtbot, doc)
    assert not pane.new_from_selection["thesis"].isEnabled()
    assert pane.create_from_selection("thesis") is None
    assert len(doc.claims) == 3


def test_label_is_shortened_but_quote_kept_whole(qtbot: Any) -> None:
    long = "word " * 100
    assert len(claim_label(long)) <= 140
    assert claim_label("  two\n lines ") == "two lines"


def test_open_another_map_resets_the_pane(qtbot: Any) -> None:
    doc = _doc()
    pane = _pane(qtbot, doc)
    doc.set_map(ArgumentMap())
    assert pane.shown_source is None
    assert pane.picker.count() == 0
    assert pane.text.toPlainText() == ""
    doc.set_map(_doc().map.model_copy())
    assert pane.shown_source == "s1"
    assert set(pane.highlights()) == {"c1", "c2"}


def test_only_quotes_near_the_visible_text_get_highlights(qtbot: Any) -> None:
    """A long article with many quotes: highlights cover what can be seen, and follow
    scrolling and the selection (the cost stays that of a screenful, not of the article)."""
    sentences = [f"Sentence number {i} about Pakistan and the Taliban." for i in range(3000)]
    text = "\n".join(sentences)
    claims = []
    for i in range(0, 3000, 3):
        start = text.index(sentences[i] + "\n") if i < 2999 else text.rindex(sentences[i])
        quote = Quote(start=start, end=start + len(sentences[i]), text=sentences[i])
        claims.append(Claim(id=f"q{i}", kind="premise", text="x", source="s", quote=quote))
    doc = MapDocument(ArgumentMap(sources=[Source(id="s", text=text)], claims=claims))
    pane = _pane(qtbot, doc)
    shown = pane.highlights()
    assert "q0" in shown
    assert 0 < len(shown) < 200  # of 1,000 quotes
    assert "q2997" not in shown
    pane.show_claims(["q2997"])
    assert "q2997" in pane.highlights()
    assert "q0" not in pane.highlights()
    pane.text.verticalScrollBar().setValue(0)
    # Scrolling alone (no flush by highlights()) brings the first quote's highlight back.
    qtbot.waitUntil(
        lambda: any(sel.cursor.selectionStart() == 0 for sel in pane.text.extraSelections())
    )


def test_a_claims_own_quote_is_not_made_a_second_claim(qtbot: Any) -> None:
    """Selecting a card selects its quote here; pressing a kind button then used to copy
    the claim silently."""
    doc = _doc()
    pane = _pane(qtbot, doc)
    messages: list[str] = []
    pane.status_message.connect(messages.append)
    pane.show_claims(["c2"])
    before = len(doc.map.claims)
    assert pane.create_from_selection("premise") is None
    assert len(doc.map.claims) == before
    assert "already claim c2" in messages[-1]


def test_a_removed_claims_quote_is_no_longer_selected(qtbot: Any) -> None:
    doc = _doc()
    stack = QUndoStack()
    pane = SourcesPane(doc, stack)
    qtbot.addWidget(pane)
    pane.show()
    pane.show_claims(["c1"])
    assert pane.selected_range() is not None
    push_edit(stack, doc, RemoveClaim("c1"))
    assert pane.selected_range() is None
    assert not any(action.isEnabled() for action in pane.new_from_selection.values())


def test_an_untitled_article_is_named_by_how_it_starts(qtbot: Any) -> None:
    from ui.qt.panels.sources import source_name

    doc = _doc()
    untitled = doc.sources["s2"].model_copy(update={"title": ""})
    assert source_name(untitled) == "“Another article entirely.…”"
    assert source_name(doc.sources["s1"]) == "On Kabul"
