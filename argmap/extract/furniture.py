"""Editorial furniture: the lines a news page prints around an op-ed that are not the
author's argument.

Photo captions and credits, corrections and editor's notes, "This article was originally
published by …" notes, newsletter and book plugs, share, follow and read-more prompts. A
reader skips them; a proposer that reads them as sentences makes claims of them (a
"published by" line once came out as the most confident premise of an import). Each rule
needs the *shape* of the furniture as well as its words, so that an article that
discusses a photograph, a correction or a book keeps its sentences: a caption carries a
photo credit, a correction note speaks of "this article", a plug sells.

:func:`reason` names the kind of a furniture line; :func:`publication` reads the outlet and
date from a "published by" note, the one kind whose metadata is worth keeping.
"""

from __future__ import annotations

import re

from argmap.extract.metadata import find_date

_AGENCY = (
    r"(?:Getty Images|Getty|AFP|Reuters|AP Photo|AP|Associated Press|EPA(?:-EFE)?|Shutterstock|"
    r"Bloomberg|Anadolu(?: Agency)?|SOPA Images|NurPhoto|LightRocket|Xinhua|Alamy|iStock|"
    r"Sipa(?: USA)?|ZUMA(?: Press| Wire)?|Corbis|Pool|AAP|PA(?: Images| Wire)?|Redux|"
    r"Polaris|Imagn|UPI|TASS|Sputnik|Contributor|Staff)"
)
_CAPTION = re.compile(
    # a credit in brackets at the end: "(Photo by A. Name/AFP via Getty Images)"
    r"[(\[](?:photo|photograph|image|picture|illustration|credit|video)s?\b[^()\[\]]{0,160}"
    r"[)\]]\s*\.?\s*$|"
    # a credit that opens the line: "Photo: A. Name / Reuters", "Photograph by …"
    r"^(?:photo|photograph|image|picture|illustration|graphic|video|caption|credit)s?"
    r"(?:\s+credits?)?\s*(?:by\b|:|/)|"
    # a photographer and agency anywhere: "A. Name/AFP", "AFP via Getty Images"
    rf"(?:^|\s)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}\s*/\s*{_AGENCY}\b|"
    rf"\b{_AGENCY}\s+via\s+Getty(?: Images)?\b|"
    r"\bCredit:\s*\S|\b(?:Photo|Image) credit\b",
    re.IGNORECASE,
)
_CREDIT_END = re.compile(
    r"(?:^|[.!?]\s+|\s)[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*/\s*"
    r"[A-Z][\w&.'’-]*(?:\s+(?:and\s+|of\s+|the\s+)?[A-Z][\w&.'’-]*){0,4}$"
)
"""A photographer and an outlet closing a line without a stop: "… Joe Doe/Stars and Stripes"."""
_SOCIAL = re.compile(
    r"^(?:twitter|x|instagram|facebook|linkedin|bluesky|threads|mastodon|e-?mail)\s*:\s*@?\S+$",
    re.IGNORECASE,
)
_CORRECTION = re.compile(
    r"^(?:corrections?|clarifications?|update|updated|amended)\s*[:\-–—]\s*\S|"
    r"^(?:this|the|an earlier version of this|a previous version of this)\s+"
    r"(?:article|story|piece|column|op-?ed|essay|commentary|post|headline|analysis)\s+"
    r"(?:(?:was|has been|had been|have been|is being)\s+(?:amended|updated|corrected|changed|"
    r"edited|revised)|misstated|incorrectly|stated|said|referred|gave|misidentified|"
    r"misspelled)\b|^an? (?:earlier|previous) version of this\b",
    re.IGNORECASE,
)
_EDITORS_NOTE = re.compile(r"^editor[’'`]?s[’'`]?\s+note\b", re.IGNORECASE)
_THIS_PIECE = (
    r"(?:this|the|a version of this|an? (?:earlier|shorter|longer|different) version of this)"
    r"\s+(?:article|story|piece|column|op-?ed|essay|commentary|post|analysis|interview|text)"
)
_PUBLISHED = re.compile(
    rf"^(?:{_THIS_PIECE}\s+(?:was|is|has been|first|originally)\b.{{0,40}}?\b"
    r"(?:published|appeared|ran|republished|reprinted|adapted|excerpted|syndicated)\b|"
    r"(?:originally|first)\s+(?:published|appeared|ran)\b|"
    r"(?:republished|reprinted|adapted|excerpted|syndicated)\s+(?:with permission\s+)?"
    r"(?:from|by|courtesy)\b)",
    re.IGNORECASE,
)
_PUBLISHED_END = re.compile(
    r"\b(?i:published|appeared)\s+(?i:by|in|on|at)\s+(?:the\s+)?"
    r"(?P<outlet>[A-Z][\w&'’.\-]*(?:\s+(?:of\s+|the\s+|and\s+)?[A-Z][\w&'’.\-]*){0,6})"
    r"(?:,?\s+(?:on|in)\s+(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+)?\d{4}|"
    r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}))?\s*\.?\s*$"
)
"""A note that ends naming its outlet, as syndicated copy does: "…, published by New York
Times on September 7, 2018". Not after a lower-case word: "the study was published by
the Lancet" is a sentence."""
_OUTLET_AFTER = re.compile(
    r"\b(?:published|appeared|ran|republished|reprinted|adapted|excerpted|syndicated|"
    r"from|by|in|on|at|courtesy of)\s+(?:the\s+)?"
    r"(?P<outlet>[A-Z][\w&'’.\-]*(?:\s+(?:of\s+|the\s+|and\s+|&\s+)?[A-Z][\w&'’.\-]*){0,6})"
)
_NEWSLETTER = re.compile(
    r"^(?:[^.!?]{0,60}[.!?:]\s+)?(?:sign up|subscribe|register|get|receive|join|want)\b"
    r"[^.!?]{0,140}\b(?:newsletters?|briefings?|inbox|e-?mails?|digest|updates|alerts?)\b",
    re.IGNORECASE,
)
_BOOK = re.compile(
    r"\b(?:his|her|their|my|our|[A-Z][\w'’-]+['’]s)\s+(?:new\s+|latest\s+|forthcoming\s+|"
    r"recent\s+|upcoming\s+|most recent\s+|next\s+)?book\b.{0,160}?\b(?:is out|out now|"
    r"is published|was published|will be published|(?:is )?published by|is available|"
    r"available (?:now|from|in|at)|comes out|is forthcoming|order|pre-?order)\b|"
    r"^(?:order|buy|pre-?order|get)\s+(?:a|your)\s+copy\b|"
    r"\bis the author of (?:the )?(?:new|latest|forthcoming)\s+book\b",
    re.IGNORECASE,
)
_PROMPT = re.compile(
    r"^(?:(?:follow|like)\s+(?:us|me|him|her|them|the author|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"\s+on\b|read more\b|(?:click|tap)\s+here\b|share\s+(?:this|on|via)\b|"
    r"(?:more|read more|see more)\s+(?:from|on|by|about|of)\b|"
    r"(?:join|start)\s+the\s+(?:conversation|discussion|debate)\b|"
    r"(?:do you have|have)\s+(?:an opinion|something to say|a view)\b|"
    r"(?:send|submit)\s+(?:us\s+)?(?:a|your)\s+letter\b|we welcome letters\b|"
    r"for more (?:opinion|news|analysis|stories)\b)",
    re.IGNORECASE,
)
_LETTERS = re.compile(
    r"\b(?:submit|send|write)\b[^.!?]{0,80}\b(?:response|letter|reply)s?\b[^.!?]{0,160}"
    r"\b(?:publication|letters? (?:section|page)|click here|email)\b",
    re.IGNORECASE,
)
"""The letters page's invitation under an op-ed ("If you would like to submit a response
of up to 300 words by email to be considered for publication …"): too long for a prompt."""
_KICKER = re.compile(
    r"^(?:opinion|analysis|commentary|perspective|editorial|op-?ed|column|argument|essay|"
    r"ideas|voices|comment|world view|the big idea)\s*[|·•]\s*(?:[A-Z][\w&.'’-]*\s*){1,5}$",
    re.IGNORECASE,
)
"""A section kicker with the site's name ("Opinion | Foreign Policy"). "Opinion: Why
trams matter" is a headline with a kicker, kept (its kicker is dropped from the title)."""
TITLE_KICKER = re.compile(
    r"^(?:opinion|analysis|commentary|perspective|editorial|op-?ed|column|guest essay|"
    r"argument|essay)\s*[:|·•–—]\s*(?=\S)",
    re.IGNORECASE,
)


def reason(line: str) -> str | None:
    """The kind of furniture ``line`` is, or ``None`` for article text."""
    text = line.strip()
    words = len(text.split())
    if _EDITORS_NOTE.match(text):
        return "editor's note"
    if words <= 80 and (_CAPTION.search(text) or _CREDIT_END.search(text)):
        return "photo caption"
    if words <= 70 and _BOOK.search(text):
        return "book plug"
    if words <= 60 and (_PUBLISHED.match(text) or _published_at_end(text)):
        return "publication note"
    if words <= 90 and _CORRECTION.match(text):
        return "correction note"
    if words <= 40 and _NEWSLETTER.match(text):
        return "newsletter plug"
    if words <= 4 and _SOCIAL.match(text):
        return "share or follow prompt"
    if words <= 80 and (_PROMPT.match(text) or words > 8) and _LETTERS.search(text):
        return "letters plug"
    if words <= 30 and (_PROMPT.match(text) or _KICKER.match(text)):
        return "share or follow prompt" if not _KICKER.match(text) else "section label"
    return None


def _published_at_end(text: str) -> bool:
    """A short line that ends "published by OUTLET (on DATE)" and holds no other sentence."""
    match = _PUBLISHED_END.search(text)
    if match is None or len(text.split()) > 30:
        return False
    before = text[: match.start()].split()
    if before and before[-1][:1].islower():
        return False  # "the study was published by the Lancet" is a sentence
    return not re.search(r"[a-z][.!?]\s+[A-Z]", text[: match.start()])


def publication(line: str) -> tuple[str, str]:
    """``(outlet, date)`` from a publication note ("" for what it does not say)."""
    text = line.strip()
    match = _PUBLISHED_END.search(text) or _OUTLET_AFTER.search(text)
    outlet = match.group("outlet").strip().rstrip(".") if match else ""
    outlet = re.sub(r"\s+(?:On|In)$", "", outlet)
    return outlet, find_date(text)
