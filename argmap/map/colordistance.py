"""How far apart two colours look, to everyone: normal vision and the three common
colour-vision deficiencies.

Colour is the main author cue (card stripes, the legend, the author view), so a new
author's colour must be told apart from those already in use by every reader. Colours are
compared in CIELAB (ΔE 1976: Euclidean distance, where about 2 is just noticeable and
above 20 reads as a different colour) after simulating protanopia, deuteranopia and
tritanopia with the matrices of Machado, Oliveira and Fernandes (2009, severity 1.0);
the distance that counts is the smallest of the four.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["hex_rgb", "most_distinct", "perceived_distance"]

_Matrix = tuple[tuple[float, float, float], ...]

_SIMULATIONS: dict[str, _Matrix] = {
    "normal": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def hex_rgb(color: str) -> tuple[float, float, float]:
    """``#rrggbb`` (or ``#rgb``) as sRGB in 0..1."""
    text = color.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {color!r}")
    return (int(text[0:2], 16) / 255, int(text[2:4], 16) / 255, int(text[4:6], 16) / 255)


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(linear_rgb: Sequence[float]) -> tuple[float, float, float]:
    r, g, b = (min(1.0, max(0.0, c)) for c in linear_rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def _seen(color: str, matrix: _Matrix) -> tuple[float, float, float]:
    rgb = [_linear(c) for c in hex_rgb(color)]
    simulated = [sum(row[i] * rgb[i] for i in range(3)) for row in matrix]
    return _lab(simulated)


def perceived_distance(a: str, b: str) -> float:
    """The smallest ΔE between ``a`` and ``b`` under normal vision and each deficiency."""
    best = float("inf")
    for matrix in _SIMULATIONS.values():
        la, lb = _seen(a, matrix), _seen(b, matrix)
        best = min(best, sum((p - q) ** 2 for p, q in zip(la, lb, strict=True)) ** 0.5)
    return best


def most_distinct(candidates: Sequence[str], used: Iterable[str]) -> str:
    """The candidate farthest from every colour in ``used`` (its nearest used colour is
    the farthest away); ties go to the earlier candidate, so an empty map takes the
    palette in order. A candidate already in use counts as distance 0, and when every
    candidate is in use the least used one wins (ties again in palette order)."""
    used_list = [u.lower() for u in used]
    if not candidates:
        raise ValueError("no candidate colours")
    if not used_list:
        return candidates[0]

    def key(index_color: tuple[int, str]) -> tuple[int, float, int]:
        index, color = index_color
        times = used_list.count(color.lower())
        nearest = min(perceived_distance(color, u) for u in used_list)
        return (-times, nearest, -index)

    return max(enumerate(candidates), key=key)[1]
