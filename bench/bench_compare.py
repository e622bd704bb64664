"""Benchmark of comparing positions: what stands, the overlay, contested and load-bearing.

The targets (issue 6): grounded labelling plus overlay refresh after an edit within 50 ms
for 1,000 claims and 500 ms for 10,000. The overlay is measured on a real ``MapScene``
(offscreen): apply one edit that changes the labelling, label the map, build the marks and
hand them to the scene, which repaints every card whose mark changed.

Run with ``make bench`` or ``python -m bench.bench_compare``.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZES = (1_000, 10_000)
REPEAT = 7
TARGET_MS = {1_000: 50.0, 10_000: 500.0}


def _ms(fn: Callable[[], object], repeat: int = REPEAT) -> float:
    """Median wall time of ``fn`` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _overlay_after_edit(n: int) -> tuple[float, float, float]:
    """(edit applied, labelling + marks + scene, total) in ms: median over edit/undo pairs."""
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from argmap.analysis.semantics import grounded_map, overlay_marks
    from argmap.edit.document import MapDocument
    from argmap.edit.edits import AddLink
    from argmap.map.model import Link
    from argmap.map.synthetic import synthetic_map
    from ui.qt.base.undo import push_edit
    from ui.qt.canvas import MapScene

    app = QApplication.instance() or QApplication([])
    doc = MapDocument(synthetic_map(n, with_positions=True))
    stack = QUndoStack()
    scene = MapScene(doc, stack)
    scene.set_overlay(overlay_marks(grounded_map(doc.map)))
    app.processEvents()

    edits, refreshes, totals = [], [], []
    for i in range(REPEAT):
        # An unattacked thesis (c0..c4 are theses) attacks another: labels flip downstream.
        link = Link(id=f"bench-{i}", kind="attack", from_claim=f"c{n - 1 - i}", to_claim="c0")
        t0 = time.perf_counter()
        push_edit(stack, doc, AddLink(link))
        t1 = time.perf_counter()
        scene.set_overlay(overlay_marks(grounded_map(doc.map)))
        t2 = time.perf_counter()
        edits.append((t1 - t0) * 1000)
        refreshes.append((t2 - t1) * 1000)
        totals.append((t2 - t0) * 1000)
        stack.undo()
        scene.set_overlay(overlay_marks(grounded_map(doc.map)))
        app.processEvents()
    scene.detach()
    return statistics.median(edits), statistics.median(refreshes), statistics.median(totals)


def main() -> None:
    from argmap.analysis.compare import agreement_matrix, contested_claims, load_bearing
    from argmap.analysis.positions import positions_matrix
    from argmap.analysis.semantics import grounded_map, overlay_marks
    from argmap.drawing.lanes import lane_layout
    from argmap.map.synthetic import synthetic_map

    load_bearing(synthetic_map(10))  # import networkx outside the timings

    print("bench_compare: what stands, overlay, contested, load-bearing (median of 7, ms)")
    header = (
        f"{'claims':>7} {'links':>6} {'label':>7} {'marks':>7} {'edit':>7} {'refresh':>8} "
        f"{'total':>7} {'target':>7} {'matrix':>7} {'agree':>7} {'contest':>8} {'load-b':>7} "
        f"{'lanes':>7}"
    )
    print(header)
    print("-" * len(header))
    for n in SIZES:
        amap = synthetic_map(n, with_positions=True)
        labels = grounded_map(amap)
        label = _ms(lambda amap=amap: grounded_map(amap))  # type: ignore[misc]
        marks = _ms(lambda labels=labels: overlay_marks(labels))  # type: ignore[misc]
        edit, refresh, total = _overlay_after_edit(n)
        matrix = _ms(lambda amap=amap: positions_matrix(amap))  # type: ignore[misc]
        agree = _ms(lambda amap=amap: agreement_matrix(amap))  # type: ignore[misc]
        contest = _ms(lambda amap=amap: contested_claims(amap))  # type: ignore[misc]
        bearing = _ms(lambda amap=amap: load_bearing(amap), repeat=3)  # type: ignore[misc]
        lanes = _ms(lambda amap=amap: lane_layout(amap), repeat=3)  # type: ignore[misc]
        ok = "ok" if refresh <= TARGET_MS[n] else "SLOW"
        print(
            f"{n:>7} {len(amap.links):>6} {label:>7.1f} {marks:>7.1f} {edit:>7.1f} "
            f"{refresh:>8.1f} {total:>7.1f} {TARGET_MS[n]:>5.0f} {ok:<2}"
            f"{matrix:>7.1f} {agree:>7.1f} {contest:>8.1f} {bearing:>7.1f} {lanes:>7.1f}"
        )
    print(
        "label: grounded labelling of the map; marks: overlay colours from labels; edit: one "
        "attack link added through the undo stack (the scene draws it); refresh: labelling + "
        "marks + MapScene.set_overlay (the figure with the 50 / 500 ms target); total: both."
    )


if __name__ == "__main__":
    main()
