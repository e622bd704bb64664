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
  proposal of the map (kind, confidence, text, source, reason), the suggested links
  between articles included, and appears whenever a map with proposals is opened or
  recovered. Accept marks a proposal reviewed (with the proposed links within its article
  whose other end is accepted), Reject removes it with its links, Flip turns a suggested
  link from support to attack or back, Use as Thesis swaps an alternative thesis in; the
  bulk buttons say how many they act on ("Accept 103 ≥ 0.80", "Reject 25 < 0.30", the
  thresholds from :mod:`argmap.extract.thresholds`); the row menu also changes the kind of
  the selected proposals (the reason then says the reviewer changed it). Every action is
  one undo entry. Selecting a row selects the claim (or the link) on the map;
- Map ▸ Pending Proposals… and the status bar's "12 proposals to review" bring the list
  back at any time (:mod:`ui.qt.features.pending`).

The window is reached only through the attributes of :class:`Window`, so tests can use a
small harness; questions (the file dialog) go through :meth:`ImportFeature.ask_paths`,
which tests replace.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QProgressDialog,
    QWidget,
)

from argmap.edit.document import EditError
from argmap.edit.edits import Macro, MoveClaims, SetMeta
from argmap.edit.proposals import pending_count
from argmap.extract.build import ImportResult, build_import, place
from argmap.map.model import ArgumentMap, Point
from ui.qt.base.undo import push_edit
from ui.qt.features.pending import attach
from ui.qt.features.review_dock import ReviewDock, Window

ARTICLE_FILTER = (
    "Articles (*.txt *.text *.md *.html *.htm *.xhtml *.shtml *.pdf *.docx);;"
    "Text files (*.txt *.text *.md);;Web pages (*.html *.htm *.xhtml *.shtml);;"
    "PDF and Word documents (*.pdf *.docx);;All files (*)"
)
"""Every type a user may try, PDF and Word included: a file the import cannot read is
listed and then told why (:func:`~argmap.extract.reading.read_article` names what it is
and what to save it as), never hidden by the filter or dropped without a word."""


class Cancelled(Exception):
    """The user pressed Cancel in the progress dialog."""


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
        if not pending_count(window.doc):
            self.dock.hide()
        # A map opened (or recovered) with unreviewed proposals shows the review: the
        # command line's import tells the user to use it, and a hidden dock hid the work.
        demand = getattr(window, "demand_dock", None)
        if callable(demand):
            demand(self.dock, self.has_proposals)
        else:  # a harness without the window's dock layout
            window.doc.reset.connect(self._map_replaced)
        self.last_result: ImportResult | None = None
        self.pending = attach(window, self.dock)

    def has_proposals(self) -> bool:
        """Whether the window's map has proposals waiting for review (claims, or suggested
        links between articles)."""
        return pending_count(self.window.doc) > 0

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
            pins = self.pins()
            if pins:  # one undo step still: the pins go with the import
                edit = Macro([MoveClaims(pins, name="Pin the cards"), *edit.edits], edit.name)
            if not doc.map.title and not doc.map.claims:  # name a new map, as the CLI does
                meta = SetMeta(imported_title(result), doc.map.description)
                edit = Macro([*edit.edits, meta], edit.name)
            try:
                push_edit(self.window.undo_stack, doc, edit)
            except EditError as exc:
                self.window.show_error("Import Articles", f"The import could not be added: {exc}")
                return None
            scene = getattr(self.window.view, "map_scene", None)
            if pins and callable(scene):  # arrows as the saved map will have them
                scene().route_as_saved()
            kinds = result.claims_by_kind()
            summary = ", ".join(f"{n} {k}" for k, n in kinds.items()) or "no proposals"
            self.window.status(f"Imported {len(result.sources)} source(s): {summary}")
            self.dock.updater.run()  # current, and not stale: showing it rebuilds nothing
            present = getattr(self.window, "present_dock", None)
            if callable(present):  # shown at its default size, the map pane then final
                present(self.dock)
            else:
                self.dock.show()
                self.dock.raise_()
            self.frame_import(result)
        if problems:
            self.window.show_error("Import Articles", problem_report(problems))
        return result

    def pins(self) -> dict[str, Point | None]:
        """Where the cards without a saved position are drawn. An import saves its cards'
        places, and a map with some places saved and others not is placed differently
        when opened again (and by ``argmap export``): pinned, the cards stay where the
        user saw them, in the app, in the file and in every export."""
        scene = getattr(self.window.view, "map_scene", None)
        if not callable(scene):
            return {}
        drawn = scene().current_positions()
        return {
            c.id: drawn[c.id] for c in self.window.doc.map.claims if c.pos is None and c.id in drawn
        }

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


def problem_report(problems: Sequence[str]) -> str:
    """The import's problems under a one-line summary (a long report shows the summary
    alone, the lines in a scrollable details area: see :mod:`ui.qt.base.report`)."""
    if len(problems) <= 1:
        return "\n".join(problems)
    skipped = sum(1 for p in problems if p.endswith("; skipped"))
    parts = []
    if skipped:
        parts.append(
            f"{skipped} article{'s' if skipped != 1 else ''} already in the map or repeated "
            "in the import skipped"
        )
    other = len(problems) - skipped
    if other:
        kind = "other problem" if skipped else "problem"
        parts.append(f"{other} {kind}{'s' if other != 1 else ''}")
    return "; ".join(parts).capitalize() + ".\n" + "\n".join(problems)


def install(window: Window) -> ImportFeature:
    """Add File → Import Articles… and the Import Review dock to ``window``."""
    return ImportFeature(window)
