"""Cross-article link suggestions: claims of different authors about the same content, with
a sign read from their stances.

This is the comparison the app exists for ("engage the Taliban" meets "leverage
Pakistan"), so suggestions are kept few and explainable:

- **shared content, not shared names.** TF-IDF cosine over content words (IDF from all
  claims in play, so the words every article shares weigh little), in which the names of
  people, places and organisations (words written capitalised inside sentences anywhere
  in play), titles and honorifics ("former ambassador", "President") weigh a quarter and
  filler words ("including", "potential") nothing; and a pair must share at least
  :data:`MIN_SHARED` content words beyond those. Two claims about Pakistan and India that
  say unrelated things never link: in a debate every claim names the same countries.
- **the sign from the stances.** Each claim's stance toward what it speaks of is read from
  its negations ("should not", "never", "cannot") and its evaluative and directional words
  ("failure" / "success", "reduce" / "increase", "isolate" / "engage"): a claim that
  recommends X and one that says X should not be done, or calls X a failure, attack each
  other; two with the same stance support each other (the later answers the earlier).
  The reason names the words that decided, so a reviewer checks the sign at a glance.

At most :data:`PER_CLAIM` suggestions per claim.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from argmap.extract.split import content_words
from argmap.map.model import ArgumentMap, LinkKind

MIN_SIMILARITY = 0.18
MIN_SHARED = 2
"""Distinct content words (not names, titles or filler) two claims must share: one
shared word ("relationship") makes chance pairs, names make a region, not a topic."""
MIN_WORDS = 7
PER_CLAIM = 2
NAME_WEIGHT = 0.25
"""How much a name or title counts in the similarity, against 1 for a content word:
enough to break a tie between two claims on one topic, never enough to make a pair."""

TITLES = frozenset(
    """president presidents former ambassador ambassadors secretary minister ministers prime
    general gen senator sen governor chairman chairwoman chair director chief official
    officials spokesman spokeswoman spokesperson envoy special representative rep mr mrs
    ms dr sir lord king queen prince princess sheikh mullah emir commander colonel
    lieutenant admiral judge justice mayor pope deputy vice administration leader leaders
    premier chancellor adviser advisor professor prof fellow senior""".split()
)
"""Titles and honorifics: who someone is, not what a claim says."""

FILLER = frozenset(
    """include including includes included potential potentially likely unlikely several
    many much time times year years way ways make makes made need needs take takes part
    thing things well often rather already today ago last first second another instead
    indeed far given across around within without continue continues remain remains
    become becomes seem seems clear able whether every always further recent recently
    case cases point fact number lot kind sort certain various according cannot others
    other concern concerns concerning concerned particularly especially""".split()
)
"""Words that say little about what a claim claims, whatever their IDF in a small import."""

_NEGATOR = re.compile(
    r"\b(?:not|no|never|nor|neither|none|nothing|nobody|cannot|can[’']t|won[’']t|"
    r"\w+n[’']t|stop(?:s|ped|ping)?|ceas(?:e|es|ed|ing)|halt(?:s|ed|ing)?|"
    r"quit(?:s|ting)?|abandon(?:s|ed|ing)?|prevent(?:s|ed|ing)?|eradicat\w*|eliminat\w*)\b",
    re.IGNORECASE,
)
"""Words that deny what follows them: negations, and verbs that end or prevent what they
govern ("never stopped providing" asserts that it goes on; "eradicated the havens" that
there are none)."""
_NOT_A_NEGATION = re.compile(
    r"\b(?:not only|not just|not merely|not least|no doubt|no less|nothing less)\b", re.IGNORECASE
)
"""Negators that do not deny the claim ("not only X but Y" asserts X)."""

_POSITIVE = (
    "good better best success successful succeed effective benefit beneficial right wise "
    "help helps helped improve gain win strong strengthen stabiliz engage cooperat support "
    "allow increase expand advance protect achiev sensible necessary essential vital"
)
_NEGATIVE = (
    "bad worse worst worsen failure fail failed ineffective harm harmful wrong mistake "
    "folly misguided dangerous risky weaken weak destabiliz insecure undermin disastrous "
    "costly counterproductive isolat confront oppose ban decrease reduc cut endanger "
    "damage threaten unnecessary futile"
)
"""Judging words (adjectives and verbs: "a mistake", "strengthens") and directional ones
("increase" / "reduce", "engage" / "isolate"). Nouns that mostly describe ("crisis",
"threat", "war", "withdrawal") are left out: "crisis management" judges nothing."""
_SHORT_ENDINGS = r"(?:s|es|d|ed|ing|ned|ped|ted|ning|ping|ting|er|ly)?\b"
_POLAR: list[tuple[re.Pattern[str], int]] = [
    (re.compile(rf"\b{stem}" + (r"\w*" if len(stem) >= 5 else _SHORT_ENDINGS), re.I), sign)
    for words, sign in ((_POSITIVE, 1), (_NEGATIVE, -1))
    for stem in words.split()
]
"""Evaluative and directional words with their sign (a stance toward the content): a long
stem takes any ending ("stabiliz" → "stabilizing"), a short one only inflections ("win"
→ "wins", never "window")."""


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


def _eligible(item: CrossItem) -> bool:
    """Only claims worth comparing across authors: positions and reasons, not objections the
    author reports or fragments."""
    return (
        item.kind in ("thesis", "recommendation", "premise") and len(item.text.split()) >= MIN_WORDS
    )


# ---------------------------------------------------------------- stance and sign
def stance(text: str, ignore: frozenset[str] = frozenset()) -> tuple[int, int, list[str]]:
    """What a claim says of its content: the sign of its evaluative and directional words
    (+1, -1, or 0 for none or as many of each), how many times it is denied (negations),
    and the words that set both. Words whose stem is in ``ignore`` do not count (see
    :func:`polarity`)."""
    spans: list[tuple[int, int, str]] = []
    score = 0
    for pattern, sign in _POLAR:
        for match in pattern.finditer(text):
            if any(a <= match.start() < b for a, b, _ in spans):
                continue
            word = match.group(0)
            if ignore and set(content_words(word)) & ignore:
                continue
            spans.append((match.start(), match.end(), word))
            score += sign
    words = [w for _, _, w in sorted(spans)]
    kept = _NOT_A_NEGATION.sub(" ", text)
    negations = [m.group(0) for m in _NEGATOR.finditer(kept)]
    return (score > 0) - (score < 0), len(negations), words + negations


def polarity(a: str, b: str) -> tuple[LinkKind, str]:
    """``attack`` when the two claims take opposite stances on what they share, else
    ``support``; the reason names the words that decided, so a reviewer can check it at a
    glance.

    Opposite means: one denies what the other asserts ("should engage" / "should not
    engage"), or the two judge it oppositely ("a failure" / "a success", "isolate" /
    "engage"), but not both at once ("not a failure" / "a success" agree). A claim that
    judges and one that only describes do not disagree. An evaluative word both claims use
    is part of what they share, not a difference of stance ("the crisis" in both)."""
    both = frozenset(content_words(a)) & frozenset(content_words(b))
    judge_a, denied_a, words_a = stance(a, both)
    judge_b, denied_b, words_b = stance(b, both)
    opposite = (judge_a * judge_b < 0) != (denied_a % 2 != denied_b % 2)

    def said(words: list[str]) -> str:
        return ", ".join(f"“{w}”" for w in dict.fromkeys(words)) or "a plain assertion"

    if opposite:
        return "attack", f"opposite stances ({said(words_a)} / {said(words_b)})"
    if words_a or words_b:
        return "support", f"same stance ({said(words_a)} / {said(words_b)})"
    return "support", "same stance (two plain assertions)"


# ---------------------------------------------------------------- what a claim is about
_CAPITAL = re.compile(r"[A-Z][\w'’.-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“(—–-])\s*$")


def _names(items: Iterable[CrossItem]) -> set[str]:
    """The stems written capitalised inside a sentence at least as often as in lower case,
    anywhere in play: the people, places and organisations of the debate (a capital at a
    sentence's start says nothing either way)."""
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for item in items:
        text = item.text
        for match in _CAPITAL.finditer(text):
            if _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]):
                continue
            capital.update(content_words(match.group(0).rstrip(".")).keys())
        lower.update(content_words(" ".join(re.findall(r"\b[a-z][\w'’-]*", text))).keys())
    return {w for w, n in capital.items() if n >= lower.get(w, 0)}


_TITLE_STEMS = frozenset(w for t in TITLES for w in content_words(t))
_FILLER_STEMS = frozenset(w for t in FILLER for w in content_words(t))


def _weights(items: Sequence[CrossItem]) -> dict[str, float]:
    """How much the stems that are not content count (names and titles
    :data:`NAME_WEIGHT`, filler 0); a stem not listed is content and counts 1."""
    weight = dict.fromkeys(_names(items) | _TITLE_STEMS, NAME_WEIGHT)
    weight.update(dict.fromkeys(_FILLER_STEMS, 0.0))
    return weight


def _tfidf(
    items: Sequence[CrossItem], weight: dict[str, float] | None = None
) -> tuple[list[dict[str, float]], Counter[str]]:
    """Unit-length TF-IDF vectors of the items' content words, and the document
    frequencies (IDF over the claims in play: words every article shares weigh little);
    ``weight`` scales a stem (names and titles down, filler out)."""
    bags = [content_words(x.text) for x in items]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(items)
    scale = weight or {}
    vectors: list[dict[str, float]] = []
    for bag in bags:
        vec = {
            w: scale.get(w, 1.0) * (1 + math.log(c)) * math.log((n + 1) / (df[w] + 0.5))
            for w, c in bag.items()
            if scale.get(w, 1.0) > 0.0
        }
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    return vectors, df


def similarity_ranking(items: Sequence[CrossItem]) -> dict[str, list[str]]:
    """For each item, the ids of other authors' items, most similar first (the order the
    suggester draws from, names and titles weighed as it weighs them; used to measure how
    far down a curated partner sits). Quadratic: for evaluation, not for import."""
    vectors, _ = _tfidf(items, _weights(items))
    ranking: dict[str, list[str]] = {}
    for i, a in enumerate(items):
        others = [j for j, b in enumerate(items) if b.author != a.author]
        sims = {j: sum(v * vectors[j].get(w, 0.0) for w, v in vectors[i].items()) for j in others}
        ranking[a.id] = [items[j].id for j in sorted(others, key=lambda j: (-sims[j], j))]
    return ranking


def suggest_cross_links(
    new: Sequence[CrossItem], existing: Sequence[CrossItem] = ()
) -> list[Suggestion]:
    """Links from new claims to claims of other authors (new or already mapped) that share
    content, signed by the two claims' stances."""
    items = list(new) + list(existing)
    if len(items) < 2 or len({x.source for x in items}) < 2:
        return []
    not_content = _weights(items)
    vectors, df = _tfidf(items, not_content)
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
                    if w not in not_content:
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
            # the later claim answers the earlier one (an existing claim is always earlier)
            src, dst = (i, j) if j >= len(new) or j < i else (j, i)
            kind, why = polarity(items[src].text, items[dst].text)
            content = {w: v for w, v in vectors[i].items() if w not in not_content}
            shared_words = _shared_words(items[i].text, content, vectors[j])
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
