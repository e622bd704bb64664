"""Pending proposals never get lost: Map ▸ Pending Proposals… and a count in the status bar.

The review dock hides itself when the last proposal is reviewed and the user may close it
at any time; the suggested links between articles, which accepting claims never accepts,
were then mentioned once in the status bar and gone from view. So the window keeps, for
as long as anything waits for review, a permanent "12 proposals to review" in the status
bar (a link: clicking it opens the list) that follows every edit, undo and opened map and
disappears at zero, and Map ▸ Pending Proposals… reopens the review listing every pending
claim and suggested link, whatever the user did with the dock.

Installed by the import feature (:mod:`ui.qt.features.importer`), which owns the dock.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QStatusBar

from argmap.edit.proposals import pending, pending_links
from argmap.map.model import Claim
from ui.qt.features.review_dock import ReviewDock, Window


def count_text(claims: int, links: int) -> str:
    """The status bar's words for what waits ("" when nothing does)."""
    n = claims + links
    return f"{n} proposal{'s' if n != 1 else ''} to review" if n else ""


class PendingProposals(QObject):
    """The menu entry and the status-bar count of one window's pending proposals."""

    def __init__(self, window: Window, dock: ReviewDock) -> None:
        super().__init__(window if isinstance(window, QObject) else None)
        self.window = window
        self.dock = dock
        self.action = QAction("&Pending Proposals…", self)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.action.setStatusTip(
            "List every proposal still to review, with the suggested links between articles"
        )
        self.action.triggered.connect(self.show_pending)
        menu = getattr(window, "map_menu", None)
        if isinstance(menu, QMenu):
            menu.addSeparator()
            menu.addAction(self.action)
        self.label = QLabel()
        self.label.setObjectName("pending_proposals_count")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setToolTip("Proposals waiting for review: click to list them (Ctrl+Shift+P)")
        self.label.linkActivated.connect(lambda _href: self.show_pending())
        self.label.hide()
        bar = getattr(window, "statusBar", None)
        if callable(bar) and isinstance(status := bar(), QStatusBar):
            status.insertPermanentWidget(0, self.label)  # left of "N claims · M links"
        # Once per event-loop turn, like the window's own counts (a big macro, one count),
        # and only after edits that can change it: the count reads every claim and link
        # (about 60 ms on 10,000 claims), too much for every drag and keystroke.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.update_count)
        doc = window.doc
        for signal in (
            doc.claim_added,
            doc.claim_removed,
            doc.link_added,
            doc.link_removed,
            doc.link_changed,
            doc.reset,
        ):
            signal.connect(self._schedule)
        doc.claim_changed.connect(self._claim_changed)
        self.update_count()

    def _schedule(self, *_args: Any) -> None:
        self._timer.start()

    def _claim_changed(self, old: Claim, new: Claim) -> None:
        """Recount when a claim was accepted (or is a proposal again) or changed article
        (which decides whether its proposed links wait on their own); not for its text,
        kind or tags."""
        if old.origin.is_proposal != new.origin.is_proposal or old.source != new.source:
            self._timer.start()

    def counts(self) -> tuple[int, int]:
        """Pending claims and pending links (the suggestions between articles)."""
        doc = self.window.doc
        return len(pending(doc)), len(pending_links(doc))

    def update_count(self) -> None:
        claims, links = self.counts()
        text = count_text(claims, links)
        self.label.setText(f'<a href="#pending">{text}</a>' if text else "")
        self.label.setVisible(bool(text))
        detail = f"{claims} claim{'s' if claims != 1 else ''}"
        if links:
            detail += f" and {links} suggested link{'s' if links != 1 else ''} between articles"
        self.label.setToolTip(f"{detail} to review: click to list them (Ctrl+Shift+P)")

    def show_pending(self) -> None:
        """Open the review on every pending proposal (the first one chosen), wherever the
        dock was: closed, tabbed behind the positions matrix, or never shown."""
        dock = self.dock
        # Current before it is sized and shown, and once: showing a dock the updater still
        # thought stale rebuilt the list again, and a refresh after that a third time.
        dock.updater.run()
        present = getattr(self.window, "present_dock", None)
        if callable(present):
            present(dock)
        else:  # a harness without the window's dock layout
            dock.show()
            dock.raise_()
        claims, links = self.counts()
        if claims + links and not dock.tree.selectedItems():
            first = dock.tree.topLevelItem(0)
            if first is not None:
                dock.tree.setCurrentItem(first)
        dock.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not claims + links:
            self.window.status("No proposals to review")


def attach(window: Window, dock: ReviewDock) -> PendingProposals:
    """Add Map ▸ Pending Proposals… and the status-bar count for ``dock``'s window."""
    return PendingProposals(window, dock)
