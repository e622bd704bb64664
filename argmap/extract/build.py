"""Article files in, map objects out: the import pipeline end to end.

``read → clean → split → (off-topic) → segment + propose → cross-article suggestions →
Authors, Sources, Claims, Links``. The result is plain model objects plus one
:class:`~argmap.edit.edits.Macro` that adds them, so the command line applies it to a loaded
map and the app pushes it on its undo stack: importing into an open map only ever *adds*
objects with fresh ids, and one undo takes the whole import back.

Bad input never raises anything but :class:`ImportProblem`, whose message says what is
wrong with the file in words a user can act on.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.edit.document import Edit
from argmap.edit.edits import AddAuthor, AddClaim, AddLink, AddSource, Macro
from argmap.extract.clean import Removed, clean, english_ratio
from argmap.extract.cross import CrossItem, suggest_cross_links
from argmap.extract.metadata import Metadata
from argmap.extract.propose import ArticleProposals, propose_article
from argmap.extract.split import Article, mark_off_topic, split_articles
from argmap.map.model import ArgumentMap, Author, Claim, Link, Origin, Point, Quote, Source
from argmap.map.palette import author_color

MAX_ARTICLE_BYTES = 5_000_000
"""An op-ed is 5–50 kB; a file above 5 MB is not an article (and would take a minute)."""
MAX_PLACED = 2000
"""Above this many proposals the layered layout takes seconds; the app places them instead."""
MIN_ENGLISH_RATIO = 0.12
"""English prose has about 40 % function words; below 12 % the English cues mean nothing."""
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a Word/OpenDocument file)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program",
}


class ImportProblem(Exception):
    """A file cannot be imported; the message says why, for the user."""


@dataclass
class FileReport:
    """What happened to one input file."""

    path: str
    articles: int = 0
    off_topic: int = 0
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str = ""


@dataclass
class ImportResult:
    """New map objects (fresh ids) and a per-file report."""

    authors: list[Author] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    files: list[FileReport] = field(default_factory=list)

    def edit(self) -> Macro:
        """One undoable edit adding everything (authors, sources, claims, then links)."""
        edits: list[Edit] = [AddAuthor(a) for a in self.authors]
        edits += [AddSource(s) for s in self.sources]
        edits += [AddClaim(c) for c in self.claims]
        edits += [AddLink(x) for x in self.links]
        n = sum(1 for f in self.files if not f.error)
        label = f"Import {n} file{'s' if n != 1 else ''}"
        if len(self.sources) != n:
            label += f" ({len(self.sources)} articles)"
        return Macro(edits, label)

    def claims_by_kind(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for claim in self.claims:
            counts[claim.kind] = counts.get(claim.kind, 0) + 1
        return counts


# ------------------------------------------------------------------ reading
def read_article(path: str | os.PathLike[str]) -> tuple[str, Metadata]:
    """The text of an article file (HTML reduced to its main text) and page metadata."""
    name = str(path)
    try:
        size = os.stat(path).st_size
        if size > MAX_ARTICLE_BYTES:
            raise ImportProblem(
                f"file is {size / 1e6:.1f} MB, above the {MAX_ARTICLE_BYTES / 1e6:.0f} MB limit "
                "for an article (an op-ed is 5–50 kB); is it really one article?"
            )
        with open(path, "rb") as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except FileNotFoundError:
        raise ImportProblem("no such file") from None
    except IsADirectoryError:
        raise ImportProblem("is a folder, not an article file") from None
    except OSError as exc:
        raise ImportProblem(f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise ImportProblem("the file is empty")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise ImportProblem(
                f"this is {what}, not text or HTML; save the article as .txt or .html"
            )
    text = _decode(data)
    suffix = Path(name).suffix.lower()
    head = text[:2000].lower()
    if suffix in HTML_SUFFIXES or "<html" in head or "<!doctype html" in head:
        return _from_html(text)
    return text, Metadata()


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
            html, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises a variety of parser errors
        raise ImportProblem(f"cannot parse the HTML: {exc}") from None
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if len(text.split()) < 20:
        raise ImportProblem("no article text found in the page (only navigation or nothing)")
    meta = Metadata(
        title=getattr(doc, "title", None) or "",
        authors=[
            a.strip()
            for a in re.split(r";|\band\b|,", getattr(doc, "author", None) or "")
            if a.strip()
        ],
        date=getattr(doc, "date", None) or "",
        outlet=getattr(doc, "sitename", None) or "",
        url=getattr(doc, "url", None) or "",
    )
    return text, meta


def extract_articles(
    text: str, page_meta: Metadata | None = None
) -> tuple[list[Article], list[Removed]]:
    """Clean one file's text and split it into articles (metadata merged)."""
    cleaned = clean(text)
    if page_meta is not None:
        cleaned.meta.merge(page_meta)
    return split_articles(cleaned), cleaned.removed


# ------------------------------------------------------------------ ids and labels
def _slug(text: str, limit: int = 24) -> str:
    """A readable id from ``text``: its words, lower case, joined by hyphens, cut at a word
    boundary within ``limit`` characters (a single long word is cut where it must)."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    slug = ""
    for word in words:
        joined = f"{slug}-{word}" if slug else word
        if len(joined) > limit:
            break
        slug = joined
    if not slug and words:
        slug = words[0][:limit]
    return slug or "article"


class _Ids:
    def __init__(self, taken: Iterable[str]) -> None:
        self.taken = set(taken)

    def fresh(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self.taken:
            candidate, n = f"{base}-{n}", n + 1
        self.taken.add(candidate)
        return candidate


_LEADING = re.compile(
    r"^(?:and|but|yet|so(?! far\b)|instead|still|however|moreover|furthermore|indeed|in fact|also|plus|"
    r"in other words|therefore|thus|hence|besides|after all|finally|first|second|third|lastly|"
    r"meanwhile|consequently|nevertheless|nonetheless|of course|in short|in sum|"
    r"for example|for instance|in addition|that said),?\s+",
    re.IGNORECASE,
)


def claim_label(text: str, limit: int = 180) -> str:
    """A node label from a quote: leading connectives dropped, capitalised, shortened."""
    label = text.strip()
    for _ in range(3):  # "But, in other words, …"
        shorter = _LEADING.sub("", label)
        if shorter == label:
            break
        label = shorter
    label = label.rstrip(",;")
    label = label[:1].upper() + label[1:] if label else text.strip()
    if len(label) > limit:
        label = label[: limit - 1].rsplit(" ", 1)[0] + "…"
    return label or text.strip()[:limit]


# ------------------------------------------------------------------ building
Progress = Callable[[int, int, str], None]


def build_import(
    paths: Sequence[str | os.PathLike[str]],
    existing: ArgumentMap | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Read, clean, split and propose for every file; objects get ids fresh in ``existing``."""
    base = existing or ArgumentMap()
    ids = _Ids(
        [c.id for c in base.claims]
        + [x.id for x in base.links]
        + [s.id for s in base.sources]
        + [a.id for a in base.authors]
        + [p.id for p in base.positions]
    )
    result = ImportResult()
    known_texts = {s.text: s.id for s in base.sources}
    authors_by_name = {a.name.casefold(): a for a in base.authors}
    batch: list[tuple[FileReport, Article, str]] = []
    for n, path in enumerate(paths):
        if progress:
            progress(n, len(paths), f"Reading {Path(path).name}")
        report = FileReport(str(path))
        result.files.append(report)
        try:
            text, page_meta = read_article(path)
            articles, report.removed = extract_articles(text, page_meta)
        except ImportProblem as exc:
            report.error = str(exc)
            continue
        if not articles:
            report.error = "nothing left after removing web noise (no article text)"
            continue
        for article in articles:
            if article.text in known_texts:
                report.warnings.append(
                    f"“{article.title or article.text[:40]}” is already in the map "
                    f"(source {known_texts[article.text]}); skipped"
                )
                continue
            known_texts[article.text] = ""
            repeated = _repeated_paragraphs(article.text)
            if repeated:
                report.warnings.append(
                    f"“{article.title or article.text[:40]}” repeats {repeated} paragraphs word "
                    "for word (saved or pasted more than once?): check the source text"
                )
            batch.append((report, article, Path(path).stem))
    mark_off_topic([a for _, a, _ in batch])
    per_file = Counter(id(r) for r, _, _ in batch)  # articles each file gave

    cross_items: list[CrossItem] = []
    fallback_author: dict[str, Author] = {}
    for n, (report, article, stem) in enumerate(batch):
        if progress:
            progress(n, len(batch), f"Proposing {article.title or stem}")
        report.articles += 1
        ratio = english_ratio(article.text)
        proposing = not article.off_topic and ratio >= MIN_ENGLISH_RATIO
        # An item set aside (off-topic, not English) gets no stand-in author: it has no
        # claims, and a nameless author without claims would only be an empty column in
        # every comparison. Authors the text names are kept whatever the item.
        author_ids = (
            _authors(
                article,
                stem=stem,
                path=report.path,
                by_name=authors_by_name,
                fallback=fallback_author,
                ids=ids,
                result=result,
                base=base,
                several=per_file[id(report)] > 1,
            )
            if proposing or article.meta.authors
            else []
        )
        source = Source(
            id=ids.fresh(_slug(article.title or stem)),
            title=article.title,
            outlet=article.meta.outlet,
            date=article.meta.date,
            url=article.meta.url,
            authors=author_ids,
            text=article.text,
            note=article.note,
        )
        result.sources.append(source)
        if article.off_topic:
            report.off_topic += 1
            continue
        if ratio < MIN_ENGLISH_RATIO:
            report.warnings.append(
                f"“{article.title or stem}” does not look like English ({ratio:.0%} English "
                "function words): imported as a source without proposals"
            )
            continue
        # a piece of a web page (a roundup item, one of several articles in a file) is a
        # news or opinion piece however short: label and calibrate it as one
        web_piece = article.roundup_item or article.from_split
        proposals = propose_article(article.text, article.title, oped=True if web_piece else None)
        _add_claims(
            proposals,
            source=source,
            author=author_ids[0] if author_ids else None,
            ids=ids,
            result=result,
            cross_items=cross_items,
        )
    if progress:
        progress(len(batch), max(len(batch), 1), "Suggesting links across articles")
    existing_items = [
        CrossItem(c.id, c.source or "", c.author or "", c.quote.text if c.quote else c.text, c.kind)
        for c in base.claims
        if c.author and c.kind != "evidence"
    ]
    for suggestion in suggest_cross_links(cross_items, existing_items):
        result.links.append(
            Link(
                id=ids.fresh(f"x.{suggestion.source}"),
                kind=suggestion.kind,
                from_claim=suggestion.source,
                to_claim=suggestion.target,
                note=suggestion.reason,
                origin=Origin(
                    kind="extracted",
                    confidence=suggestion.confidence,
                    reason=suggestion.reason,
                    reviewed=False,
                ),
            )
        )
    return result


REPEATS_WORTH_A_WARNING = 3


def _repeated_paragraphs(text: str) -> int:
    """How many paragraphs of ``text`` (of a sentence or more) repeat an earlier one
    exactly, when that is :data:`REPEATS_WORTH_A_WARNING` or more; else 0. An article
    does not say the same paragraph twice; a page pasted several times does."""
    seen: set[str] = set()
    repeats = 0
    for paragraph in text.split("\n\n"):
        key = paragraph.strip()
        if len(key) < 40:
            continue
        if key in seen:
            repeats += 1
        seen.add(key)
    return repeats if repeats >= REPEATS_WORTH_A_WARNING else 0


def _authors(
    article: Article,
    *,
    stem: str,
    path: str,
    by_name: dict[str, Author],
    fallback: dict[str, Author],
    ids: _Ids,
    result: ImportResult,
    base: ArgumentMap,
    several: bool = False,
) -> list[str]:
    """Ids of the article's authors, made where the map lacks them. An article that names
    none gets one stand-in per file, labelled by what the file says of itself: its outlet,
    else (a file of one article) its title, else the file's name (without its extension)
    when that name tells something, else (one article) its opening words, else a plain
    "Author N (not named)": the one stand-in of a file of several articles must not be
    named after one of them."""
    names = list(article.meta.authors)
    if not names:
        if path in fallback:
            return [fallback[path].id]
        file_name = Path(path).stem
        if article.meta.outlet:
            label = f"{article.meta.outlet} (author not named)"
        elif article.title and not several:
            label = f"“{_words(article.title, 50)}” (author not named)"
        elif _telling(file_name):
            # the file's name first: cards show the start of an author's name
            label = f"{file_name} (author not named)"
        elif article.text.strip() and not several:
            # the article's opening words, as a reader would point at it ("the one that
            # starts 'In January, Kabul endured…'")
            label = f"“{_words(' '.join(article.text.split()), 36)}” (author not named)"
        else:
            plain = sum(1 for a in result.authors if _PLAIN_STAND_IN.match(a.name))
            label = f"Author {plain + 1} (not named)"
        names = [label]
    out: list[str] = []
    for name in names:
        author = by_name.get(name.casefold())
        if author is None:
            author = Author(
                id=ids.fresh(_slug(name, 20) if article.meta.authors else "by-" + _slug(name, 20)),
                name=name,
                color=author_color(len(base.authors) + len(result.authors)),
            )
            by_name[name.casefold()] = author
            result.authors.append(author)
        if not article.meta.authors:
            fallback[path] = author
        out.append(author.id)
    return out


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


def _add_claims(
    proposals: ArticleProposals,
    *,
    source: Source,
    author: str | None,
    ids: _Ids,
    result: ImportResult,
    cross_items: list[CrossItem],
) -> None:
    claim_ids: dict[int, str] = {}
    for i, p in enumerate(proposals.units):
        if p.kind is None:
            continue
        claim = Claim(
            id=ids.fresh(f"{source.id}.c{len(claim_ids) + 1}"),
            kind=p.kind,
            text=claim_label(p.unit.text),
            author=author,
            source=source.id,
            quote=Quote(start=p.unit.start, end=p.unit.end, text=p.unit.text),
            origin=Origin(
                kind="extracted", confidence=p.confidence, reason=p.reason, reviewed=False
            ),
        )
        claim_ids[i] = claim.id
        result.claims.append(claim)
        if p.kind != "evidence" and author:
            cross_items.append(CrossItem(claim.id, source.id, author, p.unit.text, p.kind))
    for link in proposals.links:
        if link.source in claim_ids and link.target in claim_ids:
            result.links.append(
                Link(
                    id=ids.fresh(f"{source.id}.l{len(result.links) + 1}"),
                    kind=link.kind,
                    from_claim=claim_ids[link.source],
                    to_claim=claim_ids[link.target],
                    origin=Origin(
                        kind="extracted",
                        confidence=link.confidence,
                        reason=link.reason,
                        reviewed=False,
                    ),
                )
            )


def place(result: ImportResult, existing: ArgumentMap | None = None) -> None:
    """Give the imported claims saved positions: the imported part laid out in layers
    (conclusions on top), below whatever the map already shows. Part of the import edit,
    so one undo still takes it all back. A layout failure leaves the claims unplaced (the
    app places them itself), never fails the import."""
    if not result.claims or len(result.claims) > MAX_PLACED:
        return
    try:
        from argmap.drawing.lanes import lane_layout
        from argmap.drawing.layout import layered_layout

        part = ArgumentMap.model_construct(
            claims=result.claims,
            links=result.links,
            sources=result.sources,
            authors=result.authors,
        )
        # Several authors at once: one lane each, so an article's claims stay together and
        # the cross-article suggestions run between lanes instead of one endless strip.
        authors = {c.author for c in result.claims}
        spots = lane_layout(part, columns=None) if len(authors) > 1 else layered_layout(part)
    except Exception:  # layout is a convenience; the proposals matter
        return
    placed = [c.pos for c in (existing.claims if existing else []) if c.pos is not None]
    top = max((p.y for p in placed), default=0.0) + (400.0 if placed else 0.0)
    left = min((p.x for p in placed), default=0.0)
    min_y = min(p.y for p in spots.values())
    min_x = min(p.x for p in spots.values())
    result.claims = [
        c.model_copy(
            update={"pos": Point(x=spots[c.id].x - min_x + left, y=spots[c.id].y - min_y + top)}
        )
        if c.id in spots
        else c
        for c in result.claims
    ]
