"""``argmap schema [-o FILE]``: print or write the JSON Schema of the map file."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "schema",
        help="print the JSON Schema of *.argmap.json files",
        description="Print (or write with -o) the JSON Schema generated from argmap's models.",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the schema to FILE")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from argmap.map.schema import schema_text

    text = schema_text()
    if not args.output:
        sys.stdout.write(text)
        return 0
    from argmap.util.fileio import atomic_write_bytes

    try:
        atomic_write_bytes(args.output, text.encode("utf-8"))
    except OSError as exc:
        print(f"{args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.output}")
    return 0
