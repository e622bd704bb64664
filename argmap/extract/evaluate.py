"""Scoring proposals against annotated texts: the numbers behind "how good is the import".

Two kinds of gold are read: the argumentative microtexts (JSONL with argument units,
roles, the central claim and support/attack relations; read from outside the repository,
never copied) and curated argmap maps (claims with kinds and quote offsets into their
sources). Both become :class:`Annotated` texts and are scored the same way:

- thesis hit rate: a gold thesis (the central claim) among the top 1 / top 2 units of the
  extractor's thesis ranking;
- precision / recall / F1 per kind by span overlap: a proposal matches a gold unit when the
  overlap covers at least half of each (one-to-one, greedy by overlap);
- link accuracy: of the gold relations whose two ends were both proposed, the share the
  extractor links the same way (same direction and kind);
- cleaning (seeds only): noise lines kept and body sentences lost, against the hand-cleaned
  source texts of the curated maps.

Splits are deterministic, so tuning and held-out never mix. Three protocols are reported:

- ``text`` (the original one): whole texts, by a hash of the text id. Right for the 74
  microtexts; for the curated maps it leaves only three seed texts on the tuning side (one
  of them a 400-character chart caption without a thesis), so every seed rule was tuned on
  two op-eds and the held-out figures swing by a whole text at a time.
- ``paragraph`` (added for the seeds): every seed text is proposed whole (the extractor
  needs the whole article for position and centrality), but its paragraphs are split by a
  hash of ``text id # paragraph number``; a gold unit, a proposal and a relation count in the
  part of the paragraph where they start, and a text's thesis test counts in the part of
  its first gold thesis's paragraph. Both sides then hold text of every seed author and
  about half of the gold units, so a rule tuned on one side is tested on unseen sentences of
  the same genre rather than on one or two unseen articles. It does not hide that the
  sentences around a held-out unit were seen in tuning: both protocols are always reported,
  and the ``text`` protocol remains the stricter test of generalising to a new article.
- ``article`` (leave one article out, for the parameters learnt from the curated maps):
  the five seed articles (GZERO's pieces one article) are five folds; the op-ed
  calibration and claim budget are refitted on four and applied to the fifth
  (:func:`leave_one_article_out`), so every seed text is scored by learnt parameters that
  never saw it. Six texts with a thesis instead of four. The cue rules are the same in
  every fold (they were written reading the per-text tuning op-eds), so for those two
  texts it is not an unseen test of the rules.

Matching modes: ``strict`` (the overlap covers at least half of each span) and
``contain``, which also accepts a proposal lying inside a gold span: a curated quote often
spans two sentences (a claim and its restatement) while the extractor proposes sentences,
and a reviewer who accepts the proposal widens its quote rather than retyping the claim. A
proposal may identify only one gold unit either way (the matching stays one-to-one), and
``strict`` figures are always reported next to ``contain`` ones.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.extract.propose import (
    ArticleProposals,
    DraftProposals,
    draft_article,
    finish_article,
    propose_article,
)

Span = tuple[int, int]


@dataclass
class GoldUnit:
    start: int
    end: int
    kind: str


@dataclass
class Annotated:
    """One annotated text: its gold units, which of them are theses, and relations."""

    id: str
    text: str
    title: str = ""
    units: list[GoldUnit] = field(default_factory=list)
    relations: Sequence[tuple[int, int, str]] = field(default_factory=list)


def split_of(text_id: str) -> str:
    """``"tune"`` or ``"heldout"``: a fixed half of the ids, by their SHA-1."""
    return "tune" if hashlib.sha1(text_id.encode()).digest()[0] % 2 == 0 else "heldout"


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def paragraph_starts(text: str) -> list[int]:
    """Offsets where the paragraphs of ``text`` begin (a blank line separates them)."""
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


def paragraph_part(text_id: str, starts: Sequence[int], offset: int) -> str:
    """The ``paragraph`` protocol's part of the paragraph holding ``offset``."""
    k = bisect.bisect_right(starts, offset) - 1
    return split_of(f"{text_id}#{k}")


# ------------------------------------------------------------------ loading
def load_microtexts(path: str | Path) -> list[Annotated]:
    """The microtexts JSONL (a file, or a folder holding one ``*.jsonl``)."""
    file = Path(path)
    if file.is_dir():
        found = sorted(file.glob("*.jsonl"))
        if not found:
            raise FileNotFoundError(f"{file}: no *.jsonl file")
        file = found[0]
    texts: list[Annotated] = []
    with open(file, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                texts.append(_microtext(json.loads(line)))
    return texts


def _microtext(row: dict[str, Any]) -> Annotated:
    ids = {adu["id"]: i for i, adu in enumerate(row["adus"])}
    units = [
        GoldUnit(
            adu["start"],
            adu["end"],
            "thesis"
            if adu["id"] == row["central_claim"]
            else ("objection" if adu["type"] == "opp" else "premise"),
        )
        for adu in row["adus"]
    ]
    rel_from = {r["id"]: r["from"] for r in row["relations"]}
    relations: list[tuple[int, int, str]] = []
    for rel in row["relations"]:
        if rel["orig_type"] == "add":
            continue
        target = rel["to"]
        if rel.get("to_is_relation"):
            target = rel_from.get(target, "")  # an undercut attacks the attacking unit
        if rel["from"] in ids and target in ids:
            relations.append((ids[rel["from"]], ids[target], rel["kind"]))
    return Annotated(row["id"], row["text"], "", units, relations)


def load_gold_maps(folder: str | Path) -> list[Annotated]:
    """One :class:`Annotated` per quoted source of the ``*.argmap.json`` maps in ``folder``.

    A source that several maps quote (an article map and a comparison map built from it)
    is taken once, from the map that annotates it with the most claims.
    """
    from argmap.map.mapfile import load

    best: dict[str, Annotated] = {}
    for file in sorted(Path(folder).glob("*.argmap.json")):
        amap = load(file)
        for source in amap.sources:
            claims = [c for c in amap.claims if c.source == source.id and c.quote is not None]
            digest = hashlib.sha1(source.text.encode()).hexdigest()
            if not claims or (digest in best and len(best[digest].units) >= len(claims)):
                continue
            index = {c.id: i for i, c in enumerate(claims)}
            units = [GoldUnit(c.quote.start, c.quote.end, c.kind) for c in claims if c.quote]
            relations = [
                (index[x.from_claim], index[x.to_claim], x.kind)
                for x in amap.links
                if x.from_claim in index and x.to_claim in index
            ]
            best[digest] = Annotated(source.id, source.text, source.title, units, relations)
    return sorted(best.values(), key=lambda a: a.id)


# ------------------------------------------------------------------ matching
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


def _match(pred: Sequence[Span], gold: Sequence[Span], mode: str = "strict") -> dict[int, int]:
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
) -> dict[str, Any]:
    """Every figure for a set of annotated texts (see the module docstring).

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
            m = _match([spans[i] for i in gp], [gold_spans[j] for j in gg], mode)
            judged.extend((result.units[i].confidence, k in m) for k, i in enumerate(gp))
            counts = kinds.setdefault(group, Counts())
            counts.tp += len(m)
            counts.pred += len(gp)
            counts.gold += len(gg)
        if groups is MAP_GROUPS:
            gp = [i for i in pred_idx if result.units[i].kind in ("premise", "evidence")]
            gg = [j for j in gold_idx if item.units[j].kind in ("premise", "evidence")]
            m = _match([spans[i] for i in gp], [gold_spans[j] for j in gg], mode)
            merged.tp += len(m)
            merged.pred += len(gp)
            merged.gold += len(gg)
        # links: gold relations whose two ends were both proposed as claims
        all_pred = [i for i, p in enumerate(result.units) if p.kind is not None]
        m_all = _match([spans[i] for i in all_pred], gold_spans, mode)
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
            m = _match([spans[i] for i in gp], [gold_spans[j] for j in gg])
            rows.extend((result.units[i].features, k in m) for k, i in enumerate(gp))
    return rows


def fit_calibration(
    rows: Sequence[tuple[tuple[float, ...], bool]], l2: float = 1.0, steps: int = 50
) -> list[float]:
    """L2-regularised logistic regression (the first feature is the unpenalised bias),
    by Newton's method: a dozen steps of a ten-by-ten linear solve, fast enough to refit
    inside ``argmap eval`` for every cross-validation fold. The shipped weights:
    :data:`argmap.extract.propose.CALIBRATION_SHORT` is
    ``fit_calibration(calibration_data(micro_tune, MICRO_GROUPS))`` and ``CALIBRATION_LONG``
    the same on the seed maps' per-text tuning part with ``MAP_GROUPS``.
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


def confidence_figures(judged: Sequence[tuple[float, bool]]) -> dict[str, float]:
    """Whether confidence means something: AUC of confidence for telling right proposals
    (matched to a gold unit of their kind group) from wrong ones (0.5: no better than
    chance), and the precision of proposals at or above 0.5 confidence and below it."""
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
    return {
        "auc": round(auc, 3),
        "precision_high": round(sum(high) / len(high), 3) if high else 0.0,
        "n_high": len(high),
        "precision_low": round(sum(low) / len(low), 3) if low else 0.0,
        "n_low": len(low),
    }


# ------------------------------------------------------------------ cleaning
def _norm(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def _core(sentence: str) -> str:
    return _norm(sentence).rstrip(" .!?\"')")


def gold_sources(folder: str | Path) -> list[tuple[str, str]]:
    """``(title, text)`` of every distinct source of the curated maps in ``folder``."""
    from argmap.map.mapfile import load

    seen: dict[str, tuple[str, str]] = {}
    for file in sorted(Path(folder).glob("*.argmap.json")):
        for source in load(file).sources:
            seen.setdefault(source.text, (source.title, source.text))
    return list(seen.values())


def cleaning_score(raw_files: Sequence[str], gold: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Noise lines kept and body sentences lost, over raw files and hand-cleaned bodies.

    A gold body belongs to the raw file that contains its first sentence. A raw line is
    noise when no gold body or title contains it. Lines of items the importer marks
    off-topic are not counted as kept (they are separate, flagged sources, reported as
    ``off_topic_lines``).
    """
    from argmap.extract.clean import clean
    from argmap.extract.segment import sentence_units
    from argmap.extract.split import mark_off_topic, split_articles

    per_file = []
    articles_all = []
    for raw in raw_files:
        cleaned = clean(raw)
        articles = split_articles(cleaned)
        per_file.append((raw, cleaned, articles))
        articles_all.extend(articles)
    mark_off_topic(articles_all)
    totals = {"files": 0, "body_sentences": 0, "body_sentences_lost": 0, "noise_lines": 0}
    totals |= {"noise_lines_kept": 0, "off_topic_lines": 0}
    lost_examples: list[str] = []
    kept_examples: list[str] = []
    for raw, cleaned, articles in per_file:
        raw_norm = _norm(raw)
        mine = [g for g in gold if _first_core(g[1]) and _first_core(g[1]) in raw_norm]
        if not mine:
            continue
        totals["files"] += 1
        ours = _norm(" \n ".join(a.text + " \n " + a.title for a in articles))
        gold_all = _norm(" \n ".join(t + " \n " + x for t, x in mine))
        for _, text in mine:
            for unit in sentence_units(text):
                core = _core(unit.text)
                if len(core) < 3:
                    continue
                totals["body_sentences"] += 1
                if core not in ours:
                    totals["body_sentences_lost"] += 1
                    lost_examples.append(unit.text[:80])
        off_topic = _norm(" \n ".join(a.text for a in articles if a.off_topic))
        for line in cleaned.lines:
            core = _core(line.text)
            if core and core not in gold_all:
                if core in off_topic:
                    totals["off_topic_lines"] += 1
                else:
                    totals["noise_lines_kept"] += 1
                    kept_examples.append(line.text[:80])
        for raw_line in raw.split("\n"):
            core = _core(raw_line)
            if core and core not in gold_all:
                totals["noise_lines"] += 1
    return {**totals, "lost": lost_examples[:10], "kept": kept_examples[:10]}


def _first_core(text: str) -> str:
    from argmap.extract.segment import sentence_units

    units = sentence_units(text[:2000])
    return _core(units[0].text) if units else ""


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
