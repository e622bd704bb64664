"""Naming authors in comparisons: the short names that head columns and legends, and finding
an author by id, short name or full name (as the command line and notebooks ask for one).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from argmap.map.model import ArgumentMap, Author


def find_author(amap: ArgumentMap, key: str) -> Author | None:
    """An author by id, else by name (case-insensitive, whole name or one word of it).

    A word that matches several authors matches none: a guess would compare the wrong people.
    """
    for author in amap.authors:
        if author.id == key:
            return author
    folded = key.casefold().strip()
    exact = [x for x in amap.authors if x.name.casefold() == folded or x.id.casefold() == folded]
    if len(exact) == 1:
        return exact[0]
    words = [x for x in amap.authors if folded in x.name.casefold().split()]
    return words[0] if len(words) == 1 else None


_STAND_IN = re.compile(r"\s*\((?:author )?not named\)$")


_CALENDAR = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


_PIECE_WORDS = frozenset(
    "op-ed oped essay article piece column editorial opinion commentary blog post".split()
)


_JOINT = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")


def joint_heading(name: str) -> str | None:
    """The column heading of a piece's joint author ("Ada Vance and Ben Ortiz" is
    "Vance & Ortiz", three or more "Vance et al."), or ``None`` when ``name`` is not two
    or more people's names (an outlet such as "Marks and Spencer Group" has a word in
    lower case or a one-word part, and is left alone)."""
    people = [part.split() for part in _JOINT.split(name.strip()) if part]
    if len(people) < 2 or not all(
        2 <= len(words) <= 5 and all(w[:1].isupper() and _NAME_WORD.fullmatch(w) for w in words)
        for words in people
    ):
        return None
    surnames = [words[-1] for words in people]
    return " & ".join(surnames) if len(people) == 2 else f"{surnames[0]} et al."


def short_names(authors: Sequence[Author]) -> dict[str, str]:
    """A short column heading per author.

    For a piece's joint author, its authors' surnames (:func:`joint_heading`); else the
    word of the name that is the author's id, as the name spells it ("GZERO" for id
    ``gzero`` of "GZERO Media"); else the last word of the name if it is a plain word and no
    other author's; else the id, which is unique.
    """

    def candidate(author: Author) -> str:
        joint = joint_heading(author.name)
        if joint:  # a co-authored piece: its column names its authors, not the last one
            return joint
        words = author.name.split()
        for word in words:
            if word.casefold() == author.id.casefold():
                return word
        stand_in = _STAND_IN.search(author.name)
        if stand_in:
            # a stand-in, "Foreign Affairs essay (author not named)" or an import's "“In
            # January, Kabul endured…” (author not named)": what the name says of the piece
            # when short, without a word every piece is ("Foreign Affairs"; never the id,
            # "perennial", which matched nothing the legend showed), else the first
            # name-like word after the opening one ("Kabul"), else the opening's first words
            opening = author.name[: stand_in.start()].strip("“”\"' …").split()
            if len(opening) > 1 and opening[-1].casefold() in _PIECE_WORDS:
                opening = opening[:-1]
            if len(opening) <= 2:
                return " ".join(opening) or author.id
            for word in opening[1:]:
                bare = word.strip(",.;:!?’'()").removesuffix("’s").removesuffix("'s")
                if bare[:1].isupper() and bare.isalpha() and bare not in _CALENDAR:
                    return bare
            return " ".join(opening[:2]).rstrip(",;:")
        if words and words[-1].replace("-", "").replace("'", "").isalpha():
            return words[-1]
        if 0 < len(author.name) <= 20:  # "Author 4": the name itself, not the id "new4"
            return author.name
        return author.id

    picked = [candidate(a) for a in authors]
    counts = Counter(picked)
    return {a.id: (s if counts[s] == 1 else a.id) for a, s in zip(authors, picked, strict=True)}
