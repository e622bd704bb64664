"""Cross-article link suggestions: similar claims of different authors, with a polarity.

This is the comparison the app exists for ("engage the Taliban" meets "leverage
Pakistan"), so suggestions are kept few and explainable: TF-IDF cosine over content words
(IDF from all claims in play, so the words every article shares, the country names of a
debate, weigh little), at most :data:`PER_CLAIM` per claim, and a polarity read from
negation and antonyms: two similar claims of which one negates what the other asserts
attack each other; otherwise the later one supports the earlier.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.extract.cues import NEGATION
from argmap.extract.split import content_words
from argmap.map.model import ArgumentMap, LinkKind

MIN_SIMILARITY = 0.15
MIN_SHARED = 2
"""Distinct content words two claims must share: one or two shared words ("neither",
"relationship") make chance pairs, three make a topic."""
MIN_WORDS = 7
PER_CLAIM = 2
_ANTONYMS = [
    ("engage", "isolate"),
    ("increase", "decrease"),
    ("increase", "reduce"),
    ("more", "less"),
    ("strong", "weak"),
    ("success", "failure"),
    ("succeed", "fail"),
    ("support", "oppose"),
    ("cooperat", "confront"),
    ("help", "harm"),
    ("stabiliz", "destabiliz"),
    ("secure", "insecure"),
    ("allow", "ban"),
]


@dataclass(frozen=True, slots=True)
class CrossItem:
    """A claim in play: id, its source and author, its text and kind."""

    id: str
    source: str
    author: str
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    source: str
    target: str
    kind: LinkKind
    confidence: float
    reason: str


def _stems(text: str) -> set[str]:
    low = text.lower()
    return {a for pair in _ANTONYMS for a in pair if re.search(rf"\b{a}", low)}


def _eligible(item: CrossItem) -> bool:
    """Only claims worth comparing across authors: positions and reasons, not objections the
    author reports or fragments."""
    return (
        item.kind in ("thesis", "recommendation", "premise") and len(item.text.split()) >= MIN_WORDS
    )


def polarity(a: str, b: str) -> tuple[LinkKind, str]:
    """``attack`` when one claim negates or reverses what the other says; the reason names
    the word that decided, so a reviewer can check it at a glance."""
    neg_a, neg_b = NEGATION.search(a), NEGATION.search(b)
    if bool(neg_a) != bool(neg_b):
        word = (neg_a or neg_b).group(0)  # type: ignore[union-attr]
        return "attack", f"only one claim negates (“{word}”)"
    sa, sb = _stems(a), _stems(b)
    for x, y in _ANTONYMS:
        if (x in sa and y in sb and y not in sa) or (y in sa and x in sb and x not in sa):
            return "attack", f"opposite terms ({x}… / {y}…)"
    return "support", "similar claims"


def _tfidf(items: Sequence[CrossItem]) -> tuple[list[dict[str, float]], Counter[str]]:
    """Unit-length TF-IDF vectors of the items' content words, and the document
    frequencies (IDF over the claims in play: words every article shares weigh little)."""
    bags = [content_words(x.text) for x in items]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(items)
    vectors: list[dict[str, float]] = []
    for bag in bags:
        vec = {w: (1 + math.log(c)) * math.log((n + 1) / (df[w] + 0.5)) for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    return vectors, df


def similarity_ranking(items: Sequence[CrossItem]) -> dict[str, list[str]]:
    """For each item, the ids of other authors' items, most similar first (the order the
    suggester draws from; used to measure how far down a curated partner sits). Quadratic:
    for evaluation, not for import."""
    vectors, _ = _tfidf(items)
    ranking: dict[str, list[str]] = {}
    for i, a in enumerate(items):
        others = [j for j, b in enumerate(items) if b.author != a.author]
        sims = {j: sum(v * vectors[j].get(w, 0.0) for w, v in vectors[i].items()) for j in others}
        ranking[a.id] = [items[j].id for j in sorted(others, key=lambda j: (-sims[j], j))]
    return ranking


def suggest_cross_links(
    new: Sequence[CrossItem], existing: Sequence[CrossItem] = ()
) -> list[Suggestion]:
    """Links from new claims to similar claims of other authors (new or already mapped)."""
    items = list(new) + list(existing)
    if len(items) < 2 or len({x.source for x in items}) < 2:
        return []
    vectors, df = _tfidf(items)
    n = len(items)
    # Words in more than a fifth of the claims say little about a pair (and would make the
    # candidate search quadratic on a long article): they neither propose nor score a pair.
    common = max(10, n // 5)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for w in vec:
            if df[w] <= common:
                postings[w].append(i)
    suggestions: list[Suggestion] = []
    linked: set[frozenset[int]] = set()
    for i in range(len(new)):
        if not _eligible(items[i]):
            continue
        scores: dict[int, float] = defaultdict(float)
        shared: dict[int, int] = defaultdict(int)
        for w, v in vectors[i].items():
            for j in postings.get(w, ()):
                if (
                    j != i
                    and items[j].author != items[i].author
                    and items[j].source != items[i].source
                ):
                    scores[j] += v * vectors[j][w]
                    shared[j] += 1
        scores = {
            j: s for j, s in scores.items() if shared[j] >= MIN_SHARED and _eligible(items[j])
        }
        best = sorted((s, j) for j, s in scores.items() if s >= MIN_SIMILARITY)[::-1][:PER_CLAIM]
        for sim, j in best:
            pair = frozenset((i, j))
            if pair in linked:
                continue
            linked.add(pair)
            kind, why = polarity(items[i].text, items[j].text)
            shared_words = _shared_words(items[i].text, vectors[i], vectors[j])
            # the later claim answers the earlier one (an existing claim is always earlier)
            src, dst = (i, j) if j >= len(new) or j < i else (j, i)
            suggestions.append(
                Suggestion(
                    items[src].id,
                    items[dst].id,
                    kind,
                    round(min(0.9, 0.2 + sim), 2),
                    f"cross-article: {why}; both speak of {shared_words} (similarity {sim:.2f})",
                )
            )
    return suggestions


_SURFACE = re.compile(r"[^\W\d_][\w'’-]+")


def _shared_words(text: str, a: dict[str, float], b: dict[str, float], most: int = 3) -> str:
    """The words that weigh most in what two claims share, as they appear in ``text``."""
    from argmap.extract.split import content_words

    ranked = sorted((w for w in a if w in b), key=lambda w: -a[w] * b[w])[:most]
    surface: dict[str, str] = {}
    for found in _SURFACE.findall(text):
        for stem in content_words(found):
            surface.setdefault(stem, found)
    return ", ".join(f"“{surface.get(w, w)}”" for w in ranked) or "the same topic"


def _shared_surface(
    text: str, a: dict[str, float], b: dict[str, float], most: int = 5
) -> list[str]:
    """The words that weigh most in what two claims share, as they appear in ``text`` (so a
    reviewer reads "negotiations", not the stem "negotiat")."""
    ranked = sorted((w for w in a if w in b), key=lambda w: (-a[w] * b[w], w))[:most]
    surface: dict[str, str] = {}
    for found in _SURFACE.findall(text):
        for stem in content_words(found):
            surface.setdefault(stem, found)
    return [surface.get(w, w) for w in ranked]


def related_claims(
    amap: ArgumentMap, claim_id: str, limit: int = 10
) -> list[tuple[str, float, list[str]]]:
    """Other authors' claims most similar to ``claim_id``: ``(id, cosine, shared words)``,
    most similar first, at most ``limit``.

    The automatic suggester guesses one partner and is usually wrong across authors; a
    ranked list is what a reviewer drawing links by hand can use (the curated partner is
    often near the top). Claims of the same author are left out (links within an op-ed are
    drawn from its own structure), claims without an author count as other, claims already
    linked to ``claim_id`` either way are left out (nothing left to decide), and so are
    claims sharing no content word. One claim against all: linear in the map, cheap enough
    to run on every selection change. IDF is over all claims of the map, as in the import.
    """
    target = next((c for c in amap.claims if c.id == claim_id), None)
    if target is None or limit <= 0:
        return []
    linked = {ln.to_claim for ln in amap.links if ln.from_claim == claim_id}
    linked |= {ln.from_claim for ln in amap.links if ln.to_claim == claim_id}
    items = [CrossItem(c.id, c.source or "", c.author or "", c.text, c.kind) for c in amap.claims]
    vectors, _ = _tfidf(items)
    index = next(i for i, c in enumerate(amap.claims) if c.id == claim_id)
    mine = vectors[index]
    scored: list[tuple[float, int]] = []
    for j, c in enumerate(amap.claims):
        if j == index or c.id in linked:
            continue
        if target.author is not None and c.author == target.author:
            continue
        sim = sum(v * vectors[j].get(w, 0.0) for w, v in mine.items())
        if sim > 0.0:
            scored.append((sim, j))
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [
        (amap.claims[j].id, sim, _shared_surface(amap.claims[j].text, mine, vectors[j]))
        for sim, j in scored[:limit]
    ]
