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
    from ui.commands.export import add_output_options

    add_output_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ui.commands.export import run_output

    return run_output(args.input, args)
