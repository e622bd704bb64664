"""Who wrote an article: bylines and author bios, as news sites print them.

A byline names the authors and often more: "By A and B", "By A, B and C", "By A, Special to
CNN", "By A | CNN | March 3, 2025", "Opinion by A", "By A, a senior fellow at X". A bio
names them again at the end ("A is a senior fellow at …", "A is the author of …", "A and B
teach at …"), sometimes inside an editor's note. Both are page furniture, never claims,
but they are where the authors, their affiliations and the outlet are written, so they are
read here, part by part, and a line is only taken for a byline when every part of it is
something a byline holds (names, an outlet, a role, a date): "By not acting, the council
fails." names nobody and stays a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from argmap.extract.metadata import find_date, is_date_line

_PARTICLES = frozenset(
    "de da del della der den van von al el bin ibn ben du le la dos das di ter ten y".split()
)
_NOT_NAMES = frozenset(
    """The This That These A An In On At For From With Without By To Of And Or But If When
    While Why What How Who Where Which As It Its He She We They I You Our Their His Her
    Special Staff Updated Published Posted Opinion Analysis Commentary Editorial Photo
    Photos Image Video Getty Images Reuters AFP AP Credit Source Read More Share Follow
    Contributor Guest Column Columnist Op-Ed Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct
    Nov Dec January February March April June July August September October November
    December Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split()
)
"""Capitalised words that open or fill a byline line but are no part of a person's name."""
_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "PhD", "Ph.D.", "MD"})
_BOARDS = re.compile(
    r"^(?:the\s+)?(?:editorial board|editors|editorial staff|editorial team)$", re.IGNORECASE
)
"""An editorial's collective author ("By the Editorial Board")."""

_PREFIX = re.compile(
    r"^(?:(?:opinion|analysis|commentary|perspective|column|essay|guest essay|op-?ed)\s+)?"
    r"(?:written\s+|story\s+|words\s+|reporting\s+)?"
    r"(?:by|von|par|por|door)\s*[:\-–]?\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_MID_PREFIX = re.compile(r"(?:^|\s)(?:By|BY|by)\s*[:\-–]?\s+(?P<rest>[A-Z].*)$")
"""A byline at the end of a run of page labels ("Tags: … January 22, 2026 By: A Name") or
of a date line ("Posted on March 3, 2025 by A Name")."""
_SEGMENTS = re.compile(r"\s+[|·•]\s+|\s+[–—-]\s+|\s*\|\s*")
_AND = re.compile(r"\s*(?:,\s*and\s+|,\s*&\s*|\s+and\s+|\s*&\s*)")
_OUTLET_PART = re.compile(
    r"^(?:(?:special|exclusive)\s+(?:to|for)\s+|for\s+|writing\s+(?:for|in)\s+)(?P<outlet>.+)$",
    re.IGNORECASE,
)
_ROLE_PART = re.compile(
    r"^(?:a|an|the|our|who\s+is|former|senior|contributing|staff|chief|deputy|guest)\b",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r"(?i)^(?:updated|published|posted|last (?:updated|modified))\b|\d{1,2}:\d{2}|"
    r"^\d+\s*min(?:ute)?s?\b"
)
_DATE_START = re.compile(
    r"(?i)^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d|(?:jan|feb|mar|apr|may|jun|"
    r"jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)"
)
"""A segment or part that opens with a date ("Thu September 6", "6 Sept", "2025-03-03")."""
ROLE_WORDS = (
    r"fellow|professor|director|author|editor|journalist|correspondent|analyst|columnist|"
    r"ambassador|diplomat|researcher|lecturer|contributor|writer|scholar|president|founder|"
    r"co-?founder|chair(?:man|woman)?|ceo|member|advis[eo]r|officer|official|secretary|"
    r"minister|partner|head|chief|lawyer|attorney|economist|historian|strategist|"
    r"reporter|host|commentator|expert|specialist|consultant|dean|student|candidate|"
    r"veteran|retired|former|associate|adjunct|visiting|executive|manager|coordinator"
)
_BIO = re.compile(
    rf"^(?P<who>.{{3,160}}?)(?:,[^,]{{3,120}},)?\s+(?:is|are|was|were|has been|have been|"
    rf"serves as|served as|teaches|teach|directs|leads|covers|writes|write)\b"
    rf"(?P<rest>.*?\b(?:{ROLE_WORDS})s?\b.*)$",
    re.IGNORECASE | re.DOTALL,
)
_EDITORS_NOTE = re.compile(r"^editor[’'`]?s[’'`]?\s+note\s*[:.\-–—]\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Byline:
    """What a byline says: the authors in order, and where given their outlet, the role
    of an author ("a senior fellow at X", by name) and a date (ISO)."""

    authors: tuple[str, ...]
    outlet: str = ""
    roles: dict[str, str] = field(default_factory=dict)
    date: str = ""


def is_person_name(text: str) -> bool:
    """Two to five capitalised words (initials, particles and "Jr." allowed), no digits and
    none of the words that fill a byline line ("Updated", "Special", months)."""
    words = text.split()
    if not 2 <= len(words) <= 6 or any(ch.isdigit() for ch in text) or len(text) > 60:
        return False
    if words[0] in _NOT_NAMES or words[-1] in _NOT_NAMES:
        return False
    capitalised = 0
    for word in words:
        bare = word.strip(",")
        if bare in _SUFFIXES or bare in _PARTICLES:
            continue
        if not (bare[:1].isupper() and re.fullmatch(r"[^\W\d_][\w'’.\-]*", bare)):
            return False
        if bare in _NOT_NAMES:
            return False
        capitalised += 1
    return capitalised >= 2


def _names(part: str) -> list[str] | None:
    """The names of one comma-separated part ("A and B", "and C", "A"), or ``None``. A
    name in capitals ("JANE DOE") is given in title case, as everywhere else."""
    part = re.sub(r"^(?:and|&)\s+", "", part.strip())
    if not re.search(r"\b(?:Jr|Sr|[A-Z])\.$", part):
        part = part.rstrip(".")
    if part.isupper() and len(part) > 3:
        part = part.title()
    if _BOARDS.match(part):
        words = part.split()
        return [" ".join(w[:1].upper() + w[1:] for w in words)]
    pieces = [p.strip() for p in _AND.split(part) if p.strip()]
    if pieces and all(is_person_name(p) for p in pieces):
        return pieces
    return None


def parse_byline(line: str) -> Byline | None:
    """The byline in ``line``, or ``None`` when the line is not wholly a byline.

    The words after "By" are cut at bars, bullets and spaced dashes into segments (names,
    outlet, date, "Updated …"), and the first segment at commas into names, roles ("a
    senior fellow at X") and an outlet ("Special to CNN", "for The Times", a lone "CNN").
    """
    text = line.strip()
    if len(text) > 240:
        return None
    match = _PREFIX.match(text)
    date = ""
    if match is None:
        match = _MID_PREFIX.search(text)
        if match is None:
            return None
        before = text[: match.start()]
        if is_date_line(before):
            date = find_date(before)
        elif re.search(r"[a-z]\s*$", before) or match.group(0).lstrip()[:1] == "b":
            return None  # "… backed by Jane Doe" is a sentence, not a label run
    segments = [s.strip() for s in _SEGMENTS.split(match.group("rest")) if s.strip()]
    authors: list[str] = []
    roles: dict[str, str] = {}
    outlet = ""
    for k, segment in enumerate(segments):
        parts = [p.strip() for p in re.split(r",(?!\s*(?:Jr|Sr)\b)", segment) if p.strip()]
        # "By A, B and C" lists names; "By A, Foreign Policy" names an outlet after one
        listed = any(re.search(r"(?:^|\s)(?:and|&)\s", p) for p in parts[1:])
        # "By A, B | Fox News": with the outlet in a segment of its own, names are names
        listed = listed or (
            len(parts) > 1
            and any(_outlet_segment(s) for s in segments[k + 1 :])
            and all(_names(p) is not None for p in parts)
        )
        for i, part in enumerate(parts):
            if _CLOCK.search(part) or _DATE_START.match(part):
                # "By A, Updated 10:00 AM ET, March 3, 2025": the rest is a date
                date = date or find_date(", ".join(parts[i:]))
                break
            names = _names(part)
            outlet_match = _OUTLET_PART.match(part)
            if names is not None and (not authors or (k == 0 and listed)):
                authors += [n for n in names if n not in authors]
            elif outlet_match:
                outlet = outlet or outlet_match.group("outlet").strip().rstrip(".")
            elif authors and _ROLE_PART.match(part) and k == 0:
                roles[authors[-1]] = re.sub(r"^(?:an?|the)\s+", "", part.rstrip("."))
            elif authors and _outlet_name(part):
                outlet = outlet or part.rstrip(".")
            else:
                return None
    if not authors:
        return None
    return Byline(tuple(authors), outlet, roles, date)


def _outlet_segment(segment: str) -> bool:
    """A byline segment that is only an outlet's name ("Fox News"), not a date or a time."""
    return (
        _outlet_name(segment)
        and "," not in segment
        and not _CLOCK.search(segment)
        and not _DATE_START.match(segment)
    )


def _outlet_name(part: str) -> bool:
    """A short capitalised name that is not a person's: "CNN", "Reuters", "The Times"."""
    words = part.split()
    return (
        1 <= len(words) <= 5
        and all(w[:1].isupper() or w.lower() in ("of", "the", "and", "on") for w in words)
        and not any(ch.isdigit() for ch in part)
    )


@dataclass(frozen=True, slots=True)
class Bio:
    """An author bio: whom it names and what it says they are ("senior fellow at X")."""

    names: tuple[str, ...]
    affiliation: str


def parse_bio(sentence: str, known: Sequence[str] = ()) -> Bio | None:
    """The bio in one sentence ("A is a senior fellow at X.", "A and B teach at Y."), or
    ``None``. With ``known`` authors the bio must name one of them (by full name or
    surname); without, it must open with a person's name and read like a CV (a role word:
    fellow, professor, author, …)."""
    match = _BIO.match(sentence.strip())
    if match is None:
        return None
    names = _names(match.group("who"))
    if names is None:
        return None
    if known:
        surnames = {k.split()[-1] for k in known}
        if not any(n in known or n.split()[-1] in surnames for n in names):
            return None
    rest = match.group("rest").strip()
    first = re.split(r"(?<=[a-z)])[.;]\s", rest, maxsplit=1)[0].rstrip(". ")
    first = re.sub(r"^(?:as\s+)?(?:an?|the)\s+", "", first)
    # what they are, not their CV: "diplomat who has served as …" is a diplomat
    first = re.split(r",?\s+(?:who|where|which|whose|since)\b|,\s+(?:and|having)\s", first)[0]
    return Bio(tuple(names), first[:160])


def parse_bios(line: str, known: Sequence[str] = ()) -> list[Bio]:
    """The bios of a bio line, one per sentence that opens with a name ("A is … B is …");
    empty unless the line's first sentence (after an "Editor's note:") is a bio."""
    text = _EDITORS_NOTE.sub("", line.strip())
    bios: list[Bio] = []
    for k, sentence in enumerate(re.split(r"(?<=[a-z)][.!?])\s+(?=[A-Z])", text)):
        bio = parse_bio(sentence, known)
        if bio is None and k == 0:
            return []
        if bio is not None:
            bios.append(bio)
    return bios


def editors_note(line: str) -> str | None:
    """The text of an "Editor's note: …" line (``None`` when the line is not one)."""
    match = _EDITORS_NOTE.match(line.strip())
    return line.strip()[match.end() :] if match else None


def joint_name(names: Sequence[str]) -> str:
    """One author entry's name for several authors: "A and B", "A, B and C"."""
    if len(names) <= 1:
        return names[0] if names else ""
    return ", ".join(names[:-1]) + " and " + names[-1]
