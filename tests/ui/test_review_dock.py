"""The Import Review dock as a teacher meets it: it appears for a map with proposals, an
import opens at a readable zoom, the list has room and says whose each sentence is, the
bulk button says how many it accepts, and a retyped proposal says who retyped it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QDockWidget, QHeaderView, QScrollArea

from argmap.edit.document import MapDocument
from argmap.edit.proposals import (
    alternative_of,
    pending,
    pending_count,
    pending_links,
    retype_edit,
    retyped_reason,
)
from argmap.extract.build import build_import, place
from argmap.extract.thresholds import ACCEPT_AT, REJECT_BELOW, THRESHOLD_NOTE
from argmap.map.mapfile import load, save
from argmap.map.model import ArgumentMap
from tests.conftest import FIXTURES, MAPS
from ui.qt.base.undo import push_edit
from ui.qt.canvas.view import MIN_READABLE_FIT, THESES_MIN_ZOOM
from ui.qt.features.importer import ImportFeature
from ui.qt.features.review_rows import (
    CONF_COL,
    KIND_COL,
    REASON_COL,
    SOURCE_COL,
    TEXT_COL,
    WHAT_ROLE,
)
from ui.qt.window.main import MainWindow

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
PLAIN = MAPS / "ct-leverage.argmap.json"  # no proposals

MakeWindow = Callable[..., MainWindow]


@pytest.fixture(scope="module")
def imported_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seed op-eds imported as ``argmap import`` does (a map of proposals)."""
    result = build_import([str(p) for p in SEEDS], ArgumentMap())
    place(result, ArgumentMap())
    doc = MapDocument()
    result.edit().apply(doc)
    path = tmp_path_factory.mktemp("seeds") / "seeds.argmap.json"
    save(doc.map, path)
    return path


@pytest.fixture
def make_window(qtbot: Any, tmp_path: Path) -> MakeWindow:
    """Full windows (features installed) sharing one settings file, no question asked."""

    def make(size: tuple[int, int] = (1600, 1000), recover: bool = False) -> MainWindow:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, tmp_path / "recovery", autosave_ms=3_600_000)
        window.show_error = lambda title, text: pytest.fail(f"{title}: {text}")  # type: ignore[method-assign]
        window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
        window.ask_recover = lambda _recovery: recover  # type: ignore[method-assign]
        qtbot.addWidget(window)
        window.resize(*size)
        return window

    return make


def _feature(window: MainWindow) -> ImportFeature:
    found = [c for c in window.children() if isinstance(c, ImportFeature)]
    assert len(found) == 1
    return found[0]


def _show(qtbot: Any, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()


def _opened(qtbot: Any, make_window: MakeWindow, path: Path) -> MainWindow:
    """A shown window with ``path`` opened through File → Open."""
    window = make_window()
    _show(qtbot, window)
    assert window.open_path(path)
    return window


# ------------------------------------------------------------------ 1. it appears
def test_opening_a_map_with_proposals_shows_the_review(
    qtbot: Any, make_window: MakeWindow, imported_map: Path
) -> None:
    window = make_window()
    dock = _feature(window).dock
    _show(qtbot, window)
    assert not dock.isVisible()  # an empty map: nothing to review
    assert window.open_path(imported_map)  # File → Open
    assert dock.isVisible()
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert dock.tree.topLevelItemCount() == pending_count(window.doc) > 100
    QApplication.processEvents()
    assert dock.tree.viewport().height() >= 8 * dock.tree.sizeHintForRow(0)  # room to read

    assert window.open_path(PLAIN)  # no proposals: left as the user had it (shown)
    QApplication.processEvents()
    assert dock.isVisible() and dock.tree.topLevelItemCount() == 0
    dock.toggleViewAction().trigger()  # the user closes it
    assert window.open_path(PLAIN)
    assert not dock.isVisible()
    assert window.open_path(imported_map)  # the work waiting wins over that choice
    assert dock.isVisible()


def test_a_map_with_proposals_opens_with_the_review_from_the_command_line(
    qtbot: Any, make_window: MakeWindow, imported_map: Path
) -> None:
    """``argmap-gui x.argmap.json`` (and ``--screenshot``) set the map before showing."""
    window = make_window()
    window.set_map(load(imported_map), imported_map)
    _show(qtbot, window)
    dock = _feature(window).dock
    assert dock.isVisible()
    # the map opens on its first lane's conclusion, whole, not on a middle lane whose
    # neighbour's cards are cut at the pane's edge
    view = window.view
    cards = list(view.map_scene().claim_items())
    top = min(c.pos().y() for c in cards)
    first = min((c for c in cards if c.pos().y() <= top + 60), key=lambda c: c.pos().x())
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(first.sceneBoundingRect())
    assert view.zoom() >= THESES_MIN_ZOOM  # legible, with other lanes' theses beside it
    # a sensible default height: ten rows or so, and the map keeps most of the window
    tree = dock.tree
    assert tree.viewport().height() >= 8 * tree.sizeHintForRow(0)
    assert window.view.height() >= 0.5 * window.height()


def test_recovered_work_with_proposals_shows_the_review(
    qtbot: Any, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashed = make_window()
    _feature(crashed).import_files([str(SEEDS[0])])
    assert crashed.autosave.save_now() is not None
    monkeypatch.setattr("ui.qt.window.recovery._pid_alive", lambda _pid: False)  # then it "crashed"

    window = make_window(recover=True)
    _show(qtbot, window)
    dock = _feature(window).dock
    assert not dock.isVisible()
    assert window.offer_recovery()
    assert pending(window.doc) and dock.isVisible()


# ------------------------------------------------------------------ 2. a readable import
def test_import_opens_readable_on_the_first_articles_thesis(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window()
    _show(qtbot, window)
    feature = _feature(window)
    feature.ask_paths = lambda: [str(p) for p in SEEDS]  # type: ignore[method-assign]
    feature.action.trigger()  # File → Import Articles…
    QApplication.processEvents()
    view, doc = window.view, window.doc
    assert len(doc.map.sources) == 11
    assert view.zoom() >= MIN_READABLE_FIT  # not blank boxes
    first = feature.last_result
    assert first is not None
    thesis = next(
        c for c in doc.map.claims if c.kind == "thesis" and c.source == first.sources[0].id
    )
    item = view.map_scene().claim_item(thesis.id)
    assert item is not None
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(item.sceneBoundingRect())
    assert view.map_scene().selected_claim_ids() == [thesis.id]  # its article is shown
    assert window.sources.shown_source == thesis.source
    assert window.overview_dock.isVisible()  # the overview shows the rest
    # and the right column shares out its height again: the legend's foot is not cut off
    legend_area = window.legend_dock.widget()
    assert isinstance(legend_area, QScrollArea)
    qtbot.waitUntil(lambda: legend_area.viewport().height() >= window.legend.sizeHint().height())
    assert feature.dock.isVisible()
    assert window.doc.map.title.startswith("Imported: ")  # the new map got a name
    assert window.undo_stack.count() == 1  # and it all is one undo step
    window.undo_stack.undo()
    assert window.doc.map.title == "" and window.doc.map.claims == []


OPED = """Why Washington Should Talk to Kabul

By Jane Doe

The United States should open a formal channel to the Taliban government. Isolation has \
not changed the Taliban's behaviour in three years, and it has left millions of Afghans \
without aid. Critics argue that engagement rewards terror, but talking is not endorsing. \
For example, Washington kept talking to Moscow throughout the Cold War. Therefore the \
administration must appoint an envoy this year.
"""


def test_import_into_a_map_laid_out_by_the_app_lands_beside_it(
    qtbot: Any, make_window: MakeWindow, tmp_path: Path
) -> None:
    """The bundled maps have no saved positions: the app lays them out. An import placed
    against saved positions alone landed on top of the cards."""
    window = make_window()
    _show(qtbot, window)
    assert window.open_path(MAPS / "afghanistan-debate.argmap.json")
    scene = window.view.map_scene()
    before = {i.claim_id: i.sceneBoundingRect() for i in scene.claim_items()}
    article = tmp_path / "oped.txt"
    article.write_text(OPED, encoding="utf-8")
    result = _feature(window).import_files([str(article)])
    assert result is not None and result.claims
    for claim in result.claims:
        item = scene.claim_item(claim.id)
        assert item is not None
        rect = item.sceneBoundingRect()
        assert not any(rect.intersects(old) for old in before.values()), claim.text
    positions = window.findChild(QDockWidget, "positions-dock")
    assert isinstance(positions, QDockWidget)
    assert _feature(window).dock.isVisible()  # raised over the positions it is tabbed with
    assert window.tabifiedDockWidgets(_feature(window).dock) == [positions]


# ------------------------------------------------------------------ 3. room to read
@pytest.mark.parametrize("size", [(1600, 1000), (1280, 800)])
def test_review_columns_say_whose_and_give_the_text_the_room(
    qtbot: Any, make_window: MakeWindow, imported_map: Path, size: tuple[int, int]
) -> None:
    window = make_window(size)
    _show(qtbot, window)
    assert window.open_path(imported_map)
    QApplication.processEvents()
    dock = _feature(window).dock
    tree, doc = dock.tree, window.doc
    headers = [tree.headerItem().text(c) for c in range(tree.columnCount())]
    assert headers[TEXT_COL] == "Text" and headers[SOURCE_COL] == "Source"
    header = tree.header()
    assert header.sectionResizeMode(TEXT_COL) == QHeaderView.ResizeMode.Stretch
    others = sum(header.sectionSize(c) for c in (KIND_COL, CONF_COL, SOURCE_COL, REASON_COL))
    assert header.sectionSize(TEXT_COL) >= 0.35 * tree.viewport().width()
    assert header.sectionSize(TEXT_COL) + others <= tree.viewport().width() + 2  # no h-scroll
    sources = set()
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        assert item is not None
        if item.data(0, WHAT_ROLE) == "link":  # a suggested link: see the tests of links
            continue
        claim = doc.claims[str(item.data(0, Qt.ItemDataRole.UserRole + 1))]
        assert claim.text in item.toolTip(TEXT_COL)  # the full text, however narrow
        source = doc.sources[claim.source or ""]
        if source.title:
            assert item.text(SOURCE_COL) == source.title
        else:  # untitled: how the article starts, its id (a download's hash) in the tip
            opening = " ".join(source.text.split()[:3])
            assert item.text(SOURCE_COL).startswith(f"“{opening}")
            assert source.id in item.toolTip(SOURCE_COL)
        assert source.title in item.toolTip(SOURCE_COL)
        assert not item.text(REASON_COL).startswith(f"{claim.kind}:")  # the Kind column says it
        assert item.toolTip(REASON_COL) == claim.origin.reason
        sources.add(claim.source)
    assert len(sources) >= 8  # every article with proposals is named


# ------------------------------------------------------------------ 4. say how many
def test_bulk_thresholds_come_from_the_calibration_and_say_how_many(
    qtbot: Any, make_window: MakeWindow, imported_map: Path
) -> None:
    """Separate accept and reject thresholds (one 0.60 accepted junk and would have thrown
    away a right thesis at 0.58), their defaults chosen from the calibration, and the
    tooltips say how they were chosen and how many proposals each acts on."""
    window = _opened(qtbot, make_window, imported_map)
    dock, doc = _feature(window).dock, window.doc
    assert dock.accept_threshold.value() == pytest.approx(ACCEPT_AT)
    assert dock.reject_threshold.value() == pytest.approx(REJECT_BELOW)

    def conf(c: str) -> float:
        return doc.claims[c].origin.confidence or 0.0

    def above(limit: float) -> list[str]:
        return [c for c in pending(doc) if conf(c) >= limit - 1e-9 and not alternative_of(doc, c)]

    def below(limit: float) -> list[str]:  # never a thesis: one per article, chosen by hand
        return [
            c for c in pending(doc) if conf(c) < limit - 1e-9 and doc.claims[c].kind != "thesis"
        ]

    n, m = len(above(ACCEPT_AT)), len(below(REJECT_BELOW))
    assert n + m < len(pending(doc))  # something is left to read between them
    assert dock.accept_all_button.text() == f"Accept {n} ≥"
    assert dock.reject_rest_button.text() == f"Reject {m} <"
    for widget in (dock.accept_all_button, dock.accept_threshold):
        assert THRESHOLD_NOTE in widget.toolTip()
        assert f"the {n} pending claim" in widget.toolTip()
    assert f"the {m} pending claim" in dock.reject_threshold.toolTip()
    assert THRESHOLD_NOTE in dock.reject_rest_button.toolTip()
    dock.accept_threshold.setValue(0.7)  # the count follows the threshold
    n = len(above(0.7))
    assert dock.accept_all_button.text() == f"Accept {n} ≥"
    assert f"the {n} pending claim" in dock.accept_threshold.toolTip()
    dock.reject_threshold.setValue(0.5)
    assert dock.reject_rest_button.text() == f"Reject {len(below(0.5))} <"
    dock.tree.topLevelItem(0).setSelected(True)  # and the proposals
    dock.reject_selected()
    QApplication.processEvents()
    n = len(above(0.7))
    assert dock.accept_all_button.text() == f"Accept {n} ≥"

    steps = window.undo_stack.index()
    expected = set(above(0.7))
    qtbot.mouseClick(dock.accept_all_button, Qt.MouseButton.LeftButton)
    assert window.undo_stack.index() == steps + 1
    assert not expected & set(pending(doc))
    assert dock.accept_all_button.text() == "Accept 0 ≥"
    assert not dock.accept_all_button.isEnabled()
    window.undo_stack.undo()
    QApplication.processEvents()
    assert expected <= set(pending(doc))
    assert dock.accept_all_button.text() == f"Accept {len(expected)} ≥"
    low = set(below(0.5))
    qtbot.mouseClick(dock.reject_rest_button, Qt.MouseButton.LeftButton)
    assert not low & set(doc.claims) and expected <= set(pending(doc))


def test_a_finished_review_gives_the_room_back_and_points_at_the_layout(
    qtbot: Any, make_window: MakeWindow, imported_map: Path
) -> None:
    window = _opened(qtbot, make_window, imported_map)
    dock, doc = _feature(window).dock, window.doc
    messages: list[str] = []
    window.status = lambda text, *args: messages.append(text)  # type: ignore[method-assign]
    dock.accept_above()
    assert dock.isVisible() and pending(doc)  # some are still to review
    dock.reject_threshold.setValue(1.0)
    dock.reject_below()
    theses = pending(doc)  # bulk reject leaves each article's theses to choose by hand
    assert theses and all(doc.claims[c].kind == "thesis" for c in theses)
    dock.select_ids(theses)
    qtbot.mouseClick(dock.accept_button, Qt.MouseButton.LeftButton)
    assert not pending(doc)
    links = pending_links(doc)
    if links:  # the suggested links between articles stay listed until reviewed
        assert dock.isVisible() and dock.row_ids("link") == links
        assert "between articles to check" in messages[-1]
        dock.select_ids([], links)
        qtbot.mouseClick(dock.reject_button, Qt.MouseButton.LeftButton)
    assert not pending_count(doc)
    assert not dock.isVisible()
    assert "every proposal is reviewed" in messages[-1] and "Auto Layout" in messages[-1]


def test_a_proposal_selected_on_the_map_is_selected_in_the_list(
    qtbot: Any, make_window: MakeWindow, imported_map: Path
) -> None:
    window = _opened(qtbot, make_window, imported_map)
    dock = _feature(window).dock
    ids = dock.row_ids()
    target = ids[len(ids) // 2]
    window.view.select_claims([target])
    QApplication.processEvents()
    assert dock.selected_ids() == [target]
    assert window.view.map_scene().selected_claim_ids() == [target]  # no echo back
    window.view.select_claims(ids[:3], center=False)
    QApplication.processEvents()
    assert sorted(dock.selected_ids()) == sorted(ids[:3])


# ------------------------------------------------------------------ 5. retyped by whom
def test_make_premise_says_the_reviewer_changed_it(
    qtbot: Any, make_window: MakeWindow, imported_map: Path
) -> None:
    window = _opened(qtbot, make_window, imported_map)
    dock, doc = _feature(window).dock, window.doc
    thesis = next(c for c in doc.map.claims if c.kind == "thesis")
    original = thesis.origin.reason
    assert original.startswith("thesis: ")
    dock.select_ids([thesis.id])
    make = {a.text(): a for a in dock.build_menu().actions()}
    make["Make Premise"].trigger()
    claim = doc.claims[thesis.id]
    assert claim.kind == "premise" and claim.origin.is_proposal
    cue = original.removeprefix("thesis: ")
    assert claim.origin.reason == (
        f"premise (changed from thesis by the reviewer; proposed for {cue})"
    )
    make = {a.text(): a for a in dock.build_menu().actions()}
    make["Make Evidence"].trigger()  # what the extractor proposed stays the reference
    assert doc.claims[thesis.id].origin.reason.startswith(
        "evidence (changed from thesis by the reviewer"
    )
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert doc.claims[thesis.id].origin.reason == original
    assert doc.claims[thesis.id].kind == "thesis"


def test_changing_a_proposals_kind_in_the_inspector_says_so_too(
    qtbot: Any, make_window: MakeWindow, imported_map: Path
) -> None:
    window = _opened(qtbot, make_window, imported_map)
    doc = window.doc
    thesis = next(c for c in doc.map.claims if c.kind == "thesis")
    window.view.select_claims([thesis.id])
    combo = window.inspector.kind
    combo.setCurrentIndex(combo.findData("recommendation"))
    combo.activated.emit(combo.currentIndex())
    claim = doc.claims[thesis.id]
    assert claim.kind == "recommendation"
    assert claim.origin.reason.startswith("recommendation (changed from thesis by the reviewer")
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert doc.claims[thesis.id] == thesis


def test_retyped_reason_round_trips() -> None:
    reason = "thesis: ranked first, deontic cue “should”"
    premise = retyped_reason(reason, "thesis", "premise")
    assert premise == (
        "premise (changed from thesis by the reviewer; proposed for ranked first, "
        "deontic cue “should”)"
    )
    assert retyped_reason(premise, "premise", "thesis") == reason  # back to what was proposed
    assert retyped_reason("thesis", "thesis", "premise") == (
        "premise (changed from thesis by the reviewer)"
    )
    assert (
        retyped_reason("", "thesis", "premise") == "premise (changed from thesis by the reviewer)"
    )


def test_retyping_a_manual_claim_leaves_its_origin(qtbot: Any) -> None:
    doc = MapDocument(load(PLAIN))
    claim = doc.map.claims[0]
    other = "premise" if claim.kind != "premise" else "evidence"
    edit = retype_edit(doc, [claim.id], other)
    assert edit is not None
    push_edit(QUndoStack(), doc, edit)
    assert doc.claims[claim.id].origin == claim.origin


def test_changing_a_proposals_kind_from_the_cards_menu_says_so_too(
    qtbot: Any, make_window: MakeWindow, imported_map: Path
) -> None:
    from tests.ui.test_canvas import card_center

    window = _opened(qtbot, make_window, imported_map)
    doc = window.doc
    thesis = next(c for c in doc.map.claims if c.kind == "thesis")
    window.view.select_claims([thesis.id])
    menu = window.view.build_context_menu(card_center(window.view, thesis.id))
    kinds = next(a.menu() for a in menu.actions() if a.text() == "Kind")
    next(a for a in kinds.actions() if a.text() == "Premise").trigger()
    claim = doc.claims[thesis.id]
    assert claim.kind == "premise"
    assert claim.origin.reason.startswith("premise (changed from thesis by the reviewer")


def test_a_row_of_a_hidden_kind_stays_chosen_and_can_be_accepted(
    qtbot: Any, make_window: MakeWindow, imported_map: Path
) -> None:
    """Choosing a row selects its card; when the card is hidden (its kind filtered out) the
    map's empty selection must not clear the row, or the proposal could not be reviewed."""
    window = _opened(qtbot, make_window, imported_map)
    dock, doc = _feature(window).dock, window.doc
    kind = doc.claims[dock.row_ids()[0]].kind
    window.view.map_scene().set_hidden(set(), {kind})
    row = next(
        i
        for i in range(dock.tree.topLevelItemCount())
        if doc.claims[str(dock.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1))].kind
        == kind
    )
    item = dock.tree.topLevelItem(row)
    dock.tree.setCurrentItem(item)
    QApplication.processEvents()
    chosen = dock.selected_ids()
    assert len(chosen) == 1 and doc.claims[chosen[0]].kind == kind
    dock.accept_selected()
    assert chosen[0] not in pending(doc)


def test_accepting_claims_leaves_suggested_links_between_articles_to_check(
    qtbot: Any, make_window: MakeWindow, imported_map: Path
) -> None:
    """A cross-article link is a guess from shared words: accepting its two claims in bulk
    used to accept it unseen (a 0.35 link then counted in Compare and the Author View)."""
    window = _opened(qtbot, make_window, imported_map)
    dock, doc = _feature(window).dock, window.doc
    messages: list[str] = []
    window.status = lambda text, *args: messages.append(text)  # type: ignore[method-assign]
    dock.accept_threshold.setValue(0.0)
    dock.accept_above()  # every claim (but alternative theses)
    claims = doc.claims
    within = [x for x in doc.map.links if claims[x.from_claim].source == claims[x.to_claim].source]
    across = [x for x in doc.map.links if claims[x.from_claim].source != claims[x.to_claim].source]
    assert within and all(not x.origin.is_proposal for x in within)
    assert across, "the five seeds get suggested links between articles"
    assert all(x.origin.is_proposal for x in across)
    assert f"{len(across)} suggested link" in messages[-1]
