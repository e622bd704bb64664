"""The command line as a user meets it: exit codes, one line per problem, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.map.mapfile import encode, save
from tests.conftest import REPO
from tests.core.helpers import small_map
from tests.ui.helpers import run_cli


def test_validate_valid_and_invalid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.argmap.json"
    save(small_map(), good)
    bad = tmp_path / "bad.argmap.json"
    data = small_map().model_dump(mode="json")
    data["links"][0]["to_claim"] = "zz"
    data["claims"][0]["author"] = "nobody"
    bad.write_text(json.dumps(data), encoding="utf-8")

    code, out, _ = run_cli(capsys, "validate", str(good))
    assert code == 0 and "valid (5 claims, 4 links)" in out

    code, out, _ = run_cli(capsys, "validate", str(good), str(bad))
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith(str(bad))]
    assert lines == [
        f"{bad}: claims[0].author: unknown author 'nobody'",
        f"{bad}: links[0].to_claim: unknown claim 'zz' (dangling link)",
    ]


def test_validate_caps_a_flood_of_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = small_map().model_dump(mode="json")
    data["links"] = [
        {"id": f"l{i}", "kind": "support", "from_claim": "x", "to_claim": "t"} for i in range(500)
    ]
    bad = tmp_path / "bad.argmap.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run_cli(capsys, "validate", "--max-problems", "10", str(bad))
    assert code == 1
    assert len(out.splitlines()) == 11
    assert out.splitlines()[-1] == "... and 989 more problem(s)"  # 500 dangling, 499 duplicates


def test_usage_mistakes_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "validate")[0] == 2
    assert run_cli(capsys, "frobnicate")[0] == 2
    assert run_cli(capsys)[0] == 2
    code, out, _ = run_cli(capsys, "--version")
    assert code == 0 and out.startswith("argmap ")


def test_stats_json_has_exactly_the_documented_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "m.argmap.json"
    save(small_map(), path)
    code, out, _ = run_cli(capsys, "stats", "--json", str(path))
    assert code == 0
    result = json.loads(out)
    assert result == {
        "claims": 5,
        "claims_by_kind": {
            "thesis": 1,
            "premise": 2,
            "recommendation": 1,
            "evidence": 0,
            "objection": 1,
        },
        "links": 4,
        "links_by_kind": {"support": 1, "attack": 3},
        "authors": 2,
        "sources": 1,
        "cross_author_links": 1,
        "positions": 1,
        "quotes": 2,
        "quotes_verified": 2,
    }
    code, out, _ = run_cli(capsys, "stats", str(path))
    assert code == 0 and "cross-author 1" in out and "verified 2" in out


def test_stats_of_a_broken_file_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "m.argmap.json"
    path.write_bytes(encode(small_map())[:100])
    code, _, err = run_cli(capsys, "stats", str(path))
    assert code == 1 and err.startswith(f"{path}: line ") and "Traceback" not in err


def test_schema_command_writes_the_committed_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "schema.json"
    assert run_cli(capsys, "schema", "-o", str(out_file))[0] == 0
    assert out_file.read_text(encoding="utf-8") == (
        REPO / "resources" / "argmap.schema.json"
    ).read_text(encoding="utf-8")


def test_console_script_runs_as_a_process(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.json"
    path.write_bytes(b"\x00\x01garbage")
    result = subprocess.run(
        [sys.executable, "-m", "ui.cli", "validate", str(path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 1
    assert "binary data" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
