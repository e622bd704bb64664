"""``argmap export MAP -o OUT``: diagrams and outlines of a map, format from OUT's extension.

PNG and PDF are drawn by the app's own scene, offscreen when there is no display, so they
look exactly like the screen; Qt is imported only for them. SVG is written without Qt by
:mod:`argmap.formats.svg`, the same picture from the same geometry and font advances (tests
compare the two), so an SVG needs no Qt, no display and none of Qt's start-up time. Text
exports start as fast as ``argmap validate``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "export",
        help="export a map as SVG, PNG, PDF, Markdown, DOT, GraphML, Argdown or AIF",
        description="Write MAP to OUT in the format named by OUT's extension: .svg .png .pdf "
        ".md .dot .graphml .argdown .aif.json .argmap.json. Exit 0 on success, 1 if MAP is "
        "invalid or OUT cannot be written, 2 for an unsupported extension or bad option.",
    )
    parser.add_argument("map", metavar="MAP", help="a map (any readable format)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT")
    add_output_options(parser)
    parser.set_defaults(func=run)


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """The options ``export`` and ``convert`` share, with :func:`run_output`."""
    parser.add_argument(
        "--scale", type=float, default=1.0, help="PNG: pixels per scene unit (default 1)"
    )
    parser.add_argument(
        "--handout",
        action="store_true",
        help="PDF only: the map on an A4 page, then pages with each claim's quote",
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


def run_output(source: str, args: argparse.Namespace) -> int:
    return convert(
        source,
        args.output,
        scale=args.scale,
        handout=args.handout,
        title=args.title,
        quiet=args.quiet,
        force=args.force,
    )


def run(args: argparse.Namespace) -> int:
    return run_output(args.map, args)


def convert(
    source: str,
    target: str,
    *,
    scale: float = 1.0,
    handout: bool = False,
    title: str | None = None,
    quiet: bool = False,
    force: bool = False,
) -> int:
    """Read ``source`` and write ``target``; the exit code of both commands.

    An existing ``target`` that is itself a document (a map, Argdown, AIF, GraphML: formats
    argmap also reads, so possibly someone's work) is only overwritten with ``force``;
    derived outputs (images, DOT, Markdown) are simply written again.
    """
    from argmap.formats.registry import convert_file, format_for, read_map

    if not (0.05 <= scale <= 20):
        print(f"argmap: --scale must be between 0.05 and 20 (got {scale})", file=sys.stderr)
        return 2
    if Path(target).is_dir():
        print(f"argmap: {target}: is a folder, not a file", file=sys.stderr)
        return 1
    try:
        format_for(source, "read")
        fmt = format_for(target, "write")
    except Exception as exc:
        return _report(exc, 2)
    if handout and fmt.name != "pdf":
        print(
            f"argmap: --handout only applies to PDF; {target} is {fmt.description} "
            "(write a .pdf, or leave out --handout)",
            file=sys.stderr,
        )
        return 2
    if not quiet:
        for note in _unused_options(fmt.name, fmt.image, scale=scale, title=title):
            print(f"argmap: note: {note}", file=sys.stderr)
    problem = unwritable(target)
    if problem:
        print(f"argmap: {target}: {problem}", file=sys.stderr)
        return 1
    if Path(target).exists() and not force:
        if Path(target).resolve() == Path(source).resolve():
            print(f"argmap: {target}: is the input too; write to another file", file=sys.stderr)
            return 1
        if fmt.reader is not None:
            print(
                f"argmap: {target}: already exists ({fmt.description}); "
                "use --force to overwrite it",
                file=sys.stderr,
            )
            return 1
    try:
        if fmt.image:
            from argmap.util.gcpause import collector_paused

            with collector_paused():
                result = read_map(source)
                warnings = result.warnings
                if not result.map.claims and not quiet:
                    print(
                        f"argmap: note: {source} has no claims; the image shows only its title",
                        file=sys.stderr,
                    )
                if fmt.name == "svg":
                    from argmap.formats.registry import write_atomic
                    from argmap.formats.svg import map_svg

                    write_atomic(target, map_svg(result.map, title))
                else:
                    _ensure_display_or_offscreen()
                    from ui.qt.render.images import export_image

                    export_image(result.map, target, scale=scale, handout=handout, title=title)
        else:
            warnings = convert_file(source, target)
    except Exception as exc:
        return _report(exc, 1)
    if not quiet:
        for warning in warnings:
            print(f"{source}: warning: {warning}", file=sys.stderr)
    return 0


def _unused_options(name: str, image: bool, *, scale: float, title: str | None) -> list[str]:
    """Options given that the chosen format does not use, so they are not silently lost."""
    notes = []
    if scale != 1.0 and name != "png":
        notes.append(f"--scale applies to PNG only; ignored for {name.upper()}")
    if title is not None and not image:
        notes.append(f"--title applies to images only; ignored for {name}")
    return notes


def unwritable(target: str) -> str | None:
    """Why ``target`` cannot be written, checked before any work, or None when it can.

    The folder is probed by creating (and removing) a temporary file in it, which is what
    the atomic write will do, so the reason is the operating system's own (permission
    denied, read-only file system ...), and a long export never fails at its very end.
    """
    path = Path(target)
    if path.is_dir():
        return "is a folder, not a file"
    folder = path.parent
    if not folder.exists():
        return f"cannot write: no such folder {str(folder)!r}"
    if not folder.is_dir():
        return f"cannot write: {str(folder)!r} is not a folder"
    try:
        handle, probe = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".probe", dir=folder)
    except OSError as exc:
        return f"cannot write: {exc.strerror or exc}"
    os.close(handle)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return None


def _report(exc: Exception, code: int) -> int:
    """Print a file problem as ``file: where: message`` lines; anything else propagates.

    ``argmap.map.mapfile`` (and with it pydantic) is imported only here, after a failure, so a
    plain Argdown conversion never pays for it.
    """
    from argmap.map.mapfile import MapFileError

    if not isinstance(exc, MapFileError):
        raise exc
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    return code


def _ensure_display_or_offscreen() -> None:
    """Draw offscreen on a machine without a display (servers, CI), before Qt starts."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
