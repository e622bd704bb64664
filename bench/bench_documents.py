"""PDF and Word import speed: a 20-page PDF (one column and two), read alone and imported
end to end, against the same text as a .txt file, and the .docx fixture.

The PDF is printed here with Qt as the test fixtures are (``scripts/make_document_fixtures.py``),
from the fixture op-ed repeated until it fills 20 pages. The .txt row is the floor: what
the import costs once the text is out of the PDF.

A plain script: ``python -m bench documents`` or through ``make bench``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parents[1]
for folder in (_ROOT, _ROOT / "scripts"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from argmap.extract.build import build_import  # noqa: E402
from argmap.extract.reading import read_article  # noqa: E402

PAGES = 20


def _best(action: Callable[[], Any], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def _print_pdf(path: Path, columns: int) -> int:
    """A PDF of at least :data:`PAGES` pages; returns its page count."""
    from make_document_fixtures import URL, Layout, article, write_pdf

    head, paragraphs = article()
    layout = Layout(
        columns=columns,
        width_mm=148 if columns == 1 else 190,
        height_mm=210 if columns == 1 else 160,
        body_pt=11 if columns == 1 else 9.5,
        indent=columns > 1,
        across=columns > 1,
        header=("12/3/26, 9:15 AM", head[0][:60]),
        footer=(URL, "{page}/{pages}"),
    )
    repeat = 1
    while True:
        pages = write_pdf(path, head, paragraphs * repeat, layout, title=head[0])
        if pages >= PAGES:
            return pages
        repeat = max(repeat + 1, int(repeat * PAGES / pages))


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    rows: list[tuple[str, int, float, float]] = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for columns in (1, 2):
            pdf = folder / f"print-{columns}.pdf"
            pages = _print_pdf(pdf, columns)
            text, _ = read_article(pdf)
            read = _best(lambda pdf=pdf: read_article(pdf))
            whole = _best(lambda pdf=pdf: build_import([pdf]), repeat=1)
            rows.append((f"{pages}-page PDF, {columns} column(s)", len(text), read, whole))
            txt = folder / f"print-{columns}.txt"
            txt.write_text(text, encoding="utf-8")
            floor = _best(lambda txt=txt: build_import([txt]), repeat=1)
            rows.append(("  the same text as .txt", len(text), 0.0, floor))
        docx = _ROOT / "tests" / "fixtures" / "documents" / "oped.docx"
        text, _ = read_article(docx)
        rows.append(
            (
                "fixture .docx",
                len(text),
                _best(lambda: read_article(docx)),
                _best(lambda: build_import([docx])),
            )
        )
    print(f"{'file':30s} {'chars':>8s} {'read s':>8s} {'import s':>9s} {'pages/s':>8s}")
    for label, chars, read, whole in rows:
        pages = int(label.split("-")[0]) if label[0].isdigit() else 0
        rate = f"{pages / read:8.1f}" if pages and read else f"{'':8s}"
        shown = f"{read:8.2f}" if read else f"{'':8s}"
        print(f"{label:30s} {chars:>8,d} {shown} {whole:>9.2f} {rate}")
    print("read = the file to clean text; import = read, clean, split, propose, map objects")
    del app


if __name__ == "__main__":
    main()
