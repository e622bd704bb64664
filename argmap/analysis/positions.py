"""The positions matrix: each author's stated stance on each question beside the stance the
map suggests from their links to its grounds, with the evidence and a flag where the two
differ (see :mod:`argmap.analysis.compare` for the conventions).
"""

from __future__ import annotations

from collections import defaultdict
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
