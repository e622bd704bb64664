"""``argmap compare`` leaves unreviewed proposals out unless asked to count them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import MAPS
from ui.cli import main


def test_compare_after_an_import_counts_only_what_was_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "debate.argmap.json"
    shutil.copy(MAPS / "afghanistan-debate.argmap.json", target)
    assert main(["compare", str(target), "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    article = tmp_path / "op-ed.txt"
    article.write_text(
        "Talk to the Taliban\n\nBy Jane Doe\n\n"
        "Washington should engage the Taliban and be open to peace talks. Refusing talks "
        "risks losing any US leverage to broker a settlement.\n\n"
        "Critics claim that talks reward violence. But isolation has failed for twenty "
        "years, and the Taliban are weaker at counterterrorism than at insurgency.\n",
        encoding="utf-8",
    )
    assert main(["import", str(article), "--into", str(target)]) == 0
    capsys.readouterr()
    assert main(["compare", str(target), "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert after["unreviewed_left_out"] > 0
    # nothing unreviewed counts: the same authors, agreement and stance cells as before
    assert after["authors"] == before["authors"]
    assert after["agreement"] == before["agreement"]
    assert after["positions"] == before["positions"]
    assert main(["compare", str(target)]) == 0
    assert "unreviewed proposals" in capsys.readouterr().out
    assert main(["compare", str(target), "--json", "--include-proposals"]) == 0
    counted = json.loads(capsys.readouterr().out)
    assert counted["unreviewed_left_out"] == 0
    assert [a["name"] for a in counted["authors"]][-1] == "Jane Doe"
    assert counted["author_edges"] != before["author_edges"]  # the guessed links count now


def test_flags_name_the_links_behind_them_and_cut_lists_say_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from argmap.analysis.positions import positions_matrix
    from argmap.map.mapfile import load

    debate = MAPS / "afghanistan-debate.argmap.json"
    assert main(["compare", str(debate), "--top", "2"]) == 0
    out = capsys.readouterr().out
    amap = load(debate)
    flagged = positions_matrix(amap).disagreements()
    backing = [x for c in flagged for x in (*c.evidence.backs_for, *c.evidence.backs_against)]
    assert backing and out.count("      backs ") == len(backing)
    link = next(x for x in amap.links if x.id == backing[0])
    assert f"{link.from_claim} {link.kind}s {link.to_claim}" in out
    assert "… and " in out and "(--top N shows more)" in out
    assert main(["compare", str(debate), "--authors", "kabul", "Hussain"]) == 0
    assert "      note: " in capsys.readouterr().out  # the curator's note on a shared link
