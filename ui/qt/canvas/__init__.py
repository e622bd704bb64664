"""The map canvas: a scene that mirrors a MapDocument, a view with the editing gestures,
and an overview for large maps."""

from __future__ import annotations

from ui.qt.canvas.items import ClaimItem
from ui.qt.canvas.links import LinkItem
from ui.qt.canvas.overview import MapOverview
from ui.qt.canvas.scene import MapScene
from ui.qt.canvas.view import MapView

__all__ = ["ClaimItem", "LinkItem", "MapOverview", "MapScene", "MapView"]
