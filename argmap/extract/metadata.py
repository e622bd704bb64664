"""Article metadata where the text gives it: bylines, dates, outlets, titles.

Saved pages and copied articles carry their metadata as lines of text ("By: Jane Doe",
"January 22, 2026", "The post X appeared first on Y.", "© Outlet"). The cleaner removes
those lines as noise and hands them here, so nothing of the kind is lost; nothing is
guessed from the article body (a date in a sentence is an event, not the publication date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE_MDY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b")
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b")
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

_FEED_FOOTER = re.compile(r"^The post (.+?) appeared first on (.+?)\.?$")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|Copyright)\s*(?:\d{4}\s*)?(.{2,60}?)\.?$", re.IGNORECASE)
_ABOUT = re.compile(r"^About the authors?\s*[:\-–]?\s*(.*)$", re.IGNORECASE)
_URL = re.compile(r"https?://\S+|\bwww\.[\w.-]+\.[a-z]{2,}\S*")


@dataclass
class Metadata:
    """What an article says about itself; empty strings when the text does not say."""

    title: str = ""
    authors: list[str] = field(default_factory=list)
    date: str = ""
    outlet: str = ""
    url: str = ""
    affiliations: dict[str, str] = field(default_factory=dict)
    """What a byline or bio says an author is ("senior fellow at X"), by author name."""
    standfirst: str = ""
    """The summary under the headline (a page's description, or the short paragraph
    between headline and byline); it stays in the body as well."""

    def add_author(self, name: str, affiliation: str = "") -> None:
        """Add ``name`` unless an author of the same surname is known (a bio's "Daniel
        Markey" is the byline's "Daniel S. Markey"); record its affiliation if new."""
        same = next((a for a in self.authors if _same_person(a, name)), None)
        if same is None:
            self.authors.append(name)
            same = name
        if affiliation and same not in self.affiliations:
            self.affiliations[same] = affiliation

    def merge(self, other: Metadata) -> None:
        """Fill what is still unknown from ``other`` (first finding wins)."""
        self.title = self.title or other.title
        for name in other.authors:
            if name not in self.authors:
                self.authors.append(name)
        self.date = self.date or other.date
        self.outlet = self.outlet or other.outlet
        self.url = self.url or other.url
        self.standfirst = self.standfirst or other.standfirst
        for name, affiliation in other.affiliations.items():
            self.affiliations.setdefault(name, affiliation)


def _same_person(a: str, b: str) -> bool:
    """Same full name, or same first and last word ("Daniel S. Markey", "Daniel Markey")."""
    wa, wb = a.casefold().split(), b.casefold().split()
    return wa == wb or (len(wa) >= 2 and len(wb) >= 2 and wa[0] == wb[0] and wa[-1] == wb[-1])


_GLUED_DATES = re.compile(r"(?<=\d{4})(?=\d{1,2}\s+[A-Z][a-z]{2})")
"""A page that prints its date twice without a space ("3 Mar 20253 Mar 2025")."""


def find_date(text: str) -> str:
    """The first date in ``text`` as ISO ``YYYY-MM-DD`` (or ``""``)."""
    text = _GLUED_DATES.sub(" ", text)
    for regex, order in ((_DATE_ISO, "ymd"), (_DATE_MDY, "mdy"), (_DATE_DMY, "dmy")):
        match = regex.search(text)
        if not match:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        month = parts["m"]
        month_no = int(month) if month.isdigit() else _month(month)
        day, year = int(parts["d"]), int(parts["y"])
        if 1 <= month_no <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month_no:02d}-{day:02d}"
    return ""


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    for full, number in _MONTHS.items():
        if full.startswith(name[:3]):
            return number
    return 0


def byline_authors(line: str) -> list[str]:
    """Author names of a byline ("By: Jane Doe and John Roe"), or ``[]``; the byline forms
    are read in :mod:`argmap.extract.byline`."""
    from argmap.extract.byline import parse_byline

    byline = parse_byline(line)
    return list(byline.authors) if byline else []


def is_date_line(line: str) -> bool:
    """A line that is only a date (with an optional weekday or time)."""
    if len(line) > 120:
        return False  # a date line is short; a paragraph is not worth the substitutions
    rest = _GLUED_DATES.sub(" ", line)
    for regex in (_DATE_ISO, _DATE_MDY, _DATE_DMY):
        rest = regex.sub("", rest)
    rest = re.sub(
        r"(?i)\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|"
        r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\b(?:updated|published|posted|last|modified|on|at)\b|"
        r"\b(?:updated\s+)?\d+\s+(?:minutes?|hours?|days?)\s+ago\b|"
        r"\b(?:[ECMP][SD]?T|UTC|GMT|BST|CES?T|IST|PKT)\b|[\s,.:|/•·–-]",
        "",
        rest,
    )
    return rest == "" and rest != line


def feed_footer(line: str) -> tuple[str, str] | None:
    """``(title, outlet)`` from "The post TITLE appeared first on OUTLET."."""
    match = _FEED_FOOTER.match(line.strip())
    return (match.group(1).strip(), match.group(2).strip()) if match else None


def copyright_owner(line: str) -> str:
    match = _COPYRIGHT.match(line.strip())
    return match.group(1).strip() if match else ""


def about_author(line: str) -> str | None:
    """The name in an "About the Author: NAME" line ("" when the line names nobody)."""
    match = _ABOUT.match(line.strip())
    return match.group(1).strip() if match else None


def metadata_line(line: str, meta: Metadata) -> None:
    """Harvest a removed metadata line (labels, byline, date, url) into ``meta``."""
    from argmap.extract.byline import parse_byline

    byline = parse_byline(line)
    if byline is not None:
        for name in byline.authors:
            meta.add_author(name, byline.roles.get(name, ""))
        meta.outlet = meta.outlet or byline.outlet
        meta.date = meta.date or byline.date
    if not meta.date:
        meta.date = find_date(line)
    if not meta.url:
        url = _URL.search(line)
        if url:
            meta.url = url.group(0).rstrip(".,)")
