"""Write the PDF and Word fixtures of the document import (``tests/fixtures/documents/``).

The op-ed is ``tests/fixtures/documents/oped.txt`` (title, byline, date, then one paragraph
a line); the tests compare what the import reads back with it, word for word. Run again
after changing it or the layouts below::

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_document_fixtures.py

What each file is for:

- ``oped-browser.pdf``: one column, as a browser prints a page: a running header with the
  print time and the page title, a footer with the address and "1/3"; words hyphenated
  at line ends, paragraphs set apart by space; the PDF's title is the page's title.
- ``oped-columns.pdf``: two columns under a full-width headline, as a newspaper's
  e-paper prints; a header with the outlet and the date, "Page N" in the footer,
  paragraphs marked by a first-line indent and no space; title and author in the PDF.
- ``oped-scan.pdf``: the first page as a picture only (no text layer), like a scan.
- ``oped.docx``: the op-ed in Word with a header and footer, its headline and body but no
  byline or date line: title, author and date are in its core properties only;
  ``oped-plain.docx``: the whole text, byline and date included, and no core properties.

Qt lays out nothing here: lines are broken by this script so the hyphenation (long words
split at a syllable-ish point, compounds at their hyphen) is known and the same on every
machine. :func:`write_pdf` is also what ``bench/bench_documents.py`` prints its 20 pages
with.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "fixtures" / "documents"
URL = "https://www.dailyplanet.example/opinion/2026/12/03/bus-lanes-before-roads"


@dataclass
class Layout:
    """How the article is printed."""

    width_mm: float = 148.0
    height_mm: float = 210.0
    columns: int = 1
    body_pt: float = 11.0
    indent: bool = False
    """Paragraphs start with an indented line (no space between); else space between."""
    header: tuple[str, str] = ("", "")
    footer: tuple[str, str] = ("", "")
    """Left and right texts; ``{page}`` and ``{pages}`` are filled in."""
    across: bool = False
    """Draw the text across the columns, line by line (as some typesetters emit it), so
    a reader that follows the drawing order would interleave the columns."""


def _split_word(word: str, room: float, measure: Callable[[str], float]) -> tuple[str, str] | None:
    """The longest head of ``word`` (ending in "-") that fits ``room``, broken at an
    existing hyphen, or for a long plain word after a vowel with 3+ letters on each side."""
    if "-" in word[1:-1]:
        head = word[: word.index("-") + 1]
        return (head, word[len(head) :]) if measure(head) <= room else None
    core = word.rstrip(".,;:!?”’)")
    if len(core) < 8 or not core.isalpha():
        return None
    for cut in range(len(core) - 3, 2, -1):
        if core[cut - 1] in "aeiou" and core[cut] not in "aeiou":
            head = word[:cut] + "-"
            if measure(head) <= room:
                return head, word[cut:]
    return None


def _wrap(
    text: str, width: float, measure: Callable[[str], float], first_indent: float
) -> list[str]:
    """Lines of ``text`` no wider than ``width``, hyphenating where a word would not fit."""
    lines: list[str] = []
    words = text.split()
    current = ""
    room = width - first_indent
    while words:
        word = words.pop(0)
        trial = f"{current} {word}" if current else word
        if measure(trial) <= room:
            current = trial
            continue
        split = _split_word(word, room - measure(current + " "), measure)
        if split and current:
            lines.append(f"{current} {split[0]}")
            words.insert(0, split[1])
        else:
            lines.append(current)
            words.insert(0, word)
        current = ""
        room = width
    if current:
        lines.append(current)
    return lines


def write_pdf(
    path: Path,
    head: Sequence[str],
    paragraphs: Sequence[str],
    layout: Layout,
    *,
    title: str = "",
    author: str = "",
    scan: bool = False,
) -> int:
    """Print ``head`` (headline, byline, date) and ``paragraphs``; returns the page count."""
    from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
    from PySide6.QtGui import (
        QFont,
        QFontMetricsF,
        QImage,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
    )

    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageSize(
        QPageSize(QSizeF(layout.width_mm, layout.height_mm), QPageSize.Unit.Millimeter)
    )
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("argmap test fixtures")
    if author:
        writer.setAuthor(author)
    dots = 300 / 25.4
    page_w, page_h = layout.width_mm * dots, layout.height_mm * dots
    margin, band = 14 * dots, 8 * dots
    gutter = 6 * dots
    col_w = (page_w - 2 * margin - gutter * (layout.columns - 1)) / layout.columns

    body = QFont("DejaVu Serif")
    body.setPointSizeF(layout.body_pt)
    small = QFont("DejaVu Sans")
    small.setPointSizeF(7.5)
    headline = QFont("DejaVu Sans")
    headline.setPointSizeF(layout.body_pt * 1.6)
    headline.setBold(True)
    metrics = QFontMetricsF(body, writer)
    line_h = metrics.lineSpacing()
    indent = 1.2 * metrics.horizontalAdvance("M")

    # Lay out every page first (so the footer can say "of N"), then paint.
    pages: list[list[tuple[QFont, float, float, str]]] = [[]]
    y = margin + band
    top_lines: list[tuple[QFont, str]] = []
    hm = QFontMetricsF(headline, writer)
    for line in _wrap(head[0], page_w - 2 * margin, hm.horizontalAdvance, 0):
        top_lines.append((headline, line))
    for line in head[1:]:
        top_lines.append((body, line))
    for font, line in top_lines:
        y += QFontMetricsF(font, writer).lineSpacing()
        pages[0].append((font, margin, y, line))
    y += line_h
    column = 0
    column_top = y
    bottom = page_h - margin - band
    for n, paragraph in enumerate(paragraphs):
        first_indent = indent if layout.indent and n else 0.0
        wrapped = _wrap(paragraph, col_w, metrics.horizontalAdvance, first_indent)
        for k, line in enumerate(wrapped):
            if y + line_h > bottom:
                column += 1
                if column == layout.columns:
                    pages.append([])
                    column = 0
                    column_top = margin + band + line_h
                y = column_top
            y += line_h
            x = margin + column * (col_w + gutter) + (first_indent if k == 0 else 0)
            pages[-1].append((body, x, y, line))
        if not layout.indent:
            y += 0.8 * line_h
    count = len(pages)
    painter = QPainter(writer)
    for number, items in enumerate(pages, start=1):
        if number > 1:
            writer.newPage()
        target: QPainter = painter
        image: QImage | None = None
        if scan:
            image = QImage(int(page_w / 2), int(page_h / 2), QImage.Format.Format_Grayscale8)
            image.fill(Qt.GlobalColor.white)
            target = QPainter(image)
            target.scale(0.5, 0.5)
        target.setFont(small)
        fill = {"page": number, "pages": count}
        for text, right, where in (
            (layout.header[0], False, margin + band / 2),
            (layout.header[1], True, margin + band / 2),
            (layout.footer[0], False, page_h - margin),
            (layout.footer[1], True, page_h - margin),
        ):
            if text:
                rect = QRectF(margin, where - band, page_w - 2 * margin, band)
                align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
                target.drawText(rect, align | Qt.AlignmentFlag.AlignBottom, text.format(**fill))
        order = sorted(items, key=lambda i: (round(i[2]), i[1])) if layout.across else items
        for font, x, y_line, text in order:
            target.setFont(font)
            target.drawText(QPointF(x, y_line), text)
        if image is not None:
            target.end()
            painter.drawImage(QRectF(0, 0, page_w, page_h), image)
    painter.end()
    return count


def write_docx(path: Path, head: Sequence[str], paragraphs: Sequence[str], *, props: bool) -> None:
    """The op-ed as Word keeps it: a Title-styled headline, a header and footer on the
    section, and either title, author and date in the core properties (``props``) or the
    byline and date as lines of text."""
    import datetime

    import docx

    document = docx.Document()
    document.add_paragraph(head[0], style="Title")
    for line in head[1:] if not props else []:
        document.add_paragraph(line)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    section = document.sections[0]
    section.header.paragraphs[0].text = "The Daily Planet · Opinion"
    section.footer.paragraphs[0].text = URL
    core = document.core_properties
    core.title = head[0] if props else ""
    core.author = "Jane Doe" if props else ""
    core.last_modified_by = ""
    core.comments = ""
    stamp = datetime.datetime(2026, 12, 3, 9, 0) if props else datetime.datetime(2000, 1, 1)
    core.created = core.modified = stamp
    document.save(str(path))


def article(source: Path = FOLDER / "oped.txt") -> tuple[list[str], list[str]]:
    """The fixture op-ed: (headline, byline, date) and its paragraphs."""
    lines = [x for x in source.read_text(encoding="utf-8").splitlines() if x.strip()]
    return lines[:3], lines[3:]


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    head, paragraphs = article()
    title = f"{head[0]} | The Daily Planet"
    browser = Layout(
        header=("12/3/26, 9:15 AM", title[:60]),
        footer=(URL, "{page}/{pages}"),
    )
    columns = Layout(
        width_mm=190,
        height_mm=160,
        columns=2,
        body_pt=9.5,
        indent=True,
        across=True,
        header=("THE DAILY PLANET · OPINION", "December 3, 2026"),
        footer=("dailyplanet.example", "Page {page}"),
    )
    made = {
        "oped-browser.pdf": write_pdf(
            FOLDER / "oped-browser.pdf", head, paragraphs, browser, title=title
        ),
        "oped-columns.pdf": write_pdf(
            FOLDER / "oped-columns.pdf",
            head,
            paragraphs,
            columns,
            title=head[0],
            author="Jane Doe",
        ),
        "oped-scan.pdf": write_pdf(
            FOLDER / "oped-scan.pdf", head, paragraphs[:2], browser, scan=True
        ),
    }
    write_docx(FOLDER / "oped.docx", head, paragraphs, props=True)
    write_docx(FOLDER / "oped-plain.docx", head, paragraphs, props=False)
    for name, pages in made.items():
        print(f"wrote {name} ({pages} pages)")
    print("wrote oped.docx, oped-plain.docx")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
