"""The handout a class reads: the views as whole parts at 8 pt or more, a positions table
whose words are never broken, the quotes after, within the page budget.

Checked on the PDF itself (pdfminer): the text of every card, its size and where it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTPage, LTTextContainer, LTTextLine

from argmap.analysis.authors import short_names
from argmap.analysis.views import view_claims
from argmap.map.mapfile import load
from argmap.map.model import Origin
from tests.conftest import MAPS
from ui.cli import main

COMPARISON = MAPS / "afghanistan-debate.argmap.json"


def _handout(source: Path, out: Path, *extra: str) -> list[LTPage]:
    assert main(["export", str(source), "-o", str(out), "--handout", "-q", *extra]) == 0
    return list(extract_pages(str(out)))


@pytest.fixture(scope="module")
def comparison_pages(tmp_path_factory: pytest.TempPathFactory) -> list[LTPage]:
    return _handout(COMPARISON, tmp_path_factory.mktemp("handout") / "debate.pdf")


def _chars(page: LTPage) -> Iterator[LTChar]:
    def walk(item: object) -> Iterator[LTChar]:
        if isinstance(item, LTChar):
            yield item
        elif hasattr(item, "__iter__"):
            for child in item:  # type: ignore[attr-defined]
                yield from walk(child)

    yield from walk(page)


def _words_by_size(page: LTPage, small: bool) -> list[str]:
    """The words of a page drawn below 8 pt (``small``) or at 8 pt and above."""
    words: list[str] = []
    current = ""
    for char in _chars(page):
        text = char.get_text()
        if text.isspace() or ((char.size < 7.95) != small):
            if current:
                words.append(current)
            current = ""
            continue
        current += text
    if current:
        words.append(current)
    return words


def test_the_comparison_handout_fits_the_page_budget(comparison_pages: list[LTPage]) -> None:
    assert len(comparison_pages) <= 12
    first = comparison_pages[0]
    assert (round(first.width), round(first.height)) == (842, 595)  # A4 landscape


def test_every_card_is_whole_on_one_page_with_text_of_8_pt_or_more(
    comparison_pages: list[LTPage],
) -> None:
    amap = load(COMPARISON)
    big = [" ".join(_words_by_size(page, small=False)) for page in comparison_pages]
    for view in amap.views:
        # its part's heading: the name, then how many claims (an author's name alone is
        # also on cards and in other parts' keys)
        heading = re.escape(view.name.split("(")[0][:30]) + r".{0,60}?\(\d+ cla"
        pages_of_view = [i for i, text in enumerate(big) if re.search(heading, text)]
        assert pages_of_view, view.name
        page = big[pages_of_view[0]]
        for claim_id in view_claims(amap, view):
            label = " ".join(amap.claim_index()[claim_id].text.split())
            # each word of each card's label is printed, at 8 pt or more, on the view's page
            missing = [w for w in label.split() if w not in page]
            assert not missing, (view.name, claim_id, missing)
    for page in comparison_pages:
        for char in _chars(page):  # nothing printed outside the paper (no card cut)
            assert char.x0 >= 0 and char.x1 <= page.width, char
            assert char.y0 >= 0 and char.y1 <= page.height, char


def test_every_text_of_the_handout_is_8_pt_or_more(comparison_pages: list[LTPage]) -> None:
    """Every character on every page, a card's header (its kind and its author) as well
    as its label, the parts' headings, the positions table and the reading guide."""
    small = [
        (number, char.get_text(), round(char.size, 1))
        for number, page in enumerate(comparison_pages, 1)
        for char in _chars(page)
        if char.size < 7.95 and not char.get_text().isspace()
    ]
    assert not small, small[:20]
    kinds = {c.kind.upper() for c in load(COMPARISON).claims}
    printed = " ".join(w for page in comparison_pages for w in _words_by_size(page, small=False))
    missing = {k for k in kinds if k not in printed}
    assert not missing  # the cards' kind badges are printed, at 8 pt or more


def test_a_part_names_its_authors_by_their_stripes_colours(
    comparison_pages: list[LTPage],
) -> None:
    """The key after a part's name, where the page has room for it whole: a printed card
    names its author only where its kind badge leaves room."""
    page = next(p for p in comparison_pages if "Work with Pakistan as a partner" in _text(p))
    heading = [
        line
        for item in page
        if isinstance(item, LTTextContainer)
        for line in item
        if isinstance(line, LTTextLine) and line.y0 > page.height - 30
    ]
    text = re.sub(r"\s+", " ", " ".join(line.get_text() for line in heading))
    for name in ("Kabul-attacks", "Foreign Affairs", "GZERO", "Hussain"):  # as in the table
        assert name in text, name


def test_the_positions_table_breaks_no_word(comparison_pages: list[LTPage]) -> None:
    amap = load(COMPARISON)
    table = next(p for p in comparison_pages if "Positions: who takes which side" in _text(p))
    lines = list(_lines(table))
    allowed = {w for p in amap.positions for w in p.label.split()}
    allowed |= {"for", "against", "mixed", "silent", "✔", "✘", "±", "–", "Question"}
    heads = short_names(amap.authors)  # the columns are headed as in the app's matrix
    allowed |= {w for name in heads.values() for w in name.split()} | {"Positions:", "who"}
    allowed |= {"takes", "which", "side", "argues", "it", "both", "sides", "does", "not", "say"}
    allowed |= {"for:", "against:", "mixed:", "silent:"}
    found = {w for line in lines for w in line.split()}
    assert {"against", "silent", "mixed", "Kabul-attacks", "Foreign", "Affairs"} <= found
    assert found <= allowed, found - allowed  # no "aga" + "inst", no "sile" + "nt"


def _text(page: LTPage) -> str:
    text = "".join(item.get_text() for item in page if isinstance(item, LTTextContainer))
    return re.sub(r"\s+", " ", text)


def _lines(page: LTPage) -> Iterator[str]:
    """The text lines of the positions table: from its title down (it ends its page)."""
    found = [
        line
        for item in page
        if isinstance(item, LTTextContainer)
        for line in item
        if isinstance(line, LTTextLine)
    ]
    top = next(x.y1 for x in found if "Positions:" in x.get_text())
    for line in found:
        if line.y1 <= top + 0.5:
            yield line.get_text().strip()


def test_quotes_follow_the_diagrams_as_a_reading_guide(comparison_pages: list[LTPage]) -> None:
    texts = [_text(p) for p in comparison_pages]
    guide = next(i for i, t in enumerate(texts) if "Reading guide" in t)
    table = next(i for i, t in enumerate(texts) if "Positions: who takes which side" in t)
    assert table < guide and guide >= len(texts) - 3
    assert (comparison_pages[guide].width, comparison_pages[guide].height) == (595, 842)


def test_proposals_are_left_out_unless_asked_for(tmp_path: Path) -> None:
    from argmap.map.mapfile import save

    amap = load(MAPS / "kabul-attacks.argmap.json")
    claim = amap.claims[-1]
    amap.claims[-1] = claim.model_copy(
        update={
            "text": "Zebra proposal nobody reviewed",
            "origin": Origin(kind="extracted", confidence=0.4, reviewed=False),
        }
    )
    path = tmp_path / "k.argmap.json"
    save(amap, path)
    plain = " ".join(_text(p) for p in _handout(path, tmp_path / "a.pdf"))
    asked = " ".join(_text(p) for p in _handout(path, tmp_path / "b.pdf", "--proposals"))
    assert "Zebra" not in plain
    assert "Zebra" in asked


def test_a_map_without_views_gets_one_per_author_cut_along_its_argument(
    tmp_path: Path,
) -> None:
    """The one-article map has no views and 30 claims, one page too many for one part: its
    author's view is printed in two parts, each whole."""
    pages = _handout(MAPS / "kabul-attacks.argmap.json", tmp_path / "k.pdf")
    first = _text(pages[0])
    assert re.search(r"Kabul-attacks op-ed \(author not named\), part 1 of [23]", first)
    assert "too large" not in " ".join(_text(p) for p in pages)
    assert len(pages) <= 4


def test_a_part_too_large_for_a_page_is_named_instead_of_printed(tmp_path: Path) -> None:
    from argmap.map.mapfile import save
    from argmap.map.model import View
    from argmap.map.synthetic import synthetic_map

    amap = synthetic_map(300, seed=3)
    amap.views = [
        View(id="all", name="Everything", kind="claims", claims=[c.id for c in amap.claims])
    ]
    path = tmp_path / "big.argmap.json"
    save(amap, path)
    pages = _handout(path, tmp_path / "big.pdf")
    text = re.sub(r"\s+", " ", " ".join(_text(p) for p in pages))
    assert "“Everything” (300 claims) is too large to print" in text
    assert len(pages) == 1  # no poster of it, and no guide to parts never printed
