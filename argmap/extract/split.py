"""One file, several articles: concatenations, roundups and off-topic items.

Scrapers glue pages together ("…the end of one article.Title Of The Next"), and news sites
publish roundups whose items are about different things. Merging them would attribute one
author's thesis to another text and link claims that never met, so each article and each
roundup item becomes its own :class:`Article`; items about something else are marked
off-topic (kept as sources the user can see, with no proposals) instead of being dropped.

Signals used, all structural or lexical, none about a particular site:
- a heading glued to the end of a paragraph marks a concatenation; in a concatenated
  file every standalone heading that opens a new block of text starts an article;
- a byline met after body text starts a new article (not one below a headline and its
  standfirst);
- a block whose paragraphs mostly open with a short run-in question or label
  ("Can Biden rescue …? Crisis-wracked Haiti …") is a roundup, one item per paragraph;
- off-topic: an item's content words barely overlap those of the rest of the import.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from argmap.extract.clean import PROSE_WORDS, Cleaned, Line, harvest
from argmap.extract.furniture import TITLE_KICKER
from argmap.extract.metadata import Metadata

_RUN_IN = re.compile(r"^([A-Z][^.!?:]{3,80}[?:])\s+[A-Z\"“]")
OFF_TOPIC_OVERLAP = 0.4
"""Below this share of its main names found elsewhere, a split-off item is about something
else (measured: on-topic roundup items and concatenated articles 0.5 and up, items about
another country 0.25 and below)."""


@dataclass
class Article:
    """An article (or roundup item) of one file: its cleaned body and what we know of it."""

    title: str
    text: str
    meta: Metadata = field(default_factory=Metadata)
    part: int = 0
    roundup_item: bool = False
    from_split: bool = False
    off_topic: bool = False
    note: str = ""


_ENDINGS = frozenset({"feed footer", "author bio"})
"""Furniture that closes an article: body text after it belongs to the next one."""
_TRAILERS = frozenset(
    {
        "feed footer",
        "author bio",
        "source line",
        "image credit",
        "publication note",
        "correction note",
        "book plug",
    }
)
"""Removed lines between two articles that describe the one before (the rest, bylines,
dates, labels, describe the one after)."""


def _blocks(cleaned: Cleaned) -> list[list[Line]]:
    """Cut the kept lines where a new article starts."""
    glued_file = any(line.glued for line in cleaned.lines)
    byline_lines = sorted(r.number for r in cleaned.removed if r.reason == "byline")
    ending_lines = sorted(r.number for r in cleaned.removed if r.reason in _ENDINGS)
    blocks: list[list[Line]] = [[]]
    for i, line in enumerate(cleaned.lines):
        current = blocks[-1]
        has_body = any(not x.heading for x in current)
        nxt = cleaned.lines[i + 1] if i + 1 < len(cleaned.lines) else None
        opens_text = nxt is not None and not nxt.heading
        # a byline opens a new article after the headline above it or after a body of
        # its own; after a headline and one paragraph it is the first article's own
        # byline, below its standfirst
        bylined = (
            has_body
            and any(current[-1].number < b < line.number for b in byline_lines)
            and (current[-1].heading or sum(not x.heading for x in current) >= 2)
        )
        starts = has_body and (
            line.glued
            or (glued_file and line.heading and opens_text)
            or bylined
            or any(current[-1].number < e < line.number for e in ending_lines)
        )
        if starts:
            # headings after the last body line (a headline above the byline) open the
            # new article rather than close the old one
            carried: list[Line] = []
            while current and current[-1].heading:
                carried.insert(0, current.pop())
            blocks.append(carried)
        blocks[-1].append(line)
    # labels after an article's ending ("Topics", "Reuse this content") open no article
    merged: list[list[Line]] = []
    for block in blocks:
        if merged and block and not any(len(x.text.split()) >= PROSE_WORDS for x in block):
            merged[-1].extend(block)
        elif block:
            merged.append(block)
    return merged


_HEADLINE_WORDS = 4
"""A headline has at least this many words; shorter headings above it are labels."""
_DECK_WORDS = 6
"""A heading of this many words under the headline is the standfirst (deck)."""


def _run_in(text: str) -> str | None:
    match = _RUN_IN.match(text)
    if match and len(match.group(1).split()) <= 10:
        return match.group(1)
    return None


def _roundup_items(block: list[Line]) -> list[tuple[str, list[Line]]] | None:
    body = [line for line in block if not line.heading]
    heads = [_run_in(line.text) for line in body]
    if len(body) < 2 or sum(h is not None for h in heads) < max(2, math.ceil(0.6 * len(body))):
        return None
    items: list[tuple[str, list[Line]]] = []
    for line, head in zip(body, heads, strict=True):
        if head is not None or not items:
            items.append((head or "", [line]))
        else:
            items[-1][1].append(line)
    return items


def split_articles(cleaned: Cleaned, keep_headings: bool = True) -> list[Article]:
    """The articles of one cleaned file, in order (at least one if any text is left)."""
    blocks = _blocks(cleaned)
    multi = len(blocks) > 1
    metas = _block_metadata(cleaned, blocks) if multi else [cleaned.meta]
    articles: list[Article] = []
    for block, block_meta in zip(blocks, metas, strict=True):
        first_of_block = len(articles)
        title = ""
        lines = block
        if lines[0].heading:
            # Of the headings that open a block ("Ideas", the headline, "Audio version"),
            # the headline is the first of four words or more (section labels and widgets
            # are a word or two), else the longest; a long heading right under it is the
            # standfirst printed without a full stop (the deck)
            lead = 0
            while lead < len(lines) and lines[lead].heading:
                lead += 1
            best = next(
                (k for k in range(lead) if len(lines[k].text.split()) >= _HEADLINE_WORDS),
                max(range(lead), key=lambda k: (len(lines[k].text.split()), -k)),
            )
            title = lines[best].text
            if best + 1 < lead and len(lines[best + 1].text.split()) >= _DECK_WORDS:
                block_meta.standfirst = block_meta.standfirst or lines[best + 1].text
            lines = lines[:best] + lines[best + 1 :]
        last_heading = max((k for k, x in enumerate(lines) if x.heading), default=-1)
        items = _roundup_items(lines[last_heading + 1 :])
        if items and len(items) >= 2 and last_heading >= 0:
            before = lines[:last_heading]
            if any(not x.heading for x in before):
                articles.append(
                    Article(title=title, text=_join(before, keep_headings), from_split=True)
                )
            title = lines[last_heading].text
            multi = True
        elif items:
            items = _roundup_items(lines)
        if items and len(items) >= 2:
            for head, item_lines in items:
                articles.append(
                    Article(
                        title=head.rstrip(":"),
                        text=_join(item_lines, keep_headings),
                        roundup_item=True,
                        from_split=True,
                        note=f"Item of the roundup “{title}”" if title else "Roundup item",
                    )
                )
            continue
        text = _join(lines, keep_headings)
        if text:
            articles.append(Article(title=title, text=text, from_split=multi))
        if len(articles) > first_of_block:
            first = articles[first_of_block]
            first.meta.merge(block_meta)
            if block_meta.title and not multi:
                first.title = block_meta.title
            first.title = first.title or block_meta.title
            first.meta.standfirst = first.meta.standfirst or _standfirst(cleaned, lines)
    for i, article in enumerate(articles):
        article.part = i
        article.title = TITLE_KICKER.sub("", article.title)  # "Opinion: Why …" is "Why …"
    return articles


_HEADER = frozenset({"byline", "date line", "wire dateline"})
STANDFIRST_WORDS = 60
"""A standfirst (the summary under the headline) is a short paragraph: at most this many
words. The cleaner's split reads one between headline and byline; the proposer reads a
long text's short first paragraph as one when none was given."""


def _standfirst(cleaned: Cleaned, lines: Sequence[Line]) -> str:
    """The standfirst: a short first paragraph printed between the headline and the
    byline or dateline (it stays in the body too; the proposer reads it with the title)."""
    body = [x for x in lines if not x.heading]
    if len(body) < 2 or len(body[0].text.split()) > STANDFIRST_WORDS:
        return ""
    first, second = body[0].number, body[1].number
    header = any(
        first < r.number < second or (r.number == second and r.reason == "wire dateline")
        for r in cleaned.removed
        if r.reason in _HEADER
    )
    return body[0].text if header else ""


def _block_metadata(cleaned: Cleaned, blocks: Sequence[list[Line]]) -> list[Metadata]:
    """Each block's metadata, from the removed lines around it: those inside its span, the
    closing ones after it (footer, bio, source, image credit) and the opening ones before
    it (byline, date, labels), so one article's footer or byline never names another."""
    starts = [block[0].number for block in blocks]
    ends = [block[-1].number for block in blocks]
    metas = [Metadata() for _ in blocks]
    for removed in cleaned.removed:
        k = bisect.bisect_right(starts, removed.number) - 1
        if k < 0:
            k = 0
        elif removed.number > ends[k] and removed.reason not in _TRAILERS and k + 1 < len(blocks):
            k += 1
        harvest(removed.text, removed.reason, metas[k])
    return metas


def _join(lines: Sequence[Line], keep_headings: bool) -> str:
    return "\n\n".join(x.text for x in lines if keep_headings or not x.heading)


# ---------------------------------------------------------------- topic similarity
_STOP = frozenset(
    """the a an of and to in is are was were be been being that this these those it its for
    with as on by from at or not but have has had will would can could should may might must
    their they them he she his her we our you your i me my which who whom what when where
    why how there than more most also into over after before about against between because
    while during through under up down out off so if then just only very such some any all
    both each few other same own no nor too s t don now says said one two new like even
    still yet however since""".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]+")


_SUFFIXES = ("ments", "ment", "ings", "ing", "ations", "ation", "ies", "ied", "ed", "es", "s", "ly")


def stem(word: str) -> str:
    """A light suffix stripper, so "engagement", "engaged" and "engage" meet: enough for
    word overlap between a title and a sentence, without a stemming library."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    return word.rstrip("e") if len(word) > 4 else word


@lru_cache(maxsize=65536)
def _normal(found: str) -> str:
    word = found.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) < 3 or word in _STOP:
        return ""
    return stem(word)


def content_words(text: str) -> Counter[str]:
    """Lower-cased, lightly stemmed content words."""
    bag: Counter[str] = Counter()
    for found in _WORD.findall(text.lower()):
        word = _normal(found)
        if word:
            bag[word] += 1
    return bag


def cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


_NAME = re.compile(r"(?<![.!?:\"“]\s)(?<!^)\b([A-Z][\w'’-]+)", re.MULTILINE)


def topic_names(text: str) -> Counter[str]:
    """Capitalised words inside sentences: the people, places and groups a text is about."""
    bag: Counter[str] = Counter()
    for match in _NAME.finditer(text):
        word = match.group(1).replace("’", "'").lower()
        if word.endswith("'s"):
            word = word[:-2]
        if word not in _STOP:
            bag[word] += 1
    return bag


def topic_overlap(names: Counter[str], rest: Counter[str], top: int = 8) -> float:
    """Share of a text's most frequent names that the rest of the import names twice."""
    common = [k for k, _ in names.most_common(top)]
    if not common:
        return 1.0
    return sum(1 for k in common if rest.get(k, 0) >= 2) / len(common)


def mark_off_topic(articles: Sequence[Article]) -> None:
    """Mark split-off items whose subject is foreign to the rest of the import.

    Only items that came out of a split are judged: a file the user chose on its own is on
    topic by choice. An op-ed's subject shows in whom and what it names, so an item is
    off-topic when fewer than ``OFF_TOPIC_OVERLAP`` of its most frequent names are named
    (twice or more) anywhere else in the import, other files included.
    """
    bags = [topic_names(a.text) for a in articles]
    total: Counter[str] = Counter()
    for bag in bags:
        total.update(bag)
    for article, bag in zip(articles, bags, strict=True):
        if not article.from_split or len(articles) < 2 or sum(bag.values()) < 3:
            continue
        score = topic_overlap(bag, total - bag)
        if score < OFF_TOPIC_OVERLAP:
            article.off_topic = True
            article.note = (
                f"{article.note + '. ' if article.note else ''}Off-topic: few of the people and "
                f"places it names appear in the other articles (overlap {score:.2f}); no proposals made"
            )
