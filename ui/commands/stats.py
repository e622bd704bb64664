"""``argmap stats FILE [--json]``: what a map holds, and whether its quotes still match."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "stats",
        help="count claims, links, authors, cross-author links and verified quotes",
        description="Counts of a map. --json prints one JSON object with the keys claims, "
        "claims_by_kind, links, links_by_kind, authors, sources, cross_author_links, "
        "positions, quotes, quotes_verified.",
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from argmap.analysis.stats import stats
    from argmap.map.mapfile import MapFileError, load

    try:
        amap = load(args.file)
    except MapFileError as exc:
        print(exc.summary(), file=sys.stderr)
        return 1
    result = stats(amap)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{args.file}: {amap.title or '(untitled)'}")
    print(f"  claims     {result['claims']:>5}  " + _by(result["claims_by_kind"]))
    print(f"  links      {result['links']:>5}  " + _by(result["links_by_kind"]))
    print(f"    cross-author {result['cross_author_links']}")
    print(f"  authors    {result['authors']:>5}")
    print(f"  sources    {result['sources']:>5}")
    print(f"  positions  {result['positions']:>5}")
    print(f"  quotes     {result['quotes']:>5}  verified {result['quotes_verified']}")
    return 0


def _by(counts: dict[str, int]) -> str:
    return ", ".join(f"{kind} {n}" for kind, n in counts.items())
