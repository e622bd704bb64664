"""Argdown to and from argmap.

**Writing.** Every claim becomes one titled statement, defined once under a heading of its
author, followed by its incoming links as a relation tree (``+ [Title]`` support,
``- [Title]`` attack). What Argdown has no syntax for travels as YAML data, so an argmap
file survives the round trip and Argdown's own tools still read the file:

- each statement carries ``{id, kind, author, source, quote: {start, end}, pos: [x, y],
  note, tags, origin, text}`` (``text`` only when the label has characters Argdown would
  read as markup); the kind is also written as a tag (``#thesis``) so Argdown colours by it;
- the front matter carries ``argmap: {description, authors, sources, positions, links}``;
  ``links`` lists only the links that have a note or an extractor origin, so those keep
  their ids and notes; other links get fresh ids.

**Reading** any Argdown document: equivalence classes and arguments become claims;
relations become links (support and entails as support; attack, contrary, contradictory
and undercut as attack, with symmetric ones in both directions and undercuts noted); a
reconstructed argument's premises support the argument and the argument supports its main
conclusion, as Argdown draws it. A claim's kind comes from ``kind`` data or a kind-named tag,
else ``thesis`` for a claim that is only supported or attacked, else ``premise``. Its author
comes from ``author`` (or ``proponent``) data on the statement or its heading. Headings
without such data become ``group:`` tags; claims made from arguments are tagged ``argument``.
A title the author wrote (``[Engage]``) becomes the tag ``title:Engage`` unless it is the one
the writer would make from the label anyway, and the writer uses it as the statement's title,
so Argdown → argmap → Argdown keeps the author's titles.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from argmap.formats._common import (
    KINDS,
    IdMaker,
    ImportResult,
    as_kind,
    fail,
    one_line,
    slug,
    views_within,
)
from argmap.formats.argdown_model import ArgdownError, Argument, Document, Statement
from argmap.formats.argdown_syntax import parse
from argmap.formats.argdown_writer import TITLE_TAG, write_argdown, writer_title
from argmap.util.gcpause import collector_paused

if TYPE_CHECKING:
    from pydantic import BaseModel

    from argmap.map.model import ArgumentMap, LinkKind

# The reader builds a map file's JSON directly and imports pydantic only when the document
# carries data that needs validating (front matter, origins), so converting Argdown to a
# map file starts fast. These mirror the model; a test checks they still agree with it.
SCHEMA_VERSION = 2
CLAIM_FIELDS = ("id", "kind", "text", "author", "source", "quote", "tags", "note", "origin", "pos")
LINK_FIELDS = ("id", "kind", "from_claim", "to_claim", "note", "origin")
FIELD_DEFAULTS: dict[str, Any] = {
    "author": None,
    "source": None,
    "quote": None,
    "pos": None,
    "tags": [],
    "note": "",
}

_RELATION_KIND: dict[str, tuple[LinkKind, bool, str]] = {
    "support": ("support", False, ""),
    "entails": ("support", False, "entails"),
    "attack": ("attack", False, ""),
    "contrary": ("attack", True, "contrary"),
    "contradictory": ("attack", True, "contradictory"),
    "undercut": ("attack", False, "undercut"),
}
"""Argdown relation type -> (link kind, symmetric, note)."""


# -- reading ---------------------------------------------------------------------------


def read_argdown(text: str, file: str = "<argdown>") -> ImportResult:
    """Read an Argdown document as a map; errors name the line and column."""
    with collector_paused():
        try:
            doc = parse(text)
        except ArgdownError as exc:
            raise fail(file, exc.message, f"line {exc.line}, column {exc.column}") from None
        return _Builder(doc, file).build()


class _Builder:
    def __init__(self, doc: Document, file: str) -> None:
        self.doc = doc
        self.file = file
        self.warnings: list[str] = list(doc.warnings)
        meta = doc.frontmatter.get("argmap")
        self.meta: dict[str, Any] = meta if isinstance(meta, dict) else {}
        self.authors: dict[str, dict[str, Any]] = {}
        self.sources: dict[str, dict[str, Any]] = {}
        self.ids = IdMaker()

    def _models(self, key: str, model: Any) -> list[Any]:
        from pydantic import ValidationError

        items = self.meta.get(key) or []
        out = []
        for i, item in enumerate(items if isinstance(items, list) else []):
            try:
                out.append(model.model_validate(item))
            except ValidationError as exc:
                self.warnings.append(
                    f"front matter argmap.{key}[{i}] skipped: {exc.errors()[0]['msg']}"
                )
        return out

    def build(self) -> ImportResult:
        raw = self.build_json()
        if not self.meta:
            # Valid by construction, as argdown_to_map_json trusts it: made without
            # building a single pydantic validator (see argmap.map.trusted).
            return ImportResult(_trusted_map(raw), self.warnings, self.counts())
        from pydantic import ValidationError

        from argmap.map.model import ArgumentMap

        try:
            amap = ArgumentMap.model_validate(raw)
        except ValidationError as exc:
            raise fail(
                self.file, f"the document does not make a valid map: {exc.errors()[0]['msg']}"
            ) from None
        return ImportResult(amap, self.warnings, self.counts())

    def counts(self) -> dict[str, int]:
        return {
            "statements": len(self.doc.statements),
            "arguments": len(self.doc.arguments),
            "relations": len(self.doc.relations),
        }

    def build_json(self) -> dict[str, Any]:
        """The map as the JSON object a map file holds (model field order, no ``None``)."""
        positions: list[Any] = []
        views: list[Any] = []
        if self.meta:
            from argmap.map.model import Author, Position, Source, View

            for author in self._models("authors", Author):
                self.authors[author.id] = _dump(author)
            for raw_source in self._models("sources", Source):
                source = raw_source.model_copy(
                    update={"authors": [a for a in raw_source.authors if a in self.authors]}
                )
                self.sources[source.id] = _dump(source) | {"text": source.text}
            positions = self._models("positions", Position)
            views = self._models("views", View)
        claims: dict[tuple[bool, str], dict[str, Any]] = {}
        for statement in self.doc.statements.values():
            claims[(False, statement.title)] = self._claim(statement)
        for argument in self.doc.arguments.values():
            claims[(True, argument.title)] = self._claim(argument)
        links = self._links(claims)
        incoming = {link["to_claim"] for link in links}
        outgoing = {link["from_claim"] for link in links}
        for fields in claims.values():
            if fields["kind"] is None:
                cid = fields["id"]
                fields["kind"] = "thesis" if cid in incoming and cid not in outgoing else "premise"
        claim_ids = {fields["id"] for fields in claims.values()}
        positions = [
            p.model_copy(
                update={
                    "stances": {a: s for a, s in p.stances.items() if a in self.authors},
                    "grounds": [g for g in p.grounds if g in claim_ids],
                }
            )
            for p in positions
        ]
        title = self.doc.frontmatter.get("title")
        raw = {
            "schema_version": SCHEMA_VERSION,
            "title": str(title) if title is not None else "",
            "description": str(self.meta.get("description") or ""),
            "sources": list(self.sources.values()),
            "authors": list(self.authors.values()),
            "claims": [_as_json(CLAIM_FIELDS, fields) for fields in claims.values()],
            "links": [_as_json(LINK_FIELDS, fields) for fields in links],
            "positions": [_dump(p) for p in positions],
            "views": [
                _dump(v)
                for v in views_within(views, claim_ids, self.authors, (p.id for p in positions))
            ],
        }
        return {k: v for k, v in raw.items() if k == "schema_version" or v not in ("", [])}

    def _author(self, value: object) -> str | None:
        if not isinstance(value, str) or not value.strip():
            return None
        if value in self.authors:
            return value
        for author in self.authors.values():
            if author["name"] == value:
                return str(author["id"])
        new_id = slug(value, "author")
        if new_id not in self.authors:
            from argmap.map.palette import author_color

            self.authors[new_id] = {
                "id": new_id,
                "name": value.strip(),
                "color": author_color(len(self.authors)),
            }
        return new_id

    def _claim(self, item: Statement | Argument) -> dict[str, Any]:
        title, text, tags, data = item.title, item.text, item.tags, item.data
        section, section_data = item.section, item.section_data
        if self.meta and not text and not data and isinstance(item, Statement):
            # argmap writes every claim with its text and data: a bare title in a file it
            # wrote is a reference nothing defines, most likely a title mistyped by hand
            self.warnings.append(
                f"[{title}] is referenced but never defined: made a claim of its title "
                "(a mistyped title?)"
            )
        if not data and not tags and not section and not section_data:
            # The common case in large documents: a bare statement or argument.
            label = one_line(text) or title
            return {
                "id": self.ids.take(title, "claim"),
                "kind": None,
                "text": label,
                "author": None,
                "tags": (["argument"] if isinstance(item, Argument) else [])
                + self._title_tag(title, label),
            }
        kind = as_kind(data.get("kind")) or next((k for t in tags if (k := as_kind(t))), None)
        if data.get("kind") is not None and as_kind(data.get("kind")) is None:
            self.warnings.append(_unknown_kind(item, data.get("kind"), kind))
        author = self._author(
            data.get("author") or data.get("proponent") or section_data.get("author")
        )
        if isinstance(data.get("tags"), list):
            claim_tags = [str(t) for t in data["tags"]]
        else:
            claim_tags = [t for t in tags if as_kind(t) is None]
            if section and not section_data.get("author"):
                claim_tags.append(f"group:{section}")
            if isinstance(item, Argument):
                claim_tags.append("argument")  # an Argdown argument node, not a statement
        exact = data.get("text")
        label = exact if isinstance(exact, str) and exact.strip() else one_line(text) or title
        if not isinstance(data.get("tags"), list):
            claim_tags += self._title_tag(title, label)
        fields: dict[str, Any] = {
            "id": self.ids.take(data.get("id", title), "claim"),
            "kind": kind,
            "text": label,
            "author": author,
            "tags": claim_tags,
        }
        source = data.get("source")
        if isinstance(source, str) and source in self.sources:
            fields["source"] = source
            quote = self._quote(self.sources[source]["text"], data.get("quote"))
            if quote is not None:
                fields["quote"] = quote
            elif data.get("quote") is not None:
                self.warnings.append(
                    f"claim {fields['id']}: quote does not match its source; dropped"
                )
        if isinstance(data.get("note"), str):
            fields["note"] = data["note"]
        if isinstance(data.get("origin"), dict):
            from pydantic import ValidationError

            from argmap.map.model import Origin

            try:
                fields["origin"] = Origin.model_validate(data["origin"])
            except ValidationError:
                self.warnings.append(f"claim {fields['id']}: invalid origin data; dropped")
        pos = data.get("pos")
        if isinstance(pos, list) and len(pos) == 2 and all(isinstance(v, int | float) for v in pos):
            fields["pos"] = {"x": float(pos[0]), "y": float(pos[1])}
        return fields

    def _title_tag(self, title: str, label: str) -> list[str]:
        """``["title:Engage"]`` for a title the author wrote, so that writing the map back
        to Argdown keeps it; none for a title the parser made up or the writer would make
        from the label anyway (the first words of it)."""
        if title in self.doc.made_titles or title == writer_title(label):
            return []
        return [f"{TITLE_TAG}{title}"]

    @staticmethod
    def _quote(source_text: str, value: object) -> dict[str, Any] | None:
        """A quote as the file stores it, when ``value`` matches the source text."""
        if isinstance(value, dict):
            start, end = value.get("start"), value.get("end")
            if (
                isinstance(start, int)
                and isinstance(end, int)
                and 0 <= start < end <= len(source_text)
            ):
                return {"start": start, "end": end, "text": source_text[start:end]}
        elif isinstance(value, str) and value and (at := source_text.find(value)) >= 0:
            return {"start": at, "end": at + len(value), "text": value}
        return None

    def _links(self, claims: dict[tuple[bool, str], dict[str, Any]]) -> list[dict[str, Any]]:
        known: dict[tuple[str, str, str], dict[str, Any]] = {}
        for item in self.meta.get("links") or []:
            if isinstance(item, dict) and all(k in item for k in ("from", "to", "kind")):
                known[(str(item["from"]), str(item["to"]), str(item["kind"]))] = item
        out: dict[tuple[str, str, str], dict[str, Any]] = {}

        def add(src: str, dst: str, kind: LinkKind, note: str) -> None:
            if src == dst:
                self.warnings.append(f"a {kind} of {src!r} by itself was dropped")
                return
            key = (src, dst, kind)
            if key not in out:
                out[key] = {"from_claim": src, "to_claim": dst, "kind": kind, "note": note}

        for argument in self.doc.arguments.values():
            arg_id = claims[(True, argument.title)]["id"]
            for title, role in argument.pcs:
                cid = claims[(False, title)]["id"]
                if role == "main-conclusion":
                    add(arg_id, cid, "support", "")
                else:
                    add(cid, arg_id, "support", "")
        for rel in self.doc.relations:
            src = claims[(rel.source_is_argument, rel.source)]["id"]
            dst = claims[(rel.target_is_argument, rel.target)]["id"]
            kind, symmetric, note = _RELATION_KIND.get(rel.type, ("attack", False, rel.type))
            add(src, dst, kind, note)
            if symmetric:
                add(dst, src, kind, note)
        undercuts = sum(1 for rel in self.doc.relations if rel.type == "undercut")
        if undercuts:
            self.warnings.append(
                f"{undercuts} undercut(s) became attacks on the undercut argument, noted 'undercut'"
            )
        # A link whose kind was flipped by hand (a "+" made "-") keeps its id and note;
        # a front-matter link the text no longer has is reported, not silently dropped.
        by_pair = {(k[0], k[1]): k for k in known}
        matched = {key: key for key in out if key in known}
        for key in out:
            old = by_pair.get((key[0], key[1]))
            if (
                key not in matched
                and old is not None
                and old not in out
                and old not in matched.values()
            ):
                matched[key] = old
                self.warnings.append(
                    f"link {known[old].get('id', '?')} from {key[0]!r} to {key[1]!r} is now "
                    f"{key[2]} (was {old[2]}); it keeps its note, check that it still fits"
                )
        for gone in sorted(known.keys() - set(matched.values())):
            gone_note = known[gone].get("note")
            self.warnings.append(
                f"link {known[gone].get('id', '?')} ({gone[2]} from {gone[0]!r} to {gone[1]!r}"
                + (f", note “{gone_note}”" if isinstance(gone_note, str) and gone_note else "")
                + ") is no longer in the text; dropped"
            )
        ids = IdMaker()
        reserved = [k for k in out if k in matched and isinstance(known[matched[k]].get("id"), str)]
        for key in reserved:
            out[key]["id"] = ids.take(known[matched[key]]["id"], "link")
        for n, (key, fields) in enumerate(out.items(), 1):
            extra = known.get(matched.get(key, key), {})
            if "id" not in fields:
                fields["id"] = ids.take(f"l{n}", "link")
            if isinstance(extra.get("note"), str):
                fields["note"] = extra["note"]
            if isinstance(extra.get("origin"), dict):
                from pydantic import ValidationError

                from argmap.map.model import Origin

                with contextlib.suppress(ValidationError):
                    fields["origin"] = Origin.model_validate(extra["origin"])
        return list(out.values())


def _trusted_map(raw: dict[str, Any]) -> ArgumentMap:
    """The map of :meth:`_Builder.build_json`'s JSON when the document had no argmap front
    matter: every id, kind and reference in it was made by the builder, and the
    other fields are defaults, text and numbers, so nothing in it can fail validation."""
    from argmap.map.model import ArgumentMap, Author, Claim, Link, Origin, Point, Quote
    from argmap.map.trusted import construct

    nested: dict[str, type[BaseModel]] = {"quote": Quote, "pos": Point, "origin": Origin}

    def made(cls: type[BaseModel], fields: dict[str, Any]) -> Any:
        inner: dict[str, BaseModel] = {
            k: construct(nested[k], v) for k, v in fields.items() if k in nested
        }
        return construct(cls, fields | inner if inner else fields)

    return construct(
        ArgumentMap,
        {
            **raw,
            "authors": [construct(Author, a) for a in raw.get("authors", ())],
            "claims": [made(Claim, c) for c in raw.get("claims", ())],
            "links": [made(Link, x) for x in raw.get("links", ())],
        },
    )


def _dump(obj: Any) -> Any:
    """One model object as a map file stores it (defaults left out, like ``mapfile.encode``)."""
    return obj.model_dump(mode="json", exclude_defaults=True)


def _as_json(order: tuple[str, ...], fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` as the model would dump them to a file: model order, defaults left out.

    Building the dict directly (fields are valid by construction: ids from IdMaker, kinds
    from the model's literals, user data validated piece by piece) is what lets a 10,000-
    claim document convert in a fraction of a second; tests check the two agree byte for byte.
    """
    out: dict[str, Any] = {}
    for name in order:
        value = fields.get(name)
        if value is None or (name in FIELD_DEFAULTS and value == FIELD_DEFAULTS[name]):
            continue
        if hasattr(value, "model_dump"):
            value = _dump(value)
            if not value:
                continue  # an origin equal to the default (manual) one
        out[name] = value
    return out


def argdown_to_map_json(text: str, file: str = "<argdown>") -> tuple[bytes, list[str]]:
    """Argdown straight to the bytes of a map file, skipping model objects (fast convert).

    The result is what ``mapfile.encode(read_argdown(text).map)`` gives; only maps whose
    front matter carries argmap data are validated the slow way, since that data is free
    text from the file.
    """
    with collector_paused():
        try:
            doc = parse(text)
        except ArgdownError as exc:
            raise fail(file, exc.message, f"line {exc.line}, column {exc.column}") from None
        builder = _Builder(doc, file)
        raw = None if builder.meta else builder.build_json()
    if raw is None:
        from argmap.map.mapfile import encode

        return encode(builder.build().map), builder.warnings
    from pydantic_core import to_json

    return to_json(raw, indent=2) + b"\n", builder.warnings


__all__ = ["argdown_to_map_json", "read_argdown", "write_argdown"]


def _unknown_kind(item: Statement | Argument, given: object, used: str | None) -> str:
    """The warning for a ``kind`` no claim kind is called, naming the likely one meant."""
    import difflib

    where = f"line {item.line}: " if item.line else ""
    close = difflib.get_close_matches(str(given).lower(), KINDS, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    fallback = f"its kind tag, {used}" if used else "its place in the structure"
    return (
        f"{where}[{item.title}]: unknown kind {given!r}{hint}; the kinds are "
        f"{', '.join(KINDS)}; its kind comes from {fallback}"
    )
