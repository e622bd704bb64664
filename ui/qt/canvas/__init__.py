"""The map canvas: a scene that mirrors a MapDocument, a view with the editing gestures,
and an overview for large maps.

The names are loaded on first use: an image export needs only the scene and its items,
and importing the view (with its menus, editor and overview) would cost it start-up time.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.qt.canvas.items import ClaimItem
    from ui.qt.canvas.links import LinkItem
    from ui.qt.canvas.overview import MapOverview
    from ui.qt.canvas.scene import MapScene
    from ui.qt.canvas.view import MapView

__all__ = ["ClaimItem", "LinkItem", "MapOverview", "MapScene", "MapView"]

_WHERE = {
    "ClaimItem": "items",
    "LinkItem": "links",
    "MapOverview": "overview",
    "MapScene": "scene",
    "MapView": "view",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value
