"""Printed pages back to the text that was printed: lines in reading order, paragraphs whole.

A PDF holds positioned lines, not paragraphs. What a reader of the page takes for granted
has to be rebuilt from the positions, and each step here is one thing a reader does:

- **running heads and feet** (the print time and page title a browser puts on top, the
  address and "2/3" at the bottom, a paper's name and date, "Page 2") are lines in the top
  or bottom band of a page that come back on other pages (digits ignored, so "Page 1" and
  "Page 2" are one line) or that are a page number alone; they are removed, and handed back
  so the import can harvest an address or date from them;
- **columns**: a page whose narrower lines leave a vertical strip free in its middle third
  is read left column, then right, between the full-width lines (a headline across both);
- **paragraphs** end where the next line starts lower than the line pitch allows (space
  between paragraphs), starts indented (a first-line indent), or changes size (headline to
  body), and after a line much shorter than its column (the last line of a paragraph, a
  byline); a paragraph runs on across columns and pages otherwise;
- **line-end hyphens** are dropped when they split a word ("dedica-" "ted") and kept when
  they join one ("well-" "known"): kept after a prefix that takes a hyphen, or when the
  document writes the hyphenated form elsewhere and never the joined one.

Nothing here reads PDF: :mod:`argmap.extract.documents` makes :class:`PageLine` objects
from one, so the rules are tested on lines written by hand too.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

BAND = 0.11
"""Running heads and feet sit in the top or bottom 11 % of a page."""
SHORT_LINE = 0.7
"""A line shorter than 70 % of its column ends a paragraph (ragged-right body lines are
fuller; a word too long for the rest of a line is hyphenated, not carried over)."""
_PAGE_NUMBER = re.compile(
    r"^(?:page|p\.|seite|pág(?:ina)?)?\s*[-–]?\s*\d{1,4}\s*[-–]?\s*(?:(?:/|of|von|de)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_ADDRESS_OR_STAMP = re.compile(
    r"^(?:https?://\S+|www\.\S+|\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?)$",
    re.IGNORECASE,
)
"""A printed address or a browser's print time ("12/3/26, 9:15 AM") alone on a line."""
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb06": "st",
    }
)
KEEP_HYPHEN_AFTER = frozenset(
    "self well ex non all half cross long short full high low mid anti pro post pre semi".split()
)
"""Prefixes whose hyphen is part of the word ("self-", "well-"): kept at a line end."""


@dataclass(frozen=True, slots=True)
class PageLine:
    """One printed line: its text and box, ``top`` and ``bottom`` measured down from the
    page's top edge, ``size`` the height of its letters (the font size, roughly)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(frozen=True, slots=True)
class Page:
    width: float
    height: float
    lines: tuple[PageLine, ...]


def _shape(text: str) -> str:
    """A line with its digits blurred: what a running head keeps from page to page."""
    return re.sub(r"\d+", "#", " ".join(text.casefold().split()))


def running_lines(pages: Sequence[Page], title: str = "") -> set[tuple[int, int]]:
    """(page, line) indices of running heads and feet: lines in a page's top or bottom
    band that come back on another page, and, on any page, a page number, an address or
    a print time alone, or the document's own ``title`` (a browser heads every page with
    it, which is all there is to go by on a one-page print)."""
    own_title = _shape(title) if len(title) > 10 else ""
    sizes = [line.size for page in pages for line in page.lines]
    body_size = statistics.median(sizes) if sizes else 0.0
    bands: list[list[int]] = []
    shapes: Counter[str] = Counter()
    for page in pages:
        inside = [
            k
            for k, line in enumerate(page.lines)
            if line.top < BAND * page.height or line.bottom > (1 - BAND) * page.height
        ]
        bands.append(inside)
        shapes.update({_shape(page.lines[k].text) for k in inside})
    found: set[tuple[int, int]] = set()
    for p, inside in enumerate(bands):
        for k in inside:
            text = pages[p].lines[k].text.strip()
            shape = _shape(text)
            if (
                _PAGE_NUMBER.match(text)
                or _ADDRESS_OR_STAMP.match(text)
                or (len(pages) > 1 and shapes[shape] > 1)
                or (
                    own_title  # in small print: the headline itself is the title too
                    and len(shape) > 10
                    and own_title.startswith(shape)
                    and pages[p].lines[k].size <= body_size
                )
            ):
                found.add((p, k))
    return found


def _gutter(lines: Sequence[PageLine], width: float) -> float | None:
    """The x of a free vertical strip between two columns, or None for one column."""
    if len(lines) < 6:
        return None
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    span = right - left
    narrow = sorted((x for x in lines if x.x1 - x.x0 < 0.6 * span), key=lambda x: x.x0)
    if len(narrow) < 0.5 * len(lines):
        return None
    reach = left
    for line in narrow:
        if line.x0 > reach + 0.01 * width and left + 0.25 * span < line.x0 < left + 0.75 * span:
            gap = (reach + line.x0) / 2
            before = sum(1 for x in narrow if x.x1 <= gap)
            after = sum(1 for x in narrow if x.x0 >= gap)
            if min(before, after) >= 3 and min(before, after) >= 0.2 * len(narrow):
                return gap
        reach = max(reach, line.x1)
    return None


def reading_order(page: Page, skip: set[int]) -> list[list[PageLine]]:
    """The page's lines as runs read top to bottom: full-width runs and, between them,
    the left column's lines then the right column's."""
    lines = sorted(
        (x for k, x in enumerate(page.lines) if k not in skip), key=lambda x: (x.top, x.x0)
    )
    gutter = _gutter(lines, page.width)
    if gutter is None:
        return [lines] if lines else []
    runs: list[list[PageLine]] = []
    left: list[PageLine] = []
    right: list[PageLine] = []
    for line in lines:
        if line.x1 <= gutter:
            left.append(line)
        elif line.x0 >= gutter:
            right.append(line)
        else:  # across the gutter: ends the columns above it
            runs += [run for run in (left, right) if run]
            left, right = [], []
            runs.append([line])
    runs += [run for run in (left, right) if run]
    return runs


def _pitch_ratio(runs: Sequence[Sequence[PageLine]]) -> float:
    """The usual line pitch as a multiple of the letter size (about 1.2)."""
    ratios = [
        (b.top - a.top) / a.size
        for run in runs
        for a, b in itertools.pairwise(run)
        if a.size > 0 and abs(a.size - b.size) < 0.5 and b.top > a.top
    ]
    return statistics.median(ratios) if ratios else 1.3


def paragraphs(pages: Sequence[Page], skip: set[tuple[int, int]] | None = None) -> list[str]:
    """The pages' text as paragraphs (each one line of text), lines joined, hyphens mended."""
    skip = skip or set()
    runs: list[list[PageLine]] = []
    for p, page in enumerate(pages):
        own = {k for q, k in skip if q == p}
        runs += reading_order(page, own)
    ratio = _pitch_ratio(runs)
    body = statistics.median(x.size for run in runs for x in run) if runs else 0.0
    grouped: list[list[str]] = []
    previous: PageLine | None = None
    previous_full = 0.0
    for run in runs:
        widths = sorted(x.x1 - x.x0 for x in run)
        full = widths[int(0.9 * (len(widths) - 1))] if widths else 0.0
        column_left = min((x.x0 for x in run), default=0.0)
        for n, line in enumerate(run):
            new = previous is None or _breaks(
                previous,
                line,
                previous_full,
                ratio,
                same_run=n > 0,
                column_left=column_left,
                body=body,
            )
            if new:
                grouped.append([])
            grouped[-1].append(line.text)
            previous = line
            previous_full = full
    document = "\n".join(text for group in grouped for text in group)
    return [_join(group, document) for group in grouped]


def _breaks(
    a: PageLine,
    b: PageLine,
    full: float,
    ratio: float,
    *,
    same_run: bool,
    column_left: float,
    body: float,
) -> bool:
    """Whether line ``b`` starts a new paragraph after line ``a`` (``full`` is the width of
    ``a``'s column, ``body`` the usual letter size)."""
    if abs(a.size - b.size) > 0.15 * max(a.size, b.size):
        return True
    if same_run and a.size > 1.15 * body:
        # a headline in large print, centred or not: one paragraph while the pitch holds
        return b.top - a.top > 1.4 * ratio * a.size
    ends_hyphen = a.text.rstrip().endswith(("-", "\u00ad"))
    if not ends_hyphen and a.x1 - a.x0 < SHORT_LINE * full:
        return True
    if b.x0 > column_left + 0.5 * b.size and b.x0 < column_left + 6 * b.size:
        return True  # a first-line indent
    return same_run and b.top - a.top > 1.4 * ratio * a.size


def _join(lines: Sequence[str], document: str) -> str:
    text = ""
    for raw in lines:
        line = " ".join(raw.translate(_LIGATURES).split())
        if not text:
            text = line
        elif text.endswith("\u00ad"):
            text = text[:-1] + line
        elif text.endswith("-") and text[-2:-1].isalpha() and line[:1].islower():
            text = text[:-1] + line if _split_word(text, line, document) else text + line
        elif text.endswith(("—", "/")) and not text.endswith(" /"):
            text += line
        else:
            text += " " + line
    return text.replace("\u00ad", "")


def _split_word(text: str, line: str, document: str) -> bool:
    """Whether a line-end hyphen split one word (drop it) rather than joining two."""
    head = re.split(r"[\s—–/(“\"‘']", text[:-1])[-1]
    tail = re.split(r"[\s,.;:!?)”\"’']", line)[0]
    if "-" in head or head.casefold() in KEEP_HYPHEN_AFTER or (len(head) > 1 and head.isupper()):
        return False  # "well-known", "COVID-related": the hyphen belongs to the word
    joined, hyphened = f"{head}{tail}".casefold(), f"{head}-{tail}".casefold()
    folded = document.casefold()
    written_hyphened = hyphened in folded.replace("-\n", "-\x00")  # not at a line end
    return not (written_hyphened and joined not in folded)


def page_text(pages: Sequence[Page], title: str = "") -> tuple[str, list[str]]:
    """The text of printed pages (paragraphs separated by blank lines) and the running
    heads and feet removed from it, in page order; ``title`` is the document's, if known."""
    skip = running_lines(pages, title)
    removed = [pages[p].lines[k].text for p, k in sorted(skip)]
    return "\n\n".join(x for x in paragraphs(pages, skip) if x.strip()), removed
