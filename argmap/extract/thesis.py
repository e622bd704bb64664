"""The thesis ranker: every unit scored for being the article's main claim from what an
editor looks at, the pick of the thesis and its ranked alternatives.

What is looked at (:func:`thesis_features`): the headline, that is the title and the
standfirst (the words the unit shares with them), the lede and the closing paragraph, the place in the article,
evaluative and deontic language, hedges, centrality (the words it shares with the rest of
the article) and the kind the unit was given. The weights are a conditional logit (one
softmax over the units of a text) trained by ``make train`` on the tuning parts of the
annotated corpora (``TUNING.md``); they live in :mod:`argmap.extract.weights`.

Some units are never the thesis whatever they score (:func:`thesis_blocker`): a sentence
attributed to someone else ("…,” Graham told me; according to X), a question and a
transition ("So let me draw a line between the unconnected dots."). An article with no
argumentative unit at all (news, a profile) gets no thesis.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from argmap.extract.calibration import logistic
from argmap.extract.cues import Cues
from argmap.extract.kinds import REPORTED_DEONTIC, speaker_of
from argmap.extract.proposals import Label, Proposal

THESIS_FEATURES: tuple[str, ...] = (
    "title_sim",
    "centrality",
    "first",
    "last",
    "first_long",
    "last_long",
    "lede_paragraph",
    "closing_paragraph",
    "opening_fifth",
    "closing_sixth",
    "deontic",
    "weak_deontic",
    "evaluative",
    "first_person",
    "conclusion",
    "modal",
    "hedge",
    "reason_opens",
    "reason_inside",
    "additive_opens",
    "concession",
    "rebuttal",
    "attributed",
    "evidence_cues",
    "number",
    "recommendation",
    "premise",
    "evidence",
    "objection",
    "none",
    "words",
    "after_concession",
    "bookend",
    "pronoun_opens",
)
"""The inputs of the thesis ranker, in the order of its weights."""

_NUMBER = re.compile(r"\d")
_TRANSITION = re.compile(
    r"^(?:(?:so|now|and|but|first|next|finally|here)[,:]?\s+)?(?:let me|allow me|"
    r"(?:here is|here[’']s) (?:why|how|what|the)|consider (?:this|the following)|"
    r"turn(?:ing)? (?:now )?to|to (?:see|understand) (?:why|how)|which brings (?:me|us) to|"
    r"this brings (?:me|us) to|that brings (?:me|us) to|the question (?:is|becomes)|"
    r"(?:but )?first,? (?:some|a bit of) (?:background|history|context))\b",
    re.IGNORECASE,
)
"""A move of the text rather than a claim: the author announcing what comes next."""
_PRONOUN_OPENS = re.compile(
    r"^\W*(?:(?:and|but|so|yet)\s+)?(?:it|this|that|these|those|they|he|she|such)\b(?!\s+is\s+time)",
    re.IGNORECASE,
)
"""A unit that leans on the one before ("It borrows more.", "This is why …"): a thesis
usually names what it is about."""
_QUOTE_OPEN = re.compile(r"^\s*[“\"‘]")
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)


def thesis_blocker(c: Cues, text: str, speaker: str | None = None) -> str:
    """Why ``text`` can never be the author's thesis (``""``: it can): a question, a
    transition, or words attributed to someone else (a quotation with its speaker, an
    "according to", a reported obligation). ``speaker`` is :func:`speaker_of` the text
    when the caller has already found it (the proposer has, for every unit); ``None``
    finds it here."""
    stripped = text.strip()
    if c.question:
        return "a question"
    if _TRANSITION.search(stripped) or stripped.endswith(":"):
        return "a transition"
    if c.signpost and len(stripped.split()) < 20:
        return "a transition"
    if speaker is None:
        speaker = speaker_of(stripped)
    if speaker or _ACCORDING.search(stripped):
        return "attributed to someone else"
    if _QUOTE_OPEN.match(stripped) or REPORTED_DEONTIC.search(stripped):
        return "attributed to someone else"
    return ""


def _starts_with(cue: str, text: str) -> bool:
    return text[: len(cue) + 2].lower().startswith(cue.lower())


def thesis_features(
    c: Cues,
    text: str,
    *,
    index: int,
    count: int,
    paragraph: int,
    last_paragraph: int,
    title_sim: float,
    centrality: float,
    kind: Label,
    long_text: bool,
    after_concession: bool = False,
    bookend: float = 0.0,
) -> tuple[float, ...]:
    """The unit's values of :data:`THESIS_FEATURES` (each 0/1 or a bounded number)."""
    first = index == 0
    last = index == count - 1
    words = len(text.split())
    return (
        title_sim,
        centrality,
        float(first),
        float(last),
        float(first and long_text),
        float(last and long_text),
        float(paragraph == 0 and not first),
        float(paragraph == last_paragraph and paragraph > 0 and not last),
        float(long_text and 0 < index < 0.2 * count),
        float(long_text and index >= 0.85 * count and paragraph != last_paragraph),
        float(bool(c.deontic)),
        float(bool(c.weak_deontic) and not c.deontic),
        float(bool(c.evaluative)),
        float(bool(c.first_person)),
        float(bool(c.conclusion)),
        float(bool(c.modal)),
        float(bool(c.hedge)),
        float(bool(c.reason) and _starts_with(c.reason, text)),
        float(bool(c.reason) and not _starts_with(c.reason, text)),
        float(bool(c.additive) and _starts_with(c.additive, text)),
        float(bool(c.concession)),
        float(bool(c.rebuttal)),
        float(bool(c.attributed)),
        min(c.n_evidence, 3) / 3.0,
        float(bool(_NUMBER.search(text))),
        float(kind == "recommendation"),
        float(kind == "premise"),
        float(kind == "evidence"),
        float(kind == "objection"),
        float(kind is None),
        min(words / 30.0, 2.0),
        float(after_concession),
        bookend,
        float(bool(_PRONOUN_OPENS.match(text))),
    )


def thesis_score(features: Sequence[float], weights: Sequence[float]) -> float:
    """The ranker's score (a logit within the text) of one unit."""
    return sum(w * x for w, x in zip(weights, features, strict=True))


def cosine_to_rest(bag: Counter[str], total: Counter[str], total_sq: int) -> float:
    """cosine(bag, total - bag) in O(len(bag)): the article minus this unit, without
    building the difference (which would make the whole article quadratic)."""
    if not bag:
        return 0.0
    dot = sum(v * (total[w] - v) for w, v in bag.items())
    bag_sq = sum(v * v for v in bag.values())
    rest_sq = total_sq - 2 * sum(v * total[w] for w, v in bag.items()) + bag_sq
    if dot <= 0 or rest_sq <= 0:
        return 0.0
    return dot / math.sqrt(bag_sq * rest_sq)


LONG_TEXT = 15
"""Sentences from which a text is an op-ed rather than a microtext: background narrative
and signposting are then common, so they are proposed as nothing rather than as premises."""
ALTERNATIVES = 2
"""Ranked alternatives to the thesis offered in the review (the next best candidates)."""


def softmax(scores: Sequence[float]) -> list[float]:
    """Probabilities of a softmax over ``scores`` (stable for large logits)."""
    if not scores:
        return []
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def confidence_features(probability: float, rank: int, candidates: int) -> tuple[float, ...]:
    """Inputs of the thesis confidence: bias, the candidate's softmax share, whether it is
    the pick, and how many candidates there were (log scale, 1.0 at 100): a share means
    less in a short comment than in an op-ed of eighty sentences."""
    spread = math.log(max(candidates, 1)) / math.log(100)
    clipped = min(max(probability, 1e-4), 1 - 1e-4)
    return (1.0, math.log(clipped / (1 - clipped)) / 5, float(rank == 0), min(spread, 1.5))


def thesis_confidence(
    probability: float, rank: int, candidates: int, weights: Sequence[float]
) -> float:
    """P(this candidate is the thesis) from its softmax share, its rank (0: the pick) and
    the number of candidates, through the logistic fitted on the tuning parts
    (:data:`weights.THESIS_CONFIDENCE`)."""
    return logistic(weights, confidence_features(probability, rank, candidates))


def pick_thesis(
    proposals: list[Proposal],
    ranking: Sequence[int],
    probabilities: dict[int, float],
    confidence_weights: Sequence[float],
) -> list[tuple[int, float]]:
    """Make the best eligible candidate the thesis; return the next
    :data:`ALTERNATIVES` eligible candidates with their confidences. Nothing is the thesis
    when no unit is eligible or no unit was proposed as a claim at all (an article without
    an argument)."""
    eligible = [i for i in ranking if i in probabilities]
    if not eligible or all(p.kind is None for p in proposals):
        return []
    best = eligible[0]
    p = proposals[best]
    p.kind_before_thesis = p.kind
    p.kind = "thesis"
    p.confidence = thesis_confidence(probabilities[best], 0, len(eligible), confidence_weights)
    lead = (
        "first unit"
        if best == 0
        else "closing unit"
        if best == len(proposals) - 1
        else "ranked first"
    )
    why = p.reason.split(": ", 1)[-1] if ": " in p.reason else "central"
    p.reason = f"thesis: {lead} of {len(eligible)} candidates, {why}"
    # an alternative is offered with less confidence than the pick, whatever the fit says
    return [
        (
            i,
            min(
                thesis_confidence(probabilities[i], k + 1, len(eligible), confidence_weights),
                p.confidence,
            ),
        )
        for k, i in enumerate(eligible[1 : 1 + ALTERNATIVES])
    ]
