"""Importing op-eds in the desktop app: File → Import Articles…, then a review step.

``install(window)`` adds the menu action and the **Import review** dock:

- the import runs article by article with a ``QProgressDialog`` (cancellable), the event
  loop turning between articles, so the window stays responsive; an op-ed takes a few
  milliseconds, a long file a second;
- everything imported (authors, sources, proposals, links) enters the document as ONE
  undoable edit (a :class:`~argmap.edits.Macro`), so one Undo takes the import back;
- the review dock lists every pending proposal of the map (kind, confidence, reason,
  text). Accept marks a proposal reviewed (with the proposed links whose other end is
  accepted), Reject removes it with its links; "Accept ≥ threshold" and "Reject rest" do the
  same in bulk; the row menu also changes the kind of the selected proposals. Every action
  is one undo entry. Selecting a row selects the claim on the map (edit its text in the
  inspector like any claim).

The window is reached only through the attributes of :class:`Window`, so tests can use a
small harness; questions (the file dialog) go through :meth:`ImportFeature.ask_paths`,
which tests replace.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt
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

from argmap.document import Edit, EditError, MapDocument
from argmap.edits import Macro, RemoveClaim, UpdateClaim, UpdateLink
from argmap.extract.build import ImportResult, build_import, place
from argmap.model import CLAIM_KINDS, ClaimKind
from argmap.palette import KIND_LABEL
from ui.qt.dockrefresh import RefreshWhileShown
from ui.qt.undo import push_edit

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
    """Mark proposals reviewed, and their proposed links whose both ends are then accepted."""
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
            if all(end in accepted or not doc.claims[end].origin.is_proposal for end in ends):
                seen.add(link.id)
                edits.append(
                    UpdateLink(
                        link.id, {"origin": link.origin.model_copy(update={"reviewed": True})}
                    )
                )
    n = len(ids)
    return Macro(edits, "Accept proposal" if n == 1 else f"Accept {n} proposals")


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
    """Change the kind of proposals (they stay proposals until accepted)."""
    ids = [c for c in dict.fromkeys(claim_ids) if c in doc.claims and doc.claims[c].kind != kind]
    if not ids:
        return None
    return Macro([UpdateClaim(c, {"kind": kind}) for c in ids], f"Make {KIND_LABEL[kind].lower()}")


def pending(doc: MapDocument) -> list[str]:
    """Ids of the claims still waiting for review, in map order."""
    return [c.id for c in doc.map.claims if c.origin.is_proposal]


# ------------------------------------------------------------------ the dock
class ReviewDock(QDockWidget):
    """The list of pending proposals with accept / reject, one by one or in bulk."""

    def __init__(self, window: Window, parent: QWidget | None = None) -> None:
        super().__init__("Import Review", parent)
        self.setObjectName("import_review_dock")
        self.window_ = window
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Kind", "Conf.", "Reason", "Text"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSortingEnabled(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.tree)

        row = QHBoxLayout()
        self.accept_button = QPushButton("Accept")
        self.accept_button.setToolTip("Accept the selected proposals (A)")
        self.reject_button = QPushButton("Reject")
        self.reject_button.setToolTip("Remove the selected proposals with their links (R)")
        row.addWidget(self.accept_button)
        row.addWidget(self.reject_button)
        row.addStretch(1)
        layout.addLayout(row)
        bulk = QHBoxLayout()
        bulk.addWidget(QLabel("Threshold"))
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setValue(0.6)
        bulk.addWidget(self.threshold)
        self.accept_all_button = QPushButton("Accept all ≥ threshold")
        self.reject_rest_button = QPushButton("Reject rest")
        self.reject_rest_button.setToolTip("Remove every pending proposal below the threshold")
        bulk.addWidget(self.accept_all_button)
        bulk.addWidget(self.reject_rest_button)
        layout.addLayout(bulk)
        self.setWidget(body)

        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.accept_all_button.clicked.connect(self.accept_above)
        self.reject_rest_button.clicked.connect(self.reject_below)
        self.tree.itemSelectionChanged.connect(self._select_on_map)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        for key, slot in (("A", self.accept_selected), ("R", self.reject_selected)):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.tree.addAction(action)
        # Once per event-loop turn (a 500-edit macro refreshes once), and only while shown:
        # hidden, the list is marked stale and rebuilt when the dock is shown.
        self.updater = RefreshWhileShown(self, self.refresh)
        window.doc.changed.connect(self.updater.schedule)

    # -------------------------------------------------------------- contents
    def refresh(self) -> None:
        doc = self.window_.doc
        selected = set(self.selected_ids())
        self.tree.blockSignals(True)
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        ids = pending(doc)
        for claim_id in ids:
            claim = doc.claims[claim_id]
            confidence = claim.origin.confidence or 0.0
            item = QTreeWidgetItem(
                [KIND_LABEL[claim.kind], f"{confidence:.2f}", claim.origin.reason, claim.text]
            )
            item.setData(0, ID_ROLE, claim_id)
            item.setData(1, Qt.ItemDataRole.UserRole, confidence)
            item.setToolTip(3, claim.quote.text if claim.quote else claim.text)
            self.tree.addTopLevelItem(item)
            item.setSelected(claim_id in selected)
        self.tree.setSortingEnabled(True)
        self.tree.blockSignals(False)
        self.summary.setText(
            f"{len(ids)} proposal(s) waiting for review." if ids else "No proposals to review."
        )
        for button in (
            self.accept_button,
            self.reject_button,
            self.accept_all_button,
            self.reject_rest_button,
        ):
            button.setEnabled(bool(ids))

    def selected_ids(self) -> list[str]:
        return [str(item.data(0, ID_ROLE)) for item in self.tree.selectedItems()]

    def row_ids(self) -> list[str]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [str(item.data(0, ID_ROLE)) for item in items if item is not None]

    def _select_on_map(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.window_.view.select_claims(ids[:1] if len(ids) == 1 else ids, center=len(ids) == 1)

    # -------------------------------------------------------------- actions
    def _push(self, edit: Macro | None) -> None:
        if edit is None:
            return
        try:
            push_edit(self.window_.undo_stack, self.window_.doc, edit)
        except EditError as exc:
            self.window_.show_error("Import Review", str(exc))
            return
        self.window_.status(edit.label)
        self.refresh()

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
        window.add_dock(self.dock, Qt.DockWidgetArea.RightDockWidgetArea)
        if not pending(window.doc):
            self.dock.hide()
        self.last_result: ImportResult | None = None

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
            place(result, self.window.doc.map)
            try:
                push_edit(self.window.undo_stack, self.window.doc, result.edit())
            except EditError as exc:
                self.window.show_error("Import Articles", f"The import could not be added: {exc}")
                return None
            kinds = result.claims_by_kind()
            summary = ", ".join(f"{n} {k}" for k, n in kinds.items()) or "no proposals"
            self.window.status(f"Imported {len(result.sources)} source(s): {summary}")
            self.dock.refresh()
            self.dock.show()
            self.dock.raise_()
            fit = getattr(self.window.view, "fit_all", None)
            if callable(fit):
                fit()
        if problems:
            self.window.show_error("Import Articles", "\n".join(problems))
        return result


def install(window: Window) -> ImportFeature:
    """Add File → Import Articles… and the Import Review dock to ``window``."""
    return ImportFeature(window)
