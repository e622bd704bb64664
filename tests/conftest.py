"""Shared test setup: Qt always offscreen, fixtures found relative to this file."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
MAPS = REPO / "maps"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
