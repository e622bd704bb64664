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
