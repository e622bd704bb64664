"""Drawing a map as SVG without Qt, at 1k and 10k claims, beside its floor, and its growth.

The whole-process comparison with Argdown's CLI is in bench_formats; this one isolates the
writer (:func:`argmap.formats.svg.map_svg`) on maps with saved positions, so the layout is not
in the figure, and splits it into measuring and placing the cards (``argmap.drawing.picture``) and writing
the text. Floor: ``json.dumps`` of the same map's data, a text serialisation of similar
size. Target: linear growth (x10 claims, about x10 time) and the writer within a few
times its floor.
"""

from __future__ import annotations

import json

from argmap.drawing.picture import picture
from argmap.formats.svg import map_svg
from argmap.map.synthetic import synthetic_map
from bench.bench_core import best_of

SIZES = (1_000, 10_000)


def main() -> None:
    print(
        f"{'claims':>7} {'links':>6} {'SVG MB':>7} | {'picture s':>9} {'map_svg s':>9} "
        f"{'dumps s':>8} {'ratio':>6}"
    )
    rows = []
    for n in SIZES:
        amap = synthetic_map(n, with_positions=True)
        data = amap.model_dump(mode="json")
        svg = map_svg(amap)
        t_picture = best_of(lambda amap=amap: picture(amap), 3)
        t_svg = best_of(lambda amap=amap: map_svg(amap), 3)
        t_dumps = best_of(lambda data=data: json.dumps(data, indent=2), 3)
        rows.append((n, t_svg))
        print(
            f"{n:>7,} {len(amap.links):>6,} {len(svg) / 1e6:>7.1f} | {t_picture:>9.3f} "
            f"{t_svg:>9.3f} {t_dumps:>8.3f} {t_svg / t_dumps:>5.1f}x"
        )
    (n1, t1), (n2, t2) = rows
    print(f"growth from {n1:,} to {n2:,} claims (x{n2 // n1}): map_svg x{t2 / t1:.1f}")
