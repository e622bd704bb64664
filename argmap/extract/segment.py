"""Sentences and clauses with exact character offsets into the cleaned source text.

Quotes in a map are offsets into ``Source.text``, so every unit here is a ``(start, end)``
span whose text is ``text[start:end]`` verbatim (leading and trailing whitespace trimmed).

Sentences are cut by :class:`RuleSegmenter`, rules written for news copy: the titles that
stand before names ("Gen.", "Sen.", "Md." as in "Md. Yunus"), months and numbers
("Jan. 5", "No. 10"), dotted acronyms that end a sentence only before a word that opens
one ("the U.S. Army" against "left the U.S. Then …"), sentences glued by a lost space
("in Kabul.The Taliban …"), and quotations that run over several sentences, which stay one
unit with their speaker. pysbd, a general rule-based splitter, cut "Md." and quotations,
left glued sentences whole, and cost about 5 µs per character; it remains as
:class:`PysbdSegmenter` behind the same :class:`Segmenter` interface, for comparison.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

Span = tuple[int, int]


class Segmenter(Protocol):
    """Anything that splits a paragraph into sentence spans (offsets into ``text``)."""

    def sentences(self, text: str) -> list[Span]: ...


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


_CANDIDATE = re.compile(
    r"(?P<stop>[.!?]+|…)(?P<close>[\"'”’)\]]*)"
    r"(?:\s+(?=[\"'“‘(\[]?[A-Z0-9])|(?:(?<=[a-z0-9]{2}[.!?])|(?<=[a-z0-9]{2}[.!?][\"”’)]))(?=[A-Z][a-z]))"
)
"""A possible sentence end: a stop (and closing quotes or brackets) before whitespace and
a capital or digit, or glued straight onto a capitalised word after a lower-case word
("in Kabul.The Taliban", as copy and paste leaves it). A decimal ("3.5"), a web address
("example.com") or a dotted acronym ("U.S.") has no lower-case word before a dot that is
directly followed by a capital, so none of them is cut."""
_WORD_BEFORE = re.compile(r"(?<![\w.])((?:[A-Za-z]\.)*[A-Za-z]+)$")
"""The word that ends just before a stop, with the dots inside it ("U.S", "e.g", "Md")."""
_NEXT_WORD = re.compile(r"[\"'“‘(\[]?([\w’'-]+)")
_NAME_TITLES = frozenset(
    """Mr Mrs Ms Mx Messrs Dr Drs Prof Gen Gens Sen Sens Rep Reps Gov Govs Lt Col Capt Cmdr
    Cdr Sgt Maj Adm Brig Cpl Pvt Rev Hon Pres Supt Insp Amb Atty Md Mt Ft St Ste Sr Jr""".split()
)
"""Abbreviations that stand before a name: a stop after them does not end a sentence
("Gen. Smith", "Md. Yunus", "Mt. Everest"), except "Jr."/"Sr."/"St." before a word that
opens sentences ("… King Jr. The march …")."""
_BEFORE_NUMBERS = frozenset(
    """Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos Vol Vols Fig Figs Art Ch
    pp ca approx Nr""".split()
)
"""Abbreviations that stand before a number ("Jan. 5", "No. 10", "pp. 3")."""
_NEVER_END = frozenset({"e.g", "i.e", "E.g", "I.e", "viz", "vs", "cf", "Cf"})
_ACRONYM_LIKE = frozenset({"etc", "al", "Inc", "Ltd", "Co", "Corp", "Bros"})
_STARTERS = frozenset(
    """The A An This That These Those It Its He She We They I You His Her Their Our My
    There Here But And Or So Yet Still Then Now Thus Hence However Moreover Meanwhile
    Instead Indeed In On At For From As If When While Why What How Who Where Which Some
    Many Most Few Both Each Every No Not Nor All Such Even Only After Before Since Although
    Though Because Unless Once To By With Without Yes""".split()
)
"""Words that open a sentence far more often than they follow a title or an acronym."""
QUOTE_SPAN = 600
"""A quotation longer than this is not held together: a stray quote mark would otherwise
glue a whole paragraph into one unit."""
_SPEAKER = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|asked|asks|told|tells|wrote|writes|added|adds|"
    r"argued|argues|noted|notes|insisted|insists|replied|explained|explains|warned|warns|"
    r"declared|recalled|remarked|continued|concluded|tweeted|posted)\b"
)
"""A named speaker after a closing quotation ("…?” Ann Lee asked."): part of its sentence."""


def quotations(text: str) -> list[Span]:
    """Spans of the quotations in a paragraph, merged where they overlap: “…” pairs, and
    "…" pairs when the straight marks are even in number (an odd count means one is stray,
    and pairing the rest would be a guess). Quotations over :data:`QUOTE_SPAN` are left out."""
    spans: list[Span] = []
    opening = -1
    for match in re.finditer(r"[“”]", text):
        if match.group(0) == "“":
            opening = match.start()
        elif opening >= 0:
            spans.append((opening, match.end()))
            opening = -1
    straight = [m.start() for m in re.finditer(r'"', text)]
    if straight and len(straight) % 2 == 0:
        spans += [(straight[i], straight[i + 1] + 1) for i in range(0, len(straight), 2)]
    merged: list[Span] = []
    for a, b in sorted(s for s in spans if s[1] - s[0] <= QUOTE_SPAN):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _inside(spans: list[Span], starts: list[int], at: int) -> bool:
    k = bisect.bisect_left(starts, at) - 1
    return k >= 0 and spans[k][0] < at < spans[k][1]


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Is the stop of ``match`` a sentence end, judging by the words before and after it?"""
    stop, close = match.group("stop"), match.group("close")
    after = text[match.end() : match.end() + 80]
    if close[-1:] in ("”", '"') and _SPEAKER.match(after):
        return False  # “Why now?” Ann Lee asked.
    if stop != ".":
        return True
    start = match.start()
    before = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    if before is None:
        # a number ends a sentence ("in 2019. The …") unless it opens the paragraph as a
        # list marker ("1. More resources")
        return not re.fullmatch(r"\s*\d{1,2}", text[:start])
    word = before.group(1)
    following = _NEXT_WORD.match(after)
    nxt = following.group(1) if following else ""
    starter = nxt in _STARTERS
    if word in _NEVER_END:
        return False
    if word in _NAME_TITLES:
        # "Baltimore, Md. He moved …": after a comma it is a place's state, which can end
        # a sentence; before a name it never does
        head = text[max(0, start - 40) : start - len(word)].rstrip()
        return starter and (word in ("Jr", "Sr", "St") or head.endswith(","))
    if word in _BEFORE_NUMBERS:
        return not nxt[:1].isdigit() and starter
    if "." in word or word in _ACRONYM_LIKE:
        return starter  # "the U.S. Army" goes on; "she left the U.S. Then …" ends
    if len(word) == 1 and word.isupper():
        # an initial ("John F. Kennedy"), unless a lower-case word before it makes it a
        # label at the end of a sentence ("they chose plan B. The rest …")
        head = text[max(0, start - 40) : start - 1].rstrip().rsplit(" ", 1)[-1]
        return starter and head[:1].islower()
    return True


class RuleSegmenter:
    """Sentence ends by rule. One regular expression finds the possible ends; the word
    before and after each decides (titles, months, acronyms, initials); a stop inside a
    quotation that closes later in the paragraph is no end, so a quoted passage stays with
    its speaker ("“A. B. C,” she said."). Linear in the text."""

    def sentences(self, text: str) -> list[Span]:
        quotes = quotations(text) if ("“" in text or '"' in text) else []
        starts = [a for a, _ in quotes]
        spans: list[Span] = []
        start = 0
        for match in _CANDIDATE.finditer(text):
            cut = match.end("close")
            if (quotes and _inside(quotes, starts, cut)) or not _ends_sentence(text, match):
                continue
            span = _trim(text, start, cut)
            if span:
                spans.append(span)
            start = cut
        span = _trim(text, start, len(text))
        if span:
            spans.append(span)
        return _merge_dot_runs(text, spans)


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
    """A trailing '......' (an excerpt cut off) split off on its own: glue
    punctuation-only fragments back onto the sentence before them."""
    out: list[Span] = []
    for start, end in spans:
        if out and not any(ch.isalnum() for ch in text[start:end]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


_DEFAULT = RuleSegmenter()


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
