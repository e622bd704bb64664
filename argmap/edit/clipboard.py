"""Copy and paste of parts of a map, without Qt.

A copied selection is itself a small, valid :class:`~argmap.map.model.ArgumentMap` (a
*fragment*): the claims, the links among them and the authors and sources they refer to.
Being a map, it travels as ordinary map-file JSON (the app puts it on the system
clipboard), is validated like any file on the way back in, and can be pasted into the
same map or another one. Pasting is one :class:`~argmap.edit.edits.Macro`, so one undo entry.

Pasted claims and links always get fresh ids (a paste into the same map must not clash).
Authors and sources are reused when the target already has a compatible one (same id and
same name / same text, or failing that the same name / the same text under another id), so
copying between two maps of the same debate does not duplicate the authors.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from argmap.edit.document import Edit, MapDocument
from argmap.edit.edits import AddAuthor, AddClaim, AddLink, AddSource, Macro
from argmap.map.model import ArgumentMap, Author, Claim, Link, Point, Source

FRAGMENT_TITLE = "argmap fragment"


def fragment(doc: MapDocument, claim_ids: Iterable[str]) -> ArgumentMap:
    """The claims ``claim_ids`` (unknown ids ignored) as a self-contained map.

    Claims keep map order (so a paste keeps their order), links are those with both ends in
    the selection, and authors/sources are those the claims (and those sources) name.
    """
    wanted = {c for c in claim_ids if c in doc.claims}
    claims = [c for c in doc.map.claims if c.id in wanted]
    links = [x for x in doc.map.links if x.from_claim in wanted and x.to_claim in wanted]
    source_ids = {c.source for c in claims if c.source is not None}
    sources = [s for s in doc.map.sources if s.id in source_ids]
    author_ids = {c.author for c in claims if c.author is not None}
    for source in sources:
        author_ids.update(source.authors)
    authors = [a for a in doc.map.authors if a.id in author_ids]
    return ArgumentMap(
        title=FRAGMENT_TITLE,
        sources=[s.model_copy() for s in sources],
        authors=[a.model_copy() for a in authors],
        claims=[c.model_copy() for c in claims],
        links=[x.model_copy() for x in links],
    )


class _Ids:
    """Fresh ids for a paste: unused in the document *and* not handed out earlier in it.

    ``MapDocument.new_id`` only knows what is already inserted; a macro is built before it
    is applied, so the ids it reserves must be remembered here.
    """

    def __init__(self, doc: MapDocument) -> None:
        self._taken: set[str] = set(doc.claims) | set(doc.links) | set(doc.sources)
        self._taken |= set(doc.authors) | set(doc.positions)
        self._next: dict[str, int] = {}

    def take(self, item_id: str) -> None:
        self._taken.add(item_id)

    def is_free(self, item_id: str) -> bool:
        return item_id not in self._taken

    def fresh(self, prefix: str) -> str:
        n = self._next.get(prefix, len(self._taken) + 1)
        while f"{prefix}-{n}" in self._taken:
            n += 1
        self._next[prefix] = n + 1
        new = f"{prefix}-{n}"
        self._taken.add(new)
        return new


def _author_target(doc: MapDocument, author: Author, ids: _Ids) -> tuple[str, Author | None]:
    """The id the pasted ``author`` maps to, and the author to add (None: reuse one)."""
    same = doc.authors.get(author.id)
    if same is not None and same.name == author.name:
        return same.id, None
    for existing in doc.authors.values():
        if existing.name == author.name:
            return existing.id, None
    if ids.is_free(author.id):
        ids.take(author.id)
        return author.id, author
    new_id = ids.fresh("author")
    return new_id, author.model_copy(update={"id": new_id})


def _source_target(
    doc: MapDocument, source: Source, ids: _Ids, authors: Mapping[str, str]
) -> tuple[str, Source | None]:
    """The id the pasted ``source`` maps to, and the source to add (None: reuse one).

    A source is only reused when its text is identical, so pasted quotes stay valid.
    """
    same = doc.sources.get(source.id)
    if same is not None and same.text == source.text:
        return same.id, None
    for existing in doc.sources.values():
        if existing.text == source.text and existing.title == source.title:
            return existing.id, None
    new_id = source.id if ids.is_free(source.id) else ids.fresh("source")
    ids.take(new_id)
    remapped = [authors.get(a, a) for a in source.authors]
    return new_id, source.model_copy(update={"id": new_id, "authors": remapped})


def paste_edit(
    doc: MapDocument, frag: ArgumentMap, offset: tuple[float, float] = (0.0, 0.0)
) -> Macro:
    """The edit that pastes ``frag`` into ``doc`` (see :func:`pasted_claim_ids`).

    Saved positions are shifted by ``offset`` so a paste into the same map lands beside the
    originals instead of exactly on top of them. The edit is not applied here.
    """
    ids = _Ids(doc)
    edits: list[Edit] = []
    author_map: dict[str, str] = {}
    for author in frag.authors:
        target, to_add = _author_target(doc, author, ids)
        author_map[author.id] = target
        if to_add is not None:
            edits.append(AddAuthor(to_add))
    source_map: dict[str, str] = {}
    for source in frag.sources:
        target, to_add_source = _source_target(doc, source, ids, author_map)
        source_map[source.id] = target
        if to_add_source is not None:
            edits.append(AddSource(to_add_source))

    claim_map: dict[str, str] = {}
    new_claims: list[Claim] = []
    dx, dy = offset
    for claim in frag.claims:
        new_id = ids.fresh("c")
        claim_map[claim.id] = new_id
        pos = claim.pos
        new_claims.append(
            claim.model_copy(
                update={
                    "id": new_id,
                    "author": author_map.get(claim.author, claim.author) if claim.author else None,
                    "source": source_map.get(claim.source, claim.source) if claim.source else None,
                    "pos": Point(x=pos.x + dx, y=pos.y + dy) if pos is not None else None,
                }
            )
        )
    edits.extend(AddClaim(c) for c in new_claims)
    for link in frag.links:
        if link.from_claim in claim_map and link.to_claim in claim_map:
            edits.append(
                AddLink(
                    Link(
                        id=ids.fresh("l"),
                        kind=link.kind,
                        from_claim=claim_map[link.from_claim],
                        to_claim=claim_map[link.to_claim],
                        note=link.note,
                        origin=link.origin,
                    )
                )
            )
    n = len(new_claims)
    name = "Paste claim" if n == 1 else f"Paste {n} claims"
    return Macro(edits, name)


def pasted_claim_ids(paste: Macro) -> list[str]:
    """The ids the claims of a paste edit get, in order (to select them after pasting)."""
    return [e.claim.id for e in paste.edits if isinstance(e, AddClaim)]


def plain_text(frag: ArgumentMap) -> str:
    """A readable version of a fragment for other programs: one claim per line."""
    authors = {a.id: a.name for a in frag.authors}
    lines = []
    for claim in frag.claims:
        who = f" ({authors[claim.author]})" if claim.author in authors else ""
        lines.append(f"[{claim.kind}] {claim.text}{who}")
    return "\n".join(lines)
