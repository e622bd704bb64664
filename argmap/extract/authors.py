"""The author entries of an import: named authors, joint authors and stand-ins.

A map attributes each claim to one author (``Claim.author`` is one id), and the comparison
views give each author a column. A piece written by several people argues with one voice:
its thesis is theirs together, not the first author's with the others as bystanders. So a
co-authored piece gets **one joint author entry**, "Mara Quill and Tobias Renn", that owns
all its claims and is its source's only author. That keeps what a reader expects: the
piece is one column in the positions matrix, every author entry has claims (no empty
author left behind, as listing the co-authors one by one beside a joint entry would), and
the same two people writing again share the entry. A co-author's solo piece keeps its own
entry, because it may argue something else.

An article that names nobody gets a stand-in, one per file, named by what the file tells
a reader (its outlet, title, telling file name or opening words).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from argmap.extract.byline import joint_name
from argmap.extract.split import Article
from argmap.map.model import Author
from argmap.map.palette import new_author_color


def slug(text: str, limit: int = 24) -> str:
    """A readable id from ``text``: its words, lower case, joined by hyphens, cut at a word
    boundary within ``limit`` characters (a single long word is cut where it must)."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = ""
    for word in words:
        joined = f"{out}-{word}" if out else word
        if len(joined) > limit:
            break
        out = joined
    if not out and words:
        out = words[0][:limit]
    return out or "article"


@dataclass
class AuthorBook:
    """The authors an import knows: those of the map (by name), those it made, and the
    stand-in of each file that names nobody."""

    fresh: Callable[[str], str]
    """Makes an id unused in the map and the import."""
    by_name: dict[str, Author] = field(default_factory=dict)
    made: list[Author] = field(default_factory=list)
    used_colors: list[str] = field(default_factory=list)
    """The colours of the map's authors: each new author takes the most distinct one left."""
    stand_ins: dict[str, Author] = field(default_factory=dict)

    def author(self, name: str, id_base: str, affiliation: str = "") -> Author:
        """The author called ``name`` (case-insensitively), made if new."""
        found = self.by_name.get(name.casefold())
        if found is None:
            found = Author(
                id=self.fresh(id_base),
                name=name,
                affiliation=affiliation,
                color=new_author_color([*self.used_colors, *(a.color for a in self.made)]),
            )
            self.by_name[name.casefold()] = found
            self.made.append(found)
        return found


def joint_affiliation(names: list[str], affiliations: dict[str, str]) -> str:
    """One affiliation for a joint entry: the shared one, or each author's by name."""
    known = [(n, affiliations[n]) for n in names if affiliations.get(n)]
    if not known:
        return ""
    if len({a for _, a in known}) == 1 and len(known) == len(names):
        return known[0][1]
    return "; ".join(f"{n}: {a}" for n, a in known)


def article_authors(
    article: Article, *, path: str, book: AuthorBook, several: bool = False
) -> list[str]:
    """Ids of the article's author entries (one; made where the map lacks it).

    Several named authors make one joint entry (see the module's docstring). An article
    that names none gets one stand-in per file, labelled by what the file says of itself:
    its outlet, else (a file of one article) its title, else the file's name (without its
    extension) when that name tells something, else (one article) its opening words, else
    a plain "Author N (not named)": the one stand-in of a file of several articles must not
    be named after one of them."""
    names = list(article.meta.authors)
    if names:
        affiliations = article.meta.affiliations
        if len(names) == 1:
            author = book.author(names[0], slug(names[0], 20), affiliations.get(names[0], ""))
        else:
            surnames = "-".join(n.split()[-1] for n in names)
            author = book.author(
                joint_name(names), slug(surnames, 30), joint_affiliation(names, affiliations)
            )
        return [author.id]
    if path in book.stand_ins:
        return [book.stand_ins[path].id]
    label = _stand_in_label(article, path, book, several)
    author = book.author(label, "by-" + slug(label, 20))
    book.stand_ins[path] = author
    return [author.id]


_EDITORIAL_TITLE = re.compile(
    r"^(?:the\s+)?(?P<outlet>[A-Z][\w&’'.-]*(?:\s+[A-Z][\w&’'.-]*){0,3})\s+(?:view|verdict)\s+on\b|"
    r"^(?:our|an?)\s+(?:editorial|view)\s*[:—–-]",
)
"""Titles of unsigned editorials ("The Guardian view on …", "The Observer view on …",
"Our view: …"): the paper speaks as an institution."""


def _stand_in_label(article: Article, path: str, book: AuthorBook, several: bool) -> str:
    file_name = Path(path).stem
    editorial = _EDITORIAL_TITLE.match(article.title)
    if editorial:
        outlet = article.meta.outlet or editorial.group("outlet") or ""
        return f"{outlet} (editorial)" if outlet else "Editorial (author not named)"
    if article.meta.outlet:
        return f"{article.meta.outlet} (author not named)"
    if article.title and not several:
        return f"“{_words(article.title, 50)}” (author not named)"
    if _telling(file_name):
        # the file's name first: cards show the start of an author's name
        return f"{file_name} (author not named)"
    if article.text.strip() and not several:
        # the article's opening words, as a reader would point at it ("the one that
        # starts 'In January, Kabul endured…'")
        return f"“{_words(' '.join(article.text.split()), 36)}” (author not named)"
    plain = sum(1 for a in book.made if _PLAIN_STAND_IN.match(a.name))
    return f"Author {plain + 1} (not named)"


_PLAIN_STAND_IN = re.compile(r"^Author \d+ \(not named\)$")
_HASHLIKE = re.compile(r"[0-9a-f]{8,}|^[\W\d_]*$", re.IGNORECASE)


def _telling(file_name: str) -> bool:
    """Does a file's name say anything to a reader? "kabul-oped" does; a download's hash
    ("000_8639fdc6ad0bd86d") or a bare number does not, and as an author's name it only
    fills the card header."""
    return not _HASHLIKE.search(file_name)


def _words(text: str, limit: int) -> str:
    """``text`` cut at a word boundary within ``limit`` characters, marked with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:—-")
    return f"{cut}…"
