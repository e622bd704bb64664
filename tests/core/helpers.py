"""Small hand-made maps for core tests (two authors, one source, five claims)."""

from __future__ import annotations

from argmap.map.model import ArgumentMap, Author, Claim, Link, Position, Quote, Source

TEXT = (
    "Washington should talk to the Taliban. Talks have ended other insurgencies. "
    "Critics say talks reward violence. But isolation has failed for twenty years."
)


def quote(text: str, part: str) -> Quote:
    start = text.index(part)
    return Quote(start=start, end=start + len(part), text=part)


def small_map() -> ArgumentMap:
    return ArgumentMap(
        title="Talks",
        sources=[Source(id="s1", title="Talk to them", authors=["ann"], text=TEXT)],
        authors=[
            Author(id="ann", name="Ann Author", color="#0072b2"),
            Author(id="bob", name="Bob Critic", color="#d55e00"),
        ],
        claims=[
            Claim(
                id="t",
                kind="thesis",
                text="Talk to the Taliban",
                author="ann",
                source="s1",
                quote=quote(TEXT, "Washington should talk to the Taliban."),
            ),
            Claim(
                id="p",
                kind="premise",
                text="Talks ended insurgencies",
                author="ann",
                source="s1",
                quote=quote(TEXT, "Talks have ended other insurgencies."),
            ),
            Claim(id="o", kind="objection", text="Talks reward violence", author="ann"),
            Claim(id="r", kind="premise", text="Isolation failed", author="ann"),
            Claim(id="b", kind="recommendation", text="Isolate the Taliban", author="bob"),
        ],
        links=[
            Link(id="l1", kind="support", from_claim="p", to_claim="t"),
            Link(id="l2", kind="attack", from_claim="o", to_claim="t"),
            Link(id="l3", kind="attack", from_claim="r", to_claim="o"),
            Link(id="l4", kind="attack", from_claim="b", to_claim="t"),
        ],
        positions=[
            Position(
                id="engage",
                label="Engage the Taliban?",
                stances={"ann": "for", "bob": "against"},
                grounds=["t", "b"],
            )
        ],
    )
