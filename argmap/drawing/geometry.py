"""The units of the page that layout, routing and placement share: card sizes, polylines and
the gaps between cards, in scene units (one unit is one pixel at 100 % zoom, which Graphviz
is handed as one point).
"""

from __future__ import annotations

H_GAP = 28.0
"""Horizontal space between neighbouring cards of one rank."""


V_GAP = 56.0
"""Vertical space between ranks: room for an arrow head to be seen."""


POINTS_PER_INCH = 72.0


Size = tuple[float, float]


Polyline = list[tuple[float, float]]
