"""Reversible edits of a map's views (saved parts of a map for teaching).

Kept apart from :mod:`argmap.edit.edits` (which holds the claim, link and position edits)
so that the views' rules stay in one place: making a view from the selection, a position
or an author is one :class:`AddView`, one undo step; changing its teaching order or its
name is one :class:`UpdateView`. Deleting a claim or a position a view refers to must not
leave the view naming something gone (the file loader would refuse the map), so
:func:`detach_claim` and :func:`detach_position` take it out of the views, and put it back
on undo, for :class:`~argmap.edit.edits.RemoveClaim` and ``RemovePosition``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from argmap.edit.document import EditError, MapDocument
from argmap.map.model import View, ViewKind


@dataclass
class AddView:
    view: View
    index: int | None = None
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or f"Make view “{self.view.name}”"

    def apply(self, doc: MapDocument) -> None:
        doc.insert_view(self.view, self.index)

    def revert(self, doc: MapDocument) -> None:
        doc.delete_view(self.view.id)


@dataclass
class RemoveView:
    view_id: str
    _removed: tuple[View, int] | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        return "Delete view"

    def apply(self, doc: MapDocument) -> None:
        self._removed = doc.delete_view(self.view_id)

    def revert(self, doc: MapDocument) -> None:
        assert self._removed is not None, "revert before apply"
        doc.insert_view(*self._removed)


_VIEW_CHANGE = {"name": "Rename view", "steps": "Change the steps of view"}


@dataclass
class UpdateView:
    """Change fields of a view (its name, its steps, its claims ...)."""

    view_id: str
    changes: dict[str, Any]
    name: str = ""
    _old: View | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        if self.name:
            return self.name
        if len(self.changes) == 1:
            return _VIEW_CHANGE.get(next(iter(self.changes)), "Edit view")
        return "Edit view"

    def apply(self, doc: MapDocument) -> None:
        old = MapDocument._get(doc.views, self.view_id, "view")
        if "id" in self.changes and self.changes["id"] != old.id:
            raise EditError("an id cannot be changed; remove and add instead")
        try:
            new = View.model_validate({**old.model_dump(), **self.changes})
        except ValueError as exc:
            raise EditError(str(exc)) from None
        self._old = doc.replace_view(new)

    def revert(self, doc: MapDocument) -> None:
        assert self._old is not None, "revert before apply"
        doc.replace_view(self._old)


def new_view(
    doc: MapDocument,
    name: str,
    kind: ViewKind,
    *,
    claims: Sequence[str] = (),
    position: str | None = None,
    author: str | None = None,
    depth: int = 1,
) -> AddView:
    """An :class:`AddView` of a fresh view with a free id (``view-N``) and a unique name."""
    taken = {v.name for v in doc.views.values()}
    unique, n = name, 2
    while unique in taken:
        unique, n = f"{name} ({n})", n + 1
    view = View(
        id=doc.new_id("view"),
        name=unique,
        kind=kind,
        claims=list(dict.fromkeys(claims)),
        position=position,
        author=author,
        depth=depth,
    )
    return AddView(view)


def view_of_selection(doc: MapDocument, claim_ids: Sequence[str], name: str = "") -> AddView:
    """A hand-picked view of the selected claims (one undo step)."""
    ids = [c for c in dict.fromkeys(claim_ids) if c in doc.claims]
    if not ids:
        raise EditError("select the claims the view should show")
    return new_view(doc, name or f"{len(ids)} chosen claims", "claims", claims=ids)


def view_of_position(doc: MapDocument, position_id: str) -> AddView:
    """A view of one question: the position's grounds and what supports or attacks them."""
    position = MapDocument._get(doc.positions, position_id, "position")
    return new_view(doc, position.label, "position", position=position_id)


def view_of_author(doc: MapDocument, author_id: str) -> AddView:
    """A view of one author's argument with the attacks other authors make on it."""
    author = MapDocument._get(doc.authors, author_id, "author")
    return new_view(doc, author.name, "author", author=author_id)


@dataclass
class Detached:
    """Views changed or removed so a claim or position could go; :meth:`restore` undoes it."""

    changed: list[View] = field(default_factory=list)
    removed: list[tuple[View, int]] = field(default_factory=list)

    def restore(self, doc: MapDocument) -> None:
        for view, index in sorted(self.removed, key=lambda pair: pair[1]):
            doc.insert_view(view, index)
        for view in self.changed:
            doc.replace_view(view)


def detach_claim(doc: MapDocument, claim_id: str) -> Detached:
    """Take a claim out of every view; a view left with no claims it needs is removed.

    Called before the claim itself is deleted (the views' check needs it gone from them).
    """
    detached = Detached()
    # Last first, so each recorded index is the view's original place in the map.
    for view in reversed(list(doc.map.views)):
        if claim_id not in view.claims and claim_id not in view.steps:
            continue
        claims = [c for c in view.claims if c != claim_id]
        steps = [c for c in view.steps if c != claim_id]
        if view.kind in ("claims", "around") and not claims:
            detached.removed.append(doc.delete_view(view.id))
        else:
            new = view.model_copy(update={"claims": claims, "steps": steps})
            detached.changed.append(doc.replace_view(new))
    return detached


def detach_position(doc: MapDocument, position_id: str) -> Detached:
    """Remove the views of a position, before the position itself is deleted."""
    detached = Detached()
    for view in reversed(list(doc.map.views)):
        if view.position == position_id:
            detached.removed.append(doc.delete_view(view.id))
    return detached
