"""The "Related Claims" dock: other authors' claims most similar to the selected one.

The app exists for support/attack links *between* authors, and the importer's automatic
cross-article guesses are weak; a ranked list is still useful to a reviewer (the curated
partner of a cross link is often in the top few). So this dock lists, for the one claim
selected on the map, the most similar claims of other authors (:func:`related_claims`) and
lets the user link one to it as support or attack in one undo step. It follows
:class:`RefreshWhileShown`: hidden, it does no work on selection changes or edits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from argmap.edit.edits import AddLink
from argmap.extract.cross import related_claims
from argmap.map.model import Link, LinkKind
from argmap.map.palette import KIND_LABEL
from ui.qt.base.dockrefresh import RefreshWhileShown
from ui.qt.base.undo import EditError, push_edit

if TYPE_CHECKING:
    from ui.qt.window.main import MainWindow as Window

LIMIT = 10
WEAK = 0.1
"""Below this cosine a related claim shares only a word or two (a place name, "US") and is
drawn greyed: a lead to check, not a likely partner."""
ID_ROLE = Qt.ItemDataRole.UserRole
AUTHOR_COL, KIND_COL, TEXT_COL, SIM_COL = range(4)


class RelatedDock(QDockWidget):
    """Lists other authors' claims related to the selected claim; links one to it."""

    def __init__(self, window: Window) -> None:
        super().__init__("Related Claims", window)
        self.setObjectName("related_dock")
        self.window_ = window
        self.current: str | None = None
        """The selected claim the list is for (None: no single claim selected)."""
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.heading = QLabel(body)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.tree = QTreeWidget(body)
        self.tree.setHeaderLabels(["Author", "Kind", "Claim", "Sim."])
        self.tree.setRootIsDecorated(False)
        # One line a claim, so ten fit a short dock; the full text is in the tooltip.
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        # The claim text gets the room: authors' names ("Kabul-attacks op-ed (author not
        # named)") would otherwise take half of a narrow dock; the full name is in the tooltip.
        for col in (KIND_COL, SIM_COL):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AUTHOR_COL, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(AUTHOR_COL, 100)
        header.setSectionResizeMode(TEXT_COL, QHeaderView.ResizeMode.Stretch)
        self.tree.itemDoubleClicked.connect(self._go_to)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.support_button = QPushButton("Link as Support", body)
        self.attack_button = QPushButton("Link as Attack", body)
        self.reverse = QCheckBox("Selected claim → related", body)
        self.reverse.setToolTip(
            "Off: the related claim supports or attacks the selected claim.\n"
            "On: the selected claim supports or attacks the related claim."
        )
        self.support_button.clicked.connect(lambda: self.link("support"))
        self.attack_button.clicked.connect(lambda: self.link("attack"))
        row.addWidget(self.support_button)
        row.addWidget(self.attack_button)
        row.addStretch(1)
        row.addWidget(self.reverse)
        layout.addLayout(row)
        self.setWidget(body)
        self.updater = RefreshWhileShown(self, self.refresh)
        window.doc.changed.connect(self.updater.schedule)
        window.doc.reset.connect(self.updater.schedule)
        window.view.selection_changed.connect(self._selection_changed)
        self.refresh()  # an empty, explained list before any map work

    def _selection_changed(self, claim_ids: list[str]) -> None:
        self.current = claim_ids[0] if len(claim_ids) == 1 else None
        self.updater.schedule()

    def refresh(self) -> None:
        """Recompute the list for the current claim (runs only while shown)."""
        doc = self.window_.doc
        self.tree.clear()
        claim = doc.claims.get(self.current) if self.current else None
        if claim is None:
            self.current = None
            self.heading.setText("Select one claim to see similar claims of other authors.")
            self._update_buttons()
            return
        self.heading.setText(f"Similar claims of other authors to “{claim.text}”")
        weak_rows = 0
        for cid, sim, words in related_claims(doc.map, claim.id, LIMIT):
            other = doc.claims[cid]
            author = doc.authors.get(other.author) if other.author else None
            item = QTreeWidgetItem(
                [
                    author.name if author else "(no author)",
                    KIND_LABEL[other.kind],
                    other.text,
                    f"{sim:.2f}",
                ]
            )
            item.setData(0, ID_ROLE, cid)
            if author is not None:
                item.setForeground(AUTHOR_COL, QBrush(QColor(author.color)))
            item.setTextAlignment(SIM_COL, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            name = author.name if author else "(no author)"
            tip = f"{name}: {other.text}\n\nShared words: " + ", ".join(words)
            if sim < WEAK:
                # a word or two in common ("Afghanistan"): listed, but not as a lead
                weak_rows += 1
                tip += "\n\nWeak: only a word or two in common"
                for col in range(4):
                    item.setForeground(col, QBrush(QColor("#8a8a8a")))
            for col in range(4):
                item.setToolTip(col, tip)
            self.tree.addTopLevelItem(item)
        count = self.tree.topLevelItemCount()
        if not count:
            self.heading.setText(f"No similar claims of other authors to “{claim.text}”.")
        elif weak_rows:
            self.heading.setText(
                f"Similar claims of other authors to “{claim.text}” "
                f"({weak_rows} of {count} weak, in grey)"
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current is not None and bool(self.tree.selectedItems())
        self.support_button.setEnabled(chosen)
        self.attack_button.setEnabled(chosen)

    def selected_related(self) -> str | None:
        items = self.tree.selectedItems()
        return str(items[0].data(0, ID_ROLE)) if items else None

    def _go_to(self, item: QTreeWidgetItem) -> None:
        """Select and centre the related claim on the map (the list follows it)."""
        self.window_.view.select_claims([str(item.data(0, ID_ROLE))], center=True)

    def link(self, kind: LinkKind) -> str | None:
        """Link the chosen related claim and the current claim as one undo step; the
        direction toggle says which one points at the other. Returns the new link's id."""
        related, current = self.selected_related(), self.current
        if related is None or current is None:
            return None
        source, target = (current, related) if self.reverse.isChecked() else (related, current)
        doc = self.window_.doc
        edge = Link(id=doc.new_id("l"), kind=kind, from_claim=source, to_claim=target)
        try:
            push_edit(self.window_.undo_stack, doc, AddLink(edge))
        except EditError as exc:
            self.window_.status(f"Not linked: {exc}")
            return None
        verb = "supports" if kind == "support" else "attacks"
        self.window_.status(
            f"Linked: “{_short(doc.claims[source].text)}” {verb} “{_short(doc.claims[target].text)}” "
            "(the claim leaves this list: they are linked now)"
        )
        return edge.id


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def install(window: Window) -> RelatedDock:
    """Add the Related Claims dock, hidden, under the inspector.

    Not tabbed with it: a tab group whose second dock is hidden left its tab bar drawn
    over the legend at laptop sizes (Qt keeps the bar where the group was first laid out).
    """
    dock = RelatedDock(window)
    window.add_dock(dock, Qt.DockWidgetArea.RightDockWidgetArea)
    window.splitDockWidget(window.inspector_dock, dock, Qt.Orientation.Vertical)
    dock.hide()

    def size_when_shown(shown: bool) -> None:
        # A list of ten sentences needs about half the window's height to be read
        # without scrolling.
        if shown and dock.height() < window.height() // 2:
            window.resizeDocks([dock], [window.height() // 2], Qt.Orientation.Vertical)

    dock.toggleViewAction().triggered.connect(size_when_shown)
    window.related_dock = dock
    return dock
