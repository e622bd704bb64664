"""The legend under an exported map: what it lists and how its entries flow into rows.

Shared by the two painters of an export (the Qt canvas framing PNG and PDF in
``ui/qt/render/images.py``, and the Qt-free SVG writer :mod:`argmap.formats.svg`), so both list the
same entries in the same rows; each measures the labels with its own font metrics.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from argmap.map.model import CLAIM_KINDS, LINK_KINDS, ArgumentMap
from argmap.map.palette import KIND_FILL, KIND_LABEL, KIND_STROKE, LINK_COLOR

MIN_WIDTH = 480.0
"""Rows of a small map's legend may be this wide (scene units) even if the map is narrower."""
SWATCH_ROOM = 34.0
"""Room before an entry's label: its swatch, arrow or author dot."""
HEADING_ROOM = 8.0
GAP = 14.0
"""Space after each entry."""


@dataclass(frozen=True)
class LegendEntry:
    """One item: a heading ("Claims:"), a kind, a link look or an author.

    ``style`` is (fill, stroke) for a kind, (colour, how) for a link where how is "arrow",
    "bar" (attack: a dashed line ending in ⊣) or "double" (across authors), and (colour,)
    for an author; empty for a heading.
    """

    kind: str
    label: str
    style: tuple[str, ...] = ()

    def width(self, label_width: float) -> float:
        """The entry's width when its label is ``label_width`` wide."""
        return label_width + (HEADING_ROOM if self.kind == "heading" else SWATCH_ROOM) + GAP


@dataclass(frozen=True)
class Legend:
    """What the legend shows: the kinds and link kinds present, and every author used."""

    kinds: list[tuple[str, str, str]]  # label, fill, stroke
    links: list[tuple[str, str, str]]  # label, colour, how drawn: "arrow", "bar", "double"
    authors: list[tuple[str, str]]  # name, colour

    def entries(self) -> list[LegendEntry]:
        """The entries in reading order, each group under its heading."""
        out: list[LegendEntry] = []
        if self.kinds:
            out.append(LegendEntry("heading", "Claims:"))
            out += [
                LegendEntry("kind", label, (fill, stroke)) for label, fill, stroke in self.kinds
            ]
        if self.links:
            out.append(LegendEntry("heading", "Links:"))
            out += [LegendEntry("link", label, (color, how)) for label, color, how in self.links]
        if self.authors:
            out.append(LegendEntry("heading", "Authors:"))
            out += [LegendEntry("author", name, (color,)) for name, color in self.authors]
        return out


def map_legend(amap: ArgumentMap) -> Legend:
    """The legend drawn like the map: support a solid arrow, attack a dashed line ending
    in a bar (⊣), and, when the map has them, the double line of a cross-author link."""
    kinds_used = {c.kind for c in amap.claims}
    links_used = {x.kind for x in amap.links}
    authors_used = {c.author for c in amap.claims}
    author_of = {c.id: c.author for c in amap.claims}
    links = [
        (k.capitalize(), LINK_COLOR[k], "bar" if k == "attack" else "arrow")
        for k in LINK_KINDS
        if k in links_used
    ]
    if any(
        author_of.get(x.from_claim)
        and author_of.get(x.to_claim)
        and author_of[x.from_claim] != author_of[x.to_claim]
        for x in amap.links
    ):
        links.append(("Across authors (double line)", LINK_COLOR["support"], "double"))
    return Legend(
        [(KIND_LABEL[k], KIND_FILL[k], KIND_STROKE[k]) for k in CLAIM_KINDS if k in kinds_used],
        links,
        [(a.name, a.color) for a in amap.authors if a.id in authors_used],
    )


def flow(
    entries: list[LegendEntry], width: float, entry_width: Callable[[LegendEntry], float]
) -> list[list[LegendEntry]]:
    """Entries flowed into rows no wider than ``width`` (a row holds at least one)."""
    rows: list[list[LegendEntry]] = []
    used = 0.0
    for entry in entries:
        w = entry_width(entry)
        if rows and used + w <= width:
            rows[-1].append(entry)
            used += w
        else:
            rows.append([entry])
            used = w
    return rows
