"""The proposer's results: one :class:`Proposal` per unit of an article, the links inside
it, and the thesis ranking. Shared by the modules of the proposer and by the import."""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.extract.cues import Cues
from argmap.extract.segment import Unit
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
    speaker: str = ""
    """Whose words the unit reports (a quotation's speaker, an "according to" source;
    pronouns resolved to the last named speaker); ``""``: the author's own words. A unit
    with a speaker is evidence (testimony), never the author's thesis."""
    thesis_features: tuple[float, ...] = field(default=(), repr=False)
    """The thesis ranker's inputs (:data:`argmap.extract.thesis.THESIS_FEATURES`)."""
    kind_before_thesis: Label = None
    """The kind the unit had before it was picked as the thesis (a thesis is often a
    recommendation or a premise too); ``None`` for every other unit."""
    thesis_blocked: str = ""
    """Why the unit can never be the thesis (a question, a transition, someone else's
    words); ``""`` when it can."""


@dataclass(frozen=True, slots=True)
class ProposedLink:
    """``source`` supports or attacks ``target`` (indices into the article's proposals)."""

    source: int
    target: int
    kind: LinkKind
    confidence: float
    reason: str


@dataclass(frozen=True, slots=True)
class ThesisAlternative:
    """A ranked alternative to the proposed thesis: ``index`` into the article's units."""

    index: int
    confidence: float
    reason: str


@dataclass
class ArticleProposals:
    units: list[Proposal]
    links: list[ProposedLink]
    thesis_ranking: list[int]
    """Indices of units, most thesis-like first (for the top-k evaluation); units that can
    never be the thesis come last."""
    thesis_alternatives: list[ThesisAlternative] = field(default_factory=list)
    """The next candidates after the proposed thesis (at most two, best first), each with
    the confidence that *it* is the thesis: offered in the review as alternatives. Their
    units keep their own proposal (often a premise), so saving one as an extracted thesis
    claim means a second claim quoting the same words."""

    @property
    def claims(self) -> list[int]:
        return [i for i, p in enumerate(self.units) if p.kind is not None]


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
