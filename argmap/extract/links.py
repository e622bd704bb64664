"""Links inside an article (support and attack, following how op-eds are built) and the
actions a compound thesis prescribes."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from argmap.extract.kinds import MODAL_VERB
from argmap.extract.proposals import Proposal, ProposedLink, ThesisAlternative
from argmap.extract.segment import Span
from argmap.map.model import LinkKind

_LIST_GERUND = re.compile(
    r"(?:^|\b(?:on|by|through|to|include|includes|including|involve|involves|mean|means)\s+|"
    r",\s+(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?P<word>[a-z]{2,}ing)\b"
)
_NOT_GERUNDS = frozenset(
    "during including according regarding concerning following nothing something anything "
    "everything thing things bring spring string morning evening ceiling".split()
)


def action_items(text: str) -> list[Span]:
    """Offsets (into ``text``) of the actions a modal of obligation prescribes as a list
    ("… must focus on increasing X, improving Y, and being open to Z"): two or more
    gerund clauses of three words or more, joined by commas and a final "and"/"or".
    ``[]`` when the unit prescribes one action or has no modal of obligation."""
    modal = MODAL_VERB.search(text)
    if not modal:
        return []
    tail_start = modal.end()
    tail = text[tail_start:]
    starts: list[tuple[int, int]] = []  # (separator start, item start)
    for match in _LIST_GERUND.finditer(tail):
        if match.group("word") in _NOT_GERUNDS:
            continue
        sep = match.start()
        if not starts and match.start("word") > 40:
            return []  # the list must follow the modal ("must focus on …")
        if starts and not re.match(r",|\s+(?:and|or)\b", tail[sep:]):
            continue  # a gerund inside an item ("open to holding talks")
        starts.append((sep, match.start("word")))
    if len(starts) < 2 or "," not in tail[starts[0][1] : starts[-1][0] + 1]:
        return []
    items: list[Span] = []
    for k, (_, item_start) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(tail.rstrip(' .!;:"”’)'))
        piece = tail[item_start:end].rstrip(" ,")
        if len(piece.split()) < 3:
            return []
        items.append((tail_start + item_start, tail_start + item_start + len(piece)))
    return items


def with_action_items(
    proposals: list[Proposal], ranking: list[int], alternatives: list[ThesisAlternative]
) -> tuple[list[Proposal], list[int], list[ThesisAlternative]]:
    """The thesis of an op-ed that prescribes a list of actions is a compound claim: each
    action is one of the article's recommendations, proposed on its own next to the
    thesis (quotes may nest) so that a reviewer can link and compare them one by one."""
    at = next((i for i, p in enumerate(proposals) if p.kind == "thesis"), None)
    if at is None:
        return proposals, ranking, alternatives
    thesis = proposals[at]
    spans = action_items(thesis.unit.text)
    if not spans:
        return proposals, ranking, alternatives
    base = thesis.unit.start
    modal = MODAL_VERB.search(thesis.unit.text)
    cue = modal.group(0) if modal else ""
    items = [
        Proposal(
            replace(thesis.unit, start=base + a, end=base + b, text=thesis.unit.text[a:b]),
            "recommendation",
            thesis.confidence,
            f"recommendation: one of the actions the thesis prescribes (“{cue}”)",
            thesis.thesis_score - 10.0,
            thesis.cues,
            thesis.features,
            thesis_blocked="one of the actions the thesis prescribes",
        )
        for a, b in spans
    ]
    shift = len(items)
    moved = [k + shift if k > at else k for k in ranking]
    return (
        proposals[: at + 1] + items + proposals[at + 1 :],
        moved + list(range(at + 1, at + 1 + shift)),
        [replace(x, index=x.index + shift if x.index > at else x.index) for x in alternatives],
    )


# ------------------------------------------------------------------ links
def _paragraph_head(members: list[int], proposals: list[Proposal]) -> int:
    """The claim a paragraph argues for: its thesis or recommendation if it has one, else
    its topic sentence (the first claim that is not an objection or a bare example)."""
    for kind in ("thesis", "recommendation"):
        for j in members:
            if proposals[j].kind == kind:
                return j
    for j in members:
        if proposals[j].kind == "premise":
            return j
    return members[0]


def article_links(proposals: list[Proposal]) -> list[ProposedLink]:
    """Support and attack inside an article, following how op-eds are built: each
    paragraph argues for its head (topic sentence, recommendation or thesis), heads argue
    for the thesis, objections attack what they object to and the unit answering an
    objection ("But …") attacks the objection."""
    claims = [i for i, p in enumerate(proposals) if p.kind is not None]
    thesis = next((i for i in claims if proposals[i].kind == "thesis"), None)
    by_par: dict[int, list[int]] = {}
    for i in claims:
        by_par.setdefault(proposals[i].unit.paragraph, []).append(i)
    heads = {par: _paragraph_head(members, proposals) for par, members in by_par.items()}
    recs = [j for j in claims if proposals[j].kind == "recommendation"]
    links: list[ProposedLink] = []
    prev: int | None = None
    for i in claims:
        p = proposals[i]
        before, prev = prev, i
        if p.kind == "thesis":
            continue
        prev_claim = before
        c = p.cues
        head = heads[p.unit.paragraph]
        kind: LinkKind = "support"
        target: int | None
        if (
            prev_claim is not None
            and proposals[prev_claim].kind == "objection"
            and c
            and c.rebuttal
            and p.kind != "objection"
        ):
            target, kind, why = prev_claim, "attack", f"answers the objection (“{c.rebuttal}”)"
        elif p.kind == "objection":
            # an objection attacks what its paragraph argues for, if that is stated before it
            # or is a recommendation; otherwise the article's thesis
            usable = head != i and proposals[head].kind != "objection"
            usable = usable and (head < i or proposals[head].kind in ("thesis", "recommendation"))
            target = head if usable else thesis
            kind, why = "attack", "objection to the claim of its paragraph"
        elif p.kind == "recommendation" or head == i:
            target, why = thesis, "supports the thesis"
            if p.kind in ("premise", "evidence") and head == i:
                k = bisect.bisect_right(recs, i)
                if k < len(recs) and proposals[recs[k]].unit.paragraph - p.unit.paragraph <= 1:
                    target, why = recs[k], "reason for the recommendation that follows"
        elif (
            p.unit.clause == 2
            and prev_claim is not None
            and proposals[prev_claim].unit.sentence == p.unit.sentence
            and c
            and c.reason
        ):
            target, why = prev_claim, f"reason clause (“{c.reason}”)"
        else:
            target = head
            why = "supports the claim its paragraph argues for"
        if target is None or target == i:
            continue
        confidence = round(
            min(0.9, 0.35 + 0.4 * min(p.confidence, proposals[target].confidence)), 2
        )
        links.append(ProposedLink(i, target, kind, confidence, why))
    return links
