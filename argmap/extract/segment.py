"""Sentences and clauses with exact character offsets into the cleaned source text.

Quotes in a map are offsets into ``Source.text``, so every unit here is a ``(start, end)``
span whose text is ``text[start:end]`` verbatim (leading and trailing whitespace trimmed).

pysbd (rule-based, handles abbreviations, initials, quotes and numbers) does the hard
sentences, but it is unmaintained and costs about 5 µs per character, half of the import
budget. So it sits behind :class:`Segmenter`, and :class:`HybridSegmenter` only hands it the
paragraphs that hold something it is needed for (an abbreviation-like dot); plain
paragraphs are split by one regular expression, which agrees with pysbd on them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

Span = tuple[int, int]


class Segmenter(Protocol):
    """Anything that splits a paragraph into sentence spans (offsets into ``text``)."""

    def sentences(self, text: str) -> list[Span]: ...


# A sentence ends at . ! ? (optionally followed by closing quotes or brackets) before
# whitespace and a plausible sentence start.
_SIMPLE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
# Dots that need pysbd: initials and abbreviations (U.S., p.m., Mr., e.g.), decimals are
# harmless because no whitespace follows their dot.
_TRICKY = re.compile(
    r"\b[A-Za-z]\.[A-Za-z]\.|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Col|Sen|Rep|Gov|Lt|Capt|"
    r"No|vs|etc|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|"
    r"e\.g|i\.e|cf|al|ca|Fig|Vol|pp?)\.\s|\b[A-Z]\.\s"
)


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


class RegexSegmenter:
    """Fast splitter for paragraphs without abbreviations (one regex pass)."""

    def sentences(self, text: str) -> list[Span]:
        spans: list[Span] = []
        start = 0
        for match in _SIMPLE_END.finditer(text):
            span = _trim(text, start, match.end())
            if span:
                spans.append(span)
            start = match.end()
        span = _trim(text, start, len(text))
        if span:
            spans.append(span)
        return spans


@lru_cache(maxsize=1)
def _pysbd() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


class PysbdSegmenter:
    """pysbd with ``char_span=True``; its spans include trailing whitespace, trimmed here."""

    def sentences(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for piece in _pysbd().segment(text):
            span = _trim(text, piece.start, piece.end)
            if span:
                spans.append(span)
        return _merge_dot_runs(text, spans)


def _merge_dot_runs(text: str, spans: list[Span]) -> list[Span]:
    """pysbd splits a trailing '......' into its own sentence; glue punctuation-only
    fragments back onto the sentence before them."""
    out: list[Span] = []
    for start, end in spans:
        if out and not any(ch.isalnum() for ch in text[start:end]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


class HybridSegmenter:
    """pysbd for paragraphs with abbreviation-like dots, the regex for the rest."""

    def __init__(self) -> None:
        self._fast = RegexSegmenter()
        self._exact = PysbdSegmenter()

    def sentences(self, text: str) -> list[Span]:
        if len(text) > CHUNK:
            return self._chunked(text)
        if _TRICKY.search(text):
            return self._exact.sentences(text)
        return self._fast.sentences(text)

    def _chunked(self, text: str) -> list[Span]:
        """pysbd slows down more than linearly on long inputs (a 300 kB paragraph takes a
        minute), so a long paragraph is cut at safe sentence ends (a lower-case word of three
        letters or more before the stop, never an abbreviation) into pieces of about
        :data:`CHUNK` characters."""
        spans: list[Span] = []
        start = 0
        while start < len(text):
            end = len(text)
            if end - start > CHUNK:
                cut = _SAFE_END.search(text, start + CHUNK // 2, start + CHUNK)
                end = cut.end() if cut else start + CHUNK
            piece = text[start:end]
            spans.extend((start + a, start + b) for a, b in self.sentences(piece))
            start = end
        return spans


CHUNK = 4000
_SAFE_END = re.compile(r"(?<=\b[a-z]{3})[a-z]*[.!?](?=\s+[A-Z])")
_DEFAULT = HybridSegmenter()


def paragraphs(text: str) -> Iterator[Span]:
    """Spans of the non-blank lines of ``text`` (the cleaner puts one paragraph per line)."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        span = _trim(text, start, end)
        if span:
            yield span
        start = end + 1


@dataclass(frozen=True, slots=True)
class Unit:
    """A candidate argument unit: a sentence or a clause of one, with its paragraph."""

    start: int
    end: int
    text: str
    paragraph: int
    sentence: int
    clause: int = 0


# Where a sentence can hold two argumentative components: a semicolon, a colon before a
# lower-case clause ("X: the reason is Y"), a contrastive
# conjunction after a comma, "unless", or a leading concessive clause ("Although X, Y").
_CLAUSE_BREAK = re.compile(
    r";\s+|:\s+(?=[a-z])|,\s+(?=(?:but|yet|whereas|although|though|even though|even if|unless|while|so that|so|"
    r"which is why|because|since|as(?! (?:well|much|many|long|a result|part|if|though)\b))\b)"
    r"|\s+(?=unless\b)|\s+[—–]\s+(?=but\b)"
    r"|,\s+and\s+(?=(?:the|a|an|it|they|we|he|she|this|that|these|those|[A-Z][\w.]*)\s"
    r"[^,;]{0,60}?\b(?:should|must|ought|need(?:s)? to|will|would|can|could)\b)"
)
_LEADING_CONCESSION = re.compile(
    r"^(?:Although|Though|Even though|Even if|While|Whereas|Granted,?|Admittedly,?|"
    r"Of course,?|Sure,?|True,?)\b"
)
_MIN_CLAUSE_WORDS = 4
_LIST_ITEM = re.compile(r"^(?:and |or )|^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*(?:,| and\b| or\b)")
"""A comma followed by another name of a list ("China, Russia, and Pakistan")."""


def _words(text: str) -> int:
    return len(text.split())


_CONDITIONAL = re.compile(r"^(?:if|only if|as long as|provided that|in case)\b", re.IGNORECASE)
"""A sentence that opens with a condition: its antecedent restricts the claim that follows
("If vital interests are at stake, Washington must …"), so cutting it off would change
what the claim says."""


def clause_spans(text: str, start: int, end: int) -> list[Span]:
    """Split one sentence span at its strongest internal boundary (at most two parts).

    Both parts must be real clauses (four words or more); a sentence is split once, at the
    first boundary that qualifies, since op-ed sentences rarely hold more than two moves.
    """
    sentence = text[start:end]
    if _words(sentence) < 2 * _MIN_CLAUSE_WORDS:
        return [(start, end)]
    if _CONDITIONAL.match(sentence):
        return [(start, end)]  # "If X, Y": the condition is part of the claim, not a unit
    if _LEADING_CONCESSION.match(sentence):
        comma = sentence.find(", ", len(sentence.split(" ", 1)[0]) + 1)
        while comma != -1:
            left, right = sentence[: comma + 1], sentence[comma + 2 :]
            in_list = _LIST_ITEM.match(right) is not None
            if (
                not in_list
                and _words(left) >= _MIN_CLAUSE_WORDS
                and _words(right) >= _MIN_CLAUSE_WORDS
            ):
                return _pair(text, start, start + comma + 1, start + comma + 2, end)
            comma = sentence.find(", ", comma + 1)
    for match in _CLAUSE_BREAK.finditer(sentence):
        left, right = sentence[: match.start()], sentence[match.end() :]
        if _words(left) >= _MIN_CLAUSE_WORDS and _words(right) >= _MIN_CLAUSE_WORDS:
            cut = start + match.start()
            if sentence[match.start()] in ",;:":
                cut += 1  # keep the punctuation with the first clause
            return _pair(text, start, cut, start + match.end(), end)
    return [(start, end)]


def _pair(text: str, a0: int, a1: int, b0: int, b1: int) -> list[Span]:
    spans = [s for s in (_trim(text, a0, a1), _trim(text, b0, b1)) if s]
    return spans


def sentence_units(text: str, segmenter: Segmenter | None = None) -> list[Unit]:
    """Every sentence of ``text`` as a :class:`Unit` with exact offsets."""
    seg = segmenter or _DEFAULT
    units: list[Unit] = []
    n = 0
    for p, (p0, p1) in enumerate(paragraphs(text)):
        for s0, s1 in seg.sentences(text[p0:p1]):
            start, end = p0 + s0, p0 + s1
            units.append(Unit(start, end, text[start:end], p, n))
            n += 1
    return units


def split_clauses(text: str, unit: Unit) -> list[Unit]:
    """The clauses of a sentence unit (the unit itself when it holds one clause)."""
    spans = clause_spans(text, unit.start, unit.end)
    if len(spans) == 1:
        return [unit]
    return [
        Unit(s, e, text[s:e], unit.paragraph, unit.sentence, i + 1)
        for i, (s, e) in enumerate(spans)
    ]
