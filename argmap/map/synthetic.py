"""Synthetic maps of any size, for benchmarks and property tests.

The maps are valid and shaped like real ones: several authors and sources with body text,
claims of every kind quoted from their source, about 1.5 links per claim (mostly support,
some attack, some across authors), and a few positions. Deterministic for a given seed.
"""

from __future__ import annotations

import random

from argmap.map.model import (
    CLAIM_KINDS,
    ArgumentMap,
    Author,
    Claim,
    Link,
    Point,
    Position,
    Quote,
    Source,
)
from argmap.map.palette import author_color

_WORDS = (
    "the taliban pakistan engagement leverage aid security policy regional stability "
    "washington kabul islamabad talks sanctions counterterrorism support pressure "
    "neighbours withdrawal recognition humanitarian strategy influence risk"
).split()


def _sentence(rng: random.Random, words: int) -> str:
    body = " ".join(rng.choice(_WORDS) for _ in range(words))
    return body[0].upper() + body[1:] + "."


def synthetic_map(
    n_claims: int,
    *,
    n_authors: int = 5,
    links_per_claim: float = 1.5,
    with_positions: bool = False,
    seed: int = 0,
) -> ArgumentMap:
    """A valid map with ``n_claims`` claims and about ``links_per_claim * n_claims`` links."""
    rng = random.Random(seed)
    authors = [
        Author(id=f"a{i}", name=f"Author {i}", color=author_color(i)) for i in range(n_authors)
    ]
    per_source = max(1, n_claims // n_authors)
    sentences: list[list[str]] = [
        [_sentence(rng, rng.randint(8, 20)) for _ in range(per_source + 1)] for _ in authors
    ]
    sources = [
        Source(id=f"s{i}", title=f"Article {i}", authors=[a.id], text=" ".join(sentences[i]))
        for i, a in enumerate(authors)
    ]
    offsets: list[list[int]] = []
    for parts in sentences:
        starts, pos = [], 0
        for part in parts:
            starts.append(pos)
            pos += len(part) + 1
        offsets.append(starts)

    claims = []
    for i in range(n_claims):
        a = i % n_authors
        k = (i // n_authors) % per_source
        text = sentences[a][k]
        start = offsets[a][k]
        claims.append(
            Claim(
                id=f"c{i}",
                kind=CLAIM_KINDS[0] if i < n_authors else rng.choice(CLAIM_KINDS[1:]),
                text=text[:80],
                author=authors[a].id,
                source=sources[a].id,
                quote=Quote(start=start, end=start + len(text), text=text),
                pos=Point(x=float((i % 40) * 260), y=float((i // 40) * 140)),
            )
        )

    links: list[Link] = []
    seen: set[tuple[int, int]] = set()
    target = int(n_claims * links_per_claim)
    attempts = 0
    while len(links) < target and n_claims > 1 and attempts < target * 4:
        attempts += 1
        src = rng.randrange(1, n_claims)
        dst = rng.randrange(0, src)  # towards older claims: mostly acyclic, like real maps
        if (src, dst) in seen:
            continue
        seen.add((src, dst))
        kind = "attack" if rng.random() < 0.25 else "support"
        links.append(Link(id=f"l{len(links)}", kind=kind, from_claim=f"c{src}", to_claim=f"c{dst}"))

    positions = []
    if with_positions:
        for p in range(min(8, n_claims)):
            positions.append(
                Position(
                    id=f"p{p}",
                    label=f"Question {p}?",
                    stances={
                        a.id: rng.choice(("for", "against", "mixed", "silent")) for a in authors
                    },
                    grounds=[f"c{p}"],
                )
            )
    return ArgumentMap(
        title=f"Synthetic map of {n_claims} claims",
        sources=sources,
        authors=authors,
        claims=claims,
        links=links,
        positions=positions,
    )
