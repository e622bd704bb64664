"""A hand-made key and ways to make student maps from it, for the exercise tests."""

from __future__ import annotations

from argmap.map.model import ArgumentMap, Author, Claim, Link, Position, Quote, Source

ARTICLE = (
    "Washington should reopen talks with the Taliban this year. "
    "Isolation has failed for twenty years, and aid cuts changed nothing.\n"
    "Talks ended the insurgencies in Colombia and Northern Ireland. "
    "Critics say that talks reward violence and betray Afghan women.\n"
    "Yet refusing to talk has not protected anyone so far. "
    "The weather in Kabul was mild in March."
)


def span(part: str, text: str = ARTICLE) -> Quote:
    start = text.index(part)
    return Quote(start=start, end=start + len(part), text=part)


def claim(cid: str, kind: str, part: str, source: str = "art", text: str = "") -> Claim:
    return Claim.model_validate(
        {
            "id": cid,
            "kind": kind,
            "text": text or part[:40],
            "author": "ann",
            "source": source,
            "quote": span(part).model_dump(),
        }
    )


THESIS = "Washington should reopen talks with the Taliban this year."
ISOLATION = "Isolation has failed for twenty years, and aid cuts changed nothing."
COLOMBIA = "Talks ended the insurgencies in Colombia and Northern Ireland."
CRITICS = "Critics say that talks reward violence and betray Afghan women."
YET = "Yet refusing to talk has not protected anyone so far."


def key_map() -> ArgumentMap:
    return ArgumentMap(
        title="Talk to the Taliban",
        sources=[Source(id="art", title="Talk now", authors=["ann"], text=ARTICLE)],
        authors=[
            Author(id="ann", name="Ann Author"),
            Author(id="bob", name="Bob Critic"),
        ],
        claims=[
            claim("t", "thesis", THESIS),
            claim("p", "premise", ISOLATION),
            claim("e", "evidence", COLOMBIA),
            claim("o", "objection", CRITICS),
            claim("r", "premise", YET),
        ],
        links=[
            Link(id="k1", kind="support", from_claim="p", to_claim="t"),
            Link(id="k2", kind="support", from_claim="e", to_claim="t"),
            Link(id="k3", kind="attack", from_claim="o", to_claim="t"),
            Link(id="k4", kind="attack", from_claim="r", to_claim="o"),
        ],
        positions=[
            Position(
                id="q1",
                label="Talk to the Taliban?",
                stances={"ann": "for", "bob": "silent"},
            )
        ],
    )


def student_from(key: ArgumentMap, **changes: object) -> ArgumentMap:
    """A student map: the key with ``claims``, ``links`` or ``positions`` replaced."""
    return key.model_copy(update=dict(changes), deep=True)
