"""Article files in, map objects out: the import pipeline end to end.

``read → clean → split → (off-topic) → segment + propose → cross-article suggestions →
Authors, Sources, Claims, Links``. The result is plain model objects plus one
:class:`~argmap.edit.edits.Macro` that adds them, so the command line applies it to a loaded
map and the app pushes it on its undo stack: importing into an open map only ever *adds*
objects with fresh ids, and one undo takes the whole import back.

Reading a file is :mod:`argmap.extract.reading`, whose :class:`ImportProblem` is the only
exception bad input raises; choosing author entries is :mod:`argmap.extract.authors`.
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
from argmap.edit.proposals import alternative_number
from argmap.edit.quotes import fold
from argmap.extract.authors import AuthorBook, article_authors, slug
from argmap.extract.clean import Removed, clean, english_ratio
from argmap.extract.cross import CrossItem, suggest_cross_links
from argmap.extract.metadata import Metadata
from argmap.extract.proposals import ArticleProposals
from argmap.extract.propose import propose_article
from argmap.extract.reading import ImportProblem, read_article
from argmap.extract.split import Article, mark_off_topic, split_articles
from argmap.map.model import ArgumentMap, Author, Claim, Link, Origin, Point, Quote, Source

MAX_PLACED = 2000
"""Above this many proposals the layered layout takes seconds; the app places them instead."""
MIN_ENGLISH_RATIO = 0.12
"""English prose has about 40 % function words; below 12 % the English cues mean nothing."""


@dataclass
class FileReport:
    """What happened to one input file."""

    path: str
    off_topic: int = 0
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    sources: list[str] = field(default_factory=list)
    """Ids of the sources made from the file, in order."""

    @property
    def articles(self) -> int:
        """Articles the file gave: every one becomes a source (off-topic and non-English
        ones too, without proposals); those already in the map are skipped, not counted."""
        return len(self.sources)


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
        """Proposals per kind; the runners-up for an article's thesis are counted apart
        (``alternative thesis``), so "thesis 9" still means one per article."""
        counts: dict[str, int] = {}
        for claim in self.claims:
            kind = "alternative thesis" if _is_alternative(claim) else claim.kind
            counts[kind] = counts.get(kind, 0) + 1
        return counts


def extract_articles(
    text: str, page_meta: Metadata | None = None
) -> tuple[list[Article], list[Removed]]:
    """Clean one file's text and split it into articles (metadata merged)."""
    cleaned = clean(text)
    if page_meta is not None:
        cleaned.meta.merge(page_meta)
    return split_articles(cleaned), cleaned.removed


# ------------------------------------------------------------------ ids and labels
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
    # An article is known by its folded text (case, quote marks, dashes and whitespace as
    # search folds them): matched character for character, a copy saved from another page
    # with other quote marks or line breaks was imported again.
    known_texts = {fold(s.text): f"source {s.id}" for s in base.sources}
    book = AuthorBook(
        fresh=ids.fresh,
        by_name={a.name.casefold(): a for a in base.authors},
        made=result.authors,
        used_colors=[a.color for a in base.authors],
    )
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
            key = fold(article.text)
            if key in known_texts:
                where = known_texts[key]
                place = "in the map" if where.startswith("source ") else "in this import"
                report.warnings.append(
                    f"“{article.title or article.text[:40]}” is already {place} ({where}); skipped"
                )
                continue
            known_texts[key] = f"from {Path(path).name}"
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
    for n, (report, article, stem) in enumerate(batch):
        if progress:
            progress(n, len(batch), f"Proposing {article.title or stem}")
        ratio = english_ratio(article.text)
        proposing = not article.off_topic and ratio >= MIN_ENGLISH_RATIO
        # An item set aside (off-topic, not English) gets no stand-in author: it has no
        # claims, and a nameless author without claims would only be an empty column in
        # every comparison. Authors the text names are kept whatever the item.
        author_ids = (
            article_authors(article, path=report.path, book=book, several=per_file[id(report)] > 1)
            if proposing or article.meta.authors
            else []
        )
        source = Source(
            id=ids.fresh(slug(article.title or stem)),
            title=article.title,
            outlet=article.meta.outlet,
            date=article.meta.date,
            url=article.meta.url,
            authors=author_ids,
            text=article.text,
            note=article.note,
        )
        result.sources.append(source)
        report.sources.append(source.id)
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
        proposals = propose_article(
            article.text,
            article.title,
            oped=True if web_piece else None,
            standfirst=article.meta.standfirst,
        )
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
    # The runners-up for the thesis, saved as thesis proposals of their own (the review
    # offers them as alternatives and swaps one in as one undo step); a unit keeps its own
    # proposal too, so an alternative quotes the same words as, say, a premise card.
    for rank, alternative in enumerate(proposals.thesis_alternatives, start=2):
        unit = proposals.units[alternative.index].unit
        result.claims.append(
            Claim(
                id=ids.fresh(f"{source.id}.t{rank}"),
                kind="thesis",
                text=claim_label(unit.text),
                author=author,
                source=source.id,
                quote=Quote(start=unit.start, end=unit.end, text=unit.text),
                origin=Origin(
                    kind="extracted",
                    confidence=alternative.confidence,
                    reason=alternative.reason,  # "thesis alternative N: …", N = rank
                    reviewed=False,
                ),
            )
        )
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
        from argmap.drawing.lanes import lane_layout, measured_size
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
        # measured as the canvas draws the cards: estimated, long cards overlapped
        sizes = {c.id: measured_size(c.text) for c in result.claims}
        spots = (
            lane_layout(part, sizes, columns=None)
            if len(authors) > 1
            else layered_layout(part, sizes)
        )
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


def _is_alternative(claim: Claim) -> bool:
    return claim.kind == "thesis" and alternative_number(claim.origin.reason) is not None
