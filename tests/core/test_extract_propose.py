"""Proposals: kinds from cues and position, reasons, links, cross-article suggestions."""

from __future__ import annotations

from argmap.extract.cross import CrossItem, polarity, suggest_cross_links
from argmap.extract.cues import find_cues
from argmap.extract.propose import propose_article

OPED = "\n\n".join(
    [
        "The city should build the tram line to the airport now.",
        "Traffic on the airport road has doubled since 2015, according to the transport office. "
        "Buses stuck in that traffic lose 20 minutes on every trip.",
        "Critics claim that a tram is too expensive for a city of this size. "
        "But the cost of the jams is higher every single year.",
        "So what should the council do?",
        "Therefore the council must fund the tram line in this year's budget.",
    ]
)


def test_kinds_confidence_and_reason() -> None:
    result = propose_article(OPED, "Build the tram line")
    kinds = {p.unit.text[:20]: p.kind for p in result.units}
    assert kinds["Critics claim that a"] == "objection"
    assert kinds["Traffic on the airpo"] == "evidence"
    assert kinds["So what should the c"] is None  # a question is not a claim
    theses = [p for p in result.units if p.kind == "thesis"]
    assert len(theses) == 1
    top2 = {result.units[i].unit.text[:20] for i in result.thesis_ranking[:2]}
    assert "The city should buil" in top2 or "Therefore the counci" in top2
    for p in result.units:
        assert OPED[p.unit.start : p.unit.end] == p.unit.text
        assert 0.0 <= p.confidence <= 1.0
        assert p.reason


def test_links_support_and_attack() -> None:
    result = propose_article(OPED, "Build the tram line")
    units = result.units
    by_start = {units[i].unit.text[:12]: i for i in range(len(units))}
    links = {
        (units[x.source].unit.text[:12], units[x.target].unit.text[:12]): x.kind
        for x in result.links
    }
    objection = by_start["Critics clai"]
    rebuttal = by_start["But the cost"]
    assert links[(units[rebuttal].unit.text[:12], units[objection].unit.text[:12])] == "attack"
    assert any(kind == "attack" and src == "Critics clai" for (src, _), kind in links.items())
    for x in result.links:
        assert units[x.source].kind is not None and units[x.target].kind is not None
        assert x.source != x.target


def test_cues_name_what_they_found() -> None:
    cues = find_cues("Instead, the U.S.’s best bet is to find a political solution.")
    assert "best bet" in cues.deontic
    assert cues.rebuttal == "Instead"
    assert find_cues("In other words, we must act.").conclusion == "In other words"
    assert find_cues("Of course, it costs money.").concession == "Of course"
    assert not find_cues("The sky is blue today.").deontic


def test_cross_article_suggestions_and_polarity() -> None:
    new = [
        CrossItem("a1", "s1", "ann", "The council should build the airport tram line.", "thesis"),
        CrossItem("a2", "s1", "ann", "Bicycles are healthy.", "premise"),
    ]
    old = [
        CrossItem(
            "b1", "s2", "bob", "The council should not build the airport tram line.", "thesis"
        ),
        CrossItem("b2", "s2", "bob", "Parks need more trees and benches.", "premise"),
        CrossItem(
            "c1", "s1", "ann", "The airport tram line is the council's best project.", "premise"
        ),
    ]
    suggestions = suggest_cross_links(new, old)
    pairs = {(s.source, s.target): s.kind for s in suggestions}
    assert pairs == {("a1", "b1"): "attack"}  # same author/source never suggested
    assert polarity("Trade will increase.", "Trade will decrease.")[0] == "attack"
    assert polarity("Trade helps growth.", "Trade helps jobs.")[0] == "support"
    assert suggest_cross_links(new) == []  # one source only


def test_quoted_testimony_is_evidence_and_headings_are_not_claims() -> None:
    text = "\n\n".join(
        [
            "Trams Cannot Wait",
            "The council should fund the tram line this year.",
            "“Every month of delay costs the city two million euros,” says Anna Berg, the "
            "transport office's chief economist.",
            "Therefore the council must act before the summer.",
        ]
    )
    units = {p.unit.text[:12]: p for p in propose_article(text, "Trams now").units}
    assert units["Trams Cannot"].kind is None and "heading" in units["Trams Cannot"].reason
    assert units["“Every month"].kind == "evidence"
    assert "testimony" in units["“Every month"].reason


def test_since_that_dates_is_not_a_reason() -> None:
    for dating in (
        "Since the invasion of the island, both neighbours have blamed the navy.",
        "Since the 1990s the region has lost half its farms.",
        "Prices rose, since the war began.",
    ):
        assert find_cues(dating).reason == "", dating
    assert find_cues("Since the farms need water, the dam matters.").reason == "Since"
    assert find_cues("The plan fails, since voters distrust it.").reason == "since"
