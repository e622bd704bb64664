"""argmap.edit.quotes: finding passages, detecting drift, re-anchoring, loading drifted maps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.edit.quotes import drifted_quotes, find, load_allowing_drift, reanchor, tolerant_pattern
from argmap.map.mapfile import MapFileError, encode, load
from argmap.map.model import ArgumentMap, Claim, Quote, Source

TEXT = (
    "The U.S.’s best bet is to find a political—and diplomatic—solution.\n\n"
    "It said “don’t talk”.  Talks matter. Talks matter again."
)


def _map(text: str, *quotes: tuple[str, Quote]) -> ArgumentMap:
    return ArgumentMap.model_validate(
        {
            "sources": [Source(id="s", text=text)],
            "claims": [
                Claim(id=cid, kind="premise", text=cid, source="s", quote=q) for cid, q in quotes
            ],
        },
        context={"check_invariants": False},
    )


def _quote(text: str, passage: str) -> Quote:
    start = text.index(passage)
    return Quote(start=start, end=start + len(passage), text=passage)


def test_exact_match_comes_first_with_offsets() -> None:
    found = find(TEXT, "Talks matter.")
    assert found.kind == "exact"
    assert found.unique is not None
    span = found.unique
    assert TEXT[span.start : span.end] == "Talks matter."
    assert span.text == "Talks matter."


def test_tolerant_match_returns_the_sources_own_characters() -> None:
    found = find(TEXT, "The U.S.'s best bet is to find a political - and diplomatic-solution")
    assert found.kind == "tolerant"
    span = found.unique
    assert span is not None
    assert span.text == "The U.S.’s best bet is to find a political—and diplomatic—solution"
    assert TEXT[span.start : span.end] == span.text
    # Letters are not relaxed: a different case is a different passage.
    assert find(TEXT, "the U.S.'s best bet").spans == ()


def test_tolerant_match_spans_line_breaks_and_straight_quotes() -> None:
    found = find(TEXT, 'solution. It said "don\'t talk". Talks')
    assert found.kind == "tolerant"
    span = found.unique
    assert span is not None
    assert span.text == "solution.\n\nIt said “don’t talk”.  Talks"
    assert TEXT[span.start : span.end] == span.text


def test_ambiguous_and_absent_passages_have_no_unique_span() -> None:
    twice = find(TEXT, "Talks matter")
    assert len(twice.spans) == 2
    assert twice.unique is None
    assert find(TEXT, "never said").spans == ()
    assert find(TEXT, "   ").spans == ()


def test_tolerant_pattern_treats_ellipsis_forms_alike() -> None:
    assert tolerant_pattern("wait...").fullmatch("wait…")
    assert tolerant_pattern("wait…").fullmatch("wait...")
    assert not tolerant_pattern("wait").fullmatch("Wait")


def test_drift_is_reported_with_a_unique_proposal() -> None:
    good = _quote(TEXT, "best bet")
    moved = Quote(start=0, end=len("Talks matter again"), text="Talks matter again")
    amap = _map(TEXT, ("c.ok", good), ("c.moved", moved))
    drifts = drifted_quotes(amap)
    assert [d.claim_id for d in drifts] == ["c.moved"]
    drift = drifts[0]
    assert drift.path == "claims[1].quote"
    assert drift.proposal is not None
    assert TEXT[drift.proposal.start : drift.proposal.end] == "Talks matter again"
    assert "does not match" in drift.message


def test_reanchor_fixes_unique_and_leaves_ambiguous_or_gone() -> None:
    amap = _map(
        TEXT,
        ("c.unique", Quote(start=1, end=19, text="Talks matter again")),
        ("c.twice", Quote(start=0, end=12, text="Talks matter")),
        ("c.gone", Quote(start=0, end=10, text="never said")),
    )
    fixed_map, fixed, unfixed = reanchor(amap)
    assert [d.claim_id for d in fixed] == ["c.unique"]
    assert sorted(d.claim_id for d in unfixed) == ["c.gone", "c.twice"]
    assert {d.claim_id: d.candidates for d in unfixed} == {"c.twice": 2, "c.gone": 0}
    claims = fixed_map.claim_index()
    quote = claims["c.unique"].quote
    assert quote is not None
    assert TEXT[quote.start : quote.end] == quote.text == "Talks matter again"
    assert claims["c.twice"].quote == amap.claim_index()["c.twice"].quote
    # The original map is untouched (maps are edited by replacing objects).
    assert amap.claim_index()["c.unique"].quote == Quote(start=1, end=19, text="Talks matter again")


def test_reanchor_adopts_the_sources_typography() -> None:
    amap = _map(TEXT, ("c.q", Quote(start=0, end=10, text="don't talk")))
    fixed_map, fixed, unfixed = reanchor(amap)
    assert not unfixed and len(fixed) == 1
    quote = fixed_map.claim_index()["c.q"].quote
    assert quote is not None and quote.text == "don’t talk"


def test_quote_with_unknown_source_is_reported_without_proposal() -> None:
    amap = ArgumentMap.model_validate(
        {
            "claims": [
                Claim(
                    id="c",
                    kind="premise",
                    text="c",
                    source="nowhere",
                    quote=Quote(start=0, end=1, text="x"),
                )
            ]
        },
        context={"check_invariants": False},
    )
    (drift,) = drifted_quotes(amap)
    assert drift.proposal is None
    assert "unknown source" in drift.message


def _write(tmp_path: Path, amap: ArgumentMap) -> Path:
    path = tmp_path / "m.argmap.json"
    path.write_bytes(encode(amap))
    return path


def test_load_allowing_drift_loads_what_load_refuses(tmp_path: Path) -> None:
    amap = _map(TEXT, ("c.moved", Quote(start=0, end=12, text="Talks matter")))
    path = _write(tmp_path, amap)
    with pytest.raises(MapFileError):
        load(path)
    loaded = load_allowing_drift(path)
    assert loaded.claims[0].quote == Quote(start=0, end=12, text="Talks matter")


def test_load_allowing_drift_still_refuses_other_problems(tmp_path: Path) -> None:
    amap = _map(TEXT, ("c.moved", Quote(start=0, end=12, text="Talks matter")))
    raw = json.loads(encode(amap))
    raw["links"] = [{"id": "l", "kind": "support", "from_claim": "c.moved", "to_claim": "nope"}]
    path = tmp_path / "bad.argmap.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(MapFileError) as info:
        load_allowing_drift(path)
    assert any("links[0].to_claim" in str(p) for p in info.value.problems)
