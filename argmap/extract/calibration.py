"""Confidence that means what it says: the logistic probability that a proposal is right,
from a few features of how it was labelled, with weights fitted per genre by
``make train`` (``scripts/train_extract.py``) on the tuning parts only."""

from __future__ import annotations

import math
from collections.abc import Sequence

from argmap.extract import weights
from argmap.extract.cues import Cues
from argmap.extract.kinds import PAST
from argmap.extract.proposals import Label

CALIBRATION_FEATURES: tuple[str, ...] = (
    "bias",
    "recommendation",
    "evidence",
    "objection",
    "margin",
    "cue",
    "modal",
    "past_without_cue",
    "words",
    "centrality",
    "deontic",
    "speaker",
    "number",
)
CALIBRATION_SHORT: tuple[float, ...] = weights.CALIBRATION_SHORT
"""Logistic weights of :data:`CALIBRATION_FEATURES` for P(the proposal is right) in short
texts (fewer than :data:`~argmap.extract.thesis.LONG_TEXT` sentences)."""
CALIBRATION_LONG: tuple[float, ...] = weights.CALIBRATION_LONG
"""The same for op-eds. Two genres, two fits: in short texts nearly every sentence is
annotated and a clear kind margin is what predicts a right proposal; in long texts a
minority of sentences is mapped and cues separate claims from background.

Both are fitted by ``make train`` (logistic regression, L2 1.0, Newton's method) on the
tuning parts only (right = matched, strict overlap, to a gold unit of the same kind), see
``TUNING.md``. Refit after changing a rule: the review sorts and filters by confidence."""


def calibration_features(
    kind: Label,
    scores: dict[str, tuple[float, str]],
    c: Cues,
    text: str,
    *,
    centrality: float,
    speaker: str = "",
) -> tuple[float, ...]:
    """The inputs of the confidence: the kind, how clearly it won, whether an
    argumentative cue was seen, the unit's length, its centrality, a strong deontic cue,
    a named speaker and a number."""
    ranked = sorted((v for v, _ in scores.values()), reverse=True)
    cue = bool(c.deontic or c.weak_deontic or c.modal or c.evaluative or c.reason)
    cue = cue or bool(c.conclusion or c.rebuttal or c.concession or c.attributed)
    return (
        1.0,
        float(kind == "recommendation"),
        float(kind == "evidence"),
        float(kind == "objection"),
        min(ranked[0] - ranked[1], 3.0) if len(ranked) > 1 else 0.0,
        float(cue),
        float(bool(c.modal)),
        float(not cue and bool(PAST.search(text))),
        min(len(text.split()) / 30.0, 2.0),
        centrality,
        float(bool(c.deontic)),
        float(bool(speaker)),
        float(any(ch.isdigit() for ch in text)),
    )


def calibrated(features: Sequence[float], *, long_text: bool) -> float:
    """P(right) from the genre's logistic weights, kept inside [0.05, 0.95] and rounded."""
    return logistic(CALIBRATION_LONG if long_text else CALIBRATION_SHORT, features)


def logistic(weights: Sequence[float], features: Sequence[float]) -> float:
    """P(right) of a logistic model, kept inside [0.05, 0.95] (no proposal is certain
    either way) and rounded to two places (what the review shows and sorts by). Claim
    confidences, the thesis confidence and ``make train``'s choice of the review
    thresholds all go through this one function, so the thresholds are chosen on the
    very numbers the review shows."""
    z = sum(w * x for w, x in zip(weights, features, strict=True))
    return round(min(0.95, max(0.05, 1.0 / (1.0 + math.exp(-z)))), 2)
