"""``argmap quote find|check|fix`` through the real command line entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.map.mapfile import encode, load
from argmap.map.model import ArgumentMap, Claim, Quote, Source
from tests.conftest import MAPS
from ui.cli import main

TEXT = "Talks matter. Pakistan’s leverage is small. Talks matter."
KABUL = str(MAPS / "kabul-attacks.argmap.json")


def _write(tmp_path: Path, *quotes: tuple[str, Quote], name: str = "m.argmap.json") -> Path:
    amap = ArgumentMap.model_validate(
        {
            "sources": [Source(id="s", text=TEXT)],
            "claims": [
                Claim(id=cid, kind="premise", text=cid, source="s", quote=q) for cid, q in quotes
            ],
        },
        context={"check_invariants": False},
    )
    path = tmp_path / name
    path.write_bytes(encode(amap))
    return path


def _at(passage: str) -> Quote:
    start = TEXT.index(passage)
    return Quote(start=start, end=start + len(passage), text=passage)


def test_find_prints_offsets_and_the_exact_source_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    passage = "the U.S.'s best bet is to find a political-and diplomatic-solution"
    assert main(["quote", "find", KABUL, "kabul", passage]) == 0
    out, err = capsys.readouterr()
    start, end, text = out.rstrip("\n").split(" ", 2)
    source = load(KABUL).source_index()["kabul"].text
    assert source[int(start) : int(end)] == text
    assert text.startswith("the U.S.’s best bet")
    assert "relaxing" in err


def test_find_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path)
    assert main(["quote", "find", str(path), "s", "Pakistan's leverage", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["match"] == "tolerant"
    assert data["found"] == [{"start": 14, "end": 33, "text": "Pakistan’s leverage"}]


def test_find_ambiguous_lists_every_occurrence_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path)
    assert main(["quote", "find", str(path), "s", "Talks matter"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == ["0 12 Talks matter", "44 56 Talks matter"]
    assert "2 times" in err


def test_find_absent_passage_and_unknown_source_fail_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path)
    assert main(["quote", "find", str(path), "s", "never said"]) == 1
    assert "not found" in capsys.readouterr().err
    assert main(["quote", "find", str(path), "nope", "Talks"]) == 1
    err = capsys.readouterr().err
    assert "no source 'nope'" in err and "sources: s" in err
    assert main(["quote", "find", str(tmp_path / "missing.argmap.json"), "s", "x"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_usage_mistakes_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quote"]) == 2
    with pytest.raises(SystemExit) as info:
        main(["quote", "find", KABUL])
    assert info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_check_passes_on_the_bundled_maps(capsys: pytest.CaptureFixture[str]) -> None:
    names = sorted(str(p) for p in MAPS.glob("*.argmap.json"))
    assert main(["quote", "check", *names]) == 0
    out = capsys.readouterr().out
    assert out.count("quotes match their sources") == len(names)


def test_check_lists_drifted_quotes_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path,
        ("c.ok", _at("Pakistan’s leverage")),
        ("c.moved", Quote(start=1, end=30, text="Pakistan’s leverage is small.")),
        ("c.twice", Quote(start=3, end=15, text="Talks matter")),
    )
    assert main(["quote", "check", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{path}: claims[1].quote: claim 'c.moved': ")
    assert "found at 14:43" in lines[0]
    assert lines[1].startswith(f"{path}: claims[2].quote: claim 'c.twice': ")
    assert "occurs 2 times" in lines[1]


def test_fix_reanchors_and_saves_a_valid_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path, ("c.moved", Quote(start=1, end=30, text="Pakistan’s leverage is small."))
    )
    assert main(["quote", "fix", str(path)]) == 0
    assert "re-anchored claim 'c.moved' from 1:30 to 14:43" in capsys.readouterr().out
    quote = load(path).claims[0].quote  # load() validates every quote
    assert quote == _at("Pakistan’s leverage is small.")
    assert main(["quote", "fix", str(path)]) == 0
    assert "nothing to fix" in capsys.readouterr().out


def test_fix_dry_run_leaves_the_file_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path, ("c.moved", Quote(start=1, end=30, text="Pakistan’s leverage is small."))
    )
    before = path.read_bytes()
    assert main(["quote", "fix", "--dry-run", str(path)]) == 0
    assert "would re-anchor" in capsys.readouterr().out
    assert path.read_bytes() == before


def test_fix_reports_what_it_cannot_fix_and_fixes_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path,
        ("c.moved", Quote(start=1, end=30, text="Pakistan’s leverage is small.")),
        ("c.twice", Quote(start=3, end=15, text="Talks matter")),
        ("c.gone", Quote(start=0, end=5, text="Gone.")),
    )
    assert main(["quote", "fix", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "c.moved" in out
    assert "claim 'c.twice': not fixed" in err and "claim 'c.gone': not fixed" in err
    assert "no longer in the source" in err
    # The fixable quote was saved; the others were left as they were.
    assert main(["quote", "check", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[1] for line in lines] == ["claims[1].quote", "claims[2].quote"]


def test_fix_refuses_a_map_broken_otherwise(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.argmap.json"
    path.write_text('{"schema_version": 1, "claims": [{"id": "x"}]}', encoding="utf-8")
    before = path.read_bytes()
    assert main(["quote", "fix", str(path)]) == 1
    err = capsys.readouterr().err
    assert "claims[0]" in err and "Traceback" not in err
    assert path.read_bytes() == before
