"""The map as reading material: a Markdown outline, and the same outline for PDF handouts.

A map is read author by author the way a teacher walks a class through an op-ed: the
thesis first, then what the author recommends, then the premises and evidence offered,
then the objections the author answers; every claim with its quote from the article and
the claims it supports or attacks (marked when they belong to another author, since those
cross-author links are what the comparison is about). :func:`outline` gives that structure
as data so the PDF handout (in the Qt layer) prints exactly what the Markdown shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.map.model import ArgumentMap, Claim, ClaimKind

SECTIONS: tuple[tuple[str, tuple[ClaimKind, ...]], ...] = (
    ("Thesis", ("thesis",)),
    ("Recommendations", ("recommendation",)),
    ("Premises and evidence", ("premise", "evidence")),
    ("Objections answered", ("objection",)),
)


@dataclass
class Entry:
    """One claim as the outline shows it."""

    claim: Claim
    quote: str
    relations: list[str] = field(default_factory=list)


@dataclass
class AuthorOutline:
    name: str
    affiliation: str
    sources: list[str]
    sections: list[tuple[str, list[Entry]]]


def outline(amap: ArgumentMap) -> list[AuthorOutline]:
    """Authors in map order (unattributed claims last), each with its kind sections."""
    claims = amap.claim_index()
    authors = amap.author_index()
    names = {a.id: a.name for a in amap.authors}
    relations: dict[str, list[str]] = {}
    for link in amap.links:
        src, dst = claims[link.from_claim], claims[link.to_claim]
        verb = "supports" if link.kind == "support" else "attacks"
        other = (
            f" ({names.get(dst.author or '', 'unattributed')})" if src.author != dst.author else ""
        )
        relations.setdefault(src.id, []).append(f"{verb} “{dst.text}”{other}")
    groups: dict[str | None, list[Claim]] = {a.id: [] for a in amap.authors}
    for claim in amap.claims:
        groups.setdefault(claim.author if claim.author in authors else None, []).append(claim)
    result = []
    for author_id, members in groups.items():
        if not members:
            continue
        author = authors.get(author_id or "")
        sources = [
            " — ".join(x for x in (s.title, s.outlet, s.date) if x)
            for s in amap.sources
            if author_id in s.authors and (s.title or s.outlet)
        ]
        sections = []
        for title, kinds in SECTIONS:
            entries = [
                Entry(c, c.quote.text if c.quote else "", relations.get(c.id, []))
                for c in members
                if c.kind in kinds
            ]
            if entries:
                sections.append((title, entries))
        result.append(
            AuthorOutline(
                author.name if author else "Unattributed",
                author.affiliation if author else "",
                sources,
                sections,
            )
        )
    return result


def _md(text: str) -> str:
    """Escape the characters Markdown would read as formatting inside running text."""
    for char in "\\`*_[]<>#":
        text = text.replace(char, "\\" + char)
    return text


def write_markdown(amap: ArgumentMap) -> str:
    """The outline as Markdown: one ``##`` per author, ``###`` per kind, quotes as blockquotes."""
    lines = [f"# {_md(amap.title or 'Argument map')}", ""]
    if amap.description:
        lines += [_md(amap.description), ""]
    for author in outline(amap):
        heading = author.name + (f", {author.affiliation}" if author.affiliation else "")
        lines += [f"## {_md(heading)}", ""]
        for source in author.sources:  # a paragraph each: consecutive lines would run together
            lines += [f"*{_md(source)}*", ""]
        for title, entries in author.sections:
            lines += [f"### {title}", ""]
            for entry in entries:
                lines.append(f"- **{_md(entry.claim.text)}**")
                if entry.quote:
                    lines.append(f"  > “{_md(' '.join(entry.quote.split()))}”")
                lines += [f"  - {_md(r)}" for r in entry.relations]
            lines.append("")
    lines += positions_table(amap)
    return "\n".join(lines).rstrip() + "\n"


def positions_table(amap: ArgumentMap) -> list[str]:
    """The positions as a Markdown table, one column per author (the comparison a class
    discusses); a cell is the recorded stance, "—" where none is recorded."""
    if not amap.positions or not amap.authors:
        return []
    header = ["Position", *(_md(a.name) for a in amap.authors)]
    rows = [
        [_md(p.label), *(p.stances.get(a.id, "—") for a in amap.authors)] for p in amap.positions
    ]
    out = ["## Positions", "", "| " + " | ".join(header) + " |"]
    out.append("|" + "---|" * len(header))
    out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return [*out, ""]
