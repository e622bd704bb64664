"""``argmap compare MAP [--authors A B] [--json]``: who agrees with whom, and on what.

Prints the positions matrix (stated stances, ``!`` where the map's links suggest another),
the author × author agreement matrix, the most contested claims, the load-bearing premises,
what stands under grounded semantics and, for two authors, their diff. Imported proposals
nobody has accepted yet are left out unless ``--include-proposals`` is given. Exit 0 on success,
1 when the map cannot be read, 2 for a usage mistake (such as an unknown author).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.analysis.compare import AuthorDiff
    from argmap.analysis.positions import PositionsMatrix
    from argmap.map.model import ArgumentMap, Link

_LABEL_WIDTH = 34  # the narrowest the position column gets


def _label_width(amap: ArgumentMap) -> int:
    """Position labels as wide as the terminal allows next to one column per author."""
    columns = shutil.get_terminal_size((100, 24)).columns
    room = columns - 4 - 11 * len(amap.authors)
    longest = max((len(p.label) for p in amap.positions), default=0)
    return max(_LABEL_WIDTH, min(longest, room))


_TEXT_WIDTH = 60


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "compare",
        help="positions matrix, agreement between authors, contested claims, diff of two authors",
        description="Compare the authors of a map: each author's stance on each position "
        "('!' where the map's links suggest another stance), agreement between authors from "
        "the cross-author support and attack links, the most contested claims, the "
        "load-bearing premises, what stands under grounded semantics, and with --authors "
        "what two authors share, where they clash and what only one addresses.",
    )
    parser.add_argument("file", metavar="MAP", help="an *.argmap.json file")
    parser.add_argument(
        "--authors",
        nargs=2,
        metavar=("A", "B"),
        help="two authors to diff, by id or name (a unique word of the name will do)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--include-proposals",
        action="store_true",
        help="also count imported proposals nobody has accepted yet (left out by default)",
    )
    parser.add_argument(
        "--top", type=int, default=5, metavar="N", help="contested / load-bearing rows (5)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from argmap.analysis.authors import find_author
    from argmap.analysis.compare import author_diff
    from argmap.map.mapfile import MapFileError, load

    if args.top < 0:
        print("argmap compare: --top must be 0 or more", file=sys.stderr)
        return 2
    try:
        amap = load(args.file)
    except MapFileError as exc:
        print(exc.summary(), file=sys.stderr)
        return 1
    left_out = 0
    if not args.include_proposals:
        from argmap.analysis.compare import accepted_only

        amap, left_out = accepted_only(amap)

    diff = None
    pair: list[str] = []
    if args.authors:
        for key in args.authors:
            found = find_author(amap, key)
            if found is None:
                folded = key.casefold()
                several = [a for a in amap.authors if folded in a.name.casefold().split()]
                candidates = several if len(several) > 1 else amap.authors
                known = ", ".join(f"{a.id} ({a.name})" for a in candidates) or "none"
                what = (
                    f"{key!r} names several authors; say which: {known}"
                    if len(several) > 1
                    else f"no author {key!r}; known authors: {known}"
                )
                print(f"argmap compare: {args.file}: {what}", file=sys.stderr)
                return 2
            pair.append(found.id)
        if pair[0] == pair[1]:
            print("argmap compare: --authors needs two different authors", file=sys.stderr)
            return 2
        diff = author_diff(amap, pair[0], pair[1])
    elif len(amap.authors) == 2:
        diff = author_diff(amap, amap.authors[0].id, amap.authors[1].id)

    report = _report(amap, args.top, diff)
    if args.json:
        report["unreviewed_left_out"] = left_out
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(_text(amap, args.file, args.top, diff))
        if left_out:
            print(
                f"\n{left_out} unreviewed proposals (imported claims and links nobody has "
                "accepted yet) were left out; --include-proposals counts them"
            )
    return 0


# ---------------------------------------------------------------- JSON
def _report(amap: ArgumentMap, top: int, diff: AuthorDiff | None) -> dict[str, Any]:
    from argmap.analysis.compare import (
        agreement_matrix,
        author_edges,
        contested_claims,
        load_bearing,
    )
    from argmap.analysis.positions import positions_matrix
    from argmap.analysis.semantics import grounded_map, label_counts

    matrix = positions_matrix(amap)
    labels = grounded_map(amap)
    agree = agreement_matrix(amap)
    return {
        "authors": [{"id": a.id, "name": a.name} for a in amap.authors],
        "positions": [
            {
                "id": p.id,
                "label": p.label,
                "grounds": list(p.grounds),
                "stances": {
                    a.id: {
                        "stated": cell.stated,
                        "suggested": cell.suggested,
                        "disagrees": cell.disagrees,
                        "reason": cell.reason,
                        "claims": list(cell.claims),
                    }
                    for a in amap.authors
                    for cell in [matrix.cell(p.id, a.id)]
                },
            }
            for p in amap.positions
        ],
        "agreement": [
            {
                "a": a,
                "b": b,
                "supports": g.supports,
                "attacks": g.attacks,
                "agree": g.agree,
                "disagree": g.disagree,
                "net": g.net,
            }
            for (a, b), g in agree.items()
            if _before(amap, a, b)
        ],
        "author_edges": [
            {
                "from": e.source,
                "to": e.target,
                "supports": e.supports,
                "attacks": e.attacks,
                "agree": e.agree,
                "disagree": e.disagree,
                "net": e.net,
                "links": list(e.links),
            }
            for e in author_edges(amap)
        ],
        "contested": [
            {"claim": c.claim_id, "attacks": list(c.attacks), "authors": list(c.authors)}
            for c in contested_claims(amap, limit=top)
        ],
        "load_bearing": [
            {"claim": x.claim_id, "paths": x.paths, "targets": list(x.targets)}
            for x in load_bearing(amap, limit=top)
        ],
        "grounded": {"counts": label_counts(labels), "labels": labels},
        "diff": None if diff is None else _diff_json(diff),
    }


def _before(amap: ArgumentMap, a: str, b: str) -> bool:
    order = [x.id for x in amap.authors]
    return order.index(a) < order.index(b)


def _diff_json(d: AuthorDiff) -> dict[str, Any]:
    def stances(pairs: Sequence[Any]) -> list[dict[str, Any]]:
        return [{"position": p.position_id, d.a: p.a, d.b: p.b} for p in pairs]

    return {
        "a": d.a,
        "b": d.b,
        "supports": [x.id for x in d.supports],
        "attacks": [x.id for x in d.attacks],
        "agreeing": [x.id for x in d.agreeing],
        "disagreeing": [x.id for x in d.disagreeing],
        "same": stances(d.same),
        "opposite": stances(d.opposite),
        "differ": stances(d.differ),
        "only_a": stances(d.only_a),
        "only_b": stances(d.only_b),
    }


# ---------------------------------------------------------------- text
def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], indent: str = "  ") -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [row[0].ljust(widths[0])] + [
            c.ljust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append((indent + "  ".join(cells)).rstrip())
    return lines


def _text(amap: ArgumentMap, file: str, top: int, diff: AuthorDiff | None) -> str:
    from argmap.analysis.authors import short_names
    from argmap.analysis.compare import agreement_matrix, contested_claims, load_bearing
    from argmap.analysis.positions import positions_matrix
    from argmap.analysis.semantics import LABEL_TEXT, grounded_map, label_counts
    from argmap.analysis.stats import is_cross_author

    claims = amap.claim_index()
    author_of = {c.id: c.author for c in amap.claims}
    names = short_names(amap.authors)
    cross = sum(1 for x in amap.links if is_cross_author(x, author_of))
    out = [
        f"{file}: {amap.title or '(untitled)'}",
        f"{len(amap.authors)} authors, {len(amap.claims)} claims, {len(amap.links)} links "
        f"({cross} across authors), {len(amap.positions)} positions",
        "",
    ]

    def said(cid: str) -> str:
        claim = claims[cid]
        who = names.get(claim.author, claim.author) if claim.author else "no author"
        return f'{cid} "{_cut(claim.text, _TEXT_WIDTH)}" ({who})'

    # Positions matrix
    matrix = positions_matrix(amap)
    out.append(
        "Positions: stated stance per author ('!' the map suggests otherwise, '-' unrecorded)"
    )
    if amap.positions and amap.authors:
        width = _label_width(amap)
        rows = [
            [_cut(p.label, width)] + [_stance_cell(matrix, p.id, a.id) for a in amap.authors]
            for p in amap.positions
        ]
        out += _table(["", *(names[a.id] for a in amap.authors)], rows)
        flagged = matrix.disagreements()
        if flagged:
            out.append("")
            label = {p.id: p.label for p in amap.positions}
            links_by_id = {x.id: x for x in amap.links}
            for cell in flagged:
                out.append(
                    f"  ! {names[cell.author_id]} on {label[cell.position_id]!r}: {cell.reason}"
                )
                # name the links behind the suggestion: a reader should be able to check
                # one quoted remark before reading a flag as a contradiction
                ev = cell.evidence
                for side, ids in (("for", ev.backs_for), ("against", ev.backs_against)):
                    for link_id in ids:
                        x = links_by_id[link_id]
                        verb = "supports" if x.kind == "support" else "attacks"
                        out.append(
                            f"      backs {side}: {x.from_claim} {verb} {x.to_claim}"
                            + (f" ({x.note})" if x.note else "")
                        )
    else:
        out.append("  (no positions)" if amap.authors else "  (no authors)")
    out.append("")

    # Agreement matrix
    agree = agreement_matrix(amap)
    out.append(
        "Agreement: cross-author links both ways, +agreeing/-disagreeing (net). A support agrees "
        "and an attack disagrees, except on an objection the other author rejects, where it is "
        "the other way round"
    )
    if len(amap.authors) >= 2:
        rows = []
        for a in amap.authors:
            row = [names[a.id]]
            for b in amap.authors:
                if a.id == b.id:
                    row.append("·")
                    continue
                g = agree[(a.id, b.id)]
                row.append(
                    ""
                    if not (g.supports or g.attacks)
                    else f"+{g.agree}/-{g.disagree} ({g.net:+d})"
                )
            rows.append(row)
        out += _table(["", *(names[a.id] for a in amap.authors)], rows)
    else:
        out.append("  (needs two authors)")
    out.append("")

    # Contested
    out.append("Most contested claims (attacking authors, attacks)")
    contested = contested_claims(amap, limit=top)
    for c in contested:
        out.append(
            f"  {_n(len(c.authors), 'author')}, {_n(len(c.attacks), 'attack')}  {said(c.claim_id)}"
        )
    if not contested:
        out.append("  (no attack links)")
    out.append("")

    # Load-bearing
    out.append(
        "Load-bearing premises (support paths to theses and recommendations through the claim)"
    )
    bearing = load_bearing(amap, limit=top)
    for x in bearing:
        out.append(
            f"  {_n(x.paths, 'path'):>9} to {_n(len(x.targets), 'target')}  {said(x.claim_id)}"
        )
    if not bearing:
        out.append("  (no support paths)")
    out.append("")

    # What stands
    labels = grounded_map(amap)
    counts = label_counts(labels)
    out.append(
        f"What stands (grounded semantics over attack links): {counts['in']} in, "
        f"{counts['out']} out, {counts['undecided']} undecided"
    )
    for lab in ("out", "undecided"):
        ids = [c for c, v in labels.items() if v == lab]
        for cid in ids[:top]:
            out.append(f"  {LABEL_TEXT[lab]:<4} {said(cid)}")
        if len(ids) > top:
            out.append(f"  … and {len(ids) - top} more {lab} (--top N shows more)")

    if diff is not None:
        out.append("")
        out += _diff_text(amap, diff, said)
    return "\n".join(out)


def _stance_cell(matrix: PositionsMatrix, position_id: str, author_id: str) -> str:
    cell = matrix.cell(position_id, author_id)
    return (cell.stated or "-") + ("!" if cell.disagrees else "")


def _diff_text(amap: ArgumentMap, d: AuthorDiff, said: Any) -> list[str]:
    from argmap.analysis.authors import short_names

    names = short_names(amap.authors)
    na, nb = names[d.a], names[d.b]
    out = [f"Diff: {na} vs {nb}"]

    kind_of = {c.id: c.kind for c in amap.claims}

    def links(title: str, items: Sequence[Link]) -> None:
        out.append(f"  {title} ({len(items)})")
        for x in items:
            verb = "supports" if x.kind == "support" else "attacks"
            if kind_of.get(x.to_claim) == "objection" or kind_of.get(x.from_claim) == "objection":
                verb += " (an objection is involved: the meaning flips)"
            out.append(f"    {said(x.from_claim)}")
            out.append(f"      {verb} {said(x.to_claim)}")
            if x.note:
                out.append(f"      note: {x.note}")
        if not items:
            out.append("    (none)")

    def stances(title: str, pairs: Sequence[Any]) -> None:
        out.append(f"  {title} ({len(pairs)})")
        for p in pairs:
            out.append(f"    {p.label}: {na} {p.a or '-'}, {nb} {p.b or '-'}")
        if not pairs:
            out.append("    (none)")

    out.append(" Shared")
    links("links that agree", d.agreeing)
    stances("same stance", d.same)
    out.append(" Clash")
    links("links that disagree", d.disagreeing)
    stances("opposite stances", d.opposite)
    stances("different stances (one mixed)", d.differ)
    out.append(" Only one addresses")
    stances(f"only {na}", d.only_a)
    stances(f"only {nb}", d.only_b)
    return out
