"""The Import Review dock: every pending proposal with its kind, confidence, source and
reason, accepted or rejected one by one or in bulk above or below a confidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from argmap.edit.document import EditError, MapDocument
from argmap.edit.edits import Macro
from argmap.edit.proposals import (
    accept_edit,
    pending,
    reject_edit,
    retype_edit,
    unreviewed_links,
)
from argmap.map.model import CLAIM_KINDS, ClaimKind
from argmap.map.palette import KIND_LABEL
from ui.qt.base.dockrefresh import RefreshWhileShown
from ui.qt.base.undo import push_edit
from ui.qt.panels.sources import source_name

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1


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
COLUMNS = ("Kind", "Conf.", "Text", "Source", "Reason")


KIND_COL, CONF_COL, TEXT_COL, SOURCE_COL, REASON_COL = range(len(COLUMNS))
SOURCE_WIDTH = 150
"""Default width of the Source column: a short title; the full one is in the tooltip."""


REASON_WIDTH = 200
"""Default width of the Reason column: the cue that decided (about 30 characters; the
kind the reason starts with is in the Kind column, so the cell leaves it out)."""


VISIBLE_ROWS = 10
"""Rows the dock asks room for when it appears (six were too few to review by)."""


def source_label(doc: MapDocument, source_id: str | None) -> tuple[str, str]:
    """The Source cell of a proposal and its tooltip (title, outlet, authors, date): an
    import of several files gives many sources, and the text alone does not say whose."""
    source = doc.sources.get(source_id) if source_id else None
    if source is None:
        return "", ""
    names = [doc.authors[a].name for a in source.authors if a in doc.authors]
    label = source_name(source)
    lines = [label, f"id {source.id}"]
    lines += [x for x in (source.outlet, source.date) if x]
    if names:
        lines.append("by " + ", ".join(names))
    if source.note:
        lines.append(source.note)
    return label, "\n".join(lines)


def reason_cue(reason: str, kind: ClaimKind) -> str:
    """The reason without the kind it starts with ("thesis: closing unit …" in the Thesis
    row): the Kind column says it already, and the cue is what the narrow column can show."""
    prefix = f"{kind}: "
    return reason[len(prefix) :] if reason.startswith(prefix) else reason


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
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setSortingEnabled(True)
        header = self.tree.header()
        # The text takes the width left: a sentence is what the reviewer reads; kind and
        # confidence fit their contents; source and reason start at a useful width and
        # can be dragged (their full text is in the tooltip).
        header.setStretchLastSection(False)
        header.setSectionResizeMode(KIND_COL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CONF_COL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT_COL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SOURCE_COL, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(REASON_COL, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(SOURCE_COL, SOURCE_WIDTH)
        header.resizeSection(REASON_COL, REASON_WIDTH)
        self._user_sized: set[int] = set()
        """Columns the user dragged to a width: :meth:`fit_columns` leaves them alone."""
        self._fitting = False
        header.sectionResized.connect(self._section_resized)
        self.tree.viewport().installEventFilter(self)
        layout.addWidget(self.tree)

        # One row of controls under the list: the height goes to the rows.
        row = QHBoxLayout()
        self.summary = QLabel()
        row.addWidget(self.summary)
        row.addStretch(1)
        self.accept_button = QPushButton("Accept")
        self.accept_button.setToolTip("Accept the selected proposals (A)")
        self.reject_button = QPushButton("Reject")
        self.reject_button.setToolTip("Remove the selected proposals with their links (R)")
        row.addWidget(self.accept_button)
        row.addWidget(self.reject_button)
        row.addSpacing(12)
        row.addWidget(QLabel("Threshold"))
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setValue(0.6)
        self.threshold.setToolTip("The confidence the bulk buttons split the proposals at")
        row.addWidget(self.threshold)
        self.accept_all_button = QPushButton("Accept all ≥ threshold")
        self.reject_rest_button = QPushButton("Reject rest")
        row.addWidget(self.accept_all_button)
        row.addWidget(self.reject_rest_button)
        layout.addLayout(row)
        self.setWidget(body)

        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.accept_all_button.clicked.connect(self.accept_above)
        self.reject_rest_button.clicked.connect(self.reject_below)
        self.threshold.valueChanged.connect(lambda _value: self._update_bulk())
        self.tree.itemSelectionChanged.connect(self._select_on_map)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        for key, slot in (("A", self.accept_selected), ("R", self.reject_selected)):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.tree.addAction(action)
        self._confidences: list[float] = []
        """The confidence of every pending proposal as of the last refresh (the bulk
        buttons count from it as the threshold moves)."""
        # Once per event-loop turn (a 500-edit macro refreshes once), and only while shown:
        # hidden, the list is marked stale and rebuilt when the dock is shown.
        self.updater = RefreshWhileShown(self, self.refresh)
        window.doc.changed.connect(self.updater.schedule)
        self._following_map = False
        self._leading_map = False
        selection = getattr(window.view, "selection_changed", None)
        if selection is not None:
            selection.connect(self._follow_map_selection)

    def fit_columns(self) -> None:
        """Source and Reason at their default widths where the list is wide, narrower
        where it is not, so the text keeps at least half the width: in a 1280-pixel
        window the fixed widths left the sentences a sixth of it."""
        width = self.tree.viewport().width()
        if width <= 0:
            return
        self._fitting = True
        try:
            header = self.tree.header()
            for column, default, share in (
                (SOURCE_COL, SOURCE_WIDTH, 0.17),
                (REASON_COL, REASON_WIDTH, 0.2),
            ):
                if column not in self._user_sized:
                    header.resizeSection(column, max(80, min(default, int(width * share))))
        finally:
            self._fitting = False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column in (SOURCE_COL, REASON_COL) and self.isVisible():
            self._user_sized.add(column)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return False

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
        selected = set(self.selected_ids())
        self.tree.blockSignals(True)
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        ids = pending(doc)
        confidences: list[float] = []
        for claim_id in ids:
            claim = doc.claims[claim_id]
            confidence = claim.origin.confidence or 0.0
            source, source_tip = source_label(doc, claim.source)
            cells = [""] * len(COLUMNS)
            cells[KIND_COL] = KIND_LABEL[claim.kind]
            cells[CONF_COL] = f"{confidence:.2f}"
            cells[TEXT_COL] = claim.text
            cells[SOURCE_COL] = source
            cells[REASON_COL] = reason_cue(claim.origin.reason, claim.kind)
            item = QTreeWidgetItem(cells)
            item.setData(0, ID_ROLE, claim_id)
            item.setData(CONF_COL, Qt.ItemDataRole.UserRole, confidence)
            quoted = claim.quote.text if claim.quote else claim.text
            item.setToolTip(
                TEXT_COL, quoted if quoted == claim.text else f"{claim.text}\n\n“{quoted}”"
            )
            item.setToolTip(SOURCE_COL, source_tip)
            item.setToolTip(REASON_COL, claim.origin.reason)
            self.tree.addTopLevelItem(item)
            item.setSelected(claim_id in selected)
            confidences.append(confidence)
        self.tree.setSortingEnabled(True)
        self.tree.blockSignals(False)
        self._confidences = confidences
        n = len(ids)
        self.summary.setText(
            f"{n} proposal{'s' if n != 1 else ''} to review" if ids else "No proposals to review."
        )
        for button in (self.accept_button, self.reject_button):
            button.setEnabled(bool(ids))
        self._update_bulk()

    def bulk_counts(self) -> tuple[int, int]:
        """How many pending proposals are at or above the threshold, and how many below."""
        limit = self.threshold.value() - 1e-9
        above = sum(1 for c in self._confidences if c >= limit)
        return above, len(self._confidences) - above

    def _update_bulk(self) -> None:
        """Say on the bulk buttons how many proposals they act on: "Accept all" accepted
        119 proposals in one click with nothing saying how many."""
        above, below = self.bulk_counts()
        limit = f"{self.threshold.value():.2f}"
        self.accept_all_button.setText(f"Accept {above} ≥ {limit}")
        self.accept_all_button.setToolTip(
            f"Accept the {above} pending proposal{'s' if above != 1 else ''} whose confidence "
            f"is at least {limit} (one undo step)"
        )
        self.reject_rest_button.setText(f"Reject {below} < {limit}")
        self.reject_rest_button.setToolTip(
            f"Remove the {below} pending proposal{'s' if below != 1 else ''} below {limit} "
            "with their links (one undo step)"
        )
        self.accept_all_button.setEnabled(above > 0)
        self.reject_rest_button.setEnabled(below > 0)

    def selected_ids(self) -> list[str]:
        return [str(item.data(0, ID_ROLE)) for item in self.tree.selectedItems()]

    def select_ids(self, claim_ids: Iterable[str]) -> None:
        """Select these proposals' rows (and so their cards on the map)."""
        wanted = set(claim_ids)
        self.tree.clearSelection()
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and str(item.data(0, ID_ROLE)) in wanted:
                item.setSelected(True)

    def row_ids(self) -> list[str]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [str(item.data(0, ID_ROLE)) for item in items if item is not None]

    def _follow_map_selection(self, claim_ids: list[str]) -> None:
        """Cards selected on the map select their rows (scrolled to the first), so a
        proposal met on the map is found in the list; only while the dock is shown."""
        if self._following_map or self._leading_map or not self.isVisible():
            return
        wanted = set(claim_ids)
        self._following_map = True
        self.tree.blockSignals(True)
        try:
            self.tree.clearSelection()
            first = None
            for i in range(self.tree.topLevelItemCount()):
                item = self.tree.topLevelItem(i)
                if item is not None and str(item.data(0, ID_ROLE)) in wanted:
                    item.setSelected(True)
                    if first is None:
                        first = item
            if first is not None:
                self.tree.scrollToItem(first)
        finally:
            self.tree.blockSignals(False)
            self._following_map = False

    def _select_on_map(self) -> None:
        """Rows chosen in the list select their cards; the map's answer does not come back
        (a card of a hidden kind is not selectable on the map, yet its row stays chosen, so
        it can still be accepted or rejected)."""
        if self._following_map:
            return
        ids = self.selected_ids()
        if ids:
            self._leading_map = True
            try:
                self.window_.view.select_claims(
                    ids[:1] if len(ids) == 1 else ids, center=len(ids) == 1
                )
            finally:
                self._leading_map = False

    # -------------------------------------------------------------- actions
    def _push(self, edit: Macro | None) -> None:
        if edit is None:
            return
        try:
            push_edit(self.window_.undo_stack, self.window_.doc, edit)
        except EditError as exc:
            self.window_.show_error("Import Review", str(exc))
            return
        self.refresh()
        left = len(unreviewed_links(self.window_.doc))
        check = (
            f"; {left} suggested link{'s' if left != 1 else ''} between articles to check "
            "(dashed arrows: select one, then accept it in the Inspector or delete it)"
            if left
            else ""
        )
        if pending(self.window_.doc):
            self.window_.status(edit.label + check)
            return
        # The review is done: the dock gives its room back to the map (View → Import Review
        # brings it back), and the gaps rejected cards left are one command away from gone.
        self.hide()
        self.window_.status(
            f"{edit.label}: every proposal is reviewed{check}. Map → Auto Layout packs the cards."
        )

    def build_menu(self) -> QMenu:
        """Accept, reject, or change the kind of the selected proposals."""
        menu = QMenu(self)
        menu.addAction("Accept", self.accept_selected)
        menu.addAction("Reject", self.reject_selected)
        menu.addSeparator()
        for kind in CLAIM_KINDS:
            action = menu.addAction(f"Make {KIND_LABEL[kind]}")
            action.triggered.connect(lambda _=False, k=kind: self.retype_selected(k))
        return menu

    def _context_menu(self, pos: Any) -> None:
        if self.selected_ids():
            self.build_menu().exec(self.tree.viewport().mapToGlobal(pos))

    def retype_selected(self, kind: ClaimKind) -> None:
        self._push(retype_edit(self.window_.doc, self.selected_ids(), kind))

    def accept_selected(self) -> None:
        self._push(accept_edit(self.window_.doc, self.selected_ids()))

    def reject_selected(self) -> None:
        self._push(reject_edit(self.window_.doc, self.selected_ids()))

    def _by_confidence(self, above: bool) -> list[str]:
        doc, limit = self.window_.doc, self.threshold.value()
        out = []
        for claim_id in pending(doc):
            confidence = doc.claims[claim_id].origin.confidence or 0.0
            if (confidence >= limit - 1e-9) == above:
                out.append(claim_id)
        return out

    def accept_above(self) -> None:
        self._push(accept_edit(self.window_.doc, self._by_confidence(above=True)))

    def reject_below(self) -> None:
        self._push(reject_edit(self.window_.doc, self._by_confidence(above=False)))
