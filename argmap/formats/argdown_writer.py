"""Argmap to Argdown (the format is described in :mod:`argmap.formats.argdown`).

Each claim is one titled statement with its incoming links as a relation tree; what Argdown
has no syntax for travels as YAML data and front matter, so the file reads back into the
same map and Argdown's own tools still read it as plain statements and relations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from argmap.formats._common import one_line
from argmap.formats._yaml import dump_flow

if TYPE_CHECKING:
    from argmap.map.model import ArgumentMap, Claim, Link

_MARKUP = re.compile(r"[{}\[\]<>#@*_/\\`]|^\(\d+\)|^\d+\.\s|^[-+*]\s")


_DANGLING = frozenset(
    "a an and as at but by for from if in into is its of on or that the their this to "
    "was were which who with would can could should will must not while they them it "
    "he she we our his her neither nor than so because since when where has have had be "
    "been are off".split()
)
"""Words a title cut from a label should not end on ("Only the US can give the")."""
TITLE_WORDS = 6


def _title_words(text: str) -> list[str]:
    """The first words of a label as a title: the whole label when it is short, else the
    first ``TITLE_WORDS`` without the function words a cut leaves dangling at the end."""
    words = re.sub(r"[^\w\s.,'\-]", " ", text).split()
    if len(words) <= TITLE_WORDS + 2:
        return words
    cut = words[:TITLE_WORDS]
    while len(cut) > 2 and cut[-1].lower().strip(".,'-") in _DANGLING:
        cut.pop()
    return cut


TITLE_TAG = "title:"
"""A claim's tag ``title:Engage`` keeps the title an Argdown author gave its statement."""


def writer_title(label: str) -> str:
    """The title the writer makes from a label (before making it unique)."""
    return " ".join(_title_words(label)).strip(" .,-'")


def _given_title(claim: Claim) -> str:
    """The title kept from an Argdown file (a ``title:`` tag), if it can be written back."""
    for tag in claim.tags:
        if tag.startswith(TITLE_TAG):
            title = " ".join(tag[len(TITLE_TAG) :].split())
            if title and not re.search(r"[\[\]<>]", title):
                return title
    return ""


def _titles(amap: ArgumentMap) -> dict[str, str]:
    """A short unique statement title per claim: the one its Argdown author gave it, else
    the first words of its label. Given titles are placed first so a made one never
    takes an author's title."""
    titles: dict[str, str] = {}
    used: set[str] = set()
    given = {c.id: t for c in amap.claims if (t := _given_title(c))}
    for claim in sorted(amap.claims, key=lambda c: c.id not in given):
        base = given.get(claim.id) or writer_title(claim.text) or claim.id
        title, n = base, 2
        while title.lower() in used:
            title = f"{base} ({n})"
            n += 1
        used.add(title.lower())
        titles[claim.id] = title
    return titles


def _visible(text: str) -> str:
    """The label with characters Argdown would read as markup replaced by look-alikes."""
    out = text.replace("{", "(").replace("}", ")").replace("[", "(").replace("]", ")")
    out = out.replace("#", "＃").replace("//", "/ /").replace("/*", "/ *").replace("<!--", "< !--")
    return re.sub(r"^(\(\d+\)|\d+\.\s|[-+*]\s)", r"— \1", out)


def _tag(tag: str) -> str | None:
    if re.fullmatch(r"\w[\w\-]*", tag):
        return f"#{tag}"
    if ")" not in tag and "(" not in tag and tag.strip():
        return f"#({tag})"
    return None


def _claim_data(claim: Claim) -> dict[str, Any]:
    data: dict[str, Any] = {"id": claim.id, "kind": claim.kind}
    if claim.author:
        data["author"] = claim.author
    if claim.source:
        data["source"] = claim.source
    if claim.quote:
        data["quote"] = {"start": claim.quote.start, "end": claim.quote.end}
    if claim.pos:
        data["pos"] = [claim.pos.x, claim.pos.y]
    if claim.tags:
        data["tags"] = list(claim.tags)
    if claim.note:
        data["note"] = claim.note
    if claim.origin != type(claim.origin)():
        data["origin"] = claim.origin.model_dump(mode="json", exclude_none=True)
    if _MARKUP.search(claim.text) or one_line(claim.text) != claim.text:
        data["text"] = claim.text
    return data


def write_argdown(amap: ArgumentMap) -> str:
    """The map as an Argdown document (see the module docstring for what goes where)."""
    lines = ["==="]
    lines.append(f"title: {dump_flow(amap.title)}")
    lines.append("model:")
    lines.append("    mode: loose")
    lines.append("argmap:")
    lines.append("    schema_version: 2")
    if amap.description:
        lines.append(f"    description: {dump_flow(amap.description)}")
    for key, items in (
        ("authors", amap.authors),
        ("sources", amap.sources),
        ("positions", amap.positions),
        ("views", amap.views),
    ):
        if items:
            lines.append(f"    {key}:")
            lines.extend(
                f"        - {dump_flow(i.model_dump(mode='json', exclude_none=True))}"
                for i in items
            )
    from argmap.map.model import MANUAL

    kept = [x for x in amap.links if x.note or x.origin != MANUAL]
    if kept:
        lines.append("    links:")
        for link in kept:
            entry: dict[str, Any] = {
                "id": link.id,
                "from": link.from_claim,
                "to": link.to_claim,
                "kind": link.kind,
            }
            if link.note:
                entry["note"] = link.note
            if link.origin != MANUAL:
                entry["origin"] = link.origin.model_dump(mode="json", exclude_none=True)
            lines.append(f"        - {dump_flow(entry)}")
    lines.extend(["===", ""])

    titles = _titles(amap)
    incoming: dict[str, list[Link]] = {}
    for link in amap.links:
        incoming.setdefault(link.to_claim, []).append(link)
    authors = {a.id: a for a in amap.authors}
    groups: dict[str | None, list[Claim]] = {None: []}
    groups.update({a.id: [] for a in amap.authors})
    for claim in amap.claims:
        groups.setdefault(claim.author if claim.author in authors else None, []).append(claim)
    for author_id, claims in groups.items():
        if not claims:
            continue
        if author_id is not None:
            name = re.sub(r"[{}#]", " ", authors[author_id].name)
            lines.extend([f"# {name} {dump_flow({'author': author_id})}", ""])
        for claim in claims:
            lines.extend(_statement(claim, titles, incoming.get(claim.id, ())))
            lines.append("")
    return "\n".join(lines)


def _statement(claim: Claim, titles: dict[str, str], links: Iterable[Link]) -> list[str]:
    shown = (_tag(x) for x in claim.tags if not x.startswith(TITLE_TAG))  # data has them
    tags = " ".join(t for t in (_tag(claim.kind), *shown) if t)
    head = f"[{titles[claim.id]}]: {_visible(one_line(claim.text))} {tags} {dump_flow(_claim_data(claim))}"
    out = [head]
    for link in links:
        symbol = "+" if link.kind == "support" else "-"
        out.append(f"    {symbol} [{titles[link.from_claim]}]")
    return out
