"""The argument map model: what a map *is*, independent of any screen or file.

Every object is a frozen pydantic model with ``extra="forbid"`` so that a typo in a
hand-edited map fails loudly instead of being dropped silently. Objects are immutable:
an edit replaces a claim with a changed copy, which keeps undo trivial (the old object is
the undo state) and makes it impossible for a view to mutate the map behind the
document's back.

Structural checks (types, enums, ranges) live on the models, in pydantic-core; every rule
that needs Python (a quote's span, an extracted origin's confidence, and all cross-object
invariants such as unique ids, resolvable references and quotes matching their source) lives
in :mod:`argmap.map.invariants`, one linear pass that reports every problem with a JSON path;
it registers itself with :func:`register_map_rules`, so this module never imports it.
Keeping Python out of per-object validation keeps loading close to the speed of the JSON
parser itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    ValidationInfo,
    model_serializer,
    model_validator,
)

from argmap.map.vocabulary import CLAIM_KINDS, LINK_KINDS, STANCES, ClaimKind, LinkKind, Stance

__all__ = [
    "CLAIM_KINDS",
    "LINK_KINDS",
    "MANUAL",
    "SCHEMA_VERSION",
    "STANCES",
    "ArgumentMap",
    "Author",
    "Claim",
    "ClaimKind",
    "GroundSide",
    "Link",
    "LinkKind",
    "Origin",
    "OriginKind",
    "Point",
    "Position",
    "Quote",
    "Source",
    "Stance",
    "View",
    "ViewKind",
]

SCHEMA_VERSION = 2
"""Version of the saved file format; bumped with a migration in :mod:`argmap.map.migrate`."""

OriginKind = Literal["manual", "extracted"]
GroundSide = Literal["for", "against"]
ViewKind = Literal["position", "author", "around", "claims"]
"""What a view shows: one question (a position's grounds with what supports or attacks
them), one author's argument (with the attacks other authors make on it), the
neighbourhood of chosen claims, or a hand-picked set of claims."""
"""The side of a position's question a ground argues."""

Identifier = Annotated[
    str,
    Field(
        min_length=1,
        max_length=200,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:\-]*$",
        description="Stable id: letters, digits, '_', '.', ':' or '-'; starts with a letter or digit.",
    ),
]
Color = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$", description="#RRGGBB")]


# Every model is built with ``defer_build``: its validator and serializer are made on first
# use, not at import. Making them took about half of this module's import time (and loads
# pydantic's plugin machinery), which every ``argmap`` command paid at start-up, even one
# that never validates a map object (drawing an Argdown document as an image). Loading or
# saving a map builds them on its first call instead, once per process.


MapRule = Callable[["ArgumentMap"], Sequence[object]]
"""A cross-object check of a whole map: its problems (each printable), empty when it holds."""
_MAP_RULES: list[MapRule] = []


def register_map_rules(rule: MapRule) -> None:
    """Make every validated :class:`ArgumentMap` pass ``rule`` (idempotent).

    The map's rules (:mod:`argmap.map.invariants`) depend on the model, not the other way
    round: they register themselves here when imported, and importing :mod:`argmap.map`
    imports them, so no map is ever validated without them.
    """
    if rule not in _MAP_RULES:
        _MAP_RULES.append(rule)


class _Frozen(BaseModel):
    """Base of every map object: immutable, strict about unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=False, defer_build=True)


class Author(_Frozen):
    """A person whose claims appear in the map (usually an op-ed's writer)."""

    id: Identifier
    name: str = Field(min_length=1)
    affiliation: str = ""
    color: Color = "#777777"


class Source(_Frozen):
    """An article: its metadata and the cleaned body text that quotes point into."""

    id: Identifier
    title: str = ""
    outlet: str = ""
    date: str = Field(
        default="", description="Publication date as the text gives it (ISO if known)."
    )
    url: str = ""
    authors: list[Identifier] = Field(default_factory=list)
    text: str = ""
    note: str = ""


class Quote(_Frozen):
    """An anchor into a source text: ``text == source.text[start:end]``.

    The quoted text is stored as well as the offsets so that an edited or re-imported
    source whose offsets drifted is detected instead of silently pointing elsewhere.
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(min_length=1)


class Origin(_Frozen):
    """Where an object came from: drawn by a person, or proposed by the extractor.

    ``reviewed`` is false for an extractor proposal the user has not yet accepted; the
    app draws such proposals differently and lets the user accept or reject them.
    """

    kind: OriginKind = "manual"
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    reason: str = ""
    reviewed: bool = True

    @property
    def is_proposal(self) -> bool:
        """True for an extracted object the user has not accepted yet."""
        return self.kind == "extracted" and not self.reviewed


MANUAL = Origin.model_construct()


class Point(_Frozen):
    """A saved position on the canvas (scene coordinates of the card's centre), in finite
    numbers."""

    # JSON readers accept NaN and 1e999, and a card there can be neither drawn nor laid out.
    model_config = ConfigDict(allow_inf_nan=False)

    x: float
    y: float


class Claim(_Frozen):
    """A node of the map: one thesis, premise, recommendation, evidence or objection."""

    id: Identifier
    kind: ClaimKind
    text: str = Field(min_length=1, description="The node label: short and neutral.")
    author: Identifier | None = None
    source: Identifier | None = None
    quote: Quote | None = None
    tags: list[str] = Field(default_factory=list)
    note: str = ""
    origin: Origin = MANUAL
    pos: Point | None = None


class Link(_Frozen):
    """A directed relation: ``from_claim`` supports or attacks ``to_claim``."""

    id: Identifier
    kind: LinkKind
    from_claim: Identifier
    to_claim: Identifier
    note: str = ""
    origin: Origin = MANUAL


class Position(_Frozen):
    """A question to compare authors on, with each author's stance and its grounds."""

    id: Identifier
    label: str = Field(min_length=1)
    description: str = ""
    stances: dict[Identifier, Stance] = Field(default_factory=dict)
    grounds: list[Identifier] = Field(default_factory=list)
    sides: dict[Identifier, GroundSide] = Field(default_factory=dict)
    """Which side of the question a ground argues, where the analyst recorded it (keys are
    among ``grounds``). A ground without an entry takes its author's stated stance, which
    is all a one-sided author needs; an author stated *mixed* has grounds on both sides,
    and only this says which is which."""


class View(_Frozen):
    """A named, saved part of a map, for teaching: what a handout page or a slide shows.

    Which claims a view holds is worked out from the map when it is drawn
    (:mod:`argmap.analysis.views`), so a view of a position or an author follows the map
    as it is edited; only a hand-picked view lists its claims outright. ``steps`` is the
    order a teacher reveals the view's claims in (one claim a step); empty means the order
    suggested from the argument's tree.
    """

    id: Identifier
    name: str = Field(min_length=1)
    kind: ViewKind = "claims"
    position: Identifier | None = None
    """The position shown (kind ``position``)."""
    author: Identifier | None = None
    """The author whose argument is shown (kind ``author``)."""
    claims: list[Identifier] = Field(default_factory=list)
    """The chosen claims (kind ``claims``), or the centres of a neighbourhood (``around``)."""
    depth: int = Field(default=1, ge=1, le=10)
    """How many links away from its centres a neighbourhood reaches (kind ``around``)."""
    steps: list[Identifier] = Field(default_factory=list)
    description: str = ""


class ArgumentMap(BaseModel):
    """A whole map. Cross-object invariants are checked on validation.

    The container is mutable (its lists change as the user edits) but only
    :class:`argmap.edit.document.MapDocument` mutates it; the objects inside are frozen.

    Pass ``context={"check_invariants": False}`` to ``model_validate*`` to skip them (the
    file loader does so and then reports every problem with its JSON path itself).
    """

    model_config = ConfigDict(extra="forbid", validate_default=False, defer_build=True)

    schema_version: int = SCHEMA_VERSION
    title: str = ""
    description: str = ""
    sources: list[Source] = Field(default_factory=list)
    authors: list[Author] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    views: list[View] = Field(default_factory=list)

    @model_validator(mode="after")
    def _invariants(self, info: ValidationInfo) -> ArgumentMap:
        context: Any = info.context
        if isinstance(context, dict) and context.get("check_invariants") is False:
            return self
        problems = [problem for rule in _MAP_RULES for problem in rule(self)]
        if problems:
            shown = "; ".join(str(p) for p in problems[:5])
            more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
            raise ValueError(f"{len(problems)} invariant violation(s): {shown}{more}")
        return self

    @model_serializer(mode="wrap")
    def _versioned(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """Always write ``schema_version``, first, even when defaults are left out."""
        data: dict[str, Any] = handler(self)
        return {"schema_version": self.schema_version, **data}

    def claim_index(self) -> dict[str, Claim]:
        """Claims by id (a fresh dict)."""
        return {c.id: c for c in self.claims}

    def author_index(self) -> dict[str, Author]:
        return {a.id: a for a in self.authors}

    def source_index(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}
