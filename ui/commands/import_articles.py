"""``argmap import ARTICLE... (-o MAP | --into MAP)``: op-eds in, a map of proposals out.

Plain text (``.txt``), saved web pages (``.html``), PDFs and Word files (``.docx``, read
as printed: running heads, columns and hyphens mended) are cleaned of web noise, split
into articles, and every unit gets a proposed kind with a confidence and a reason (all
``origin: extracted``, unreviewed). ``-o`` writes a new map (never over an existing file
without ``--force``); ``--into`` adds to an existing map and keeps everything in it. Both
save atomically. A file that cannot be imported is reported and skipped (the others are
still imported and saved); the exit code is 1 when any file could not be imported, when
none could, or when the map could not be written, so a script notices a partial import.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "import",
        help="import op-eds (.txt, .html, .pdf, .docx) and propose thesis, premises and recommendations",
        description="Import articles into a map. Web noise is removed, concatenated articles "
        "and roundup items become separate sources (off-topic items are kept without "
        "proposals), and each sentence or clause is proposed as thesis, recommendation, "
        "premise, evidence or objection with a confidence and a reason, plus support/attack "
        "links within and across articles. Proposals are unreviewed until accepted in the app.",
    )
    parser.add_argument(
        "articles", nargs="+", metavar="ARTICLE", help=".txt, .html, .pdf or .docx files"
    )
    parser.epilog = (
        "Exit 0 when every file was imported; 1 when any could not be (the rest are still "
        "imported and saved), none could, or the map could not be written."
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", metavar="MAP", help="write a new map file")
    target.add_argument("--into", metavar="MAP", help="add to an existing map file")
    parser.add_argument("--force", action="store_true", help="overwrite an existing -o file")
    parser.add_argument(
        "--title", default="", help="title of a new map (default: from the articles' titles)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list removed noise lines")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from argmap.edit.document import EditError, MapDocument
    from argmap.edit.edits import SetMeta
    from argmap.extract.build import build_import, place
    from argmap.map.mapfile import MapFileError, load, save
    from argmap.map.model import ArgumentMap

    if args.output:
        out = Path(args.output)
        if out.exists() and not args.force:
            print(
                f"{out}: already exists (use --force to overwrite, or --into to add)",
                file=sys.stderr,
            )
            return 1
        if out.is_dir():
            print(f"{out}: is a folder", file=sys.stderr)
            return 1
        amap = ArgumentMap(title=args.title)
        target = out
    else:
        target = Path(args.into)
        try:
            amap = load(target)
        except MapFileError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(f"{target}: not changed", file=sys.stderr)
            return 1

    result = build_import(args.articles, amap)
    place(result, amap)
    doc = MapDocument(amap)
    try:
        result.edit().apply(doc)
    except EditError as exc:  # a bug if it happens: ids are fresh and quotes exact
        print(f"argmap import: could not add the proposals: {exc}", file=sys.stderr)
        return 1
    if result.sources:
        if args.output and not doc.map.title:
            SetMeta(_default_title(result.sources), doc.map.description).apply(doc)
        try:
            save(doc.map, target)
        except MapFileError as exc:
            print(exc.summary(), file=sys.stderr)
            return 1
    _summary(result, target, args)
    failed = [report.path for report in result.files if report.error]
    if failed and result.sources and not args.json:
        print(
            f"argmap import: {len(failed)} of {len(result.files)} files not imported: "
            + ", ".join(failed),
            file=sys.stderr,
        )
    return 0 if result.sources and not failed else 1


def _default_title(sources: Any) -> str:
    """A new map's title when none is given: the article's, or the first two and a count."""
    titles = [s.title for s in sources if s.title]
    if not titles:
        return f"{len(sources)} imported article{'s' if len(sources) != 1 else ''}"
    if len(sources) == 1:
        return str(titles[0])
    shown = "; ".join(titles[:2])
    rest = len(sources) - min(2, len(titles))
    return f"Imported: {shown}" + (f" and {rest} more" if rest else "")


def _described(result: Any) -> dict[str, dict[str, Any]]:
    """What the import read of each source's shape (title, authors, outlet, date), by id:
    the first thing to check when an article's byline was not understood."""
    names = {a.id: a.name for a in result.authors}
    return {
        s.id: {
            "title": s.title,
            "authors": [names.get(a, a) for a in s.authors],
            "outlet": s.outlet,
            "date": s.date,
        }
        for s in result.sources
    }


def _line(info: dict[str, Any]) -> str:
    """“Title” by Authors (outlet · date); a stand-in author is shown as not named."""
    title = f"“{info['title']}”" if info["title"] else "untitled"
    named = [a for a in info["authors"] if not a.endswith("not named)")]
    who = f" by {', '.join(named)}" if named else ", author not named"
    extra = " · ".join(x for x in (info["outlet"], info["date"]) if x)
    return f"{title}{who}" + (f" ({extra})" if extra else "")


def _summary(result: Any, target: Any, args: argparse.Namespace) -> None:
    files = []
    described = _described(result)
    for report in result.files:
        entry = {
            "file": report.path,
            "articles": report.articles,
            "off_topic": report.off_topic,
            "noise_lines_removed": len(report.removed),
            "warnings": report.warnings,
            "error": report.error,
            "sources": [described[i] for i in report.sources if i in described],
        }
        files.append(entry)
        if report.error:
            print(f"{report.path}: {report.error}", file=sys.stderr)
        for warning in report.warnings:
            print(f"{report.path}: warning: {warning}", file=sys.stderr)
    kinds = result.claims_by_kind()
    cross = sum(1 for x in result.links if x.id.startswith("x."))
    if args.json:
        print(
            json.dumps(
                {
                    "map": str(target) if result.sources else None,
                    "sources": len(result.sources),
                    "authors": len(result.authors),
                    "proposals": len(result.claims),
                    "proposals_by_kind": kinds,
                    "links": len(result.links),
                    "cross_article_links": cross,
                    "files": files,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    if not result.sources:
        print("argmap import: nothing imported", file=sys.stderr)
        return
    for report in result.files:
        if report.error:
            continue
        extra = f", {report.off_topic} off-topic (no proposals)" if report.off_topic else ""
        print(
            f"{report.path}: {report.articles} article(s){extra}, "
            f"{len(report.removed)} noise line(s) removed"
        )
        if len(report.sources) == 1 or args.verbose:
            for source_id in report.sources:
                print(f"    {_line(described[source_id])}")
        if args.verbose:
            for removed in report.removed:
                print(f"    - line {removed.number}: {removed.reason}: {removed.text[:70]}")
    order = ("thesis", "alternative thesis", "recommendation", "premise", "evidence", "objection")
    by_kind = ", ".join(f"{k} {kinds[k]}" for k in order if k in kinds) or "none"
    print(f"{target}: {len(result.sources)} source(s), {len(result.authors)} new author(s)")
    print(f"  proposals {len(result.claims):>4}  {by_kind}")
    print(f"  links     {len(result.links):>4}  ({cross} across articles)")
    print("  all proposals are unreviewed: accept or reject them in the app (Import review)")
