"""Related claims: other authors' claims ranked by TF-IDF cosine, for drawing links by hand."""

from __future__ import annotations

from argmap.extract.cross import related_claims
from argmap.map.mapfile import load
from argmap.map.model import ArgumentMap, Author, Claim, Link

MAP = "maps/afghanistan-debate.argmap.json"


def _map() -> ArgumentMap:
    return ArgumentMap(
        authors=[Author(id="a1", name="Ann"), Author(id="a2", name="Bob")],
        claims=[
            Claim(
                id="c1",
                kind="thesis",
                text="Negotiations with the Taliban bring peace",
                author="a1",
            ),
            Claim(
                id="c2",
                kind="premise",
                text="Negotiations with the Taliban bring peace soon",
                author="a1",
            ),
            Claim(
                id="c3",
                kind="objection",
                text="Negotiations with the Taliban never bring peace",
                author="a2",
            ),
            Claim(id="c4", kind="premise", text="The Taliban lie", author="a2"),
            Claim(id="c5", kind="evidence", text="Peace talks stalled twice", author=None),
            Claim(id="c6", kind="premise", text="Bridges need steel", author="a2"),
            Claim(id="c7", kind="premise", text="Negotiations bring peace to Kabul", author="a2"),
        ],
        links=[Link(id="l1", kind="attack", from_claim="c1", to_claim="c7")],
    )


def test_hand_built_map_known_answer() -> None:
    ranked = related_claims(_map(), "c1")
    ids = [cid for cid, _, _ in ranked]
    # c2 is the same author, c7 already linked (c1 -> c7), c6 shares nothing.
    assert ids == ["c3", "c4", "c5"]  # c4 is short, so "Taliban" weighs a lot
    _, sim, words = ranked[0]
    assert 0.5 < sim <= 1.0
    assert set(words) == {"Negotiations", "bring", "peace", "Taliban"}
    assert ranked[2][2] == ["Peace"]  # surface form of the related claim's text


def test_links_count_either_way_and_unknown_claim_is_empty() -> None:
    assert "c1" not in [cid for cid, _, _ in related_claims(_map(), "c7")]
    assert related_claims(_map(), "nope") == []
    assert related_claims(_map(), "c1", limit=0) == []


def test_claim_without_author_sees_everyone() -> None:
    ids = [cid for cid, _, _ in related_claims(_map(), "c5")]
    assert "c1" in ids and "c3" in ids


def test_debate_map_ranking() -> None:
    amap = load(MAP)
    claims = {c.id: c for c in amap.claims}
    for claim_id in ("hussain.rec1", "kabul.thesis2", "gzero.p7"):
        me = claims[claim_id]
        linked = {ln.to_claim for ln in amap.links if ln.from_claim == claim_id}
        linked |= {ln.from_claim for ln in amap.links if ln.to_claim == claim_id}
        ranked = related_claims(amap, claim_id, limit=5)
        assert 0 < len(ranked) <= 5
        sims = [sim for _, sim, _ in ranked]
        assert sims == sorted(sims, reverse=True)
        for cid, _, words in ranked:
            assert cid != claim_id and cid not in linked
            assert claims[cid].author is None or claims[cid].author != me.author
            assert words
        assert len(related_claims(amap, claim_id, limit=50)) > 5
