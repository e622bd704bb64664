"""export/convert never overwrite someone's document without --force; derived files they do."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.map.mapfile import save
from tests.core.helpers import small_map
from ui.cli import main

ARGDOWN = "[Talks]: Washington should talk to the Taliban.\n  <+ [Peace]: Talks end wars.\n"


def test_an_existing_map_is_kept_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "new.argdown"
    source.write_text(ARGDOWN, encoding="utf-8")
    target = tmp_path / "work.argmap.json"
    save(small_map(), target)
    before = target.read_bytes()

    assert main(["convert", str(source), str(target)]) == 1
    assert "already exists (argmap map); use --force to overwrite it" in capsys.readouterr().err
    assert target.read_bytes() == before

    assert main(["convert", str(source), str(target), "--force", "-q"]) == 0
    assert target.read_bytes() != before


def test_derived_outputs_are_written_again(tmp_path: Path) -> None:
    source = tmp_path / "m.argmap.json"
    save(small_map(), source)
    outline = tmp_path / "m.md"
    assert main(["export", str(source), "-o", str(outline), "-q"]) == 0
    outline.write_text("stale", encoding="utf-8")
    assert main(["export", str(source), "-o", str(outline), "-q"]) == 0
    assert outline.read_text(encoding="utf-8") != "stale"


@pytest.mark.parametrize("name", ["deep.json", "deep.aif.json"])
def test_deeply_nested_json_is_a_message_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    source = tmp_path / name
    source.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert main(["convert", str(source), str(tmp_path / "out.dot")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{source}: ") and "internal error" not in err
