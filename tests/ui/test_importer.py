"""File → Import Articles… and the review dock, driven like a user (offscreen)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from argmap.edit.proposals import accept_edit, alternative_of, pending, pending_links
from argmap.map.mapfile import encode
from tests.conftest import FIXTURES
from tests.ui.helpers import bare_window
from ui.qt.base.undo import push_edit
from ui.qt.features.importer import ImportFeature, install
from ui.qt.window.main import MainWindow

SEED = sorted((FIXTURES / "seeds").glob("*.txt"))[0]


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> MainWindow:
    return bare_window(qtbot, tmp_path)


@pytest.fixture
def feature(window: MainWindow) -> ImportFeature:
    return install(window)


def test_menu_action_imports_as_one_undoable_edit(
    window: MainWindow, feature: ImportFeature
) -> None:
    titles = [a.text() for a in window.file_menu.actions()]
    assert "Import &Articles…" in titles
    assert titles.index("Import &Articles…") < titles.index(window.act_quit.text())
    feature.ask_paths = lambda: [str(SEED)]  # type: ignore[method-assign]
    feature.action.trigger()
    doc = window.doc
    assert len(doc.map.sources) == 1 and doc.map.claims
    assert all(c.origin.is_proposal and c.pos is not None for c in doc.map.claims)
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "Import 1 file"
    assert feature.dock.isVisibleTo(window)
    assert feature.dock.tree.topLevelItemCount() == len(doc.map.claims)
    window.undo_stack.undo()
    assert doc.map.claims == [] and doc.map.sources == []
    window.undo_stack.redo()
    assert len(doc.map.sources) == 1


def test_import_into_open_map_keeps_it(window: MainWindow, feature: ImportFeature) -> None:
    window.open_path(
        Path(__file__).resolve().parents[2] / "maps" / "ct-leverage.argmap.json", ask=False
    )
    before = encode(window.doc.map)
    kept = list(window.doc.map.claims)
    drawn = window.view.map_scene().current_positions()
    feature.import_files([str(SEED)])
    # kept, and pinned where they were drawn (so the saved map shows what the app showed)
    assert [c.model_copy(update={"pos": None}) for c in window.doc.map.claims[: len(kept)]] == [
        c.model_copy(update={"pos": None}) for c in kept
    ]
    assert all(c.pos == drawn[c.id] for c in window.doc.map.claims[: len(kept)])
    window.undo_stack.undo()
    assert encode(window.doc.map) == before


def test_review_accept_reject_and_bulk_each_one_undo_step(
    qtbot: Any, window: MainWindow, feature: ImportFeature
) -> None:
    feature.import_files([str(SEED)])
    dock, doc = feature.dock, window.doc
    total = len(pending(doc))
    first = dock.tree.topLevelItem(0)
    first.setSelected(True)
    claim_id = dock.selected_ids()[0]
    assert window.view.map_scene().selected_claim_ids() == [claim_id]  # the row selects the card
    qtbot.mouseClick(dock.accept_button, Qt.MouseButton.LeftButton)
    assert not doc.claims[claim_id].origin.is_proposal
    assert len(pending(doc)) == total - 1 and dock.tree.topLevelItemCount() == total - 1
    assert window.undo_stack.undoText() == "Accept proposal"

    dock.tree.topLevelItem(0).setSelected(True)
    rejected = dock.selected_ids()[0]
    dock.reject_selected()
    assert rejected not in doc.claims
    assert all(rejected not in (x.from_claim, x.to_claim) for x in doc.map.links)
    window.undo_stack.undo()
    assert rejected in doc.claims

    alternatives = [c for c in pending(doc) if alternative_of(doc, c) is not None]
    # a threshold some proposals reach, whatever the shipped calibration gives them
    best = max(doc.claims[c].origin.confidence or 0 for c in pending(doc) if c not in alternatives)
    dock.accept_threshold.setValue(best - 0.005)  # the box rounds to its decimals
    dock.reject_threshold.setValue(dock.accept_threshold.value())
    level = dock.accept_threshold.value()
    high = [
        c
        for c in pending(doc)
        if (doc.claims[c].origin.confidence or 0) >= level and c not in alternatives
    ]
    assert high
    steps = window.undo_stack.index()
    dock.accept_above()
    assert window.undo_stack.index() == steps + 1
    assert not any(doc.claims[c].origin.is_proposal for c in high)
    # an alternative thesis is never accepted in bulk: one thesis, not the runners-up
    left = [c for c in alternatives if (doc.claims[c].origin.confidence or 0) >= level]
    dock.reject_below()
    # nor is a thesis rejected in bulk: its confidence is a share among the candidates
    assert set(left) <= set(pending(doc))
    assert all(doc.claims[c].kind == "thesis" for c in pending(doc))
    assert dock.tree.topLevelItemCount() == len(pending(doc)) + len(pending_links(doc))
    # links between accepted claims are accepted with them
    assert all(
        not x.origin.is_proposal
        for x in doc.map.links
        if not doc.claims[x.from_claim].origin.is_proposal
        and not doc.claims[x.to_claim].origin.is_proposal
    )
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert len(pending(doc)) == total - 1


def test_bad_files_are_reported_not_imported(
    tmp_path: Path, window: MainWindow, feature: ImportFeature
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = feature.import_files([str(empty)])
    assert result is not None and result.sources == []
    assert window.undo_stack.count() == 0
    assert window.errors and "the file is empty" in window.errors[0][1]  # type: ignore[attr-defined]


def test_review_menu_changes_the_kind_in_one_undo_step(
    window: MainWindow, feature: ImportFeature
) -> None:
    feature.import_files([str(SEED)])
    dock, doc = feature.dock, window.doc
    rows = [dock.tree.topLevelItem(i) for i in range(dock.tree.topLevelItemCount())]
    for item in [r for r in rows if r.text(0) != "Objection"][:2]:
        item.setSelected(True)
    ids = dock.selected_ids()
    assert len(ids) == 2
    before = {c: doc.claims[c].kind for c in ids}
    menu = dock.build_menu()
    make = {a.text(): a for a in menu.actions()}
    make["Make Objection"].trigger()
    assert all(doc.claims[c].kind == "objection" for c in ids)
    assert all(doc.claims[c].origin.is_proposal for c in ids)  # still to be reviewed
    window.undo_stack.undo()
    assert {c: doc.claims[c].kind for c in ids} == before


def test_hidden_review_dock_does_no_work_on_an_edit_and_is_current_once_shown(
    qtbot: Any, window: MainWindow, feature: ImportFeature, monkeypatch: pytest.MonkeyPatch
) -> None:
    feature.import_files([str(SEED)])
    window.show()
    qtbot.waitExposed(window)
    dock, doc = feature.dock, window.doc
    total = len(pending(doc))
    assert dock.isVisible() and dock.tree.topLevelItemCount() == total
    dock.hide()
    calls: list[object] = []
    monkeypatch.setattr(
        "ui.qt.features.review_dock.pending", lambda d: (calls.append(d), pending(d))[1]
    )
    runs = dock.updater.runs
    # Accepted elsewhere (the inspector's Accept button): an edit the dock did not make.
    edit = accept_edit(doc, [pending(doc)[0]])
    assert edit is not None
    push_edit(window.undo_stack, doc, edit)
    qtbot.wait(5)
    assert calls == [] and dock.updater.runs == runs  # hidden: nothing recomputed
    assert dock.tree.topLevelItemCount() == total  # stale, and nobody sees it
    dock.show()
    assert dock.tree.topLevelItemCount() == total - 1  # current before it is painted
    assert dock.updater.runs == runs + 1
