"""Matching proposals to gold units and the figures of one set of annotated texts."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from argmap.extract.corpora import Annotated, paragraph_part, paragraph_starts
from argmap.extract.proposals import ArticleProposals
from argmap.extract.propose import propose_article

Span = tuple[int, int]


def overlaps(a: Span, b: Span) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter >= 0.5 * (a[1] - a[0]) and inter >= 0.5 * (b[1] - b[0])


CONTAIN_SHARE = 0.8
"""In ``contain`` mode the share of a proposal that must lie inside the gold span (not all
of it: a proposal may carry a closing quotation mark or a clause past the curated quote)."""


def contained(pred: Span, gold: Span) -> bool:
    """``pred`` lies (almost) inside ``gold``: it identifies that claim."""
    inter = min(pred[1], gold[1]) - max(pred[0], gold[0])
    return inter > 0 and inter >= CONTAIN_SHARE * (pred[1] - pred[0])


def matches(pred: Span, gold: Span, mode: str = "strict") -> bool:
    """Whether a proposal identifies a gold unit under a matching mode (module docstring)."""
    return overlaps(pred, gold) or (mode == "contain" and contained(pred, gold))


def match_spans(pred: Sequence[Span], gold: Sequence[Span], mode: str = "strict") -> dict[int, int]:
    """Greedy one-to-one matching of predicted to gold spans by overlap size."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if matches(p, g, mode):
                pairs.append((min(p[1], g[1]) - max(p[0], g[0]), i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    result: dict[int, int] = {}
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            result[i] = j
    return result


@dataclass
class Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def prf(self) -> dict[str, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "support": self.gold,
        }


MICRO_GROUPS: dict[str, str] = {
    "thesis": "thesis",
    "recommendation": "premise+evidence",
    "premise": "premise+evidence",
    "evidence": "premise+evidence",
    "objection": "objection",
}
"""The microtexts only know central claim / pro / opp: recommendations and evidence the
extractor proposes are pro units there."""

MAP_GROUPS: dict[str, str] = {k: k for k in MICRO_GROUPS}


def propose_web_article(text: str, title: str = "") -> ArticleProposals:
    """The proposer as the import runs it on a piece of a web page: the op-ed genre
    whatever its length (the curated maps' sources are all web op-eds and news pieces)."""
    return propose_article(text, title, oped=True)


def score(
    texts: Iterable[Annotated],
    groups: dict[str, str],
    propose: Callable[[str, str], ArticleProposals] | None = None,
    *,
    mode: str = "strict",
    part: str | None = None,
    thesis_annotated: bool = True,
) -> dict[str, Any]:
    """Every figure for a set of annotated texts (see the module docstring).

    ``thesis_annotated=False`` is for a corpus that annotates no thesis (CDCP): a
    proposed thesis is scored as the kind it had before it was picked, since the corpus
    labels that unit by what it does (a thesis that prescribes is its recommendation).

    With ``part`` (``"tune"`` or ``"heldout"``) only the units, relations and thesis tests
    of that part's paragraphs count (the ``paragraph`` protocol); without it, everything.
    """
    run = propose or propose_article
    n = top1 = top2 = 0
    kinds: dict[str, Counts] = {}
    merged = Counts()
    links_total = links_right = links_pred = links_pred_right = 0
    judged: list[tuple[float, bool]] = []
    for item in texts:
        result = run(item.text, item.title)
        if not thesis_annotated:
            for p in result.units:
                if p.kind == "thesis":
                    p.kind = p.kind_before_thesis
        spans = [(p.unit.start, p.unit.end) for p in result.units]
        gold_spans = [(u.start, u.end) for u in item.units]
        starts = paragraph_starts(item.text)

        def mine(offset: int, item: Annotated = item, starts: list[int] = starts) -> bool:
            return part is None or paragraph_part(item.id, starts, offset) == part

        theses = [j for j, u in enumerate(item.units) if u.kind == "thesis"]
        if theses and mine(min(gold_spans[j][0] for j in theses)):
            n += 1
            ranked = result.thesis_ranking
            hit = [any(matches(spans[k], gold_spans[j], mode) for j in theses) for k in ranked[:2]]
            top1 += bool(hit[:1] and hit[0])
            top2 += any(hit)
        pred_idx = [
            i for i, p in enumerate(result.units) if p.kind is not None and mine(spans[i][0])
        ]
        gold_idx = [j for j in range(len(item.units)) if mine(gold_spans[j][0])]
        for group in set(groups.values()):
            gp = [i for i in pred_idx if groups[str(result.units[i].kind)] == group]
            gg = [j for j in gold_idx if groups.get(item.units[j].kind) == group]
            m = match_spans([spans[i] for i in gp], [gold_spans[j] for j in gg], mode)
            judged.extend((result.units[i].confidence, k in m) for k, i in enumerate(gp))
            counts = kinds.setdefault(group, Counts())
            counts.tp += len(m)
            counts.pred += len(gp)
            counts.gold += len(gg)
        if groups is MAP_GROUPS:
            gp = [i for i in pred_idx if result.units[i].kind in ("premise", "evidence")]
            gg = [j for j in gold_idx if item.units[j].kind in ("premise", "evidence")]
            m = match_spans([spans[i] for i in gp], [gold_spans[j] for j in gg], mode)
            merged.tp += len(m)
            merged.pred += len(gp)
            merged.gold += len(gg)
        # links: gold relations whose two ends were both proposed as claims
        all_pred = [i for i, p in enumerate(result.units) if p.kind is not None]
        m_all = match_spans([spans[i] for i in all_pred], gold_spans, mode)
        gold_to_pred = {j: all_pred[i] for i, j in m_all.items()}
        predicted = {(x.source, x.target): x.kind for x in result.links}
        for a, b, kind in item.relations:
            if a in gold_to_pred and b in gold_to_pred and mine(gold_spans[a][0]):
                links_total += 1
                links_right += predicted.get((gold_to_pred[a], gold_to_pred[b])) == kind
        gold_rel = {(a, b): k for a, b, k in item.relations}
        pred_to_gold = {v: k for k, v in gold_to_pred.items()}
        for x in result.links:
            if x.source in pred_to_gold and x.target in pred_to_gold and mine(spans[x.source][0]):
                links_pred += 1
                links_pred_right += (
                    gold_rel.get((pred_to_gold[x.source], pred_to_gold[x.target])) == x.kind
                )
    report: dict[str, Any] = {
        "texts": n,
        "thesis_top1": round(top1 / n, 3) if n else 0.0,
        "thesis_top2": round(top2 / n, 3) if n else 0.0,
        "kinds": {k: c.prf() for k, c in sorted(kinds.items())},
        "link_accuracy": round(links_right / links_total, 3) if links_total else 0.0,
        "link_precision": round(links_pred_right / links_pred, 3) if links_pred else 0.0,
        "links_scored": links_total,
        "confidence": confidence_figures(judged),
    }
    if groups is MAP_GROUPS:
        report["kinds"]["premise+evidence"] = merged.prf()
    return report


RELIABILITY_BINS: tuple[float, ...] = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)
"""Bin edges of the reliability table: finer where the review's thresholds sit."""
HIGH_CONFIDENCE = 0.8
"""The confidence from which a proposal should be right at least that often (issue 17)."""


def reliability(judged: Sequence[tuple[float, bool]]) -> list[dict[str, float]]:
    """The reliability table: per confidence bin, how many proposals, their mean
    confidence and the share of them that are right. Calibrated means the two agree."""
    rows: list[dict[str, float]] = []
    for lo, hi in itertools.pairwise(RELIABILITY_BINS):
        inside = [(c, ok) for c, ok in judged if lo <= c < hi]
        if inside:
            rows.append(
                {
                    "from": lo,
                    "to": round(min(hi, 1.0), 2),
                    "n": len(inside),
                    "confidence": round(sum(c for c, _ in inside) / len(inside), 3),
                    "right": round(sum(ok for _, ok in inside) / len(inside), 3),
                }
            )
    return rows


def expected_calibration_error(judged: Sequence[tuple[float, bool]]) -> float:
    """Mean gap between confidence and the share right, over the reliability bins,
    weighted by how many proposals each holds (0: perfectly calibrated)."""
    if not judged:
        return 0.0
    table = reliability(judged)
    gap = sum(row["n"] * abs(row["confidence"] - row["right"]) for row in table)
    return round(gap / len(judged), 3)


def confidence_figures(judged: Sequence[tuple[float, bool]]) -> dict[str, Any]:
    """Whether confidence means something: AUC of confidence for telling right proposals
    (matched to a gold unit of their kind group) from wrong ones (0.5: no better than
    chance), the precision of proposals at or above 0.5 confidence and below it and at or
    above :data:`HIGH_CONFIDENCE`, the reliability table and its expected calibration
    error."""
    right = sorted(c for c, ok in judged if ok)
    wrong = sorted(c for c, ok in judged if not ok)
    auc = 0.0
    if right and wrong:
        wins = 0.0
        for c in right:
            lo = bisect.bisect_left(wrong, c)
            wins += lo + 0.5 * (bisect.bisect_right(wrong, c) - lo)
        auc = wins / (len(right) * len(wrong))
    high = [ok for c, ok in judged if c >= 0.5]
    low = [ok for c, ok in judged if c < 0.5]
    top = [ok for c, ok in judged if c >= HIGH_CONFIDENCE]
    return {
        "auc": round(auc, 3),
        "precision_high": round(sum(high) / len(high), 3) if high else 0.0,
        "n_high": len(high),
        "precision_low": round(sum(low) / len(low), 3) if low else 0.0,
        "n_low": len(low),
        "precision_at_0.8": round(sum(top) / len(top), 3) if top else 0.0,
        "n_at_0.8": len(top),
        "ece": expected_calibration_error(judged),
        "reliability": reliability(judged),
    }
