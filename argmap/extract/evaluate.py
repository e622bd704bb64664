"""Scoring proposals against annotated texts: the numbers behind "how good is the import".

Two kinds of gold are read: the argumentative microtexts (JSONL with argument units,
roles, the central claim and support/attack relations; read from outside the repository,
never copied) and curated argmap maps (claims with kinds and quote offsets into their
sources). Both become :class:`Annotated` texts and are scored the same way:

- thesis hit rate: a gold thesis (the central claim) among the top 1 / top 2 units of the
  extractor's thesis ranking;
- precision / recall / F1 per kind by span overlap: a proposal matches a gold unit when the
  overlap covers at least half of each (one-to-one, greedy by overlap);
- link accuracy: of the gold relations whose two ends were both proposed, the share the
  extractor links the same way (same direction and kind);
- cleaning (seeds only): noise lines kept and body sentences lost, against the hand-cleaned
  source texts of the curated maps.

Splits are deterministic, so tuning and held-out never mix. Three protocols are reported:

- ``text`` (the original one): whole texts, by a hash of the text id. Right for the 74
  microtexts; for the curated maps it leaves only three seed texts on the tuning side (one
  of them a 400-character chart caption without a thesis), so every seed rule was tuned on
  two op-eds and the held-out figures swing by a whole text at a time.
- ``paragraph`` (added for the seeds): every seed text is proposed whole (the extractor
  needs the whole article for position and centrality), but its paragraphs are split by a
  hash of ``text id # paragraph number``; a gold unit, a proposal and a relation count in the
  part of the paragraph where they start, and a text's thesis test counts in the part of
  its first gold thesis's paragraph. Both sides then hold text of every seed author and
  about half of the gold units, so a rule tuned on one side is tested on unseen sentences of
  the same genre rather than on one or two unseen articles. It does not hide that the
  sentences around a held-out unit were seen in tuning: both protocols are always reported,
  and the ``text`` protocol remains the stricter test of generalising to a new article.
- ``article`` (leave one article out, for the parameters learnt from the curated maps):
  the five seed articles (GZERO's pieces one article) are five folds; the op-ed
  calibration and claim budget are refitted on four and applied to the fifth
  (:func:`leave_one_article_out`), so every seed text is scored by learnt parameters that
  never saw it. Six texts with a thesis instead of four. The cue rules are the same in
  every fold (they were written reading the per-text tuning op-eds), so for those two
  texts it is not an unseen test of the rules.

Matching modes: ``strict`` (the overlap covers at least half of each span) and
``contain``, which also accepts a proposal lying inside a gold span: a curated quote often
spans two sentences (a claim and its restatement) while the extractor proposes sentences,
and a reviewer who accepts the proposal widens its quote rather than retyping the claim. A
proposal may identify only one gold unit either way (the matching stays one-to-one), and
``strict`` figures are always reported next to ``contain`` ones.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from argmap.extract.corpora import (
    Annotated,
    is_common_format,
    load_common,
    load_microtexts,
    part_of,
)
from argmap.extract.scoring import MAP_GROUPS, MICRO_GROUPS, score

CORPORA: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("microtexts", "microtexts-dev", MICRO_GROUPS),
    ("microtexts_part2", "microtexts-part2", MICRO_GROUPS),
    ("cdcp", "cdcp", MAP_GROUPS),
    ("ugwd", "ugwd", MAP_GROUPS),
)
"""Report name, folder under the data root and kind groups of each corpus read by
``argmap eval``. Parts (``TUNING.md``): CDCP's train file is tuning, its dev file held
out; every other corpus is halved by :func:`split_of` of the text id. The microtexts know
no recommendation or evidence apart from premises, hence their merged groups."""


def _load_any(path: Path) -> tuple[str, list[Annotated]]:
    if is_common_format(path):
        texts = load_common(path)
        name = (texts[0].corpus if texts else "common").replace("-", "_")
        return name, texts
    return "microtexts", load_microtexts(path)


def evaluate_data(root: str | Path, mode: str = "strict") -> tuple[dict[str, Any], list[str]]:
    """Figures per corpus and part for every corpus found under ``root`` (the data folder
    of :data:`CORPORA`, or one corpus folder or ``.jsonl`` file), with notes on what was
    missing or unreadable."""
    base = Path(root)
    notes: list[str] = []
    found: list[tuple[str, Path, dict[str, str]]] = []
    if not base.exists():
        return {}, [f"{base}: not found (pass --data DIR); annotated corpora skipped"]
    if base.is_file() or any(base.glob("*.jsonl")):
        found.append(("", base, {}))
    else:
        for name, folder, groups in CORPORA:
            if (base / folder).is_dir():
                found.append((name, base / folder, groups))
            else:
                notes.append(f"{base / folder}: not found; {name} skipped")
    report: dict[str, Any] = {}
    for given, path, given_groups in found:
        try:
            detected, texts = _load_any(path)
        except (OSError, ValueError, KeyError) as exc:
            notes.append(f"{path}: cannot read the corpus: {exc}")
            continue
        name = given or detected
        groups = given_groups or CORPORA_GROUPS.get(name, MAP_GROUPS)
        report[name] = {
            part: score(
                [t for t in texts if part_of(t) == part],
                groups,
                mode=mode,
                thesis_annotated=name != "cdcp",
            )
            for part in ("tune", "heldout")
        }
    return report, notes


CORPORA_GROUPS: dict[str, dict[str, str]] = {name: groups for name, _, groups in CORPORA}
