"""Text widths and line breaks of the map's fonts, without Qt.

The SVG writer (:mod:`argmap.formats.svg`) draws cards without Qt, yet a card must wrap its
label where the screen does: the line breaks decide the card's height and so the layout.
The advances come from :mod:`argmap.drawing.fontmetrics_data`, measured by Qt for DejaVu Sans at
the sizes the app uses (``scripts/gen_font_metrics.py``), with the pairs Qt kerns. Line
breaking follows what ``QTextLayout`` does with ``WrapAtWordBoundaryOrAnywhere``: greedy,
breaking after spaces and after the dashes and hyphens Unicode allows a break after,
trailing spaces hanging past the edge, and a word wider than the line cut where it fills
it. Tests compare widths and breaks with Qt's own on every bundled map's labels.

Characters the tables do not hold (CJK, emoji) are given a width from their class (full
width for wide scripts, the average letter otherwise): text the op-eds do not contain. For
such text the SVG's line breaks, and so its card heights and layout, can differ from the
screen's; the text itself never does. A tab is a space in both.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache

from argmap.drawing.fontmetrics_data import FONTS

FontName = str
"""One of the names in :data:`argmap.drawing.fontmetrics_data.FONTS`: label, header, legend,
legend_bold, title."""

_BREAK_AFTER = frozenset(" \t\u2028\u200b-\u2010\u2012\u2013\u2014/|\u00ad")
"""Characters after which a line may break (space, zero-width space, hyphens and dashes;
a slash as in "and/or" and URLs)."""
_BREAK_BEFORE = frozenset("\u2014")
"""Characters before which a line may also break (the em dash)."""
_NO_BREAK_BEFORE = frozenset(",.;:!?)]}\u2019\u201d%")
"""Closing punctuation never starts a line: a hyphen or slash followed by one of these is
no break opportunity."""


MEMO_LIMIT = 200_000
"""Words remembered per font: a map's vocabulary, bounded for hostile input."""


@dataclass(frozen=True)
class Font:
    """One measured font: family, size in px, vertical metrics and advances (1/64 px)."""

    name: FontName
    family: str
    bold: bool
    pixel_size: float
    ascent: float
    descent: float
    leading: float
    height: float
    advances: dict[str, int]
    overhang: dict[str, int]
    pairs: dict[str, int]
    ligatures: frozenset[str]
    fallback: int
    memo: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def width(self, text: str) -> float:
        """The advance of ``text`` in px, as ``QFontMetricsF.horizontalAdvance`` gives it."""
        return self.units(text) / 64.0

    def units(self, text: str) -> int:
        """The advance of ``text`` in 1/64 px (words are measured once and remembered)."""
        known = self.memo.get(text)
        if known is not None:
            return known
        total = self.prefix_units(text)[-1]
        if len(self.memo) < MEMO_LIMIT and len(text) <= 40:
            self.memo[text] = total
        return total

    def prefix_units(self, text: str) -> list[int]:
        """``units(text[:k])`` for every k from 0 to ``len(text)``, in one pass."""
        advances, pairs = self.advances, self.pairs
        out = [0]
        total = 0
        previous = ""
        for char in text:
            width = advances.get(char)
            total += width if width is not None else self._other(char)
            if previous:
                total += pairs.get(previous + char, 0)
            previous = char
            out.append(total)
        return out

    def fits(self, text: str, limit: int) -> bool:
        """Does ``text`` fit in ``limit`` (1/64 px)? As Qt decides it: the last glyph's
        overhang past its advance (a negative right bearing, as of "e" or "f") counts."""
        if not text:
            return True
        return self.units(text) + self.overhang.get(text[-1], 0) <= limit

    def _other(self, char: str) -> int:
        if char in "\u2028\n\r\u200b\ufeff":
            return 0
        if unicodedata.east_asian_width(char) in ("W", "F"):
            return round(self.pixel_size * 64)
        if unicodedata.combining(char):
            return 0
        return self.fallback


@cache
def font(name: FontName) -> Font:
    """The measured font called ``name``."""
    data = FONTS[name]
    chars = str(data["chars"])
    widths = data["widths"]
    assert isinstance(widths, list)
    advances = dict(zip(chars, (int(w) for w in widths), strict=True))
    pairs = data["pairs"]
    bearings = data["bearings"]
    ligatures = data["ligatures"]
    assert isinstance(pairs, dict) and isinstance(bearings, dict)
    assert isinstance(ligatures, list)
    letters = [advances[c] for c in "etaoinshrdlucmfwypvbgk"]
    return Font(
        name=name,
        family=str(data["family"]),
        bold=bool(data["bold"]),
        pixel_size=float(data["pixel_size"]),  # type: ignore[arg-type]
        ascent=int(data["ascent"]) / 64.0,  # type: ignore[call-overload]
        descent=int(data["descent"]) / 64.0,  # type: ignore[call-overload]
        leading=int(data["leading"]) / 64.0,  # type: ignore[call-overload]
        height=int(data["height"]) / 64.0,  # type: ignore[call-overload]
        advances=advances,
        overhang={str(k): -int(v) for k, v in bearings.items()},
        pairs={str(k): int(v) for k, v in pairs.items()},
        ligatures=frozenset(str(x) for x in ligatures),
        fallback=round(sum(letters) / len(letters)),
    )


def _pieces(text: str) -> list[str]:
    """``text`` cut at each break opportunity: words with their trailing spaces or dash.

    An em dash (Unicode class B2) allows a break before it as well as after it, as in
    "Islamabad—and", which may break either side of the dash.
    """
    pieces: list[str] = []
    start = 0
    n = len(text)
    for k, char in enumerate(text):
        if k + 1 >= n:
            break
        after = text[k + 1]
        if after in _BREAK_BEFORE and char not in " \t\u2028" and char not in _BREAK_BEFORE:
            pieces.append(text[start : k + 1])
            start = k + 1
            continue
        if char not in _BREAK_AFTER:
            continue
        if char not in " \t\u2028\u200b":
            if after in _BREAK_AFTER or after in _NO_BREAK_BEFORE or after.isdigit():
                continue
            if char not in _BREAK_BEFORE and (k == start or text[k - 1] == " "):
                continue  # a hyphen standing alone stays with its word
        elif after in " \t":
            continue  # a run of spaces breaks once, after the last one
        pieces.append(text[start : k + 1])
        start = k + 1
    if start < n:
        pieces.append(text[start:])
    return pieces


def _hanging(piece: str) -> str:
    """A piece without the spaces that may hang past the line's end."""
    return piece.rstrip(" \t")


def wrap(text: str, width: float, name: FontName = "label") -> list[str]:
    """``text`` broken into lines no wider than ``width`` px (spaces may hang over), as the
    card's ``QTextLayout`` breaks it; a line separator (``\\u2028`` or ``\\n``) forces one."""
    f = font(name)
    limit = round(width * 64)
    lines: list[str] = []
    for paragraph in text.replace("\t", " ").replace("\n", "\u2028").split("\u2028"):
        lines += _wrap_paragraph(paragraph, limit, f)
    return lines


def _wrap_paragraph(text: str, limit: int, f: Font) -> list[str]:
    """Greedy line filling, adding up each piece's advance once (with the kerning pair at
    the seam) instead of measuring every candidate line again."""
    if not text:
        return [""]
    lines: list[str] = []
    line = ""
    line_units = 0
    pairs, overhang = f.pairs, f.overhang
    for piece in _pieces(text):
        shown = _hanging(piece)
        seam = pairs.get(line[-1] + piece[0], 0) if line else 0
        shown_units = f.units(shown)
        if shown and line_units + seam + shown_units + overhang.get(shown[-1], 0) <= limit:
            line += piece
            line_units += seam + (shown_units if shown == piece else f.units(piece))
            continue
        if not shown:  # spaces only: they hang past the edge
            line += piece
            line_units += seam + f.units(piece)
            continue
        if line:
            lines.append(line)
        line = piece
        if not f.fits(_hanging(line), limit) and len(_hanging(line)) > 1:
            *full, line = _cut_word(line, limit, f)
            lines += full
        line_units = f.units(line)
    lines.append(line)
    return lines


def _cut_word(text: str, limit: int, f: Font) -> list[str]:
    """A piece wider than the line cut where each line fills, as Qt wraps "anywhere": one
    forward pass (a 100,000-letter "word" or CJK text without spaces stays linear).
    Trailing spaces hang past the edge, as everywhere."""
    advances, pairs, overhang = f.advances, f.pairs, f.overhang
    out: list[str] = []
    start = 0
    width = 0
    previous = ""
    for k, char in enumerate(text):
        advance = advances.get(char)
        step = (advance if advance is not None else f._other(char)) + (
            pairs.get(previous + char, 0) if previous else 0
        )
        if char not in " \t" and k > start and width + step + overhang.get(char, 0) > limit:
            out.append(text[start:k])
            start, width = k, advance if advance is not None else f._other(char)
        else:
            width += step
        previous = char
    out.append(text[start:])
    return out


def elide(text: str, width: float, name: FontName = "header") -> str:
    """``text`` cut to ``width`` px with an ellipsis, as ``QFontMetricsF.elidedText`` with
    ``ElideRight`` cuts it; the whole text when it fits.

    As Qt does, the kept prefix is measured as it is drawn inside the whole text (with the
    kerning toward the character cut off) and must stay under the room left beside the
    ellipsis (a prefix exactly as wide is cut too), and a ligature ("ff", "fi") is never split.
    """
    f = font(name)
    limit = round(width * 64)
    if f.units(text) <= limit:
        return text
    ellipsis = "\u2026"
    room = limit - f.units(ellipsis)
    if room < 0:
        return ""
    prefix = f.prefix_units(text)
    for k in range(len(text) - 1, 0, -1):
        if text[k - 1 : k + 1] in f.ligatures:
            continue
        if prefix[k] + f.pairs.get(text[k - 1 : k + 1], 0) < room:
            return text[:k] + ellipsis
    return ellipsis
