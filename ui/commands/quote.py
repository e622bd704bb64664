"""``argmap quote find|check|fix``: anchor quotes by hand and keep them anchored.

Building a map by hand means pointing each claim at the words of its source. Counting
characters is error-prone, so ``find`` computes the offsets from a passage (tolerant of the
curly quotes, dashes and line breaks a copy-paste mangles); ``check`` lists quotes that no
longer match a changed source; ``fix`` re-anchors those whose text is still found once.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "quote",
        help="find a quote's offsets in a source; check and re-anchor drifted quotes",
        description="Tools for the quotes that anchor claims in their source texts.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))
    parser.set_defaults(func=_usage(parser))

    find = actions.add_parser(
        "find",
        help="print the start, end and exact text of a passage in a source",
        description="Locate TEXT in the source SOURCE_ID of MAP. An exact match is tried "
        "first, then one that treats whitespace runs, straight and curly quotes, and dashes "
        "as equal; the printed text is the source's own. Exit 0 when found once, 1 when "
        "absent or ambiguous (every occurrence is listed: quote a longer passage).",
    )
    find.add_argument("map", metavar="MAP")
    find.add_argument("source", metavar="SOURCE_ID")
    find.add_argument("text", metavar="TEXT", help="the passage, as copied")
    find.add_argument("--json", action="store_true", help="print a JSON object")
    find.set_defaults(func=run_find)

    check = actions.add_parser(
        "check",
        help="list quotes that no longer match their source text",
        description="Print 'file: path: message' for every quote whose offsets and text no "
        "longer match its source, and whether 'argmap quote fix' can re-anchor it. "
        "Exit 0 when every quote matches, 1 otherwise.",
    )
    check.add_argument("maps", nargs="+", metavar="MAP")
    check.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    check.set_defaults(func=run_check)

    fix = actions.add_parser(
        "fix",
        help="re-anchor drifted quotes whose text is found exactly once",
        description="Re-anchor every drifted quote of MAP whose text is found once in its "
        "source, and save MAP atomically. Quotes that are gone or ambiguous are reported "
        "and left alone. Exit 0 when nothing is left to fix by hand, 1 otherwise.",
    )
    fix.add_argument("map", metavar="MAP")
    fix.add_argument("-n", "--dry-run", action="store_true", help="report, do not save")
    fix.set_defaults(func=run_fix)


def _usage(parser: argparse.ArgumentParser) -> Any:
    def run(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return 2

    return run


def _load(name: str) -> Any:
    """The map, or ``None`` after printing why it cannot be read (drift is allowed)."""
    from argmap.edit.quotes import load_allowing_drift
    from argmap.map.mapfile import MapFileError

    try:
        return load_allowing_drift(name)
    except MapFileError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return None


def run_find(args: argparse.Namespace) -> int:
    from argmap.edit.quotes import find

    amap = _load(args.map)
    if amap is None:
        return 1
    sources = amap.source_index()
    if args.source not in sources:
        known = ", ".join(sorted(sources)) or "none"
        print(
            f"{args.map}: no source {args.source!r} (sources: {known})",
            file=sys.stderr,
        )
        return 1
    found = find(sources[args.source].text, args.text)
    spans = [{"start": s.start, "end": s.end, "text": s.text} for s in found.spans]
    if args.json:
        print(
            json.dumps(
                {"source": args.source, "match": found.kind, "found": spans},
                ensure_ascii=False,
                indent=2,
            )
        )
    if not found.spans:
        print(f"{args.map}: {args.source}: passage not found", file=sys.stderr)
        return 1
    if len(found.spans) > 1:
        if not args.json:
            for span in found.spans:
                print(f"{span.start} {span.end} {span.text}")
        print(
            f"{args.map}: {args.source}: passage found {len(found.spans)} times; "
            "quote a longer passage",
            file=sys.stderr,
        )
        return 1
    if not args.json:
        span = found.spans[0]
        print(f"{span.start} {span.end} {span.text}")
        if found.kind == "tolerant":
            print(
                f"{args.map}: {args.source}: matched after relaxing spaces, quotes or "
                "dashes; the text above is the source's",
                file=sys.stderr,
            )
    return 0


def _describe(drift: Any) -> str:
    if drift.proposal is not None:
        where = f"{drift.proposal.start}:{drift.proposal.end}"
        return f"{drift.message}; found at {where} ('argmap quote fix' re-anchors it)"
    if drift.candidates > 1:
        return (
            f"{drift.message}; the quoted text occurs {drift.candidates} times, anchor it by hand"
        )
    return f"{drift.message}; the quoted text is no longer in the source"


def run_check(args: argparse.Namespace) -> int:
    from argmap.edit.quotes import drifted_quotes

    failed = False
    for name in args.maps:
        amap = _load(name)
        if amap is None:
            failed = True
            continue
        drifts = drifted_quotes(amap)
        for drift in drifts:
            print(f"{name}: {drift.path}: claim {drift.claim_id!r}: {_describe(drift)}")
        if drifts:
            failed = True
        elif not args.quiet:
            quoted = sum(1 for c in amap.claims if c.quote is not None)
            print(f"{name}: all {quoted} quotes match their sources")
    return 1 if failed else 0


def run_fix(args: argparse.Namespace) -> int:
    from argmap.edit.quotes import reanchor
    from argmap.map.mapfile import MapFileError, save

    amap = _load(args.map)
    if amap is None:
        return 1
    new_map, fixed, unfixed = reanchor(amap)
    old_quotes = {c.id: c.quote for c in amap.claims}
    verb = "would re-anchor" if args.dry_run else "re-anchored"
    for drift in fixed:
        old = old_quotes[drift.claim_id]
        old_at = f"{old.start}:{old.end}" if old is not None else "?"
        assert drift.proposal is not None
        print(
            f"{args.map}: {drift.path}: {verb} claim {drift.claim_id!r} "
            f"from {old_at} to {drift.proposal.start}:{drift.proposal.end}"
        )
    for drift in unfixed:
        print(
            f"{args.map}: {drift.path}: claim {drift.claim_id!r}: not fixed: {_describe(drift)}",
            file=sys.stderr,
        )
    if fixed and not args.dry_run:
        try:
            save(new_map, args.map)
        except MapFileError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            return 1
    if not fixed and not unfixed:
        print(f"{args.map}: every quote matches its source; nothing to fix")
    return 1 if unfixed else 0
