"""Article files in, text and page metadata out: the first step of the import.

A file is checked before it is read (size, existence, what kind of file it really is),
decoded whatever Windows or a browser saved it as (UTF-8, UTF-16, cp1252), and a saved web
page is reduced to its main text by trafilatura. PDF and Word files, told by their first
bytes whatever their name, are read by :mod:`argmap.extract.documents`. The page's own metadata (author, date,
site name, title) is trusted where it is metadata: the date comes from the page's markup
only, never from a search of its text, where the first date is as likely a photo
caption's as the article's.

Bad input never raises anything but :class:`ImportProblem`, whose message says what is
wrong with the file in words a user can act on.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from argmap.extract.byline import is_person_name, parse_byline
from argmap.extract.furniture import TITLE_KICKER
from argmap.extract.metadata import Metadata
from argmap.util.fileio import FileRefused, format_size, read_limited

MAX_ARTICLE_BYTES = 5_000_000
"""An op-ed is 5–50 kB; a file above 5 MB is not an article (and would take a minute)."""
MAX_DOCUMENT_BYTES = 30_000_000
"""A PDF or Word op-ed carries its fonts and pictures: 0.1–5 MB; above 30 MB it is a
scanned book or a report, not an article."""
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_DOCUMENTS = {b"%PDF": "pdf", b"PK\x03\x04": "docx"}
"""First bytes of the documents read by :mod:`argmap.extract.documents`."""
_MAGIC = {
    b"\xd0\xcf\x11\xe0": "an old Word .doc (Office 97) file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program",
}


class ImportProblem(Exception):
    """A file cannot be imported; the message says why, for the user."""


def read_article(path: str | os.PathLike[str]) -> tuple[str, Metadata]:
    """The text of an article file (HTML reduced to its main text, PDF and Word read as
    printed) and the metadata the file carries."""
    name = str(path)
    try:
        data = read_limited(path, MAX_DOCUMENT_BYTES)
        kind = _DOCUMENTS.get(data[:4])
        if kind is None and len(data) > MAX_ARTICLE_BYTES:
            raise FileRefused("too big", too_big=True)
    except FileRefused as exc:
        if not exc.too_big:
            raise ImportProblem(str(exc)) from None
        raise ImportProblem(_too_big(path)) from None
    except FileNotFoundError:
        raise ImportProblem("no such file") from None
    except IsADirectoryError:
        raise ImportProblem("is a folder, not an article file") from None
    except OSError as exc:
        raise ImportProblem(f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise ImportProblem("the file is empty")
    if kind is not None:
        from argmap.extract.documents import read_docx, read_pdf

        return read_pdf(data) if kind == "pdf" else read_docx(data)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise ImportProblem(
                f"this is {what}, not text, HTML, PDF or .docx; save the article as .docx, .txt or .html"
            )
    text = _decode(data)
    suffix = Path(name).suffix.lower()
    head = text[:2000].lower()
    if suffix in HTML_SUFFIXES or "<html" in head or "<!doctype html" in head:
        return _from_html(text)
    return text, Metadata()


def _too_big(path: str | os.PathLike[str]) -> str:
    """Why a file is too big to be one article, with the limit of its kind (a regular file:
    only those are refused for their size)."""
    with open(path, "rb") as handle:
        document = handle.read(4) in _DOCUMENTS
    limit = MAX_DOCUMENT_BYTES if document else MAX_ARTICLE_BYTES
    what = "a PDF or Word op-ed is 0.1–5 MB" if document else "an op-ed is 5–50 kB"
    return (
        f"file is {format_size(os.stat(path).st_size)}, above the {format_size(limit)} limit "
        f"for an article ({what}); is it really one article?"
    )


def _utf16(data: bytes) -> str | None:
    """The text of a UTF-16 file (Windows Notepad's "Unicode"), told by its byte-order mark
    or, without one, by NUL bytes on every other position of mostly-ASCII text."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"
    else:
        sample = data[:4096]
        even, odd = sample[0::2], sample[1::2]
        if len(sample) < 16:
            return None
        if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
            encoding = "utf-16-le"
        elif even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
            encoding = "utf-16-be"
        else:
            return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode(data: bytes) -> str:
    if b"\x00" in data[:65536]:
        text16 = _utf16(data)
        if text16 is None:
            raise ImportProblem("binary data (NUL bytes): not a text or HTML file")
        data = text16.lstrip("\ufeff").encode("utf-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 0.01 * len(sample) or sample.count("\ufffd") > 0.05 * len(sample):
        raise ImportProblem("binary data: not a text or HTML file")
    return text


def _from_html(html: str) -> tuple[str, Metadata]:
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # the date from the page's markup (meta tags, time elements, structured data),
            # not the first date found in its text, which may be a photo caption's
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises a variety of parser errors
        raise ImportProblem(f"cannot parse the HTML: {exc}") from None
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if len(text.split()) < 20:
        raise ImportProblem("no article text found in the page (only navigation or nothing)")
    meta = Metadata(
        date=getattr(doc, "date", None) or "",
        outlet=getattr(doc, "sitename", None) or "",
        url=getattr(doc, "url", None) or "",
        standfirst=getattr(doc, "description", None) or "",
    )
    page_authors(getattr(doc, "author", None) or "", meta)
    meta.title = page_title(getattr(doc, "title", None) or "", meta.outlet)
    return text, meta


def page_authors(field: str, meta: Metadata) -> None:
    """The authors of a page's author field into ``meta``. Sites fill it as they fill a
    byline ("Daniel Roe, Special to CNN", "Ann Lee; Bo Kim", "Ann Lee and Bo Kim | CNN"),
    so each piece is read as one. trafilatura has already cut some at commas and "and"
    and shortened "Special to CNN" to "Special": a piece that is no byline is kept only
    when it is a person's name."""
    for piece in re.split(r"\s*;\s*", field.strip()):
        if not piece:
            continue
        byline = parse_byline(piece if piece.lower().startswith("by ") else f"By {piece}")
        if byline is None:
            for name in re.split(r"\s*(?:,|\band\b|&)\s*", piece):
                if is_person_name(name.strip()):
                    meta.add_author(name.strip())
            continue
        for name in byline.authors:
            meta.add_author(name, byline.roles.get(name, ""))
        meta.outlet = meta.outlet or byline.outlet


def page_title(title: str, outlet: str = "") -> str:
    """A headline without the section kicker ("Opinion: …") and the site's name that
    pages append to their ``<title>`` ("… | CNN", "… - The Daily Planet")."""
    title = TITLE_KICKER.sub("", title.strip())
    parts = re.split(r"\s+[|–—-]\s+", title)
    if len(parts) > 1 and (
        (outlet and parts[-1].casefold() == outlet.casefold()) or len(parts[-1].split()) <= 3
    ):
        title = " ".join(parts[:-1]) if len(parts) == 2 else " - ".join(parts[:-1])
    return title.strip()
