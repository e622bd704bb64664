"""Anchoring quotes by hand: find a passage in a source, detect drift, re-anchor.

A claim's quote stores offsets *and* the quoted text, so a source whose text changed (a
re-import, a hand edit, a cleaned-up paragraph) is detected instead of silently pointing at
the wrong words. People building maps by hand need the other direction too: they copy a
sentence from a browser or a PDF, where typographic quotes became straight ones, a dash
became a hyphen and line breaks became spaces, and want the exact span of the source it
came from. :func:`find` does that, exact match first and then a tolerant match that maps
back to the source's own characters, so the stored quote is always an exact substring.

Everything here is pure (no files written, no Qt); the ``argmap quote`` command wraps it.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from pydantic import ValidationError

from argmap.map.invariants import quote_problems
from argmap.map.mapfile import FileProblem, MapFileError, load
from argmap.map.migrate import migrate
from argmap.map.model import ArgumentMap, Claim, Quote

_SINGLE_QUOTES = "'‘’‚‛′`´"
_DOUBLE_QUOTES = '"“”„‟″«»'
_DASHES = "-‐‑‒–—―−"
_QUOTE_PATH = re.compile(r"^claims\[(\d+)\]\.quote$")

MatchKind = Literal["exact", "tolerant"]


@dataclass(frozen=True, slots=True)
class Span:
    """A passage of a source text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str

    def as_quote(self) -> Quote:
        return Quote(start=self.start, end=self.end, text=self.text)


@dataclass(frozen=True, slots=True)
class Found:
    """Where a passage occurs in a source: every span, and whether the match was exact.

    ``tolerant`` means the passage matched only after treating whitespace runs, quote
    marks and dashes as interchangeable; the spans still hold the source's own characters.
    """

    spans: tuple[Span, ...]
    kind: MatchKind

    @property
    def unique(self) -> Span | None:
        """The span when there is exactly one, else ``None`` (absent or ambiguous)."""
        return self.spans[0] if len(self.spans) == 1 else None


_FOLD_TABLE = str.maketrans(
    {
        **dict.fromkeys(map(ord, _SINGLE_QUOTES), "'"),
        **dict.fromkeys(map(ord, _DOUBLE_QUOTES), '"'),
        **dict.fromkeys(map(ord, _DASHES), "-"),
        ord("…"): "...",
    }
)


def fold(text: str) -> str:
    """``text`` as searching compares it: case, accents, quote marks, dashes and runs of
    whitespace folded ("Let’s" and "let's", "Café" and "cafe", "2001–2021" and
    "2001-2021" are equal), the same marks :func:`tolerant_pattern` treats as equal, so
    the search box finds what ``argmap quote find`` finds, and an import knows an
    article it already has however its copy was saved."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_TABLE))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def _char_pattern(char: str) -> str:
    if char in _SINGLE_QUOTES:
        return f"[{re.escape(_SINGLE_QUOTES)}]"
    if char in _DOUBLE_QUOTES:
        return f"[{re.escape(_DOUBLE_QUOTES)}]"
    if char == "…":
        return r"(?:…|\.\.\.)"
    return re.escape(char)


def tolerant_pattern(passage: str) -> re.Pattern[str]:
    """A regex matching ``passage`` with whitespace runs, quote marks and dashes relaxed.

    Whitespace in the passage matches any run of whitespace (including none next to a
    dash, so "2001 - 2021" finds "2001–2021"); "..." matches "…" and back.
    """
    parts: list[str] = []
    text = passage.strip()
    dash = f"[{re.escape(_DASHES)}]"
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            while i < len(text) and text[i].isspace():
                i += 1
            parts.append(r"\s+")
            continue
        if char in _DASHES:
            # A dash may be written with or without spaces: "a — b", "a—b", "a - b".
            if parts and parts[-1] == r"\s+":
                parts.pop()
            parts.append(rf"\s*{dash}\s*")
            i += 1
            while i < len(text) and text[i].isspace():
                i += 1
            continue
        if text.startswith("...", i):
            parts.append(r"(?:…|\.\.\.)")
            i += 3
            continue
        parts.append(_char_pattern(char))
        i += 1
    pattern = "".join(parts)
    return re.compile(pattern)


def find(source_text: str, passage: str) -> Found:
    """Every occurrence of ``passage`` in ``source_text``: exact ones, else tolerant ones.

    An empty (or all-whitespace) passage is found nowhere: a quote must quote something.
    """
    if not passage.strip():
        return Found((), "exact")
    spans: list[Span] = []
    start = source_text.find(passage)
    while start != -1:
        spans.append(Span(start, start + len(passage), passage))
        start = source_text.find(passage, start + 1)
    if spans:
        return Found(tuple(spans), "exact")
    found = [
        Span(m.start(), m.end(), m.group(0))
        for m in tolerant_pattern(passage).finditer(source_text)
        if m.end() > m.start()
    ]
    return Found(tuple(found), "tolerant")


@dataclass(frozen=True, slots=True)
class Drift:
    """A claim whose quote no longer matches its source, and what could re-anchor it.

    ``proposal`` is the unique span where the quoted text is found now; ``candidates``
    counts the spans found (0: gone, 2 or more: ambiguous, so no proposal).
    """

    index: int
    claim_id: str
    message: str
    proposal: Span | None
    candidates: int

    @property
    def path(self) -> str:
        return f"claims[{self.index}].quote"


def drifted_quotes(amap: ArgumentMap) -> list[Drift]:
    """Every quote of ``amap`` that does not match its source, with a proposed re-anchor.

    A quote whose source is missing cannot be re-anchored and is reported without a
    proposal. When the quoted text occurs several times the occurrence nearest the old
    offset is *not* chosen silently: guessing wrong would anchor a claim to the wrong
    sentence, which is worse than asking a person.
    """
    texts = {s.id: s.text for s in amap.sources}
    drifts: list[Drift] = []
    for i, claim in enumerate(amap.claims):
        if claim.quote is None:
            continue
        if claim.source is None or claim.source not in texts:
            drifts.append(
                Drift(i, claim.id, f"quote names unknown source {claim.source!r}", None, 0)
            )
            continue
        text = texts[claim.source]
        problems = quote_problems("", claim.quote, text)
        if not problems:
            continue
        found = find(text, claim.quote.text)
        drifts.append(Drift(i, claim.id, problems[0].message, found.unique, len(found.spans)))
    return drifts


def reanchor(amap: ArgumentMap) -> tuple[ArgumentMap, list[Drift], list[Drift]]:
    """A copy of ``amap`` with every unambiguously found drifted quote re-anchored.

    Returns the new map, the drifts that were fixed and those that were not. A fix may
    change the stored quote text when only the tolerant match found it (the source now
    says "don’t" where the quote said "don't"): the source is the authority.
    """
    drifts = drifted_quotes(amap)
    fixed = [d for d in drifts if d.proposal is not None]
    unfixed = [d for d in drifts if d.proposal is None]
    claims: list[Claim] = list(amap.claims)
    for drift in fixed:
        assert drift.proposal is not None
        claims[drift.index] = claims[drift.index].model_copy(
            update={"quote": drift.proposal.as_quote()}
        )
    new_map = amap.model_copy(update={"claims": claims})
    return new_map, fixed, unfixed


def load_allowing_drift(path: str | os.PathLike[str]) -> ArgumentMap:
    """Load a map whose only problems may be quotes that no longer match their source.

    :func:`argmap.map.mapfile.load` rightly refuses such a map; repairing it needs it loaded.
    Any other problem (bad JSON, unknown keys, dangling links) is still raised as
    :class:`MapFileError`, so a repair never starts from a map that is broken otherwise.
    """
    try:
        return load(path)
    except MapFileError as exc:
        other = [p for p in exc.problems if not _QUOTE_PATH.match(p.where)]
        if other:
            raise
    name = str(path)
    with open(path, "rb") as handle:  # load() has just read it: a regular file, in bounds
        raw = json.loads(handle.read().decode("utf-8"))
    try:
        return ArgumentMap.model_validate(migrate(raw), context={"check_invariants": False})
    except (ValidationError, ValueError) as exc:
        raise MapFileError([FileProblem(name, "", str(exc))]) from None
