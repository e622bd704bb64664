"""The document is the only mutator: edits apply, revert and signal; bad edits change nothing."""

from __future__ import annotations

from typing import Any

import pytest

from argmap.edit import edits
from argmap.edit.document import EditError, History, MapDocument
from argmap.map.mapfile import encode
from argmap.map.model import Author, Claim, Link, Point, Position, Quote, Source
from tests.core.helpers import TEXT, small_map


def snapshot(doc: MapDocument) -> bytes:
    return encode(doc.map)


def record(doc: MapDocument) -> list[tuple[str, Any]]:
    events: list[tuple[str, Any]] = []
    for name in (
        "claim_added",
        "claim_removed",
        "claim_changed",
        "claims_moved",
        "link_added",
        "link_removed",
    ):
        getattr(doc, name).connect(lambda *args, _n=name: events.append((_n, args)))
    return events


def test_remove_claim_takes_links_and_grounds_and_undo_restores_them() -> None:
    doc = MapDocument(small_map())
    history = History(doc)
    before = snapshot(doc)
    history.do(edits.RemoveClaim("t"))
    assert "t" not in doc.claims
    assert {x.id for x in doc.map.links} == {"l3"}
    assert doc.positions["engage"].grounds == ["b"]
    assert history.undo()
    assert snapshot(doc) == before


def test_signals_fire_once_per_change() -> None:
    doc = MapDocument(small_map())
    events = record(doc)
    edits.AddClaim(Claim(id="n", kind="premise", text="New")).apply(doc)
    edits.AddLink(Link(id="ln", kind="support", from_claim="n", to_claim="t")).apply(doc)
    edits.MoveClaims({"n": Point(x=1, y=2)}).apply(doc)
    assert [e[0] for e in events] == ["claim_added", "link_added", "claims_moved"]
    assert events[2][1][0] == {"n": Point(x=1, y=2)}


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (edits.AddClaim(Claim(id="t", kind="thesis", text="dup")), "already used"),
        (edits.AddClaim(Claim(id="x", kind="thesis", text="x", author="ghost")), "unknown author"),
        (edits.AddLink(Link(id="x", kind="support", from_claim="t", to_claim="t")), "itself"),
        (
            edits.AddLink(Link(id="x", kind="support", from_claim="p", to_claim="t")),
            "already a support link",
        ),
        (
            edits.AddLink(Link(id="x", kind="attack", from_claim="p", to_claim="zz")),
            "unknown claim",
        ),
        (edits.UpdateClaim("t", {"kind": "opinion"}), "Input should be"),
        (edits.UpdateClaim("t", {"id": "other"}), "id cannot be changed"),
        (edits.UpdateClaim("zz", {"text": "x"}), "no claim"),
        (
            edits.UpdateClaim("t", {"quote": {"start": 0, "end": 4, "text": "Nope"}}),
            "does not match",
        ),
        (edits.RemoveSource("s1"), "still quoted"),
        (edits.RemoveAuthor("ann"), "still has claims"),
        (edits.SetStance("engage", "ghost", "for"), "unknown author"),
        (edits.UpdateSource("s1", {"text": "short"}), "breaks the quote"),
        (edits.MoveClaims({"zz": None}), "no claim"),
    ],
)
def test_refused_edits_change_nothing(edit: Any, message: str) -> None:
    doc = MapDocument(small_map())
    before = snapshot(doc)
    with pytest.raises(EditError, match=message):
        History(doc).do(edit)
    assert snapshot(doc) == before


def test_macro_that_fails_midway_is_rolled_back() -> None:
    doc = MapDocument(small_map())
    before = snapshot(doc)
    macro = edits.Macro(
        [
            edits.RemoveClaim("p"),
            edits.AddLink(Link(id="bad", kind="support", from_claim="zz", to_claim="t")),
        ],
        "broken",
    )
    with pytest.raises(EditError):
        macro.apply(doc)
    assert snapshot(doc) == before


def test_multi_delete_is_one_undo_entry() -> None:
    doc = MapDocument(small_map())
    history = History(doc)
    before = snapshot(doc)
    history.do(edits.remove_claims(["t", "o", "t"]))
    assert set(doc.claims) == {"p", "r", "b"}
    assert doc.map.links == []
    assert history.undo_label == "Delete 2 claims"
    history.undo()
    assert snapshot(doc) == before
    assert not history.can_undo


def test_every_kind_of_edit_round_trips() -> None:
    doc = MapDocument(small_map())
    history = History(doc)
    start = snapshot(doc)
    sequence: list[Any] = [
        edits.AddAuthor(Author(id="cy", name="Cy")),
        edits.UpdateAuthor("cy", {"affiliation": "Uni"}),
        edits.AddSource(Source(id="s2", authors=["cy"], text="Pakistan holds the key.")),
        edits.UpdateSource("s2", {"title": "Key"}),
        edits.AddClaim(
            Claim(
                id="k",
                kind="thesis",
                text="Pakistan holds the key",
                author="cy",
                source="s2",
                quote=Quote(start=0, end=23, text="Pakistan holds the key."),
            )
        ),
        edits.UpdateClaim("k", {"text": "Pakistan is key", "tags": ["pakistan"]}),
        edits.AddLink(Link(id="lk", kind="attack", from_claim="k", to_claim="t")),
        edits.UpdateLink("lk", {"kind": "support"}),
        edits.MoveClaims({"k": Point(x=10, y=20), "t": Point(x=0, y=0)}),
        edits.apply_layout({"p": Point(x=5, y=5)}),
        edits.AddPosition(Position(id="pk", label="Lean on Pakistan?")),
        edits.SetStance("pk", "cy", "for"),
        edits.UpdatePosition("pk", {"grounds": ["k"]}),
        edits.SetGroundSide("pk", "k", "against"),
        edits.SetGroundSide("pk", "t", "for"),
        edits.SetGroundSide("pk", "t", None),
        edits.SetStance("engage", "ann", None),
        edits.SetMeta("New title", "About talks"),
        edits.RemoveLink("l1"),
        edits.RemoveClaim("k"),
        edits.RemovePosition("pk"),
        edits.RemoveSource("s2"),
        edits.RemoveAuthor("cy"),
    ]
    states = [start]
    for edit in sequence:
        history.do(edit)
        states.append(snapshot(doc))
    final = states[-1]
    for expected in reversed(states[:-1]):
        assert history.undo()
        assert snapshot(doc) == expected
    assert not history.undo()
    while history.redo():
        pass
    assert snapshot(doc) == final


def test_ground_sides_follow_their_grounds() -> None:
    doc = MapDocument(small_map())
    history = History(doc)
    history.do(edits.AddPosition(Position(id="q", label="Talk?", grounds=["t"])))
    history.do(edits.SetGroundSide("q", "p", "against"))  # not a ground yet: becomes one
    assert doc.positions["q"].grounds == ["t", "p"]
    assert doc.positions["q"].sides == {"p": "against"}
    history.do(edits.UpdatePosition("q", {"grounds": ["t"]}))  # the side leaves with it
    assert doc.positions["q"].sides == {}
    history.undo()
    assert doc.positions["q"].sides == {"p": "against"}
    history.do(edits.RemoveClaim("p"))  # removing the claim drops ground and side
    assert doc.positions["q"].grounds == ["t"] and doc.positions["q"].sides == {}
    history.undo()
    assert doc.positions["q"].sides == {"p": "against"}
    before = snapshot(doc)
    with pytest.raises(EditError, match="not a ground"):
        history.do(edits.UpdatePosition("q", {"sides": {"t": "for", "zz": "for"}}))
    assert snapshot(doc) == before
    with pytest.raises(EditError, match="no claim"):
        history.do(edits.SetGroundSide("q", "zz", "for"))
    assert snapshot(doc) == before


def test_history_clean_state_tracks_saves() -> None:
    doc = MapDocument(small_map())
    history = History(doc)
    assert history.is_clean
    history.do(edits.SetMeta("x", ""))
    assert not history.is_clean
    history.mark_clean()
    history.undo()
    assert not history.is_clean
    history.redo()
    assert history.is_clean
    history.undo()
    history.do(edits.SetMeta("y", ""))  # the clean state is now unreachable
    assert not history.is_clean
    assert not history.can_redo


def test_new_id_is_fresh() -> None:
    doc = MapDocument(small_map())
    ids = {doc.new_id("claim") for _ in range(3)}
    assert len(ids) == 1  # nothing added in between: the same free id
    new = doc.new_id("claim")
    edits.AddClaim(Claim(id=new, kind="premise", text="x")).apply(doc)
    assert doc.new_id("claim") != new


def test_set_map_resets_indices_and_signals() -> None:
    doc = MapDocument(small_map())
    fired: list[str] = []
    doc.reset.connect(lambda: fired.append("reset"))
    doc.set_map(small_map().model_copy(update={"claims": [], "links": [], "positions": []}))
    assert fired == ["reset"] and doc.claims == {} and doc.links_of("t") == []


def test_quote_edit_checked_against_source_text() -> None:
    doc = MapDocument(small_map())
    start = TEXT.index("Critics")
    good = {"start": start, "end": start + 7, "text": "Critics"}
    edits.UpdateClaim("o", {"source": "s1", "quote": good}).apply(doc)
    assert doc.claims["o"].quote == Quote(**good)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (edits.UpdateClaim("t", {"source": None}), "a claim with a quote must name its source"),
        (
            edits.UpdateClaim("o", {"origin": {"kind": "extracted"}}),
            "an extracted origin needs a confidence",
        ),
        (
            edits.UpdateLink("l1", {"origin": {"kind": "manual", "confidence": 0.4}}),
            "a manual origin has no confidence",
        ),
    ],
)
def test_the_document_refuses_what_the_loader_would_refuse(edit: Any, message: str) -> None:
    doc = MapDocument(small_map())
    with pytest.raises(EditError, match=message):
        edit.apply(doc)


def test_accepted_edits_always_leave_a_loadable_map() -> None:
    from argmap.map.invariants import find_problems

    doc = MapDocument(small_map())
    edits.UpdateClaim(
        "o", {"origin": {"kind": "extracted", "confidence": 0.5, "reviewed": False}}
    ).apply(doc)
    edits.UpdateClaim("t", {"source": None, "quote": None}).apply(doc)
    assert find_problems(doc.map) == []
