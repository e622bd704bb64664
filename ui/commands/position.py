"""``argmap position add|stance|side|list|remove``: positions without the app.

A position is a question the authors are compared on; ``argmap compare`` and the app's
Positions panel have nothing to show until a map has some, and an imported map has none.
These commands make them from scripts and CI. Every change goes through
:class:`~argmap.edit.document.MapDocument` and the core edits, so the map's invariants are
checked exactly as in the app, and the file is written atomically by
:func:`argmap.map.mapfile.save` (a failed save leaves the old file as it was).

Exit codes: 0 done (or nothing to change), 1 the map cannot be read, the change is refused
or the save failed, 2 a usage mistake: a position, author or claim the map does not have,
a malformed or taken id, an empty question.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from argmap.map.vocabulary import STANCES

if TYPE_CHECKING:
    from argmap.edit.document import Edit, MapDocument
    from argmap.map.model import ArgumentMap, Author, Position

PROG = "argmap position"


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "position",
        help="add, list and remove positions (questions to compare authors on); set stances",
        description="Positions are the questions 'argmap compare' and the app's Positions "
        "panel compare authors on. Changes are checked like edits in the app and saved "
        "atomically. Exit 0 on success, 1 when the map cannot be read or saved or refuses "
        "the change, 2 on a usage mistake (unknown position, author or claim).",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))
    parser.set_defaults(func=_usage(parser))

    add = actions.add_parser(
        "add",
        help="add a position (no stances yet)",
        description="Add the question QUESTION to MAP as a new position without stances. "
        "The new id is printed; it is ID if given, else a fresh 'position-N'.",
    )
    add.add_argument("map", metavar="MAP")
    add.add_argument("question", metavar="QUESTION", help='e.g. "Engage the Taliban?"')
    add.add_argument("--id", dest="position_id", metavar="ID", help="the new position's id")
    add.add_argument(
        "--ground",
        dest="grounds",
        metavar="CLAIM",
        nargs="+",
        action="extend",
        default=[],
        help="ids of the claims that ground the position (repeatable)",
    )
    add.add_argument("--description", default="", help="what counts as for, against, mixed")
    add.set_defaults(func=run_add)

    stance = actions.add_parser(
        "stance",
        help="record one author's stance on a position",
        description="Set AUTHOR's stance on POSITION. POSITION is an id or the exact "
        "question; AUTHOR is an id, a full name or one word of a name that only one "
        "author has.",
    )
    stance.add_argument("map", metavar="MAP")
    stance.add_argument("position", metavar="POSITION")
    stance.add_argument("author", metavar="AUTHOR")
    stance.add_argument("stance", choices=STANCES, metavar="|".join(STANCES))
    stance.set_defaults(func=run_stance)

    side = actions.add_parser(
        "side",
        help="record which side of a position a ground argues",
        description="Record that CLAIM argues for or against POSITION (it becomes a ground "
        "if it is not one yet); 'none' forgets the recorded side, so the ground takes its "
        "author's stated stance again. Needed for authors stated mixed, whose grounds "
        "argue both sides.",
    )
    side.add_argument("map", metavar="MAP")
    side.add_argument("position", metavar="POSITION")
    side.add_argument("claim", metavar="CLAIM")
    side.add_argument("side", choices=("for", "against", "none"), metavar="for|against|none")
    side.set_defaults(func=run_side)

    listing = actions.add_parser(
        "list",
        help="list the positions with their stances and grounds",
        description="Print each position: id, question, every author's stance "
        "(unrecorded ones too) and its grounds, each with its recorded side if any. --json "
        "prints a list of objects with the keys id, label, description, stances, grounds "
        "and sides.",
    )
    listing.add_argument("map", metavar="MAP")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(func=run_list)

    remove = actions.add_parser(
        "remove",
        help="remove a position and its stances",
        description="Remove POSITION (an id or the exact question) from MAP.",
    )
    remove.add_argument("map", metavar="MAP")
    remove.add_argument("position", metavar="POSITION")
    remove.set_defaults(func=run_remove)


def _usage(parser: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return 2

    return run


# ---------------------------------------------------------------- helpers
def _fail(code: int, name: str, message: str) -> int:
    print(f"{PROG}: {name}: {message}", file=sys.stderr)
    return code


def _load(name: str) -> ArgumentMap | None:
    """The map, or ``None`` after printing why it cannot be read."""
    from argmap.map.mapfile import MapFileError, load

    try:
        return load(name)
    except MapFileError as exc:
        print(exc.summary(), file=sys.stderr)
        return None


def _apply_and_save(name: str, doc: MapDocument, edit: Edit) -> int:
    """Apply one edit through the document (which checks the invariants), then save."""
    from argmap.edit.document import EditError
    from argmap.map.mapfile import MapFileError, save

    try:
        edit.apply(doc)
    except EditError as exc:
        return _fail(1, name, f"not changed: {exc}")
    try:
        save(doc.map, name)
    except MapFileError as exc:
        print(exc.summary(), file=sys.stderr)
        return 1
    return 0


def _suggest(key: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(key, known, n=3, cutoff=0.5)
    return f"; did you mean {', '.join(close)}?" if close else ""


def _find_position(amap: ArgumentMap, key: str) -> Position | None:
    """A position by id, else by its question (whole, ignoring case and outer spaces)."""
    for position in amap.positions:
        if position.id == key:
            return position
    folded = key.strip().casefold()
    found = [p for p in amap.positions if p.label.strip().casefold() == folded]
    return found[0] if len(found) == 1 else None


def _position_or_report(name: str, amap: ArgumentMap, key: str) -> Position | None:
    position = _find_position(amap, key)
    if position is None:
        ids = [p.id for p in amap.positions]
        if ids:
            hint = f"positions: {', '.join(ids)}"
        else:
            hint = f'the map has none; add one with: argmap position add {name} "Question?"'
        _fail(2, name, f"no position {key!r}; {hint}")
    return position


def _author_or_report(name: str, amap: ArgumentMap, key: str) -> Author | None:
    from argmap.analysis.authors import find_author

    author = find_author(amap, key)
    if author is None:
        folded = key.casefold()
        several = [a for a in amap.authors if folded in a.name.casefold().split()]
        candidates = several if len(several) > 1 else amap.authors
        known = ", ".join(f"{a.id} ({a.name})" for a in candidates) or "none"
        if len(several) > 1:
            _fail(2, name, f"{key!r} names several authors; say which: {known}")
        else:
            _fail(2, name, f"no author {key!r}; authors: {known}")
    return author


def _map_and_position(args: argparse.Namespace) -> tuple[ArgumentMap, Position] | int:
    """The map and the position ``args`` name, or the exit code after saying what is wrong
    (1: the map cannot be read; 2: no such position)."""
    amap = _load(args.map)
    if amap is None:
        return 1
    position = _position_or_report(args.map, amap, args.position)
    return 2 if position is None else (amap, position)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# ---------------------------------------------------------------- commands
def run_add(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from argmap.edit.document import MapDocument
    from argmap.edit.edits import AddPosition
    from argmap.map.model import Position

    question = args.question.strip()
    if not question:
        return _fail(2, args.map, "the question is empty")
    amap = _load(args.map)
    if amap is None:
        return 1
    doc = MapDocument(amap)
    grounds = list(dict.fromkeys(args.grounds))
    for claim_id in grounds:
        if claim_id not in doc.claims:
            return _fail(
                2, args.map, f"no claim {claim_id!r}{_suggest(claim_id, list(doc.claims))}"
            )
    position_id = args.position_id or doc.new_id("position")
    if position_id in doc.positions:
        return _fail(2, args.map, f"there is already a position {position_id!r}")
    try:
        position = Position(
            id=position_id, label=question, description=args.description, grounds=grounds
        )
    except ValidationError:
        return _fail(
            2,
            args.map,
            f"--id {position_id!r}: an id is letters, digits, '_', '.', ':' or '-', "
            "starting with a letter or digit",
        )
    code = _apply_and_save(args.map, doc, AddPosition(position))
    if code == 0:
        print(f"{args.map}: added position {position.id} “{question}”", end="")
        print(f", grounded on {_plural(len(grounds), 'claim')}" if grounds else "")
    return code


def run_stance(args: argparse.Namespace) -> int:
    from argmap.edit.document import MapDocument
    from argmap.edit.edits import SetStance

    found = _map_and_position(args)
    if isinstance(found, int):
        return found
    amap, position = found
    author = _author_or_report(args.map, amap, args.author)
    if author is None:
        return 2
    where = f"{author.name} on “{position.label}”"
    if position.stances.get(author.id) == args.stance:
        print(f"{args.map}: {where} is already {args.stance}; nothing to change")
        return 0
    code = _apply_and_save(
        args.map, MapDocument(amap), SetStance(position.id, author.id, args.stance)
    )
    if code == 0:
        print(f"{args.map}: {where}: {args.stance}")
    return code


def run_list(args: argparse.Namespace) -> int:
    amap = _load(args.map)
    if amap is None:
        return 1
    if args.json:
        rows = [p.model_dump(mode="json") for p in amap.positions]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not amap.positions:
        print(f'{args.map}: no positions; add one with: argmap position add {args.map} "Question?"')
        return 0
    claims = amap.claim_index()
    for position in amap.positions:
        print(f"{position.id}  {position.label}")
        for author in amap.authors:
            print(f"    {position.stances.get(author.id, '—'):<8} {author.name}")
        if not position.grounds:
            print("    grounds: none")
            continue
        print("    grounds:")
        for ground in position.grounds:
            claim = claims.get(ground)
            side = f"[{position.sides[ground]}] " if ground in position.sides else ""
            print(f"      {ground}  {side}{claim.text if claim is not None else '(missing)'}")
    return 0


def run_side(args: argparse.Namespace) -> int:
    from argmap.edit.document import MapDocument
    from argmap.edit.edits import SetGroundSide

    found = _map_and_position(args)
    if isinstance(found, int):
        return found
    amap, position = found
    doc = MapDocument(amap)
    if args.claim not in doc.claims:
        return _fail(
            2, args.map, f"no claim {args.claim!r}{_suggest(args.claim, list(doc.claims))}"
        )
    side = None if args.side == "none" else args.side
    where = f"{args.claim} on “{position.label}”"
    if position.sides.get(args.claim) == side and (side or args.claim in position.grounds):
        print(f"{args.map}: {where} is already {args.side}; nothing to change")
        return 0
    code = _apply_and_save(args.map, doc, SetGroundSide(position.id, args.claim, side))
    if code == 0:
        print(f"{args.map}: {where}: {'argues ' + side if side else 'side forgotten'}")
    return code


def run_remove(args: argparse.Namespace) -> int:
    from argmap.edit.document import MapDocument
    from argmap.edit.edits import RemovePosition

    found = _map_and_position(args)
    if isinstance(found, int):
        return found
    amap, position = found
    code = _apply_and_save(args.map, MapDocument(amap), RemovePosition(position.id))
    if code == 0:
        print(f"{args.map}: removed position {position.id} “{position.label}”")
    return code
