"""``argmap eval`` reports the held-out targets and the cross-article suggestion figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ui.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_eval_on_the_bundled_maps_names_targets_and_cross_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    maps = str(REPO / "maps")
    seeds = str(REPO / "tests" / "fixtures" / "seeds")
    args = ["eval", "--data", str(tmp_path / "absent"), "--maps", maps, "--seeds", seeds]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "== targets on held-out text" in out
    targets = out.split("== targets on held-out text", 1)[1]
    assert "seed_maps " in targets and "thesis top-1" in targets and "(target 0.50:" in targets
    assert "seed_maps_by_article " in targets  # leave-one-article-out has its line too
    assert main([*args, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    folds = report["seed_maps_by_article"]["heldout"]["folds"]
    assert sorted(folds) == ["gzero", "hussain", "kabul", "leverage", "perennial"]
    assert sum(f["texts"] for f in folds.values()) == len(report["seed_maps"]["split"])
    # every seed text is scored once in the cross-validation: as many thesis tests as the
    # two per-text parts together
    per_text = report["seed_maps"]["tune"]["texts"] + report["seed_maps"]["heldout"]["texts"]
    assert report["seed_maps_by_article"]["heldout"]["texts"] == per_text
    cross = report["cross_links"]
    assert cross["map"] == "afghanistan-debate.argmap.json"
    assert cross["curated_cross_links"] == 33  # the comparison map's cross-author links
    assert 0 <= cross["recovered"] <= cross["suggested"]
    assert cross["polarity_right"] <= cross["recovered"]
