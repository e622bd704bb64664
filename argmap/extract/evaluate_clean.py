"""Cleaning figures: noise lines kept and body sentences lost, raw seed files against the
hand-cleaned bodies of the curated maps."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any


def _norm(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def _core(sentence: str) -> str:
    return _norm(sentence).rstrip(" .!?\"')")


def cleaning_score(raw_files: Sequence[str], gold: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Noise lines kept and body sentences lost, over raw files and hand-cleaned bodies.

    A gold body belongs to the raw file that contains its first sentence. A raw line is
    noise when no gold body or title contains it. Lines of items the importer marks
    off-topic are not counted as kept (they are separate, flagged sources, reported as
    ``off_topic_lines``).

    ``furniture_claims`` counts the claims the proposer makes, on the articles as the
    import cuts them, from text that is in no gold body (bios, captions, plugs kept by the
    cleaning): each would be a junk card in the review.
    """
    from argmap.extract.clean import clean
    from argmap.extract.propose import propose_article
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
    totals |= {"noise_lines_kept": 0, "off_topic_lines": 0, "furniture_claims": 0}
    furniture: list[str] = []
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
        for article in articles:
            if article.off_topic:
                continue
            web_piece = article.roundup_item or article.from_split
            proposals = propose_article(
                article.text,
                article.title,
                oped=True if web_piece else None,
                standfirst=article.meta.standfirst,
            )
            for p in proposals.units:
                core = _core(p.unit.text)
                if p.kind is not None and core and core not in gold_all:
                    totals["furniture_claims"] += 1
                    furniture.append(p.unit.text[:80])
        for raw_line in raw.split("\n"):
            core = _core(raw_line)
            if core and core not in gold_all:
                totals["noise_lines"] += 1
    return {
        **totals,
        "lost": lost_examples[:10],
        "kept": kept_examples[:10],
        "furniture": furniture[:10],
    }


def _first_core(text: str) -> str:
    from argmap.extract.segment import sentence_units

    units = sentence_units(text[:2000])
    return _core(units[0].text) if units else ""
