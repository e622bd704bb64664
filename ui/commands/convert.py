"""``argmap convert IN OUT``: any supported format to any other, chosen by extension."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "convert",
        help="convert between map formats (argmap, Argdown, AIF, GraphML, DOT, Markdown, images)",
        description="Read IN and write OUT, each in the format its extension names: "
        ".argmap.json .argdown .aif.json .graphml (read and write), .json (read), "
        ".dot .md .svg .png .pdf (write). Warnings about what did not carry over go to "
        "stderr. Exit 0 on success, 1 if IN is invalid or OUT cannot be written, 2 for an "
        "unsupported extension.",
    )
    parser.add_argument("input", metavar="IN")
    parser.add_argument("output", metavar="OUT")
    parser.add_argument("--scale", type=float, default=1.0, help="PNG: pixels per scene unit")
    parser.add_argument(
        "--handout", action="store_true", help="PDF: add pages with each claim's quote"
    )
    parser.add_argument(
        "--title", default=None, help="images: title above the map (default: the map's)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    parser.add_argument(
        "--force",
        action="store_true",
        help="overwrite OUT even when it is a map or an Argdown/AIF/GraphML document",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ui.commands.export import convert

    return convert(
        args.input,
        args.output,
        scale=args.scale,
        handout=args.handout,
        title=args.title,
        quiet=args.quiet,
        force=args.force,
    )
