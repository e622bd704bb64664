"""Every invariant of a map, fed its violation, names the JSON path and the problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from argmap.edit.document import EditError, MapDocument
from argmap.edit.edits import UpdateClaim
from argmap.map.invariants import find_problems
from argmap.map.mapfile import MapFileError, decode, encode, load
from argmap.map.model import ArgumentMap, Claim, Quote, Source
from tests.core.helpers import small_map


def raw() -> dict[str, Any]:
    return small_map().model_dump(mode="json")


def problems_of(data: dict[str, Any]) -> list[str]:
    import json

    try:
        decode(json.dumps(data).encode(), "m.argmap.json")
    except MapFileError as exc:
        return [str(p) for p in exc.problems]
    return []


def test_the_small_map_is_valid() -> None:
    assert find_problems(small_map()) == []
    assert problems_of(raw()) == []


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: d["claims"].append(dict(d["claims"][0])),
            "claims[5].id: duplicate id 't' (first used at claims[0])",
        ),
        (
            lambda d: d["links"].append({**d["links"][0], "id": "l1"}),
            "links[4].id: duplicate id 'l1'",
        ),
        (lambda d: d["authors"].append(dict(d["authors"][0])), "authors[2].id: duplicate id 'ann'"),
        (lambda d: d["sources"].append(dict(d["sources"][0])), "sources[1].id: duplicate id 's1'"),
        (
            lambda d: d["positions"].append(dict(d["positions"][0])),
            "positions[1].id: duplicate id 'engage'",
        ),
        (
            lambda d: d["links"][0].update(to_claim="zz"),
            "links[0].to_claim: unknown claim 'zz' (dangling link)",
        ),
        (
            lambda d: d["links"][0].update(from_claim="zz"),
            "links[0].from_claim: unknown claim 'zz'",
        ),
        (lambda d: d["links"][0].update(to_claim="p"), "links[0]: claim 'p' is linked to itself"),
        (
            lambda d: d["links"].append({**d["links"][0], "id": "l9"}),
            "links[4]: duplicate support link 'p' -> 't' (already links[0])",
        ),
        (
            lambda d: d["claims"][0].update(author="nobody"),
            "claims[0].author: unknown author 'nobody'",
        ),
        (
            lambda d: d["claims"][0].update(source="nowhere"),
            "claims[0].source: unknown source 'nowhere'",
        ),
        (
            lambda d: d["sources"][0]["authors"].append("ghost"),
            "sources[0].authors[1]: unknown author 'ghost'",
        ),
        (
            lambda d: d["positions"][0]["stances"].update(ghost="for"),
            "positions[0].stances.ghost: stance for unknown author 'ghost'",
        ),
        (
            lambda d: d["positions"][0]["grounds"].append("zz"),
            "positions[0].grounds[2]: unknown claim 'zz'",
        ),
        (
            lambda d: d["positions"][0].update(sides={"p": "for"}),
            "positions[0].sides.p: a side for 'p', which is not among the position's grounds",
        ),
        (
            lambda d: d["claims"][0]["quote"].update(text="Washington should talk to the TalibaX"),
            "claims[0].quote: claim 't': quote text 'Washington should talk to the TalibaX' does not match",
        ),
        (
            lambda d: d["claims"][0]["quote"].update(start=500, end=505, text="abcde"),
            "claims[0].quote: claim 't': quote ends at 505 but the source text has only",
        ),
        (
            lambda d: d["claims"][0]["quote"].update(start=10, end=5),
            "claims[0].quote: claim 't': quote end (5) must be greater than its start (10)",
        ),
        (
            lambda d: d["claims"][2].update(quote={"start": 0, "end": 4, "text": "Wash"}),
            "claims[2].quote: a claim with a quote must name its source",
        ),
        (
            lambda d: d["claims"][2].update(origin={"kind": "extracted"}),
            "claims[2].origin.confidence: an extracted origin needs a confidence",
        ),
        (
            lambda d: d["links"][1].update(origin={"kind": "manual", "confidence": 0.5}),
            "links[1].origin.confidence: a manual origin has no confidence",
        ),
    ],
)
def test_each_violation_is_reported_with_its_path(mutate: Any, expected: str) -> None:
    data = raw()
    mutate(data)
    problems = problems_of(data)
    assert any(p.startswith(f"m.argmap.json: {expected}") for p in problems), problems


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: d["claims"][0].update(kind="conclusion"),
            "claims[0].kind: Input should be 'thesis'",
        ),
        (lambda d: d["claims"][0].update(colour="red"), "claims[0].colour: unknown key"),
        (
            lambda d: d["claims"][0].update(id="has space"),
            "claims[0].id: String should match pattern",
        ),
        (lambda d: d["claims"][0].pop("text"), "claims[0].text: required key is missing"),
        (
            lambda d: d["links"][0].update(kind="supports"),
            "links[0].kind: Input should be 'support' or 'attack'",
        ),
        (
            lambda d: d["authors"][0].update(color="blue"),
            "authors[0].color: String should match pattern",
        ),
        (
            lambda d: d["positions"][0]["stances"].update(ann="yes"),
            "positions[0].stances.ann: Input should be",
        ),
        (lambda d: d.update(title=["x"]), "title: Input should be a valid string"),
    ],
)
def test_structural_errors_name_path_and_expectation(mutate: Any, expected: str) -> None:
    data = raw()
    mutate(data)
    problems = problems_of(data)
    assert any(p.startswith(f"m.argmap.json: {expected}") for p in problems), problems


def test_constructing_an_invalid_map_in_code_fails_loudly() -> None:
    data = raw()
    data["links"][0]["to_claim"] = "zz"
    with pytest.raises(ValueError, match="dangling link"):
        ArgumentMap.model_validate(data)


def test_all_problems_are_reported_not_just_the_first() -> None:
    data = raw()
    data["links"][0]["to_claim"] = "zz"
    data["claims"][1]["author"] = "nobody"
    assert len(problems_of(data)) == 2


def test_round_trip_is_identical() -> None:
    amap = small_map()
    again = decode(encode(amap))
    assert again == amap
    assert encode(again) == encode(amap)


# ------------------------------------------------------------------ issue 18, items 8 and 9

SHORT_TEXT = "Washington should talk."  # 23 characters


def _map_quoting(quote: Quote) -> ArgumentMap:
    """A map whose one claim quotes ``quote`` from a 23-character source (not checked)."""
    claim = Claim(id="c", kind="thesis", text="Talk", source="s", quote=quote)
    return ArgumentMap.model_construct(
        sources=[Source(id="s", text=SHORT_TEXT)],
        authors=[],
        claims=[claim],
        links=[],
        positions=[],
    )


@pytest.mark.parametrize(
    "quote",
    [
        Quote(start=11, end=500, text="should talk."),  # the truncated slice equals the text
        Quote(start=0, end=24, text="Washington should talk."),
        Quote(start=3, end=500, text="should talk."),  # the truncated slice differs
        Quote(start=23, end=24, text="x"),
    ],
    ids=["issue's example", "one past the end", "text differs", "starts at the end"],
)
def test_a_quote_must_lie_inside_its_source_whatever_its_text(tmp_path: Path, quote: Quote) -> None:
    path = tmp_path / "m.argmap.json"
    path.write_bytes(encode(_map_quoting(quote)))
    with pytest.raises(MapFileError, match=r"claims\[0\]\.quote: claim 'c': quote ends at"):
        load(path)
    doc = MapDocument(_map_quoting(Quote(start=11, end=17, text="should")))
    with pytest.raises(EditError, match="quote ends at"):
        UpdateClaim("c", {"quote": quote}).apply(doc)


def test_a_quote_is_compared_with_its_source_exactly_case_included(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.json"
    path.write_bytes(encode(_map_quoting(Quote(start=11, end=17, text="SHOULD"))))
    with pytest.raises(MapFileError, match="does not match the source"):
        load(path)
    doc = MapDocument(_map_quoting(Quote(start=11, end=17, text="should")))
    for wrong in ("Should", "should ", "shoulD"):
        with pytest.raises(EditError, match="does not match"):
            UpdateClaim("c", {"quote": Quote(start=11, end=17, text=wrong)}).apply(doc)
    assert doc.claims["c"].quote == Quote(start=11, end=17, text="should")
