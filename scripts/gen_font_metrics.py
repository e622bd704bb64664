"""Write ``argmap/drawing/fontmetrics_data.py``: the advances of the fonts the map is drawn in.

Run it again when a font or size in ``ui/qt/canvas/items.py`` or ``ui/qt/render/images.py``
changes (see :mod:`ui.qt.render.fontdata`)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/gen_font_metrics.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "argmap" / "drawing" / "fontmetrics_data.py"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from ui.qt.render.fontdata import module_text

    app = QApplication.instance() or QApplication(["gen_font_metrics"])
    OUT.write_text(module_text(), encoding="utf-8")
    del app
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
