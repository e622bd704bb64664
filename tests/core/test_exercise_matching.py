"""Matching a student's map with the key on hand-made pairs: quotes a little wider or
narrower, the wrong kind, a link reversed, an extra claim, a missing thesis."""

from __future__ import annotations

from argmap.exercise.grade import grade
from argmap.exercise.matching import Anchor, close_enough
from argmap.map.model import Claim, Link, Position, Quote, Source
from tests.core.exercise_helpers import (
    ARTICLE,
    COLOMBIA,
    CRITICS,
    ISOLATION,
    THESIS,
    YET,
    claim,
    key_map,
    student_from,
)


def test_the_key_against_itself_is_perfect() -> None:
    key = key_map()
    g = grade(key, key_map())
    assert g.matched == {c: c for c in "tpeor"}
    assert (g.claim_precision, g.claim_recall) == (1.0, 1.0)
    assert (g.link_precision, g.link_recall) == (1.0, 1.0)
    assert g.thesis_found is True and g.kinds_right == 1.0
    assert g.missed == [] and g.extra == [] and g.missed_links == []


def test_a_quote_a_little_wider_or_narrower_still_matches() -> None:
    key = key_map()
    wider = claim("s1", "premise", "Taliban this year. " + ISOLATION)
    narrower = claim("s2", "evidence", "ended the insurgencies in Colombia")
    g = grade(key, student_from(key, claims=[wider, narrower], links=[]))
    assert g.matched == {"s1": "p", "s2": "e"}
    assert g.kinds_right == 1.0


def test_a_quote_of_a_whole_paragraph_matches_at_most_one_claim_in_it() -> None:
    key = key_map()
    paragraph = ARTICLE.split("\n")[1]  # the evidence and the objection, equally long
    g = grade(key, student_from(key, claims=[claim("s", "premise", paragraph)], links=[]))
    assert len(g.matched) == 1 and len(g.missed) == 4
    fragment = claim("f", "premise", "twenty years")  # two words of a sentence
    assert grade(key, student_from(key, claims=[fragment], links=[])).matched == {}


def test_the_tolerance_is_what_the_docs_say() -> None:
    key = Anchor("a", 0, 100)
    assert close_enough(Anchor("a", 0, 50), key)  # half of it, inside
    assert not close_enough(Anchor("a", 0, 25), key)  # a quarter: below 30% of the longer
    assert close_enough(Anchor("a", 0, 300), key)  # the key sentence and two more: a third
    assert not close_enough(Anchor("a", 0, 400), key)  # a whole paragraph around it
    assert not close_enough(Anchor("b", 0, 100), key)  # another article


def test_the_wrong_kind_is_matched_and_counted_in_the_confusion_table() -> None:
    key = key_map()
    student = student_from(
        key,
        claims=[
            claim("t", "thesis", THESIS),
            claim("p", "evidence", ISOLATION),
            claim("e", "evidence", COLOMBIA),
        ],
        links=[],
    )
    g = grade(key, student)
    assert g.matched == {"t": "t", "p": "p", "e": "e"}
    assert g.confusion[("premise", "evidence")] == 1
    assert g.kinds_right == 2 / 3


def test_a_reversed_link_and_a_link_of_the_wrong_kind_are_not_matches() -> None:
    key = key_map()
    links = [
        Link(id="a", kind="support", from_claim="t", to_claim="p"),  # reversed k1
        Link(id="b", kind="attack", from_claim="e", to_claim="t"),  # wrong kind k2
        Link(id="c", kind="attack", from_claim="o", to_claim="t"),  # k3
    ]
    g = grade(key, student_from(key, links=links))
    assert g.links_by("match") == [("c", "k3")]
    assert g.links_by("reversed") == [("a", "k1")]
    assert g.links_by("wrong kind") == [("b", "k2")]
    assert g.missed_links == ["k4"]
    assert g.link_precision == 1 / 3 and g.link_recall == 1 / 4


def test_an_extra_claim_lowers_precision_only() -> None:
    key = key_map()
    extra = claim("x", "evidence", "The weather in Kabul was mild in March.")
    g = grade(key, student_from(key, claims=[*key.claims, extra]))
    assert g.extra == ["x"]
    assert g.claim_recall == 1.0 and g.claim_precision == 5 / 6


def test_a_missing_thesis_and_a_thesis_called_something_else() -> None:
    key = key_map()
    without = [c for c in key.claims if c.id != "t"]
    g = grade(key, student_from(key, claims=without, links=[]))
    assert g.thesis_found is False and g.missed == ["t"]
    renamed = [claim("t", "recommendation", THESIS), *without]
    h = grade(key, student_from(key, claims=renamed, links=[]))
    assert h.thesis_found is False and h.missed == [] and h.theses == {"t": False}


def test_two_student_claims_on_one_key_claim_give_one_match() -> None:
    key = key_map()
    both = [claim("a", "objection", CRITICS), claim("b", "objection", "talks reward violence")]
    g = grade(key, student_from(key, claims=both, links=[]))
    assert g.matched == {"a": "o"} and g.extra == ["b"]


def _quoting(cid: str, kind: str, source: str, text: str, part: str) -> Claim:
    start = text.index(part)
    return Claim(
        id=cid,
        kind=kind,  # type: ignore[arg-type]
        text=part[:30],
        source=source,
        quote=Quote(start=start, end=start + len(part), text=part),
    )


def test_a_reimported_article_is_matched_by_its_words() -> None:
    key = key_map()
    copy = "Imported again, with a standfirst.\n" + ARTICLE
    student = student_from(
        key,
        sources=[Source(id="mine", text=copy)],
        claims=[_quoting("s", "premise", "mine", copy, YET)],
        links=[],
        positions=[],
    )
    g = grade(key, student)
    assert g.matched == {"s": "r"} and not g.matching.different_article


def test_a_map_of_another_article_is_said_to_be() -> None:
    key = key_map()
    other = "Something else entirely. Nothing about talks here."
    student = student_from(
        key,
        sources=[Source(id="art", text=other)],
        claims=[_quoting("s", "thesis", "art", other, "Something else entirely.")],
        links=[],
    )
    g = grade(key, student)
    assert g.matching.different_article
    assert g.matched == {} and g.claim_precision == 0.0


def test_an_empty_map_has_no_precision_and_no_recall() -> None:
    key = key_map()
    g = grade(key, student_from(key, claims=[], links=[], positions=[]))
    assert g.claim_precision is None and g.claim_recall == 0.0
    assert g.link_precision is None and g.thesis_found is False
    assert not g.matching.different_article


def test_stances_right_by_position_id_or_label() -> None:
    key = key_map()
    same = Position(id="q1", label="Talk to the Taliban?", stances={"ann": "for"})
    g = grade(key, student_from(key, positions=[same]))
    # bob: the key says silent and the student said nothing: right
    assert g.stances_right == 1.0
    relabelled = Position(id="mine", label="talk to the taliban?", stances={"ann": "against"})
    h = grade(key, student_from(key, positions=[relabelled]))
    assert h.stances_right == 0.5
    assert [s.student for s in h.stances] == ["against", None]
