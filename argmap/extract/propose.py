"""Proposals: each unit labelled thesis / recommendation / premise / evidence / objection /
none, with a confidence, the cue that decided and (for reported words) its speaker; the
thesis with two ranked alternatives; support and attack links inside an article.

The pipeline, one module per job: :mod:`~argmap.extract.kinds` scores each kind from the
cues of :mod:`~argmap.extract.cues` (a transparent, hand-set scorer whose reason string
names the cue), :mod:`~argmap.extract.thesis` ranks thesis candidates (a learnt
conditional logit), :mod:`~argmap.extract.calibration` turns each proposal into the
probability that it is right, and :mod:`~argmap.extract.links` links the claims. The
learnt weights (:mod:`~argmap.extract.weights`) and the review thresholds
(:mod:`~argmap.extract.thresholds`) are reproduced by one recipe, ``make train``
(``scripts/train_extract.py``), from the tuning parts only; ``TUNING.md`` next to this
module logs every change and the protocol.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from argmap.extract.calibration import (
    CALIBRATION_LONG,
    CALIBRATION_SHORT,
    calibration_features,
    logistic,
)
from argmap.extract.clean import is_heading
from argmap.extract.cues import Cues, find_cues
from argmap.extract.kinds import UnitContext, kind_scores, pick_kind, speaker_of
from argmap.extract.links import article_links, with_action_items
from argmap.extract.proposals import ArticleProposals, DraftProposals, Proposal, ThesisAlternative
from argmap.extract.segment import Segmenter, Unit, sentence_units, split_clauses
from argmap.extract.split import STANDFIRST_WORDS, content_words, cosine
from argmap.extract.thesis import (
    LONG_TEXT,
    cosine_to_rest,
    pick_thesis,
    softmax,
    thesis_blocker,
    thesis_features,
    thesis_score,
)
from argmap.extract.weights import CLAIM_BUDGET, THESIS_CONFIDENCE, THESIS_WEIGHTS


def _units(
    text: str, segmenter: Segmenter | None, oped: bool | None = None
) -> tuple[list[tuple[Unit, Cues]], bool]:
    """Sentences, split into clauses where the clauses would get different labels."""
    out: list[tuple[Unit, Cues]] = []
    sentences = sentence_units(text, segmenter)
    paragraphs = len({s.paragraph for s in sentences})
    long_text = is_long_text(len(sentences), paragraphs) if oped is None else oped
    for sentence in sentences:
        clauses = split_clauses(text, sentence)
        if len(clauses) == 2:
            cues = [find_cues(c.text) for c in clauses]
            labels = [
                pick_kind(
                    kind_scores(
                        q,
                        u.text,
                        UnitContext(
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


def propose_article(
    text: str,
    title: str = "",
    segmenter: Segmenter | None = None,
    *,
    oped: bool | None = None,
    standfirst: str = "",
    calibration: Sequence[float] | None = None,
    budget: float | None = None,
    thesis_weights: Sequence[float] | None = None,
) -> ArticleProposals:
    """Label every unit of one article, rank its thesis candidates and link its claims.

    ``oped`` says the genre when the caller knows it (an imported web article is an op-ed
    or a news piece however short; see :func:`argmap.extract.build.build_import`);
    ``None`` decides by length and paragraphs (:func:`is_long_text`). ``standfirst`` is
    the line under the headline when the caller has it apart from the body (the HTML's
    description); without it a short opening paragraph of a long text is read as one.
    ``calibration``, ``budget`` and ``thesis_weights`` replace the learnt weights and
    :data:`CLAIM_BUDGET` (for the evaluation's cross-validation and for training)."""
    draft = draft_article(text, title, segmenter, oped=oped, standfirst=standfirst)
    return finish_article(
        draft, calibration=calibration, budget=budget, thesis_weights=thesis_weights
    )


def is_long_text(sentences: int, paragraphs: int) -> bool:
    """An op-ed or news piece rather than a microtext or a comment: :data:`LONG_TEXT`
    sentences, or eight in four paragraphs or more (a short editorial is still written in
    paragraphs; a microtext is one)."""
    return sentences >= LONG_TEXT or (sentences >= 8 and paragraphs >= 4)


def draft_article(
    text: str,
    title: str = "",
    segmenter: Segmenter | None = None,
    *,
    oped: bool | None = None,
    standfirst: str = "",
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
    lead_bag, lead_paragraph = _standfirst(pairs, bags, standfirst, long_text)
    first_body = min((u.paragraph for u, _ in pairs if u.paragraph != lead_paragraph), default=0)
    opening: Counter[str] = Counter()
    closing: Counter[str] = Counter()
    for (unit, _), bag in zip(pairs, bags, strict=True):
        if unit.paragraph == first_body:
            opening.update(bag)
        if unit.paragraph == last_paragraph:
            closing.update(bag)
    proposals: list[Proposal] = []
    last_speaker = ""
    for i, (unit, c) in enumerate(pairs):
        speaker = speaker_of(unit.text)
        if speaker.lower() in ("he", "she", "they"):
            speaker = last_speaker or speaker
        elif speaker:
            last_speaker = speaker
        elif last_speaker and i > 0 and _continues_quotation(unit, pairs[i - 1][0]):
            speaker = last_speaker
        nxt = pairs[i + 1][1] if i + 1 < len(pairs) else None
        ctx = UnitContext(
            next_rebuts=nxt is not None and nxt.strong_rebuttal,
            second_clause=unit.clause == 2,
            long_text=long_text,
            lede=unit.paragraph == 0,
            in_sentence=unit.clause > 0,
            quoted=bool(speaker),
        )
        scores = kind_scores(c, unit.text, ctx)
        kind, confidence, why = pick_kind(scores)
        heading = unit.paragraph not in multi_unit_paragraphs and is_heading(unit.text)
        if heading:
            kind, confidence, why = None, 0.9, "a heading"
        if speaker and kind == "evidence":
            why = f"{why} ({speaker})" if why else f"words of {speaker}"
        centrality = cosine_to_rest(bags[i], total, total_sq)
        features = calibration_features(
            kind, scores, c, unit.text, centrality=centrality, speaker=speaker
        )
        # the standfirst is headline text written by the editor: echoing it counts as
        # echoing the title (the standfirst's own units are compared with the title alone)
        title_sim = cosine(bags[i], title_bag) if title_bag else 0.0
        if lead_bag and unit.paragraph != lead_paragraph:
            title_sim = max(title_sim, cosine(bags[i], lead_bag))
        after = unit.clause == 2 and i > 0 and proposals[-1].kind == "objection"
        # an op-ed states its thesis at one end and restates it at the other
        bookend = max(
            cosine(bags[i], closing) if unit.paragraph != last_paragraph else 0.0,
            cosine(bags[i], opening) if unit.paragraph != first_body else 0.0,
        )
        tf = thesis_features(
            c,
            unit.text,
            index=i,
            count=len(pairs),
            paragraph=unit.paragraph,
            last_paragraph=last_paragraph,
            title_sim=title_sim,
            centrality=centrality,
            kind=kind,
            long_text=long_text,
            after_concession=after,
            bookend=bookend,
        )
        proposal = Proposal(unit, kind, confidence, why, 0.0, c, features, speaker, tf)
        proposal.thesis_blocked = (
            "a heading"
            if heading
            else "too short to stand alone"
            if long_text and len(unit.text.split()) < SHORTEST_THESIS
            else thesis_blocker(c, unit.text, speaker)
        )
        proposal.reason = f"{kind or 'none'}: {why}" if why else (kind or "none")
        proposals.append(proposal)
    return DraftProposals(proposals, [], long_text)


def _standfirst(
    pairs: Sequence[tuple[Unit, Cues]],
    bags: Sequence[Counter[str]],
    standfirst: str,
    long_text: bool,
) -> tuple[Counter[str], int]:
    """The standfirst's words, and the paragraph it is (-1: given apart from the body)."""
    if standfirst:
        return content_words(standfirst), -1
    if not long_text or pairs[-1][0].paragraph == 0:
        return Counter(), -1
    first = [k for k, (u, _) in enumerate(pairs) if u.paragraph == 0]
    if sum(len(pairs[k][0].text.split()) for k in first) > STANDFIRST_WORDS:
        return Counter(), -1
    lead: Counter[str] = Counter()
    for k in first:
        lead.update(bags[k])
    return lead, 0


def finish_article(
    draft: DraftProposals,
    *,
    calibration: Sequence[float] | None = None,
    budget: float | None = None,
    thesis_weights: Sequence[float] | None = None,
) -> ArticleProposals:
    """Confidence, claim budget, thesis and links for a draft (which is left unchanged)."""
    proposals = [replace(p) for p in draft.units]
    if not proposals:
        return ArticleProposals([], [], [])
    weights = calibration or (CALIBRATION_LONG if draft.long_text else CALIBRATION_SHORT)
    for p in proposals:
        if p.kind is not None:
            p.confidence = logistic(weights, p.features)
    if draft.long_text:
        _apply_budget(proposals, CLAIM_BUDGET if budget is None else budget)
    ranker = thesis_weights or THESIS_WEIGHTS
    for p in proposals:
        p.thesis_score = thesis_score(p.thesis_features, ranker)
    eligible = [i for i, p in enumerate(proposals) if not p.thesis_blocked]
    blocked = [i for i, p in enumerate(proposals) if p.thesis_blocked]
    eligible.sort(key=lambda k: -proposals[k].thesis_score)
    blocked.sort(key=lambda k: -proposals[k].thesis_score)
    shares = softmax([proposals[k].thesis_score for k in eligible])
    ranking = eligible + blocked
    alternatives = pick_thesis(
        proposals, ranking, dict(zip(eligible, shares, strict=True)), THESIS_CONFIDENCE
    )
    chosen = [
        ThesisAlternative(k, conf, f"thesis alternative {n + 2}: {proposals[k].reason}")
        for n, (k, conf) in enumerate(alternatives)
    ]
    if draft.long_text:
        proposals, ranking, chosen = with_action_items(proposals, ranking, chosen)
    links = article_links(proposals)
    return ArticleProposals(proposals, links, ranking, chosen)


SHORTEST_THESIS = 6
"""Words an op-ed's thesis has at least: "Every year, it borrows more." is a beat of the
prose, not the claim a reader should take away."""


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


_WHOLE_QUOTATION = re.compile(r"^[“\"][^“”\"]+[”\"][.!?]?$")


def _continues_quotation(unit: Unit, before: Unit) -> bool:
    """A sentence that is all quotation, right after an attributed one in its paragraph
    ("“We are choking,” said Ana Ruiz. “Half my customers stay away.”"): news copy names
    the speaker once and goes on quoting, and those words are still theirs, not the
    author's."""
    return unit.paragraph == before.paragraph and bool(_WHOLE_QUOTATION.match(unit.text))
