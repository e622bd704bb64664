"""``argmap exercise KEY -o starter.argmap.json``: the map students start from; with
``--worksheet``, a printable PDF of the article with numbered sentences and a frame to draw in.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "exercise",
        help="make a starter map (or a printed worksheet) from a key map",
        description="Write the map students start from: the key's articles, authors and "
        "questions (positions, without stances), none of its claims or links. --thesis "
        "gives the thesis away as scaffolding; --no-questions leaves the questions out. "
        "With --worksheet, write a PDF instead: the article with numbered paragraphs and "
        "sentences (3.2 is paragraph 3, sentence 2) and a frame to draw the map in.",
    )
    parser.add_argument("key", metavar="KEY", help="the teacher's key (*.argmap.json)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    parser.add_argument(
        "--thesis", action="store_true", help="keep the key's thesis claims as scaffolding"
    )
    parser.add_argument(
        "--no-questions",
        dest="questions",
        action="store_false",
        help="leave out the key's positions (questions)",
    )
    parser.add_argument(
        "--worksheet", action="store_true", help="write a printable PDF worksheet instead"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing map OUT")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from argmap.map.mapfile import MapFileError, load

    try:
        key = load(args.key)
    except MapFileError as exc:
        print(exc.summary(), file=sys.stderr)
        return 1
    out = str(args.output)
    if os.path.isdir(out):
        print(f"{out}: is a folder; give a file name", file=sys.stderr)
        return 1
    if out.lower().endswith(".pdf") != bool(args.worksheet):
        # A starter map named sheet.pdf, or a PDF named starter.argmap.json, is a slip.
        wanted = "--worksheet writes a PDF" if args.worksheet else "add --worksheet for a PDF"
        print(f"{out}: {wanted}; name the file .pdf for the worksheet only", file=sys.stderr)
        return 2
    if args.worksheet:
        return _worksheet(key, args, out)
    return _starter(key, args, out)


def _starter(key: Any, args: argparse.Namespace, out: str) -> int:
    from argmap.exercise.starter import starter_map
    from argmap.map.mapfile import MapFileError, save

    if os.path.exists(out) and not args.force:
        print(f"{out}: already exists; use --force to overwrite it", file=sys.stderr)
        return 1
    if os.path.exists(out) and os.path.samefile(out, args.key):
        print(f"{out}: is the key itself; write the starter map elsewhere", file=sys.stderr)
        return 1
    amap = starter_map(key, thesis=args.thesis, questions=args.questions)
    try:
        save(amap, out)
    except MapFileError as exc:
        print(exc.summary(), file=sys.stderr)
        return 1
    kept = f"{len(amap.sources)} article(s), {len(amap.authors)} author(s)"
    kept += f", {len(amap.positions)} question(s)"
    if amap.claims:
        kept += f", {len(amap.claims)} thesis claim(s)"
    print(f"{out}: starter map with {kept}")
    return 0


def _worksheet(key: Any, args: argparse.Namespace, out: str) -> int:
    if os.path.exists(out) and os.path.samefile(out, args.key):
        print(f"{out}: is the key itself; write the worksheet elsewhere", file=sys.stderr)
        return 1
    if not any(s.text.strip() for s in key.sources):
        print(f"{args.key}: the key has no article text to print", file=sys.stderr)
        return 1
    from ui.qt.render.worksheet import write_worksheet

    try:
        pages = write_worksheet(key, out, thesis=args.thesis, questions=args.questions)
    except OSError as exc:
        print(f"{out}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{out}: worksheet, {pages} page(s)")
    return 0
