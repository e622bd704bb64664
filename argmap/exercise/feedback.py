"""What a teacher reads: the gradebook CSV, a feedback page per student, the class summary.

Pages are Markdown: readable as plain text, rendered by any forge or note app, and
pasteable into a learning platform. They quote the article (the key's quote of a missed
claim, the student's quote of an extra one) and point at it by the worksheet's
paragraph.sentence numbers (:mod:`argmap.exercise.numbering`).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Sequence

from argmap.exercise.grade import ClassSummary, Grade, display_name
from argmap.exercise.matching import LONGER_SHARE, SHORTER_SHARE
from argmap.exercise.numbering import number
from argmap.map.model import ArgumentMap, Claim
from argmap.map.vocabulary import CLAIM_KINDS

CSV_COLUMNS = (
    "student",
    "claim_precision",
    "claim_recall",
    "link_precision",
    "link_recall",
    "thesis_found",
    "kinds_right",
    "stances_right",
)
MOST_MISSED = 12
"""Most key claims the class summary lists as missed by most students."""
TOLERANCE = (
    f"A claim matches a key claim when both quote the same article and the quotes overlap "
    f"by at least {SHORTER_SHARE:.0%} of the shorter quote and {LONGER_SHARE:.0%} of the "
    f"longer one; a link matches when its two ends match, in the same direction, with the "
    f"same kind."
)


def _cell(value: float | bool | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"{value:.2f}"


def csv_text(grades: Sequence[Grade]) -> str:
    """The gradebook: a header and one row per graded student (:data:`CSV_COLUMNS`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for g in grades:
        writer.writerow([g.student, *(_cell(getattr(g, c)) for c in CSV_COLUMNS[1:])])
    return out.getvalue()


def page_names(paths: Sequence[str]) -> list[str]:
    """A distinct file name (no suffix) per student file: the student's name, with as many
    of its folders as it takes to tell two ``alice.argmap.json`` apart."""
    parts = [_slug_parts(p) for p in paths]
    depth = [1] * len(paths)
    while True:
        names = ["_".join(pp[-d:]) for pp, d in zip(parts, depth, strict=True)]
        seen: dict[str, list[int]] = {}
        for i, name in enumerate(names):
            seen.setdefault(name, []).append(i)
        clashes = [i for group in seen.values() if len(group) > 1 for i in group]
        grown = False
        for i in clashes:
            if depth[i] < len(parts[i]):
                depth[i] += 1
                grown = True
        if not grown:
            break
    counted: dict[str, int] = {}
    unique: list[str] = []
    for name in names:
        counted[name] = counted.get(name, 0) + 1
        unique.append(name if counted[name] == 1 else f"{name}-{counted[name]}")
    return unique


def _slug_parts(path: str) -> list[str]:
    pieces = [p for p in re.split(r"[\\/]+", os.path.normpath(path)) if p not in ("", ".", "..")]
    pieces[-1:] = [display_name(pieces[-1])] if pieces else ["student"]
    return [re.sub(r"[^\w.-]+", "-", p).strip("-.") or "x" for p in pieces]


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _where(amap: ArgumentMap, claim: Claim) -> str:
    """``article title, 3.2``: where a claim's quote is (worksheet numbering)."""
    if claim.quote is None or claim.source is None:
        return ""
    source = amap.source_index().get(claim.source)
    if source is None or not source.text:
        return ""
    label = number(source.text).where(claim.quote.start, claim.quote.end)
    many = len(amap.sources) > 1
    return f"{source.title or source.id}, {label}" if many else label


def _anchored(g: Grade, claim_id: str) -> str:
    """Where a student's claim is in the key's article, numbered as on the worksheet (the
    student's own copy of the article may be another import, numbered otherwise)."""
    anchor = g.matching.anchors[claim_id]
    source = g.key.source_index()[anchor.source]
    label = number(source.text).where(anchor.start, anchor.end)
    return f"{source.title or source.id}, {label}" if len(g.key.sources) > 1 else label


def _order(claim: Claim) -> tuple[str, int]:
    """Claims in reading order: by article, then where the quote starts."""
    return (claim.source or "", claim.quote.start if claim.quote else 1 << 30)


def _quoted(text: str) -> str:
    return " ".join(text.split())


def feedback_page(g: Grade) -> str:
    """One student's feedback in Markdown (see the module docstring)."""
    key, own = g.key.claim_index(), g.map.claim_index()
    lines = [f"# Feedback: {display_name(g.student)}", ""]
    lines += [
        f"Your map `{os.path.basename(g.student)}` against the key *{g.key.title or 'key'}*.",
        "",
    ]
    if g.matching.different_article:
        lines += [
            "**This map is of a different article**: none of its quotes is in the article "
            "of the exercise, so nothing in it could be matched.",
            "",
        ]
    lines += [
        "| | you found | precision | recall |",
        "| --- | --- | --- | --- |",
        f"| claims | {len(g.matched)} of {len(g.key.claims)} | {_pct(g.claim_precision)} "
        f"| {_pct(g.claim_recall)} |",
        f"| links | {len(g.links_by('match'))} of {len(g.key.links)} "
        f"| {_pct(g.link_precision)} | {_pct(g.link_recall)} |",
        "",
    ]
    theses = g.theses
    if theses:
        lines.append("## The thesis")
        lines.append("")
        for kid, found in theses.items():
            claim = key[kid]
            at = _where(g.key, claim)
            if found:
                verdict = "You found it"
            elif kid in g.matched.values():
                sid = next(s for s, k in g.matched.items() if k == kid)
                verdict = f"You found the passage but called it {own[sid].kind}"
            else:
                verdict = "You did not find it"
            lines.append(
                f"- {verdict}: ({at}) “{_quoted(claim.quote.text if claim.quote else claim.text)}”"
            )
        lines.append("")
    table = g.confusion
    if table:
        right = sum(n for (a, b), n in table.items() if a == b)
        lines += [f"## Kinds: {right} of {sum(table.values())} right", ""]
        kinds = [k for k in CLAIM_KINDS if any(k in pair for pair in table)]
        lines.append("| key \\ yours | " + " | ".join(kinds) + " |")
        lines.append("| --- |" + " --- |" * len(kinds))
        for a in kinds:
            row = [str(table.get((a, b), 0) or "") for b in kinds]
            lines.append(f"| **{a}** | " + " | ".join(row) + " |")
        wrong = [(s, k) for s, k in g.matched.items() if own[s].kind != key[k].kind]
        if wrong:
            lines.append("")
        for sid, kid in wrong:
            lines.append(
                f"- “{own[sid].text}”: you said {own[sid].kind}, the key says {key[kid].kind}"
            )
        lines.append("")
    missed = sorted(g.missed, key=lambda kid: _order(key[kid]))
    lines += [f"## Key claims you missed ({len(missed)})", ""]
    for kid in missed:
        claim = key[kid]
        text = _quoted(claim.quote.text) if claim.quote else claim.text
        lines.append(f"- {claim.kind}, {_where(g.key, claim) or 'no quote'}: “{text}”")
    if not missed:
        lines.append("None.")
    lines.append("")
    extra = g.extra
    lines += [f"## Your claims not in the key ({len(extra)})", ""]
    if extra:
        lines += [
            "Not always wrong: the key is one reading. Check that each is a claim the author "
            "makes.",
            "",
        ]
    else:
        lines.append("None.")
    for sid in extra:
        claim = own[sid]
        if claim.quote is None:
            lines.append(f"- {claim.kind}: “{claim.text}” (no quote, so it could not be matched)")
        elif sid not in g.matching.anchors:
            lines.append(f"- {claim.kind}: “{claim.text}” (its quote is not in the article)")
        else:
            lines.append(
                f"- {claim.kind}, {_anchored(g, sid)}: “{claim.text}”: "
                f"you quoted “{_quoted(claim.quote.text)}”"
            )
    lines.append("")
    lines += _link_section(g)
    if g.stances:
        right = sum(s.right for s in g.stances)
        lines += [f"## Stances: {right} of {len(g.stances)} right", ""]
        for s in g.stances:
            if not s.right:
                lines.append(
                    f"- {s.position}, {s.author}: the key says {s.key}, "
                    f"you said {s.student or 'nothing'}"
                )
        lines.append("")
    lines += ["---", "", f"*How matching works.* {TOLERANCE}", ""]
    return "\n".join(lines)


def _label(amap: ArgumentMap, claim_id: str) -> str:
    claim = amap.claim_index().get(claim_id)
    return f"“{claim.text}”" if claim else claim_id


def _link_section(g: Grade) -> list[str]:
    key_links = {link.id: link for link in g.key.links}
    own_links = {link.id: link for link in g.map.links}
    lines = ["## Links", ""]

    def said(link_id: str) -> str:
        link = key_links[link_id]
        return f"{_label(g.key, link.from_claim)} {link.kind}s {_label(g.key, link.to_claim)}"

    for _sid, kid in g.links_by("reversed"):
        if kid:
            lines.append(f"- Reversed: the key says {said(kid)}")
    for sid, kid in g.links_by("wrong kind"):
        if kid:
            lines.append(f"- Wrong kind ({own_links[sid].kind}): the key says {said(kid)}")
    # A missed link between two claims the student found is worth a line each; a link of
    # a claim they missed follows from that miss, so those are only counted.
    found = set(g.matched.values())
    between = [
        k for k in g.missed_links if {key_links[k].from_claim, key_links[k].to_claim} <= found
    ]
    for kid in between:
        lines.append(f"- Missed, between claims you found: {said(kid)}")
    rest = len(g.missed_links) - len(between)
    if rest:
        lines.append(f"- {rest} more key link(s) join claims you missed")
    extra = [sid for sid, _ in g.links_by("extra")]
    if extra:
        lines.append(f"- {len(extra)} of your links are not in the key (or join claims not in it)")
    if len(lines) == 2:
        lines.append("All links as in the key.")
    lines.append("")
    return lines


def summary_page(summary: ClassSummary, pages: Sequence[tuple[str, str]] = ()) -> str:
    """The class summary in Markdown; ``pages`` are (student, page file) to link to."""
    key = summary.key.claim_index()
    n = len(summary.counted)
    lines = [f"# Class summary: {summary.key.title or 'key'}", ""]
    lines.append(
        f"{len(summary.grades)} map(s) graded"
        + (f", {len(summary.failures)} could not be read" if summary.failures else "")
        + "."
    )
    lines.append("")
    lines += ["| figure | class mean |", "| --- | --- |"]
    for figure in CSV_COLUMNS[1:]:
        lines.append(f"| {figure.replace('_', ' ')} | {_pct(summary.mean(figure))} |")
    lines.append("")
    lines += ["## Key claims most students missed", ""]
    # The most missed first: every claim at least half the class missed (up to
    # MOST_MISSED), else the five most missed, so a strong class still sees its gaps.
    ranked = [(cid, count) for cid, count in summary.missed_by() if count and n]
    most = [(cid, c) for cid, c in ranked if c * 2 >= n] or ranked[:5]
    for cid, count in most[:MOST_MISSED]:
        claim = key[cid]
        text = _quoted(claim.quote.text) if claim.quote else claim.text
        lines.append(
            f"- missed by {count} of {n}: {claim.kind}, {_where(summary.key, claim)}: “{text}”"
        )
    if len(most) > MOST_MISSED:
        lines.append(f"- and {len(most) - MOST_MISSED} more missed by at least half the class")
    shown = len(most)
    if not shown:
        lines.append("None: every key claim was found by every student.")
    lines.append("")
    lines += ["## Kinds confused", ""]
    confusions = summary.confusions()
    for (a, b), count in confusions:
        lines.append(f"- {a} taken for {b}: {count} time(s)")
    if not confusions:
        lines.append("None.")
    lines.append("")
    different = [g.student for g in summary.grades if g.matching.different_article]
    if different or summary.failures:
        lines += ["## Maps to look at", ""]
        lines += [f"- {name}: a map of a different article" for name in different]
        lines += [f"- {f.message}" for f in summary.failures]
        lines.append("")
    if pages:
        lines += ["## Feedback pages", ""]
        lines += [f"- [{student}]({page})" for student, page in pages]
        lines.append("")
    return "\n".join(lines)
