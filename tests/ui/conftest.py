"""Qt test setup. Every test here gets a QApplication first: creating a QFont or a
QGraphicsTextItem before one exists crashes the whole pytest process."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _qapp_first(qapp: Any) -> Any:
    return qapp
