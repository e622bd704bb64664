"""Argdown comments: ``//`` starts a comment only at a line's start or after a space, so
the ``//`` of a URL stays in the text (issue 18, item 9: a reader that cut every ``//``
passed the suite, whose tour fixture compared only titles and relations)."""

from __future__ import annotations

from argmap.formats.argdown import read_argdown
from tests.conftest import FIXTURES

TOUR_TEXTS = {
    "Engage": "Washington should open a channel to the Taliban.",
    "untitled-1": "Talking has ended insurgencies elsewhere, as in Colombia and Northern Ireland.",
    "isolation-works": "Isolation has forced concessions before.",
    "untitled-2": "This is a plain statement with bold and italic text, a tag and a link.",
    "Havens": "The Taliban rely on havens across the border.",
    "aid-flows": "Aid still flows through Pakistani ports.",
    "data-block": "Data block",
    "leverage-through-aid": "Aid is a lever only if someone is there to pull it.",
    "Legitimacy": "Talks would hand the Taliban legitimacy they have not earned.",
    "already-recognised": "Neighbours already deal with them every day.",
    "pakistan-lever": "Pressure on Islamabad is the better lever.",
}


def test_the_tour_fixture_s_texts_are_read_exactly() -> None:
    amap = read_argdown((FIXTURES / "argdown" / "tour.argdown").read_text(encoding="utf-8")).map
    assert {c.id: c.text for c in amap.claims} == TOUR_TEXTS


def test_a_url_in_a_statement_keeps_its_slashes_and_comments_are_dropped() -> None:
    text = (
        "// a comment on its own line\n"
        "[Source]: See https://example.org/a//b and ftp://host/x for more. // said where\n"
        "  + [Proof]: Data at http://stats.example.org//table.\n"
    )
    amap = read_argdown(text).map
    assert {c.id: c.text for c in amap.claims} == {
        "Source": "See https://example.org/a//b and ftp://host/x for more.",
        "Proof": "Data at http://stats.example.org//table.",
    }
    assert [(x.from_claim, x.to_claim) for x in amap.links] == [("Proof", "Source")]
