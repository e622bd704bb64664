"""Retrain the proposer's learnt weights: ``make train`` (the one recipe for them).

Reads the tuning parts of the annotated corpora (``../shared/data``: microtexts parts 1
and 2 and UGWD by the hash of the text id, CDCP's train file) and of the seed maps (the
per-text tuning part), never a held-out part, and writes:

- ``argmap/extract/weights.py``: the thesis ranker (a conditional logit: one softmax over
  the units of each text, trained by gradient descent with L2), the logistic that turns a
  candidate's softmax share into the confidence that it is the thesis, and the two
  calibrations of claim confidences (short texts, long texts; Newton's method);
- ``argmap/extract/thresholds.py``: the review's accept and reject thresholds, chosen on
  the tuning rows (long texts and thesis candidates) from those calibrations, with the
  share of those rows right above and below them written into the tooltip's note. No
  held-out part is read, not even for the note.

Deterministic: fixed data order, no random initialisation. Pure Python (no numpy).
Usage: ``python scripts/train_extract.py [--data DIR] [--maps DIR] [--check]``; ``--check``
trains and prints the weights without writing them.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from argmap.extract.calibration import logistic  # noqa: E402
from argmap.extract.corpora import (  # noqa: E402
    Annotated,
    is_common_format,
    load_common,
    load_gold_maps,
    load_microtexts,
    part_of,
    split_of,
)
from argmap.extract.evaluate import CORPORA, CORPORA_GROUPS  # noqa: E402
from argmap.extract.evaluate_fit import (  # noqa: E402
    calibration_data,
    fit_calibration,
)
from argmap.extract.proposals import DraftProposals  # noqa: E402
from argmap.extract.propose import draft_article, finish_article  # noqa: E402
from argmap.extract.scoring import MAP_GROUPS, matches, score  # noqa: E402
from argmap.extract.thesis import (  # noqa: E402
    THESIS_FEATURES,
    confidence_features,
    softmax,
    thesis_score,
)

L2_RANKER = 0.5
"""L2 penalty of the thesis ranker per text (keeps 33 weights small on ~200 texts)."""
STEPS = 600
ACCEPT_PRECISION = 0.8
"""The share right the review's bulk accept must give at least (issue 17)."""
REJECT_PRECISION = 0.2
"""Below the reject threshold at most this share of proposals is right."""


def _tuning_sets(data: Path, maps: Path) -> list[tuple[str, list[Annotated], bool | None]]:
    """(name, tuning texts, genre) of every set found: genre True for the seed op-eds."""
    sets: list[tuple[str, list[Annotated], bool | None]] = []
    for name, folder, _groups in CORPORA:
        path = data / folder
        if not path.is_dir():
            print(f"train: {path} not found, {name} skipped", file=sys.stderr)
            continue
        texts = load_common(path) if is_common_format(path) else load_microtexts(path)
        sets.append((name, [t for t in texts if part_of(t) == "tune"], None))
    seeds = load_gold_maps(maps)
    sets.append(("seed_maps", [t for t in seeds if split_of(t.id) == "tune"], True))
    return sets


def _groups(name: str) -> dict[str, str]:
    return CORPORA_GROUPS.get(name, MAP_GROUPS)


def _ranker_rows(
    texts: Sequence[Annotated], drafts: dict[str, DraftProposals]
) -> list[tuple[list[tuple[float, ...]], list[bool]]]:
    """Per text with a written thesis: the eligible units' features and which are it."""
    rows = []
    for t in texts:
        gold = [(u.start, u.end) for u in t.units if u.kind == "thesis"]
        if not gold:
            continue
        draft = drafts[t.id]
        units = [p for p in draft.units if not p.thesis_blocked]
        right = [any(matches((p.unit.start, p.unit.end), g) for g in gold) for p in units]
        if any(right):
            rows.append(([p.thesis_features for p in units], right))
    return rows


def train_ranker(rows: Sequence[tuple[list[tuple[float, ...]], list[bool]]]) -> list[float]:
    """Conditional logit: maximise Σ log Σ_{right units} softmax(w·x) − L2/2 |w|² by
    gradient ascent with Adam (fixed step, zero start: deterministic)."""
    dim = len(THESIS_FEATURES)
    w = [0.0] * dim
    m = [0.0] * dim
    v = [0.0] * dim
    lr, b1, b2 = 0.05, 0.9, 0.999
    for step in range(1, STEPS + 1):
        grad = [-L2_RANKER * wk for wk in w]
        for xs, right in rows:
            probs = softmax([thesis_score(x, w) for x in xs])
            pos = sum(p for p, ok in zip(probs, right, strict=True) if ok)
            for x, p, ok in zip(xs, probs, right, strict=True):
                coef = (p / pos if ok else 0.0) - p
                if coef:
                    for k, xk in enumerate(x):
                        if xk:
                            grad[k] += coef * xk
        for k in range(dim):
            g = grad[k] / len(rows)
            m[k] = b1 * m[k] + (1 - b1) * g
            v[k] = b2 * v[k] + (1 - b2) * g * g
            w[k] += lr * (m[k] / (1 - b1**step)) / (math.sqrt(v[k] / (1 - b2**step)) + 1e-8)
    return [round(x, 3) for x in w]


def _confidence_rows(
    rows: Sequence[tuple[list[tuple[float, ...]], list[bool]]], weights: Sequence[float]
) -> list[tuple[tuple[float, ...], bool]]:
    out = []
    for xs, right in rows:
        probs = softmax([thesis_score(x, weights) for x in xs])
        order = sorted(range(len(xs)), key=lambda k: -probs[k])
        for rank, k in enumerate(order[:3]):
            out.append((confidence_features(probs[k], rank, len(xs)), right[k]))
    return out


def thresholds(judged: Sequence[tuple[float, bool]]) -> tuple[float, float, float, float]:
    """(accept at, its precision, reject below, the precision under it) on ``judged``:
    accept at the lowest confidence step from which proposals are right at least
    :data:`ACCEPT_PRECISION` of the time; reject below the highest step under which they
    are right at most :data:`REJECT_PRECISION` of the time."""
    steps = [round(0.05 * k, 2) for k in range(2, 20)]
    accept, accept_p = 0.95, 0.0
    for c in steps:
        above = [ok for conf, ok in judged if conf >= c]
        if len(above) >= 20 and sum(above) / len(above) >= ACCEPT_PRECISION:
            accept, accept_p = c, sum(above) / len(above)
            break
    reject, reject_p = 0.05, 0.0
    for c in steps:
        below = [ok for conf, ok in judged if conf < c]
        if len(below) >= 20 and sum(below) / len(below) <= REJECT_PRECISION and c < accept:
            reject, reject_p = c, sum(below) / len(below)
    return accept, accept_p, reject, reject_p


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--data", default=str(_ROOT / ".." / "shared" / "data"))
    parser.add_argument("--maps", default=str(_ROOT / "maps"))
    parser.add_argument("--check", action="store_true", help="print, do not write")
    args = parser.parse_args(argv)
    sets = _tuning_sets(Path(args.data), Path(args.maps))
    drafts: dict[str, dict[str, DraftProposals]] = {}
    for name, texts, oped in sets:
        drafts[name] = {t.id: draft_article(t.text, t.title, oped=oped) for t in texts}
    rows = []
    for name, texts, _ in sets:
        rows.extend(_ranker_rows(texts, drafts[name]))
    ranker = train_ranker(rows)
    confidence = fit_calibration(_confidence_rows(rows, ranker), l2=0.1)
    print(f"thesis ranker: {len(rows)} texts; weights {ranker}; confidence {confidence}")
    short: list[tuple[tuple[float, ...], bool]] = []
    long: list[tuple[tuple[float, ...], bool]] = []
    for name, texts, _ in sets:
        by_text = {t.text: drafts[name][t.id] for t in texts}
        for t in texts:
            one = calibration_data(
                [t],
                _groups(name),
                lambda text, _title, d=by_text: finish_article(
                    d[text], budget=1.0, thesis_weights=ranker
                ),
            )
            (long if by_text[t.text].long_text else short).extend(one)
    cal_short = fit_calibration(short)
    cal_long = fit_calibration(long)
    print(f"calibration: short {len(short)} rows {cal_short}; long {len(long)} rows {cal_long}")
    budget = learn_budget(sets, drafts, ranker, cal_long)
    print(f"claim budget: {budget}")
    judged = [(logistic(cal_long, x), ok) for x, ok in long]
    judged += [(logistic(confidence, x), ok) for x, ok in _confidence_rows(rows, ranker)]
    accept, accept_p, reject, reject_p = thresholds(judged)
    n_accept = sum(c >= accept for c, _ in judged)
    print(
        f"thresholds: accept at {accept} ({accept_p:.2f} right, n={n_accept}), reject below "
        f"{reject} ({reject_p:.2f} right)"
    )
    if args.check:
        return 0
    write_weights(ranker, confidence, cal_short, cal_long, budget)
    write_thresholds(accept, accept_p, n_accept, reject, reject_p, len(judged))
    return 0


BUDGET_GRID: tuple[float, ...] = tuple(round(0.5 + 0.05 * k, 2) for k in range(11))
"""Claim budgets tried (1.0: none): the share of an op-ed's units proposed as claims."""


def learn_budget(
    sets: Sequence[tuple[str, list[Annotated], bool | None]],
    drafts: dict[str, dict[str, DraftProposals]],
    ranker: Sequence[float],
    calibration: Sequence[float],
) -> float:
    """The claim budget with the best premise+evidence F1 on the tuning op-eds (the seed
    maps' tuning part; ties: the larger budget, which drops less)."""
    texts = next((t for name, t, _ in sets if name == "seed_maps"), [])
    if not texts:
        return 1.0
    by_text = {t.text: drafts["seed_maps"][t.id] for t in texts}

    def f1(budget: float) -> float:
        report = score(
            texts,
            MAP_GROUPS,
            lambda text, _title: finish_article(
                by_text[text], calibration=calibration, budget=budget, thesis_weights=ranker
            ),
        )
        return float(report["kinds"]["premise+evidence"]["f1"])

    return max(BUDGET_GRID, key=lambda b: (round(f1(b), 4), b))


def _wrap(text: str, width: int = 80) -> list[str]:
    """Lines of at most ``width`` characters, each but the last ending with its space."""
    lines = textwrap.wrap(text, width - 1)
    return [line + " " for line in lines[:-1]] + lines[-1:]


def write_thresholds(  # noqa: PLR0917
    accept: float, accept_p: float, n_accept: int, reject: float, reject_p: float, n: int
) -> None:
    note = (
        f"Chosen by make train on {n} proposals of the tuning parts (long texts and thesis "
        f"candidates): from {accept:.2f} up, {accept_p:.0%} of them were right "
        f"({n_accept} proposals); below {reject:.2f}, {reject_p:.0%} were."
    )
    text = (
        '"""The review\'s bulk accept and reject thresholds, chosen from the calibration.\n\n'
        "Generated by ``make train`` (``scripts/train_extract.py``): accept at the lowest\n"
        f"confidence from which proposals of the tuning parts are right at least "
        f"{ACCEPT_PRECISION:.0%}\n"
        f"of the time, reject below the highest one under which at most {REJECT_PRECISION:.0%} "
        'are.\n"""\n\n'
        f"ACCEPT_AT: float = {accept!r}\n"
        '"""Bulk accept proposals at or above this confidence."""\n'
        f"REJECT_BELOW: float = {reject!r}\n"
        '"""Bulk reject proposals below this confidence."""\n'
        "THRESHOLD_NOTE: str = (\n"
        + "".join(f"    {json.dumps(line)}\n" for line in _wrap(note))
        + ")\n"
        '"""A sentence for the review\'s tooltip: how the thresholds were chosen."""\n'
    )
    (_ROOT / "argmap" / "extract" / "thresholds.py").write_text(text, encoding="utf-8")


def _tuple(values: Sequence[float]) -> str:
    return "(\n" + "".join(f"    {v!r},\n" for v in values) + ")"


def write_weights(
    ranker: Sequence[float],
    confidence: Sequence[float],
    short: Sequence[float],
    long: Sequence[float],
    budget: float,
) -> None:
    text = (
        '"""Learnt weights of the proposer. Generated by ``make train``\n'
        "(``scripts/train_extract.py``) from the tuning parts of ``../shared/data`` and the\n"
        'seed maps (``TUNING.md``); do not edit by hand."""\n\n'
        f"THESIS_WEIGHTS: tuple[float, ...] = {_tuple(ranker)}\n"
        '"""The thesis ranker\'s weights of :data:`argmap.extract.thesis.THESIS_FEATURES`."""\n'
        f"THESIS_CONFIDENCE: tuple[float, ...] = {_tuple(confidence)}\n"
        '"""Logistic of :func:`argmap.extract.thesis.confidence_features`: P(a candidate is the\n'
        'thesis)."""\n'
        f"CALIBRATION_SHORT: tuple[float, ...] = {_tuple(short)}\n"
        '"""Claim confidence in short texts (:data:`~argmap.extract.calibration.'
        'CALIBRATION_FEATURES`)."""\n'
        f"CALIBRATION_LONG: tuple[float, ...] = {_tuple(long)}\n"
        '"""Claim confidence in long texts (op-eds, news, long posts)."""\n'
        f"CLAIM_BUDGET: float = {budget!r}\n"
        '"""Share of an op-ed\'s units proposed as claims at most (1.0: no budget); the\n'
        "weakest premise and evidence proposals beyond it are dropped rather than left for\n"
        'the user to reject."""\n'
    )
    (_ROOT / "argmap" / "extract" / "weights.py").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
