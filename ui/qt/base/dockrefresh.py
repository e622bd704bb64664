"""Recompute a dock's contents after document changes only while the dock is shown.

The analysis docks (compare two authors, agreement, what stands, import review, positions)
recompute from the whole map, and most of the time they are closed or tabbed behind another
dock. Recomputing them on every edit anyway made each keystroke in the inspector pay for panels
nobody looks at. :class:`RefreshWhileShown` keeps one rule for all of them: a change while
the dock is hidden only marks it stale; showing a stale dock recomputes it at once, before
it is painted, so what appears is never out of date; a change while it is shown recomputes
once per event-loop turn (a macro of 500 edits emits 500 ``changed`` signals and costs one
recompute).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDockWidget


class RefreshWhileShown(QObject):
    """Runs ``refresh`` for ``dock`` when it is due and visible (see the module docstring).

    ``runs`` counts the recomputes, so a test can show that a hidden dock did no work.
    """

    def __init__(self, dock: QDockWidget, refresh: Callable[[], None]) -> None:
        super().__init__(dock)
        self._dock = dock
        self._refresh = refresh
        self.stale = True
        """Whether the document changed since the last recompute."""
        self.runs = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.run_if_shown)
        dock.visibilityChanged.connect(self._visibility_changed)

    def schedule(self, *_: object) -> None:
        """The document changed: recompute on the next turn if shown, else when shown."""
        self.stale = True
        if self._dock.isVisible():
            self._timer.start()

    def run(self) -> None:
        """Recompute now, shown or not (a command that needs current contents)."""
        self._timer.stop()
        self.stale = False
        self.runs += 1
        self._refresh()

    def run_if_shown(self) -> bool:
        """Recompute if the dock is visible; True when it did."""
        if not self._dock.isVisible():
            return False
        self.run()
        return True

    def _visibility_changed(self, shown: bool) -> None:
        # Qt reports a dock becoming visible (shown, undocked, or its tab raised) before
        # it is painted: catching up here means stale contents are never on screen.
        if shown and self.stale:
            self.run()
