"""Import speed: characters per second end to end (read, clean, split, segment, propose,
cross-article links, map objects), on the seed op-eds and on a large synthetic article.

A plain script: ``python bench/bench_import.py`` or through ``make bench``. The target is
100,000 characters per second on one core, so the five seeds take well under a second.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from argmap.extract.build import build_import  # noqa: E402

SEEDS = _ROOT / "tests" / "fixtures" / "seeds"

_SUBJECTS = ["The government", "Washington", "The council", "Our city", "The committee", "Europe"]
_SENTENCES = [
    "{s} should invest far more in public transport before the next election.",
    "Critics argue that {s} cannot afford such a programme. But the costs of doing nothing are higher.",
    "According to a 2023 survey, 64 percent of residents use the bus at least once a week.",
    "Because congestion keeps rising, the current plan will fail within a decade.",
    "In 2019, {s} cut the budget by 12 million and ridership fell sharply.",
    "Therefore the best bet is a steady, funded expansion of the network.",
    "Of course, new lines take years to build, while the problems are urgent now.",
    "The U.S. experience shows that Mr. Smith's proposal, e.g. the toll, works in practice.",
    "What would a better plan look like?",
    "It is a mistake to treat roads and rails as rivals; they complement each other.",
]


def synthetic_article(chars: int, seed: int = 7) -> str:
    """A long op-ed-like text of about ``chars`` characters (paragraphs of 3–6 sentences)."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        sentences = [
            rng.choice(_SENTENCES).format(s=rng.choice(_SUBJECTS)) for _ in range(rng.randint(3, 6))
        ]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def _timed(paths: list[Path], repeat: int = 3) -> tuple[float, int]:
    best = float("inf")
    claims = 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = build_import(paths)
        best = min(best, time.perf_counter() - start)
        claims = len(result.claims)
    return best, claims


def main() -> None:
    rows: list[tuple[str, int, float, int]] = []
    seeds = sorted(SEEDS.glob("*.txt"))
    build_import(seeds[:1])  # warm up: lazy imports and compiled expressions
    if seeds:
        chars = sum(len(p.read_text(encoding="utf-8")) for p in seeds)
        seconds, claims = _timed(seeds)
        rows.append((f"{len(seeds)} seed op-eds", chars, seconds, claims))
    with tempfile.TemporaryDirectory() as folder:
        for size in (200_000, 1_000_000):
            path = Path(folder) / f"synthetic-{size}.txt"
            text = synthetic_article(size)
            path.write_text(text, encoding="utf-8")
            seconds, claims = _timed([path], repeat=1 if size > 500_000 else 3)
            rows.append((f"synthetic article {size // 1000} kB", len(text), seconds, claims))
        path = Path(folder) / "one-paragraph.txt"
        text = synthetic_article(300_000).replace("\n\n", " ")
        path.write_text(text, encoding="utf-8")
        seconds, claims = _timed([path], repeat=1)
        rows.append(("one 300 kB paragraph", len(text), seconds, claims))
    print(f"{'import':28s} {'chars':>10s} {'seconds':>9s} {'chars/s':>10s} {'claims':>7s}")
    for name, chars, seconds, claims in rows:
        print(f"{name:28s} {chars:>10,d} {seconds:>9.3f} {chars / seconds:>10,.0f} {claims:>7d}")
    print("target: 100,000 chars/s end to end on one core")


if __name__ == "__main__":
    main()
