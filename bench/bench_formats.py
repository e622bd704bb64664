"""Argdown import and SVG export, argmap vs Argdown's own command line, as whole processes.

For N = 100, 1,000 and 5,000 a generated Argdown document holds N statements, N arguments
and 2N relations (each statement is supported by its own argument and attacked by another
one). Both tools convert it as a user would run them, one process per run, start-up
included:

- to JSON: ``argmap convert doc.argdown doc.argmap.json`` vs ``argdown json doc.argdown out``
- to SVG: ``argmap convert doc.argdown doc.svg`` vs ``argdown map -f svg doc.argdown out``

Targets (issue 7): argmap at least 3x faster to JSON and 5x faster to SVG, and argmap must
succeed at N = 5,000, where Argdown's SVG export (Viz.js) runs out of stack.

Both sides run warm, as a user's second run would: argmap with Python's bytecode cache, as an
installed program does (pip compiles it at install time, and a checkout caches it on first
run). Sandboxes and CI often set ``PYTHONDONTWRITEBYTECODE``, which makes every run compile
argmap's sources again (about 0.2 s per process here), a cost no user pays; so the children
get a bytecode cache folder of their own inside the bench's temporary folder. Each tool
gets one untimed warm-up run per document and target (file caches, bytecode). Argdown
runs as Node runs it by default.

The machine may be shared, so the two tools' runs alternate (argmap, Argdown, argmap, ...):
a burst of load elsewhere then slows both sides instead of one. Each cell is the median of
``RUNS`` runs with its range (fastest-slowest); the ratio is of the medians. SVG at N =
5,000 runs once: Argdown fails there and argmap takes seconds.

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
RUNS = 5
RUNS_LARGE = 1
"""Runs of the SVG export at the largest size, where one run takes seconds."""
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


Times = list[float] | None
"""Wall times of the runs, or None when the tool failed or made no output."""


def run_once(command: list[str], expect: Path, env: dict[str, str]) -> float | None:
    """Wall time of one whole process; None when it fails or makes no output."""
    if expect.exists():
        expect.unlink()
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, env=env, check=False)
    except subprocess.TimeoutExpired:
        return None
    elapsed = time.perf_counter() - start
    if done.returncode != 0 or not expect.exists():
        return None
    return elapsed


def alternating(
    sides: list[tuple[list[str], Path, dict[str, str]]], runs: int, warm_up: bool = True
) -> list[Times]:
    """Time each side's command ``runs`` times, the sides taking turns, after one untimed
    warm-up run each; a side that fails once is not run again."""
    times: list[Times] = [[] for _ in sides]
    for turn in range(runs + (1 if warm_up else 0)):
        for k, (command, expect, env) in enumerate(sides):
            side = times[k]
            if side is None:
                continue
            elapsed = run_once(command, expect, env)
            if elapsed is None:
                times[k] = None
            elif turn or not warm_up:
                side.append(elapsed)
    return times


def _cell(times: Times) -> str:
    if times is None:
        return "failed"
    return f"{statistics.median(times):5.2f} ({min(times):.2f}-{max(times):.2f})"


def _ratio(theirs: Times, ours: Times) -> str:
    if ours is None:
        return "argmap failed"
    if theirs is None:
        return "only argmap"
    return f"{statistics.median(theirs) / statistics.median(ours):5.1f}x"


def main() -> None:
    cli = argdown_cli()
    if cli is None:
        print(
            "Argdown CLI not found: install it in a scratch folder "
            "(cd /tmp/argdown && npm install @argdown/cli) and set "
            "ARGDOWN_CLI=/tmp/argdown/node_modules/.bin/argdown; argmap's own figures follow."
        )
    argmap = argmap_command()
    rows: list[tuple[int, Times, Times, Times, Times]] = []
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as folder:
        work = Path(folder)
        ours = child_env(work / "pycache")
        theirs = child_env()
        out = work / "argdown-out"
        for n in SIZES:
            source = work / f"debate{n}.argdown"
            source.write_text(document(n), encoding="utf-8")
            row: list[Times] = []
            for target, flag in (("argmap.json", "json"), ("svg", "svg")):
                mine = work / f"d{n}.{target}"
                sides = [([*argmap, "convert", str(source), str(mine)], mine, ours)]
                if cli is not None:
                    command = [cli, "json"] if flag == "json" else [cli, "map", "-f", "svg"]
                    expect = out / f"debate{n}.{flag}"
                    sides.append(([*command, str(source), str(out)], expect, theirs))
                large = flag == "svg" and n == max(SIZES)
                times = alternating(sides, RUNS_LARGE if large else RUNS, warm_up=not large)
                row += [times[0], times[1] if cli is not None else None]
            rows.append((n, row[0], row[1], row[2], row[3]))
            print(f"  N = {n}: done", file=sys.stderr)
    print()
    print("Argdown document -> argmap JSON and -> SVG, whole processes: median (range) seconds")
    print(
        f"{'N':>6} | {'argmap json':>17} | {'argdown json':>17} | {'ratio':>6} | "
        f"{'argmap svg':>17} | {'argdown svg':>17} | {'ratio':>12}"
    )
    print("-" * 112)
    for n, ours_json, theirs_json, ours_svg, theirs_svg in rows:
        print(
            f"{n:>6} | {_cell(ours_json):>17} | "
            f"{_cell(theirs_json) if cli else 'n/a':>17} | "
            f"{_ratio(theirs_json, ours_json) if cli else 'n/a':>6} | {_cell(ours_svg):>17} | "
            f"{_cell(theirs_svg) if cli else 'n/a':>17} | "
            f"{_ratio(theirs_svg, ours_svg) if cli else 'n/a':>12}"
        )
    print("targets: json ratio >= 3x, svg ratio >= 5x, argmap succeeds at N = 5000")
    print(
        f"{RUNS} alternating runs per cell after one warm-up run each ({RUNS_LARGE} run, no "
        f"warm-up, for SVG at N = {max(SIZES)}); argmap with a warm bytecode cache, as installed"
    )


if __name__ == "__main__":
    main()
