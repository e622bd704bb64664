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
