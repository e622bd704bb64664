"""Graph views and statistics of a map.

networkx is imported only inside :func:`to_digraph`, so commands that need no graph (such
as ``argmap validate``) start without paying for it.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from argmap.map.invariants import quote_problems
from argmap.map.model import CLAIM_KINDS, LINK_KINDS, ArgumentMap, Link

if TYPE_CHECKING:
    import networkx as nx


def to_digraph(amap: ArgumentMap) -> nx.MultiDiGraph:
    """The map as a networkx multigraph: one node per claim, one edge per link.

    Node attributes are the claim's fields (``kind``, ``text``, ``author``, ``source``);
    edge attributes are ``id``, ``kind`` and ``cross_author``. Edge keys are link ids. A
    multigraph because two claims may be linked by both a support and an attack.
    """
    import networkx as nx

    graph: nx.MultiDiGraph = nx.MultiDiGraph(title=amap.title)
    graph.add_nodes_from(
        (c.id, {"kind": c.kind, "text": c.text, "author": c.author, "source": c.source})
        for c in amap.claims
    )
    authors = {c.id: c.author for c in amap.claims}
    graph.add_edges_from(
        (
            x.from_claim,
            x.to_claim,
            x.id,
            {"id": x.id, "kind": x.kind, "cross_author": is_cross_author(x, authors)},
        )
        for x in amap.links
    )
    return graph


def is_cross_author(link: Link, author_of: dict[str, str | None]) -> bool:
    """True when both ends have an author and the authors differ."""
    a, b = author_of.get(link.from_claim), author_of.get(link.to_claim)
    return a is not None and b is not None and a != b


def stats(amap: ArgumentMap) -> dict[str, Any]:
    """Counts a person checks a map by; the keys of ``argmap stats --json``."""
    author_of = {c.id: c.author for c in amap.claims}
    texts = {s.id: s.text for s in amap.sources}
    quoted = [c for c in amap.claims if c.quote is not None and c.source is not None]
    verified = sum(
        1
        for c in quoted
        if c.quote is not None
        and c.source in texts
        and not quote_problems("", c.quote, texts[c.source])
    )
    kinds = Counter(c.kind for c in amap.claims)
    link_kinds = Counter(x.kind for x in amap.links)
    return {
        "claims": len(amap.claims),
        "claims_by_kind": {k: kinds.get(k, 0) for k in CLAIM_KINDS},
        "links": len(amap.links),
        "links_by_kind": {k: link_kinds.get(k, 0) for k in LINK_KINDS},
        "authors": len(amap.authors),
        "sources": len(amap.sources),
        "cross_author_links": sum(1 for x in amap.links if is_cross_author(x, author_of)),
        "positions": len(amap.positions),
        "quotes": len(quoted),
        "quotes_verified": verified,
    }
