"""Undo texts of edits: what Edit → Undo and the History panel show."""

from __future__ import annotations

import pytest

from argmap.edit import edits
from argmap.edit.document import History, MapDocument
from argmap.map.model import ArgumentMap, Author, Claim, Point, Position


def _doc() -> MapDocument:
    return MapDocument(
        ArgumentMap(
            authors=[Author(id="a", name="Ann")],
            claims=[Claim(id="c", kind="thesis", text="Talk", author="a")],
            positions=[Position(id="p", label="Engage?", stances={"a": "for"})],
        )
    )


@pytest.mark.parametrize(
    ("changes", "label"),
    [
        ({"label": "Negotiate?"}, "Rename position"),
        ({"description": "For: any talks."}, "Describe position"),
        ({"grounds": ["c"]}, "Change grounds of position"),
        ({"stances": {"a": "against"}}, "Change stances on position"),
        ({"label": "Negotiate?", "grounds": ["c"]}, "Edit position"),
    ],
)
def test_update_position_names_the_changed_field(changes: dict[str, object], label: str) -> None:
    history = History(_doc())
    history.do(edits.UpdatePosition("p", changes))
    assert history.undo_label == label
    history.undo()
    assert history.redo_label == label


def test_update_position_takes_a_callers_name() -> None:
    edit = edits.UpdatePosition("p", {"grounds": ["c"]}, name="Ground position")
    assert edit.label == "Ground position"


def test_apply_layout_is_one_move_with_its_own_name() -> None:
    doc = _doc()
    history = History(doc)
    history.do(edits.apply_layout({"c": Point(x=5, y=5)}))
    assert history.undo_label == "Auto layout"
    assert doc.claims["c"].pos == Point(x=5, y=5)
    assert edits.apply_layout({}, name="Lane layout").label == "Lane layout"


def test_claim_edits_say_what_changed() -> None:
    text = edits.UpdateClaim(
        "c1", {"text": "Washington should talk to the Taliban before it is late"}
    )
    assert text.label == "Edit text: “Washington should talk to the Taliban…”"
    assert edits.UpdateClaim("c1", {"tags": ["x"]}).label == "Edit tags of c1"
    both = edits.UpdateClaim("c1", {"note": "n", "origin": None, "pos": None})
    assert both.label == "Edit note, review state and position of c1"
    assert edits.SetStance("engage", "jb", "for").label == "Set jb's stance on engage to for"
    assert edits.SetStance("engage", "jb", None).label == "Clear jb's stance on engage"
    assert edits.SetMeta("t", "d", "Edit map description").label == "Edit map description"
    retyped = edits.UpdateClaim("c1", {"kind": "evidence", "origin": None})
    assert retyped.label == "Make evidence"  # a retyped proposal's reason is no edit of its own
    assert edits.UpdateClaim("c1", {}).label == "Edit c1"
