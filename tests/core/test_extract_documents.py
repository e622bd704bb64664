"""PDF and Word op-eds: text faithful to the page, metadata from the file, clear refusals.

The fixtures are made by ``scripts/make_document_fixtures.py`` from ``oped.txt``: PDFs
printed with Qt (one column as a browser prints, two columns drawn across the page, a
picture-only "scan") and .docx files written with python-docx.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from argmap.extract.build import build_import
from argmap.extract.documents import _pdf_pages, read_docx, read_pdf
from argmap.extract.pagetext import Page, PageLine, page_text, reading_order
from argmap.extract.reading import ImportProblem, read_article
from tests.conftest import FIXTURES

DOCS = FIXTURES / "documents"
SOURCE = [x for x in (DOCS / "oped.txt").read_text(encoding="utf-8").splitlines() if x]
"""Headline, byline, date line, then the seven paragraphs, one a line."""


def _pdf(name: str) -> tuple[str, object]:
    return read_pdf((DOCS / name).read_bytes())


def _raw_lines(name: str) -> list[str]:
    pages, _, _ = _pdf_pages((DOCS / name).read_bytes())
    return [line.text for page in pages for line in page.lines]


@pytest.mark.parametrize("name", ["oped-browser.pdf", "oped-columns.pdf"])
def test_pdf_paragraphs_are_the_printed_paragraphs(name: str) -> None:
    text, _ = _pdf(name)
    assert text.split("\n\n") == SOURCE


def test_running_heads_feet_and_page_numbers_are_dropped() -> None:
    raw = _raw_lines("oped-browser.pdf")
    # the print has them on both pages ...
    assert sum(x.startswith("https://www.dailyplanet.example") for x in raw) == 2
    assert "1/2" in raw and "2/2" in raw and raw.count("12/3/26, 9:15 AM") == 2
    text, _ = _pdf("oped-browser.pdf")
    # ... the text has none of them, but keeps the byline's date line once
    assert "dailyplanet.example" not in text and "9:15" not in text and "1/2" not in text
    assert text.count("December 3, 2026") == 1
    columns, _ = _pdf("oped-columns.pdf")
    assert "Page 1" in _raw_lines("oped-columns.pdf")
    assert "Page" not in columns and "THE DAILY PLANET" not in columns


def test_line_end_hyphens_dropped_inside_words_kept_in_compounds() -> None:
    raw = _raw_lines("oped-columns.pdf")
    split = [x for x in raw if x.endswith("-") and not x.endswith("well-")]
    assert split, "the fixture should break words at line ends"
    assert any(x.endswith("well-") for x in raw), "the fixture should break well-|known"
    text, _ = _pdf("oped-columns.pdf")
    assert "well-known" in text and "wellknown" not in text
    for line in split:
        head = line.split()[-1].rstrip("-")
        assert f"{head}-" not in text.replace("well-", "")


def test_two_columns_are_read_column_by_column() -> None:
    pages, _, _ = _pdf_pages((DOCS / "oped-columns.pdf").read_bytes())
    runs = reading_order(pages[0], set())
    assert len(runs) >= 3  # the headline across, then the left and the right column
    assert runs[-1][0].x0 > pages[0].width / 2
    text, _ = _pdf("oped-columns.pdf")
    assert text.index("worst.") < text.index("The case against") < text.index("Bus lanes work")


def test_pdf_metadata_comes_from_the_document() -> None:
    _, browser = _pdf("oped-browser.pdf")
    assert browser.title == SOURCE[0]  # "… | The Daily Planet" cut off
    assert browser.outlet == "The Daily Planet"
    assert browser.url.startswith("https://www.dailyplanet.example/opinion/")
    assert browser.date == ""  # the running date is when it was printed
    _, columns = _pdf("oped-columns.pdf")
    assert columns.authors == ["Jane Doe"] and columns.title == SOURCE[0]


def test_a_scan_without_text_is_refused_with_a_reason() -> None:
    with pytest.raises(ImportProblem, match=r"no text in this PDF; it is probably a scan"):
        read_article(DOCS / "oped-scan.pdf")


def test_a_broken_pdf_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage")
    with pytest.raises(ImportProblem, match="PDF"):
        read_article(path)


@pytest.mark.parametrize("name", ["oped-browser.pdf", "oped-columns.pdf", "oped.docx"])
def test_quotes_anchor_in_the_cleaned_text(name: str) -> None:
    result = build_import([DOCS / name])
    assert not result.files[0].error
    source = result.sources[0]
    assert source.title == SOURCE[0]
    assert source.date == "2026-12-03"
    assert [a.name for a in result.authors] == ["Jane Doe"]
    quoted = [c.quote for c in result.claims if c.quote is not None]
    assert len(quoted) >= 10
    for quote in quoted:
        assert source.text[quote.start : quote.end] == quote.text


def test_docx_body_without_header_and_footer() -> None:
    text, _ = read_docx((DOCS / "oped-plain.docx").read_bytes())
    assert text.split("\n\n") == SOURCE
    assert "dailyplanet.example" not in text and "Opinion" not in text


def test_docx_core_properties_are_its_metadata() -> None:
    text, meta = read_docx((DOCS / "oped.docx").read_bytes())
    assert "By Jane Doe" not in text  # only the properties name the author
    assert meta.title == SOURCE[0]
    assert meta.authors == ["Jane Doe"]
    assert meta.date == "2026-12-03"
    _, plain = read_docx((DOCS / "oped-plain.docx").read_bytes())
    assert plain.authors == [] and plain.title == "" and plain.date == ""


def test_a_zip_that_is_not_word_is_named(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", "<office:document/>")
    path = tmp_path / "essay.odt"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ImportProblem, match=r"OpenDocument file, not a Word \.docx"):
        read_article(path)
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(ImportProblem, match=r"old Word \.doc"):
        read_article(path)


# -- the page rules on lines written by hand --------------------------------------------


def _line(text: str, top: float, x0: float = 50, x1: float = 300, size: float = 10) -> PageLine:
    return PageLine(text, x0, x1, top, top + size, size)


def test_a_page_number_alone_is_dropped_on_a_one_page_print() -> None:
    page = Page(
        400,
        600,
        (
            _line("The council should build bus lanes on the main corridors this year,", 100),
            _line("and it should start with the Harbour Road.", 112, x1=200),
            _line("3", 580, x0=195, x1=205),
        ),
    )
    text, removed = page_text([page])
    assert removed == ["3"]
    assert text == (
        "The council should build bus lanes on the main corridors this year, "
        "and it should start with the Harbour Road."
    )


def test_a_one_page_browser_print_loses_its_heads_and_feet() -> None:
    title = "Why our city should build bus lanes | The Daily Planet"
    page = Page(
        400,
        600,
        (
            _line("12/3/26, 9:15 AM", 20, x1=120, size=7),
            _line("Why our city should build bus lanes | The Dai", 20, x0=200, x1=380, size=7),
            _line("Why our city should build bus lanes", 80, size=16),
            _line("The council should build bus lanes on the main corridors this year.", 120),
            _line("https://www.dailyplanet.example/opinion/bus-lanes", 585, x1=250, size=7),
            _line("1/1", 585, x0=370, x1=380, size=7),
        ),
    )
    text, removed = page_text([page], title)
    headline_high = Page(
        400, 600, (*page.lines[:2], _line(page.lines[2].text, 40, size=16), *page.lines[3:])
    )
    assert page_text([headline_high], title)[0].startswith(
        "Why our city should build bus lanes\n\n"
    )
    assert text.split("\n\n") == [
        "Why our city should build bus lanes",  # the headline is not in a band: kept
        "The council should build bus lanes on the main corridors this year.",
    ]
    assert len(removed) == 4


def test_a_centred_headline_on_two_lines_is_one_paragraph() -> None:
    body = "The council should build bus lanes on the main corridors this year and"
    lines = (
        _line("Why our city should build", 60, x0=120, x1=280, size=18),
        _line("bus lanes first", 82, x0=150, x1=250, size=18),
        _line(body, 120),
        _line("it should start with the Harbour Road.", 132, x1=200),
        _line("Critics say the lanes cost too much, and they are wrong.", 150, x0=60),
    )
    text, _ = page_text([Page(400, 600, lines)])
    assert text.split("\n\n") == [
        "Why our city should build bus lanes first",
        f"{body} it should start with the Harbour Road.",
        "Critics say the lanes cost too much, and they are wrong.",
    ]


def test_a_hyphen_the_document_writes_elsewhere_is_kept() -> None:
    lines = (
        _line("A decision-making body met on Monday; the decision-", 100),
        _line("making was slow, and the pre- and post-war rules were", 112),
        _line("quoted again and again by every-", 124),
        _line("one in the room.", 136, x1=120),
    )
    text, _ = page_text([Page(400, 600, lines)])
    assert "the decision-making was slow" in text
    assert "everyone in the room." in text


def test_soft_hyphens_and_ligatures_are_mended() -> None:
    lines = (
        _line("The transpor\u00ad", 100),
        _line("tation budget is \ufb01xed for the \ufb01scal year.", 112, x1=250),
    )
    text, _ = page_text([Page(400, 600, lines)])
    assert text == "The transportation budget is fixed for the fiscal year."
