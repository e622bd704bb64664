"""Views: saved parts of a map (schema, migration, load-time checks, edits with undo, what
a view shows and in which order)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from argmap.analysis.views import (
    ViewError,
    default_views,
    find_view,
    suggested_steps,
    view_claims,
    view_map,
    view_steps,
)
from argmap.drawing.views import laid_out_view
from argmap.edit.document import EditError, History, MapDocument
from argmap.edit.edits import RemoveClaim, RemovePosition
from argmap.edit.views import UpdateView, view_of_author, view_of_position, view_of_selection
from argmap.map.mapfile import MapFileError, decode, encode, load
from argmap.map.migrate import migrate
from argmap.map.model import SCHEMA_VERSION, Origin, View
from tests.core.helpers import small_map

COMPARISON = "maps/afghanistan-debate.argmap.json"


def _problems(data: dict[str, Any]) -> list[str]:
    try:
        decode(json.dumps(data).encode(), "m.argmap.json")
    except MapFileError as exc:
        return [str(p) for p in exc.problems]
    return []


def test_a_version_1_file_migrates_to_a_map_without_views() -> None:
    data = small_map().model_dump(mode="json")
    data["schema_version"] = 1
    del data["views"]
    assert migrate(dict(data))["schema_version"] == SCHEMA_VERSION == 2
    amap = decode(json.dumps(data).encode(), "old.argmap.json")
    assert amap.views == []
    assert encode(amap).startswith(b'{\n  "schema_version": 2,')


def test_views_round_trip_through_the_file() -> None:
    amap = small_map()
    amap.views = [View(id="v", name="Ann's case", kind="author", author="ann", steps=["t", "p"])]
    again = decode(encode(amap))
    assert again.views == amap.views


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        ({"id": "v", "name": "x", "kind": "claims", "claims": ["t", "ghost"]},
         "m.argmap.json: views[0].claims[1]: unknown claim 'ghost'"),
        ({"id": "v", "name": "x", "kind": "position", "position": "nope"},
         "m.argmap.json: views[0].position: unknown position 'nope'"),
        ({"id": "v", "name": "x", "kind": "author"},
         "m.argmap.json: views[0].author: a view of an author must name the author"),
        ({"id": "v", "name": "x", "kind": "claims", "claims": ["t"], "steps": ["t", "t"]},
         "m.argmap.json: views[0].steps[1]: claim 't' is listed twice"),
        ({"id": "v", "name": "x", "kind": "around", "claims": []},
         "m.argmap.json: views[0].claims: a view of kind 'around' needs claims"),
        ({"id": "v", "name": "x", "kind": "class"},
         "m.argmap.json: views[0].kind: Input should be 'position', 'author', 'around' or "
         "'claims' (got 'class')"),
    ],
)  # fmt: skip
def test_a_bad_view_in_a_file_is_named_by_its_json_path(
    view: dict[str, Any], expected: str
) -> None:
    data = small_map().model_dump(mode="json")
    data["views"] = [view]
    assert _problems(data) == [expected]


def test_what_each_kind_of_view_shows() -> None:
    amap = small_map()
    position = View(id="q", name="q", kind="position", position="engage")
    # the grounds t and b, with what supports or attacks them (p, o; b attacks t)
    assert view_claims(amap, position) == ["t", "p", "o", "b"]
    author = View(id="a", name="a", kind="author", author="ann")
    # all of Ann's claims, and Bob's attack on her thesis
    assert view_claims(amap, author) == ["t", "p", "o", "r", "b"]
    around = View(id="n", name="n", kind="around", claims=["o"], depth=1)
    assert view_claims(amap, around) == ["t", "o", "r"]
    picked = View(id="c", name="c", kind="claims", claims=["r", "p"])
    assert view_claims(amap, picked) == ["p", "r"]


def test_proposals_are_left_out_unless_asked_for() -> None:
    amap = small_map()
    amap.claims[3] = amap.claims[3].model_copy(
        update={"origin": Origin(kind="extracted", confidence=0.5, reviewed=False)}
    )
    view = View(id="a", name="a", kind="author", author="ann")
    assert "r" not in view_claims(amap, view)
    assert "r" in view_claims(amap, view, proposals=True)


def test_the_suggested_order_is_the_tree_depth_first() -> None:
    amap = small_map()
    # thesis, its support, then its attacks, each followed at once by its answers
    assert suggested_steps(amap, ["t", "p", "o", "r", "b"]) == ["t", "p", "o", "r", "b"]
    assert suggested_steps(amap, ["r", "b", "t", "o", "p"]) == ["t", "p", "b", "o", "r"]


def test_saved_steps_come_first_and_the_rest_follows_in_the_suggested_order() -> None:
    amap = small_map()
    view = View(id="a", name="a", kind="author", author="ann", steps=["o", "r"])
    assert view_steps(amap, view) == ["o", "r", "t", "p", "b"]


def test_a_view_map_is_the_part_alone_without_saved_places() -> None:
    amap = small_map()
    view = View(id="c", name="Objection", kind="claims", claims=["o", "r"])
    part = view_map(amap, view)
    assert [c.id for c in part.claims] == ["o", "r"]
    assert [x.id for x in part.links] == ["l3"]
    assert all(c.pos is None for c in part.claims)
    assert part.title == "Objection"
    laid = laid_out_view(amap, view)
    places = {(c.pos.x, c.pos.y) for c in laid.claims if c.pos is not None}
    assert len(places) == 2


def test_a_position_view_has_one_column_per_author() -> None:
    amap = small_map()
    laid = laid_out_view(amap, View(id="q", name="q", kind="position", position="engage"))
    x_of = {c.id: c.pos.x for c in laid.claims if c.pos is not None}
    assert x_of["t"] == x_of["p"] == x_of["o"] != x_of["b"]


def test_cards_with_a_taller_header_are_laid_out_further_apart() -> None:
    """A printed card's header band can be taller than the screen's: the part is laid out
    for the cards as they will be drawn, each card further down by as much as those above
    it grew."""
    from argmap.drawing.shapes import HEADER, card_height

    amap = small_map()
    view = View(id="q", name="q", kind="position", position="engage")
    y = {c.id: c.pos.y for c in laid_out_view(amap, view).claims if c.pos is not None}
    taller = laid_out_view(amap, view, header=HEADER + 5)
    y5 = {c.id: c.pos.y for c in taller.claims if c.pos is not None}
    column = sorted(("t", "p", "o"), key=y.__getitem__)  # one author's column, top down
    assert [y5[c] - y[c] for c in column] == [2.5, 5 + 2.5, 10 + 2.5]
    assert card_height(40.0) == card_height(40.0, HEADER)
    assert card_height(40.0, HEADER + 5) == card_height(40.0) + 5
    assert card_height(0.0, HEADER + 5) == card_height(0.0) + 5  # a one-line card too


def test_find_view_by_name_or_id_and_a_clear_error_otherwise() -> None:
    amap = small_map()
    amap.views = [View(id="v1", name="Ann's case", kind="author", author="ann")]
    assert find_view(amap, "ann's CASE").id == "v1"
    assert find_view(amap, "v1").name == "Ann's case"
    with pytest.raises(ViewError, match=r"no view called 'Bob'.*Ann's case"):
        find_view(amap, "Bob")


def test_making_views_is_one_undo_step_each() -> None:
    doc = MapDocument(small_map())
    history = History(doc)
    before = encode(doc.map)
    history.do(view_of_selection(doc, ["o", "r"]))
    history.do(view_of_position(doc, "engage"))
    history.do(view_of_author(doc, "bob"))
    assert [(v.kind, v.name) for v in doc.map.views] == [
        ("claims", "2 chosen claims"),
        ("position", "Engage the Taliban?"),
        ("author", "Bob Critic"),
    ]
    assert history.undo_label == "Make view “Bob Critic”"
    for _ in range(3):
        assert history.undo()
    assert encode(doc.map) == before
    with pytest.raises(EditError, match="select the claims"):
        view_of_selection(doc, [])


def test_deleting_a_claim_takes_it_out_of_views_and_undo_puts_it_back() -> None:
    doc = MapDocument(small_map())
    history = History(doc)
    history.do(view_of_selection(doc, ["r"], "only r"))
    history.do(view_of_selection(doc, ["o", "r"], "o and r"))
    history.do(UpdateView(doc.map.views[1].id, {"steps": ["r", "o"]}))
    before = encode(doc.map)
    history.do(RemoveClaim("r"))
    # the view of r alone has nothing left to show; the other loses r
    assert [(v.name, v.claims, v.steps) for v in doc.map.views] == [("o and r", ["o"], ["o"])]
    decode(encode(doc.map))  # still a valid file
    history.undo()
    assert encode(doc.map) == before


def test_removing_a_position_removes_its_views_with_undo() -> None:
    doc = MapDocument(small_map())
    history = History(doc)
    history.do(view_of_position(doc, "engage"))
    before = encode(doc.map)
    history.do(RemovePosition("engage"))
    assert doc.map.views == []
    history.undo()
    assert encode(doc.map) == before


def test_the_comparison_map_ships_a_view_per_question_and_per_author() -> None:
    amap = load(COMPARISON)
    kinds = [v.kind for v in amap.views]
    assert kinds == ["position"] * len(amap.positions) + ["author"] * len(amap.authors)
    assert {v.position for v in amap.views} - {None} == {p.id for p in amap.positions}
    assert {v.author for v in amap.views} - {None} == {a.id for a in amap.authors}
    for view in amap.views:
        shown = view_claims(amap, view)
        assert sorted(view.steps) == sorted(shown), view.name  # every claim has its step
        assert view.steps[0] in shown
    # each author's view begins with a claim of that author that points at nothing in it
    for view in amap.views:
        if view.kind == "author":
            first = amap.claim_index()[view.steps[0]]
            assert first.author == view.author and first.kind in ("thesis", "recommendation")


def test_default_views_are_made_when_a_map_has_none() -> None:
    amap = small_map()
    views = default_views(amap)
    assert [(v.kind, v.name) for v in views] == [
        ("position", "Engage the Taliban?"),
        ("author", "Ann Author"),
        ("author", "Bob Critic"),
    ]


def test_every_view_of_the_comparison_is_a_valid_map_of_its_own() -> None:
    from argmap.map.invariants import find_problems

    amap = load(COMPARISON)
    for view in amap.views:
        part = view_map(amap, view)
        assert find_problems(part) == [], view.name
        assert decode(encode(part)).claims == part.claims


@pytest.mark.parametrize("name", ["argdown", "aif", "graphml"])
def test_views_survive_argmaps_own_interchange_formats(name: str) -> None:
    from argmap.formats import aif, argdown, graphml

    amap = small_map()
    amap.views = [
        View(id="v1", name="Ann's case", kind="author", author="ann", steps=["p", "t"]),
        View(id="v2", name="Engage", kind="position", position="engage"),
    ]
    if name == "argdown":
        back = argdown.read_argdown(argdown.write_argdown(amap)).map
    elif name == "aif":
        back = aif.read_aif(aif.write_aif(amap).encode()).map
    else:
        back = graphml.read_graphml(graphml.write_graphml(amap).encode()).map
    assert back.views == amap.views
