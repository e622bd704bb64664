"""Layering by Graphviz ``dot`` (through pygraphviz, whose wheel bundles Graphviz): the
source handed to it, how hard it tries for a map of a given size, and reading its answer
back as card centres and arrow routes.
"""

from __future__ import annotations

import contextlib
import io
import math
from collections.abc import Mapping, Sequence

from argmap.drawing.geometry import H_GAP, POINTS_PER_INCH, V_GAP, Polyline, Size


def _effort(n: int) -> dict[str, str]:
    """Graphviz effort limits by map size.

    Crossing reduction (``mclimit``) and network simplex (``nslimit``) dominate on big
    maps and grow faster than linearly. Bounding them keeps a 1,000-claim layout near half
    a second (measured: about 15 % more crossings than unbounded, which takes 1.5 s) while
    the drawing stays layered; hand-made maps (a few dozen claims) get the full effort.
    """
    if n <= 300:
        return {}
    if n <= 1500:
        return {"mclimit": "0.05", "nslimit": "0.5", "nslimit1": "0.5"}
    return {"mclimit": "0.02", "nslimit": "0.2", "nslimit1": "0.2", "searchsize": "10"}


STAGGER = 4
"""At most this many unsupported premises of one conclusion share a row (see staggered)."""


def staggered(edges: Sequence[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """Longer minimum lengths for some leaf edges, so wide fans become several rows.

    A conclusion with ten premises that nothing else supports would put all ten on one
    rank, and a map of a few such fans becomes a ribbon five times wider than high, which
    no projector shows legibly. Like Graphviz's ``unflatten -l``, the leaves of a fan get
    edge lengths 1, 2, 1, 2 ... so they stack in rows of at most ``STAGGER``.
    """
    incoming: dict[str, int] = {}
    outgoing: dict[str, int] = {}
    for a, b in edges:
        outgoing[a] = outgoing.get(a, 0) + 1
        incoming[b] = incoming.get(b, 0) + 1
    fans: dict[str, list[tuple[str, str]]] = {}
    for a, b in edges:
        if incoming.get(a, 0) == 0 and outgoing[a] == 1:  # a leaf: nothing argues for it
            fans.setdefault(b, []).append((a, b))
    out: dict[tuple[str, str], int] = {}
    for fan in fans.values():
        if len(fan) > STAGGER:
            rows = min(3, math.ceil(len(fan) / STAGGER))
            for i, edge in enumerate(fan):
                if i % rows:
                    out[edge] = 1 + i % rows
    return out


def run_dot(
    ids: Sequence[str],
    edges: Sequence[tuple[str, str]],
    sizes: Mapping[str, Size],
    minlen: Mapping[tuple[str, str], int],
    routes: dict[tuple[str, str], list[Polyline]] | None = None,
) -> dict[str, tuple[float, float]]:
    """Node centres from ``dot`` (y grows downwards, like the scene).

    With ``routes`` (a dict to fill), ``dot`` also routes the edges around the cards and
    each edge's route is added as a polyline from tail border to head border, under its
    (tail, head) key in edge order.
    """
    names = {cid: f"n{i}" for i, cid in enumerate(ids)}  # ids may hold ':' or '.'
    text = _dot_plain(_dot_source(ids, names, edges, sizes, minlen, splines=routes is not None))
    back = {name: cid for cid, name in names.items()}
    centres: dict[str, tuple[float, float]] = {}
    for line in text.splitlines():
        if line.startswith("node "):
            fields = line.split(" ", 4)
            cid = back[fields[1]]
            x = float(fields[2]) * POINTS_PER_INCH
            y = -float(fields[3]) * POINTS_PER_INCH
            centres[cid] = (x, y)
        elif routes is not None and line.startswith("edge "):
            fields = line.split()
            n = int(fields[3])
            coords = [float(v) * POINTS_PER_INCH for v in fields[4 : 4 + 2 * n]]
            controls = [(coords[k], -coords[k + 1]) for k in range(0, len(coords), 2)]
            key = (back[fields[1]], back[fields[2]])
            routes.setdefault(key, []).append(_bezier_polyline(controls))
    return centres


def _dot_source(
    ids: Sequence[str],
    names: Mapping[str, str],
    edges: Sequence[tuple[str, str]],
    sizes: Mapping[str, Size],
    minlen: Mapping[tuple[str, str], int],
    *,
    splines: bool,
) -> str:
    """The graph ``dot`` lays out, as DOT text.

    Writing the text and letting Graphviz parse it is several times faster than adding
    nodes and edges one by one through pygraphviz (a Python object and attribute calls for
    each), and it is the same graph: nodes and edges in the same order, with the same
    attributes. Only generated names (``n0``, ``n1`` ...) and numbers appear in it, so
    nothing needs quoting beyond what is written here.
    """
    graph = {
        "rankdir": "BT",  # links go premise -> conclusion: conclusions on top
        "nodesep": f"{H_GAP / POINTS_PER_INCH:.3f}",
        "ranksep": f"{V_GAP / POINTS_PER_INCH:.3f}",
        "splines": "spline" if splines else "",  # routing costs; only on demand
        "ordering": "",
        **_effort(len(ids)),
    }
    lines = [
        "digraph {",
        "graph [" + ", ".join(f'{k}="{v}"' for k, v in graph.items()) + "];",
        'node [shape="box", fixedsize="true", label=""];',
        'edge [arrowhead="none", arrowtail="none"];',  # routes end on the border
    ]
    for cid in ids:
        w, h = sizes[cid]
        lines.append(
            f'{names[cid]} [width="{w / POINTS_PER_INCH:.4f}", height="{h / POINTS_PER_INCH:.4f}"];'
        )
    for a, b in edges:
        stretch = minlen.get((a, b))
        tail = f' [minlen="{stretch}"];' if stretch is not None else ";"
        lines.append(f"{names[a]} -> {names[b]}{tail}")
    lines.append("}")
    return "\n".join(lines)


def _dot_plain(source: str) -> str:
    """Lay ``source`` out with ``dot`` (in process, through pygraphviz) as ``plain`` text.

    pygraphviz warns on stderr that a graph of over 1,000 nodes "may take a long time";
    the effort limits above see to that, so the command line does not pass it on.
    """
    import pygraphviz

    graph = pygraphviz.AGraph(string=source)
    with contextlib.redirect_stderr(io.StringIO()):
        plain = graph.draw(prog="dot", format="plain")
    return plain.decode("utf-8") if isinstance(plain, bytes) else str(plain)


def _bezier_polyline(controls: Sequence[tuple[float, float]], steps: int = 8) -> Polyline:
    """Sample a piecewise cubic Bezier (Graphviz's p0 c1 c2 p1 c1 c2 p2 ...) as a polyline."""
    points: Polyline = [controls[0]]
    for k in range(0, len(controls) - 3, 3):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = controls[k : k + 4]
        for i in range(1, steps + 1):
            t = i / steps
            u = 1 - t
            a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
            points.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
    return points


def route_placed(
    ids: Sequence[str],
    edges: Sequence[tuple[str, str]],
    sizes: Mapping[str, Size],
    centres: Mapping[str, tuple[float, float]],
) -> dict[tuple[str, str], list[Polyline]]:
    """Routes for ``edges`` around every card where it is (``centres``, y down), by
    ``neato -n``, which keeps the given positions and only draws the splines: what an
    arrow follows when its cards are not where a fresh layout would put them (the user
    placed them), so the command line and the app route such a map alike. Each route runs
    from tail border to head border, under its (tail, head) key in edge order."""
    import pygraphviz

    names = {cid: f"n{i}" for i, cid in enumerate(ids)}
    lines = [
        "digraph {",
        'graph [splines="spline", overlap="true"];',
        'node [shape="box", fixedsize="true", label=""];',
        'edge [arrowhead="none", arrowtail="none"];',
    ]
    for cid in ids:
        (w, h), (x, y) = sizes[cid], centres[cid]
        lines.append(
            f'{names[cid]} [pos="{x / POINTS_PER_INCH:.4f},{-y / POINTS_PER_INCH:.4f}!", '
            f'width="{w / POINTS_PER_INCH:.4f}", height="{h / POINTS_PER_INCH:.4f}"];'
        )
    lines += [f"{names[a]} -> {names[b]};" for a, b in edges]
    lines.append("}")
    graph = pygraphviz.AGraph(string="\n".join(lines))
    with contextlib.redirect_stderr(io.StringIO()):
        plain = graph.draw(prog="neato", format="plain", args="-n")
    text = plain.decode("utf-8") if isinstance(plain, bytes) else str(plain)
    back = {name: cid for cid, name in names.items()}
    # neato moves the drawing to start at the origin: measure the shift on a node
    shift: tuple[float, float] | None = None
    routes: dict[tuple[str, str], list[Polyline]] = {}
    for line in text.splitlines():
        if line.startswith("node ") and shift is None:
            fields = line.split(" ", 4)
            x, y = centres[back[fields[1]]]
            shift = (
                x - float(fields[2]) * POINTS_PER_INCH,
                y + float(fields[3]) * POINTS_PER_INCH,
            )
        elif line.startswith("edge ") and shift is not None:
            fields = line.split()
            n = int(fields[3])
            coords = [float(v) * POINTS_PER_INCH for v in fields[4 : 4 + 2 * n]]
            dx, dy = shift
            controls = [(coords[k] + dx, -coords[k + 1] + dy) for k in range(0, len(coords), 2)]
            key = (back[fields[1]], back[fields[2]])
            routes.setdefault(key, []).append(_bezier_polyline(controls))
    return routes
