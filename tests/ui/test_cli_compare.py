"""``argmap compare``: tables for people, JSON for scripts, exit codes, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.analysis.compare import agreement_matrix, author_diff, contested_claims
from argmap.analysis.positions import positions_matrix
from argmap.analysis.semantics import grounded_map
from argmap.map.mapfile import load, save
from argmap.map.model import ArgumentMap
from tests.conftest import MAPS
from tests.ui.helpers import debate_map, run_cli, save_map
from ui.cli import main

DEBATE = MAPS / "afghanistan-debate.argmap.json"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return save_map(debate_map(rebuttal=True), tmp_path)


def test_text_output_on_a_small_map(capsys: pytest.CaptureFixture[str], small: Path) -> None:
    code, out, err = run_cli(capsys, "compare", str(small))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[1] == "3 authors, 5 claims, 5 links (4 across authors), 2 positions"
    header = next(x for x in lines if "Ghumkhor" in x and "Baker" in x and "Lee" in x)
    row = next(x for x in lines if x.strip().startswith("Engage the Taliban?"))
    # Kim Lee has no recorded stance but supports the ground: '-!' under Lee.
    assert row.split()[-3:] == ["for", "against", "-!"]
    assert header.index("Lee") == row.index("-!")
    # Sahar Ghumkhor recorded silent on Pressure Pakistan but supports its ground.
    pressure = next(x for x in lines if x.strip().startswith("Pressure Pakistan?"))
    assert pressure.split()[-3:] == ["silent!", "for", "mixed"]
    assert any(x.strip().startswith("! Ghumkhor on 'Pressure Pakistan?'") for x in lines)
    # Agreement: Ghumkhor-Baker: one support (l3), two attacks (l2, l4) -> net -1.
    baker_row = next(x for x in lines if x.strip().startswith("Baker"))
    assert "+1/-2 (-1)" in baker_row
    assert "1 author, 1 attack  t1" in out
    assert "What stands (grounded semantics over attack links): 3 in, 0 out, 2 undecided" in out
    assert '  UND  t1 "Engage the Taliban" (Ghumkhor)' in out  # t1 and o2 attack each other
    assert "Diff:" not in out


def test_diff_by_names(capsys: pytest.CaptureFixture[str], small: Path) -> None:
    code, out, _ = run_cli(capsys, "compare", str(small), "--authors", "Ghumkhor", "james baker")
    assert code == 0
    diff = out[out.index("Diff: Ghumkhor vs Baker") :]
    assert "links that agree (1)" in diff
    assert "links that disagree (2)" in diff
    assert "opposite stances (1)\n    Engage the Taliban?: Ghumkhor for, Baker against" in diff
    assert "only Baker (1)\n    Pressure Pakistan?: Ghumkhor silent, Baker for" in diff


def test_json_matches_the_library(capsys: pytest.CaptureFixture[str], small: Path) -> None:
    code, out, _ = run_cli(capsys, "compare", str(small), "--json", "--authors", "sg", "kl")
    assert code == 0
    data = json.loads(out)
    amap = load(small)
    matrix = positions_matrix(amap)
    for pos in data["positions"]:
        for aid, cell in pos["stances"].items():
            lib = matrix.cell(pos["id"], aid)
            assert (cell["stated"], cell["suggested"], cell["disagrees"]) == (
                lib.stated,
                lib.suggested,
                lib.disagrees,
            )
    agree = agreement_matrix(amap)
    assert len(data["agreement"]) == 3
    for row in data["agreement"]:
        assert (row["supports"], row["attacks"]) == (
            agree[(row["a"], row["b"])].supports,
            agree[(row["a"], row["b"])].attacks,
        )
    assert data["grounded"]["labels"] == grounded_map(amap)
    assert data["diff"]["a"] == "sg" and data["diff"]["b"] == "kl"
    assert data["diff"]["supports"] == ["l5"]
    assert data["diff"]["differ"] == [] and data["diff"]["only_a"] == [
        {"position": "engage", "sg": "for", "kl": None}
    ]


def test_unknown_author_lists_the_known_ones(
    capsys: pytest.CaptureFixture[str], small: Path
) -> None:
    code, out, err = run_cli(capsys, "compare", str(small), "--authors", "sg", "Rumsfeld")
    assert code == 2
    assert out == ""
    assert "no author 'Rumsfeld'" in err
    assert "sg (Sahar Ghumkhor), jb (James Baker), kl (Kim Lee)" in err


def test_same_author_twice_is_a_usage_mistake(
    capsys: pytest.CaptureFixture[str], small: Path
) -> None:
    code, _, err = run_cli(capsys, "compare", str(small), "--authors", "sg", "Ghumkhor")
    assert code == 2 and "two different authors" in err


def test_one_author_only_is_a_usage_mistake(
    capsys: pytest.CaptureFixture[str], small: Path
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["compare", str(small), "--authors", "sg"])
    assert exc.value.code == 2


def test_unreadable_map_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run_cli(capsys, "compare", str(tmp_path / "missing.argmap.json"))
    assert code == 1 and "no such file" in err
    broken = tmp_path / "broken.argmap.json"
    broken.write_text('{"claims": [', encoding="utf-8")
    code, _, err = run_cli(capsys, "compare", str(broken))
    assert code == 1 and str(broken) in err


def test_empty_map(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "empty.argmap.json"
    save(ArgumentMap(), path)
    code, out, _ = run_cli(capsys, "compare", str(path))
    assert code == 0
    assert "(no authors)" in out and "(no attack links)" in out and "(no support paths)" in out


# ------------------------------------------------------------------ the bundled debate
def test_debate_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "compare", str(DEBATE))
    assert code == 0, err
    amap = load(DEBATE)
    matrix = positions_matrix(amap)
    assert out.count("\n  ! ") == len(matrix.disagreements())
    top = contested_claims(amap, limit=1)[0]
    assert f"  {top.claim_id} " in out.split("Most contested claims")[1].splitlines()[1] + " "


def test_debate_diff_json_every_pair(capsys: pytest.CaptureFixture[str]) -> None:
    amap = load(DEBATE)
    a, b = amap.authors[0], amap.authors[1]
    code, out, _ = run_cli(capsys, "compare", str(DEBATE), "--json", "--authors", a.name, b.id)
    assert code == 0
    data = json.loads(out)
    lib = author_diff(amap, a.id, b.id)
    assert data["diff"]["attacks"] == [x.id for x in lib.attacks]
    assert data["diff"]["agreeing"] == [x.id for x in lib.agreeing]
    assert data["diff"]["disagreeing"] == [x.id for x in lib.disagreeing]
    assert sorted(data["diff"]["agreeing"] + data["diff"]["disagreeing"]) == sorted(
        data["diff"]["supports"] + data["diff"]["attacks"]
    )
    assert data["diff"]["supports"] == [x.id for x in lib.supports]
    assert [p["position"] for p in data["diff"]["opposite"]] == [
        p.position_id for p in lib.opposite
    ]
    assert {p["id"] for p in data["positions"]} == {p.id for p in amap.positions}


def test_top_limits_the_ranked_lists(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "compare", str(DEBATE), "--json", "--top", "2")
    assert code == 0
    data = json.loads(out)
    assert len(data["contested"]) == min(2, len(contested_claims(load(DEBATE))))
    assert len(data["load_bearing"]) <= 2
    code, _, err = run_cli(capsys, "compare", str(DEBATE), "--top", "-1")
    assert code == 2 and "--top" in err


def test_a_word_naming_several_authors_asks_which(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import MAPS
    from ui.cli import main

    assert (
        main(
            [
                "compare",
                str(MAPS / "afghanistan-debate.argmap.json"),
                "--authors",
                "op-ed",
                "Hussain",
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "'op-ed' names several authors; say which:" in err
    assert "kabul (" in err and "leverage (" in err and "hussain (" not in err
