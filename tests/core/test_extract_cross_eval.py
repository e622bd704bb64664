"""Scoring cross-article suggestions against a curated comparison map (synthetic maps)."""

from __future__ import annotations

from pathlib import Path

from argmap.extract.cross import CrossItem, similarity_ranking
from argmap.extract.evaluate_cross import cross_link_score
from argmap.map.mapfile import save
from argmap.map.model import ArgumentMap, Author, Claim, Link, Source

ENGAGE = "Washington should engage the Taliban in talks about counterterrorism cooperation"
ENGAGE_TOO = "Engaging the Taliban in counterterrorism talks is what Washington should do now"
PAKISTAN = "Pakistan's army sheltered militant leaders along the border for two decades"
TRAMS = "The city council should fund a tram line to the airport this year"


def _map(links: list[Link]) -> ArgumentMap:
    return ArgumentMap(
        authors=[Author(id="a", name="A"), Author(id="b", name="B")],
        sources=[
            Source(id="sa", title="A", text="x", authors=["a"]),
            Source(id="sb", title="B", text="y", authors=["b"]),
        ],
        claims=[
            Claim(id="c1", kind="recommendation", text=ENGAGE, author="a", source="sa"),
            Claim(id="c2", kind="premise", text=PAKISTAN, author="a", source="sa"),
            Claim(id="c3", kind="recommendation", text=ENGAGE_TOO, author="b", source="sb"),
            Claim(id="c4", kind="recommendation", text=TRAMS, author="b", source="sb"),
        ],
        links=links,
    )


def test_similarity_ranking_orders_other_authors_only() -> None:
    items = [
        CrossItem("c1", "sa", "a", ENGAGE, "recommendation"),
        CrossItem("c2", "sa", "a", PAKISTAN, "premise"),
        CrossItem("c3", "sb", "b", ENGAGE_TOO, "recommendation"),
        CrossItem("c4", "sb", "b", TRAMS, "recommendation"),
    ]
    ranking = similarity_ranking(items)
    assert ranking["c1"] == ["c3", "c4"]  # the paraphrase first; never its own author
    assert set(ranking["c3"]) == {"c1", "c2"}
    assert ranking["c3"][0] == "c1"


def test_cross_link_score_counts_recovered_links_and_ranks(tmp_path: Path) -> None:
    save(_map([]), tmp_path / "plain.argmap.json")
    assert cross_link_score(tmp_path) is None  # no cross-author link anywhere
    curated = [
        Link(id="l1", kind="support", from_claim="c3", to_claim="c1"),
        Link(id="l2", kind="attack", from_claim="c4", to_claim="c2"),
    ]
    save(_map(curated), tmp_path / "debate.argmap.json")
    report = cross_link_score(tmp_path)
    assert report is not None and report["map"] == "debate.argmap.json"
    assert report["curated_cross_links"] == 2
    # the paraphrase pair is suggested as support; the unrelated pair is not suggested
    assert report["recovered"] == 1 and report["polarity_right"] == 1
    assert report["suggested"] >= 1
    # c1 is c3's best match (rank 1); c4 shares no word with author a's claims, so its
    # partner c2 comes second (ties keep map order)
    assert report["partner_rank_median"] == 1.5 and report["partner_in_top3"] == 1.0
