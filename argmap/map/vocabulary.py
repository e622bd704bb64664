"""The words of the map format: claim kinds, link kinds and stances.

Plain ``Literal`` types and tuples, kept apart from :mod:`argmap.map.model` so that command-line
parsers and fast converters can name them without importing pydantic (start-up time).
"""

from __future__ import annotations

from typing import Literal

ClaimKind = Literal["thesis", "premise", "recommendation", "evidence", "objection"]
CLAIM_KINDS: tuple[ClaimKind, ...] = (
    "thesis",
    "premise",
    "recommendation",
    "evidence",
    "objection",
)

LinkKind = Literal["support", "attack"]
LINK_KINDS: tuple[LinkKind, ...] = ("support", "attack")

Stance = Literal["for", "against", "mixed", "silent"]
STANCES: tuple[Stance, ...] = ("for", "against", "mixed", "silent")


def with_article(word: str) -> str:
    """``word`` after "a" or "an" ("an objection", "an evidence card", "a thesis"): the
    status bar said "Add a objection" and "Make a evidence"."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"
