"""The thesis ranker: every unit scored for being the article's main claim from what an
editor looks at (title, lede, closing paragraph, evaluative and deontic language,
centrality), and the pick of the thesis."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from argmap.extract.cues import Cues
from argmap.extract.proposals import Label, Proposal


def _starts_with(cue: str, text: str) -> bool:
    return text[: len(cue) + 2].lower().startswith(cue.lower())


def _thesis_score(
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
    after_concession: bool = False,
) -> tuple[float, str]:
    parts: list[tuple[float, str]] = []
    if c.deontic:
        parts.append((1.6, f"deontic cue “{c.deontic}”"))
    elif c.weak_deontic:
        parts.append((0.7, f"deontic cue “{c.weak_deontic}”"))
    if c.conclusion:
        parts.append((2.0, f"conclusion marker “{c.conclusion}”"))
    if c.concession:
        parts.append((-2.5, ""))
    if c.rebuttal:
        parts.append((-0.8, ""))
    if c.evaluative:
        parts.append((0.6, f"evaluative cue “{c.evaluative}”"))
    if c.first_person:
        parts.append((0.8, f"first-person stance “{c.first_person}”"))
    if index == 0:
        parts.append((1.0, "first unit (lead)"))
    elif index == count - 1:
        parts.append((0.7, "last unit (conclusion)"))
    if paragraph == 0 and index != 0:
        parts.append((0.3, "lead paragraph"))
    if paragraph == last_paragraph and paragraph > 0 and index != count - 1:
        parts.append((0.4, "closing paragraph"))
    if count >= LONG_TEXT and 0 < index < 0.2 * count:
        parts.append((LEAD_ZONE, "in the opening"))
    elif count >= LONG_TEXT and index >= 0.85 * count and paragraph != last_paragraph:
        parts.append((LEAD_ZONE, "in the conclusion"))
    if title_sim > 0:
        parts.append((3.0 * title_sim, "echoes the title"))
    parts.append((2.0 * centrality, "central to the article's vocabulary"))
    if kind == "objection":
        parts.append((-2.0, ""))
    if kind is None:
        parts.append((-3.0, ""))
    if c.n_evidence >= 2 and not c.deontic:
        parts.append((-0.8, ""))
    if c.reason and not c.conclusion:
        parts.append((-1.5 if _starts_with(c.reason, text) else -0.7, ""))
    if c.attributed:
        parts.append((-0.6, ""))
    if c.additive and _starts_with(c.additive, text):
        # "Besides, …", "Also, …": one more point, not the point. An additive inside the
        # unit ("the failure also reflects …") often ties the thesis to the news hook, and
        # penalising it cost theses on the tuning texts without gaining any
        parts.append((ADDED_POINT, ""))
    if after_concession:
        parts.append((0.6, "the claim a concession gives way to"))
    score = sum(w for w, _ in parts)
    why = max((p for p in parts if p[1]), key=lambda p: p[0], default=(0.0, "position"))[1]
    return score, why


def _cosine_to_rest(bag: Counter[str], total: Counter[str], total_sq: int) -> float:
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


ADDED_POINT = -1.5
"""Thesis penalty for a unit opening with an additive marker (was -1.0 for any additive
plus -0.5 when it opens the unit)."""
LEAD_ZONE = 0.4
"""Thesis bonus for the opening fifth and the closing sixth of an op-ed, where major claims
sit (introduction and conclusion), beyond the first and last units themselves."""
LONG_TEXT = 15
"""Sentences from which a text is an op-ed rather than a microtext: background narrative
and signposting are then common, so they are proposed as nothing rather than as premises."""


def _pick_thesis(proposals: list[Proposal], ranking: Sequence[int]) -> None:
    best = ranking[0]
    p = proposals[best]
    if p.kind is None and len(ranking) > 1:
        return
    margin = p.thesis_score - (proposals[ranking[1]].thesis_score if len(ranking) > 1 else 0)
    p.kind = "thesis"
    p.confidence = round(min(0.95, 0.45 + 0.12 * margin + 0.04 * p.thesis_score), 2)
    p.confidence = max(p.confidence, 0.3)
    lead = (
        "first unit"
        if best == 0
        else "closing unit"
        if best == len(proposals) - 1
        else "ranked first"
    )
    p.reason = f"thesis: {lead}, " + (
        p.reason.split(": ", 1)[-1] if ": " in p.reason else "central"
    )
