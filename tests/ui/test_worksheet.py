"""``argmap exercise KEY --worksheet``: the printed article with numbered paragraphs and
sentences, the scaffolding asked for and no answers, and a page to draw the map on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.exercise.numbering import number
from argmap.map.mapfile import load
from tests.conftest import MAPS
from tests.ui.helpers import run_cli
from ui.qt.render.worksheet import worksheet_html


def test_every_sentence_is_numbered_as_the_feedback_pages_number_it() -> None:
    key = load(MAPS / "kabul-attacks.argmap.json")
    page = worksheet_html(key, thesis=False, questions=True)
    numbered = number(key.sources[0].text)
    labels = re.findall(r"<sup><b><font[^>]*>(\d+\.\d+)</font>", page)
    assert labels == [s.label for s in numbered.sentences]
    assert labels[:3] == ["1.1", "1.2", "1.3"] and "2.1" in labels
    assert page.count("¶") == len(numbered.paragraphs())


def test_the_scaffolding_is_what_the_teacher_chose_and_no_answer_leaks() -> None:
    key = load(MAPS / "afghanistan-debate.argmap.json")
    bare = worksheet_html(key, thesis=False, questions=False)
    assert "The thesis (given)" not in bare and "Questions" not in bare
    full = worksheet_html(key, thesis=True, questions=True)
    assert "The thesis (given)" in full
    assert all(p.label.replace("'", "&#x27;") in full for p in key.positions)
    # a question's description records the key's answer: it is not printed
    assert all(p.description[:40] not in full for p in key.positions if p.description)
    premises = [c for c in key.claims if c.kind == "premise"]
    assert all(f"“{c.quote.text}”" not in full for c in premises if c.quote)


def test_the_worksheet_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sheet.pdf"
    code, said, err = run_cli(
        capsys, "exercise", str(MAPS / "kabul-attacks.argmap.json"), "--worksheet", "-o", str(out)
    )
    assert code == 0 and err == ""
    pages = int(re.search(r"(\d+) page", said).group(1))  # type: ignore[union-attr]
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == pages >= 3
    nowhere = tmp_path / "missing" / "sheet.pdf"
    code, _, err = run_cli(
        capsys,
        "exercise",
        str(MAPS / "kabul-attacks.argmap.json"),
        "--worksheet",
        "-o",
        str(nowhere),
    )
    assert code == 1 and err.startswith(str(nowhere)) and len(err.strip().splitlines()) == 1
    assert not nowhere.parent.exists()


def test_a_pdf_name_without_worksheet_and_back_is_a_usage_slip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = str(MAPS / "kabul-attacks.argmap.json")
    code, _, err = run_cli(capsys, "exercise", key, "-o", str(tmp_path / "sheet.pdf"))
    assert code == 2 and "add --worksheet" in err
    target = tmp_path / "starter.argmap.json"
    code, _, err = run_cli(capsys, "exercise", key, "--worksheet", "-o", str(target))
    assert code == 2 and "--worksheet writes a PDF" in err
    assert list(tmp_path.iterdir()) == []
