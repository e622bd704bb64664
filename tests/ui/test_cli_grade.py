"""``argmap exercise`` (the starter map) and ``argmap grade`` as a teacher meets them:
the gradebook CSV, the feedback pages, and what students hand in (old, foreign, empty,
broken, same-named files)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from argmap.map.mapfile import load, save
from argmap.map.model import Link
from tests.conftest import MAPS
from tests.core.exercise_helpers import claim, key_map, student_from
from tests.ui.helpers import run_cli

KEY = MAPS / "kabul-attacks.argmap.json"
COLUMNS = [
    "student",
    "claim_precision",
    "claim_recall",
    "link_precision",
    "link_recall",
    "thesis_found",
    "kinds_right",
    "stances_right",
]


def test_the_starter_keeps_articles_authors_and_questions_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key_path = MAPS / "afghanistan-debate.argmap.json"
    key = load(key_path)
    out = tmp_path / "starter.argmap.json"
    code, said, _ = run_cli(capsys, "exercise", str(key_path), "-o", str(out))
    assert code == 0 and "7 question(s)" in said
    starter = load(out)
    assert starter.sources == key.sources and starter.authors == key.authors
    assert starter.claims == [] and starter.links == []
    assert [p.label for p in starter.positions] == [p.label for p in key.positions]
    assert all(not p.stances and not p.grounds for p in starter.positions)

    again = tmp_path / "thesis.argmap.json"
    code, _, _ = run_cli(
        capsys, "exercise", str(key_path), "-o", str(again), "--thesis", "--no-questions"
    )
    scaffold = load(again)
    assert code == 0 and scaffold.positions == []
    assert scaffold.claims == [c for c in key.claims if c.kind == "thesis"]


def test_the_starter_never_overwrites_a_map_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "alice.argmap.json"
    out.write_text("a student's work", encoding="utf-8")
    code, _, err = run_cli(capsys, "exercise", str(KEY), "-o", str(out))
    assert code == 1 and "already exists" in err
    assert out.read_text(encoding="utf-8") == "a student's work"
    code, _, err = run_cli(capsys, "exercise", str(tmp_path / "none.json"), "-o", str(out))
    assert code == 1 and err.startswith(str(tmp_path / "none.json")) and "no such file" in err


def test_grade_writes_one_gradebook_row_per_student(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = key_map()
    key_path = tmp_path / "key.argmap.json"
    save(key, key_path)
    perfect = tmp_path / "perfect.argmap.json"
    save(key, perfect)
    half = tmp_path / "half.argmap.json"
    save(student_from(key, claims=key.claims[:2], links=key.links[:1], positions=[]), half)
    table = tmp_path / "grades.csv"
    code, out, err = run_cli(
        capsys, "grade", str(key_path), str(perfect), str(half), "--csv", str(table)
    )
    assert code == 0 and err == ""
    rows = list(csv.reader(table.read_text(encoding="utf-8").splitlines()))
    assert rows[0] == COLUMNS
    assert rows[1] == [str(perfect), "1.00", "1.00", "1.00", "1.00", "yes", "1.00", "1.00"]
    assert rows[2] == [str(half), "1.00", "0.40", "1.00", "0.25", "yes", "1.00", "0.50"]
    assert str(half) in out


def test_what_students_hand_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = key_map()
    key_path = tmp_path / "key.argmap.json"
    save(key, key_path)
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    # two students' files with the same name in different folders
    save(key, a / "sam.argmap.json")
    save(student_from(key, claims=key.claims[:1], links=[]), b / "sam.argmap.json")
    # a map saved by an older version (format 0: links with from/to)
    old = key.model_dump(mode="json", exclude_defaults=True)
    old.pop("schema_version")
    old["links"] = [
        {"id": link.id, "kind": link.kind, "from": link.from_claim, "to": link.to_claim}
        for link in key.links
    ]
    (tmp_path / "old.argmap.json").write_text(json.dumps(old), encoding="utf-8")
    # an empty map, a map of another article, a broken file
    (tmp_path / "empty.argmap.json").write_text('{"schema_version": 1}', encoding="utf-8")
    save(load(MAPS / "ct-leverage.argmap.json"), tmp_path / "other.argmap.json")
    broken = tmp_path / "broken.argmap.json"
    broken.write_text('{"schema_version": 1, "claims": [', encoding="utf-8")

    files = [
        str(a / "sam.argmap.json"),
        str(b / "sam.argmap.json"),
        str(tmp_path / "old.argmap.json"),
        str(tmp_path / "empty.argmap.json"),
        str(tmp_path / "other.argmap.json"),
        str(broken),
    ]
    report = tmp_path / "report"
    table = tmp_path / "grades.csv"
    code, out, err = run_cli(
        capsys, "grade", str(key_path), *files, "--csv", str(table), "--report", str(report)
    )
    assert code == 1  # one file could not be graded
    assert err.splitlines() == [err.strip()] and err.startswith(f"{broken}: ")
    rows = {r["student"]: r for r in csv.DictReader(table.read_text(encoding="utf-8").splitlines())}
    assert list(rows) == files[:-1]
    assert rows[files[0]]["claim_recall"] == "1.00" and rows[files[1]]["claim_recall"] == "0.20"
    assert rows[files[2]]["link_recall"] == "1.00"  # the old map, migrated
    assert rows[files[3]]["claim_precision"] == "" and rows[files[3]]["claim_recall"] == "0.00"
    assert rows[files[4]]["claim_recall"] == "0.00"
    assert "(a different article)" in out
    pages = sorted(p.name for p in report.iterdir())
    assert pages == ["a_sam.md", "b_sam.md", "empty.md", "old.md", "other.md", "summary.md"]
    assert "different article" in (report / "other.md").read_text(encoding="utf-8")
    summary = (report / "summary.md").read_text(encoding="utf-8")
    assert "5 map(s) graded, 1 could not be read" in summary
    assert str(broken) in summary


def test_feedback_quotes_the_article_and_the_summary_names_the_most_missed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = key_map()
    key_path = tmp_path / "key.argmap.json"
    save(key, key_path)
    kinds = {"p": "evidence"}
    for name in ("ann", "ben", "cat"):
        claims = [
            c.model_copy(update={"kind": kinds.get(c.id, c.kind)})
            for c in key.claims
            if c.id != "r"
        ]
        links = [link for link in key.links if "r" not in (link.from_claim, link.to_claim)]
        if name == "ann":
            links.append(Link(id="x", kind="support", from_claim="t", to_claim="e"))
            claims.append(claim("w", "evidence", "The weather in Kabul was mild in March."))
        save(student_from(key, claims=claims, links=links), tmp_path / f"{name}.argmap.json")
    report = tmp_path / "report"
    code, out, _ = run_cli(
        capsys,
        "grade",
        str(key_path),
        *(str(tmp_path / f"{n}.argmap.json") for n in ("ann", "ben", "cat")),
        "--report",
        str(report),
    )
    assert code == 0 and "premise -> evidence" in out
    page = (report / "ann.md").read_text(encoding="utf-8")
    assert "“Yet refusing to talk has not protected anyone so far.”" in page  # missed, quoted
    assert "premise, 3.1" in page  # where: paragraph 3, sentence 1
    assert "you said evidence, the key says premise" in page
    assert "## Your claims not in the key (1)" in page
    assert "- evidence, 3.2: “The weather in Kabul was" in page  # an extra claim, located
    summary = (report / "summary.md").read_text(encoding="utf-8")
    assert "missed by 3 of 3: premise, 3.1" in summary
    assert "premise taken for evidence: 3 time(s)" in summary


def test_a_broken_key_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key_path = tmp_path / "key.argmap.json"
    key_path.write_text("{", encoding="utf-8")
    table = tmp_path / "grades.csv"
    code, _, err = run_cli(capsys, "grade", str(key_path), str(KEY), "--csv", str(table))
    assert code == 1 and len(err.strip().splitlines()) == 1 and err.startswith(str(key_path))
    assert not table.exists()


def test_a_folder_stands_for_the_maps_in_it_and_its_subfolders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = key_map()
    key_path = tmp_path / "key.argmap.json"
    save(key, key_path)
    for group in ("a", "b"):
        (tmp_path / "class" / group).mkdir(parents=True)
        save(key, tmp_path / "class" / group / "sam.argmap.json")
    (tmp_path / "class" / "notes.txt").write_text("not a map", encoding="utf-8")
    table = tmp_path / "grades.csv"
    code, _, err = run_cli(
        capsys, "grade", str(key_path), str(tmp_path / "class"), "-q", "--csv", str(table)
    )
    assert code == 0 and err == ""
    rows = list(csv.DictReader(table.read_text(encoding="utf-8").splitlines()))
    assert [r["student"] for r in rows] == [
        str(tmp_path / "class" / "a" / "sam.argmap.json"),
        str(tmp_path / "class" / "b" / "sam.argmap.json"),
    ]


def test_a_key_claim_without_a_quote_is_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = key_map()
    loose = key.claims[0].model_copy(update={"quote": None, "source": None})
    key = student_from(key, claims=[loose, *key.claims[1:]])
    key_path = tmp_path / "key.argmap.json"
    save(key, key_path)
    code, _, err = run_cli(capsys, "grade", str(key_path), str(key_path), "-q")
    assert code == 0
    assert err.strip() == (
        f"{key_path}: warning: 1 key claim(s) without a quote can never be matched "
        "(every student misses them)"
    )
