"""Which student claim is which key claim, and which student link is which key link.

**Claims** are matched by their quotes, never by their labels (students word a claim
their own way; the passage they anchor it to is what they found). A student claim and a
key claim match when both quote the *same article* and their quotes overlap by at least
:data:`SHORTER_SHARE` of the shorter quote and :data:`LONGER_SHARE` of the longer one.
So a student who quotes a little more (the key's sentence and half the next) or a little
less (the key sentence's main clause) still finds the claim, while a quote of a whole
paragraph does not count for each claim in it. A key claim without a quote can never be
matched (``argmap grade`` warns about such a key). Matching is one to one, largest overlap
first, so two student claims on one key claim give one match and one extra claim.

The article is recognised by its text, not its id: a student who imported the article
again (other ids, perhaps other offsets) is matched by finding each quote's words in the
key's article (whitespace, quote marks and dashes relaxed, :func:`argmap.edit.quotes.find`).
A quote found nowhere in the key's articles cannot match; when no quote and no source of
a student's map belongs to the key's articles, the map is of a *different article*.

**Links** match when both ends are matched claims, in the same direction, with the same
kind. A link between the right claims with the other kind, or the right kind the other
way round, is reported as such (it is not counted as matched).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from argmap.edit.quotes import find
from argmap.map.model import ArgumentMap, Claim, Source

SHORTER_SHARE = 0.5
"""Share of the shorter quote the overlap must cover."""
LONGER_SHARE = 0.3
"""Share of the longer quote the overlap must cover (a third, less a little rounding)."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a claim's quote lies in one of the key's articles (key source id, offsets)."""

    source: str
    start: int
    end: int


def close_enough(a: Anchor, b: Anchor) -> int:
    """The overlap of two anchors when they match under the tolerance, else 0."""
    if a.source != b.source:
        return 0
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0
    shorter, longer = sorted((a.end - a.start, b.end - b.start))
    if inter >= SHORTER_SHARE * shorter and inter >= LONGER_SHARE * longer:
        return inter
    return 0


@dataclass
class Locator:
    """Finds the key-article anchor of each of one student's claims."""

    key_sources: Sequence[Source]
    student_sources: Sequence[Source]
    same: dict[str, str] = field(default_factory=dict)
    """Student source id -> key source id, for sources with the key's text."""

    def __post_init__(self) -> None:
        by_text = {s.text: s.id for s in self.key_sources if s.text}
        key_ids = {s.id: s for s in self.key_sources}
        for source in self.student_sources:
            if source.text and source.text in by_text:
                self.same[source.id] = by_text[source.text]
            elif source.id in key_ids and not source.text and not key_ids[source.id].text:
                self.same[source.id] = source.id

    @property
    def shares_an_article(self) -> bool:
        """Whether one of the student's sources is one of the key's articles."""
        return bool(self.same)

    def anchor(self, claim: Claim) -> Anchor | None:
        """Where ``claim``'s quote lies in the key's articles; ``None`` without a quote or
        when its words are in none of them."""
        quote = claim.quote
        if quote is None:
            return None
        if claim.source in self.same:
            return Anchor(self.same[claim.source], quote.start, quote.end)
        # Another copy of the article (re-imported, edited): find the words. The student's
        # own source first, then the others; the occurrence nearest the stored offset.
        ordered = sorted(self.key_sources, key=lambda s: s.id != claim.source)
        for source in ordered:
            spans = find(source.text, quote.text).spans
            if spans:
                best = min(spans, key=lambda s: abs(s.start - quote.start))
                return Anchor(source.id, best.start, best.end)
        return None


@dataclass(frozen=True, slots=True)
class LinkFinding:
    """One student link set against the key: its key link when it matches or nearly does."""

    student: str
    key: str | None
    verdict: str
    """``"match"``, ``"wrong kind"``, ``"reversed"`` or ``"extra"``."""


@dataclass(frozen=True)
class Matching:
    """The claims and links of a student map paired with the key's."""

    claims: dict[str, str]
    """Student claim id -> key claim id."""
    anchors: dict[str, Anchor]
    """Student claim id -> its place in the key's articles (claims that have one)."""
    links: list[LinkFinding]
    different_article: bool


def match(key: ArgumentMap, student: ArgumentMap) -> Matching:
    """Pair ``student``'s claims and links with ``key``'s (module docstring: the rules)."""
    locator = Locator(key.sources, student.sources)
    anchors = {c.id: a for c in student.claims if (a := locator.anchor(c)) is not None}
    key_anchors = {
        c.id: Anchor(c.source, c.quote.start, c.quote.end)
        for c in key.claims
        if c.quote is not None and c.source is not None
    }
    by_source: dict[str, list[tuple[str, Anchor]]] = {}
    for kid, anchor in key_anchors.items():
        by_source.setdefault(anchor.source, []).append((kid, anchor))
    pairs: list[tuple[int, int, str, str]] = []
    order = {c.id: i for i, c in enumerate(student.claims)}
    for sid, anchor in anchors.items():
        for kid, key_anchor in by_source.get(anchor.source, ()):
            overlap = close_enough(anchor, key_anchor)
            if overlap:
                pairs.append((overlap, -order[sid], sid, kid))
    claims: dict[str, str] = {}
    taken: set[str] = set()
    for _, _, sid, kid in sorted(pairs, reverse=True):
        if sid not in claims and kid not in taken:
            claims[sid] = kid
            taken.add(kid)
    different = bool(key.sources) and not locator.shares_an_article and not anchors
    return Matching(claims, anchors, _links(key, student, claims), different)


def _links(key: ArgumentMap, student: ArgumentMap, claims: dict[str, str]) -> list[LinkFinding]:
    by_ends = {(k.from_claim, k.to_claim): k for k in key.links}
    found: list[LinkFinding] = []
    used: set[str] = set()
    for link in student.links:
        a, b = claims.get(link.from_claim), claims.get(link.to_claim)
        if a is None or b is None:
            found.append(LinkFinding(link.id, None, "extra"))
            continue
        same = by_ends.get((a, b))
        if same is not None and same.id not in used:
            used.add(same.id)
            verdict = "match" if same.kind == link.kind else "wrong kind"
            found.append(LinkFinding(link.id, same.id, verdict))
            continue
        back = by_ends.get((b, a))
        if back is not None and back.id not in used and back.kind == link.kind:
            used.add(back.id)
            found.append(LinkFinding(link.id, back.id, "reversed"))
            continue
        found.append(LinkFinding(link.id, None, "extra"))
    return found
