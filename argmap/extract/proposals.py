"""The proposer's results: one :class:`Proposal` per unit of an article, the links inside
it, and the thesis ranking. Shared by the modules of the proposer and by the import."""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.extract.cues import Cues
from argmap.extract.segment import Unit
from argmap.model import ClaimKind, LinkKind

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
