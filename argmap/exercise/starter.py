"""The starter map of an exercise: the key's articles, authors and questions, no answers.

A student maps the article into the same sources the key quotes, so grading can compare
quotes by offset (and ids of sources, authors and positions stay the key's, so stances
are compared without guessing). What the key *answers* is dropped: every claim and link,
and each position's stances, grounds and sides (which author says what is part of the
exercise). The teacher may give some answers away as scaffolding: the thesis (the key's
thesis claims, kept with their quotes) and the questions (the positions' labels, kept
by default; not their descriptions, where a key often records the answer, as the bundled
five-op-ed map does: "The counterterrorism-leverage op-ed is for ...").
"""

from __future__ import annotations

from argmap.map.model import ArgumentMap, Position


def starter_map(key: ArgumentMap, *, thesis: bool = False, questions: bool = True) -> ArgumentMap:
    """A copy of ``key`` for students to map into (module docstring says what is kept)."""
    claims = [c for c in key.claims if c.kind == "thesis"] if thesis else []
    positions = [Position(id=p.id, label=p.label) for p in key.positions] if questions else []
    title = f"Exercise: {key.title}" if key.title else "Exercise"
    return ArgumentMap(
        title=title,
        description="Map the article: claims with their quotes, and the links between them.",
        sources=list(key.sources),
        authors=list(key.authors),
        claims=claims,
        links=[],
        positions=positions,
    )
