"""Importing op-eds in the desktop app: File → Import Articles…, then a review step.

``install(window)`` adds the menu action and the **Import review** dock:

- the import runs article by article with a ``QProgressDialog`` (cancellable), the event
  loop turning between articles, so the window stays responsive; an op-ed takes a few
  milliseconds, a long file a second;
- everything imported (authors, sources, proposals, links) enters the document as ONE
  undoable edit (a :class:`~argmap.edit.edits.Macro`), so one Undo takes the import back;
- the import is placed below the cards as the canvas draws them, and the view then shows
  the first article's thesis, selected, at a readable zoom (the overview shows the rest);
- the review dock, under the map (tabbed with the positions matrix), lists every pending
  proposal of the map (kind, confidence, text, source, reason), and appears whenever a map
  with proposals is opened or recovered. Accept marks a proposal reviewed (with the
  proposed links whose other end is accepted), Reject removes it with its links; the bulk
  buttons say how many they act on ("Accept 103 ≥ 0.60", "Reject 125 < 0.60"); the row
  menu also changes the kind of the selected proposals (the reason then says the reviewer
  changed it). Every action is one undo entry. Selecting a row selects the claim on the
  map (edit its text in the inspector like any claim).

The window is reached only through the attributes of :class:`Window`, so tests can use a
small harness; questions (the file dialog) go through :meth:`ImportFeature.ask_paths`,
which tests replace.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressDialog,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from argmap.edit.document import Edit, EditError, MapDocument
from argmap.edit.edits import Macro, RemoveClaim, SetMeta, UpdateClaim, UpdateLink
from argmap.edit.review import retype_changes
from argmap.extract.build import ImportResult, build_import, place
from argmap.map.model import CLAIM_KINDS, ArgumentMap, ClaimKind
from argmap.map.palette import KIND_LABEL
from ui.qt.base.dockrefresh import RefreshWhileShown
from ui.qt.base.undo import push_edit
from ui.qt.panels.sources import source_name

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
ARTICLE_FILTER = (
    "Articles (*.txt *.html *.htm);;Text files (*.txt);;Web pages (*.html *.htm);;All files (*)"
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


class Cancelled(Exception):
    """The user pressed Cancel in the progress dialog."""


# ------------------------------------------------------------------ review edits
def accept_edit(doc: MapDocument, claim_ids: Iterable[str]) -> Macro | None:
    """Mark proposals reviewed, and the proposed links within one article whose both ends
    are then accepted. A suggested link between two articles is a guess of its own (about
    two authors, from shared words): accepting its ends does not accept it; it stays a
    dashed proposal to check (see :func:`unreviewed_links`)."""
    ids = [
        c for c in dict.fromkeys(claim_ids) if c in doc.claims and doc.claims[c].origin.is_proposal
    ]
    if not ids:
        return None
    accepted = set(ids)
    edits: list[Edit] = []
    for claim_id in ids:
        origin = doc.claims[claim_id].origin
        edits.append(
            UpdateClaim(claim_id, {"origin": origin.model_copy(update={"reviewed": True})})
        )
    seen: set[str] = set()
    for claim_id in ids:
        for link in doc.links_of(claim_id):
            if link.id in seen or not link.origin.is_proposal:
                continue
            ends = (link.from_claim, link.to_claim)
            if doc.claims[ends[0]].source != doc.claims[ends[1]].source:
                continue
            if all(end in accepted or not doc.claims[end].origin.is_proposal for end in ends):
                seen.add(link.id)
                edits.append(
                    UpdateLink(
                        link.id, {"origin": link.origin.model_copy(update={"reviewed": True})}
                    )
                )
    n = len(ids)
    return Macro(edits, "Accept proposal" if n == 1 else f"Accept {n} proposals")


def unreviewed_links(doc: MapDocument) -> list[str]:
    """Proposed links whose two claims are accepted: left for the user to check (the
    suggestions across articles)."""
    claims = doc.claims
    return [
        x.id
        for x in doc.map.links
        if x.origin.is_proposal
        and not claims[x.from_claim].origin.is_proposal
        and not claims[x.to_claim].origin.is_proposal
    ]


def reject_edit(doc: MapDocument, claim_ids: Iterable[str]) -> Macro | None:
    """Remove proposals (each with its links)."""
    ids = [
        c for c in dict.fromkeys(claim_ids) if c in doc.claims and doc.claims[c].origin.is_proposal
    ]
    if not ids:
        return None
    n = len(ids)
    return Macro(
        [RemoveClaim(c) for c in ids], "Reject proposal" if n == 1 else f"Reject {n} proposals"
    )


def retype_edit(doc: MapDocument, claim_ids: Iterable[str], kind: ClaimKind) -> Macro | None:
    """Change the kind of proposals (they stay proposals until accepted); an extracted
    claim's reason then says the reviewer changed it (see :func:`retyped_reason`)."""
    ids = [c for c in dict.fromkeys(claim_ids) if c in doc.claims and doc.claims[c].kind != kind]
    if not ids:
        return None
    edits: list[Edit] = [UpdateClaim(c, retype_changes(doc.claims[c], kind)) for c in ids]
    return Macro(edits, f"Make {KIND_LABEL[kind].lower()}")


def pending(doc: MapDocument) -> list[str]:
    """Ids of the claims still waiting for review, in map order."""
    return [c.id for c in doc.map.claims if c.origin.is_proposal]


def imported_title(result: ImportResult) -> str:
    """The title a new map gets from its import (as ``argmap import`` names one): the
    article's title, or the first two and how many more. Untitled, the window said
    "Untitled" over eleven articles."""
    titles = [s.title for s in result.sources if s.title]
    n = len(result.sources)
    if not titles:
        return f"{n} imported article{'s' if n != 1 else ''}"
    if n == 1:
        return titles[0]
    rest = n - min(2, len(titles))
    return "Imported: " + "; ".join(titles[:2]) + (f" and {rest} more" if rest else "")


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


# ------------------------------------------------------------------ the feature
class ImportFeature(QObject):
    """File → Import Articles… and the review dock of one window."""

    def __init__(self, window: Window) -> None:
        super().__init__(window if isinstance(window, QObject) else None)
        self.window = window
        parent = window if isinstance(window, QWidget) else None
        self.action = QAction("Import &Articles…", self)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.action.setStatusTip("Import op-eds (.txt, .html) and propose their claims")
        self.action.triggered.connect(self.import_dialog)
        before = getattr(window, "file_quit_separator", None)
        if isinstance(before, QAction):
            window.file_menu.insertAction(before, self.action)
        else:
            window.file_menu.addAction(self.action)
        self.dock = ReviewDock(window, parent)
        # Under the map: the text column needs the width (in the right column it showed a
        # few words of each sentence), and the article stays beside the map to check
        # each proposal's quote in.
        window.add_dock(self.dock, Qt.DockWidgetArea.BottomDockWidgetArea)
        if not pending(window.doc):
            self.dock.hide()
        # A map opened (or recovered) with unreviewed proposals shows the review: the
        # command line's import tells the user to use it, and a hidden dock hid the work.
        demand = getattr(window, "demand_dock", None)
        if callable(demand):
            demand(self.dock, self.has_proposals)
        else:  # a harness without the window's dock layout
            window.doc.reset.connect(self._map_replaced)
        self.last_result: ImportResult | None = None

    def has_proposals(self) -> bool:
        """Whether the window's map has proposals waiting for review."""
        return any(c.origin.is_proposal for c in self.window.doc.map.claims)

    def _map_replaced(self) -> None:
        if self.has_proposals():
            self.dock.show()
            self.dock.raise_()

    def ask_paths(self) -> list[str]:
        """The files to import (a native dialog; tests replace this method)."""
        parent = self.window if isinstance(self.window, QWidget) else None
        paths, _ = QFileDialog.getOpenFileNames(parent, "Import Articles", "", ARTICLE_FILTER)
        return list(paths)

    def import_dialog(self) -> None:
        paths = self.ask_paths()
        if paths:
            self.import_files(paths)

    def import_files(self, paths: Sequence[str]) -> ImportResult | None:
        """Import ``paths`` into the window's document as one undoable edit."""
        parent = self.window if isinstance(self.window, QWidget) else None
        dialog = QProgressDialog("Importing articles…", "Cancel", 0, max(1, len(paths)), parent)
        dialog.setWindowTitle("Import Articles")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def progress(done: int, total: int, text: str) -> None:
            dialog.setMaximum(max(1, total))
            dialog.setValue(min(done, max(1, total)))
            dialog.setLabelText(text)
            QApplication.processEvents()  # keep the window alive between articles
            if dialog.wasCanceled():
                raise Cancelled

        try:
            result = build_import(paths, self.window.doc.map, progress)
        except Cancelled:
            self.window.status("Import cancelled; the map was not changed")
            return None
        finally:
            dialog.reset()
            dialog.deleteLater()
        self.last_result = result
        problems = [f"{f.path}: {f.error}" for f in result.files if f.error]
        problems += [f"{f.path}: {w}" for f in result.files for w in f.warnings]
        if result.sources:
            place(result, self.drawn_map())
            edit = result.edit()
            doc = self.window.doc
            if not doc.map.title and not doc.map.claims:  # name a new map, as the CLI does
                meta = SetMeta(imported_title(result), doc.map.description)
                edit = Macro([*edit.edits, meta], edit.name)
            try:
                push_edit(self.window.undo_stack, doc, edit)
            except EditError as exc:
                self.window.show_error("Import Articles", f"The import could not be added: {exc}")
                return None
            kinds = result.claims_by_kind()
            summary = ", ".join(f"{n} {k}" for k, n in kinds.items()) or "no proposals"
            self.window.status(f"Imported {len(result.sources)} source(s): {summary}")
            self.dock.refresh()
            present = getattr(self.window, "present_dock", None)
            if callable(present):  # shown at its default size, the map pane then final
                present(self.dock)
            else:
                self.dock.show()
                self.dock.raise_()
            self.frame_import(result)
        if problems:
            self.window.show_error("Import Articles", "\n".join(problems))
        return result

    def drawn_map(self) -> ArgumentMap:
        """The window's map with every claim where the canvas draws it. A map laid out
        by the app (no saved positions, like the bundled ones) has its cards at view-state
        spots; placed against the saved positions alone, an import landed on top of them."""
        amap = self.window.doc.map
        scene = getattr(self.window.view, "map_scene", None)
        drawn = scene().current_positions() if callable(scene) else {}
        if not drawn or all(c.pos is not None for c in amap.claims):
            return amap
        claims = [
            c.model_copy(update={"pos": drawn[c.id]}) if c.pos is None and c.id in drawn else c
            for c in amap.claims
        ]
        return amap.model_copy(update={"claims": claims})

    def frame_import(self, result: ImportResult) -> None:
        """Show the first imported article's thesis (else its top claim) at a readable
        zoom, or the whole map when it fits readably: fitting several op-eds into the
        pane drew blank boxes, and the overview shows where the rest is. The thesis is
        selected, so the article pane shows the imported text and the inspector its
        proposal."""
        view = self.window.view
        by_source = ([c for c in result.claims if c.source == s.id] for s in result.sources)
        claims = next((found for found in by_source if found), result.claims)
        theses = [c for c in claims if c.kind == "thesis"]
        focus = [c.id for c in (theses or claims)[:1]]
        select = getattr(view, "select_claims", None)
        if callable(select):  # the article beside the map turns to the imported one
            select(focus, center=False)
        show = getattr(view, "show_claims_readably", None)
        if callable(show):
            show(focus)


def install(window: Window) -> ImportFeature:
    """Add File → Import Articles… and the Import Review dock to ``window``."""
    return ImportFeature(window)
