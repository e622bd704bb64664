"""Comparing authors: the positions matrix, agreement between authors, two-author diffs,
the most contested claims and the load-bearing premises.

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

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from argmap.map.model import ArgumentMap, Author, Link, Position, Stance

OPPOSITE: Final[dict[Stance, Stance]] = {"for": "against", "against": "for"}
STANCE_FILL: Final[dict[Stance, str]] = {
    "for": "#c9e7c4",  # green, as recommendations and support
    "against": "#f4cccc",  # red, as objections and attack
    "mixed": "#fde6b3",  # amber: both
    "silent": "#e6e6e6",  # grey: says nothing
}
"""Light cell colours of stances (black text stays readable); unrecorded cells stay blank."""
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


# ---------------------------------------------------------------- positions matrix
@dataclass(frozen=True, slots=True)
class Evidence:
    """What the map shows of one author on one position.

    ``own``: the author's claims among the position's grounds; ``own_for`` /
    ``own_against``: those of them with a recorded side (:attr:`Position.sides`). ``backs_for`` /
    ``backs_against``: ids of the author's links that side with the *for* or the *against*
    side: a support of a ground whose author is for (or an attack on one whose author is
    against) backs *for*, and the reverse backs *against*. ``unplaced``: links to grounds
    of another author whose side is unknown (that author is mixed, silent or unrecorded).
    Links among the author's own claims are not evidence of a side: the own grounds already
    say the author addresses the position.
    """

    own: tuple[str, ...] = ()
    own_for: tuple[str, ...] = ()
    own_against: tuple[str, ...] = ()
    backs_for: tuple[str, ...] = ()
    backs_against: tuple[str, ...] = ()
    unplaced: tuple[str, ...] = ()

    @property
    def addresses(self) -> bool:
        """The author's claims touch this position at all (so "silent" is not quite right)."""
        return bool(self.own or self.backs_for or self.backs_against or self.unplaced)


@dataclass(frozen=True, slots=True)
class Cell:
    """One author's stance on one position, with what the map suggests."""

    position_id: str
    author_id: str
    stated: Stance | None
    suggested: Stance | None  # None: no link of this author says which side they are on
    evidence: Evidence
    claims: tuple[str, ...]  # the author's claims behind the evidence (own grounds, link sources)

    @property
    def disagrees(self) -> bool:
        """True when the map points elsewhere than the stated stance.

        Either the author's links side with one side (or both: mixed) and the stated stance
        is different, or the author is recorded silent (or unrecorded) while their claims
        ground or argue about the position. Where the map says nothing the cell is never
        flagged: the article may hold what the map does not.
        """
        stated = self.stated or "silent"
        if self.suggested is not None:
            return stated != self.suggested
        return stated == "silent" and self.evidence.addresses

    @property
    def reason(self) -> str:
        """A sentence for the tooltip: what the map shows and whether it fits."""
        ev = self.evidence
        parts = []
        if ev.own:
            sided = []
            if ev.own_for:
                sided.append(f"{len(ev.own_for)} for")
            if ev.own_against:
                sided.append(f"{len(ev.own_against)} against")
            unsided = len(ev.own) - len(ev.own_for) - len(ev.own_against)
            if unsided and sided:
                sided.append(f"{unsided} without a recorded side")
            extra = f" ({', '.join(sided)})" if sided else " (sides not recorded)"
            parts.append(_n(len(ev.own), "own claim") + " among the grounds" + extra)
        if ev.backs_for:
            parts.append(_n(len(ev.backs_for), "link") + " backing the for side")
        if ev.backs_against:
            parts.append(_n(len(ev.backs_against), "link") + " backing the against side")
        if ev.unplaced:
            parts.append(_n(len(ev.unplaced), "link") + " to grounds of no clear side")
        stated = self.stated or "unrecorded"
        if not parts:
            return f"stated {stated}; none of this author's claims touch the grounds"
        shown = ", ".join(parts)
        if not self.disagrees:
            return f"stated {stated}, consistent with the map: {shown}"
        if self.suggested is None:
            return f"stated {stated}, but the author's claims address it: {shown}"
        return f"stated {stated}, but the map suggests {self.suggested}: {shown}"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def suggest_stance(evidence: Evidence) -> Stance | None:
    """for / against / mixed from the sides the author's links and sided grounds take;
    ``None`` without any."""
    backs_for = evidence.backs_for or evidence.own_for
    backs_against = evidence.backs_against or evidence.own_against
    if backs_for and backs_against:
        return "mixed"
    if backs_for:
        return "for"
    if backs_against:
        return "against"
    return None


@dataclass(frozen=True, slots=True)
class PositionsMatrix:
    """Authors as columns, positions as rows; ``cell(position, author)``."""

    authors: tuple[Author, ...]
    positions: tuple[Position, ...]
    cells: dict[tuple[str, str], Cell] = field(repr=False)

    def cell(self, position_id: str, author_id: str) -> Cell:
        return self.cells[(position_id, author_id)]

    def disagreements(self) -> list[Cell]:
        return [
            self.cells[(p.id, a.id)]
            for p in self.positions
            for a in self.authors
            if self.cells[(p.id, a.id)].disagrees
        ]


def ground_side(
    position: Position, ground_author: str | None, ground: str | None = None
) -> Stance | None:
    """Which side a ground argues: the side the analyst recorded for it, else its author's
    stated stance if that is for or against (a mixed author's ground has no side of its
    own until one is recorded)."""
    if ground is not None and ground in position.sides:
        return position.sides[ground]
    if ground_author is None:
        return None
    stance = position.stances.get(ground_author)
    return stance if stance in OPPOSITE else None


def positions_matrix(amap: ArgumentMap) -> PositionsMatrix:
    """Every (position, author) cell with its stated and suggested stance.

    A ground's side is the one recorded for it (:attr:`Position.sides`), else its author's
    stated stance. A recorded side of an author's own ground is evidence of that author's
    stance; an unrecorded one is not (it was read from that very stance). An author's link to
    a ground then says which side they take: supporting a *for* author's ground, or
    attacking an *against* author's ground, backs *for*; the reverse backs *against*. The
    suggestion therefore checks each stated stance against the others and the links: it
    never uses the author's own stated stance, so it can disagree with it. Objections flip
    sides (an objection without a recorded side argues against its author's stance; a link
    from an author's objection backs the reverse of what it says). Only direct links count.
    Linear in claims + links + positions × authors.
    """
    author_of = {c.id: c.author for c in amap.claims}
    kind_of = {c.id: c.kind for c in amap.claims}
    links_into: dict[str, list[Link]] = defaultdict(list)
    for link in amap.links:
        links_into[link.to_claim].append(link)

    cells: dict[tuple[str, str], Cell] = {}
    for pos in amap.positions:
        own: dict[str, list[str]] = defaultdict(list)
        backs: dict[tuple[str, Stance | None], list[str]] = defaultdict(list)
        sided: dict[tuple[str, Stance], list[str]] = defaultdict(list)
        behind: dict[str, list[str]] = defaultdict(list)
        for g in dict.fromkeys(pos.grounds):
            g_author = author_of.get(g)
            recorded = pos.sides.get(g)
            if g_author is not None:
                own[g_author].append(g)
                behind[g_author].append(g)
                if recorded is not None:
                    # a recorded side is what the claim argues: evidence of its author's
                    # stance as a link is, reversed for an objection (a view the author
                    # reports in order to reject it)
                    mine = OPPOSITE[recorded] if kind_of.get(g) == "objection" else recorded
                    sided[(g_author, mine)].append(g)
            side = ground_side(pos, g_author, g)
            if side is not None and recorded is None and kind_of.get(g) == "objection":
                side = OPPOSITE[side]  # a view its author reports to reject: the other side
            for link in links_into.get(g, ()):
                a = author_of.get(link.from_claim)
                if a is None:
                    continue
                behind[a].append(link.from_claim)
                if a == g_author:  # the author's own argument: addressed already, no side
                    continue
                backing = link.kind == "support"
                if kind_of.get(link.from_claim) == "objection":
                    backing = not backing  # the author's rejected view: the reverse of theirs
                backed = None if side is None else side if backing else OPPOSITE[side]
                backs[(a, backed)].append(link.id)
        for author in amap.authors:
            ev = Evidence(
                own=tuple(own.get(author.id, ())),
                own_for=tuple(sided.get((author.id, "for"), ())),
                own_against=tuple(sided.get((author.id, "against"), ())),
                backs_for=tuple(backs.get((author.id, "for"), ())),
                backs_against=tuple(backs.get((author.id, "against"), ())),
                unplaced=tuple(backs.get((author.id, None), ())),
            )
            cells[(pos.id, author.id)] = Cell(
                position_id=pos.id,
                author_id=author.id,
                stated=pos.stances.get(author.id),
                suggested=suggest_stance(ev),
                evidence=ev,
                claims=tuple(dict.fromkeys(behind.get(author.id, ()))),
            )
    return PositionsMatrix(tuple(amap.authors), tuple(amap.positions), cells)


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


def find_author(amap: ArgumentMap, key: str) -> Author | None:
    """An author by id, else by name (case-insensitive, whole name or one word of it).

    A word that matches several authors matches none: a guess would compare the wrong people.
    """
    for author in amap.authors:
        if author.id == key:
            return author
    folded = key.casefold().strip()
    exact = [x for x in amap.authors if x.name.casefold() == folded or x.id.casefold() == folded]
    if len(exact) == 1:
        return exact[0]
    words = [x for x in amap.authors if folded in x.name.casefold().split()]
    return words[0] if len(words) == 1 else None


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


_STAND_IN = re.compile(r"\s*\((?:author )?not named\)$")
_CALENDAR = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


def short_names(authors: Sequence[Author]) -> dict[str, str]:
    """A short column heading per author.

    The word of the name that is the author's id, as the name spells it ("GZERO" for id
    ``gzero`` of "GZERO Media"); else the last word of the name if it is a plain word and no
    other author's; else the id, which is unique.
    """

    def candidate(author: Author) -> str:
        words = author.name.split()
        for word in words:
            if word.casefold() == author.id.casefold():
                return word
        stand_in = _STAND_IN.search(author.name)
        if stand_in and not author.id.startswith("by-") and len(author.id) <= 12:
            return author.id  # a curator's short id ("kabul") says more than "op-ed"
        if stand_in:
            # an import's stand-in, "“In January, Kabul endured…” (author not named)": the
            # outlet or title when short, else the first name-like word after the opening
            # one ("Kabul"), else the opening's first words, never the long made-up id
            opening = author.name[: stand_in.start()].strip("“”\"' …").split()
            if len(opening) <= 2:
                return " ".join(opening) or author.id
            for word in opening[1:]:
                bare = word.strip(",.;:!?’'()").removesuffix("’s").removesuffix("'s")
                if bare[:1].isupper() and bare.isalpha() and bare not in _CALENDAR:
                    return bare
            return " ".join(opening[:2]).rstrip(",;:")
        if words and words[-1].replace("-", "").replace("'", "").isalpha():
            return words[-1]
        return author.id

    picked = [candidate(a) for a in authors]
    counts = Counter(picked)
    return {a.id: (s if counts[s] == 1 else a.id) for a, s in zip(authors, picked, strict=True)}
