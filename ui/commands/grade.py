"""``argmap grade KEY STUDENT...``: compare each student's map with the teacher's key.

Prints a line per student and the class summary; ``--csv`` writes the gradebook (one row
per student), ``--report`` a Markdown feedback page per student and ``summary.md``. A file
that cannot be graded is one line on stderr; the others are still graded, and the exit code
is then 1. A folder given as STUDENT stands for the maps in it and its subfolders.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "grade",
        help="compare students' maps with a key: gradebook CSV and feedback pages",
        description="Match each student's claims with the key's by quote overlap in the same "
        "article (at least half the shorter quote and 30%% of the longer), links by their "
        "matched ends and kind. Prints precision and recall of claims and links, whether the "
        "thesis was found, kinds and stances right, and a class summary. --csv FILE writes "
        "the columns student, claim_precision, claim_recall, link_precision, link_recall, "
        "thesis_found, kinds_right, stances_right (an empty cell: nothing to count).",
    )
    parser.add_argument("key", metavar="KEY", help="the teacher's key (*.argmap.json)")
    parser.add_argument(
        "students", nargs="+", metavar="STUDENT", help="students' maps, or folders of them"
    )
    parser.add_argument("--csv", metavar="FILE", help="write the gradebook CSV here")
    parser.add_argument(
        "--report", metavar="DIR", help="write a feedback page per student and summary.md here"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    parser.set_defaults(func=run)


def _expand(names: list[str]) -> list[str]:
    """Files as given; a folder stands for the ``*.argmap.json`` files in it and its
    subfolders (one folder per class or group), sorted by path."""
    out: list[str] = []
    for name in names:
        if os.path.isdir(name):
            found = sorted(
                os.path.join(folder, f)
                for folder, _dirs, files in os.walk(name)
                for f in files
                if f.endswith(".argmap.json")
            )
            out.extend(found or [name])
        else:
            out.append(name)
    return out


def run(args: argparse.Namespace) -> int:
    from argmap.exercise.feedback import csv_text
    from argmap.exercise.grade import Failure, grade_files, summarise
    from argmap.map.mapfile import MapFileError, load
    from argmap.util.fileio import atomic_write_bytes

    try:
        key = load(args.key)
    except MapFileError as exc:
        print(exc.summary(), file=sys.stderr)
        return 1
    if args.csv and os.path.isdir(args.csv):
        print(f"{args.csv}: is a folder; give the CSV a file name", file=sys.stderr)
        return 1
    if args.report and os.path.exists(args.report) and not os.path.isdir(args.report):
        print(f"{args.report}: is a file; --report needs a folder", file=sys.stderr)
        return 1
    unquoted = sum(1 for c in key.claims if c.quote is None or c.source is None)
    if unquoted:
        print(
            f"{args.key}: warning: {unquoted} key claim(s) without a quote can never be "
            "matched (every student misses them)",
            file=sys.stderr,
        )
    results = grade_files(key, _expand(args.students))
    for item in results:
        if isinstance(item, Failure):
            print(item.message, file=sys.stderr)
    summary = summarise(key, results)
    if not args.quiet:
        _print(summary)
    try:
        if args.csv:
            atomic_write_bytes(args.csv, csv_text(summary.grades).encode("utf-8"))
        if args.report:
            _write_report(summary, args.report)
    except OSError as exc:
        where = getattr(exc, "filename", None) or args.csv or args.report
        print(f"{where}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 1 if summary.failures else 0


def _write_report(summary: Any, folder: str) -> None:
    from argmap.exercise.feedback import feedback_page, page_names, summary_page
    from argmap.util.fileio import atomic_write_bytes

    os.makedirs(folder, exist_ok=True)
    names = page_names([g.student for g in summary.grades])
    taken = {"summary"}
    pages: list[tuple[str, str]] = []
    for g, name in zip(summary.grades, names, strict=True):
        page = f"{name}-feedback" if name in taken else name
        atomic_write_bytes(os.path.join(folder, f"{page}.md"), feedback_page(g).encode("utf-8"))
        pages.append((g.student, f"{page}.md"))
    text = summary_page(summary, pages)
    atomic_write_bytes(os.path.join(folder, "summary.md"), text.encode("utf-8"))


def _fmt(value: Any) -> str:
    if value is None:
        return "  – "
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"{value:4.0%}"


def _print(summary: Any) -> None:
    print("claims P/R   links P/R   thesis  kinds  stances  student")
    for g in summary.grades:
        note = "  (a different article)" if g.matching.different_article else ""
        print(
            f"{_fmt(g.claim_precision)} {_fmt(g.claim_recall)}   "
            f"{_fmt(g.link_precision)} {_fmt(g.link_recall)}   "
            f"{_fmt(g.thesis_found):>6}  {_fmt(g.kinds_right)}  {_fmt(g.stances_right):>7}  "
            f"{g.student}{note}"
        )
    key = summary.key.claim_index()
    n = len(summary.grades)
    missed = [(cid, k) for cid, k in summary.missed_by() if n and k * 2 >= n and k]
    if missed:
        print(f"\nmissed by most of the {n} student(s):")
        for cid, k in missed[:10]:
            claim = key[cid]
            print(f"  {k:>3}  {claim.kind:<14} {claim.text}")
    confusions = summary.confusions()
    if confusions:
        print("\nkinds confused (key -> student):")
        for (a, b), k in confusions[:10]:
            print(f"  {k:>3}  {a} -> {b}")
