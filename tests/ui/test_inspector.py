"""The inspector edits every field through the undo stack, and follows undo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack

from argmap.edit.document import MapDocument
from argmap.edit.edits import UpdateClaim
from argmap.map.model import ArgumentMap, Author, Claim, Link, Origin, Quote, Source
from ui.qt.panels.inspector import Inspector


def _doc() -> MapDocument:
    text = "Engage the Taliban now."
    return MapDocument(
        ArgumentMap(
            authors=[Author(id="a1", name="Ann"), Author(id="a2", name="Bob")],
            sources=[Source(id="s1", title="Engage", text=text), Source(id="s2", title="Other")],
            claims=[
                Claim(
                    id="c1",
                    kind="thesis",
                    text="Engage",
                    author="a1",
                    source="s1",
                    quote=Quote(start=0, end=18, text=text[:18]),
                    origin=Origin(kind="extracted", confidence=0.8, reviewed=False),
                ),
                Claim(id="c2", kind="premise", text="Pakistan matters", author="a2"),
            ],
            links=[Link(id="l1", kind="support", from_claim="c2", to_claim="c1")],
        )
    )


def _inspector(qtbot: Any, doc: MapDocument) -> Inspector:
    inspector = Inspector(doc, QUndoStack())
    qtbot.addWidget(inspector)
    inspector.show()
    return inspector


def _choose(combo: Any, data: Any) -> None:
    """Pick an entry as a user does: ``activated`` is the user-only signal."""
    index = combo.findData(data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_kind_author_source_tags_each_one_undo_entry(qtbot: Any) -> None:
    doc = _doc()
    ins = _inspector(qtbot, doc)
    ins.set_selection(["c1"])
    assert ins.pages.currentIndex() == 1
    assert ins.text.toPlainText() == "Engage"
    assert "Engage the Taliban" in ins.quote.text()

    _choose(ins.kind, "recommendation")
    _choose(ins.author, "a2")
    ins.tags.setText("talks,  Taliban ,")
    qtbot.keyClick(ins.tags, Qt.Key.Key_Return)
    _choose(ins.source, "s2")
    claim = doc.claims["c1"]
    assert claim.kind == "recommendation"
    assert claim.author == "a2"
    assert claim.tags == ["talks", "Taliban"]
    assert claim.source == "s2" and claim.quote is None  # a quote cannot follow another source
    assert ins.undo_stack.count() == 4
    ins.undo_stack.undo()
    assert doc.claims["c1"].quote is not None
    assert ins.source.currentData() == "s1"  # the widget follows undo
    assert ins.drop_quote.isVisible()


def test_text_commits_on_ctrl_return_as_one_edit(qtbot: Any) -> None:
    doc = _doc()
    ins = _inspector(qtbot, doc)
    ins.set_selection(["c2"])
    ins.text.selectAll()
    qtbot.keyClicks(ins.text, "Pakistan is the key")
    assert doc.claims["c2"].text == "Pakistan matters"  # not yet: no edit per keystroke
    qtbot.keyClick(ins.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert doc.claims["c2"].text == "Pakistan is the key"
    assert ins.undo_stack.count() == 1
    assert ins.undo_stack.undoText() == "Edit text: “Pakistan is the key”"


def test_empty_text_is_refused_and_restored(qtbot: Any) -> None:
    doc = _doc()
    ins = _inspector(qtbot, doc)
    ins.set_selection(["c2"])
    ins.text.setPlainText("   ")
    ins.text.committed.emit()
    assert doc.claims["c2"].text == "Pakistan matters"
    assert ins.text.toPlainText() == "Pakistan matters"
    assert ins.undo_stack.count() == 0


def test_review_an_extracted_claim(qtbot: Any) -> None:
    doc = _doc()
    ins = _inspector(qtbot, doc)
    ins.set_selection(["c1"])
    assert ins.reviewed.isEnabled() and not ins.reviewed.isChecked()
    assert "80%" in ins.origin.text()
    box = ins.reviewed
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert doc.claims["c1"].origin.reviewed
    ins.set_selection(["c2"])
    assert not ins.reviewed.isEnabled()  # a hand-drawn claim has nothing to review


def test_follows_changes_made_elsewhere(qtbot: Any) -> None:
    doc = _doc()
    ins = _inspector(qtbot, doc)
    ins.set_selection(["c2"])
    doc.replace_claim(doc.claims["c2"].model_copy(update={"note": "from elsewhere"}))
    assert ins.note.toPlainText() == "from elsewhere"
    UpdateClaim("c2", {"kind": "evidence"}).apply(doc)
    assert ins.kind.currentData() == "evidence"


def test_link_kind_note_and_reverse(qtbot: Any) -> None:
    doc = _doc()
    ins = _inspector(qtbot, doc)
    ins.set_selection([], ["l1"])
    assert ins.pages.currentIndex() == 2
    assert "Pakistan matters" in ins.link_from.text()
    _choose(ins.link_kind, "attack")
    ins.link_note.setPlainText("weak")
    ins.link_note.committed.emit()
    qtbot.mouseClick(ins.reverse, Qt.MouseButton.LeftButton)
    link = doc.links["l1"]
    assert (link.kind, link.note, link.from_claim, link.to_claim) == ("attack", "weak", "c1", "c2")
    assert ins.undo_stack.count() == 3
    assert "Engage" in ins.link_from.text()


def test_several_or_removed_objects_show_the_empty_page(qtbot: Any) -> None:
    doc = _doc()
    ins = _inspector(qtbot, doc)
    ins.set_selection(["c1", "c2"])
    assert ins.pages.currentIndex() == 0
    assert "2 items selected" in ins.empty.text()
    ins.set_selection(["c2"])
    doc.delete_link("l1")
    doc.delete_claim("c2")
    assert ins.pages.currentIndex() == 0


def test_with_nothing_selected_the_map_title_is_edited(qtbot: Any) -> None:
    doc = _doc()
    ins = _inspector(qtbot, doc)
    ins.set_selection([])
    assert ins.pages.currentIndex() == 0
    ins.map_title.setText("Afghanistan: who says what")
    qtbot.keyClick(ins.map_title, Qt.Key.Key_Return)
    assert doc.map.title == "Afghanistan: who says what"
    assert ins.undo_stack.undoText() == "Edit map title"
    ins.undo_stack.undo()
    assert doc.map.title == "" and ins.map_title.text() == ""


def test_a_shown_link_follows_edits_of_its_end_claims(qtbot: Any) -> None:
    doc = _doc()
    ins = _inspector(qtbot, doc)
    ins.set_selection([], ["l1"])
    UpdateClaim("c2", {"text": "Pakistan decides"}).apply(doc)
    assert "Pakistan decides" in ins.link_from.text()
