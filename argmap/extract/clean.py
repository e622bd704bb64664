"""Web noise out, every sentence of the article kept.

Copied and scraped op-eds arrive wrapped in page furniture: cookie and privacy banners,
share buttons, font-size controls, view counters, "Trending now", legal notices (often in
another language or script), app-store badges, feed footers ("The post … appeared first
on …"), "Source:" lines and boilerplate author bios. The cleaner works line by line
because that is how the furniture arrives: each line is either furniture (removed, with the
reason, so the import can report it and the evaluation can score it) or article text (kept
verbatim). A rule only fires on a line that has the *shape* of furniture as well as its
words, so an article that discusses privacy policy keeps its sentences.

Metadata lines (bylines, dates, labels, footers) are removed too, but harvested first.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from argmap.extract import furniture
from argmap.extract import metadata as md
from argmap.extract.byline import editors_note, parse_bios, parse_byline
from argmap.extract.metadata import Metadata


@dataclass(frozen=True, slots=True)
class Line:
    """A kept line: article text, or a heading (title, section, or the start of a new
    article glued to the end of the previous paragraph by the scraper)."""

    number: int
    text: str
    heading: bool = False
    glued: bool = False


@dataclass(frozen=True, slots=True)
class Removed:
    number: int
    text: str
    reason: str


@dataclass
class Cleaned:
    lines: list[Line]
    removed: list[Removed]
    meta: Metadata = field(default_factory=Metadata)
    script: str = "latin"


_UI_WORDS = set(
    """share shares tweet email e-mail print facebook twitter x linkedin whatsapp reddit
    telegram pinterest copy link close more information accept reject decline agree ok
    subscribe sign in up log login register menu search comment comments save follow listen
    read min minute minutes next previous back top home print-friendly bookmark gift
    article advertisement and or to the this our us on join conversation newsletter
    reply replies view all show hide""".split()
)
_FONT_TOKENS = {"a", "aa", "-", "+", "a+", "a-", "a−", "−", "–", "t", "tt"}
_SECTION_LABEL = re.compile(
    r"^(?:trending(?: now)?|most (?:read|popular|viewed|shared)|related(?: articles| stories| content)?|"
    r"read (?:more|next|also)|recommended(?: for you)?|advertisement|sponsored(?: content)?|"
    r"popular now|top stories|you may also like|more (?:from|on) .{0,40}|editor'?s picks?|"
    r"latest(?: news)?|continue reading|show comments|listen to (?:this )?(?:article|story)|"
    r"\d+\s*min(?:ute)?s? (?:read|listen)|skip to (?:main )?content|"
    r"opinion|op-?ed|commentary|analysis|editorial|perspective|guest essay|column|"
    r"the big (?:idea|story)|explainer|world|politics|news|breaking(?: news)?)"
    r"(?:\s*[-–—·|•:]\s*(?:\d+\s*min(?:ute)?s?(?: read| listen)?|scroll (?:down )?to continue"
    r"(?: reading)?|continue reading below|story continues below))?\W*$",
    re.IGNORECASE,
)
"""Section and promotion labels on a line of their own: "Opinion", "Advertisement - Scroll
to continue", "Listen to this article · 5 min"."""
_LINK_LABEL = re.compile(
    r"^(?:read (?:more|next|also)|related|see also|watch|listen|more on this(?: story)?|"
    r"recommended|further reading)\s*[:|»›>]\s*\S.{0,140}$",
    re.IGNORECASE,
)
"""A link to another story under a label ("Read more: How the Taliban took Kabul")."""
_PROMO = re.compile(
    r"^(?:(?:subscribe|sign up|register)\b.{0,80}\b(?:newsletter|updates|briefing|inbox|"
    r"e-?mails?|analysis|digest|alerts?)|follow (?:us|me|@?\w+) on (?:twitter|x|facebook|"
    r"instagram|linkedin|threads|bluesky|mastodon|telegram|youtube|tiktok)|"
    r"(?:get|download) (?:the|our) (?:\w+ )?app\b|support (?:our|independent) journalism)",
    re.IGNORECASE,
)
"""A call to subscribe, follow or download, as sites insert between paragraphs."""
_COOKIE_WORDS = re.compile(
    r"\bcookies?\b|privacy (?:policy|notice|settings)|terms (?:of use|and conditions|of service)|"
    r"\bconsent\b|personal data|\bGDPR\b|data (?:we collect|protection)",
    re.IGNORECASE,
)
_BANNER_VOICE = re.compile(
    r"\b(?:we use|we have updated|our (?:web)?site|this (?:web)?site|by (?:using|continuing|clicking)|"
    r"you (?:consent|agree|accept)|accept (?:all|cookies)|manage (?:preferences|cookies))\b",
    re.IGNORECASE,
)
_APP_STORE = re.compile(
    r"\b(?:get it on|download (?:it )?(?:on|from)|available (?:on|in)) (?:the )?(?:google play|app store)\b",
    re.IGNORECASE,
)
_IMAGE_CREDIT = re.compile(
    r"^(?:image|images|photo|photos|picture|credit|illustration|photograph|foto|bild|"
    r"cover image|top image|header image)(?: credits?)?\s*:",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(
    r"^[^\W\d_]{2,20}\s*:\s*(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+\S*\s*$|"
    r"^(?:source|sources|quelle|fuente|fonte|источник|źródło|kaynak|bron|fonti)\s*:.{0,80}$",
    re.IGNORECASE,
)
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\$\{[^}]*\}")
_DISCLAIMER = re.compile(
    r"\b(?:the views expressed|opinions expressed|does not necessarily reflect|"
    r"do not necessarily reflect|this (?:message|material|content) (?:was|is) (?:created|distributed)|"
    r"foreign agent|all rights reserved)\b",
    re.IGNORECASE,
)
_META_LABELS = re.compile(
    r"\b(?:Topic|Topics|Tags|Region|Blog Brand|Category|Categories|Section|Filed under|Keywords)\s*:"
)
_BIO_CUE = re.compile(
    r"\b(?:is|was|has been|has served|served) (?:as )?(?:a|an|the)?\s*(?:\w+\s+){0,4}"
    r"(?:former|senior|fellow|professor|director|author|editor|journalist|correspondent|"
    r"analyst|columnist|ambassador|diplomat|researcher|lecturer|contributor|writer|scholar)\b|"
    r"\b(?:teaches|is the author of|his latest book|her latest book|follow (?:him|her) on)\b",
    re.IGNORECASE,
)
_GLUED = re.compile(r"(?<=[a-z0-9%][.!?])[\"”’)]?(?=[A-Z])")
_TRUNCATION = re.compile(r"(?<=\w)\.{4,}$|(?<=\w)…$")
"""An excerpt cut off mid-essay ends in a run of dots; one full stop keeps the sentence."""
_SCRIPTS = (
    ("latin", 0x0000, 0x024F),
    ("greek", 0x0370, 0x03FF),
    ("cyrillic", 0x0400, 0x052F),
    ("hebrew", 0x0590, 0x05FF),
    ("arabic", 0x0600, 0x06FF),
    ("devanagari", 0x0900, 0x097F),
    ("cjk", 0x3040, 0x9FFF),
    ("hangul", 0xAC00, 0xD7AF),
)
_ENGLISH_FUNCTION = frozenset(
    """the a an of and to in is are was were be been that this it for with as on by from
    at or not but have has had will would can could should its their they he she we you
    which who what there than more""".split()
)


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def script_of(text: str) -> dict[str, int]:
    """Letter counts per writing system.

    ASCII letters are counted by one regular-expression pass and only the distinct
    non-ASCII characters are classified, so a 300 kB line costs milliseconds, not a Python
    loop over every character."""
    counts: dict[str, int] = {}
    ascii_letters = len(_ASCII_LETTER.findall(text))
    if ascii_letters:
        counts["latin"] = ascii_letters
    for ch, n in Counter(_NON_ASCII.findall(text)).items():
        if not ch.isalpha():
            continue
        code = ord(ch)
        name = "other"
        for script, low, high in _SCRIPTS:
            if low <= code <= high:
                name = script
                break
        counts[name] = counts.get(name, 0) + n
    return counts


def english_ratio(text: str) -> float:
    """Share of words that are English function words (about 0.4 in English prose)."""
    words = re.findall(r"[A-Za-z']+", text.lower())
    if not words:
        return 0.0
    return sum(1 for w in words if w in _ENGLISH_FUNCTION) / len(words)


def is_heading(text: str) -> bool:
    """A title-like line: short, one phrase, no sentence-final punctuation."""
    words = text.split()
    if not 2 <= len(words) <= 20 or len(text) > 160:
        return False
    first = text.lstrip("\"'“‘(")
    if not first or not (first[0].isupper() or first[0].isdigit()):
        return False
    if text.rstrip("\"'”’)")[-1:] in ".,;:!?":
        return False
    return not re.search(r"[a-z][.!?][\"”’]?\s+[A-Z]", text)


def _noise_reason(text: str, main_script: str, english: bool) -> str | None:
    """Why a line is page furniture, or ``None`` for article text."""
    low = text.lower()
    tokens = re.findall(r"[\w+\-−–]+", low)
    if not tokens or not any(ch.isalnum() for ch in text):
        return "punctuation only"
    if all(t in _FONT_TOKENS for t in tokens):
        return "font-size control"
    if re.fullmatch(r"[\d\s.,:/|·•%+\-]+", text):
        return "counter (numbers only)"
    if _TEMPLATE.search(text) and len(tokens) <= 12:
        return "template placeholder"
    if _SECTION_LABEL.match(text.strip()):
        return "section label"
    if _LINK_LABEL.match(text.strip()) and not re.search(r"[.!?][\"”’)]?\s+\S", text):
        return "link to another story"
    if _PROMO.match(text.strip()) and len(tokens) <= 25:
        return "subscription or follow prompt"
    if len(text) <= 80 and all(t in _UI_WORDS or t.isdigit() for t in tokens):
        return "share or page widget"
    if _APP_STORE.search(text) and len(tokens) <= 20:
        return "app-store line"
    if md.feed_footer(text):
        return "feed footer"
    if md.copyright_owner(text) and len(tokens) <= 10:
        return "copyright line"
    if _SOURCE_LINE.match(text.strip()):
        return "source line"
    if _IMAGE_CREDIT.match(text) and len(text) <= 240:
        return "image credit"
    # editorial furniture first: a caption's "Photo by A. Name" is no byline, and the date
    # in a caption or a correction note is not the article's
    kind = furniture.reason(text)
    if kind is not None:
        return kind
    if len(_META_LABELS.findall(text)) >= 2:
        return "metadata labels"
    if parse_byline(text) is not None:
        return "byline"
    if md.is_date_line(text):
        return "date line"
    # The words alone are not enough (an article may discuss privacy policy): a banner
    # also speaks as the site ("we use", "by using our site", "you consent").
    if _BANNER_VOICE.search(text) and _COOKIE_WORDS.search(text):
        distinct = len({m.group(0).lower() for m in _COOKIE_WORDS.finditer(text)})
        if distinct >= 2 or len(tokens) <= 40:
            return "cookie or privacy notice"
    scripts = script_of(text)
    letters = sum(scripts.values())
    if letters >= 8 and scripts.get(main_script, 0) < 0.4 * letters:
        return "line in another script (notice or label)"
    if _DISCLAIMER.search(text) and len(tokens) <= 80:
        return "legal disclaimer"
    if english and len(tokens) >= 8 and english_ratio(text) < 0.04:
        return "line in another language (notice or label)"
    return None


def _unglue(number: int, text: str) -> list[Line]:
    """Split "…end of paragraph.Next Article Title" into the paragraph and a heading."""
    for match in reversed(list(_GLUED.finditer(text, max(0, len(text) - 170)))):
        head, tail = text[: match.end()].rstrip(), text[match.end() :].strip()
        if len(head.split()) >= 4 and is_heading(tail):
            return [Line(number, head), Line(number, tail, heading=True, glued=True)]
    return [Line(number, text, heading=is_heading(text))]


def clean(raw: str) -> Cleaned:
    """Classify every line of ``raw``; return the kept lines, the removed ones and metadata."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u200b", "").replace("\ufeff", "")
    counts = script_of(text[:200_000])
    main_script = max(counts, key=lambda k: counts[k]) if counts else "latin"
    english = main_script == "latin" and english_ratio(text[:200_000]) >= 0.15
    meta = Metadata()
    lines: list[Line] = []
    removed: list[Removed] = []
    bio_author: str | None = None
    raw_lines = text.split("\n")
    filled = [n for n, x in enumerate(raw_lines, start=1) if x.strip()]
    # the last three lines of prose, and the page furniture after them ("Photograph:
    # Reuters", "Topics", "Share on Facebook"): a closing bio sits above such lines
    prose = [n for n in filled if len(raw_lines[n - 1].split()) >= PROSE_WORDS]
    tail = {n for n in filled if n >= prose[-3]} if len(prose) >= 3 else set(filled)
    for number, original in enumerate(raw_lines, start=1):
        line = re.sub(r"[ \t]+", " ", original).strip()
        if not line:
            bio_author = None if bio_author == "" else bio_author
            continue
        reason = _noise_reason(line, main_script, english)
        about = md.about_author(line)
        if about is not None and len(line) <= 100:
            reason, bio_author = "author bio", about
            if about:
                meta.add_author(about)
        elif reason is None and _is_bio(line, bio_author, meta, lines if number in tail else None):
            reason = "author bio"
        elif reason is None and lines and all(x.heading for x in lines) and _bare_byline(line):
            reason = "byline"
        if reason is None:
            wire = _WIRE_DATELINE.match(line) if all(x.heading for x in lines) else None
            if wire:
                removed.append(Removed(number, wire.group(0).strip(), "wire dateline"))
                harvest(wire.group(0), "wire dateline", meta)
                line = line[wire.end() :]
            lines.extend(_unglue(number, _TRUNCATION.sub(".", line)))
            continue
        removed.append(Removed(number, line, reason))
        harvest(line, reason, meta)
    if len(lines) > 1 and not lines[0].heading and is_title_line(lines[0].text):
        first = lines[0]
        lines[0] = Line(first.number, first.text, heading=True, glued=first.glued)
    return Cleaned(lines, removed, meta, main_script)


_WIRE_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{1,30}(?:,\s*[A-Z][\w.'’ -]{1,30})?\s+)?\((?P<wire>CNN|AP|AFP|Reuters|"
    r"Bloomberg|UPI|dpa|Xinhua|[A-Z][A-Za-z]{1,12} News)\)\s*(?:[-–—]+\s*)?(?=\S)"
)
"""A wire dateline before the first sentence ("(CNN) —", "KABUL, Afghanistan (AP) —"): the
agency's stamp, not the author's words. It is cut from the line (and recorded as
removed) so that the first sentence starts where the author's does."""


def _bare_byline(line: str) -> bool:
    """A line that is only the authors' names ("Ada Vance and Ben Ortiz") below the
    headline: the byline of sites that print no "By"."""
    return (
        len(line.split()) <= 12
        and parse_byline("By " + line) is not None
        and ("," not in line or " and " in line)
    )


def is_title_line(text: str) -> bool:
    """The first line of a file read as its headline: a heading, or a headline that asks
    or exclaims ("Is the deal about to collapse?"), which :func:`is_heading` leaves to the
    body because a question inside an article is a sentence."""
    if is_heading(text):
        return True
    words = text.split()
    return (
        2 <= len(words) <= 20
        and len(text) <= 160
        and text.rstrip("\"'”’)")[-1:] in "?!"
        and text.lstrip("\"'“‘(")[:1].isupper()
        and not re.search(r"[a-z][.!?][\"”’]?\s+[A-Z]", text)
    )


PROSE_WORDS = 6
"""A line of at least this many words is prose; shorter ones at a page's end are labels
(and a block of them after an article's ending is no article: :mod:`~argmap.extract.split`)."""
_BIO_WORDS = 150
"""A bio is a few sentences; a paragraph longer than this is the article's."""


def _is_bio(line: str, about: str | None, meta: Metadata, body: list[Line] | None) -> bool:
    """A bio of the author: after an "About the author" line, a line that names that
    author (any line, if it named nobody) and reads like a CV; anywhere, a bio sentence
    of an author the byline named ("A is a senior fellow at …"); among the last three
    lines of the file (``body`` is then the text kept before it), a bio of someone the
    article has not named before, when no author is known yet: an op-ed that closes on
    "Cy Lund is the minister of transport." has been about Cy Lund all along."""
    if len(line.split()) > _BIO_WORDS:
        return False
    if about is not None:
        if about == "":
            return bool(_BIO_CUE.search(line))
        return line.startswith(about.split()[0]) and bool(_BIO_CUE.search(line))
    if meta.authors:
        if parse_bios(line, meta.authors):
            return True
        first_names = {a.split()[0] for a in meta.authors}
        opens = line.split(maxsplit=1)[0] in first_names
        return body is not None and opens and bool(_BIO_CUE.search(line))
    if body is None or _MODAL.search(line):
        return False
    bios = parse_bios(line)
    surnames = {name.split()[-1] for bio in bios for name in bio.names}
    return bool(bios) and not any(s in x.text for s in surnames for x in body)


_BY = re.compile(r"^(?:\w+\s+)?by\b", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:should|must|ought|need to|has to|have to)\b", re.IGNORECASE)
"""A bio states what someone is; a closing sentence with a modal argues."""


def harvest(line: str, reason: str, meta: Metadata) -> None:
    """Add what a removed line says about its article (title, outlet, url, authors,
    affiliations, date). Captions and correction notes give nothing: their dates are of
    a photograph or an amendment, not of the article."""
    if reason in ("author bio", "editor's note"):
        about = md.about_author(line)
        if about:
            meta.add_author(about)
        note = editors_note(line)
        for bio in parse_bios(line if note is None else note):
            for name in bio.names:
                meta.add_author(name, bio.affiliation)
    elif reason == "feed footer":
        footer = md.feed_footer(line)
        if footer:
            meta.title = meta.title or footer[0]
            meta.outlet = meta.outlet or footer[1]
    elif reason == "wire dateline":
        wire = _WIRE_DATELINE.match(line + " .")
        meta.outlet = meta.outlet or (wire.group("wire") if wire else "")
    elif reason == "publication note":
        outlet, date = furniture.publication(line)
        meta.outlet = meta.outlet or outlet
        meta.date = meta.date or date
    elif reason == "source line":
        url = re.search(r"https?://\S+", line)  # a bare domain is not the article's address
        if url and not meta.url:
            meta.url = url.group(0)
    elif reason == "copyright line":
        meta.outlet = meta.outlet or md.copyright_owner(line)
    elif reason == "byline":
        md.metadata_line(line if _BY.match(line) or " by " in line.lower() else f"By {line}", meta)
    elif reason in ("date line", "metadata labels"):
        md.metadata_line(line, meta)
