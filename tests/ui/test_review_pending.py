"""The review of what an import leaves to decide, driven as a reviewer would: an article's
alternative theses listed under its thesis and swapped in with one click (one undo step),
the suggested links between articles accepted, rejected and flipped in the list, and the
pending proposals found again after the dock is closed or the map reopened (Map ▸
Pending Proposals…, the status bar's count). The map is written in the test
(:func:`tests.core.test_proposals_review.article_map`), not made by the proposer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QTreeWidgetItem

from argmap.edit.edits import MoveClaims, UpdateClaim
from argmap.edit.proposals import accept_edit, pending, pending_count
from argmap.map.mapfile import save
from argmap.map.model import Point
from tests.core.test_proposals_review import article_map
from ui.qt.base.undo import push_edit
from ui.qt.features.importer import ImportFeature
from ui.qt.features.review_dock import ReviewDock
from ui.qt.features.review_rows import ID_ROLE, KIND_COL, TEXT_COL, WHAT_ROLE
from ui.qt.window.main import MainWindow

MakeWindow = Callable[[], MainWindow]


@pytest.fixture
def make_window(qtbot: Any, tmp_path: Path) -> MakeWindow:
    def make() -> MainWindow:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, tmp_path / "recovery", autosave_ms=3_600_000)
        window.show_error = lambda title, text: pytest.fail(f"{title}: {text}")  # type: ignore[method-assign]
        window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "trams.argmap.json"
    save(article_map(), path)
    return path


def _dock(window: MainWindow) -> ReviewDock:
    feature = next(c for c in window.children() if isinstance(c, ImportFeature))
    return feature.dock


def _row(dock: ReviewDock, key: str, what: str = "claim") -> QTreeWidgetItem:
    for i in range(dock.tree.topLevelItemCount()):
        item = dock.tree.topLevelItem(i)
        if item is not None and (item.data(0, WHAT_ROLE), item.data(0, ID_ROLE)) == (what, key):
            return item
    raise AssertionError(f"no row for {what} {key}")


def _click(qtbot: Any, dock: ReviewDock, key: str, what: str = "claim") -> None:
    """Click a row's text, as a reviewer does."""
    item = _row(dock, key, what)
    dock.tree.scrollToItem(item)
    rect = dock.tree.visualItemRect(item)
    x = dock.tree.header().sectionPosition(TEXT_COL) + 10
    qtbot.mouseClick(
        dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, rect.center().y())
    )


def _status_count(window: MainWindow) -> QLabel:
    label = window.findChild(QLabel, "pending_proposals_count")
    assert isinstance(label, QLabel)
    QApplication.processEvents()  # the count follows on the next turn of the event loop
    return label


# ------------------------------------------------------------------ thesis alternatives
def test_alternatives_are_listed_under_their_thesis_and_one_click_swaps_one_in(
    qtbot: Any, make_window: MakeWindow, saved: Path
) -> None:
    window = make_window()
    assert window.open_path(saved)
    dock = _dock(window)
    assert dock.isVisible()
    assert dock.row_ids()[:4] == ["t1", "t2", "t3", "b1"]  # each thesis, its runners-up
    assert _row(dock, "t1").text(KIND_COL) == "Thesis"
    alt = _row(dock, "t2")
    assert alt.text(KIND_COL) == "↳ Thesis (alt. 2)"
    assert _row(dock, "t3").text(KIND_COL) == "↳ Thesis (alt. 3)"
    assert "alternative thesis" in alt.toolTip(KIND_COL)
    assert "Trams are a waste of money" in alt.toolTip(KIND_COL)  # the thesis it rivals
    assert "2 alternatives below" in _row(dock, "t1").toolTip(KIND_COL)

    _click(qtbot, dock, "t1")
    assert not dock.use_thesis_button.isEnabled()  # the thesis is the thesis already
    _click(qtbot, dock, "t2")
    assert dock.selected_ids() == ["t2"] and dock.use_thesis_button.isEnabled()
    assert window.inspector.origin.text().startswith("An alternative thesis")  # also there
    assert "Trams are a waste of money" in window.inspector.origin.text()

    steps = window.undo_stack.index()
    qtbot.mouseClick(dock.use_thesis_button, Qt.MouseButton.LeftButton)
    assert window.undo_stack.index() == steps + 1
    assert window.undo_stack.undoText() == "Use “The city must fund trams” as the thesis"
    doc = window.doc
    assert dock.row_ids()[:3] == ["t2", "t1", "t3"]
    assert _row(dock, "t2").text(KIND_COL) == "Thesis"
    assert _row(dock, "t1").text(KIND_COL) == "↳ Thesis (alt. 2)"
    assert dock.selected_ids() == ["t2"]  # still on the claim the reviewer chose
    assert doc.links["l1"].to_claim == "t2"  # the article's premise argues for it now
    window.undo_stack.undo()  # the list follows on the next turn of the event loop
    QApplication.processEvents()
    assert dock.row_ids()[:3] == ["t1", "t2", "t3"]
    assert doc.links["l1"].to_claim == "t1"

    # the row's menu offers it too, and only on an alternative
    _click(qtbot, dock, "t3")
    menu = {a.text(): a for a in dock.build_menu().actions()}
    menu["Use as Thesis"].trigger()
    assert dock.row_ids()[:3] == ["t3", "t2", "t1"]  # the old thesis takes t3's rank
    assert _row(dock, "t1").text(KIND_COL) == "↳ Thesis (alt. 3)"
    _click(qtbot, dock, "p1")
    assert "Use as Thesis" not in {a.text() for a in dock.build_menu().actions()}


def test_accepting_the_thesis_leaves_its_alternatives_to_reject(
    qtbot: Any, make_window: MakeWindow, saved: Path
) -> None:
    window = make_window()
    assert window.open_path(saved)
    dock = _dock(window)
    _click(qtbot, dock, "t1")
    qtbot.mouseClick(dock.accept_button, Qt.MouseButton.LeftButton)
    assert not window.doc.claims["t1"].origin.is_proposal
    assert _row(dock, "t2").text(KIND_COL) == "↳ Thesis (alt. 2)"
    assert dock.selected_ids() == ["t2"]  # the next row, ready to decide
    qtbot.mouseClick(dock.reject_button, Qt.MouseButton.LeftButton)  # reject it
    assert "t2" not in window.doc.claims
    assert _row(dock, "t3").text(KIND_COL) == "↳ Thesis (alt. 2)"  # the runner-up now


# ------------------------------------------------------------------ links between articles
def test_suggested_links_between_articles_are_listed_and_reviewed_in_the_list(
    qtbot: Any, make_window: MakeWindow, saved: Path
) -> None:
    window = make_window()
    assert window.open_path(saved)
    dock, doc = _dock(window), window.doc
    assert dock.row_ids("link") == ["x1"]
    row = _row(dock, "x1", "link")
    assert row.text(KIND_COL) == "Attack link"
    assert "“Buses first, then trams” attacks “Trams are a waste of money”" in row.text(TEXT_COL)
    assert "Bo Park" in row.toolTip(TEXT_COL) and "Ann Lee" in row.toolTip(TEXT_COL)
    assert "4 claims" not in dock.summary.text() and "1 suggested link" in dock.summary.text()

    _click(qtbot, dock, "x1", "link")
    assert window.view.map_scene().selected_link_ids() == ["x1"]  # shown on the map
    assert dock.flip_button.isEnabled() and not dock.use_thesis_button.isEnabled()
    qtbot.mouseClick(dock.flip_button, Qt.MouseButton.LeftButton)
    assert doc.links["x1"].kind == "support" and doc.links["x1"].origin.is_proposal
    assert _row(dock, "x1", "link").text(KIND_COL) == "Support link"
    assert dock.selected_link_ids() == ["x1"]
    qtbot.mouseClick(dock.accept_button, Qt.MouseButton.LeftButton)
    assert not doc.links["x1"].origin.is_proposal
    assert dock.row_ids("link") == []
    window.undo_stack.undo()
    QApplication.processEvents()
    _click(qtbot, dock, "x1", "link")
    menu = {a.text(): a for a in dock.build_menu().actions()}
    assert "Make Premise" not in menu  # a link has no claim kind
    menu["Reject"].trigger()
    assert "x1" not in doc.links


# ------------------------------------------------------------------ never lost
def test_pending_proposals_are_counted_and_one_command_away(
    qtbot: Any, make_window: MakeWindow, saved: Path, tmp_path: Path
) -> None:
    window = make_window()
    label = _status_count(window)
    assert not label.isVisible()  # nothing to review: no count
    assert window.open_path(saved)
    label = _status_count(window)
    assert label.isVisible() and "7 proposals to review" in label.text()
    dock, doc = _dock(window), window.doc

    # the reviewer accepts every claim: the suggested link between the articles stays
    push_edit(window.undo_stack, doc, accept_edit(doc, pending(doc)))  # type: ignore[arg-type]
    assert "1 proposal to review" in _status_count(window).text()
    dock.toggleViewAction().trigger()  # and closes the review
    assert not dock.isVisible()

    entry = next(
        a for a in window.map_menu.actions() if a.text().replace("&", "") == "Pending Proposals…"
    )
    entry.trigger()  # Map ▸ Pending Proposals…
    assert dock.isVisible() and dock.row_ids("link") == ["x1"]
    assert dock.selected_link_ids() == ["x1"]  # the first one, ready to decide

    # saved and reopened: the count is back and the entry reaches the link
    path = tmp_path / "half-reviewed.argmap.json"
    assert window.save_to(path)  # File ▸ Save As…
    again = make_window()
    assert again.open_path(path)
    label = _status_count(again)
    assert label.isVisible() and "1 proposal to review" in label.text()
    review = _dock(again)
    assert review.isVisible()  # a map with work waiting opens with the review
    review.toggleViewAction().trigger()
    rect = label.rect()
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=QPoint(8, rect.center().y()))
    assert review.isVisible() and review.row_ids("link") == ["x1"]  # the count is a link
    qtbot.mouseClick(review.reject_button, Qt.MouseButton.LeftButton)
    assert pending_count(again.doc) == 0
    assert not _status_count(again).isVisible()  # gone at zero
    again.undo_stack.undo()
    assert "1 proposal to review" in _status_count(again).text()  # and back with undo


def test_bulk_reject_leaves_the_theses_to_choose_by_hand(
    qtbot: Any, make_window: MakeWindow, saved: Path
) -> None:
    """A thesis's confidence is its share among the article's candidates (the shipped
    ranker gives a right thesis 0.2): bulk reject at a claim threshold removed them all."""
    window = make_window()
    assert window.open_path(saved)
    dock, doc = _dock(window), window.doc
    dock.reject_threshold.setValue(0.6)  # below it: p2 (0.50) and theses t2, t3 (0.41, 0.30)
    assert dock.reject_rest_button.text() == "Reject 1 <"
    assert "theses left out" in dock.reject_rest_button.toolTip()
    qtbot.mouseClick(dock.reject_rest_button, Qt.MouseButton.LeftButton)
    assert "p2" not in doc.claims and {"t2", "t3"} <= set(pending(doc))


def test_a_drag_or_a_new_wording_neither_rebuilds_the_list_nor_recounts(
    qtbot: Any, make_window: MakeWindow, saved: Path
) -> None:
    """Both read the whole map (seconds and 60 ms on 10,000 claims): a drag changes
    neither, and a new wording changes the count not at all."""
    window = make_window()
    assert window.open_path(saved)
    feature = next(c for c in window.children() if isinstance(c, ImportFeature))
    dock, doc = feature.dock, window.doc
    _status_count(window)
    runs = dock.updater.runs
    push_edit(window.undo_stack, doc, MoveClaims({"p1": Point(x=5.0, y=5.0)}))
    assert not feature.pending._timer.isActive()
    QApplication.processEvents()
    assert dock.updater.runs == runs and dock.isVisible()
    push_edit(window.undo_stack, doc, UpdateClaim("p1", {"text": "Tram lines cost more"}))
    assert not feature.pending._timer.isActive()  # the list shows the text: it follows
    QApplication.processEvents()
    assert dock.updater.runs == runs + 1
    push_edit(window.undo_stack, doc, accept_edit(doc, ["p1"]))  # type: ignore[arg-type]
    assert "6 proposals to review" in _status_count(window).text()
