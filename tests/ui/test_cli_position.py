"""``argmap position``: add, stance, list, remove; the saved file, exit codes, messages,
and never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from argmap.map.mapfile import load, save
from argmap.map.model import ArgumentMap
from tests.conftest import MAPS
from tests.ui.helpers import run_cli, save_map, two_bakers_map
from ui.cli import main

DEBATE = MAPS / "afghanistan-debate.argmap.json"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return save_map(two_bakers_map(), tmp_path)


def test_add_saves_a_position_without_stances(
    capsys: pytest.CaptureFixture[str], small: Path
) -> None:
    code, out, _err = run_cli(
        capsys, "position", "add", str(small), "  Pressure Pakistan? ", "--ground", "t2", "t1"
    )
    assert code == 0
    amap = load(small)
    added = amap.positions[-1]
    assert added.label == "Pressure Pakistan?"
    assert added.stances == {} and added.grounds == ["t2", "t1"]
    assert added.id.startswith("position-") and added.id in out
    assert amap.positions[0].id == "engage"  # the others untouched


def test_add_with_an_id_and_repeated_grounds(
    capsys: pytest.CaptureFixture[str], small: Path
) -> None:
    code, _out, _err = run_cli(
        capsys,
        "position",
        "add",
        str(small),
        "Pressure Pakistan?",
        "--id",
        "pos.pressure",
        "--ground",
        "t2",
        "--ground",
        "t1",
        "t2",
        "--description",
        "For: aid cuts or threats.",
    )
    assert code == 0
    added = load(small).positions[-1]
    assert added.id == "pos.pressure"
    assert added.grounds == ["t2", "t1"]
    assert added.description == "For: aid cuts or threats."


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["Q?", "--ground", "t3"], "no claim 't3'; did you mean t2, t1?"),
        (["Q?", "--id", "engage"], "already a position 'engage'"),
        (["Q?", "--id", "has space"], "--id 'has space': an id is letters"),
        (["   "], "the question is empty"),
    ],
)
def test_add_refuses_usage_mistakes_and_leaves_the_file_alone(
    capsys: pytest.CaptureFixture[str], small: Path, argv: list[str], message: str
) -> None:
    before = small.read_bytes()
    code, _out, err = run_cli(capsys, "position", "add", str(small), *argv)
    assert code == 2
    assert message in err
    assert small.read_bytes() == before


def test_stance_by_author_name_and_position_question(
    capsys: pytest.CaptureFixture[str], small: Path
) -> None:
    code, out, _err = run_cli(
        capsys, "position", "stance", str(small), "engage the taliban?", "Ghumkhor", "against"
    )
    assert code == 0
    assert "Sahar Ghumkhor on “Engage the Taliban?”: against" in out
    assert load(small).positions[0].stances == {"sg": "against"}
    code, _out, _err = run_cli(capsys, "position", "stance", str(small), "engage", "jb", "mixed")
    assert code == 0
    assert load(small).positions[0].stances == {"sg": "against", "jb": "mixed"}


def test_stance_that_is_already_set_does_not_rewrite_the_file(
    capsys: pytest.CaptureFixture[str], small: Path
) -> None:
    os.utime(small, (1_000_000, 1_000_000))
    code, out, _err = run_cli(capsys, "position", "stance", str(small), "engage", "sg", "for")
    assert code == 0
    assert "already for" in out
    assert small.stat().st_mtime == 1_000_000


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["nope", "sg", "for"], "no position 'nope'; positions: engage"),
        (["engage", "Baker", "for"], "'Baker' names several authors; say which: jb"),
        (["engage", "Smith", "for"], "no author 'Smith'; authors: sg (Sahar Ghumkhor)"),
    ],
)
def test_stance_names_what_it_cannot_find(
    capsys: pytest.CaptureFixture[str], small: Path, argv: list[str], message: str
) -> None:
    before = small.read_bytes()
    code, _out, err = run_cli(capsys, "position", "stance", str(small), *argv)
    assert code == 2
    assert message in err
    assert small.read_bytes() == before


def test_stance_outside_the_four_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], small: Path
) -> None:
    with pytest.raises(SystemExit) as info:  # argparse exits on usage errors
        main(["position", "stance", str(small), "engage", "sg", "maybe"])
    assert info.value.code == 2
    assert "invalid choice: 'maybe'" in capsys.readouterr().err


def test_list_shows_every_author_and_the_grounds(
    capsys: pytest.CaptureFixture[str], small: Path
) -> None:
    run_cli(capsys, "position", "add", str(small), "Pressure?", "--id", "press", "--ground", "t2")
    code, out, _err = run_cli(capsys, "position", "list", str(small))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "engage  Engage the Taliban?"
    assert lines[1].split() == ["for", "Sahar", "Ghumkhor"]
    assert lines[2].split() == ["—", "James", "Baker"]  # unrecorded, still listed
    assert "    grounds: none" in lines
    assert "      t2  Pressure Pakistan" in lines
    code, out, _err = run_cli(capsys, "position", "list", str(small), "--json")
    assert code == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == ["engage", "press"]
    assert rows[1]["grounds"] == ["t2"] and rows[0]["stances"] == {"sg": "for"}


def test_list_of_a_map_without_positions_says_how_to_add_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "empty.argmap.json"
    save(ArgumentMap(title="Nothing yet"), path)
    code, out, _err = run_cli(capsys, "position", "list", str(path))
    assert code == 0
    assert "no positions; add one with: argmap position add" in out


def test_remove_and_unknown_remove(capsys: pytest.CaptureFixture[str], small: Path) -> None:
    code, out, _err = run_cli(capsys, "position", "remove", str(small), "Engage the Taliban?")
    assert code == 0
    assert "removed position engage" in out
    assert load(small).positions == []
    code, _out, err = run_cli(capsys, "position", "remove", str(small), "engage")
    assert code == 2
    assert "the map has none; add one with: argmap position add" in err


def test_a_round_trip_on_a_bundled_map_changes_only_the_position(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "debate.argmap.json"
    path.write_bytes(DEBATE.read_bytes())
    code, _out, _err = run_cli(capsys, "position", "add", str(path), "Talk first?", "--id", "talk")
    assert code == 0
    assert run_cli(capsys, "position", "stance", str(path), "talk", "hussain", "for")[0] == 0
    assert run_cli(capsys, "position", "remove", str(path), "talk")[0] == 0
    assert path.read_bytes() == DEBATE.read_bytes()  # stable key order: nothing else moved


def test_unreadable_map_is_exit_1_and_missing_action_is_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.argmap.json"
    broken.write_text("{not json", encoding="utf-8")
    for argv in (
        ["list", str(broken)],
        ["add", str(broken), "Q?"],
        ["stance", str(broken), "p", "a", "for"],
        ["remove", str(broken), "p"],
    ):
        code, _out, err = run_cli(capsys, "position", *argv)
        assert code == 1, argv
        assert str(broken) in err
    assert broken.read_text(encoding="utf-8") == "{not json"
    code, _out, err = run_cli(capsys, "position")
    assert code == 2
    assert "add" in err and "stance" in err


def test_a_failed_save_is_exit_1_and_keeps_the_old_file(
    capsys: pytest.CaptureFixture[str], small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argmap.map.mapfile

    def disk_full(path: object, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    before = small.read_bytes()
    monkeypatch.setattr(argmap.map.mapfile, "atomic_write_bytes", disk_full)
    code, _out, err = run_cli(capsys, "position", "add", str(small), "Q?")
    assert code == 1
    assert "cannot save: No space left on device" in err
    assert small.read_bytes() == before
