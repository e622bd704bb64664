"""The ``argmap`` command line: everything that needs no screen.

Exit codes: 0 success, 1 the input is invalid or the work failed, 2 a usage mistake.
A user never sees a traceback: known failures print ``file: where: message`` lines, and an
unexpected one prints a one-line report asking to file a bug.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from argmap import __version__


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and a one-line hint on usage mistakes."""

    def error(self, message: str) -> NoReturn:  # argparse's own name
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _empty_parser() -> tuple[argparse.ArgumentParser, Any]:
    parser = _Parser(
        prog="argmap",
        description="Argument maps of op-eds: validate, inspect, import, export and compare.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    return parser, sub


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command (each module of :mod:`ui.commands` registers one)."""
    import pkgutil

    from ui import commands

    parser, sub = _empty_parser()
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"ui.commands.{info.name}")
        module.register(sub)
    return parser


def _parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """A parser with just the command ``argv`` names, when a module of that name registers
    it (``argmap export ...`` imports ``ui.commands.export`` only); else every command.

    Importing and registering all ten command modules cost every run some 20 ms of
    start-up, a tenth of a small image export. Help, ``--version``, a mistyped command and
    commands named unlike their module (``import``) get the full parser, so their
    messages list every command as before.
    """
    name = argv[0] if argv else ""
    if name.isidentifier() and importlib.util.find_spec(f"ui.commands.{name}") is not None:
        parser, sub = _empty_parser()
        importlib.import_module(f"ui.commands.{name}").register(sub)
        if name in sub.choices:
            return parser
    return build_parser()


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = _parser_for(words)
    args = parser.parse_args(words)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = args.func(args)
        return code
    except KeyboardInterrupt:
        print("argmap: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: never a traceback
        print(f"argmap: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("argmap: please report this with the command you ran", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
