"""``argmap import`` and ``argmap eval`` as a user runs them: files in, map out, messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.map.mapfile import encode, load, save
from argmap.map.model import ArgumentMap, Author, Claim, Source
from tests.conftest import FIXTURES
from ui.cli import main

ARTICLE = (
    "The Case for Trams\n\nBy: Jane Doe\n\nShare\n\n"
    "The city should build the tram line to the airport now. Traffic on the airport road has "
    "doubled since 2015, according to the transport office.\n\n"
    "Critics claim that a tram is too expensive. But the cost of the jams is higher every year. "
    "Therefore the council must fund the tram line in this year's budget.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "trams.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_import_writes_a_new_map_and_summarises(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "new.argmap.json"
    assert main(["import", str(article), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "1 source(s)" in text and "thesis 1" in text and "2 noise line(s) removed" in text
    amap = load(out)
    assert amap.sources[0].title == "The Case for Trams"
    assert [a.name for a in amap.authors] == ["Jane Doe"]
    assert all(c.origin.is_proposal for c in amap.claims)


def test_existing_output_needs_force(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "new.argmap.json"
    out.write_text("precious", encoding="utf-8")
    assert main(["import", str(article), "-o", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "precious"
    assert main(["import", str(article), "-o", str(out), "--force"]) == 0
    assert load(out).claims


def test_into_keeps_everything_that_was_there(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mine.argmap.json"
    original = ArgumentMap(
        title="Mine",
        authors=[Author(id="me", name="Me")],
        sources=[Source(id="notes", text="My notes.", authors=["me"])],
        claims=[Claim(id="mine", kind="thesis", text="My thesis", author="me", source="notes")],
    )
    save(original, target)
    assert main(["import", str(article), "--into", str(target), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["sources"] == 1 and summary["proposals"] > 0
    merged = load(target)
    assert merged.title == "Mine"
    assert merged.claims[0] == original.claims[0] and merged.sources[0] == original.sources[0]
    assert len(merged.claims) == 1 + summary["proposals"]
    before = encode(merged)
    assert main(["import", str(article), "--into", str(target)]) == 1  # already imported
    assert "already in the map" in capsys.readouterr().err
    assert encode(load(target)) == before


def test_bad_input_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    nav = tmp_path / "nav.html"
    nav.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    out = tmp_path / "out.argmap.json"
    code = main(["import", str(empty), str(binary), str(huge), str(nav), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and not out.exists()
    assert f"{empty}: the file is empty" in err
    assert f"{binary}: this is a PNG image, not text, HTML, PDF or .docx" in err
    assert f"{huge}: file is 52.4 MB, above the 5 MB limit" in err
    assert f"{nav}: no article text found in the page" in err
    assert "nothing imported" in err


def test_broken_into_map_is_left_alone(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "broken.argmap.json"
    target.write_text("{not json", encoding="utf-8")
    assert main(["import", str(article), "--into", str(target)]) == 1
    assert "not changed" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "{not json"


def test_eval_on_a_synthetic_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Cities should ban cars. Cars pollute the air and harm our health."
    row = {
        "id": "tiny",
        "text": text,
        "adus": [
            {"id": "a1", "type": "pro", "start": 0, "end": 23},
            {"id": "a2", "type": "pro", "start": 24, "end": len(text)},
        ],
        "central_claim": "a1",
        "relations": [
            {"id": "c1", "from": "a2", "to": "a1", "kind": "support", "orig_type": "sup"}
        ],
    }
    data = tmp_path / "data.jsonl"
    data.write_text(json.dumps(row) + "\n", encoding="utf-8")
    args = ["eval", "--data", str(data), "--maps", str(tmp_path), "--seeds", str(tmp_path)]
    assert main([*args, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    part = report["microtexts"]["tune"]["texts"] and report["microtexts"]["tune"]
    part = part or report["microtexts"]["heldout"]
    assert part["texts"] == 1 and part["thesis_top1"] == 1.0 and part["link_accuracy"] == 1.0
    assert main(["eval", "--data", str(tmp_path / "none"), "--maps", str(tmp_path)]) == 1
    assert "nothing to score" in capsys.readouterr().err


def test_seed_fixtures_are_present() -> None:
    assert len(list((FIXTURES / "seeds").glob("*.txt"))) == 5


def test_import_names_each_article_by_its_byline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(
        "Should the ferry stay public?\n\nBy Ada Vance and Ben Ortiz, Special to CNN\n\n"
        "Updated 9:15 AM EDT, Tue May 7, 2024\n\n"
        + ARTICLE.split("\n\n", 2)[2]
        + "\nSign up for our weekly Opinion newsletter.\n\n"
        "This article was originally published by The Quay Herald.\n",
        encoding="utf-8",
    )
    out = tmp_path / "ferry.argmap.json"
    assert main(["import", str(path), "-o", str(out), "-v"]) == 0
    text = capsys.readouterr().out
    assert "“Should the ferry stay public?” by Ada Vance and Ben Ortiz (CNN · 2024-05-07)" in text
    assert "publication note: This article was originally published" in text
    amap = load(out)
    assert [a.name for a in amap.authors] == ["Ada Vance and Ben Ortiz"]
    assert not any("Sign up" in c.text or "published" in c.text for c in amap.claims)
    assert main(["import", str(path), "-o", str(tmp_path / "again.json"), "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)["files"]
    assert entry["sources"] == [
        {
            "title": "Should the ferry stay public?",
            "authors": ["Ada Vance and Ben Ortiz"],
            "outlet": "CNN",
            "date": "2024-05-07",
        }
    ]
