"""Core file and graph costs at 1k, 10k and 50k claims, each beside its floor.

Floors are measured in the same run on the same bytes: ``json.loads`` of the file for
loading (argmap's load also validates every field and invariant), ``json.dumps`` of the same
data for saving (argmap's save also fsyncs and renames). Targets: load ≤ 3× its floor, save
≤ 3× its floor, both growing linearly. Start-up: ``argmap validate`` on a small map as a whole
process, target ≤ 0.3 s.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from argmap.analysis.stats import stats, to_digraph
from argmap.map.mapfile import encode, load, save
from argmap.map.synthetic import synthetic_map

SIZES = (1_000, 10_000, 50_000)


def best_of(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def process_time(args: list[str], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    print(
        f"{'claims':>7} {'MB':>6} | {'load s':>7} {'loads s':>7} {'ratio':>5} | "
        f"{'save s':>7} {'dumps s':>7} {'ratio':>5} | {'digraph s':>9} {'stats s':>7}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for n in SIZES:
            amap = synthetic_map(n, with_positions=True)
            path = Path(folder) / f"m{n}.argmap.json"
            save(amap, path)
            data = path.read_bytes()
            raw = json.loads(data)
            repeat = 5 if n <= 10_000 else 3
            t_load = best_of(lambda path=path: load(path), repeat)
            t_loads = best_of(lambda data=data: json.loads(data), repeat)
            t_save = best_of(lambda amap=amap, path=path: save(amap, path), repeat)
            t_dumps = best_of(lambda raw=raw: json.dumps(raw, ensure_ascii=False, indent=2), repeat)
            t_graph = best_of(lambda amap=amap: to_digraph(amap), repeat)
            t_stats = best_of(lambda amap=amap: stats(amap), repeat)
            print(
                f"{n:>7} {len(data) / 1e6:>6.1f} | {t_load:>7.3f} {t_loads:>7.3f} {t_load / t_loads:>5.2f} | "
                f"{t_save:>7.3f} {t_dumps:>7.3f} {t_save / t_dumps:>5.2f} | {t_graph:>9.3f} {t_stats:>7.3f}"
            )
        small = Path(folder) / "small.argmap.json"
        small.write_bytes(encode(synthetic_map(40)))
        t_validate = process_time([sys.executable, "-m", "ui.cli", "validate", str(small)])
        t_python = process_time([sys.executable, "-c", "pass"])
    print(
        f"\nargmap validate, small map, whole process: {t_validate:.3f} s (bare python start-up {t_python:.3f} s)"
    )


if __name__ == "__main__":
    main()
