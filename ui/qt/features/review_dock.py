"""The Import Review dock: every pending proposal (claims, and the suggested links between
articles that accepting claims never accepts) with its kind, confidence, source and
reason, accepted, rejected or flipped one by one, or in bulk at the thresholds chosen
from the calibration (:mod:`argmap.extract.thresholds`). An article's alternative theses
are listed under its thesis, and one can take the thesis's place (Use as Thesis).

What each row says is in :mod:`ui.qt.features.review_rows`; the dock holds the controls
and what they do, all through the Qt-free :mod:`argmap.edit.proposals`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from argmap.edit.document import EditError, MapDocument
from argmap.edit.edits import Macro
from argmap.edit.proposals import (
    accept_edit,
    alternative_of,
    bulk_accept_ids,
    bulk_reject_ids,
    flip_links_edit,
    pending,
    pending_links,
    reject_edit,
    retype_edit,
    swap_thesis_edit,
)
from argmap.extract.thresholds import ACCEPT_AT, REJECT_BELOW, THRESHOLD_NOTE
from argmap.map.model import CLAIM_KINDS, ClaimKind
from argmap.map.palette import KIND_LABEL
from ui.qt.base.dockrefresh import RefreshWhileShown
from ui.qt.base.undo import push_edit
from ui.qt.features.review_rows import (
    ID_ROLE,
    WHAT_ROLE,
    ReviewTree,
    Rows,
    bulk_tips,
    claim_row,
    link_row,
    summary_text,
)


class Window(Protocol):
    """The parts of the main window this feature uses."""

    doc: MapDocument
    undo_stack: QUndoStack
    file_menu: QMenu

    @property
    def view(self) -> Any: ...

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None: ...

    def show_error(self, title: str, text: str) -> None: ...

    def status(self, text: str) -> None: ...


# ------------------------------------------------------------------ the dock
VISIBLE_ROWS = 10
"""Rows the dock asks room for when it appears (six were too few to review by)."""


class ReviewDock(QDockWidget):
    """The list of pending proposals with accept / reject, one by one or in bulk."""

    height_share = 0.32
    """At most this share of the window's height by default (see ``DockLayout``)."""

    def __init__(self, window: Window, parent: QWidget | None = None) -> None:
        super().__init__("Import Review", parent)
        self.setObjectName("import_review_dock")
        self.window_ = window
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(2)
        self.tree = ReviewTree()
        layout.addWidget(self.tree)

        # One row of controls under the list: the height goes to the rows. What acts on the
        # selection first, the bulk buttons (each beside its threshold) at the right.
        row = QHBoxLayout()
        self.summary = QLabel()
        row.addWidget(self.summary)
        row.addStretch(1)

        def button(text: str, tip: str, slot: Callable[[], None]) -> QPushButton:
            made = QPushButton(text)
            made.setToolTip(tip)
            made.clicked.connect(slot)
            row.addWidget(made)
            return made

        self.accept_button = button(
            "Accept", "Accept the selected proposals (A)", self.accept_selected
        )
        self.reject_button = button(
            "Reject", "Remove the selected proposals with their links (R)", self.reject_selected
        )
        self.flip_button = button(
            "Flip",
            "Turn the selected suggested links from support into attack or back (F)",
            self.flip_selected,
        )
        self.use_thesis_button = button(
            "Use as Thesis",
            "Make the selected alternative its article's thesis; the thesis becomes the "
            "alternative (T; one undo step)",
            self.use_as_thesis,
        )
        row.addSpacing(16)
        self.accept_all_button = button("Accept", "", self.accept_above)
        self.accept_threshold = self._threshold_box(ACCEPT_AT)
        row.addWidget(self.accept_threshold)
        row.addSpacing(8)
        self.reject_rest_button = button("Reject", "", self.reject_below)
        self.reject_threshold = self._threshold_box(REJECT_BELOW)
        row.addWidget(self.reject_threshold)
        layout.addLayout(row)
        self.setWidget(body)

        self.tree.itemSelectionChanged.connect(self._select_on_map)
        self.tree.itemSelectionChanged.connect(self._update_selection_buttons)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        for key, slot in (
            ("A", self.accept_selected),
            ("R", self.reject_selected),
            ("F", self.flip_selected),
            ("T", self.use_as_thesis),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.tree.addAction(action)
        # Once per event-loop turn (a 500-edit macro refreshes once), and only while shown:
        # hidden, the list is marked stale and rebuilt when the dock is shown. Only edits
        # of what the rows show: a drag (claims_moved), a position or the map's title
        # rebuilt every row (seconds for 9,000 proposals).
        self.updater = RefreshWhileShown(self, self.refresh)
        doc = window.doc
        for signal in (
            doc.claim_added,
            doc.claim_removed,
            doc.claim_changed,
            doc.link_added,
            doc.link_removed,
            doc.link_changed,
            doc.source_added,
            doc.source_removed,
            doc.source_changed,
            doc.author_added,
            doc.author_removed,
            doc.author_changed,
            doc.reset,
        ):
            signal.connect(self.updater.schedule)
        self._following_map = False
        self._leading_map = False
        selection = getattr(window.view, "selection_changed", None)
        if selection is not None:
            selection.connect(self._follow_map_selection)

    def _threshold_box(self, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(0.0, 1.0)
        box.setSingleStep(0.05)
        box.setDecimals(2)
        box.setValue(value)
        box.valueChanged.connect(lambda _value: self._update_bulk())
        return box

    def preferred_height(self) -> int:
        """Room for :data:`VISIBLE_ROWS` rows, the header and the controls (the window
        caps it at :attr:`height_share` of its height)."""
        row = max(self.tree.sizeHintForRow(0), self.tree.fontMetrics().height() + 6)
        header = self.tree.header().sizeHint().height()
        controls = self.accept_all_button.sizeHint().height()
        title = self.style().pixelMetric(self.style().PixelMetric.PM_TitleBarHeight)
        return VISIBLE_ROWS * row + header + controls + max(title, 20) + 24

    # -------------------------------------------------------------- contents
    def refresh(self) -> None:
        doc = self.window_.doc
        selected = set(self._selected(None))
        self.tree.blockSignals(True)
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        ids = pending(doc)
        links = pending_links(doc)
        rows = Rows(doc)
        items = [claim_row(rows, c) for c in ids] + [link_row(rows, x) for x in links]
        self.tree.addTopLevelItems(items)
        for item in items:
            item.setSelected((str(item.data(0, WHAT_ROLE)), str(item.data(0, ID_ROLE))) in selected)
        self.tree.setSortingEnabled(True)
        self.tree.blockSignals(False)
        self.summary.setText(summary_text(len(ids), len(links)))
        for button in (self.accept_button, self.reject_button):
            button.setEnabled(bool(items))
        self._update_bulk()
        self._update_selection_buttons()

    def bulk_counts(self) -> tuple[int, int]:
        """How many pending claims the bulk buttons act on, counted by the very functions
        they act through (:func:`~argmap.edit.proposals.bulk_accept_ids`, which leaves the
        alternative theses out, and :func:`~argmap.edit.proposals.bulk_reject_ids`, which
        leaves the theses out), so a button never says one number and does another."""
        return len(self._by_confidence(above=True)), len(self._by_confidence(above=False))

    def _update_bulk(self) -> None:
        """Say on the bulk buttons how many proposals they act on ("Accept all" accepted
        119 proposals in one click with nothing saying how many), and in their tooltips
        how the thresholds were chosen."""
        above, below = self.bulk_counts()
        accept, reject = self.accept_threshold.value(), self.reject_threshold.value()
        self.accept_all_button.setText(f"Accept {above} ≥")
        self.reject_rest_button.setText(f"Reject {below} <")
        accept_tip, reject_tip = bulk_tips(
            (above, accept), (below, reject), len(pending(self.window_.doc)), THRESHOLD_NOTE
        )
        for widget, tip in (
            (self.accept_all_button, accept_tip),
            (self.accept_threshold, accept_tip),
            (self.reject_rest_button, reject_tip),
            (self.reject_threshold, reject_tip),
        ):
            widget.setToolTip(tip)
        self.accept_all_button.setEnabled(above > 0)
        self.reject_rest_button.setEnabled(below > 0)

    def _update_selection_buttons(self) -> None:
        """Flip only for links, Use as Thesis only for one alternative: always in their
        place (buttons that come and go move the others under the pointer), greyed."""
        chosen = self._selected(None)
        self.flip_button.setEnabled(any(what == "link" for what, _ in chosen))
        self.use_thesis_button.setEnabled(self._chosen_alternative() is not None)
        for button in (self.accept_button, self.reject_button):
            button.setEnabled(bool(chosen))

    def _chosen_alternative(self) -> str | None:
        chosen = self._selected(None)
        if len(chosen) != 1 or chosen[0][0] != "claim":
            return None
        claim_id = chosen[0][1]
        return claim_id if alternative_of(self.window_.doc, claim_id) is not None else None

    def _selected(self, what: str | None) -> list[tuple[str, str]]:
        """``(what, id)`` of the selected rows (only claims or links when ``what``)."""
        out = []
        for item in self.tree.selectedItems():
            kind = str(item.data(0, WHAT_ROLE))
            if what is None or kind == what:
                out.append((kind, str(item.data(0, ID_ROLE))))
        return out

    def selected_ids(self) -> list[str]:
        """The selected proposed claims."""
        return [key for _, key in self._selected("claim")]

    def selected_link_ids(self) -> list[str]:
        """The selected suggested links."""
        return [key for _, key in self._selected("link")]

    def select_ids(self, claim_ids: Iterable[str], link_ids: Iterable[str] = ()) -> None:
        """Select these proposals' rows (and so their cards or arrows on the map)."""
        first = self._select_rows(claim_ids, link_ids)
        if first is not None:
            self.tree.setCurrentItem(first, 0, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _select_rows(
        self, claim_ids: Iterable[str], link_ids: Iterable[str]
    ) -> QTreeWidgetItem | None:
        """Select exactly these claims' and links' rows and scroll to the first, which is
        returned (None when none is listed): what a row chosen elsewhere (an action, the
        map) needs."""
        wanted = {("claim", c) for c in claim_ids} | {("link", x) for x in link_ids}
        self.tree.clearSelection()
        first: QTreeWidgetItem | None = None
        for item in self._items():
            if (str(item.data(0, WHAT_ROLE)), str(item.data(0, ID_ROLE))) in wanted:
                item.setSelected(True)
                first = first or item
        if first is not None:
            self.tree.scrollToItem(first)
        return first

    def _items(self) -> list[Any]:
        found = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in found if item is not None]

    def row_ids(self, what: str = "claim") -> list[str]:
        """The ids of the rows, in the order shown: the claims', or the links'."""
        return [
            str(item.data(0, ID_ROLE))
            for item in self._items()
            if str(item.data(0, WHAT_ROLE)) == what
        ]

    def _follow_map_selection(self, claim_ids: list[str]) -> None:
        """Cards and arrows selected on the map select their rows (scrolled to the first),
        so a proposal met on the map is found in the list; only while the dock is shown."""
        if self._following_map or self._leading_map or not self.isVisible():
            return
        scene = getattr(self.window_.view, "map_scene", None)
        links = scene().selected_link_ids() if callable(scene) else []
        self._following_map = True
        self.tree.blockSignals(True)
        try:
            self._select_rows(claim_ids, links)
        finally:
            self.tree.blockSignals(False)
            self._following_map = False
        self._update_selection_buttons()

    def _select_on_map(self) -> None:
        """Rows chosen in the list select their cards, or a link's arrow (brought into
        view); the map's answer does not come back (a card of a hidden kind is not
        selectable on the map, yet its row stays chosen, so it can still be reviewed)."""
        if self._following_map:
            return
        ids, links = self.selected_ids(), self.selected_link_ids()
        view = self.window_.view
        if not ids and not links:
            return
        self._leading_map = True
        try:
            view.select_claims(ids[:1] if len(ids) == 1 else ids, center=len(ids) == 1)
            scene = getattr(view, "map_scene", None)
            if links and callable(scene):
                for n, link_id in enumerate(links):
                    scene().select_link(link_id, add=n > 0)
                if len(links) == 1 and not ids:
                    self._show_link(view, scene(), links[0])
        finally:
            self._leading_map = False

    def _show_link(self, view: Any, scene: Any, link_id: str) -> None:
        """Bring one link into view: the whole arrow where it fits, else the card it comes
        from with the arrow leaving it. A suggestion between two articles spans their lanes,
        and centred on its middle the map showed a bare diagonal line and no card."""
        item = scene.link_item(link_id)
        link = self.window_.doc.links.get(link_id)
        if item is None or link is None:
            return
        area = item.sceneBoundingRect()
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        start = scene.claim_item(link.from_claim)
        fits = area.width() <= shown.width() and area.height() <= shown.height()
        if fits or start is None:
            view.centerOn(area.center())
        else:
            view.centerOn(start.sceneBoundingRect().center())

    # -------------------------------------------------------------- actions
    def _push(self, edit: Macro | None) -> None:
        if edit is None:
            return
        # The row after the first one acted on: where the reviewer goes next.
        rows = [self.tree.indexOfTopLevelItem(item) for item in self.tree.selectedItems()]
        try:
            push_edit(self.window_.undo_stack, self.window_.doc, edit)
        except EditError as exc:
            self.window_.show_error("Import Review", str(exc))
            return
        # Now (the next row is chosen from the new list), and through the updater, so the
        # refresh the edit scheduled for the next turn is not a second rebuild.
        self.updater.run()
        doc = self.window_.doc
        left = len(pending_links(doc))
        check = (
            f"; {left} suggested link{'s' if left != 1 else ''} between articles to check "
            "(listed here: accept, reject or flip each)"
            if left
            else ""
        )
        if pending(doc) or left:
            if rows and not self.tree.selectedItems() and self.tree.topLevelItemCount():
                item = self.tree.topLevelItem(min(*rows, self.tree.topLevelItemCount() - 1))
                if item is not None:
                    self.tree.setCurrentItem(item)
            self.window_.status(edit.label + check)
            return
        # The review is done: the dock gives its room back to the map (Map → Pending
        # Proposals brings it back), and the gaps rejected cards left are one command away.
        self.hide()
        self.window_.status(
            f"{edit.label}: every proposal is reviewed. Map → Auto Layout packs the cards."
        )

    def build_menu(self) -> QMenu:
        """Accept or reject the selected proposals; flip suggested links; change the kind
        of claims; make an alternative the thesis."""
        menu = QMenu(self)
        menu.addAction("Accept", self.accept_selected)
        menu.addAction("Reject", self.reject_selected)
        if self.selected_link_ids():
            menu.addAction("Flip Support / Attack", self.flip_selected)
        if self._chosen_alternative() is not None:
            menu.addSeparator()
            menu.addAction("Use as Thesis", self.use_as_thesis)
        if self.selected_ids():
            menu.addSeparator()
            for kind in CLAIM_KINDS:
                action = menu.addAction(f"Make {KIND_LABEL[kind]}")
                action.triggered.connect(lambda _=False, k=kind: self.retype_selected(k))
        return menu

    def _context_menu(self, pos: Any) -> None:
        if self.tree.selectedItems():
            self.build_menu().exec(self.tree.viewport().mapToGlobal(pos))

    def retype_selected(self, kind: ClaimKind) -> None:
        self._push(retype_edit(self.window_.doc, self.selected_ids(), kind))

    def accept_selected(self) -> None:
        self._push(accept_edit(self.window_.doc, self.selected_ids(), self.selected_link_ids()))

    def reject_selected(self) -> None:
        self._push(reject_edit(self.window_.doc, self.selected_ids(), self.selected_link_ids()))

    def flip_selected(self) -> None:
        links = self.selected_link_ids()
        self._push(flip_links_edit(self.window_.doc, links))
        self.select_ids([], links)  # still chosen: flip again, or accept

    def use_as_thesis(self) -> None:
        """Swap the chosen alternative in as its article's thesis (one undo step)."""
        chosen = self._chosen_alternative()
        if chosen is None:
            return
        self._push(swap_thesis_edit(self.window_.doc, chosen))
        self.select_ids([chosen])

    def _by_confidence(self, above: bool) -> list[str]:
        """The pending claims at or above the accept threshold, or below the reject
        threshold, as the core chooses them (see :meth:`bulk_counts`)."""
        doc = self.window_.doc
        if above:
            return bulk_accept_ids(doc, self.accept_threshold.value())
        return bulk_reject_ids(doc, self.reject_threshold.value())

    def accept_above(self) -> None:
        self._push(accept_edit(self.window_.doc, self._by_confidence(above=True)))

    def reject_below(self) -> None:
        self._push(reject_edit(self.window_.doc, self._by_confidence(above=False)))
