"""``argmap import`` on PDF and Word op-eds, as a teacher has them."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.map.mapfile import load
from tests.conftest import FIXTURES
from ui.cli import main

DOCS = FIXTURES / "documents"


def test_import_reads_a_pdf_and_a_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "oped.argmap.json"
    paths = [str(DOCS / "oped-columns.pdf"), str(DOCS / "oped.docx")]
    assert main(["import", *paths, "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "oped-columns.pdf: 1 article(s)" in printed
    amap = load(out)
    # the same op-ed twice: the second copy is skipped as already imported
    assert len(amap.sources) == 1
    assert amap.sources[0].title.startswith("Why our city should build bus lanes")
    assert [a.name for a in amap.authors] == ["Jane Doe"]


def test_import_of_a_scan_says_why_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "scan.argmap.json"
    assert main(["import", str(DOCS / "oped-scan.pdf"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "oped-scan.pdf: no text in this PDF; it is probably a scan" in err
    assert "Traceback" not in err
    assert not out.exists()
