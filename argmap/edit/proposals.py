"""Reviewing extracted proposals: accepting, rejecting and retyping them, each one undo step.

Qt-free, so that every place a proposal is reviewed (the review dock, the inspector, the
canvas's context menu, scripts and tests) changes the map the same way and records the
reviewer's change of kind the same way.

What waits for review is of two sorts: claims the extractor proposed (:func:`pending`) and
links the reviewer has to decide on their own (:func:`pending_links`: the suggestions
between articles, which accepting claims never accepts). An article's thesis may come with
ranked alternatives (:func:`thesis_alternatives`), and one of them can take the thesis's
place in one undo step (:func:`swap_thesis_edit`). What the bulk buttons take at a
threshold is decided here too (:func:`bulk_accept_ids`, :func:`bulk_reject_ids`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from argmap.edit.document import Edit, MapDocument
from argmap.edit.edits import (
    Macro,
    RemoveClaim,
    RemoveLink,
    UpdateClaim,
    UpdateLink,
    _short,  # undo labels quote claims the way every edit's label does
)
from argmap.map.model import Claim, ClaimKind, Link, LinkKind
from argmap.map.palette import KIND_LABEL

RETYPED = re.compile(r"^(\w+) \(changed from (\w+) by the reviewer(?:; proposed for (.*))?\)$")
"""A reason :func:`retyped_reason` wrote: the new kind, the proposed kind, its cue."""


def retyped_reason(reason: str, old: ClaimKind, new: ClaimKind) -> str:
    """The reason of a proposal the reviewer gave another kind: it says so, and keeps what
    the extractor proposed and why (its cue), so retyping back restores the original.

    The extractor's reason ("thesis: main-claim cue …") argued for the old kind; left on a
    claim made a premise, it contradicted the card it explained.
    """
    match = RETYPED.match(reason)
    if match:  # retyped before: what the extractor proposed is still the reference
        proposed, cue = match.group(2), match.group(3) or ""
        original = f"{proposed}: {cue}" if cue else proposed
    else:
        proposed, original = old, reason
        prefix = f"{old}: "
        cue = reason[len(prefix) :] if reason.startswith(prefix) else reason
        cue = "" if cue == old else cue
    if new == proposed:
        return original
    return f"{new} (changed from {proposed} by the reviewer" + (
        f"; proposed for {cue})" if cue else ")"
    )


def retype_changes(claim: Claim, kind: ClaimKind) -> dict[str, Any]:
    """The changes that give ``claim`` another kind: an extracted claim's reason then
    says the reviewer changed it (see :func:`retyped_reason`), wherever the kind is
    changed (the review dock's menu, the inspector)."""
    changes: dict[str, Any] = {"kind": kind}
    if claim.origin.kind == "extracted" and claim.kind != kind:
        reason = retyped_reason(claim.origin.reason, claim.kind, kind)
        changes["origin"] = claim.origin.model_copy(update={"reason": reason})
    return changes


def accept_edit(
    doc: MapDocument, claim_ids: Iterable[str], link_ids: Iterable[str] = ()
) -> Macro | None:
    """Mark proposals reviewed, and the proposed links within one article whose both ends
    are then accepted. A suggested link between two articles is a guess of its own (about
    two authors, from shared words): accepting its ends does not accept it; it stays a
    dashed proposal to check (see :func:`pending_links`) until it is accepted itself, by
    naming it in ``link_ids``."""
    ids = [
        c for c in dict.fromkeys(claim_ids) if c in doc.claims and doc.claims[c].origin.is_proposal
    ]
    chosen_links = _proposed_links(doc, link_ids)
    if not ids and not chosen_links:
        return None
    accepted = set(ids)
    edits: list[Edit] = []
    for claim_id in ids:
        origin = doc.claims[claim_id].origin
        edits.append(
            UpdateClaim(claim_id, {"origin": origin.model_copy(update={"reviewed": True})})
        )
    seen: set[str] = set()
    for claim_id in ids:
        for link in doc.links_of(claim_id):
            if link.id in seen or not link.origin.is_proposal:
                continue
            ends = (link.from_claim, link.to_claim)
            if doc.claims[ends[0]].source != doc.claims[ends[1]].source:
                continue
            if all(end in accepted or not doc.claims[end].origin.is_proposal for end in ends):
                seen.add(link.id)
                edits.append(_reviewed(link))
    edits += [_reviewed(doc.links[x]) for x in chosen_links if x not in seen]
    n = len(ids) + len([x for x in chosen_links if x not in seen])
    if not ids and n == 1:
        return Macro(edits, "Accept suggested link")
    return Macro(edits, "Accept proposal" if n == 1 else f"Accept {n} proposals")


def _reviewed(link: Link) -> UpdateLink:
    return UpdateLink(link.id, {"origin": link.origin.model_copy(update={"reviewed": True})})


def _proposed_links(doc: MapDocument, link_ids: Iterable[str]) -> list[str]:
    return [
        x for x in dict.fromkeys(link_ids) if x in doc.links and doc.links[x].origin.is_proposal
    ]


def pending_links(doc: MapDocument) -> list[str]:
    """Proposed links the reviewer decides on one by one, in map order: every suggestion
    between two articles (a guess about two authors, however its claims were reviewed),
    and any proposed link whose two claims are already accepted. Proposed links within an
    article whose claims still wait are settled with those claims, so they are not listed.
    """
    claims = doc.claims
    out = []
    for x in doc.map.links:
        if not x.origin.is_proposal:
            continue
        start, end = claims[x.from_claim], claims[x.to_claim]
        if start.source != end.source or not (start.origin.is_proposal or end.origin.is_proposal):
            out.append(x.id)
    return out


def pending_count(doc: MapDocument) -> int:
    """Everything still waiting for the reviewer: proposed claims and :func:`pending_links`
    (the status bar's "12 proposals to review")."""
    return len(pending(doc)) + len(pending_links(doc))


def unreviewed_links(doc: MapDocument) -> list[str]:
    """Proposed links whose two claims are accepted: left for the user to check (the
    suggestions across articles)."""
    claims = doc.claims
    return [
        x.id
        for x in doc.map.links
        if x.origin.is_proposal
        and not claims[x.from_claim].origin.is_proposal
        and not claims[x.to_claim].origin.is_proposal
    ]


def reject_edit(
    doc: MapDocument, claim_ids: Iterable[str], link_ids: Iterable[str] = ()
) -> Macro | None:
    """Remove proposals (each claim with its links) and the proposed links named."""
    ids = [
        c for c in dict.fromkeys(claim_ids) if c in doc.claims and doc.claims[c].origin.is_proposal
    ]
    going = set(ids)
    links = [
        x
        for x in _proposed_links(doc, link_ids)
        if doc.links[x].from_claim not in going and doc.links[x].to_claim not in going
    ]
    if not ids and not links:
        return None
    n = len(ids) + len(links)
    edits: list[Edit] = [RemoveLink(x) for x in links]
    edits += [RemoveClaim(c) for c in ids]
    if not ids and n == 1:
        return Macro(edits, "Reject suggested link")
    return Macro(edits, "Reject proposal" if n == 1 else f"Reject {n} proposals")


def flip_links_edit(doc: MapDocument, link_ids: Iterable[str]) -> Macro | None:
    """Turn support into attack and attack into support (the sign of a suggestion between
    articles is a guess from the two claims' stances); still proposals until accepted. A
    link whose flipped twin already exists is left as it is (no duplicate link)."""
    keys = {(x.from_claim, x.to_claim, x.kind) for x in doc.map.links}
    edits: list[Edit] = []
    kinds: set[LinkKind] = set()
    for link_id in dict.fromkeys(link_ids):
        link = doc.links.get(link_id)
        if link is None:
            continue
        other: LinkKind = "attack" if link.kind == "support" else "support"
        if (link.from_claim, link.to_claim, other) in keys:
            continue
        edits.append(UpdateLink(link_id, {"kind": other}))
        kinds.add(other)
    if not edits:
        return None
    if len(edits) == 1:
        return Macro(edits, f"Make {kinds.pop()} link")
    return Macro(edits, f"Flip {len(edits)} links")


def retype_edit(doc: MapDocument, claim_ids: Iterable[str], kind: ClaimKind) -> Macro | None:
    """Change the kind of proposals (they stay proposals until accepted); an extracted
    claim's reason then says the reviewer changed it (see :func:`retyped_reason`)."""
    ids = [c for c in dict.fromkeys(claim_ids) if c in doc.claims and doc.claims[c].kind != kind]
    if not ids:
        return None
    edits: list[Edit] = [UpdateClaim(c, retype_changes(doc.claims[c], kind)) for c in ids]
    return Macro(edits, f"Make {KIND_LABEL[kind].lower()}")


def pending(doc: MapDocument) -> list[str]:
    """Ids of the claims still waiting for review, in map order."""
    return [c.id for c in doc.map.claims if c.origin.is_proposal]


_TOLERANCE = 1e-9
"""A threshold read from a spin box (0.45 as 0.44999…) still takes a confidence of 0.45."""


def bulk_accept_ids(doc: MapDocument, at: float) -> list[str]:
    """The pending claims a bulk accept at ``at`` takes: confidence at least ``at``, the
    alternative theses left out (an article has one thesis: accepted with it, its
    runners-up would make three). Here, not in the review dock, so a script or the command
    line accepting in bulk follows the same rule and what the dock's button counts is what
    it does."""
    alternatives = alternatives_by_claim(doc)
    return [
        c.id
        for c in doc.map.claims
        if c.origin.is_proposal
        and (c.origin.confidence or 0.0) >= at - _TOLERANCE
        and c.id not in alternatives
    ]


def bulk_reject_ids(doc: MapDocument, below: float) -> list[str]:
    """The pending claims a bulk reject below ``below`` takes, the theses left out: a
    thesis's confidence is its share among the article's candidates (0.06 to 0.23 for the
    seeds' right ones), so a claim threshold removed every article's thesis; the reviewer
    chooses one per article by hand."""
    return [
        c.id
        for c in doc.map.claims
        if c.origin.is_proposal
        and (c.origin.confidence or 0.0) < below - _TOLERANCE
        and c.kind != "thesis"
    ]


# ------------------------------------------------------------------ thesis alternatives
ALTERNATIVE = re.compile(r"^(alternative thesis|thesis alternative) (\d+)\s*:?\s*", re.IGNORECASE)
"""The start of an alternative's reason ("alternative thesis 2: title echo …"): the
extractor's ranked runners-up for an article's thesis."""

CHOSEN = " (chosen by the reviewer)"
"""Ends the reason of an alternative the reviewer made the thesis."""


def alternative_number(reason: str) -> int | None:
    """The rank an alternative's reason gives it (2 for the runner-up), else None."""
    match = ALTERNATIVE.match(reason)
    return int(match.group(2)) if match else None


def _candidate_key(pair: tuple[int, Claim]) -> tuple[float, bool, int, int]:
    """Best thesis first: by confidence, then a reason that is not an alternative's, then
    the alternative's rank, then map order."""
    i, claim = pair
    number = alternative_number(claim.origin.reason)
    return (-(claim.origin.confidence or 0.0), number is not None, number or 0, i)


def _is_candidate(claim: Claim) -> bool:
    return claim.kind == "thesis" and claim.origin.kind == "extracted" and claim.source is not None


def _thesis_candidates(doc: MapDocument, source_id: str | None) -> list[Claim]:
    """The extractor's thesis claims of one article, reviewed or not, best first (see
    :func:`_candidate_key`). The first is the article's thesis proposal."""
    if source_id is None:
        return []
    found = [
        (i, c) for i, c in enumerate(doc.map.claims) if c.source == source_id and _is_candidate(c)
    ]
    return [c for _, c in sorted(found, key=_candidate_key)]


def alternatives_by_claim(doc: MapDocument) -> dict[str, tuple[int, str]]:
    """:func:`alternative_of` for every alternative of the map in one pass (the review
    lists hundreds of proposals; asking claim by claim would be quadratic)."""
    by_source: dict[str, list[tuple[int, Claim]]] = {}
    for i, claim in enumerate(doc.map.claims):
        if _is_candidate(claim):
            by_source.setdefault(claim.source or "", []).append((i, claim))
    out: dict[str, tuple[int, str]] = {}
    for found in by_source.values():
        ranked = [c for _, c in sorted(found, key=_candidate_key)]
        for rank, claim in enumerate(ranked[1:], start=2):
            if claim.origin.is_proposal:
                out[claim.id] = (rank, ranked[0].id)
    return out


def thesis_alternatives(doc: MapDocument, source_id: str | None) -> list[str]:
    """The ranked alternatives to an article's thesis: its thesis proposals other than the
    highest-confidence extracted thesis, best first. The top counts even once accepted, so
    accepting the thesis leaves its alternatives alternatives (pending, to be rejected)."""
    candidates = _thesis_candidates(doc, source_id)
    return [c.id for c in candidates[1:] if c.origin.is_proposal]


def alternative_of(doc: MapDocument, claim_id: str) -> tuple[int, str] | None:
    """For an alternative thesis, its rank among the article's candidates (2 for the
    runner-up) and the id of the thesis it is an alternative to; None for anything else.
    What the review dock and the inspector show."""
    claim = doc.claims.get(claim_id)
    if claim is None or claim.kind != "thesis" or not claim.origin.is_proposal:
        return None
    candidates = _thesis_candidates(doc, claim.source)
    ids = [c.id for c in candidates]
    if claim_id not in ids[1:]:
        return None
    return ids.index(claim_id) + 1, ids[0]


def _cue(reason: str) -> str:
    """What an extractor's thesis reason says beyond "it is (an alternative) thesis"."""
    match = ALTERNATIVE.match(reason)
    cue = reason[match.end() :] if match else reason.removeprefix("thesis: ")
    return cue.removesuffix(CHOSEN)


def _same_words(a: Claim, b: Claim) -> bool:
    """Whether two claims quote the same words (the import keeps a sentence's own proposal,
    say a premise, beside the alternative thesis made of it)."""
    return (
        a.quote is not None
        and b.quote is not None
        and (a.quote.start, a.quote.end) == (b.quote.start, b.quote.end)
    )


def swap_thesis_edit(doc: MapDocument, alternative_id: str) -> Macro | None:
    """Make an alternative its article's thesis proposal, as ONE undo step.

    The alternative takes the former thesis's confidence, review state and place on the
    canvas, and its reason says the reviewer chose it; the former thesis becomes the
    alternative (pending, with the alternative's confidence, rank and reason prefix), so
    the reviewer can swap back or reject it. Proposed links within the article that
    pointed to the former thesis now point to the new one: the article's premises argue
    for its thesis, whichever sentence that is. A link that would then join the new thesis
    to itself or to a claim quoting its very words (the sentence's own premise proposal),
    or join two claims already linked, is left where it was.
    """
    found = alternative_of(doc, alternative_id)
    if found is None:
        return None
    rank, top_id = found
    alt, top = doc.claims[alternative_id], doc.claims[top_id]
    match = ALTERNATIVE.match(alt.origin.reason)
    prefix = match.group(1) if match else "alternative thesis"
    alt_cue = _cue(alt.origin.reason)
    new_top = alt.origin.model_copy(
        update={
            "confidence": top.origin.confidence,
            "reviewed": top.origin.reviewed,
            "reason": f"thesis: {alt_cue}{CHOSEN}" if alt_cue else f"thesis{CHOSEN}",
        }
    )
    top_cue = _cue(top.origin.reason)
    demoted = top.origin.model_copy(
        update={
            "confidence": alt.origin.confidence,
            "reviewed": False,
            "reason": f"{prefix} {rank}: {top_cue}" if top_cue else f"{prefix} {rank}",
        }
    )
    alt_changes: dict[str, Any] = {"origin": new_top}
    top_changes: dict[str, Any] = {"origin": demoted}
    if alt.pos is not None and top.pos is not None:  # the thesis keeps the thesis's place
        alt_changes["pos"], top_changes["pos"] = top.pos, alt.pos
    edits: list[Edit] = [UpdateClaim(top_id, top_changes), UpdateClaim(alternative_id, alt_changes)]
    joined = {frozenset((x.from_claim, x.to_claim)) for x in doc.map.links}
    for link in doc.links_of(top_id):
        start = doc.claims[link.from_claim]
        if (
            link.to_claim != top_id
            or link.origin.kind != "extracted"
            or start.source != top.source
            or start.id == alternative_id
            or _same_words(start, alt)
            or frozenset((start.id, alternative_id)) in joined
        ):
            continue
        joined.add(frozenset((start.id, alternative_id)))
        edits.append(UpdateLink(link.id, {"to_claim": alternative_id}))
    return Macro(edits, f"Use “{_short(alt.text)}” as the thesis")
