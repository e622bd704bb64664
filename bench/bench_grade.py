"""Grading a class: ``argmap grade`` of 30 student maps against a key (issue 14).

The key is the largest bundled map (five op-eds, 71 claims, 9 articles); each student
map is a copy with random claims left out, kinds changed, quotes widened and links
flipped, so every match is a real overlap search. Measured as a whole process with the
gradebook CSV and the feedback pages written (what a teacher runs), and in process (the
grading alone). Target: the whole process under 2 s.

Run with ``make bench`` or ``python -m bench grade``.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from argmap.exercise.feedback import csv_text, feedback_page
from argmap.exercise.grade import Grade, grade_files
from argmap.map.mapfile import load, save
from argmap.map.model import ArgumentMap, Quote

KEY = Path(__file__).resolve().parent.parent / "maps" / "afghanistan-debate.argmap.json"
STUDENTS = 30
TARGET_S = 2.0
REPEAT = 5


def student_map(key: ArgumentMap, seed: int) -> ArgumentMap:
    """A plausible student's map: most claims, some kinds wrong, some quotes wider."""
    rng = random.Random(seed)
    texts = {s.id: s.text for s in key.sources}
    claims = []
    for c in key.claims:
        if rng.random() < 0.3:
            continue
        update: dict[str, object] = {}
        if rng.random() < 0.2:
            update["kind"] = rng.choice(["premise", "evidence", "objection"])
        if c.quote is not None and c.source is not None and rng.random() < 0.3:
            text = texts[c.source]
            end = min(len(text), c.quote.end + 20)
            if text[c.quote.start : end].strip():
                update["quote"] = Quote(
                    start=c.quote.start, end=end, text=text[c.quote.start : end]
                )
        claims.append(c.model_copy(update=update))
    kept = {c.id for c in claims}
    links = []
    for link in key.links:
        if link.from_claim in kept and link.to_claim in kept:
            flip = rng.random() < 0.15
            ends = (link.to_claim, link.from_claim) if flip else (link.from_claim, link.to_claim)
            links.append(link.model_copy(update={"from_claim": ends[0], "to_claim": ends[1]}))
    positions = [
        p.model_copy(update={"grounds": [g for g in p.grounds if g in kept], "sides": {}})
        for p in key.positions
    ]
    return key.model_copy(update={"claims": claims, "links": links, "positions": positions})


def main() -> None:
    key = load(KEY)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "class"
        folder.mkdir()
        for i in range(STUDENTS):
            save(student_map(key, i), folder / f"student{i:02}.argmap.json")
        paths = sorted(str(p) for p in folder.iterdir())

        inside = []
        for _ in range(REPEAT):
            start = time.perf_counter()
            results = grade_files(key, paths)
            grades = [r for r in results if isinstance(r, Grade)]
            csv_text(grades)
            for g in grades:
                feedback_page(g)
            inside.append(time.perf_counter() - start)

        whole = []
        for _ in range(REPEAT):
            start = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "ui.cli",
                    "grade",
                    str(KEY),
                    str(folder),
                    "-q",
                    "--csv",
                    str(Path(tmp) / "g.csv"),
                    "--report",
                    str(Path(tmp) / "report"),
                ],
                check=True,
            )
            whole.append(time.perf_counter() - start)
    print(
        f"{'students':>8} | {'grading + pages s':>17} | {'argmap grade (process) s':>24} | target"
    )
    print(f"{STUDENTS:>8} | {min(inside):>17.3f} | {min(whole):>24.3f} | < {TARGET_S:.1f} s")


if __name__ == "__main__":
    main()
