"""Reviewing extracted proposals: what changes when a reviewer gives a proposal another kind.

Qt-free so that every place a kind is changed (the inspector, the review dock's menu, the
canvas's context menu, scripts) records the reviewer's change the same way.
"""

from __future__ import annotations

import re
from typing import Any

from argmap.map.model import Claim, ClaimKind

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
