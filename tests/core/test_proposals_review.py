"""Reviewing proposals in the core: an article's thesis alternatives, swapping one in as
one undo step, and the suggested links between articles that wait on their own (a map
written in the test, with extracted origins; not the proposer's output)."""

from __future__ import annotations

from argmap.edit.document import History, MapDocument
from argmap.edit.proposals import (
    accept_edit,
    alternative_of,
    alternatives_by_claim,
    bulk_accept_ids,
    bulk_reject_ids,
    flip_links_edit,
    pending,
    pending_count,
    pending_links,
    reject_edit,
    swap_thesis_edit,
    thesis_alternatives,
)
from argmap.map.invariants import find_problems
from argmap.map.model import ArgumentMap, Author, Claim, Link, Origin, Point, Quote, Source


def _origin(confidence: float, reason: str, reviewed: bool = False) -> Origin:
    return Origin(kind="extracted", confidence=confidence, reason=reason, reviewed=reviewed)


def _claim(
    cid: str, kind: str, text: str, conf: float, reason: str, *, source: str = "s1"
) -> Claim:
    author = "a" if source == "s1" else "b"
    return Claim(
        id=cid,
        kind=kind,  # type: ignore[arg-type]
        text=text,
        author=author,
        source=source,
        origin=_origin(conf, reason),
        pos=Point(x=len(cid) * 10.0, y=float(sum(map(ord, cid)))),
    )


def _link(lid: str, start: str, end: str, kind: str = "support", conf: float = 0.6) -> Link:
    return Link(
        id=lid,
        kind=kind,  # type: ignore[arg-type]
        from_claim=start,
        to_claim=end,
        origin=_origin(conf, "proposed"),
    )


def article_map() -> ArgumentMap:
    """One article with a thesis and two ranked alternatives, premises arguing for the
    thesis, the runner-up itself linked to the thesis, and a claim of another article
    suggested as support of the thesis."""
    return ArgumentMap(
        authors=[Author(id="a", name="Ann Lee"), Author(id="b", name="Bo Park")],
        sources=[
            Source(id="s1", title="Fund the trams", text="x", authors=["a"]),
            Source(id="s2", title="Buses first", text="y", authors=["b"]),
        ],
        claims=[
            _claim("t1", "thesis", "Trams are a waste of money", 0.62, "thesis: closing unit"),
            _claim("p1", "premise", "Tram lines cost a billion", 0.7, "premise: number"),
            _claim("t2", "thesis", "The city must fund trams", 0.41, "alternative thesis 2: title"),
            _claim("p2", "premise", "Buses are stuck in traffic", 0.5, "premise: cue"),
            _claim("t3", "thesis", "Trams move more people", 0.3, "alternative thesis 3: lede"),
            _claim("b1", "thesis", "Buses first, then trams", 0.8, "thesis: title", source="s2"),
        ],
        links=[
            _link("l1", "p1", "t1"),
            _link("l2", "p2", "t1"),
            _link("l3", "t2", "t1"),  # the runner-up supports the thesis: no self-link later
            _link("l4", "p2", "t2"),  # already linked: no duplicate later
            _link("x1", "b1", "t1", "attack", 0.35),  # between articles: stays put
        ],
    )


def test_alternatives_are_the_article_s_other_thesis_proposals_ranked() -> None:
    doc = MapDocument(article_map())
    assert thesis_alternatives(doc, "s1") == ["t2", "t3"]
    assert thesis_alternatives(doc, "s2") == []
    assert alternative_of(doc, "t2") == (2, "t1")
    assert alternative_of(doc, "t3") == (3, "t1")
    assert alternative_of(doc, "t1") is None and alternative_of(doc, "p1") is None
    assert alternatives_by_claim(doc) == {"t2": (2, "t1"), "t3": (3, "t1")}  # in one pass
    # accepting the thesis leaves its alternatives alternatives, still pending
    History(doc).do(accept_edit(doc, ["t1"]))  # type: ignore[arg-type]
    assert thesis_alternatives(doc, "s1") == ["t2", "t3"]
    assert {"t2", "t3"} <= set(pending(doc))


def test_swapping_an_alternative_in_is_one_undo_step() -> None:
    amap = article_map()
    doc = MapDocument(amap)
    before = {c.id: c for c in amap.claims}
    history = History(doc)
    edit = swap_thesis_edit(doc, "t2")
    assert edit is not None and edit.label == "Use “The city must fund trams” as the thesis"
    history.do(edit)
    t1, t2 = doc.claims["t1"], doc.claims["t2"]
    # the new thesis takes the former's confidence, rank and place
    assert t2.origin.confidence == 0.62 and t2.origin.is_proposal
    assert t2.origin.reason == "thesis: title (chosen by the reviewer)"
    assert t2.pos == before["t1"].pos and t1.pos == before["t2"].pos
    # the former thesis becomes the alternative, with the alternative's confidence
    assert t1.origin.confidence == 0.41
    assert t1.origin.reason == "alternative thesis 2: closing unit"
    assert thesis_alternatives(doc, "s1") == ["t1", "t3"]
    # links within the article follow the thesis; no self-link, no duplicate, no cross
    ends = {x.id: (x.from_claim, x.to_claim) for x in doc.map.links}
    assert ends["l1"] == ("p1", "t2")
    assert ends["l2"] == ("p2", "t1")  # p2 already supports t2
    assert ends["l3"] == ("t2", "t1")  # would have linked t2 to itself
    assert ends["x1"] == ("b1", "t1")  # a suggestion between articles is about that claim
    assert find_problems(doc.map) == []
    history.undo()
    assert doc.map == amap
    # swapping back restores the ranking (the reviewer's choice is recorded)
    history.do(swap_thesis_edit(doc, "t2"))  # type: ignore[arg-type]
    history.do(swap_thesis_edit(doc, "t1"))  # type: ignore[arg-type]
    assert doc.claims["t1"].origin.confidence == 0.62
    assert doc.claims["t1"].origin.reason == "thesis: closing unit (chosen by the reviewer)"
    assert doc.claims["t2"].origin.reason == "alternative thesis 2: title"
    assert thesis_alternatives(doc, "s1") == ["t2", "t3"]


def test_swapping_with_an_accepted_thesis_keeps_the_review_state_on_the_thesis() -> None:
    doc = MapDocument(article_map())
    history = History(doc)
    history.do(accept_edit(doc, ["t1", "p1"]))  # type: ignore[arg-type]
    history.do(swap_thesis_edit(doc, "t3"))  # type: ignore[arg-type]
    assert not doc.claims["t3"].origin.is_proposal  # the chosen thesis stays accepted
    assert doc.claims["t1"].origin.is_proposal  # the old one waits, to be rejected
    assert doc.claims["t1"].origin.reason.startswith("alternative thesis 3: ")
    assert swap_thesis_edit(doc, "p1") is None and swap_thesis_edit(doc, "nope") is None


def test_the_proposer_s_other_wording_counts_too() -> None:
    amap = article_map()
    amap.claims[2] = amap.claims[2].model_copy(
        update={"origin": _origin(0.41, "thesis alternative 2: title")}
    )
    doc = MapDocument(amap)
    History(doc).do(swap_thesis_edit(doc, "t2"))  # type: ignore[arg-type]
    assert doc.claims["t1"].origin.reason == "thesis alternative 2: closing unit"


def test_links_between_articles_wait_until_reviewed_themselves() -> None:
    doc = MapDocument(article_map())
    history = History(doc)
    assert pending_links(doc) == ["x1"]  # within the article: settled with its claims
    assert pending_count(doc) == 6 + 1
    history.do(accept_edit(doc, pending(doc)))  # type: ignore[arg-type]
    assert pending_links(doc) == ["x1"] and pending_count(doc) == 1
    flip = flip_links_edit(doc, ["x1"])
    assert flip is not None and flip.label == "Make support link"
    history.do(flip)
    assert doc.links["x1"].kind == "support" and doc.links["x1"].origin.is_proposal
    accept = accept_edit(doc, [], ["x1"])
    assert accept is not None and accept.label == "Accept suggested link"
    history.do(accept)
    assert pending_count(doc) == 0
    history.undo()
    reject = reject_edit(doc, [], ["x1"])
    assert reject is not None and reject.label == "Reject suggested link"
    history.do(reject)
    assert "x1" not in doc.links and pending_count(doc) == 0


def test_the_sentence_s_own_proposal_does_not_come_to_support_its_twin() -> None:
    """The import keeps a sentence's premise proposal beside the alternative thesis made of
    the same words: after the swap it must not support the thesis it repeats."""
    amap = article_map()
    quote = Quote(start=0, end=1, text="x")
    claims = {c.id: c for c in amap.claims}
    claims["t2"] = claims["t2"].model_copy(update={"quote": quote})
    claims["p1"] = claims["p1"].model_copy(update={"quote": quote, "text": claims["t2"].text})
    amap = amap.model_copy(update={"claims": list(claims.values())})
    doc = MapDocument(amap)
    History(doc).do(swap_thesis_edit(doc, "t2"))  # type: ignore[arg-type]
    assert doc.links["l1"].to_claim == "t1"  # p1 quotes t2's words: left as it was


def test_bulk_accept_leaves_the_alternatives_and_bulk_reject_the_theses() -> None:
    """The rule the review dock's bulk buttons follow, in the core so scripts share it:
    one thesis per article is chosen by the reviewer, never by a threshold."""
    doc = MapDocument(article_map())
    assert bulk_accept_ids(doc, 0.4) == ["t1", "p1", "p2", "b1"]  # not t2 (0.41), an alternative
    assert bulk_accept_ids(doc, 0.5) == ["t1", "p1", "p2", "b1"]  # 0.5 itself is taken
    assert bulk_reject_ids(doc, 0.6) == ["p2"]  # not t1, t2 or t3, theses
    assert bulk_reject_ids(doc, 0.5) == []
