"""``argmap import`` with some files that cannot be imported, and the new map's title."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.map.mapfile import load
from tests.conftest import FIXTURES
from ui.cli import main

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


def test_a_partial_import_saves_what_it_could_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out.argmap.json"
    code = main(["import", str(SEEDS[2]), str(empty), str(missing), "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 1  # a script must notice that two files were not imported
    assert f"2 of 3 files not imported: {empty}, {missing}" in captured.err
    assert load(out).claims  # the one good file was imported and saved
    assert "1 article(s)" in captured.out


def test_a_new_map_is_titled_from_its_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "two.argmap.json"
    assert main(["import", str(SEEDS[4]), str(SEEDS[1]), "-o", str(out)]) == 0
    capsys.readouterr()
    assert load(out).title == (
        "Imported: The Case for US Engagement with Afghanistan; America’s Perennial "
        "Pakistan Problem"
    )
    out3 = tmp_path / "three.argmap.json"
    assert main(["import", *map(str, SEEDS[1:]), "-o", str(out3), "--title", "Mine"]) == 0
    assert load(out3).title == "Mine"
