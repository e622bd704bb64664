"""The only thing that changes a map: :class:`MapDocument`, and :class:`History` for undo.

A view never touches an :class:`~argmap.map.model.ArgumentMap` directly. It applies edits
(:mod:`argmap.edit.edits`) to the document and mirrors what the document's psygnal signals
report. The primitives here (``insert_claim``, ``replace_claim`` ...) keep the id indices
current, check every invariant an edit could break *before* touching anything, and emit one
signal per change; edits are written only in terms of these primitives, so an edit that
fails leaves the map as it was.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, overload

from argmap.edit import values
from argmap.map.invariants import claim_problems, link_problems, quote_problems, view_problems
from argmap.map.model import ArgumentMap, Author, Claim, Link, Point, Position, Source, View

if TYPE_CHECKING:
    from psygnal import Signal as _PsygnalSignal
    from psygnal import SignalInstance


class Signal:
    """A psygnal ``Signal`` that imports psygnal the first time it is used.

    psygnal's import (with the package metadata it reads for its version) is some 35 ms of
    start-up, which code that makes a document but never listens to it (an image export
    of a map that is not open) need not pay. On first access this descriptor puts the real
    psygnal ``Signal`` in its place on the class, so every later access is psygnal's own.
    """

    def __init__(self, *types: Any) -> None:
        self._types = types
        self._name = ""

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._name = name

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> _PsygnalSignal: ...

    @overload
    def __get__(self, instance: object, owner: type[Any]) -> SignalInstance: ...

    def __get__(self, instance: object | None, owner: type[Any]) -> Any:
        from psygnal import Signal as Real

        real = Real(*self._types)
        real.__set_name__(owner, self._name)
        setattr(owner, self._name, real)
        return real.__get__(instance, owner)


class EditError(ValueError):
    """An edit would break an invariant of the map; nothing was changed."""


class Edit(Protocol):
    """A reversible change: ``apply`` then ``revert`` leaves the document as it was."""

    @property
    def label(self) -> str: ...

    def apply(self, doc: MapDocument) -> None: ...

    def revert(self, doc: MapDocument) -> None: ...


_Item = TypeVar("_Item", Source, Author, Claim, Link, Position, View)


class MapDocument:
    """An argument map being edited, with id indices and change signals.

    Signals carry the affected object (or id); ``changed`` fires after every primitive so a
    listener that only needs "something changed" (the modified marker, autosave, the
    grounded-labelling overlay) can listen to one signal.
    """

    claim_added = Signal(Claim)
    claim_removed = Signal(str)
    claim_changed = Signal(Claim, Claim)  # old, new
    claims_moved = Signal(dict)  # id -> Point | None
    link_added = Signal(Link)
    link_removed = Signal(str)
    link_changed = Signal(Link, Link)
    source_added = Signal(Source)
    source_removed = Signal(str)
    source_changed = Signal(Source, Source)
    author_added = Signal(Author)
    author_removed = Signal(str)
    author_changed = Signal(Author, Author)
    position_added = Signal(Position)
    position_removed = Signal(str)
    position_changed = Signal(Position, Position)
    view_added = Signal(View)
    view_removed = Signal(str)
    view_changed = Signal(View, View)
    meta_changed = Signal()
    reset = Signal()
    changed = Signal()

    def __init__(self, amap: ArgumentMap | None = None) -> None:
        self.map = amap if amap is not None else ArgumentMap()
        self._reindex()

    # ----------------------------------------------------------------- reading
    def _reindex(self) -> None:
        self.claims: dict[str, Claim] = {c.id: c for c in self.map.claims}
        self.links: dict[str, Link] = {x.id: x for x in self.map.links}
        self.sources: dict[str, Source] = {s.id: s for s in self.map.sources}
        self.authors: dict[str, Author] = {a.id: a for a in self.map.authors}
        self.positions: dict[str, Position] = {p.id: p for p in self.map.positions}
        self.views: dict[str, View] = {v.id: v for v in self.map.views}
        self._link_keys: set[tuple[str, str, str]] = {
            (x.from_claim, x.to_claim, x.kind) for x in self.map.links
        }
        self._links_of: dict[str, set[str]] = {c: set() for c in self.claims}
        for link in self.map.links:
            self._links_of.setdefault(link.from_claim, set()).add(link.id)
            self._links_of.setdefault(link.to_claim, set()).add(link.id)

    def links_of(self, claim_id: str) -> list[Link]:
        """Links touching a claim, in map order (so undo can restore that order)."""
        ids = self._links_of.get(claim_id)
        if not ids:
            return []
        return [x for x in self.map.links if x.id in ids]

    def new_id(self, prefix: str) -> str:
        """A fresh id ``prefix-N`` not used by any object of the map."""
        taken = self.claims.keys() | self.links.keys() | self.sources.keys()
        taken |= self.authors.keys() | self.positions.keys() | self.views.keys()
        n = len(taken) + 1
        while f"{prefix}-{n}" in taken:
            n += 1
        return f"{prefix}-{n}"

    def set_map(self, amap: ArgumentMap) -> None:
        """Replace the whole map (open, revert); not undoable, so the caller clears history."""
        self.map = amap
        self._reindex()
        self.reset.emit()
        self.changed.emit()

    # ----------------------------------------------------------------- checks
    @staticmethod
    def _loadable(item: object, model: type[_Item], what: str) -> _Item:
        """``item`` as the file loader would accept it, else :class:`EditError`: an edit
        never brings in a value that would make the map unsavable or its file unloadable
        (see :mod:`argmap.edit.values`)."""
        try:
            return values.loadable(item, model, f"{what} {_id_of(item)!r}")
        except values.ValueProblem as exc:
            raise EditError(str(exc)) from None

    def _check_claim(self, claim: Claim) -> None:
        problems = claim_problems(claim, self.authors, self._texts())
        if problems:
            raise EditError(f"claim {claim.id!r}: {problems[0].message}")

    def _texts(self) -> _SourceTexts:
        return _SourceTexts(self.sources)

    def _check_link(self, link: Link, replacing: Link | None = None) -> None:
        problems = link_problems(link, self.claims)
        if problems:
            raise EditError(f"link {link.id!r}: {problems[0].message}")
        key = (link.from_claim, link.to_claim, link.kind)
        old_key = (
            None
            if replacing is None
            else (replacing.from_claim, replacing.to_claim, replacing.kind)
        )
        if key in self._link_keys and key != old_key:
            raise EditError(
                f"there is already a {link.kind} link from {link.from_claim!r} to {link.to_claim!r}"
            )

    def _check_position(self, position: Position) -> None:
        for author in position.stances:
            if author not in self.authors:
                raise EditError(f"position {position.id!r}: unknown author {author!r}")
        for ground in position.grounds:
            if ground not in self.claims:
                raise EditError(f"position {position.id!r}: unknown claim {ground!r}")
        for ground in position.sides:
            if ground not in position.grounds:
                raise EditError(
                    f"position {position.id!r}: a side for {ground!r}, which is not a ground"
                )

    def _check_new_id(self, index: Mapping[str, object], item_id: str) -> None:
        if item_id in index:
            raise EditError(f"id {item_id!r} is already used")

    # ----------------------------------------------------------------- claims
    def insert_claim(self, claim: Claim, index: int | None = None) -> None:
        claim = self._loadable(claim, Claim, "claim")
        index = _index_value(index)
        self._check_new_id(self.claims, claim.id)
        self._check_claim(claim)
        _insert(self.map.claims, claim, index)
        self.claims[claim.id] = claim
        self._links_of[claim.id] = set()
        self.claim_added.emit(claim)
        self.changed.emit()

    def delete_claim(self, claim_id: str) -> tuple[Claim, int]:
        """Remove a claim that no link or position refers to; returns it and its index."""
        claim = self._get(self.claims, claim_id, "claim")
        if self._links_of.get(claim_id):
            raise EditError(f"claim {claim_id!r} still has links; remove them first")
        if any(claim_id in p.grounds for p in self.positions.values()):
            raise EditError(f"claim {claim_id!r} still grounds a position")
        if any(claim_id in v.claims or claim_id in v.steps for v in self.views.values()):
            raise EditError(f"claim {claim_id!r} is still part of a view")
        index = _remove(self.map.claims, claim)
        del self.claims[claim_id]
        self._links_of.pop(claim_id, None)
        self.claim_removed.emit(claim_id)
        self.changed.emit()
        return claim, index

    def replace_claim(self, new: Claim) -> Claim:
        new = self._loadable(new, Claim, "claim")
        old = self._get(self.claims, new.id, "claim")
        self._check_claim(new)
        self.map.claims[_index_of(self.map.claims, old)] = new
        self.claims[new.id] = new
        self.claim_changed.emit(old, new)
        self.changed.emit()
        return old

    def move_claims(self, positions: Mapping[str, Point | None]) -> dict[str, Point | None]:
        """Set saved positions; returns the previous ones. One signal for the whole batch."""
        if not isinstance(positions, Mapping):
            raise EditError(f"expected positions by claim id, got {type(positions).__name__}")
        for claim_id, pos in positions.items():
            self._get(self.claims, claim_id, "claim")
            try:
                values.point_value(pos, f"claim {claim_id!r}")
            except values.ValueProblem as exc:
                raise EditError(str(exc)) from None
        old: dict[str, Point | None] = {}
        order = {c.id: i for i, c in enumerate(self.map.claims)} if len(positions) > 16 else None
        for claim_id, pos in positions.items():
            claim = self.claims[claim_id]
            old[claim_id] = claim.pos
            new = claim.model_copy(update={"pos": pos})
            i = order[claim_id] if order is not None else _index_of(self.map.claims, claim)
            self.map.claims[i] = new
            self.claims[claim_id] = new
        self.claims_moved.emit(dict(positions))
        self.changed.emit()
        return old

    # ----------------------------------------------------------------- links
    def insert_link(self, link: Link, index: int | None = None) -> None:
        link = self._loadable(link, Link, "link")
        index = _index_value(index)
        self._check_new_id(self.links, link.id)
        self._check_link(link)
        _insert(self.map.links, link, index)
        self.links[link.id] = link
        self._link_keys.add((link.from_claim, link.to_claim, link.kind))
        self._links_of[link.from_claim].add(link.id)
        self._links_of[link.to_claim].add(link.id)
        self.link_added.emit(link)
        self.changed.emit()

    def delete_link(self, link_id: str) -> tuple[Link, int]:
        link = self._get(self.links, link_id, "link")
        index = _remove(self.map.links, link)
        del self.links[link_id]
        self._link_keys.discard((link.from_claim, link.to_claim, link.kind))
        self._links_of[link.from_claim].discard(link_id)
        self._links_of[link.to_claim].discard(link_id)
        self.link_removed.emit(link_id)
        self.changed.emit()
        return link, index

    def replace_link(self, new: Link) -> Link:
        new = self._loadable(new, Link, "link")
        old = self._get(self.links, new.id, "link")
        self._check_link(new, replacing=old)
        self.map.links[_index_of(self.map.links, old)] = new
        self.links[new.id] = new
        self._link_keys.discard((old.from_claim, old.to_claim, old.kind))
        self._link_keys.add((new.from_claim, new.to_claim, new.kind))
        for end in (old.from_claim, old.to_claim):
            self._links_of[end].discard(old.id)
        for end in (new.from_claim, new.to_claim):
            self._links_of[end].add(new.id)
        self.link_changed.emit(old, new)
        self.changed.emit()
        return old

    # ----------------------------------------------------------------- sources
    def insert_source(self, source: Source, index: int | None = None) -> None:
        source = self._loadable(source, Source, "source")
        index = _index_value(index)
        self._check_new_id(self.sources, source.id)
        for author in source.authors:
            if author not in self.authors:
                raise EditError(f"source {source.id!r}: unknown author {author!r}")
        _insert(self.map.sources, source, index)
        self.sources[source.id] = source
        self.source_added.emit(source)
        self.changed.emit()

    def delete_source(self, source_id: str) -> tuple[Source, int]:
        source = self._get(self.sources, source_id, "source")
        users = [c.id for c in self.claims.values() if c.source == source_id]
        if users:
            raise EditError(f"source {source_id!r} is still quoted by {len(users)} claim(s)")
        index = _remove(self.map.sources, source)
        del self.sources[source_id]
        self.source_removed.emit(source_id)
        self.changed.emit()
        return source, index

    def replace_source(self, new: Source) -> Source:
        new = self._loadable(new, Source, "source")
        old = self._get(self.sources, new.id, "source")
        for author in new.authors:
            if author not in self.authors:
                raise EditError(f"source {new.id!r}: unknown author {author!r}")
        if new.text != old.text:
            for claim in self.claims.values():
                quote = claim.quote
                if claim.source == new.id and quote and quote_problems("quote", quote, new.text):
                    raise EditError(f"the new text breaks the quote of claim {claim.id!r}")
        self.map.sources[_index_of(self.map.sources, old)] = new
        self.sources[new.id] = new
        self.source_changed.emit(old, new)
        self.changed.emit()
        return old

    # ----------------------------------------------------------------- authors
    def insert_author(self, author: Author, index: int | None = None) -> None:
        author = self._loadable(author, Author, "author")
        index = _index_value(index)
        self._check_new_id(self.authors, author.id)
        _insert(self.map.authors, author, index)
        self.authors[author.id] = author
        self.author_added.emit(author)
        self.changed.emit()

    def delete_author(self, author_id: str) -> tuple[Author, int]:
        author = self._get(self.authors, author_id, "author")
        if any(c.author == author_id for c in self.claims.values()):
            raise EditError(f"author {author_id!r} still has claims")
        if any(author_id in s.authors for s in self.sources.values()):
            raise EditError(f"author {author_id!r} still signs a source")
        if any(author_id in p.stances for p in self.positions.values()):
            raise EditError(f"author {author_id!r} still has stances")
        if any(v.author == author_id for v in self.views.values()):
            raise EditError(f"author {author_id!r} still has a view")
        index = _remove(self.map.authors, author)
        del self.authors[author_id]
        self.author_removed.emit(author_id)
        self.changed.emit()
        return author, index

    def replace_author(self, new: Author) -> Author:
        new = self._loadable(new, Author, "author")
        old = self._get(self.authors, new.id, "author")
        self.map.authors[_index_of(self.map.authors, old)] = new
        self.authors[new.id] = new
        self.author_changed.emit(old, new)
        self.changed.emit()
        return old

    # ----------------------------------------------------------------- positions
    def insert_position(self, position: Position, index: int | None = None) -> None:
        position = self._loadable(position, Position, "position")
        index = _index_value(index)
        self._check_new_id(self.positions, position.id)
        self._check_position(position)
        _insert(self.map.positions, position, index)
        self.positions[position.id] = position
        self.position_added.emit(position)
        self.changed.emit()

    def delete_position(self, position_id: str) -> tuple[Position, int]:
        position = self._get(self.positions, position_id, "position")
        if any(v.position == position_id for v in self.views.values()):
            raise EditError(f"position {position_id!r} still has a view")
        index = _remove(self.map.positions, position)
        del self.positions[position_id]
        self.position_removed.emit(position_id)
        self.changed.emit()
        return position, index

    def replace_position(self, new: Position) -> Position:
        new = self._loadable(new, Position, "position")
        old = self._get(self.positions, new.id, "position")
        self._check_position(new)
        self.map.positions[_index_of(self.map.positions, old)] = new
        self.positions[new.id] = new
        self.position_changed.emit(old, new)
        self.changed.emit()
        return old

    # ----------------------------------------------------------------- views
    def _check_view(self, view: View) -> None:
        problems = view_problems(view, self.claims, self.authors, self.positions)
        if problems:
            raise EditError(f"view {view.id!r}: {problems[0].message}")

    def insert_view(self, view: View, index: int | None = None) -> None:
        self._check_new_id(self.views, view.id)
        self._check_view(view)
        _insert(self.map.views, view, index)
        self.views[view.id] = view
        self.view_added.emit(view)
        self.changed.emit()

    def delete_view(self, view_id: str) -> tuple[View, int]:
        view = self._get(self.views, view_id, "view")
        index = _remove(self.map.views, view)
        del self.views[view_id]
        self.view_removed.emit(view_id)
        self.changed.emit()
        return view, index

    def replace_view(self, new: View) -> View:
        old = self._get(self.views, new.id, "view")
        self._check_view(new)
        self.map.views[_index_of(self.map.views, old)] = new
        self.views[new.id] = new
        self.view_changed.emit(old, new)
        self.changed.emit()
        return old

    # ----------------------------------------------------------------- map
    def set_meta(self, title: str, description: str) -> tuple[str, str]:
        try:
            values.text_value(title, "map title")
            values.text_value(description, "map description")
        except values.ValueProblem as exc:
            raise EditError(str(exc)) from None
        old = (self.map.title, self.map.description)
        self.map.title = title
        self.map.description = description
        self.meta_changed.emit()
        self.changed.emit()
        return old

    @staticmethod
    def _get(index: Mapping[str, _Item], item_id: str, what: str) -> _Item:
        try:
            return index[item_id]
        except (KeyError, TypeError):  # TypeError: an unhashable "id" (a list, a dict)
            raise EditError(f"no {what} with id {item_id!r}") from None


def _id_of(item: object) -> object:
    return getattr(item, "id", "?")


def _index_value(index: object) -> int | None:
    try:
        return values.index_value(index)
    except values.ValueProblem as exc:
        raise EditError(str(exc)) from None


def _insert(items: list[_Item], item: _Item, index: int | None) -> None:
    if index is None or index >= len(items):
        items.append(item)
    else:
        items.insert(index, item)


class _SourceTexts(Mapping[str, str]):
    """Source texts by id, read through the document's source index (no copy per edit)."""

    def __init__(self, sources: Mapping[str, Source]) -> None:
        self._sources = sources

    def __getitem__(self, key: str) -> str:
        return self._sources[key].text

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)

    def __contains__(self, key: object) -> bool:
        return key in self._sources


def _index_of(items: list[_Item], item: _Item) -> int:
    """Where ``item`` itself stands. By identity: ``list.index`` would compare pydantic
    models field by field against every earlier item, a cost felt on every drag."""
    for i, candidate in enumerate(items):
        if candidate is item:
            return i
    raise EditError(f"{item.id!r} is not in the map")


def _remove(items: list[_Item], item: _Item) -> int:
    # Search from the end: removals are mostly of recent objects (undo of an add).
    for i in range(len(items) - 1, -1, -1):
        if items[i] is item:
            del items[i]
            return i
    raise EditError(f"{item.id!r} is not in the map")


class History:
    """Undo/redo of edits without Qt (scripts, tests, the command line).

    The desktop app uses a ``QUndoStack`` of the same edits instead; both only ever call
    ``edit.apply`` and ``edit.revert``.
    """

    def __init__(self, doc: MapDocument) -> None:
        self.doc = doc
        self._done: list[Edit] = []
        self._undone: list[Edit] = []
        self._clean_at: int | None = 0

    def do(self, edit: Edit) -> None:
        """Apply ``edit`` and record it; a failing edit raises and records nothing."""
        edit.apply(self.doc)
        self._done.append(edit)
        if self._clean_at is not None and self._clean_at > len(self._done) - 1:
            self._clean_at = None
        self._undone.clear()

    def undo(self) -> bool:
        if not self._done:
            return False
        edit = self._done.pop()
        edit.revert(self.doc)
        self._undone.append(edit)
        return True

    def redo(self) -> bool:
        if not self._undone:
            return False
        edit = self._undone.pop()
        edit.apply(self.doc)
        self._done.append(edit)
        return True

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_label(self) -> str:
        return self._done[-1].label if self._done else ""

    @property
    def redo_label(self) -> str:
        return self._undone[-1].label if self._undone else ""

    def mark_clean(self) -> None:
        self._clean_at = len(self._done)

    @property
    def is_clean(self) -> bool:
        return self._clean_at == len(self._done)

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
        self._clean_at = 0
