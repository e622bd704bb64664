"""Paragraph and sentence numbers of an article: how a worksheet and a feedback page name
a passage.

A student without a computer writes "3.2" on the worksheet for the second sentence of the
third paragraph; the feedback page points at a missed claim the same way, so both must
number the text identically. Sentences come from the importer's segmenter (rules written
for news copy), paragraphs are the source's lines, both counted from 1.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from argmap.extract.segment import sentence_units


@dataclass(frozen=True, slots=True)
class Sentence:
    """One numbered sentence: ``text == article[start:end]``."""

    paragraph: int
    number: int
    """Its number within its paragraph, from 1."""
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        """``"3.2"``: the second sentence of the third paragraph."""
        return f"{self.paragraph}.{self.number}"


@dataclass(frozen=True, slots=True)
class Numbered:
    """An article cut into numbered sentences, and lookups by offset."""

    sentences: tuple[Sentence, ...]
    _starts: tuple[int, ...]

    def at(self, offset: int) -> Sentence | None:
        """The sentence holding ``offset`` (or the last one starting before it)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.sentences[i] if i >= 0 else (self.sentences[0] if self.sentences else None)

    def where(self, start: int, end: int) -> str:
        """The label of a passage: ``"3.2"`` or ``"3.2–3.4"``; empty for an empty article."""
        first, last = self.at(start), self.at(max(start, end - 1))
        if first is None or last is None:
            return ""
        return first.label if first == last else f"{first.label}–{last.label}"

    def paragraphs(self) -> list[list[Sentence]]:
        """The sentences, grouped by paragraph in order."""
        groups: list[list[Sentence]] = []
        for sentence in self.sentences:
            if not groups or groups[-1][0].paragraph != sentence.paragraph:
                groups.append([])
            groups[-1].append(sentence)
        return groups


@lru_cache(maxsize=32)
def number(text: str) -> Numbered:
    """The numbered sentences of ``text`` (cached: a class's feedback numbers one article)."""
    sentences: list[Sentence] = []
    last_paragraph, count = -1, 0
    for unit in sentence_units(text):
        count = count + 1 if unit.paragraph == last_paragraph else 1
        last_paragraph = unit.paragraph
        sentences.append(Sentence(unit.paragraph + 1, count, unit.start, unit.end, unit.text))
    return Numbered(tuple(sentences), tuple(s.start for s in sentences))
