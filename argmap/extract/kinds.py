"""The kind scorer: each unit's score for thesis / recommendation / premise / evidence /
objection / none from its cues and its place, and the cue that decided (for the reason).

A transparent scorer, not a trained model: the weights are hand-set and logged in
``TUNING.md``; the op-ed cue tables beyond :mod:`argmap.extract.cues` (narrative,
testimony, reported obligation, the subject of a modal) live here."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from argmap.extract.cues import Cues
from argmap.extract.proposals import Label

# ------------------------------------------------------------------ unit scores
_NARRATIVE = re.compile(
    r"\b(?:\w+ed|was|were|had|did|took|went|said|made|began|came|drove|killed|stormed|"
    r"cut|hit|launched|seized|declared|announced)\b",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\b(?:on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in (?:\d{4}|january|"
    r"february|march|april|may|june|july|august|september|october|november|december)|"
    r"(?:a|one|two|three) (?:week|month|year)s? (?:later|ago)|last (?:week|month|year)|"
    r"yesterday|subsequently|recently|since then|on (?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december) \d+)\b",
    re.IGNORECASE,
)
_TESTIMONY = re.compile(
    r"(?:[“\"][^”\"]*\s[^”\"]*\s[^”\"]*[”\"][^.!?]{0,40}\b(?:says|said|adds|added|told|warned|"
    r"argues|notes|noted|writes|wrote)\b)|(?:\b(?:says|said|according to|told|warned|adds|called|"
    r"claimed|claims|admits|admitted|assesses|believes|responding)\b[^“\".!?]{0,60}[“\"]\w+\s\w+)",
    re.IGNORECASE,
)
"""Testimony: a quotation with its speaker ("…,” says an expert): evidence from authority."""
_FACTUAL = re.compile(
    r"\b(?:has|have) been (?:\w+ly )?\w+(?:ing|ed|en)\b|\b(?:is|are) (?:becoming|increasing|"
    r"decreasing|rising|falling|growing|declining)\b|\b(?:has|have) (?:\w+ly )?(?:increased|"
    r"decreased|risen|fallen|grown|declined|doubled|tripled)\b",
    re.IGNORECASE,
)
"""Reports of a development ("violence has been steadily increasing"): evidence in op-eds."""
REPORTED_DEONTIC = re.compile(
    r"\b(?:say|says|said|saying|argued|claims?|claimed|told|stated|warned)\b[^.]{0,80}?"
    r"\b(?:should|must|ought)\b",
    re.IGNORECASE,
)
"""An obligation someone else states ("officials say Kabul must …"): testimony, never
the author's recommendation or thesis (read by :mod:`argmap.extract.thesis` too)."""


MODAL_VERB = re.compile(
    r"\b(?:should(?:n[’']t| not)?|ought(?:n[’']t)? (?:not )?to|must(?:n[’']t| not)?|"
    r"needs? to|need not|has to|have to)\b",
    re.IGNORECASE,
)
"""A modal verb of obligation: the subject test of :func:`deontic_subject` and the list
of actions a thesis prescribes (:func:`argmap.extract.links.action_items`) start at it."""
_PASSIVE_AFTER = re.compile(r"^\s*(?:(?:\w+\s+){0,2}?be\s+\w+(?:ed|en)|be to \w+)\b", re.IGNORECASE)
"""After the modal, a passive policy verb ("should be banned") or an action to take ("the
priority must be to protect …"): either way somebody is told what to do."""
_AGENT_WORDS = frozenset(
    "we you they i us one government governments administration administrations "
    "policymakers policy-makers leaders leadership officials congress parliament president "
    "council authorities country countries nations nation states state people citizens "
    "parents students everyone society companies employers schools universities cities "
    "voters lawmakers legislators ministers minister diplomats military army regime west "
    "allies partners donors community world there".split()
)
_POLICY_WORDS = frozenset(
    "aid support assistance funding sanctions engagement talks negotiations diplomacy "
    "recognition cooperation pressure concessions incentives conditions troops".split()
)
"""Policy instruments: a modal of obligation on one ("such support shouldn't come free",
"aid must be conditional on …") tells whoever wields it what to do: a recommendation."""
_FUNCTION_CAPS = frozenset(
    "the a an such this that these those any every each some no our their its his her my "
    "your in for with by on at as to if when while but and so yet both either neither "
    "instead rather still however".split()
)


def deontic_subject(text: str) -> str:
    """``"agent"`` when a modal of obligation has an actor as subject (Washington, the US,
    the administration, "we", a named party) or a passive policy verb ("should be banned");
    ``"state"`` when its subject is a state of the world ("an outcome must involve …",
    "the response needs to be …"): that is a premise about what is necessary, not a
    recommendation; ``""`` when the unit has no modal verb of obligation."""
    match = MODAL_VERB.search(text)
    if not match:
        return ""
    if _PASSIVE_AFTER.match(text[match.end() :]):
        return "agent"
    head = _subject_segment(text[: match.start()])
    words = re.findall(r"[\w.’'-]+", head)
    for k, word in enumerate(words):
        low = word.lower().strip(".’'")
        if _is_agent_word(low):
            return "agent"
        if (
            word[:1].isupper()
            and low not in _FUNCTION_CAPS
            and (k > 0 or "." in word or len(words) <= 2)
        ):
            return "agent"
    return "state"


_ASIDE = re.compile(
    r"^\s*(?:for|in|of|at|on|by|with|after|before|as|like|unlike|too|however|therefore|"
    r"though|then|perhaps|instead|above all|at least|in turn|of course|\w+ly)\b",
    re.IGNORECASE,
)
"""The opening of an aside set off by commas ("Councils, for their part, should …",
"The state, in turn, must …"): it is not the subject of the modal that follows it."""


def _subject_segment(before_modal: str) -> str:
    """The stretch before a modal verb that holds its subject: the last comma-separated
    segment, or the one before it when the last is an aside (see :data:`_ASIDE`)."""
    segments = re.split(r"[,;:—–(]", before_modal)
    for segment in reversed(segments):
        if segment.strip() and not _ASIDE.match(segment):
            return segment
    return segments[-1]


def _is_agent_word(low: str) -> bool:
    """An actor or a policy instrument, in the singular or the plural ("councils")."""
    for form in (low, low[:-1] if low.endswith("s") else low):
        if form in _AGENT_WORDS or form in _POLICY_WORDS:
            return True
    return False


PAST = re.compile(r"\b(?:was|were|had|did|\w+ed)\b", re.IGNORECASE)
"""A past-tense verb: in an op-ed a past-tense unit without a cue is mostly background."""


@dataclass(frozen=True, slots=True)
class UnitContext:
    """Where a unit stands: what the next unit does, and the shape of the article."""

    next_rebuts: bool = False
    second_clause: bool = False
    long_text: bool = False
    lede: bool = False
    in_sentence: bool = False
    """The unit is a clause of a longer sentence (short clauses are still claims)."""
    quoted: bool = False
    """The unit reports someone's words (see :func:`speaker_of`): testimony."""


def kind_scores(c: Cues, text: str, ctx: UnitContext) -> dict[str, tuple[float, str]]:
    """Score of each kind with the cue that contributed most (for the reason)."""
    words = len(text.split())
    scores: dict[str, tuple[float, str]] = {}
    # an obligation in someone else's words is their testimony, not the author's advice
    reported = bool(REPORTED_DEONTIC.search(text)) or ctx.quoted
    testimony = bool(_TESTIMONY.search(text)) or ctx.quoted
    narrative = bool(_NARRATIVE.search(text)) and bool(_TIME.search(text))
    concession = c.concession
    if ctx.second_clause and concession.lower() in ("while", "whereas"):
        concession = ""  # ", while …" in mid-sentence is a contrast, not a concession

    rec = 0.0
    rec_why = ""
    if c.deontic and not reported:
        rec, rec_why = 2.2, f"deontic cue “{c.deontic}”"
    elif c.imperative and not reported and not ctx.quoted:
        rec, rec_why = 2.2, f"imperative “{c.imperative}”"
    elif c.weak_deontic and not reported:
        rec, rec_why = 1.2, f"deontic cue “{c.weak_deontic}”"
    if c.first_person and c.deontic:
        rec += 0.3
    # in an op-ed, "an outcome must involve X" states what is necessary (a premise); a
    # recommendation tells an actor what to do (in short texts every claim is argued for,
    # and the microtexts do not tell the two apart)
    necessity = rec > 0 and ctx.long_text and deontic_subject(text) == "state"
    if necessity:
        rec -= STATE_DEONTIC
    if concession or c.attributed:
        rec -= 1.2
    scores["recommendation"] = (rec, rec_why)

    obj, obj_why = 0.0, ""
    if concession:
        # "While X, Y" in an op-ed is mostly a contrast of facts, rarely a rebutted view
        weak = concession.lower() in ("while", "whereas")
        obj, obj_why = (WEAK_CONCESSION if weak else 2.0), f"concession “{concession}”"
    if c.attributed:
        obj += 1.3
        obj_why = obj_why or f"attributed view “{c.attributed}”"
    if ctx.next_rebuts:
        obj += (0.6 if ctx.long_text else 1.3) + (
            1.0 if (concession or c.attributed or c.hedge) else 0.0
        )
        obj_why = (
            (obj_why + ", answered by the next unit") if obj_why else "answered by the next unit"
        )
    if c.rebuttal:
        obj -= 1.5
    if testimony and not concession:
        obj -= 0.5
    scores["objection"] = (obj, obj_why)

    ev = 0.0
    ev_why = ""
    if c.evidence:
        ev = 0.7 * min(c.n_evidence, 3)
        ev_why = f"evidence cue “{c.evidence}”"
    if text.lower().startswith(("for example", "for instance")):
        ev += 1.2
        ev_why = "example marker"
    if reported:
        ev += 0.8
    if testimony:
        ev += 1.2
        ev_why = "quoted testimony"
    if _FACTUAL.search(text) and not (c.evaluative or c.modal or c.deontic or c.reason):
        ev += 1.2
        ev_why = ev_why or "reports a development"
    if c.deontic and not reported:
        ev -= 1.2
    scores["evidence"] = (ev, ev_why)

    prem = 1.0
    prem_why = "argumentative statement"
    for cue, weight, name in (
        (c.reason, 0.9, "reason marker"),
        (c.rebuttal, 0.6, "counter marker"),
        (c.evaluative, 0.6, "evaluative cue"),
        (c.modal, 0.3, "modal cue"),
        (c.conclusion, 0.5, "conclusion marker"),
    ):
        if cue:
            prem += weight
            if prem_why == "argumentative statement":
                prem_why = f"{name} “{cue}”"
    if necessity:
        prem_why = f"necessity about a state of the world (“{c.deontic or c.weak_deontic}”)"
    scores["premise"] = (prem, prem_why)

    none = 0.4
    none_why = "no argumentative cue"
    prescribes = bool(c.deontic or c.imperative)  # "Parliament must act." is short, not empty
    if c.question:
        none, none_why = 3.0, "a question"
    elif words < (3 if prescribes else 4) or (
        ctx.long_text and words < 6 and not ctx.in_sentence and not prescribes
    ):
        none, none_why = 3.0, "too short to be a claim"
    elif c.signpost:
        none, none_why = 2.4, f"signposting (“{c.signpost}”)"
    elif ctx.long_text and narrative:
        none, none_why = 1.9 + (0.6 if ctx.lede else 0.0), "narrative background"
    if not (c.evaluative or c.modal or c.reason or c.deontic or c.rebuttal or c.conclusion):
        none += 0.3
    scores["none"] = (none, none_why)
    return scores


def pick_kind(scores: dict[str, tuple[float, str]]) -> tuple[Label, float, str]:
    """The best-scoring kind (``None`` for "none"), its softmax share among the scores
    and the cue that decided. The share is the uncalibrated confidence; for a claim the
    proposer replaces it with the calibrated one when the draft is finished."""
    best = max(scores, key=lambda k: scores[k][0])
    total = sum(math.exp(s) for s, _ in scores.values())
    confidence = math.exp(scores[best][0]) / total
    kind: Label = None if best == "none" else best  # type: ignore[assignment]
    return kind, round(min(0.95, max(0.05, confidence)), 2), scores[best][1]


STATE_DEONTIC = 1.5
"""Recommendation penalty when the modal's subject is not an actor (see deontic_subject)."""
WEAK_CONCESSION = 1.0


_SAY = (
    r"(?:says|said|adds|added|told|tells|warned|warns|argues|argued|notes|noted|writes|wrote|"
    r"explained|explains|insisted|insists|claimed|claims|recalled|recalls|remarked|stated|"
    r"states|testified|acknowledged|admitted|observed|observes|declared|asserted|conceded|"
    r"predicted|cautioned|complained|replied|responded)"
)
_NAME = r"(?:[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|bin|al-\w+)){0,4})"
_SOURCE = r"(?:" + _NAME + r"|(?:the|a|an|one|his|her|their|its) (?:[\w’'-]+ ){0,4}?[\w’'-]+)"
_SPEAKER = re.compile(
    r"[”\"’]\s*,?\s*(?P<before>" + _SOURCE + r"|he|she|they)\s+" + _SAY + r"\b"
    r"|,?[”\"]\s*,?\s*" + _SAY + r"\s+(?P<after>" + _SOURCE + r")"
    r"|\b(?i:according to) (?P<according>[^,.;:]{2,60})"
    r"|^(?P<opening>"
    + _NAME
    + r"|The [\w’'-]+(?: [\w’'-]+){0,3}?)(?:,[^,]{3,80},)?\s+"
    + _SAY
    + r"\b"
    r"|,\s+(?P<trailing>" + _SOURCE + r")\s+" + _SAY + r"[.!]?[”\"]?$"
)
"""Who is speaking in a unit: a quotation's speaker (“…,” says X; “…,” X told me), the
source of an "according to", or a named subject of a reporting verb opening the unit."""
_NOT_SPEAKERS = frozenset(
    "i we it this that there these those they he she you one but and so yet if when "
    "while as".split()
)


def speaker_of(text: str) -> str:
    """Whose words ``text`` reports (``""``: nobody's but the author's). Pronouns are
    returned as they are (the caller may resolve them to the last named speaker)."""
    match = _SPEAKER.search(text)
    if not match:
        return ""
    who = next(g for g in match.groups() if g)
    who = re.split(r"\s+(?:that|who|which|in|on|at|last|this|to)\b", who)[0].strip(" ,.")
    if who.lower() in _NOT_SPEAKERS and who.lower() not in ("he", "she", "they"):
        return ""
    first = who.split()[0].lower() if who.split() else ""
    if first in ("i", "we", "you"):
        return ""
    return who
