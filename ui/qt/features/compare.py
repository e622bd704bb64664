"""Comparing positions in the desktop app: ``install(window)`` adds everything.

- **Positions** dock (:mod:`ui.qt.panels.positions`): stances per author and position, editable;
  positions are created, renamed, grounded and deleted there. Map → **New Position…**
  opens the dock on the new position, so a map without any has a way in from the menu.
- **Agreement** dock: the author × author agreement matrix; clicking a cell diffs the pair.
- **Compare two authors** dock: what two authors share, where they clash, what only one
  addresses; clicking a row selects the claims on the map.
- **What stands** dock: grounded-labelling counts, the most contested claims and the
  load-bearing premises; clicking a row selects the claim.
- The three analysis docks recompute after a change only while shown (a hidden one is
  marked stale and catches up when shown, see :mod:`ui.qt.base.dockrefresh`).
- View → **Author view**: the map view shows :class:`~ui.qt.panels.authorview.AuthorScene`
  instead of the claims, and back (the claim scene and its zoom are kept as they were).
- View → **What stands overlay**: every card gets an IN / OUT / UND ring, recomputed after
  every change of the document. Recomputation waits for the event loop (a zero timer), so a
  macro of 50 edits, which emits 50 ``changed`` signals, recomputes once.
- Map → **Lane layout**: one column per author, as one undoable edit.

The window is only reached through the attributes listed in :class:`Window`, so a test
harness with the same attributes works without the real main window. The window's
``add_dock`` puts each dock's toggle into View → Panels.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence, QTransform, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from argmap.analysis.authors import short_names
from argmap.analysis.compare import author_diff, contested_claims, load_bearing
from argmap.analysis.semantics import LABEL_COLOR, grounded_map, label_counts, overlay_marks
from argmap.drawing.lanes import lane_layout
from argmap.edit.document import EditError, MapDocument
from argmap.edit.edits import apply_layout
from ui.qt.base.dockrefresh import RefreshWhileShown
from ui.qt.base.undo import push_edit
from ui.qt.panels.authorview import READABLE_ZOOM, AgreementTable, AuthorScene
from ui.qt.panels.positions import PositionsDock
from ui.qt.panels.positions_table import select_on_map

CLAIMS_ROLE = int(Qt.ItemDataRole.UserRole) + 2
TOP = 8


class Window(Protocol):
    """The parts of the main window this feature uses."""

    doc: MapDocument
    undo_stack: QUndoStack
    view_menu: QMenu
    map_menu: QMenu
    tools_menu: QMenu

    @property
    def view(self) -> Any: ...

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None: ...

    def show_error(self, title: str, text: str) -> None: ...

    def status(self, text: str) -> None: ...


def _debounced(parent: QObject, slot: Callable[[], None]) -> QTimer:
    """A zero-interval single-shot timer: many ``start()`` calls in one turn run ``slot`` once."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(slot)
    return timer


def _said(window: Window, claim_id: str) -> str:
    claim = window.doc.claims.get(claim_id)
    if claim is None:
        return claim_id
    author = window.doc.authors.get(claim.author) if claim.author else None
    return f"{claim.text}  ({author.name if author else 'no author'})"


class DiffDock(QDockWidget):
    """Pick two authors; see shared ground, clashes and what only one of them addresses."""

    def __init__(self, window: Window, parent: QWidget | None = None) -> None:
        super().__init__("Compare two authors", parent)
        self.setObjectName("author-diff-dock")
        self.window_ = window
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.first = QComboBox(body)
        self.second = QComboBox(body)
        row.addWidget(self.first, 1)
        row.addWidget(QLabel("vs", body))
        row.addWidget(self.second, 1)
        layout.addLayout(row)
        self.tree = QTreeWidget(body)
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumHeight(MIN_LIST_HEIGHT)
        self.tree.setWordWrap(True)
        self.tree.itemClicked.connect(self._clicked)
        layout.addWidget(self.tree)
        self.setWidget(body)
        self.first.currentIndexChanged.connect(self.refresh)
        self.second.currentIndexChanged.connect(self.refresh)
        self.updater = RefreshWhileShown(self, self.reload)
        window.doc.changed.connect(self.updater.schedule)  # hidden: no work until shown

    def author_ids(self) -> tuple[str | None, str | None]:
        return self.first.currentData(), self.second.currentData()

    def set_pair(self, a: str, b: str) -> None:
        if self.updater.stale:  # the pickers must know the map's current authors
            self.updater.run()
        for combo, want in ((self.first, a), (self.second, b)):
            i = combo.findData(want)
            if i >= 0:
                combo.setCurrentIndex(i)
        self.refresh()

    def reload(self) -> None:
        """Refill the author pickers (keeping the choice) and redraw the diff."""
        authors = self.window_.doc.map.authors
        keep = self.author_ids()
        for combo, fallback in ((self.first, 0), (self.second, 1)):
            combo.blockSignals(True)
            combo.clear()
            for author in authors:
                combo.addItem(author.name, author.id)
            want = keep[0] if combo is self.first else keep[1]
            i = combo.findData(want) if want else -1
            combo.setCurrentIndex(i if i >= 0 else min(fallback, len(authors) - 1))
            combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        a, b = self.author_ids()
        if a is None or b is None or a == b:
            QTreeWidgetItem(self.tree, ["Pick two different authors."])
            return
        amap = self.window_.doc.map
        d = author_diff(amap, a, b)
        names = short_names(amap.authors)
        na, nb = names[a], names[b]
        grounds = {p.id: list(p.grounds) for p in amap.positions}
        kinds = {c.id: c.kind for c in amap.claims}

        def section(title: str, color: str) -> QTreeWidgetItem:
            item = QTreeWidgetItem(self.tree, [title])
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            item.setForeground(0, QColor(color))
            item.setExpanded(True)
            return item

        def group(parent: QTreeWidgetItem, title: str, rows: list[tuple[str, list[str]]]) -> None:
            node = QTreeWidgetItem(parent, [f"{title} ({len(rows)})"])
            node.setExpanded(True)
            for text, claims in rows:
                leaf = QTreeWidgetItem(node, [text])
                leaf.setData(0, CLAIMS_ROLE, claims)
                leaf.setToolTip(0, text)

        def links(items: Any) -> list[tuple[str, list[str]]]:
            rows = []
            for x in items:
                verb = "→ supports →" if x.kind == "support" else "→ attacks →"
                if "objection" in (kinds.get(x.from_claim), kinds.get(x.to_claim)):
                    verb += " (objection)"
                rows.append(
                    (
                        f"{_said(self.window_, x.from_claim)} {verb} "
                        f"{_said(self.window_, x.to_claim)}",
                        [x.from_claim, x.to_claim],
                    )
                )
            return rows

        def stances(pairs: Any) -> list[tuple[str, list[str]]]:
            return [
                (f"{p.label}: {na} {p.a or '—'}, {nb} {p.b or '—'}", grounds.get(p.position_id, []))
                for p in pairs
            ]

        shared = section("Shared", "#2e7d32")
        group(shared, "Links that agree", links(d.agreeing))
        group(shared, "Same stance", stances(d.same))
        clash = section("Clash", "#c62828")
        group(clash, "Links that disagree", links(d.disagreeing))
        group(clash, "Opposite stances", stances(d.opposite))
        group(clash, "Different stances (one mixed)", stances(d.differ))
        only = section("Only one addresses", "#555555")
        group(only, f"Only {na}", stances(d.only_a))
        group(only, f"Only {nb}", stances(d.only_b))

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        claims = item.data(0, CLAIMS_ROLE)
        if claims:
            select_on_map(self.window_.view, list(claims))


MIN_LIST_HEIGHT = 44
"""The least height of a dock's list (two rows): the window never grows to fit docks."""


class StandsDock(QDockWidget):
    """Counts of the grounded labelling, the most contested claims, the load-bearing premises."""

    def __init__(self, window: Window, parent: QWidget | None = None) -> None:
        super().__init__("What stands", parent)
        self.setObjectName("what-stands-dock")
        self.window_ = window
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.counts = QLabel(body)
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.counts)
        layout.addWidget(QLabel("<b>Most contested claims</b> (attacks × attacking authors)", body))
        self.contested = QListWidget(body)
        layout.addWidget(self.contested, 1)
        layout.addWidget(
            QLabel("<b>Load-bearing premises</b> (support paths cut by removal)", body)
        )
        self.bearing = QListWidget(body)
        layout.addWidget(self.bearing, 1)
        self.setWidget(body)
        for lst in (self.contested, self.bearing):
            # Small minimums: stacked with the inspector, legend and overview on a
            # 720-pixel screen, list defaults pushed the window taller than the screen.
            lst.setMinimumHeight(MIN_LIST_HEIGHT)
            lst.setWordWrap(True)
            lst.itemClicked.connect(self._clicked)
        self.updater = RefreshWhileShown(self, self.refresh)
        window.doc.changed.connect(self.updater.schedule)  # hidden: no work until shown
        self.overlay_on: Callable[[], bool] = lambda: False
        """Whether the map shows the overlay now (the feature sets it), for the hint."""

    def refresh(self) -> None:
        amap = self.window_.doc.map
        counts = label_counts(grounded_map(amap))
        self.counts.setText(
            " · ".join(
                f"<span style='color:{LABEL_COLOR[k]}'><b>{counts[k]}</b> {k}</span>"
                for k in ("in", "out", "undecided")
            )
            + "<br><small>Grounded semantics over attack links; support does not carry "
            "defeat. "
            + (
                "The map shows it: IN green, OUT red, UND grey.</small>"
                if self.overlay_on()
                else "Turn on View → What stands overlay to see it on the map.</small>"
            )
        )
        names = short_names(amap.authors)
        self.contested.clear()
        for c in contested_claims(amap, limit=TOP):
            who = ", ".join(names.get(a, a) for a in c.authors) or "no author"
            item = QListWidgetItem(
                f"{len(c.attacks)}× by {len(c.authors)}: {_said(self.window_, c.claim_id)}"
            )
            item.setToolTip(f"attacked {len(c.attacks)}× by {who}")
            item.setData(CLAIMS_ROLE, [c.claim_id])
            self.contested.addItem(item)
        self.bearing.clear()
        for x in load_bearing(amap, limit=TOP):
            item = QListWidgetItem(f"{x.paths} paths: {_said(self.window_, x.claim_id)}")
            item.setToolTip(f"carries support to {len(x.targets)} theses / recommendations")
            item.setData(CLAIMS_ROLE, [x.claim_id, *x.targets])
            self.bearing.addItem(item)

    def _clicked(self, item: QListWidgetItem) -> None:
        claims = item.data(CLAIMS_ROLE)
        if claims:
            select_on_map(self.window_.view, list(claims))


class CompareFeature(QObject):
    """Owns the docks, the author scene and the overlay state of one window."""

    def __init__(self, window: Window) -> None:
        super().__init__(window if isinstance(window, QObject) else None)
        self.window = window
        self.author_scene: AuthorScene | None = None
        self.last_overlay_ms = 0.0
        self._shown: tuple[object, dict[str, tuple[str, str]]] | None = None
        """The scene and the marks last handed to it."""
        """How long the last overlay refresh took (labelling + marks), for the status bar."""
        area = Qt.DockWidgetArea
        parent = window if isinstance(window, QWidget) else None

        self.positions_dock = PositionsDock(window, parent)
        window.add_dock(self.positions_dock, area.BottomDockWidgetArea)
        auto_dock = getattr(window, "auto_dock", None)
        if callable(auto_dock):  # only maps with positions need the matrix open
            auto_dock(self.positions_dock, lambda: bool(window.doc.map.positions))

        self.agreement_dock = QDockWidget("Agreement", parent)
        self.agreement_dock.setObjectName("agreement-dock")
        self.agreement = AgreementTable(self.agreement_dock)
        self.agreement_dock.setWidget(self.agreement)
        window.add_dock(self.agreement_dock, area.BottomDockWidgetArea)
        self.agreement_dock.hide()

        self.diff_dock = DiffDock(window, parent)
        window.add_dock(self.diff_dock, area.RightDockWidgetArea)
        self.diff_dock.hide()

        self.stands_dock = StandsDock(window, parent)
        window.add_dock(self.stands_dock, area.RightDockWidgetArea)
        self.stands_dock.hide()

        self.agreement.pair_clicked.connect(self.show_diff)
        # Hidden, the agreement matrix costs nothing; it is recomputed when shown.
        self.agreement_updater = RefreshWhileShown(self.agreement_dock, self._refresh_agreement)
        self._overlay_timer = _debounced(self, self.refresh_overlay)
        window.doc.changed.connect(self._on_changed)

        # actions
        self.author_view_action = QAction("Author View", self)
        self.author_view_action.setCheckable(True)
        self.author_view_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.author_view_action.setStatusTip(
            "Show one node per author with their cross-author supports and attacks"
        )
        self.author_view_action.toggled.connect(self.set_author_view)

        self.overlay_action = QAction("What Stands Overlay", self)
        self.overlay_action.setCheckable(True)
        self.overlay_action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.overlay_action.setStatusTip(
            "Mark every claim IN, OUT or UND (grounded semantics over attack links)"
        )
        self.overlay_action.toggled.connect(self.set_overlay)
        self.stands_dock.overlay_on = self.overlay_action.isChecked
        self.overlay_action.toggled.connect(lambda _on: self.stands_dock.updater.schedule())

        self.lane_action = QAction("Lane Layout", self)
        self.lane_action.setStatusTip("One column per author; cross-author links run between lanes")
        self.lane_action.triggered.connect(self.lane_layout)

        self.new_position_action = QAction("New Position…", self)
        self.new_position_action.setStatusTip(
            "Add a question to compare the authors on (shown in the Positions panel)"
        )
        self.new_position_action.triggered.connect(lambda _checked=False: self.new_position())

        self.diff_action = QAction("Compare Two Authors…", self)
        self.diff_action.triggered.connect(lambda: self.show_diff(None, None))

        window.view_menu.addSeparator()
        window.view_menu.addAction(self.author_view_action)
        window.view_menu.addAction(self.overlay_action)
        # with the other "New …" commands: before the map menu's first separator
        first_separator = next((a for a in window.map_menu.actions() if a.isSeparator()), None)
        if first_separator is not None:
            window.map_menu.insertAction(first_separator, self.new_position_action)
        else:
            window.map_menu.addAction(self.new_position_action)
        window.map_menu.addAction(self.lane_action)
        window.tools_menu.addAction(self.diff_action)

    # ------------------------------------------------------------------ document
    def _on_changed(self) -> None:
        self.agreement_updater.schedule()
        if self.overlay_action.isChecked():
            self._overlay_timer.start()

    def _refresh_agreement(self) -> None:
        self.agreement.refresh(self.window.doc.map)

    # ------------------------------------------------------------------ author view
    def set_author_view(self, on: bool) -> None:
        view = self.window.view
        if on:
            if self.author_scene is None:
                self.author_scene = AuthorScene(self.window.doc, self)
            view.set_alternate_scene(self.author_scene)
            rect = self.author_scene.sceneRect()
            view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            if view.transform().m11() < READABLE_ZOOM:  # readable first; scroll for the rest
                view.setTransform(QTransform.fromScale(READABLE_ZOOM, READABLE_ZOOM))
                # centred across, and from the top down: the title first
                half = view.viewport().height() / 2 / READABLE_ZOOM
                view.centerOn(rect.center().x(), min(rect.center().y(), rect.top() + half))
            self.agreement_dock.show()
            self.agreement_dock.raise_()  # tabbed with the positions: bring it to the front
            self.window.status("Author view: one node per author. Ctrl+Shift+U returns to claims.")
        else:
            view.set_alternate_scene(None)
            if self.author_scene is not None:
                self.author_scene.detach()
                self.author_scene.deleteLater()
                self.author_scene = None
        if self.author_view_action.isChecked() != on:
            self.author_view_action.setChecked(on)

    # ------------------------------------------------------------------ overlay
    def set_overlay(self, on: bool) -> None:
        if on:
            self.refresh_overlay()
        else:
            self._overlay_timer.stop()
            self.window.view.map_scene().set_overlay(None)
            self._shown = None
        if self.overlay_action.isChecked() != on:
            self.overlay_action.setChecked(on)

    def refresh_overlay(self) -> None:
        """Label every claim and hand the marks to the map scene."""
        start = time.perf_counter()
        labels = grounded_map(self.window.doc.map)
        marks = overlay_marks(labels)
        scene = self.window.view.map_scene()
        # Most edits (text, moves, stances) change no label: then the scene is left alone,
        # since re-marking every card of a big map is most of the cost.
        if self._shown is None or self._shown[0] is not scene or self._shown[1] != marks:
            scene.set_overlay(marks)
            self._shown = (scene, marks)
        self.last_overlay_ms = (time.perf_counter() - start) * 1000
        counts = label_counts(labels)
        self.window.status(
            f"What stands: {counts['in']} in, {counts['out']} out, "
            f"{counts['undecided']} undecided (grounded semantics over attack links)"
        )

    # ------------------------------------------------------------------ lanes, diff
    def lane_layout(self) -> bool:
        doc = self.window.doc
        if not doc.claims:
            return False
        if self.author_view_action.isChecked():
            self.set_author_view(False)
        view = self.window.view
        viewport = view.viewport().rect()
        shape = viewport.height() / viewport.width() if viewport.width() > 0 else 0.6
        spots = lane_layout(
            doc.map, view.map_scene().card_sizes(), columns=None, aspect=max(0.3, shape)
        )
        if all(doc.claims[cid].pos == p for cid, p in spots.items()):
            return False
        try:
            edit = apply_layout(spots, name="Lane layout")
            push_edit(self.window.undo_stack, doc, edit)
        except EditError as exc:
            self.window.show_error("Lane layout failed", str(exc))
            return False
        frame = getattr(self.window.view, "show_initial", None)  # readable, not fitted
        if callable(frame):
            frame()
        return True

    def new_position(self) -> str | None:
        """Create a position from the Map menu and show it in the Positions dock (which a
        map without positions keeps closed); returns its id, or None when cancelled."""
        position_id = self.positions_dock.new_position()
        if position_id is not None:
            self.positions_dock.show()
            self.positions_dock.raise_()
        return position_id

    def show_diff(self, a: str | None, b: str | None) -> None:
        if a is not None and b is not None:
            self.diff_dock.set_pair(a, b)
        self.diff_dock.show()
        self.diff_dock.raise_()


def install(window: Window) -> CompareFeature:
    """Add the comparison docks, actions and overlay to ``window``; returns the controller."""
    return CompareFeature(window)
