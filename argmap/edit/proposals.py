"""Reviewing extracted proposals: accepting, rejecting and retyping them, each one undo step.

Qt-free, so that every place a proposal is reviewed (the review dock, the inspector, the
canvas's context menu, scripts and tests) changes the map the same way and records the
reviewer's change of kind the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from argmap.edit.document import Edit, MapDocument
from argmap.edit.edits import Macro, RemoveClaim, UpdateClaim, UpdateLink
from argmap.map.model import Claim, ClaimKind
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


def accept_edit(doc: MapDocument, claim_ids: Iterable[str]) -> Macro | None:
    """Mark proposals reviewed, and the proposed links within one article whose both ends
    are then accepted. A suggested link between two articles is a guess of its own (about
    two authors, from shared words): accepting its ends does not accept it; it stays a
    dashed proposal to check (see :func:`unreviewed_links`)."""
    ids = [
        c for c in dict.fromkeys(claim_ids) if c in doc.claims and doc.claims[c].origin.is_proposal
    ]
    if not ids:
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
                edits.append(
                    UpdateLink(
                        link.id, {"origin": link.origin.model_copy(update={"reviewed": True})}
                    )
                )
    n = len(ids)
    return Macro(edits, "Accept proposal" if n == 1 else f"Accept {n} proposals")


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


def reject_edit(doc: MapDocument, claim_ids: Iterable[str]) -> Macro | None:
    """Remove proposals (each with its links)."""
    ids = [
        c for c in dict.fromkeys(claim_ids) if c in doc.claims and doc.claims[c].origin.is_proposal
    ]
    if not ids:
        return None
    n = len(ids)
    return Macro(
        [RemoveClaim(c) for c in ids], "Reject proposal" if n == 1 else f"Reject {n} proposals"
    )


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
