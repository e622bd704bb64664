"""PDF and Word op-eds: their text and what the file says about itself.

Teachers keep op-eds as PDFs printed from a newspaper's site and as ``.docx``. The text is
read with the field's libraries (pdfminer.six for PDF, python-docx for Word: see
``pyproject.toml`` for why these), then made faithful to what was printed by
:mod:`argmap.extract.pagetext` (running heads and feet, columns, paragraphs, hyphens).
The result is plain text, one paragraph a line, so the import cleans, splits and anchors
quotes in it exactly as in a ``.txt`` file.

Metadata comes from the document where it has any: a PDF's title and author (its creation
date is when it was printed, not when the article appeared, so the date comes from the
text); a Word file's core properties (title, author, created). What the text itself says
(byline, date line) wins over both, as the import merges them.

Bad input raises :class:`~argmap.extract.reading.ImportProblem` only: a scan without a
text layer, an encrypted PDF, a broken or oversized file, each with a message to act on.
"""

from __future__ import annotations

import io
import logging
import zipfile
from typing import Any

from argmap.extract import metadata as md
from argmap.extract.metadata import Metadata
from argmap.extract.pagetext import Page, PageLine, page_text
from argmap.extract.reading import ImportProblem, page_authors, page_title

MAX_PAGES = 100
"""An op-ed prints on 1–10 pages; a hundred-page PDF is a report, and would take a minute."""
MAX_UNZIPPED_BYTES = 100_000_000
"""A .docx unpacks to a few MB; more is a zip bomb or a document full of pictures."""
MIN_WORDS = 20
"""Fewer words in a whole PDF than this: its pages are pictures (a scan), not text."""
PLACEHOLDER_AUTHORS = frozenset(
    {"", "python-docx", "microsoft office user", "user", "admin", "administrator", "author"}
)
"""What Word and the tools that write .docx put in the author field when nobody set it."""


# -- PDF ---------------------------------------------------------------------------------


def read_pdf(data: bytes) -> tuple[str, Metadata]:
    """The text of a PDF (heads, feet and page numbers removed) and its title and author."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # it warns on every odd object
    try:
        pages, info, pictures = _pdf_pages(data)
    except ImportProblem:
        raise
    except Exception as exc:  # pdfminer raises many kinds of parse error on a broken file
        name = type(exc).__name__
        if "Password" in name or "Encrypt" in name:
            raise ImportProblem(
                "the PDF is password-protected: open it, print it to a new PDF, and import that"
            ) from None
        raise ImportProblem(f"cannot read the PDF ({name}: {exc})") from None
    text, furniture = page_text(pages, _info_text(info, "Title"))
    if len(text.split()) < MIN_WORDS:
        if pictures:
            raise ImportProblem(
                "no text in this PDF; it is probably a scan (its pages are pictures): run "
                "text recognition (OCR) on it, or copy the article from its web page"
            )
        raise ImportProblem("no text in this PDF (its pages are empty or only drawings)")
    meta = Metadata()
    for line in furniture:
        if not md.is_date_line(line):  # a running date is when the page was printed
            md.metadata_line(line, meta)
    title = _info_text(info, "Title")
    if title:
        meta.title = page_title(title)
        rest = title[len(meta.title) :].strip(" |–—-")
        if meta.title != title.strip() and rest and len(rest.split()) <= 3:
            meta.outlet = rest  # "Headline | The Daily Planet": the site's name
    author = _info_text(info, "Author")
    if author.casefold() not in PLACEHOLDER_AUTHORS:
        page_authors(author, meta)
    return text, meta


def _pdf_pages(data: bytes) -> tuple[list[Page], dict[str, Any], bool]:
    """Every page's text lines (pdfminer's layout analysis), the document information
    dictionary, and whether any page holds a picture."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTFigure, LTImage, LTTextBox, LTTextLine
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    info: dict[str, Any] = document.info[0] if document.info else {}
    # char_margin 1.5: words of one line join, the two sides of a column gutter do not
    params = LAParams(char_margin=1.5, line_margin=0.3, boxes_flow=None)
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=params)
    interpreter = PDFPageInterpreter(manager, device)
    pages: list[Page] = []
    pictures = False
    for number, pdf_page in enumerate(PDFPage.create_pages(document), start=1):
        if number > MAX_PAGES:
            raise ImportProblem(
                f"the PDF has more than {MAX_PAGES} pages; an op-ed has a few: "
                "is it really one article?"
            )
        interpreter.process_page(pdf_page)
        layout = device.get_result()
        height = layout.height
        lines: list[PageLine] = []
        stack: list[Any] = list(layout)
        while stack:
            item = stack.pop()
            if isinstance(item, LTTextLine):
                text = " ".join(item.get_text().split())  # Qt-made PDFs space words with tabs
                if text:
                    lines.append(
                        PageLine(
                            text=text,
                            x0=item.x0,
                            x1=item.x1,
                            top=height - item.y1,
                            bottom=height - item.y0,
                            size=item.height,
                        )
                    )
            elif isinstance(item, LTTextBox | LTFigure):
                pictures = pictures or isinstance(item, LTFigure)
                stack.extend(item)
            elif isinstance(item, LTImage):
                pictures = True
        lines.sort(key=lambda x: (x.top, x.x0))
        pages.append(Page(layout.width, height, tuple(lines)))
    return pages, info, pictures


def _info_text(info: dict[str, Any], key: str) -> str:
    """A text field of the PDF's information dictionary, decoded (PDFDocEncoding or UTF-16)."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    value = resolve1(info.get(key))
    if isinstance(value, bytes):
        value = decode_text(value)
    return " ".join(value.split()) if isinstance(value, str) else ""


# -- Word --------------------------------------------------------------------------------


def read_docx(data: bytes) -> tuple[str, Metadata]:
    """The body text of a .docx (one paragraph a line; headers, footers and notes left
    out) and its core properties: title, author, created."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
        unzipped = sum(item.file_size for item in archive.infolist())
    except zipfile.BadZipFile:
        raise ImportProblem("the Word file is damaged (not a readable ZIP package)") from None
    if "word/document.xml" not in names:
        what = "an OpenDocument file" if "content.xml" in names else "a ZIP archive"
        raise ImportProblem(f"this is {what}, not a Word .docx; save it as .docx, .txt or .html")
    if unzipped > MAX_UNZIPPED_BYTES:
        raise ImportProblem(
            f"the Word file unpacks to {unzipped / 1e6:.0f} MB; an op-ed is a few: "
            "is it really one article?"
        )
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors …
        raise ImportProblem(f"cannot read the Word file ({type(exc).__name__}: {exc})") from None
    paragraphs = [" ".join(p.text.replace("\u00ad", "").split()) for p in document.paragraphs]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text.strip():
        raise ImportProblem("the Word file has no text in its body")
    core = document.core_properties
    meta = Metadata(title=" ".join((core.title or "").split()))
    if (core.author or "").strip().casefold() not in PLACEHOLDER_AUTHORS:
        page_authors(core.author or "", meta)
    if core.created is not None and core.created.year > 2000:
        meta.date = core.created.date().isoformat()
    return text, meta
