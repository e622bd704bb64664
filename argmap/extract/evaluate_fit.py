"""Fitting what the proposer learns from annotated text, and the leave-one-article-out
protocol that refits it per fold: the logistic calibration of confidences (Newton's
method, pure Python) and the op-ed claim budget."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from argmap.extract.corpora import Annotated
from argmap.extract.proposals import ArticleProposals, DraftProposals
from argmap.extract.propose import draft_article, finish_article, propose_article
from argmap.extract.scoring import MAP_GROUPS, match_spans, score


def calibration_data(
    texts: Iterable[Annotated],
    groups: dict[str, str],
    propose: Callable[[str, str], ArticleProposals] | None = None,
) -> list[tuple[tuple[float, ...], bool]]:
    """``(features, right)`` of every non-thesis proposal: right when it matches (strict)
    a gold unit of its kind group. The input of :func:`fit_calibration`. ``propose``
    defaults to :func:`propose_article`; pass one with the claim budget off
    (``budget=1.0``) so the rows do not depend on the weights being fitted."""
    run = propose or propose_article
    rows: list[tuple[tuple[float, ...], bool]] = []
    for item in texts:
        result = run(item.text, item.title)
        spans = [(p.unit.start, p.unit.end) for p in result.units]
        gold_spans = [(u.start, u.end) for u in item.units]
        pred_idx = [i for i, p in enumerate(result.units) if p.kind not in (None, "thesis")]
        for group in set(groups.values()):
            gp = [i for i in pred_idx if groups[str(result.units[i].kind)] == group]
            gg = [j for j, u in enumerate(item.units) if groups.get(u.kind) == group]
            m = match_spans([spans[i] for i in gp], [gold_spans[j] for j in gg])
            rows.extend((result.units[i].features, k in m) for k, i in enumerate(gp))
    return rows


def fit_calibration(
    rows: Sequence[tuple[tuple[float, ...], bool]], l2: float = 1.0, steps: int = 50
) -> list[float]:
    """L2-regularised logistic regression (the first feature is the unpenalised bias),
    by Newton's method: a dozen steps of a ten-by-ten linear solve, fast enough to refit
    inside ``argmap eval`` for every cross-validation fold. The shipped weights
    (:mod:`argmap.extract.weights`) come from ``make train`` (``scripts/train_extract.py``),
    which calls this on the tuning parts' rows, short and long texts apart.
    """
    if not rows:
        return []
    dim = len(rows[0][0])
    w = [0.0] * dim
    for _ in range(steps):
        grad = [l2 * w[k] if k else 0.0 for k in range(dim)]
        hess = [
            [(l2 if k == j and k else 1e-6 if k == j else 0.0) for j in range(dim)]
            for k in range(dim)
        ]
        for x, y in rows:
            z = sum(a * b for a, b in zip(w, x, strict=True))
            prob = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            err, curv = prob - float(y), prob * (1.0 - prob)
            for k in range(dim):
                if x[k]:
                    grad[k] += err * x[k]
                    row = hess[k]
                    for j in range(dim):
                        row[j] += curv * x[k] * x[j]
        step = _solve(hess, grad)
        w = [a - d for a, d in zip(w, step, strict=True)]
        if max(abs(d) for d in step) < 1e-6:
            break
    return [round(v, 3) for v in w]


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """``matrix⁻¹ · vector`` by Gaussian elimination with partial pivoting."""
    n = len(vector)
    a = [[*row, vector[k]] for k, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        if abs(a[col][col]) < 1e-12:
            continue
        for r in range(col + 1, n):
            f = a[r][col] / a[col][col]
            if f:
                for c in range(col, n + 1):
                    a[r][c] -= f * a[col][c]
    out = [0.0] * n
    for r in range(n - 1, -1, -1):
        if abs(a[r][r]) >= 1e-12:
            out[r] = (a[r][n] - sum(a[r][c] * out[c] for c in range(r + 1, n))) / a[r][r]
    return out


# ------------------------------------------------------------------ cross-validation
BUDGET_GRID: tuple[float, ...] = tuple(round(0.3 + 0.05 * k, 2) for k in range(11))
"""Claim budgets (share of an op-ed's units proposed as claims) tried when learning it."""


def article_of(text_id: str) -> str:
    """The article (fold) a seed text belongs to: GZERO's pieces (``gzero.*``) are one
    article, one outlet's curation, so no fold trains on a sibling of its test piece."""
    return text_id.split(".", 1)[0]


@dataclass
class Learnt:
    """The op-ed parameters learnt from curated maps: calibration weights and budget."""

    calibration: list[float]
    budget: float


def learn_oped_parameters(texts: Sequence[Annotated], drafts: dict[str, DraftProposals]) -> Learnt:
    """Fit the op-ed calibration (budget off, so the rows do not depend on it), then pick
    the claim budget of :data:`BUDGET_GRID` with the best premise+evidence F1 on ``texts``
    (ties: the larger budget, which drops less). ``drafts`` maps a text to its draft."""
    rows = calibration_data(
        texts, MAP_GROUPS, lambda text, _title: finish_article(drafts[text], budget=1.0)
    )
    weights = fit_calibration(rows)

    def f1(budget: float) -> float:
        report = score(
            texts,
            MAP_GROUPS,
            lambda text, _title: finish_article(drafts[text], calibration=weights, budget=budget),
        )
        return float(report["kinds"]["premise+evidence"]["f1"])

    best = max(BUDGET_GRID, key=lambda b: (f1(b), b))
    return Learnt(weights, best)


def leave_one_article_out(texts: Sequence[Annotated], mode: str = "strict") -> dict[str, Any]:
    """Every seed text scored with op-ed parameters learnt on the *other* articles.

    For each article (see :func:`article_of`) the calibration and the claim budget are
    learnt (:func:`learn_oped_parameters`) on the texts of the remaining articles and
    applied to its own texts; the figures pool the five folds, so every text is scored by
    parameters that never saw it. The cue rules themselves are not refitted (they were
    written reading the per-text tuning op-eds, see ``TUNING.md``)."""
    drafts = {t.text: draft_article(t.text, t.title, oped=True) for t in texts}
    articles = sorted({article_of(t.id) for t in texts})
    learnt: dict[str, Learnt] = {}
    for article in articles:
        train = [t for t in texts if article_of(t.id) != article]
        learnt[article] = learn_oped_parameters(train, drafts)
    by_text = {t.text: learnt[article_of(t.id)] for t in texts}

    def run(text: str, _title: str) -> ArticleProposals:
        params = by_text[text]
        return finish_article(drafts[text], calibration=params.calibration, budget=params.budget)

    report = score(texts, MAP_GROUPS, run, mode=mode)
    report["folds"] = {
        a: {
            "budget": p.budget,
            "calibration": p.calibration,
            "texts": sum(article_of(t.id) == a for t in texts),
        }
        for a, p in learnt.items()
    }
    return report
