"""A PDF handout starts with the whole map on one A4 page, every label drawn as text."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from tests.conftest import MAPS
from ui.cli import main


def test_handout_map_page_is_a4_with_real_labels(tmp_path: Path) -> None:
    out = tmp_path / "debate.pdf"
    assert (
        main(
            [
                "export",
                str(MAPS / "afghanistan-debate.argmap.json"),
                "-o",
                str(out),
                "--handout",
                "-q",
            ]
        )
        == 0
    )
    data = out.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]", data)
    width, height = (round(float(v)) for v in boxes[0])
    assert (width, height) == (842, 595)  # A4 landscape: the map is wide
    # Labels are drawn as text (glyph runs), not left out as at a small zoom on screen:
    # the first page's content stream shows many text objects.
    streams = re.findall(rb"stream\r?\n(.*?)endstream", data, re.S)
    text_objects = 0
    for raw in streams:
        try:
            body = zlib.decompress(raw)
        except zlib.error:
            continue
        text_objects = max(text_objects, body.count(b"BT"))
    assert text_objects > 71  # more than one per claim card


def test_a_map_too_big_for_one_readable_page_follows_in_readable_parts(tmp_path: Path) -> None:
    from argmap.map.mapfile import load
    from tests.core.helpers import small_map
    from tests.ui.test_render import pdf_text
    from ui.qt.render.images import export_image

    big, small = tmp_path / "big.pdf", tmp_path / "small.pdf"
    export_image(load(MAPS / "afghanistan-debate.argmap.json"), big, handout=True)
    export_image(small_map(), small, handout=True)  # five claims: one page shows them
    text = pdf_text(big.read_bytes())
    parts = re.findall(r"part (\d+) of (\d+) \(row (\d+) of (\d+), column (\d+) of (\d+)\)", text)
    assert parts, "the wide comparison map gets detail pages"
    count = int(parts[0][1])
    assert [int(p[0]) for p in parts] == list(range(1, count + 1))
    assert count == int(parts[0][3]) * int(parts[0][5]) > 1
    # the detail pages come between the overview and the quotes, and only when needed
    assert text.index("part 1 of") < text.index("“")
    assert "part 1 of" not in pdf_text(small.read_bytes())


def test_detail_parts_cover_the_map_with_readable_labels() -> None:
    from PySide6.QtCore import QSizeF

    from ui.qt.render.pdf import DETAIL_PT, LABEL_PX, OVERLAP, detail_parts

    page = QSizeF(786.0, 523.0)
    for width, height in ((4906.0, 1654.0), (900.0, 3000.0), (20000.0, 20000.0), (100.0, 50.0)):
        columns, rows, scale = detail_parts(width, height, page)
        assert LABEL_PX * scale >= DETAIL_PT - 1e-9
        part_w = (width + (columns - 1) * OVERLAP) / columns
        part_h = (height + (rows - 1) * OVERLAP) / rows
        assert part_w * scale <= page.width() + 1e-6 and part_h * scale <= page.height() + 1e-6
        assert columns * part_w - (columns - 1) * OVERLAP >= width - 1e-6
        assert rows * part_h - (rows - 1) * OVERLAP >= height - 1e-6
        # and no more parts than needed: one column fewer would not fit at DETAIL_PT
        if columns > 1:
            fewer = (width + (columns - 2) * OVERLAP) / (columns - 1)
            assert fewer * DETAIL_PT / LABEL_PX > page.width()


def test_a_map_that_would_need_too_many_parts_says_so_instead(tmp_path: Path) -> None:
    from argmap.map.synthetic import synthetic_map
    from tests.ui.test_render import pdf_text
    from ui.qt.render.images import export_image
    from ui.qt.render.pdf import MAX_DETAIL_PAGES

    out = tmp_path / "huge.pdf"
    export_image(synthetic_map(1000, with_positions=True), out, handout=True)
    text = pdf_text(out.read_bytes())
    assert "part 1 of" not in text
    needed = int(re.search(r"would need (\d+) A4 pages", text).group(1))  # type: ignore[union-attr]
    assert needed > MAX_DETAIL_PAGES
