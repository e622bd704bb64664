"""Canvas benchmark: open-to-paint, layout, drag cost and memory at 1k and 5k claims.

Targets (issue 4): a 5,000-claim map with saved positions opens to a painted window in
≤ 2 s; a 1,000-claim map without positions lays out in ≤ 1 s; each mouse-move event of a
drag in it costs ≤ 5 ms; the 5,000-claim map costs ≤ 400 MB resident.

Each size runs in a fresh interpreter so the resident-memory figure is that map's alone.
Run it with ``make bench`` (all benches) or directly: ``python bench/bench_canvas.py``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SIZES = (1000, 5000)
TARGETS = {"open_s": (5000, 2.0), "layout_s": (1000, 1.0), "move_ms": (1000, 5.0)}
RSS_TARGET_MB = (5000, 400.0)


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(n: int) -> dict[str, Any]:
    """All figures for one map size (call in a fresh process)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QMouseEvent, QUndoStack
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from argmap.drawing.layout import layered_layout
    from argmap.edit.document import MapDocument
    from argmap.map.mapfile import load, save
    from argmap.map.synthetic import synthetic_map
    from ui.qt.canvas import MapView

    base_rss = _rss_mb()
    out: dict[str, Any] = {"n": n}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"synthetic-{n}.argmap.json"
        save(synthetic_map(n), path)

        # 1. open a map with saved positions to a painted window
        t0 = time.perf_counter()
        doc = MapDocument(load(path))
        view = MapView(doc, QUndoStack())
        view.resize(1400, 900)
        view.show()
        app.processEvents()  # runs the first fit-all
        view.viewport().repaint()
        out["open_s"] = time.perf_counter() - t0
        out["links"] = len(doc.links)
        out["open_zoom"] = view.zoom()
        app.processEvents()
        view.fit_all()  # the whole map at once: every card and arrow painted
        app.processEvents()
        t0 = time.perf_counter()
        view.viewport().repaint()
        out["fit_paint_s"] = time.perf_counter() - t0
        out["rss_mb"] = _rss_mb()
        out["rss_canvas_mb"] = out["rss_mb"] - base_rss

        # 2. layout of the same map with no positions (the pure layout call)
        amap = synthetic_map(n)
        amap.claims = [c.model_copy(update={"pos": None}) for c in amap.claims]
        sizes = view.map_scene().card_sizes()
        t0 = time.perf_counter()
        layered_layout(amap, sizes)
        out["layout_s"] = time.perf_counter() - t0

        # 3. opening that unpositioned map (layout + build + paint)
        view.close()
        view.map_scene().detach()
        t0 = time.perf_counter()
        doc2 = MapDocument(amap)
        view2 = MapView(doc2, QUndoStack())
        view2.resize(1400, 900)
        view2.show()
        app.processEvents()
        view2.viewport().repaint()
        out["open_unpositioned_s"] = time.perf_counter() - t0

        # 4. drag the most linked claim at 100 % zoom: cost of each move event
        scene = view2.map_scene()
        hub = max(doc2.claims, key=lambda c: len(scene.links_at(c)))
        out["hub_links"] = len(scene.links_at(hub))
        item = scene.claim_item(hub)
        assert item is not None
        view2.reset_zoom()
        view2.centerOn(item)
        app.processEvents()
        vp = view2.viewport()
        start = view2.mapFromScene(item.scenePos())

        def send(
            kind: QMouseEvent.Type, p: QPoint, button: Qt.MouseButton, buttons: Qt.MouseButton
        ) -> None:
            event = QMouseEvent(
                kind,
                QPointF(p),
                QPointF(vp.mapToGlobal(p)),
                button,
                buttons,
                Qt.KeyboardModifier.NoModifier,
            )
            QApplication.sendEvent(vp, event)

        left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
        send(QMouseEvent.Type.MouseButtonPress, start, left, left)
        handle_ms, painted_ms = [], []
        for i in range(1, 121):
            p = start + QPoint((i % 40) * 3, (i % 25) * 2)
            t0 = time.perf_counter()
            send(QMouseEvent.Type.MouseMove, p, none, left)
            t1 = time.perf_counter()
            app.processEvents()  # the repaint the move caused
            t2 = time.perf_counter()
            handle_ms.append((t1 - t0) * 1000)
            painted_ms.append((t2 - t0) * 1000)
        send(QMouseEvent.Type.MouseButtonRelease, start + QPoint(30, 20), left, none)
        out["move_ms"] = statistics.median(handle_ms)
        out["move_p95_ms"] = sorted(handle_ms)[int(len(handle_ms) * 0.95)]
        out["move_painted_ms"] = statistics.median(painted_ms)
        out["undo_entries_after_drag"] = view2.undo_stack.count()
        view2.close()
        view2.map_scene().detach()
    return out


def _run_child(n: int) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    root = Path(__file__).resolve().parent.parent
    env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")])
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--one", str(n)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=root,
    )
    lines = [x for x in proc.stdout.splitlines() if x.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"bench child for n={n} failed:\n{proc.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def _verdict(key: str, n: int, value: float) -> str:
    target = TARGETS.get(key)
    if key == "rss_mb":
        target = RSS_TARGET_MB
    if target is None or target[0] != n:
        return ""
    return " ok" if value <= target[1] else " OVER"


def main() -> None:
    rows = [_run_child(n) for n in SIZES]
    print("canvas benchmark (offscreen; synthetic maps, 1.5 links per claim)")
    columns = [
        ("open_s", "open→painted, saved positions (s)", "{:.2f}"),
        ("open_zoom", "  zoom it opens at (readable or fit)", "{:.2f}"),
        ("fit_paint_s", "repaint of the whole map fitted (s)", "{:.2f}"),
        ("layout_s", "layered layout, no positions (s)", "{:.2f}"),
        ("open_unpositioned_s", "open→painted, no positions (s)", "{:.2f}"),
        ("move_ms", "drag: per move event, median (ms)", "{:.2f}"),
        ("move_p95_ms", "drag: per move event, p95 (ms)", "{:.2f}"),
        ("move_painted_ms", "drag: move + repaint, median (ms)", "{:.2f}"),
        ("hub_links", "links of the dragged claim", "{:d}"),
        ("rss_mb", "resident memory (MB)", "{:.0f}"),
        ("rss_canvas_mb", "  of which the open map (MB)", "{:.0f}"),
    ]
    head = f"{'':38}" + "".join(f"{r['n']:>14,d} claims" for r in rows)
    print(head)
    for key, label, fmt in columns:
        cells = "".join(f"{fmt.format(r[key]) + _verdict(key, r['n'], r[key]):>21}" for r in rows)
        print(f"{label:38}{cells}")
    small, big = rows[0], rows[-1]
    factor = big["n"] / small["n"]
    print(f"growth from {small['n']:,} to {big['n']:,} claims (x{factor:.0f}):")
    for key, label, _ in columns:
        if key in ("hub_links", "open_zoom") or not small[key]:
            continue
        print(f"  {label.strip():38} x{big[key] / small[key]:.1f}")
    print(f"undo entries after one drag: {small['undo_entries_after_drag']} (must be 1)")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(measure(int(sys.argv[2]))))
    else:
        main()
