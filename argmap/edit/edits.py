"""Reversible edits of a :class:`~argmap.edit.document.MapDocument`.

Each edit is a small object with ``apply`` and ``revert`` written only in terms of the
document's primitives. Edits remember what they need to undo themselves (the removed
object and its index, the old value) when they are applied, so ``apply`` → ``revert``
restores the map to the identical dump, list order included. The Qt app wraps these same
objects in one ``QUndoCommand`` adapter; scripts use :class:`argmap.edit.document.History`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from argmap.edit.document import Edit, EditError, MapDocument
from argmap.edit.views import Detached, detach_claim, detach_position
from argmap.map.model import Author, Claim, GroundSide, Link, Point, Position, Source, Stance


@dataclass
class AddClaim:
    claim: Claim
    index: int | None = None

    @property
    def label(self) -> str:
        return f"Add {self.claim.kind}"

    def apply(self, doc: MapDocument) -> None:
        doc.insert_claim(self.claim, self.index)

    def revert(self, doc: MapDocument) -> None:
        doc.delete_claim(self.claim.id)


@dataclass
class RemoveClaim:
    """Remove a claim with its links and its place in positions' grounds (all restored on undo)."""

    claim_id: str
    _claim: tuple[Claim, int] | None = field(default=None, repr=False)
    _links: list[tuple[Link, int]] = field(default_factory=list, repr=False)
    _positions: list[Position] = field(default_factory=list, repr=False)
    _views: Detached | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        return "Delete claim"

    def apply(self, doc: MapDocument) -> None:
        MapDocument._get(doc.claims, self.claim_id, "claim")
        # Last first, so each recorded index is the link's original place in the map.
        self._links = [doc.delete_link(x.id) for x in reversed(doc.links_of(self.claim_id))]
        self._positions = []
        for position in list(doc.positions.values()):
            if self.claim_id in position.grounds:
                grounds = [g for g in position.grounds if g != self.claim_id]
                sides = {g: s for g, s in position.sides.items() if g != self.claim_id}
                self._positions.append(
                    doc.replace_position(
                        position.model_copy(update={"grounds": grounds, "sides": sides})
                    )
                )
        self._views = detach_claim(doc, self.claim_id)
        self._claim = doc.delete_claim(self.claim_id)

    def revert(self, doc: MapDocument) -> None:
        assert self._claim is not None, "revert before apply"
        doc.insert_claim(*self._claim)
        if self._views is not None:
            self._views.restore(doc)
        for position in self._positions:
            doc.replace_position(position)
        for link, index in sorted(self._links, key=lambda pair: pair[1]):
            doc.insert_link(link, index)


def _updated(obj: Any, changes: Mapping[str, Any]) -> Any:
    """A validated copy of a frozen model with ``changes`` (ids cannot change)."""
    if not isinstance(changes, Mapping):
        raise EditError(f"expected changes by field name, got {type(changes).__name__}")
    if "id" in changes and changes["id"] != obj.id:
        raise EditError("an id cannot be changed; remove and add instead")
    try:
        return type(obj).model_validate({**obj.model_dump(), **changes})
    except ValueError as exc:
        raise EditError(str(exc)) from None


_FIELD_NAMES = {"origin": "review state", "pos": "position"}
"""How an undo text names a claim's fields (others by their own name)."""


def _short(text: str, limit: int = 40) -> str:
    """``text`` cut at a word within ``limit`` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@dataclass
class UpdateClaim:
    """Change fields of a claim (text, kind, author, quote, tags, note, origin ...)."""

    claim_id: str
    changes: dict[str, Any]
    _old: Claim | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        """Says what changed, so the History list tells one edit from another."""
        fields = set(self.changes)
        if fields == {"text"}:
            return f"Edit text: “{_short(str(self.changes['text']))}”"
        if fields in ({"kind"}, {"kind", "origin"}):  # a proposal retyped notes it in its origin
            return f"Make {self.changes['kind']}"
        names = [_FIELD_NAMES.get(f, f) for f in self.changes]
        return f"Edit {_and(names)} of {self.claim_id}" if names else f"Edit {self.claim_id}"

    def apply(self, doc: MapDocument) -> None:
        old = MapDocument._get(doc.claims, self.claim_id, "claim")
        self._old = doc.replace_claim(_updated(old, self.changes))

    def revert(self, doc: MapDocument) -> None:
        assert self._old is not None, "revert before apply"
        doc.replace_claim(self._old)


@dataclass
class MoveClaims:
    """Set saved positions of claims: one drag, or a whole automatic layout, is one edit."""

    positions: dict[str, Point | None]
    name: str = "Move"
    _old: dict[str, Point | None] = field(default_factory=dict, repr=False)

    @property
    def label(self) -> str:
        return (
            self.name
            if self.name != "Move"
            else (
                "Move claim" if len(self.positions) == 1 else f"Move {len(self.positions)} claims"
            )
        )

    def apply(self, doc: MapDocument) -> None:
        self._old = doc.move_claims(self.positions)

    def revert(self, doc: MapDocument) -> None:
        doc.move_claims(self._old)


def apply_layout(positions: Mapping[str, Point], name: str = "Auto layout") -> MoveClaims:
    """An automatic layout as one undoable edit (a :class:`MoveClaims` of every card);
    ``name`` is its undo text ("Lane layout" for the lane layout)."""
    return MoveClaims(dict(positions), name=name)


@dataclass
class AddLink:
    link: Link
    index: int | None = None

    @property
    def label(self) -> str:
        return f"Add {self.link.kind} link"

    def apply(self, doc: MapDocument) -> None:
        doc.insert_link(self.link, self.index)

    def revert(self, doc: MapDocument) -> None:
        doc.delete_link(self.link.id)


@dataclass
class RemoveLink:
    link_id: str
    _removed: tuple[Link, int] | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        return "Delete link"

    def apply(self, doc: MapDocument) -> None:
        self._removed = doc.delete_link(self.link_id)

    def revert(self, doc: MapDocument) -> None:
        assert self._removed is not None, "revert before apply"
        doc.insert_link(*self._removed)


@dataclass
class UpdateLink:
    link_id: str
    changes: dict[str, Any]
    _old: Link | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        if set(self.changes) == {"kind"}:
            return f"Make {self.changes['kind']} link"
        return "Edit link"

    def apply(self, doc: MapDocument) -> None:
        old = MapDocument._get(doc.links, self.link_id, "link")
        self._old = doc.replace_link(_updated(old, self.changes))

    def revert(self, doc: MapDocument) -> None:
        assert self._old is not None, "revert before apply"
        doc.replace_link(self._old)


@dataclass
class AddSource:
    source: Source
    index: int | None = None

    @property
    def label(self) -> str:
        return "Add source"

    def apply(self, doc: MapDocument) -> None:
        doc.insert_source(self.source, self.index)

    def revert(self, doc: MapDocument) -> None:
        doc.delete_source(self.source.id)


@dataclass
class RemoveSource:
    """Remove a source no claim quotes (remove or detach its claims first, in a Macro)."""

    source_id: str
    _removed: tuple[Source, int] | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        return "Remove source"

    def apply(self, doc: MapDocument) -> None:
        self._removed = doc.delete_source(self.source_id)

    def revert(self, doc: MapDocument) -> None:
        assert self._removed is not None, "revert before apply"
        doc.insert_source(*self._removed)


@dataclass
class UpdateSource:
    source_id: str
    changes: dict[str, Any]
    _old: Source | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        return "Edit source"

    def apply(self, doc: MapDocument) -> None:
        old = MapDocument._get(doc.sources, self.source_id, "source")
        self._old = doc.replace_source(_updated(old, self.changes))

    def revert(self, doc: MapDocument) -> None:
        assert self._old is not None, "revert before apply"
        doc.replace_source(self._old)


@dataclass
class AddAuthor:
    author: Author
    index: int | None = None

    @property
    def label(self) -> str:
        return "Add author"

    def apply(self, doc: MapDocument) -> None:
        doc.insert_author(self.author, self.index)

    def revert(self, doc: MapDocument) -> None:
        doc.delete_author(self.author.id)


@dataclass
class RemoveAuthor:
    author_id: str
    _removed: tuple[Author, int] | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        return "Remove author"

    def apply(self, doc: MapDocument) -> None:
        self._removed = doc.delete_author(self.author_id)

    def revert(self, doc: MapDocument) -> None:
        assert self._removed is not None, "revert before apply"
        doc.insert_author(*self._removed)


@dataclass
class UpdateAuthor:
    author_id: str
    changes: dict[str, Any]
    _old: Author | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        return "Edit author"

    def apply(self, doc: MapDocument) -> None:
        old = MapDocument._get(doc.authors, self.author_id, "author")
        self._old = doc.replace_author(_updated(old, self.changes))

    def revert(self, doc: MapDocument) -> None:
        assert self._old is not None, "revert before apply"
        doc.replace_author(self._old)


@dataclass
class AddPosition:
    position: Position
    index: int | None = None

    @property
    def label(self) -> str:
        return "Add position"

    def apply(self, doc: MapDocument) -> None:
        doc.insert_position(self.position, self.index)

    def revert(self, doc: MapDocument) -> None:
        doc.delete_position(self.position.id)


@dataclass
class RemovePosition:
    """Remove a position and the views of it (restored on undo)."""

    position_id: str
    _removed: tuple[Position, int] | None = field(default=None, repr=False)
    _views: Detached | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        return "Remove position"

    def apply(self, doc: MapDocument) -> None:
        MapDocument._get(doc.positions, self.position_id, "position")
        self._views = detach_position(doc, self.position_id)
        self._removed = doc.delete_position(self.position_id)

    def revert(self, doc: MapDocument) -> None:
        assert self._removed is not None, "revert before apply"
        doc.insert_position(*self._removed)
        if self._views is not None:
            self._views.restore(doc)


_POSITION_CHANGE = {
    "label": "Rename position",
    "description": "Describe position",
    "grounds": "Change grounds of position",
    "stances": "Change stances on position",
    "sides": "Change ground sides of position",
}
"""Undo text of an :class:`UpdatePosition` that changes one field: Edit → Undo and the
History panel then say what an undo takes back, not just "Edit position"."""


@dataclass
class UpdatePosition:
    """Change fields of a position (its question, description, grounds or stances).

    ``name`` replaces the undo text when the caller knows a more telling one ("Ground
    position" for grounds taken from the map's selection); otherwise the text names the
    changed field (see :data:`_POSITION_CHANGE`).
    """

    position_id: str
    changes: dict[str, Any]
    name: str = ""
    _old: Position | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        if self.name:
            return self.name
        if len(self.changes) == 1:
            return _POSITION_CHANGE.get(next(iter(self.changes)), "Edit position")
        return "Edit position"

    def apply(self, doc: MapDocument) -> None:
        old = MapDocument._get(doc.positions, self.position_id, "position")
        if not isinstance(self.changes, Mapping):
            raise EditError(f"expected changes by field name, got {type(self.changes).__name__}")
        changes = dict(self.changes)
        grounds = changes.get("grounds")
        if isinstance(grounds, list) and "sides" not in changes and old.sides:
            # a ground taken out of the position takes its recorded side with it
            kept = {g for g in grounds if isinstance(g, str)}
            changes["sides"] = {g: side for g, side in old.sides.items() if g in kept}
        self._old = doc.replace_position(_updated(old, changes))

    def revert(self, doc: MapDocument) -> None:
        assert self._old is not None, "revert before apply"
        doc.replace_position(self._old)


@dataclass
class SetStance:
    """Set (or, with ``None``, clear) one author's stance on a position."""

    position_id: str
    author_id: str
    stance: Stance | None
    name: str = ""
    """An undo text a caller gives (with the author's and position's names)."""
    _old: Position | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        if self.name:
            return self.name
        if self.stance is None:
            return f"Clear {self.author_id}'s stance on {self.position_id}"
        return f"Set {self.author_id}'s stance on {self.position_id} to {self.stance}"

    def apply(self, doc: MapDocument) -> None:
        old = MapDocument._get(doc.positions, self.position_id, "position")
        if not isinstance(self.author_id, str):
            raise EditError(f"no author with id {self.author_id!r}")
        stances = dict(old.stances)
        if self.stance is None:
            stances.pop(self.author_id, None)
        else:
            stances[self.author_id] = self.stance
        self._old = doc.replace_position(_updated(old, {"stances": stances}))

    def revert(self, doc: MapDocument) -> None:
        assert self._old is not None, "revert before apply"
        doc.replace_position(self._old)


@dataclass
class SetMeta:
    """Set the map's title and description (``name`` is the undo text a caller gives)."""

    title: str
    description: str
    name: str = "Edit map title"
    _old: tuple[str, str] | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        return self.name

    def apply(self, doc: MapDocument) -> None:
        self._old = doc.set_meta(self.title, self.description)

    def revert(self, doc: MapDocument) -> None:
        assert self._old is not None, "revert before apply"
        doc.set_meta(*self._old)


@dataclass
class Macro:
    """Several edits as one gesture (one undo entry). If one fails, those applied are reverted."""

    edits: Sequence[Edit]
    name: str

    @property
    def label(self) -> str:
        return self.name

    def apply(self, doc: MapDocument) -> None:
        done: list[Edit] = []
        try:
            for edit in self.edits:
                edit.apply(doc)
                done.append(edit)
        except Exception:
            for edit in reversed(done):
                edit.revert(doc)
            raise

    def revert(self, doc: MapDocument) -> None:
        for edit in reversed(self.edits):
            edit.revert(doc)


def remove_claims(claim_ids: Sequence[str]) -> Macro:
    """Delete several claims as one undo entry (each takes its links with it)."""
    ids = list(dict.fromkeys(claim_ids))
    return Macro(
        [RemoveClaim(c) for c in ids],
        "Delete claim" if len(ids) == 1 else f"Delete {len(ids)} claims",
    )


@dataclass
class SetGroundSide:
    """Record which side of a position's question a claim argues (``None``: take its
    author's stated stance again). A claim that is not yet a ground becomes one."""

    position_id: str
    claim_id: str
    side: GroundSide | None
    _old: Position | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        return f"Mark ground as {self.side}" if self.side else "Clear ground side"

    def apply(self, doc: MapDocument) -> None:
        old = MapDocument._get(doc.positions, self.position_id, "position")
        MapDocument._get(doc.claims, self.claim_id, "claim")
        grounds = list(old.grounds)
        sides = dict(old.sides)
        if self.side is None:
            sides.pop(self.claim_id, None)
        else:
            if self.claim_id not in grounds:
                grounds.append(self.claim_id)
            sides[self.claim_id] = self.side
        self._old = doc.replace_position(_updated(old, {"grounds": grounds, "sides": sides}))

    def revert(self, doc: MapDocument) -> None:
        assert self._old is not None, "revert before apply"
        doc.replace_position(self._old)
