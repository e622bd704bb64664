"""Colours and names of claim and link kinds, shared by the app and every exporter.

Kept in the core (as hex strings, no Qt) so an SVG, a DOT file and the screen show a kind
in the same colour. The kind colours are light fills that keep black text readable; the
author palette is Okabe-Ito-like, distinguishable with the common colour-vision deficiencies.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type names only: readers that pick colours need not load pydantic
    from argmap.map.model import ClaimKind, LinkKind

KIND_FILL: dict[ClaimKind, str] = {
    "thesis": "#f6d6a8",  # warm: the point of the piece
    "recommendation": "#c9e7c4",  # green: what to do
    "premise": "#d6e4f5",  # blue: reasons
    "evidence": "#e6e1f2",  # lilac: facts, figures, reports
    "objection": "#f4cccc",  # red: what the author answers
}
KIND_STROKE: dict[ClaimKind, str] = {
    "thesis": "#b26b00",
    "recommendation": "#2e7d32",
    "premise": "#3a6ea5",
    "evidence": "#6a5a9e",
    "objection": "#b23b3b",
}
KIND_LABEL: dict[ClaimKind, str] = {
    "thesis": "Thesis",
    "recommendation": "Recommendation",
    "premise": "Premise",
    "evidence": "Evidence",
    "objection": "Objection",
}
LINK_COLOR: dict[LinkKind, str] = {"support": "#2e7d32", "attack": "#c62828"}

AUTHOR_PALETTE: tuple[str, ...] = (
    "#0072b2",
    "#d55e00",
    "#009e73",
    "#cc79a7",
    "#e69f00",
    "#56b4e9",
    "#8c564b",
    "#444444",
    # dark enough for a stripe and a name on white, and still apart from the eight above
    # for every reader (argmap.map.colordistance; a test checks the whole palette)
    "#800000",
    "#1a3d6b",
    "#a65628",
)


def author_color(index: int) -> str:
    """The ``index``-th colour of the palette (cycles): for a map made from nothing, where
    the authors come in order. An author added to a map takes :func:`new_author_color`."""
    return AUTHOR_PALETTE[index % len(AUTHOR_PALETTE)]


def new_author_color(used: Iterable[str]) -> str:
    """The palette colour most distinct from the colours ``used`` (by the authors already
    in the map): counting palette places reused the bundled authors' colours for imported
    ones, when a map's authors had taken other places or more than the palette held."""
    from argmap.map.colordistance import most_distinct

    return most_distinct(AUTHOR_PALETTE, used)
