"""Every edit refuses what the file loader would refuse (issue 18, item 4).

An edit that accepts a value loading would refuse makes a map that saves a file which cannot
be opened, or does not save at all (a lone surrogate cannot be written as UTF-8). The
property test throws awkward values (None, numbers, surrogates, huge strings, control
characters, wrong objects) at every edit class, then saves and loads the map: each edit must
either apply or raise :class:`EditError`, and whatever was applied must save and load back
equal.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.edit import edits
from argmap.edit.document import EditError, History, MapDocument
from argmap.map.mapfile import load, save
from argmap.map.model import Author, Claim, Link, Point, Position, Quote, Source
from tests.core.helpers import small_map

SURROGATE = "\ud800"
AWKWARD: list[Any] = [
    None,
    0,
    123,
    -1,
    1.5,
    math.nan,
    math.inf,
    True,
    "",
    " ",
    SURROGATE,
    f"text {SURROGATE} inside",
    "\udfff",
    "\x00\x01\x1f\x7f control",
    "x" * 20_000,
    "ok text",
    "t",
    "ann",
    "s1",
    "engage",
    "for",
    "support",
    "premise",
    [],
    [SURROGATE],
    ["ok"],
    [None],
    {},
    {"ann": "for"},
    {"t": "against"},
    {"x": SURROGATE},
    b"bytes",
    object(),
]
"""Values a buggy caller, a plug-in or a hostile clipboard could hand an edit."""

awkward = st.sampled_from(AWKWARD)
ids = st.sampled_from(["t", "p", "o", "r", "b", "ann", "bob", "s1", "engage", "l1", "l4", "new"])
maybe_id = st.one_of(ids, awkward)

CLAIM_FIELDS = ["id", "kind", "text", "author", "source", "quote", "tags", "note", "origin", "pos"]
LINK_FIELDS = ["id", "kind", "from_claim", "to_claim", "note", "origin"]
SOURCE_FIELDS = ["id", "title", "outlet", "date", "url", "authors", "text", "note"]
AUTHOR_FIELDS = ["id", "name", "affiliation", "color"]
POSITION_FIELDS = ["id", "label", "description", "stances", "grounds", "sides"]


def _changes(draw: st.DrawFn, fields: list[str]) -> Any:
    if draw(st.integers(0, 9)) == 0:
        return draw(awkward)  # not even a mapping
    keys = draw(st.lists(st.sampled_from([*fields, "bogus"]), min_size=1, max_size=3))
    return {key: draw(st.one_of(awkward, ids)) for key in keys}


def _constructed(draw: st.DrawFn, model: Any, valid: dict[str, Any], fields: list[str]) -> Any:
    """A model object built without validation (``model_construct``), as a careless caller
    could, with some fields awkward; sometimes not a model object at all."""
    roll = draw(st.integers(0, 9))
    if roll == 0:
        return draw(awkward)
    values = dict(valid)
    for key in draw(st.lists(st.sampled_from(fields), max_size=2)):
        values[key] = draw(st.one_of(awkward, ids))
    return model.model_construct(**values)


@st.composite
def any_edit(draw: st.DrawFn) -> Any:
    n = draw(st.integers(0, 10_000))
    kind = draw(st.sampled_from(EDIT_CLASSES))
    index = draw(st.one_of(st.none(), st.integers(-2, 9), awkward))
    if kind is edits.AddClaim:
        valid = {"id": f"c{n}", "kind": "premise", "text": "A claim"}
        return edits.AddClaim(_constructed(draw, Claim, valid, CLAIM_FIELDS), index)
    if kind is edits.AddLink:
        valid = {"id": f"k{n}", "kind": "support", "from_claim": "r", "to_claim": "p"}
        return edits.AddLink(_constructed(draw, Link, valid, LINK_FIELDS), index)
    if kind is edits.AddSource:
        valid = {"id": f"s{n}", "text": "Some text."}
        return edits.AddSource(_constructed(draw, Source, valid, SOURCE_FIELDS), index)
    if kind is edits.AddAuthor:
        valid = {"id": f"a{n}", "name": "Someone"}
        return edits.AddAuthor(_constructed(draw, Author, valid, AUTHOR_FIELDS), index)
    if kind is edits.AddPosition:
        valid = {"id": f"q{n}", "label": "A question?"}
        return edits.AddPosition(_constructed(draw, Position, valid, POSITION_FIELDS), index)
    if kind in (
        edits.RemoveClaim,
        edits.RemoveLink,
        edits.RemoveSource,
        edits.RemoveAuthor,
        edits.RemovePosition,
    ):
        return kind(draw(maybe_id))
    if kind is edits.UpdateClaim:
        return edits.UpdateClaim(draw(maybe_id), _changes(draw, CLAIM_FIELDS))
    if kind is edits.UpdateLink:
        return edits.UpdateLink(draw(maybe_id), _changes(draw, LINK_FIELDS))
    if kind is edits.UpdateSource:
        return edits.UpdateSource(draw(maybe_id), _changes(draw, SOURCE_FIELDS))
    if kind is edits.UpdateAuthor:
        return edits.UpdateAuthor(draw(maybe_id), _changes(draw, AUTHOR_FIELDS))
    if kind is edits.UpdatePosition:
        return edits.UpdatePosition(draw(maybe_id), _changes(draw, POSITION_FIELDS))
    if kind is edits.MoveClaims:
        if draw(st.integers(0, 9)) == 0:
            return edits.MoveClaims(draw(awkward))
        point = st.one_of(
            st.none(),
            st.builds(Point, x=st.floats(-1e4, 1e4), y=st.floats(-1e4, 1e4)),
            st.builds(Point.model_construct, x=awkward, y=awkward),
            awkward,
        )
        keys = st.one_of(ids, st.sampled_from([None, 0, 1.5, "", SURROGATE, b"t"]))
        return edits.MoveClaims(draw(st.dictionaries(keys, point, max_size=3)))
    if kind is edits.SetStance:
        return edits.SetStance(draw(maybe_id), draw(maybe_id), draw(awkward))
    if kind is edits.SetGroundSide:
        return edits.SetGroundSide(draw(maybe_id), draw(maybe_id), draw(awkward))
    if kind is edits.SetMeta:
        return edits.SetMeta(draw(st.one_of(awkward, ids)), draw(st.one_of(awkward, ids)))
    assert kind is edits.Macro
    inner = draw(st.lists(any_edit(), max_size=3))
    return edits.Macro(inner, "Several")


EDIT_CLASSES: list[type] = [
    edits.AddClaim,
    edits.RemoveClaim,
    edits.UpdateClaim,
    edits.MoveClaims,
    edits.AddLink,
    edits.RemoveLink,
    edits.UpdateLink,
    edits.AddSource,
    edits.RemoveSource,
    edits.UpdateSource,
    edits.AddAuthor,
    edits.RemoveAuthor,
    edits.UpdateAuthor,
    edits.AddPosition,
    edits.RemovePosition,
    edits.UpdatePosition,
    edits.SetStance,
    edits.SetMeta,
    edits.Macro,
    edits.SetGroundSide,
]


def test_the_property_test_covers_every_edit_class() -> None:
    defined = {
        obj
        for name, obj in vars(edits).items()
        if isinstance(obj, type) and obj.__module__ == edits.__name__ and hasattr(obj, "apply")
    }
    assert defined == set(EDIT_CLASSES)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_edit(), min_size=1, max_size=12))
def test_awkward_edits_apply_or_are_refused_and_the_map_always_saves_and_loads(
    sequence: list[Any],
) -> None:
    doc = MapDocument(small_map())
    history = History(doc)
    before = doc.map.model_dump()
    for edit in sequence:
        snapshot = doc.map.model_dump()
        try:
            history.do(edit)
        except EditError:
            assert doc.map.model_dump() == snapshot  # a refused edit changes nothing
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "m.argmap.json"
        save(doc.map, path)
        assert load(path) == doc.map
    while history.undo():
        pass
    assert doc.map.model_dump() == before


# ------------------------------------------------------------------ the cases of the issue


@pytest.mark.parametrize("title", [None, 123, SURROGATE, f"a{SURROGATE}b", ["x"]])
def test_set_meta_refuses_a_title_the_file_cannot_hold(title: Any) -> None:
    doc = MapDocument(small_map())
    with pytest.raises(EditError, match="title"):
        edits.SetMeta(title, "").apply(doc)
    assert doc.map.title == "Talks"


def test_set_meta_refuses_a_description_the_file_cannot_hold() -> None:
    doc = MapDocument(small_map())
    with pytest.raises(EditError, match="description"):
        edits.SetMeta("Talks", f"x{SURROGATE}").apply(doc)


@pytest.mark.parametrize(
    "edit",
    [
        edits.UpdateClaim("t", {"tags": [f"tag{SURROGATE}"]}),
        edits.UpdateClaim("t", {"note": SURROGATE}),
        edits.UpdateSource("s1", {"title": SURROGATE}),
        edits.UpdateAuthor("ann", {"affiliation": SURROGATE}),
        edits.UpdatePosition("engage", {"description": SURROGATE}),
        edits.UpdateLink("l1", {"note": SURROGATE}),
        edits.AddClaim(Claim(id="n", kind="premise", text="ok", tags=[SURROGATE])),
    ],
)
def test_a_lone_surrogate_is_refused_by_every_edit(edit: Any) -> None:
    doc = MapDocument(small_map())
    with pytest.raises(EditError, match="surrogate"):
        edit.apply(doc)
    with tempfile.TemporaryDirectory() as folder:
        save(doc.map, Path(folder) / "m.argmap.json")  # still saves


def test_an_object_built_without_validation_is_checked_as_loading_would() -> None:
    doc = MapDocument(small_map())
    bad = Claim.model_construct(id="n", kind="premise", text=None)
    with pytest.raises(EditError, match="text"):
        edits.AddClaim(bad).apply(doc)
    far = Point.model_construct(x=math.nan, y=0.0)
    with pytest.raises(EditError, match="position"):
        edits.MoveClaims({"t": far}).apply(doc)
    quote = Quote.model_construct(start=-1, end=3, text="Was")
    with pytest.raises(EditError):
        edits.UpdateClaim("t", {"quote": quote}).apply(doc)
    assert "n" not in doc.claims and doc.claims["t"].pos is None
