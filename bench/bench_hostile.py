"""Reading 200 MB of hostile input in every format: memory and time (issue 18).

Target: each file is refused with a message, or read, within seconds, and the reading
process stays under 2 GB. Every case is a file just under the one size limit every reader
applies (:data:`argmap.util.fileio.MAX_READ_BYTES`, 200 MB), plus the cases the limit
exists for: a file above it, ``/dev/zero`` behind a link and a FIFO with no writer.

Each case runs in a process of its own, so its peak resident memory (``ru_maxrss``) is its
own; the figure includes the interpreter and the imports (about 60 MB). Files are written
in pieces, so the bench itself stays small. ``BENCH_HOSTILE=Argdown,GraphML python -m bench
hostile`` runs only the cases whose names contain one of those words.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from argmap.util.fileio import MAX_READ_BYTES

SIZE = MAX_READ_BYTES - 1_000_000
"""Just under the limit: the input is read, so what it does to the reader shows."""
TIMEOUT = 300.0

READER = """
import resource, sys, time
from argmap.formats.registry import read_map
from argmap.map.mapfile import MapFileError
started = time.perf_counter()
try:
    result = read_map(sys.argv[1])
    outcome = f"read: {len(result.map.claims):,} claims, {len(result.map.links):,} links"
except MapFileError as exc:
    outcome = "refused: " + str(exc).splitlines()[0].split(": ", 1)[-1][:70]
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{seconds:.1f}\\t{peak:.0f}\\t{outcome}")
"""


def repeated(head: str, unit: str, tail: str, size: int = SIZE) -> Iterator[str]:
    """``head``, then ``unit`` as many times as fit in ``size`` bytes, then ``tail``."""
    yield head
    count = max(0, (size - len(head) - len(tail)) // len(unit))
    chunk = 1 + 1_000_000 // len(unit)
    while count > 0:
        n = min(count, chunk)
        yield unit * n
        count -= n
    yield tail


def numbered(head: str, unit: str, sep: str, tail: str, size: int = SIZE) -> Iterator[str]:
    """``head``, ``unit.format(i)`` joined by ``sep`` until ``size`` bytes, ``tail``."""
    yield head
    written, i, parts = len(head) + len(tail), 0, []
    while written < size:
        part = unit.format(i) + sep
        parts.append(part)
        written += len(part)
        i += 1
        if len(parts) >= 10_000:
            yield "".join(parts)
            parts = []
    text = "".join(parts)
    yield text[: len(text) - len(sep)] if text.endswith(sep) else text
    yield tail


def _map_claims() -> Iterator[str]:
    return numbered(
        '{"schema_version": 1, "claims": [',
        '{{"id": "c{}", "kind": "premise", "text": "x"}}',
        ", ",
        "]}",
    )


def _aif_nodes() -> Iterator[str]:
    return numbered(
        '{"nodes": [', '{{"nodeID": "{}", "type": "I", "text": "x"}}', ",", '], "edges": []}'
    )


def _graphml_nodes() -> Iterator[str]:
    head = '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>'
    return numbered(head, '<node id="n{}"/>', "\n", "</graph></graphml>")


CASES: list[tuple[str, str, Callable[[], Iterator[str]]]] = [
    ("map: 200 MB of [", "m.argmap.json", lambda: repeated('{"title": ', "[", "}")),
    (
        "map: one 200 MB title",
        "m.argmap.json",
        lambda: repeated('{"schema_version": 1, "title": "', "ab", '"}'),
    ),
    ("map: millions of claims", "m.argmap.json", _map_claims),
    ("json: 200 MB of {", "m.json", lambda: repeated("", '{"a":', "")),
    ("AIF: 200 MB of [", "a.aif.json", lambda: repeated('{"nodes": ', "[", "")),
    (
        "AIF: one 200 MB text",
        "a.aif.json",
        lambda: repeated(
            '{"nodes": [{"nodeID": "1", "type": "I", "text": "', "ab", '"}], "edges": []}'
        ),
    ),
    ("AIF: millions of nodes", "a.aif.json", _aif_nodes),
    ("Argdown: one 200 MB line", "d.argdown", lambda: repeated("[A]: ", "ab ", "\n")),
    ("Argdown: 200 MB line, 2 spaces", "d.argdown", lambda: repeated("[A]: ", "ab  ", "\n")),
    ("Argdown: data 200 MB deep", "d.argdown", lambda: repeated("[A]: x {a: ", "[", "}\n")),
    ("Argdown: millions of statements", "d.argdown", lambda: numbered("", "[s{}]: x", "\n", "\n")),
    ("Argdown: 200 MB comment", "d.argdown", lambda: repeated("<!-- ", "ab ", "\n")),
    (
        "GraphML: elements 200 MB deep",
        "g.graphml",
        lambda: repeated('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">', "<a>", ""),
    ),
    (
        "GraphML: one 200 MB label",
        "g.graphml",
        lambda: repeated(
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="l" for="node" attr.name="label"/><graph><node id="a"><data key="l">',
            "ab",
            "</data></node></graph></graphml>",
        ),
    ),
    ("GraphML: millions of nodes", "g.graphml", _graphml_nodes),
]


def _write(path: Path, parts: Iterator[str]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for part in parts:
            out.write(part)


def _run(path: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", READER, str(path)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"{time.perf_counter() - started:.0f}\t?\tTIMED OUT"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return f"{time.perf_counter() - started:.1f}\t?\tFAILED ({done.returncode}): {last[:60]}"
    return done.stdout.strip()


def main() -> None:
    run(os.environ.get("BENCH_HOSTILE", "").split(",") if os.environ.get("BENCH_HOSTILE") else [])


def run(wanted: list[str]) -> None:
    """Every case, or those whose name contains one of ``wanted``."""
    print(f"{'case':<34} {'MB in':>6} {'s':>6} {'peak MB':>8}  outcome", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        specials = [("above the limit (sparse)", root / "big.argdown", None)]
        for name, file, make in CASES:
            if wanted and not any(w.lower() in name.lower() for w in wanted):
                continue
            path = root / file
            _write(path, make())
            seconds, peak, outcome = _run(path).split("\t", 2)
            size = path.stat().st_size / 1e6
            print(f"{name:<34} {size:>6.0f} {seconds:>6} {peak:>8}  {outcome}", flush=True)
            path.unlink()
        if wanted:
            return
        with (root / "big.argdown").open("wb") as out:
            out.truncate(MAX_READ_BYTES + 1)
        (root / "z.argdown").symlink_to("/dev/zero")
        os.mkfifo(root / "p.graphml")
        specials += [("/dev/zero behind a link", root / "z.argdown", None)]
        specials += [("a FIFO with no writer", root / "p.graphml", None)]
        for name, path, _ in specials:
            seconds, peak, outcome = _run(path).split("\t", 2)
            print(f"{name:<34} {'':>6} {seconds:>6} {peak:>8}  {outcome}", flush=True)
    print("target: every case refused or read within seconds, under 2,000 MB")
