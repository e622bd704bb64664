"""Views on a large map: cutting out a view of 50 claims, laying it out and exporting it,
and stepping through it as Present mode does.

On the 10,000-claim synthetic map, a hand-picked view of 50 linked claims (a
neighbourhood, as a teacher would choose) is cut out (:func:`argmap.analysis.views.view_map`),
laid out (:func:`argmap.drawing.views.laid_out_view`) and written as SVG and as PNG (the
app's own scene, offscreen). Stepping shows one more card and hides it again on the
view's read-only scene (:func:`ui.qt.render.slides.show_step`). Targets (issue 13): the
view drawn and exported in at most 0.5 s, a step in at most 50 ms.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from argmap.analysis.views import view_claims, view_steps
from argmap.drawing.views import laid_out_view
from argmap.formats.svg import map_svg
from argmap.map.model import View
from argmap.map.synthetic import synthetic_map
from bench.bench_core import best_of

CLAIMS = 10_000
VIEW_SIZE = 50


def fifty_claims(amap: object) -> View:
    """A neighbourhood view grown from one claim until it holds :data:`VIEW_SIZE` claims."""
    from argmap.map.model import ArgumentMap

    assert isinstance(amap, ArgumentMap)
    centre = amap.claims[0].id
    for depth in range(1, 11):
        view = View(id="bench", name="bench", kind="around", claims=[centre], depth=depth)
        ids = view_claims(amap, view)
        if len(ids) >= VIEW_SIZE:
            return View(id="bench", name="Fifty claims", kind="claims", claims=ids[:VIEW_SIZE])
    raise AssertionError("the synthetic map's neighbourhood stays small")


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.qt.render.images import SceneHolder, ensure_app, export_image
    from ui.qt.render.slides import show_step

    ensure_app()
    amap = synthetic_map(CLAIMS, with_positions=True)
    view = fifty_claims(amap)
    folder = Path(tempfile.mkdtemp(prefix="argmap-bench-views-"))

    def svg() -> None:
        (folder / "v.svg").write_bytes(map_svg(laid_out_view(amap, view)))

    def png() -> None:
        export_image(laid_out_view(amap, view), folder / "v.png")

    t_cut = best_of(lambda: laid_out_view(amap, view), 3)
    t_svg = best_of(svg, 3)
    t_png = best_of(png, 3)
    part = laid_out_view(amap, view)
    steps = view_steps(part, part.views[0])
    holder = SceneHolder(part)
    scene = holder.scene

    def step_through() -> None:
        for count in range(1, len(steps) + 1):
            show_step(scene, steps, count)
        for count in range(len(steps), 0, -1):
            show_step(scene, steps, count)

    t_steps = best_of(step_through, 3) / (2 * len(steps))
    print(
        f"map of {CLAIMS:,} claims, view of {len(part.claims)} claims and {len(part.links)} links"
    )
    print(f"{'cut out and laid out':<28} {t_cut:7.3f} s")
    print(f"{'drawn and exported, SVG':<28} {t_svg:7.3f} s   (target <= 0.5 s)")
    print(f"{'drawn and exported, PNG':<28} {t_png:7.3f} s   (target <= 0.5 s)")
    print(f"{'one step (show or hide)':<28} {t_steps * 1000:7.2f} ms  (target <= 50 ms)")
