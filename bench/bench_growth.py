"""Costs that grew with the square of a hostile input, now linear (issue 18, item 6).

Each case runs at 1x and 10x input and prints both times and the ratio; linear growth is
about x10 (a little more or less for fixed costs and caches), quadratic would be x100.

- AIF import, one linked argument (an RA node) with N premises: each of its N links carries
  a note that named every premise, so the map grew as N² (6,000 premises: 247 MB).
  Also prints the map's size, which must grow as N.
- AIF cycle check, one scheme node with N scheme successors (a fan-out): the successors
  were recomputed at every step of the walk.
- SVG export, one card whose label is N characters of words: each line's top was computed
  from the first line down.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from argmap.formats.aif import read_aif
from argmap.formats.svg import map_svg
from argmap.map.mapfile import encode
from argmap.map.model import ArgumentMap, Claim


def linked_argument(premises: int) -> str:
    """AIF: ``premises`` I-nodes into one RA, which concludes one more I-node."""
    nodes = [{"nodeID": str(i), "type": "I", "text": f"Premise {i}"} for i in range(premises)]
    nodes += [{"nodeID": "c", "type": "I", "text": "Conclusion"}, {"nodeID": "ra", "type": "RA"}]
    edges = [{"edgeID": f"e{i}", "fromID": str(i), "toID": "ra"} for i in range(premises)]
    edges.append({"edgeID": "ec", "fromID": "ra", "toID": "c"})
    return json.dumps({"nodes": nodes, "edges": edges})


def scheme_fan_out(successors: int) -> str:
    """AIF: one CA node undercutting ``successors`` RA nodes (scheme to scheme edges)."""
    nodes = [{"nodeID": "a", "type": "I", "text": "A"}, {"nodeID": "ca", "type": "CA"}]
    edges = [{"edgeID": "e0", "fromID": "a", "toID": "ca"}]
    for i in range(successors):
        nodes.append({"nodeID": f"ra{i}", "type": "RA"})
        edges.append({"edgeID": f"u{i}", "fromID": "ca", "toID": f"ra{i}"})
    return json.dumps({"nodes": nodes, "edges": edges})


def long_label(chars: int) -> ArgumentMap:
    words = ("engage ", "the ", "Taliban ", "while ", "leveraging ", "Pakistan ")
    text = "".join(words[i % len(words)] for i in range(chars // 6))[:chars]
    return ArgumentMap(claims=[Claim(id="a", kind="thesis", text=text.strip() or "x")])


def timed(call: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def _read(make: Callable[[int], str]) -> Callable[[int], Callable[[], object]]:
    def prepare(n: int) -> Callable[[], object]:
        data = make(n)
        return lambda: read_aif(data).map

    return prepare


def _svg(n: int) -> Callable[[], object]:
    amap = long_label(n)
    return lambda: map_svg(amap)


CASES: list[tuple[str, int, Callable[[int], Callable[[], object]]]] = [
    ("AIF linked premises", 6_000, _read(linked_argument)),
    ("AIF scheme fan-out", 8_000, _read(scheme_fan_out)),
    ("SVG label characters", 200_000, _svg),
]


def main() -> None:
    print(f"{'case':<22} {'1x input':>9} {'1x s':>7} {'10x s':>7} {'ratio':>6}  output 1x / 10x")
    for name, base, make in CASES:
        t1, out1 = timed(make(base))
        t10, out10 = timed(make(base * 10))
        sizes = ""
        if isinstance(out1, ArgumentMap) and isinstance(out10, ArgumentMap):
            sizes = f"map {len(encode(out1)) / 1e6:.1f} MB / {len(encode(out10)) / 1e6:.1f} MB"
        elif isinstance(out1, str | bytes) and isinstance(out10, str | bytes):
            sizes = f"SVG {len(out1) / 1e6:.1f} MB / {len(out10) / 1e6:.1f} MB"
        print(
            f"{name:<22} {base:>9,} {t1:>7.2f} {t10:>7.2f} {t10 / t1:>5.1f}x  {sizes}", flush=True
        )
    print("linear: about x10 from 1x to 10x (quadratic would be x100)")
