"""``argmap validate FILE...``: every problem of every map, one line each."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "validate",
        help="check map files; one line per problem",
        description="Check map files against the format and every invariant. "
        "Prints 'file: path: message' per problem; exit 0 when all are valid, 1 otherwise.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="*.argmap.json files")
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    parser.add_argument(
        "--max-problems",
        type=int,
        default=100,
        metavar="N",
        help="show at most N problems per file (default 100)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from argmap.map.mapfile import MapFileError, load

    failed = 0
    for name in args.files:
        try:
            amap = load(name)
        except MapFileError as exc:
            failed += 1
            print(exc.summary(limit=args.max_problems), file=sys.stdout)
            continue
        if not args.quiet:
            print(f"{name}: valid ({len(amap.claims)} claims, {len(amap.links)} links)")
    return 1 if failed else 0
