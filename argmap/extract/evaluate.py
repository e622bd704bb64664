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

Splits are deterministic (by a hash of the text id), so tuning and held-out never mix.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.extract.propose import ArticleProposals, propose_article

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
    from argmap.mapfile import load

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


def _match(pred: Sequence[Span], gold: Sequence[Span]) -> dict[int, int]:
    """Greedy one-to-one matching of predicted to gold spans by overlap size."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if overlaps(p, g):
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


def score(
    texts: Iterable[Annotated],
    groups: dict[str, str],
    propose: Callable[[str, str], ArticleProposals] | None = None,
) -> dict[str, Any]:
    """Every figure for a set of annotated texts (see the module docstring)."""
    run = propose or propose_article
    n = top1 = top2 = 0
    kinds: dict[str, Counts] = {}
    merged = Counts()
    links_total = links_right = links_pred = links_pred_right = 0
    for item in texts:
        result = run(item.text, item.title)
        spans = [(p.unit.start, p.unit.end) for p in result.units]
        gold_spans = [(u.start, u.end) for u in item.units]
        theses = [j for j, u in enumerate(item.units) if u.kind == "thesis"]
        if theses:
            n += 1
            ranked = result.thesis_ranking
            hit = [any(overlaps(spans[k], gold_spans[j]) for j in theses) for k in ranked[:2]]
            top1 += bool(hit[:1] and hit[0])
            top2 += any(hit)
        pred_idx = [i for i, p in enumerate(result.units) if p.kind is not None]
        for group in set(groups.values()):
            gp = [i for i in pred_idx if groups[str(result.units[i].kind)] == group]
            gg = [j for j, u in enumerate(item.units) if groups.get(u.kind) == group]
            m = _match([spans[i] for i in gp], [gold_spans[j] for j in gg])
            counts = kinds.setdefault(group, Counts())
            counts.tp += len(m)
            counts.pred += len(gp)
            counts.gold += len(gg)
        if groups is MAP_GROUPS:
            gp = [i for i in pred_idx if result.units[i].kind in ("premise", "evidence")]
            gg = [j for j, u in enumerate(item.units) if u.kind in ("premise", "evidence")]
            m = _match([spans[i] for i in gp], [gold_spans[j] for j in gg])
            merged.tp += len(m)
            merged.pred += len(gp)
            merged.gold += len(gg)
        # links: gold relations whose two ends were both proposed as claims
        m_all = _match([spans[i] for i in pred_idx], gold_spans)
        gold_to_pred = {j: pred_idx[i] for i, j in m_all.items()}
        predicted = {(x.source, x.target): x.kind for x in result.links}
        for a, b, kind in item.relations:
            if a in gold_to_pred and b in gold_to_pred:
                links_total += 1
                links_right += predicted.get((gold_to_pred[a], gold_to_pred[b])) == kind
        gold_rel = {(a, b): k for a, b, k in item.relations}
        pred_to_gold = {v: k for k, v in gold_to_pred.items()}
        for x in result.links:
            if x.source in pred_to_gold and x.target in pred_to_gold:
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
    }
    if groups is MAP_GROUPS:
        report["kinds"]["premise+evidence"] = merged.prf()
    return report


# ------------------------------------------------------------------ cleaning
def _norm(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def _core(sentence: str) -> str:
    return _norm(sentence).rstrip(" .!?\"')")


def gold_sources(folder: str | Path) -> list[tuple[str, str]]:
    """``(title, text)`` of every distinct source of the curated maps in ``folder``."""
    from argmap.mapfile import load

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
