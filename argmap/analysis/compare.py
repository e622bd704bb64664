"""Comparing authors: agreement between authors, two-author diffs, the most contested
claims and the load-bearing premises (the positions matrix is :mod:`argmap.analysis.positions`,
authors' short names :mod:`argmap.analysis.authors`).

Everything here is a pure function of an :class:`~argmap.map.model.ArgumentMap` returning
frozen dataclasses, so the desktop docks, ``argmap compare`` and a notebook show the same
numbers. networkx is imported only inside :func:`load_bearing`.

Conventions a reader of the results should know:

- An author's **stated stance** on a position is what the analyst recorded
  (``Position.stances``); a missing entry is *unrecorded*, shown as ``None``.
- The map **suggests** a stance from the author's links to the position's grounds and
  from the sides recorded for the author's own grounds. A ground's side is the one
  recorded for it, else its author's stated stance (grounds come from every side),
  so supporting the ground of an author who is *for*, or attacking one of an author who is
  *against*, backs *for*; the reverse backs *against*; both kinds make *mixed*. A cell is
  flagged where that differs from the stated stance, or where an author recorded silent
  has claims among the grounds or linked to them (see :func:`positions_matrix`).
- **Agreement** between two authors counts the cross-author links between their claims in
  both directions: supports agree, attacks disagree, except that attacking an objection
  (a view its author reports in order to reject it) agrees with that author, and
  supporting one disagrees (:func:`agrees`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from argmap.analysis.positions import OPPOSITE
from argmap.map.model import ArgumentMap, Link, Stance

TARGET_KINDS: Final[frozenset[str]] = frozenset({"thesis", "recommendation"})
"""The claims an argument is *for*: support paths that end here are what premises carry."""


# ---------------------------------------------------------------- what counts
def accepted_only(amap: ArgumentMap) -> tuple[ArgumentMap, int]:
    """The map without unreviewed proposals (extracted claims and links nobody has accepted
    yet, and links touching such claims), and how many objects were left out.

    A comparison is a statement about what the authors argue; a link the importer guessed
    at confidence 0.4 is not that until someone accepts it. Grounds that were proposals
    leave their positions too, and so does an author known only through proposals (with no
    stance recorded). The input is not changed.
    """
    claims = [c for c in amap.claims if not c.origin.is_proposal]
    kept = {c.id for c in claims}
    links = [
        x
        for x in amap.links
        if not x.origin.is_proposal and x.from_claim in kept and x.to_claim in kept
    ]
    left_out = len(amap.claims) - len(claims) + len(amap.links) - len(links)
    if not left_out:
        return amap, 0
    positions = [
        p.model_copy(
            update={
                "grounds": [g for g in p.grounds if g in kept],
                "sides": {g: side for g, side in p.sides.items() if g in kept},
            }
        )
        for p in amap.positions
    ]
    # an author known only through proposals (a new import) is not in the comparison yet,
    # unless the analyst has already recorded a stance for them
    stated = {a for p in amap.positions for a in p.stances}
    with_claims = {c.author for c in claims}
    proposed = {c.author for c in amap.claims if c.origin.is_proposal}
    authors = [
        a for a in amap.authors if a.id in with_claims or a.id in stated or a.id not in proposed
    ]
    trimmed = amap.model_copy(
        update={"claims": claims, "links": links, "positions": positions, "authors": authors}
    )
    return trimmed, left_out


# ---------------------------------------------------------------- authors
def agrees(link: Link, kind_of: Mapping[str, str]) -> bool:
    """Does ``link`` say the author of its source agrees with the author of its target?

    A support agrees and an attack disagrees, except around objections: an objection is a
    view its author reports in order to reject it, so attacking another author's objection
    sides with that author, and supporting it opposes them. The same holds for a link *from*
    an objection (the rejected view backing a claim opposes that claim's author).
    """
    agree = link.kind == "support"
    if kind_of.get(link.to_claim) == "objection":
        agree = not agree
    if kind_of.get(link.from_claim) == "objection":
        agree = not agree
    return agree


@dataclass(frozen=True, slots=True)
class AuthorEdge:
    """Cross-author links from one author's claims to another's (directed).

    ``supports`` and ``attacks`` count link kinds; ``agree`` and ``disagree`` count what
    the links mean (see :func:`agrees`), and differ from them only around objections.
    """

    source: str
    target: str
    supports: int
    attacks: int
    agree: int
    disagree: int
    links: tuple[str, ...]

    @property
    def net(self) -> int:
        """Agreeing minus disagreeing links: above zero, ``source`` mostly agrees with ``target``."""
        return self.agree - self.disagree


def author_edges(amap: ArgumentMap) -> list[AuthorEdge]:
    """One edge per ordered pair of authors joined by at least one cross-author link.

    In the order of ``amap.authors`` (source, then target), so the author view is stable.
    """
    author_of = {c.id: c.author for c in amap.claims}
    kind_of = {c.id: c.kind for c in amap.claims}
    count: Counter[tuple[str, str, str]] = Counter()
    ids: dict[tuple[str, str], list[str]] = defaultdict(list)
    for link in amap.links:
        a, b = author_of.get(link.from_claim), author_of.get(link.to_claim)
        if a is None or b is None or a == b:
            continue
        count[(a, b, link.kind)] += 1
        count[(a, b, "agree" if agrees(link, kind_of) else "disagree")] += 1
        ids[(a, b)].append(link.id)
    order = {a.id: i for i, a in enumerate(amap.authors)}
    pairs = sorted(ids, key=lambda p: (order.get(p[0], len(order)), order.get(p[1], len(order))))
    return [
        AuthorEdge(
            a,
            b,
            supports=count[(a, b, "support")],
            attacks=count[(a, b, "attack")],
            agree=count[(a, b, "agree")],
            disagree=count[(a, b, "disagree")],
            links=tuple(ids[(a, b)]),
        )
        for a, b in pairs
    ]


@dataclass(frozen=True, slots=True)
class Agreement:
    """How two authors' claims relate, counting links in both directions.

    ``supports`` / ``attacks`` count link kinds, ``agree`` / ``disagree`` what the links
    mean (:func:`agrees`); the two pairs differ only around objections.
    """

    supports: int
    attacks: int
    agree: int
    disagree: int

    @property
    def net(self) -> int:
        """Agreeing minus disagreeing links."""
        return self.agree - self.disagree

    @property
    def score(self) -> float | None:
        """net / links, from −1 (they only disagree) to +1; ``None`` if no links."""
        total = self.agree + self.disagree
        return None if total == 0 else self.net / total


def agreement_matrix(amap: ArgumentMap) -> dict[tuple[str, str], Agreement]:
    """Symmetric author × author agreement for every pair of distinct authors of the map."""
    directed = {(e.source, e.target): e for e in author_edges(amap)}
    result: dict[tuple[str, str], Agreement] = {}
    for a in amap.authors:
        for b in amap.authors:
            if a.id == b.id:
                continue
            both = [e for e in (directed.get((a.id, b.id)), directed.get((b.id, a.id))) if e]
            result[(a.id, b.id)] = Agreement(
                supports=sum(e.supports for e in both),
                attacks=sum(e.attacks for e in both),
                agree=sum(e.agree for e in both),
                disagree=sum(e.disagree for e in both),
            )
    return result


# ---------------------------------------------------------------- two-author diff
@dataclass(frozen=True, slots=True)
class StancePair:
    position_id: str
    label: str
    a: Stance | None
    b: Stance | None


@dataclass(frozen=True, slots=True)
class AuthorDiff:
    """What two authors share, where they clash, and what only one of them addresses.

    ``supports`` and ``attacks`` are the links between their claims (either direction);
    ``agreeing`` and ``disagreeing`` are the same links by what they mean (see
    :func:`agrees`): what the two share and where they clash.
    Stances: ``same`` (both for, both against or both mixed), ``opposite`` (for vs against),
    ``differ`` (both take a stance, different but not opposite: one is mixed), ``only_a`` /
    ``only_b`` (one takes a stance, the other is silent or unrecorded). Positions where both
    are silent or unrecorded appear nowhere.
    """

    a: str
    b: str
    supports: tuple[Link, ...]
    attacks: tuple[Link, ...]
    agreeing: tuple[Link, ...]
    disagreeing: tuple[Link, ...]
    same: tuple[StancePair, ...]
    opposite: tuple[StancePair, ...]
    differ: tuple[StancePair, ...]
    only_a: tuple[StancePair, ...]
    only_b: tuple[StancePair, ...]


def _takes_stance(stance: Stance | None) -> bool:
    return stance is not None and stance != "silent"


def author_diff(amap: ArgumentMap, a: str, b: str) -> AuthorDiff:
    """The diff of authors ``a`` and ``b`` (ids); ``ValueError`` for an unknown or equal pair."""
    known = {x.id for x in amap.authors}
    for who in (a, b):
        if who not in known:
            raise ValueError(f"unknown author {who!r}")
    if a == b:
        raise ValueError("pick two different authors")
    author_of = {c.id: c.author for c in amap.claims}
    kind_of = {c.id: c.kind for c in amap.claims}
    between = [
        x for x in amap.links if {author_of.get(x.from_claim), author_of.get(x.to_claim)} == {a, b}
    ]
    same: list[StancePair] = []
    opposite: list[StancePair] = []
    differ: list[StancePair] = []
    only_a: list[StancePair] = []
    only_b: list[StancePair] = []
    for pos in amap.positions:
        sa, sb = pos.stances.get(a), pos.stances.get(b)
        pair = StancePair(pos.id, pos.label, sa, sb)
        if _takes_stance(sa) and _takes_stance(sb):
            if sa == sb:
                same.append(pair)
            elif sa is not None and OPPOSITE.get(sa) == sb:
                opposite.append(pair)
            else:
                differ.append(pair)
        elif _takes_stance(sa):
            only_a.append(pair)
        elif _takes_stance(sb):
            only_b.append(pair)
    return AuthorDiff(
        a=a,
        b=b,
        supports=tuple(x for x in between if x.kind == "support"),
        attacks=tuple(x for x in between if x.kind == "attack"),
        agreeing=tuple(x for x in between if agrees(x, kind_of)),
        disagreeing=tuple(x for x in between if not agrees(x, kind_of)),
        same=tuple(same),
        opposite=tuple(opposite),
        differ=tuple(differ),
        only_a=tuple(only_a),
        only_b=tuple(only_b),
    )


# ---------------------------------------------------------------- contested claims
@dataclass(frozen=True, slots=True)
class Contested:
    """A claim, the attack links on it and the distinct authors who made them."""

    claim_id: str
    attacks: tuple[str, ...]
    authors: tuple[str, ...]  # ids of attacking authors, in map order; claims without one skipped


def contested_claims(amap: ArgumentMap, limit: int | None = None) -> list[Contested]:
    """Attacked claims, most contested first: by attacking authors, then by attacks, then map order."""
    author_of = {c.id: c.author for c in amap.claims}
    order = {a.id: i for i, a in enumerate(amap.authors)}
    attacks: dict[str, list[str]] = defaultdict(list)
    by: dict[str, set[str]] = defaultdict(set)
    for link in amap.links:
        if link.kind != "attack":
            continue
        attacks[link.to_claim].append(link.id)
        who = author_of.get(link.from_claim)
        if who is not None:
            by[link.to_claim].add(who)
    rank = {c.id: i for i, c in enumerate(amap.claims)}
    found = [
        Contested(
            cid,
            tuple(ids),
            tuple(sorted(by.get(cid, ()), key=lambda a: (order.get(a, len(order)), a))),
        )
        for cid, ids in attacks.items()
    ]
    found.sort(key=lambda x: (-len(x.authors), -len(x.attacks), rank.get(x.claim_id, 0)))
    return found if limit is None else found[:limit]


# ---------------------------------------------------------------- load-bearing premises
@dataclass(frozen=True, slots=True)
class LoadBearing:
    """A claim and the support paths to theses and recommendations that run through it."""

    claim_id: str
    paths: int  # support paths (any start, ending at a thesis or recommendation) through it
    targets: tuple[str, ...]  # the theses and recommendations it reaches by support


def load_bearing(amap: ArgumentMap, limit: int | None = 10) -> list[LoadBearing]:
    """Claims whose removal cuts the most support paths to theses and recommendations.

    A support path is a chain of support links that ends at a thesis or a recommendation
    (every such ending counts, so a premise → recommendation → thesis chain is two paths).
    The paths through a claim ``v`` are (paths ending at ``v``, counting ``v`` alone) × (paths
    from ``v`` to a target): exactly the paths removing ``v`` would cut. Both factors come
    from one dynamic programme over networkx's condensation of the support graph, so the
    cost is linear; a support cycle (rare, and a mapping mistake more often than not) is
    collapsed to one node whose members share its counts. Theses and recommendations are
    the targets, not candidates; claims with no path are left out.
    """
    import networkx as nx

    kind = {c.id: c.kind for c in amap.claims}
    graph: nx.DiGraph = nx.DiGraph()
    graph.add_nodes_from(kind)
    graph.add_edges_from(
        (x.from_claim, x.to_claim)
        for x in amap.links
        if x.kind == "support" and x.from_claim in kind and x.to_claim in kind
    )
    dag: nx.DiGraph = nx.condensation(graph)
    members: dict[int, list[str]] = {n: list(d["members"]) for n, d in dag.nodes(data=True)}
    is_target = {n: sum(1 for m in members[n] if kind[m] in TARGET_KINDS) for n in dag}
    topo: list[int] = list(nx.topological_sort(dag))
    into: dict[int, int] = {}
    for n in topo:  # paths ending at n: n alone, or any path into a predecessor extended
        into[n] = 1 + sum(into[p] for p in dag.predecessors(n))
    out_of: dict[int, int] = {}
    for n in reversed(topo):  # paths from n (length >= 1) ending at a target
        out_of[n] = sum(is_target[s] + out_of[s] for s in dag.successors(n))

    rank = {c.id: i for i, c in enumerate(amap.claims)}
    scored = [
        (into[n] * out_of[n], m)
        for n in dag
        if out_of[n]
        for m in members[n]
        if kind[m] not in TARGET_KINDS
    ]
    scored.sort(key=lambda pair: (-pair[0], rank[pair[1]]))
    if limit is not None:
        scored = scored[:limit]
    result = []
    for paths, cid in scored:
        reached = nx.descendants(graph, cid)
        targets = tuple(
            sorted((t for t in reached if kind[t] in TARGET_KINDS), key=rank.__getitem__)
        )
        result.append(LoadBearing(cid, paths, targets))
    return result


# ---------------------------------------------------------------- helpers
