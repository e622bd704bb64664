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
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="a file; with --views, a folder"
    )
    add_output_options(parser)
    parser.add_argument(
        "--views",
        action="store_true",
        help="one file per view of MAP into the folder OUT (SVG; or --format png/pdf)",
    )
    parser.add_argument(
        "--format", default="svg", choices=["svg", "png", "pdf"], help="with --views: file type"
    )
    parser.add_argument(
        "--slides",
        action="store_true",
        help="PDF: 16:9 slides, one per step of the view (--view), or of every view",
    )
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
    parser.add_argument(
        "--view", default=None, metavar="NAME", help="only the view NAME (its name or id)"
    )
    parser.add_argument(
        "--proposals",
        action="store_true",
        help="views and handouts: include unreviewed proposals (left out by default)",
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
        view=args.view,
        proposals=args.proposals,
    )


def run(args: argparse.Namespace) -> int:
    if args.views:
        return export_views(args)
    if args.slides:
        return export_slides(args)
    return run_output(args.map, args)


def export_slides(args: argparse.Namespace) -> int:
    """``--slides``: the steps of a view (or of every view) as 16:9 PDF pages."""
    from argmap.formats.registry import read_map

    if not args.output.lower().endswith(".pdf") or args.handout:
        print("argmap: --slides writes a PDF (OUT ending in .pdf), not a handout", file=sys.stderr)
        return 2
    problem = unwritable(args.output)
    if problem:
        print(f"argmap: {args.output}: {problem}", file=sys.stderr)
        return 1
    _ensure_display_or_offscreen()
    try:
        amap = read_map(args.map).map
        from argmap.analysis.views import ViewError
        from argmap.map.errors import FileProblem, MapFileError
        from ui.qt.render.images import ensure_app
        from ui.qt.render.slides import slide_views, write_slides

        try:
            views = slide_views(amap, args.view)
        except ViewError as exc:
            raise MapFileError([FileProblem("--view", "", str(exc))]) from None
        ensure_app()
        write_slides(amap, views, args.output, proposals=args.proposals)
    except Exception as exc:
        return _report(exc, 1)
    return 0


def export_views(args: argparse.Namespace) -> int:
    """``--views``: one file per view of the map (its own views, or one per question and
    one per author when it has none) into the folder ``args.output``."""
    import re

    from argmap.formats.registry import read_map

    if args.view is not None or args.handout:
        print("argmap: --views writes every view; leave out --view and --handout", file=sys.stderr)
        return 2
    folder = Path(args.output)
    if (folder.exists() and not folder.is_dir()) or not folder.parent.is_dir():
        print(f"argmap: {folder}: with --views, OUT must be a folder", file=sys.stderr)
        return 1
    try:
        amap = read_map(args.map).map
    except Exception as exc:
        return _report(exc, 1)
    folder.mkdir(exist_ok=True)  # a new folder for the files, as an export makes its file
    from argmap.analysis.views import default_views

    views = list(amap.views) or default_views(amap)
    if not amap.views:
        amap = amap.model_copy(update={"views": views})
    for number, view in enumerate(views, 1):
        slug = re.sub(r"[^a-z0-9]+", "-", view.name.casefold()).strip("-")[:48] or view.id
        target = str(folder / f"{number:02d}-{slug}.{args.format}")
        code = _convert_map(amap, target, view.id, args)
        if code:
            return code
        if not args.quiet:
            print(target)
    return 0


def _convert_map(amap: Any, target: str, view: str, args: argparse.Namespace) -> int:
    """One view of an already read map to ``target`` (an image)."""
    _ensure_display_or_offscreen()
    from argmap.formats.registry import write_atomic
    from argmap.formats.svg import map_svg

    try:
        part = _view_of(amap, view, args.proposals)
        if target.endswith(".svg"):
            write_atomic(target, map_svg(part, args.title))
        else:
            from ui.qt.render.images import export_image

            export_image(part, target, scale=args.scale, title=args.title)
    except Exception as exc:
        return _report(exc, 1)
    return 0


def convert(
    source: str,
    target: str,
    *,
    scale: float = 1.0,
    handout: bool = False,
    title: str | None = None,
    quiet: bool = False,
    force: bool = False,
    view: str | None = None,
    proposals: bool = False,
) -> int:
    """Read ``source`` and write ``target``; the exit code of both commands.

    With ``view``, only that view of the map is written, laid out for itself.

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
                if view is not None:
                    result.map = _view_of(result.map, view, proposals)
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

                    export_image(
                        result.map,
                        target,
                        scale=scale,
                        handout=handout,
                        title=title,
                        proposals=proposals,
                    )
        elif view is not None:
            from argmap.formats.registry import write_map

            result = read_map(source)
            write_map(_view_of(result.map, view, proposals), target)
            warnings = result.warnings
        else:
            warnings = convert_file(source, target)
    except Exception as exc:
        return _report(exc, 1)
    if not quiet:
        for warning in warnings:
            print(f"{source}: warning: {warning}", file=sys.stderr)
    return 0


def _view_of(amap: Any, name: str, proposals: bool) -> Any:
    """The view ``name`` of ``amap`` as a map of its own (a ``MapFileError`` when there is
    no such view, so it is reported like any other problem of the file)."""
    from argmap.analysis.views import ViewError, find_view
    from argmap.drawing.views import laid_out_view
    from argmap.map.errors import FileProblem, MapFileError

    try:
        return laid_out_view(amap, find_view(amap, name), proposals=proposals)
    except ViewError as exc:
        raise MapFileError([FileProblem("--view", "", str(exc))]) from None


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
