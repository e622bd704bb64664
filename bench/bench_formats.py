"""Argdown import and SVG export, argmap vs Argdown's own command line, as whole processes.

For N = 100, 1,000 and 5,000 a generated Argdown document holds N statements, N arguments
and 2N relations (each statement is supported by its own argument and attacked by another
one). Both tools convert it as a user would run them, one process per run, start-up
included:

- to JSON: ``argmap convert doc.argdown doc.argmap.json`` vs ``argdown json doc.argdown out``
- to SVG: ``argmap convert doc.argdown doc.svg`` vs ``argdown map -f svg doc.argdown out``

Targets (issue 7): argmap at least 3x faster to JSON and 5x faster to SVG, and argmap must
succeed at N = 5,000, where Argdown's SVG export (Viz.js) runs out of stack.

argmap runs with Python's bytecode cache, as an installed program does (pip compiles it at
install time, and a checkout caches it on first run). Sandboxes and CI often set
``PYTHONDONTWRITEBYTECODE``, which makes every run compile argmap's sources again (about
0.2 s per process here), a cost no user pays; so the children get a bytecode cache folder
of their own inside the bench's temporary folder, filled by one untimed warm-up run.
Argdown runs as Node runs it by default. Times are medians of ``JSON_RUNS`` / ``SVG_RUNS``
runs (SVG at N = 5,000 once: Argdown fails there and argmap takes seconds).

Argdown's CLI is found through ``ARGDOWN_CLI`` (the ``argdown`` executable), else on PATH.
Install it in a scratch folder, never in the repository:
``cd /tmp/argdown && npm install @argdown/cli`` then
``ARGDOWN_CLI=/tmp/argdown/node_modules/.bin/argdown make bench``.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (100, 1000, 5000)
JSON_RUNS = 3
SVG_RUNS = 3
SVG_RUNS_LARGE = 1
"""Runs at the largest size, where one run takes seconds."""
TIMEOUT = 900.0


def document(n: int) -> str:
    """N statements, N arguments, 2N relations: a support and an attack per statement."""
    lines = ["===", "title: Generated debate", "===", ""]
    for i in range(n):
        j = (i * 7 + 3) % n
        lines += [
            f"[s{i}]: Statement {i} says the policy of engagement is sound for reason {i}.",
            f"    + <a{i}>: Argument {i} backs statement {i} with evidence from the region.",
            f"    - <a{j}>",
            "",
        ]
    return "\n".join(lines)


def argdown_cli() -> str | None:
    """Argdown's ``argdown`` executable, from ARGDOWN_CLI or PATH."""
    configured = os.environ.get("ARGDOWN_CLI")
    if configured:
        return configured if Path(configured).exists() else None
    return shutil.which("argdown")


def argmap_command() -> list[str]:
    script = Path(sys.executable).with_name("argmap")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ui.cli"]


def child_env(pycache: Path | None = None) -> dict[str, str]:
    """The environment of a timed run: no display (offscreen Qt), and for argmap a bytecode
    cache in ``pycache`` even where the caller disabled writing one."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def timed(
    command: list[str], runs: int, expect: Path | None, env: dict[str, str] | None = None
) -> float | None:
    """Median wall time of ``runs`` runs; None when the tool fails or makes no output."""
    times = []
    env = env if env is not None else child_env()
    for _ in range(runs):
        if expect is not None and expect.exists():
            expect.unlink()
        start = time.perf_counter()
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=TIMEOUT, env=env, check=False
            )
        except subprocess.TimeoutExpired:
            return None
        elapsed = time.perf_counter() - start
        if done.returncode != 0 or (expect is not None and not expect.exists()):
            return None
        times.append(elapsed)
    return statistics.median(times)


def _cell(seconds: float | None) -> str:
    return "failed" if seconds is None else f"{seconds:8.2f} s"


def _ratio(theirs: float | None, ours: float | None) -> str:
    if ours is None:
        return "argmap failed"
    if theirs is None:
        return "only argmap"
    return f"{theirs / ours:5.1f}x"


def main() -> None:
    cli = argdown_cli()
    if cli is None:
        print(
            "Argdown CLI not found: install it in a scratch folder "
            "(cd /tmp/argdown && npm install @argdown/cli) and set "
            "ARGDOWN_CLI=/tmp/argdown/node_modules/.bin/argdown; argmap's own figures follow."
        )
    argmap = argmap_command()
    rows = []
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as folder:
        work = Path(folder)
        ours = child_env(work / "pycache")
        warm = work / "warm-up.argdown"
        warm.write_text(document(10), encoding="utf-8")
        for target in ("warm.argmap.json", "warm.svg"):  # fills the bytecode cache
            timed([*argmap, "convert", str(warm), str(work / target)], 1, None, ours)
        for n in SIZES:
            source = work / f"debate{n}.argdown"
            source.write_text(document(n), encoding="utf-8")
            svg_runs = SVG_RUNS if n < max(SIZES) else SVG_RUNS_LARGE
            ours_json = timed(
                [*argmap, "convert", str(source), str(work / f"d{n}.argmap.json")],
                JSON_RUNS,
                work / f"d{n}.argmap.json",
                ours,
            )
            ours_svg = timed(
                [*argmap, "convert", str(source), str(work / f"d{n}.svg")],
                svg_runs,
                work / f"d{n}.svg",
                ours,
            )
            theirs_json = theirs_svg = None
            if cli is not None:
                out = work / "argdown-out"
                theirs_json = timed(
                    [cli, "json", str(source), str(out)], JSON_RUNS, out / f"debate{n}.json"
                )
                theirs_svg = timed(
                    [cli, "map", "-f", "svg", str(source), str(out)],
                    svg_runs,
                    out / f"debate{n}.svg",
                )
            rows.append((n, ours_json, theirs_json, ours_svg, theirs_svg))
            print(f"  N = {n}: done", file=sys.stderr)
    print()
    print("Argdown document -> argmap JSON and -> SVG, whole processes (median wall time)")
    print(
        f"{'N':>6} | {'argmap json':>11} | {'argdown json':>12} | {'ratio':>6} | {'argmap svg':>11} | {'argdown svg':>11} | {'ratio':>12}"
    )
    print("-" * 90)
    for n, ours_json, theirs_json, ours_svg, theirs_svg in rows:
        print(
            f"{n:>6} | {_cell(ours_json):>11} | {_cell(theirs_json) if cli else 'n/a':>12} | "
            f"{_ratio(theirs_json, ours_json) if cli else 'n/a':>6} | {_cell(ours_svg):>11} | "
            f"{_cell(theirs_svg) if cli else 'n/a':>11} | {_ratio(theirs_svg, ours_svg) if cli else 'n/a':>12}"
        )
    print("targets: json ratio >= 3x, svg ratio >= 5x, argmap succeeds at N = 5000")
    print(
        f"medians of {JSON_RUNS} (json) and {SVG_RUNS} (svg; {SVG_RUNS_LARGE} at N = "
        f"{max(SIZES)}) runs; argmap with a warm bytecode cache, as installed"
    )


if __name__ == "__main__":
    main()
