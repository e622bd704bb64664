"""How well cross-article suggestions recover the cross-author links a curator drew.

The suggester (:mod:`argmap.extract.cross`) is scored on its own, given the curated
claims of a comparison map (a map quoting several authors) rather than extracted ones, so
the figure measures the suggester and not the extractor upstream of it:

- ``suggested``: suggestions made for the map's claims;
- ``recovered``: curated cross-author links among them (either direction, since a
  suggestion's direction is only a guess of which claim answers which), and of those the
  share whose polarity (support / attack) is right;
- ``partner_rank``: for each curated cross link, the rank of its other end among the other
  authors' claims by the suggester's similarity (median and share in the top 3): how far a
  reviewer scrolling a claim's best matches would have to go.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

from argmap.extract.cross import CrossItem, similarity_ranking, suggest_cross_links


def cross_link_score(folder: str | Path) -> dict[str, Any] | None:
    """Figures for the curated map in ``folder`` with the most cross-author links (None
    when no map has any)."""
    from argmap.map.mapfile import load

    best: tuple[int, Any] | None = None
    for file in sorted(Path(folder).glob("*.argmap.json")):
        amap = load(file)
        author = {c.id: c.author for c in amap.claims}
        cross = [x for x in amap.links if author[x.from_claim] != author[x.to_claim]]
        if cross and (best is None or len(cross) > best[0]):
            best = (len(cross), (file.name, amap, cross))
    if best is None:
        return None
    name, amap, cross = best[1]
    items = [CrossItem(c.id, c.source or "", c.author or "", c.text, c.kind) for c in amap.claims]
    suggestions = suggest_cross_links(items)
    gold = {frozenset((x.from_claim, x.to_claim)): x.kind for x in cross}
    made = {frozenset((s.source, s.target)): s.kind for s in suggestions}
    recovered = [pair for pair in made if pair in gold]
    ranking = similarity_ranking(items)
    ranks = []
    for x in cross:
        order = ranking.get(x.from_claim, [])
        ranks.append(order.index(x.to_claim) + 1 if x.to_claim in order else len(items))
    return {
        "map": name,
        "curated_cross_links": len(cross),
        "suggested": len(suggestions),
        "recovered": len(recovered),
        "polarity_right": sum(made[p] == gold[p] for p in recovered),
        "partner_rank_median": statistics.median(ranks),
        "partner_in_top3": round(sum(r <= 3 for r in ranks) / len(ranks), 3),
    }
