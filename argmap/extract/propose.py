"""Proposals: each unit labelled thesis / recommendation / premise / evidence / objection /
none, with a confidence and the cue that decided; support and attack links inside an
article; cross-article link suggestions between similar claims of different authors.

The labeller is a transparent scorer, not a trained model: each kind gets a score from the
cues of :mod:`argmap.extract.cues`, the unit's position (a thesis sits in the lead or the
conclusion), its neighbours (an objection is answered by the next "But") and its lexical
overlap with the title and the rest of the article (a thesis is what the article keeps
talking about). Weights were tuned on the tuning half of the argumentative microtexts; the
reason string names the strongest contribution so a reviewer can see why. A claim's
confidence is not the winning score's share but a calibrated probability that the proposal
is right (a logistic fit per genre on the tuning parts, see :data:`CALIBRATION_LONG`), so
that sorting or filtering the review by confidence means something. ``TUNING.md`` next to
this module logs every change and its tuning figures.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from argmap.extract.clean import is_heading
from argmap.extract.cues import Cues, find_cues
from argmap.extract.segment import Segmenter, Span, Unit, sentence_units, split_clauses
from argmap.extract.split import content_words, cosine
from argmap.map.model import ClaimKind, LinkKind

Label = ClaimKind | None
KINDS: tuple[str, ...] = ("thesis", "recommendation", "premise", "evidence", "objection", "none")


@dataclass
class Proposal:
    """One unit and what the extractor thinks it is (``kind`` None: not a claim)."""

    unit: Unit
    kind: Label
    confidence: float
    reason: str
    thesis_score: float = 0.0
    cues: Cues | None = field(default=None, repr=False)
    features: tuple[float, ...] = field(default=(), repr=False)
    """What the confidence was computed from (see :func:`calibration_features`)."""


@dataclass(frozen=True, slots=True)
class ProposedLink:
    """``source`` supports or attacks ``target`` (indices into the article's proposals)."""

    source: int
    target: int
    kind: LinkKind
    confidence: float
    reason: str


@dataclass
class ArticleProposals:
    units: list[Proposal]
    links: list[ProposedLink]
    thesis_ranking: list[int]
    """Indices of units, most thesis-like first (for the top-k evaluation)."""

    @property
    def claims(self) -> list[int]:
        return [i for i, p in enumerate(self.units) if p.kind is not None]


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
_REPORTED_DEONTIC = re.compile(
    r"\b(?:say|says|said|saying|argued|claims?|claimed|told|stated|warned)\b[^.]{0,80}?"
    r"\b(?:should|must|ought)\b",
    re.IGNORECASE,
)


_MODAL_VERB = re.compile(
    r"\b(?:should(?:n[’']t| not)?|ought(?:n[’']t)? (?:not )?to|must(?:n[’']t| not)?|"
    r"needs? to|need not|has to|have to)\b",
    re.IGNORECASE,
)
_PASSIVE_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?be\s+\w+(?:ed|en)\b", re.IGNORECASE)
_AGENT_WORDS = frozenset(
    "we you they i us one government governments administration administrations "
    "policymakers policy-makers leaders leadership officials congress parliament president "
    "council authorities country countries nations nation states state people citizens "
    "parents students everyone society companies employers schools universities cities "
    "voters lawmakers legislators ministers minister diplomats military army regime west "
    "allies partners donors community".split()
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
    match = _MODAL_VERB.search(text)
    if not match:
        return ""
    if _PASSIVE_AFTER.match(text[match.end() :]):
        return "agent"
    head = re.split(r"[,;:—–(]", text[: match.start()])[-1]
    words = re.findall(r"[\w.’'-]+", head)
    for k, word in enumerate(words):
        low = word.lower().strip(".’'")
        if low in _AGENT_WORDS or low in _POLICY_WORDS:
            return "agent"
        if (
            word[:1].isupper()
            and low not in _FUNCTION_CAPS
            and (k > 0 or "." in word or len(words) <= 2)
        ):
            return "agent"
    return "state"


_PAST = re.compile(r"\b(?:was|were|had|did|\w+ed)\b", re.IGNORECASE)
"""A past-tense verb: in an op-ed a past-tense unit without a cue is mostly background."""


@dataclass(frozen=True, slots=True)
class _Context:
    """Where a unit stands: what the next unit does, and the shape of the article."""

    next_rebuts: bool = False
    second_clause: bool = False
    long_text: bool = False
    lede: bool = False
    in_sentence: bool = False
    """The unit is a clause of a longer sentence (short clauses are still claims)."""


def _kind_scores(c: Cues, text: str, ctx: _Context) -> dict[str, tuple[float, str]]:
    """Score of each kind with the cue that contributed most (for the reason)."""
    words = len(text.split())
    scores: dict[str, tuple[float, str]] = {}
    reported = bool(_REPORTED_DEONTIC.search(text))
    testimony = bool(_TESTIMONY.search(text))
    narrative = bool(_NARRATIVE.search(text)) and bool(_TIME.search(text))
    concession = c.concession
    if ctx.second_clause and concession.lower() in ("while", "whereas"):
        concession = ""  # ", while …" in mid-sentence is a contrast, not a concession

    rec = 0.0
    rec_why = ""
    if c.deontic and not reported:
        rec, rec_why = 2.2, f"deontic cue “{c.deontic}”"
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
    if c.question:
        none, none_why = 3.0, "a question"
    elif words < 4 or (ctx.long_text and words < 6 and not ctx.in_sentence):
        none, none_why = 3.0, "too short to be a claim"
    elif c.signpost:
        none, none_why = 2.4, f"signposting (“{c.signpost}”)"
    elif ctx.long_text and narrative:
        none, none_why = 1.9 + (0.6 if ctx.lede else 0.0), "narrative background"
    if not (c.evaluative or c.modal or c.reason or c.deontic or c.rebuttal or c.conclusion):
        none += 0.3
    scores["none"] = (none, none_why)
    return scores


def _label(scores: dict[str, tuple[float, str]]) -> tuple[Label, float, str]:
    best = max(scores, key=lambda k: scores[k][0])
    total = sum(math.exp(s) for s, _ in scores.values())
    confidence = math.exp(scores[best][0]) / total
    kind: Label = None if best == "none" else best  # type: ignore[assignment]
    return kind, round(min(0.95, max(0.05, confidence)), 2), scores[best][1]


CALIBRATION_FEATURES: tuple[str, ...] = (
    "bias",
    "recommendation",
    "evidence",
    "objection",
    "margin",
    "cue",
    "modal",
    "past_without_cue",
    "words",
    "centrality",
)
CALIBRATION_SHORT: tuple[float, ...] = (
    1.92,
    -0.13,
    0.044,
    0.37,
    0.469,
    -0.216,
    0.042,
    0.776,
    -0.512,
    -0.322,
)
"""Logistic weights of :data:`CALIBRATION_FEATURES` for P(the proposal is right) in short
texts (fewer than :data:`LONG_TEXT` sentences), fitted on the microtexts' tuning half."""
CALIBRATION_LONG: tuple[float, ...] = (
    -0.674,
    0.438,
    0.637,
    -0.238,
    0.213,
    0.608,
    0.359,
    0.239,
    0.082,
    0.401,
)
"""The same for op-eds, fitted on the seed maps' per-text tuning part (refitted a few times
in a row, since the claim budget drops the least confident proposals). Two genres, two
fits: in the microtexts nearly every sentence is annotated and a clear kind margin is what
predicts a right proposal; in op-eds about half the sentences are annotated and length and
modal verbs (predictions, consequences) are what separate claims from background.

Both by :func:`argmap.extract.evaluate.fit_calibration` (logistic regression, L2 1.0) on
the tuning parts only (right = matched, strict overlap, to a gold unit of the same kind
group). Refit after changing a rule: the import review sorts and filters by confidence."""


def calibration_features(
    kind: Label,
    scores: dict[str, tuple[float, str]],
    c: Cues,
    text: str,
    *,
    centrality: float,
) -> tuple[float, ...]:
    """The inputs of the confidence: the kind, how clearly it won, whether an
    argumentative cue was seen, the unit's length, the genre and its centrality."""
    ranked = sorted((v for v, _ in scores.values()), reverse=True)
    cue = bool(c.deontic or c.weak_deontic or c.modal or c.evaluative or c.reason)
    cue = cue or bool(c.conclusion or c.rebuttal or c.concession or c.attributed)
    return (
        1.0,
        float(kind == "recommendation"),
        float(kind == "evidence"),
        float(kind == "objection"),
        min(ranked[0] - ranked[1], 3.0) if len(ranked) > 1 else 0.0,
        float(cue),
        float(bool(c.modal)),
        float(not cue and bool(_PAST.search(text))),
        min(len(text.split()) / 30.0, 2.0),
        centrality,
    )


def calibrated(features: Sequence[float], *, long_text: bool) -> float:
    """P(right) from the genre's logistic weights, kept inside [0.05, 0.95] and rounded."""
    return _logistic(CALIBRATION_LONG if long_text else CALIBRATION_SHORT, features)


def _logistic(weights: Sequence[float], features: Sequence[float]) -> float:
    z = sum(w * x for w, x in zip(weights, features, strict=True))
    return round(min(0.95, max(0.05, 1.0 / (1.0 + math.exp(-z)))), 2)


def _starts_with(cue: str, text: str) -> bool:
    return text[: len(cue) + 2].lower().startswith(cue.lower())


def _thesis_score(
    c: Cues,
    text: str,
    *,
    index: int,
    count: int,
    paragraph: int,
    last_paragraph: int,
    title_sim: float,
    centrality: float,
    kind: Label,
    after_concession: bool = False,
) -> tuple[float, str]:
    parts: list[tuple[float, str]] = []
    if c.deontic:
        parts.append((1.6, f"deontic cue “{c.deontic}”"))
    elif c.weak_deontic:
        parts.append((0.7, f"deontic cue “{c.weak_deontic}”"))
    if c.conclusion:
        parts.append((2.0, f"conclusion marker “{c.conclusion}”"))
    if c.concession:
        parts.append((-2.5, ""))
    if c.rebuttal:
        parts.append((-0.8, ""))
    if c.evaluative:
        parts.append((0.6, f"evaluative cue “{c.evaluative}”"))
    if c.first_person:
        parts.append((0.8, f"first-person stance “{c.first_person}”"))
    if index == 0:
        parts.append((1.0, "first unit (lead)"))
    elif index == count - 1:
        parts.append((0.7, "last unit (conclusion)"))
    if paragraph == 0 and index != 0:
        parts.append((0.3, "lead paragraph"))
    if paragraph == last_paragraph and paragraph > 0 and index != count - 1:
        parts.append((0.4, "closing paragraph"))
    if count >= LONG_TEXT and 0 < index < 0.2 * count:
        parts.append((LEAD_ZONE, "in the opening"))
    elif count >= LONG_TEXT and index >= 0.85 * count and paragraph != last_paragraph:
        parts.append((LEAD_ZONE, "in the conclusion"))
    if title_sim > 0:
        parts.append((3.0 * title_sim, "echoes the title"))
    parts.append((2.0 * centrality, "central to the article's vocabulary"))
    if kind == "objection":
        parts.append((-2.0, ""))
    if kind is None:
        parts.append((-3.0, ""))
    if c.n_evidence >= 2 and not c.deontic:
        parts.append((-0.8, ""))
    if c.reason and not c.conclusion:
        parts.append((-1.5 if _starts_with(c.reason, text) else -0.7, ""))
    if c.attributed:
        parts.append((-0.6, ""))
    if c.additive and _starts_with(c.additive, text):
        # "Besides, …", "Also, …": one more point, not the point. An additive inside the
        # unit ("the failure also reflects …") often ties the thesis to the news hook, and
        # penalising it cost theses on the tuning texts without gaining any
        parts.append((ADDED_POINT, ""))
    if after_concession:
        parts.append((0.6, "the claim a concession gives way to"))
    score = sum(w for w, _ in parts)
    why = max((p for p in parts if p[1]), key=lambda p: p[0], default=(0.0, "position"))[1]
    return score, why


def _cosine_to_rest(bag: Counter[str], total: Counter[str], total_sq: int) -> float:
    """cosine(bag, total - bag) in O(len(bag)): the article minus this unit, without
    building the difference (which would make the whole article quadratic)."""
    if not bag:
        return 0.0
    dot = sum(v * (total[w] - v) for w, v in bag.items())
    bag_sq = sum(v * v for v in bag.values())
    rest_sq = total_sq - 2 * sum(v * total[w] for w, v in bag.items()) + bag_sq
    if dot <= 0 or rest_sq <= 0:
        return 0.0
    return dot / math.sqrt(bag_sq * rest_sq)


# ------------------------------------------------------------------ units
STATE_DEONTIC = 1.5
"""Recommendation penalty when the modal's subject is not an actor (see deontic_subject)."""
ADDED_POINT = -1.5
"""Thesis penalty for a unit opening with an additive marker (was -1.0 for any additive
plus -0.5 when it opens the unit)."""
WEAK_CONCESSION = 1.0
LEAD_ZONE = 0.4
"""Thesis bonus for the opening fifth and the closing sixth of an op-ed, where major claims
sit (introduction and conclusion), beyond the first and last units themselves."""
LONG_TEXT = 15
"""Sentences from which a text is an op-ed rather than a microtext: background narrative
and signposting are then common, so they are proposed as nothing rather than as premises."""


def _units(
    text: str, segmenter: Segmenter | None, oped: bool | None = None
) -> tuple[list[tuple[Unit, Cues]], bool]:
    """Sentences, split into clauses where the clauses would get different labels."""
    out: list[tuple[Unit, Cues]] = []
    sentences = sentence_units(text, segmenter)
    long_text = len(sentences) >= LONG_TEXT if oped is None else oped
    for sentence in sentences:
        clauses = split_clauses(text, sentence)
        if len(clauses) == 2:
            cues = [find_cues(c.text) for c in clauses]
            labels = [
                _label(
                    _kind_scores(
                        q,
                        u.text,
                        _Context(
                            next_rebuts=k == 0 and cues[1].strong_rebuttal,
                            second_clause=k == 1,
                            long_text=long_text,
                        ),
                    )
                )[0]
                for k, (q, u) in enumerate(zip(cues, clauses, strict=True))
            ]
            if labels[0] != labels[1]:
                out.extend(zip(clauses, cues, strict=True))
                continue
        out.append((sentence, find_cues(sentence.text)))
    return out, long_text


@dataclass
class DraftProposals:
    """An article labelled before anything learnt from the curated maps is applied: kinds
    from the cue scorer, calibration features and thesis scores. :func:`finish_article`
    turns it into :class:`ArticleProposals`; the evaluation refits the learnt parameters
    (calibration, claim budget) on some articles and finishes the others' drafts with
    them, without labelling them again."""

    units: list[Proposal]
    ranking: list[int]
    long_text: bool


def propose_article(
    text: str,
    title: str = "",
    segmenter: Segmenter | None = None,
    *,
    oped: bool | None = None,
    calibration: Sequence[float] | None = None,
    budget: float | None = None,
) -> ArticleProposals:
    """Label every unit of one article and link the claims inside it.

    ``oped`` says the genre when the caller knows it (an imported web article is an op-ed
    or a news piece however short; see :func:`argmap.extract.build.build_import`);
    ``None`` decides by length (:data:`LONG_TEXT`), as for texts of unknown origin.
    ``calibration`` and ``budget`` replace the genre's learnt weights and
    :data:`CLAIM_BUDGET` (for the evaluation's cross-validation)."""
    draft = draft_article(text, title, segmenter, oped=oped)
    return finish_article(draft, calibration=calibration, budget=budget)


def draft_article(
    text: str, title: str = "", segmenter: Segmenter | None = None, *, oped: bool | None = None
) -> DraftProposals:
    """The labelling part of :func:`propose_article` (see :class:`DraftProposals`)."""
    pairs, long_text = _units(text, segmenter, oped)
    if not pairs:
        return DraftProposals([], [], long_text)
    bags = [content_words(u.text) for u, _ in pairs]
    total: Counter[str] = Counter()
    for bag in bags:
        total.update(bag)
    title_bag = content_words(title) if title else Counter()
    total_sq = sum(v * v for v in total.values())
    last_paragraph = pairs[-1][0].paragraph
    seen_paragraphs: set[int] = set()
    multi_unit_paragraphs: set[int] = set()
    for unit, _ in pairs:
        if unit.paragraph in seen_paragraphs:
            multi_unit_paragraphs.add(unit.paragraph)
        seen_paragraphs.add(unit.paragraph)
    proposals: list[Proposal] = []
    for i, (unit, c) in enumerate(pairs):
        nxt = pairs[i + 1][1] if i + 1 < len(pairs) else None
        ctx = _Context(
            next_rebuts=nxt is not None and nxt.strong_rebuttal,
            second_clause=unit.clause == 2,
            long_text=long_text,
            lede=unit.paragraph == 0,
            in_sentence=unit.clause > 0,
        )
        kind_scores = _kind_scores(c, unit.text, ctx)
        kind, confidence, why = _label(kind_scores)
        if unit.paragraph not in multi_unit_paragraphs and is_heading(unit.text):
            kind, confidence, why = None, 0.9, "a heading"
        centrality = _cosine_to_rest(bags[i], total, total_sq)
        features = calibration_features(kind, kind_scores, c, unit.text, centrality=centrality)
        title_sim = cosine(bags[i], title_bag) if title_bag else 0.0
        score, _ = _thesis_score(
            c,
            unit.text,
            index=i,
            count=len(pairs),
            paragraph=unit.paragraph,
            last_paragraph=last_paragraph,
            title_sim=title_sim,
            centrality=centrality,
            kind=kind,
            after_concession=unit.clause == 2 and i > 0 and proposals[-1].kind == "objection",
        )
        proposals.append(Proposal(unit, kind, confidence, why, score, c, features))
        proposals[-1].reason = f"{kind or 'none'}: {why}" if why else (kind or "none")
    ranking = sorted(range(len(proposals)), key=lambda k: -proposals[k].thesis_score)
    return DraftProposals(proposals, ranking, long_text)


def finish_article(
    draft: DraftProposals,
    *,
    calibration: Sequence[float] | None = None,
    budget: float | None = None,
) -> ArticleProposals:
    """Confidence, claim budget, thesis and links for a draft (which is left unchanged)."""
    proposals = [replace(p) for p in draft.units]
    if not proposals:
        return ArticleProposals([], [], [])
    weights = calibration or (CALIBRATION_LONG if draft.long_text else CALIBRATION_SHORT)
    for p in proposals:
        if p.kind is not None:
            p.confidence = _logistic(weights, p.features)
    if draft.long_text:
        _apply_budget(proposals, CLAIM_BUDGET if budget is None else budget)
    ranking = list(draft.ranking)
    _pick_thesis(proposals, ranking)
    if draft.long_text:
        proposals, ranking = _with_action_items(proposals, ranking)
    links = _links(proposals)
    return ArticleProposals(proposals, links, ranking)


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
    modal = _MODAL_VERB.search(text)
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


def _with_action_items(
    proposals: list[Proposal], ranking: list[int]
) -> tuple[list[Proposal], list[int]]:
    """The thesis of an op-ed that prescribes a list of actions is a compound claim: each
    action is one of the article's recommendations, proposed on its own next to the
    thesis (quotes may nest) so that a reviewer can link and compare them one by one."""
    at = next((i for i, p in enumerate(proposals) if p.kind == "thesis"), None)
    if at is None:
        return proposals, ranking
    thesis = proposals[at]
    spans = action_items(thesis.unit.text)
    if not spans:
        return proposals, ranking
    base = thesis.unit.start
    modal = _MODAL_VERB.search(thesis.unit.text)
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
        )
        for a, b in spans
    ]
    shift = len(items)
    moved = [k + shift if k > at else k for k in ranking]
    return (
        proposals[: at + 1] + items + proposals[at + 1 :],
        moved + list(range(at + 1, at + 1 + shift)),
    )


CLAIM_BUDGET = 0.75
"""Share of an op-ed's units proposed as claims at most: curated maps of op-eds quote about
half of the sentences (the rest is background and transition), so the weakest premise and
evidence proposals beyond that share are dropped rather than left for the user to reject."""


def _apply_budget(proposals: list[Proposal], share: float) -> None:
    claims = [p for p in proposals if p.kind is not None]
    excess = len(claims) - int(share * len(proposals))
    if excess <= 0:
        return
    weak = sorted(
        (p for p in claims if p.kind in ("premise", "evidence")),
        key=lambda p: ("argumentative statement" not in p.reason, p.confidence),
    )
    for p in weak[:excess]:
        p.kind = None
        p.reason = f"none: weaker than the article's other claims ({p.reason})"


def _pick_thesis(proposals: list[Proposal], ranking: Sequence[int]) -> None:
    best = ranking[0]
    p = proposals[best]
    if p.kind is None and len(ranking) > 1:
        return
    margin = p.thesis_score - (proposals[ranking[1]].thesis_score if len(ranking) > 1 else 0)
    p.kind = "thesis"
    p.confidence = round(min(0.95, 0.45 + 0.12 * margin + 0.04 * p.thesis_score), 2)
    p.confidence = max(p.confidence, 0.3)
    lead = (
        "first unit"
        if best == 0
        else "closing unit"
        if best == len(proposals) - 1
        else "ranked first"
    )
    p.reason = f"thesis: {lead}, " + (
        p.reason.split(": ", 1)[-1] if ": " in p.reason else "central"
    )


# ------------------------------------------------------------------ links
_RANK = {"thesis": 4, "recommendation": 3, "premise": 2, "evidence": 1, "objection": 0}


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


def _links(proposals: list[Proposal]) -> list[ProposedLink]:
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
