"""Slides of a view: a 16:9 PDF with one page per step, cards never moving between pages."""

from __future__ import annotations

from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTPage, LTTextContainer, LTTextLine

from argmap.map.mapfile import load
from tests.conftest import MAPS
from ui.cli import main

COMPARISON = MAPS / "afghanistan-debate.argmap.json"


def _lines(page: LTPage) -> dict[str, tuple[float, float]]:
    """Each text line printed once on a page (a card's, not an author's name repeated on
    several cards), with where it starts."""
    found: dict[str, tuple[float, float]] = {}
    seen: set[str] = set()
    for item in page:
        if isinstance(item, LTTextContainer):
            for line in item:
                if isinstance(line, LTTextLine):
                    text = " ".join(line.get_text().split())
                    if text in seen:
                        found.pop(text, None)
                    else:
                        found[text] = (line.x0, line.y0)
                    seen.add(text)
    return found


def test_slides_have_one_16_9_page_per_step_and_cards_stay_put(tmp_path: Path) -> None:
    amap = load(COMPARISON)
    view = next(v for v in amap.views if v.id == "view.perennial")
    out = tmp_path / "slides.pdf"
    assert main(["export", str(COMPARISON), "--slides", "--view", view.name, "-o", str(out)]) == 0
    pages = list(extract_pages(str(out)))
    assert len(pages) == len(view.steps)
    assert all((round(p.width), round(p.height)) == (960, 540) for p in pages)
    first, last = _lines(pages[0]), _lines(pages[-1])
    assert f"step 1 of {len(view.steps)}" in first
    # the first step's card is on every slide, at the same place
    shared = [text for text in first if text in last and not text.startswith("step ")]
    assert len(shared) >= 3
    for text in shared:
        assert abs(first[text][0] - last[text][0]) < 0.01
        assert abs(first[text][1] - last[text][1]) < 0.01
    # and each slide shows more than the one before
    counts = [
        sum(1 for item in p if isinstance(item, LTTextContainer) for _ in item) for p in pages
    ]
    assert counts == sorted(counts) and counts[0] < counts[-1]


def test_slides_of_an_unknown_view_are_a_clear_error(tmp_path: Path, capsys: object) -> None:
    out = tmp_path / "x.pdf"
    assert main(["export", str(COMPARISON), "--slides", "--view", "Nobody", "-o", str(out)]) == 1
    assert not out.exists()
