"""What every format reader and writer shares: results with warnings, errors, ids, kinds.

Readers return an :class:`ImportResult` instead of a bare map because interchange is lossy in
both directions: an AIF file's dialogue nodes or an Argdown undercut have no exact argmap
counterpart, and the user should be told what was dropped or approximated, not left to find
out. Hard failures are :class:`argmap.map.mapfile.MapFileError` with ``file: where: message``
problems, the same shape the map loader uses, so the command line and the app report them
the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from argmap.map.mapfile import MapFileError
    from argmap.map.model import ArgumentMap, ClaimKind

KINDS = ("thesis", "premise", "recommendation", "evidence", "objection")
"""The claim kinds (as in :data:`argmap.map.model.CLAIM_KINDS`, which a test keeps equal):
repeated here so readers do not import pydantic just to recognise a kind name."""

_ID_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]*$")

_XML_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
    | {chr(c): "\ufffd" for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}
    | {"\ufffe": "\ufffd", "\uffff": "\ufffd"}
)


def xml_text(text: str) -> str:
    """``text`` safe inside an XML element or double-quoted attribute.

    Besides the markup characters, the control characters XML 1.0 cannot hold at all (not
    even as character references) become U+FFFD: a label pasted with a stray control
    character must not make a file that no XML reader, argmap's included, will open.
    (``xml.sax.saxutils`` escapes markup only, and importing it costs ``urllib``.)
    """
    return text.translate(_XML_ESCAPES)


def xml_attr(text: str) -> str:
    """``text`` as a double-quoted XML attribute value."""
    return f'"{xml_text(text)}"'


@dataclass
class ImportResult:
    """A map read from another format, with what the reader had to drop or approximate."""

    map: ArgumentMap
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    """What the reader found in the file (e.g. ``statements``, ``arguments``, ``I``, ``RA``)."""


def fail(file: str, message: str, where: str = "") -> MapFileError:
    """A one-problem error in the map loader's shape."""
    return fail_many(file, [(where, message)])


def fail_many(file: str, problems: Iterable[tuple[str, str]]) -> MapFileError:
    """An error listing several ``(where, message)`` problems of one file."""
    from argmap.map.mapfile import FileProblem, MapFileError

    return MapFileError([FileProblem(file, where, message) for where, message in problems])


def valid_id(text: object) -> bool:
    """True when ``text`` can be used as an argmap id as it is."""
    return isinstance(text, str) and 0 < len(text) <= 200 and bool(_ID_OK.match(text))


def slug(text: str, fallback: str = "x") -> str:
    """An id made from arbitrary text (titles, AIF node ids): lower-case, dashes, ascii."""
    out = re.sub(r"[^A-Za-z0-9_.:\-]+", "-", text.strip()).strip("-._:").lower()[:60]
    return out if out and out[0].isalnum() else f"{fallback}-{out}".rstrip("-")


class IdMaker:
    """Unique ids: keeps a wanted id if it is valid and free, otherwise derives a fresh one."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self._next: dict[str, int] = {}
        """The suffix to try next for a base already taken: every smaller one is used, so
        the k-th copy of one id costs one step, not k (6,000 links of one AIF argument
        all ask for the same id)."""

    def take(self, wanted: object, fallback: str) -> str:
        base = (
            wanted if isinstance(wanted, str) and valid_id(wanted) else slug(str(wanted), fallback)
        )
        candidate = base
        if candidate in self.used:
            n = self._next.get(base, 2)
            candidate = f"{base}-{n}"
            while candidate in self.used:
                n += 1
                candidate = f"{base}-{n}"
            self._next[base] = n + 1
        self.used.add(candidate)
        return candidate


def as_kind(value: object) -> ClaimKind | None:
    """``value`` as a claim kind when it names one (case-insensitive), else None."""
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in KINDS:
            return cast("ClaimKind", lowered)
    return None


def as_dict(value: object) -> dict[str, Any]:
    """``value`` if it is a JSON object, else an empty one (hostile input is common)."""
    return value if isinstance(value, dict) else {}


_ONE_LINE_CHUNK = 1 << 20
_SPACE = re.compile(r"\s")


def one_line(text: str) -> str:
    """Collapse runs of whitespace (labels are one line in every format).

    A long text is done a megabyte at a time (cut at whitespace, so no word is split):
    splitting 200 MB of two-letter words at once made 66 million strings and 5 GB.
    """
    if len(text) <= _ONE_LINE_CHUNK:
        return " ".join(text.split())
    text = text.strip()
    # Already one line (every whitespace character but the space is unprintable): return it
    # instead of splitting it into millions of words.
    if "  " not in text and text.isprintable():
        return text
    parts: list[str] = []
    start = 0
    while start < len(text):
        space = _SPACE.search(text, start + _ONE_LINE_CHUNK)
        end = space.start() if space else len(text)
        part = " ".join(text[start:end].split())
        if part:
            parts.append(part)
        start = end
    return " ".join(parts)


def views_within(
    views: Iterable[Any], claims: Iterable[str], authors: Iterable[str], positions: Iterable[str]
) -> list[Any]:
    """Views (:class:`argmap.map.model.View`) read back from another format, kept to what
    the map read has: claims and steps it lacks are dropped, and a view whose position,
    author or every claim is gone is left out (the map would not load otherwise)."""
    claim_ids, author_ids, position_ids = set(claims), set(authors), set(positions)
    kept = []
    for view in views:
        if view.position is not None and view.position not in position_ids:
            continue
        if view.author is not None and view.author not in author_ids:
            continue
        chosen = [c for c in view.claims if c in claim_ids]
        if view.kind in ("claims", "around") and not chosen:
            continue
        steps = [c for c in view.steps if c in claim_ids]
        kept.append(view.model_copy(update={"claims": chosen, "steps": steps}))
    return kept
