"""The Related Claims dock in a real window: it lists other authors' similar claims for the
selected claim, links one in one undo step, and does no work while hidden."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from tests.conftest import MAPS
from tests.ui.helpers import shown_window
from ui.qt.features.related import ID_ROLE, LIMIT, RelatedDock
from ui.qt.window.main import MainWindow

DEBATE = MAPS / "afghanistan-debate.argmap.json"
CLAIM = "hussain.rec1"


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> MainWindow:
    return shown_window(qtbot, tmp_path, DEBATE, (1600, 1000))


def _dock(window: MainWindow) -> RelatedDock:
    found = window.findChildren(RelatedDock)
    assert len(found) == 1
    return found[0]


def _show(dock: RelatedDock) -> None:
    """As the View menu toggle does: show the dock and bring its tab to the front."""
    dock.toggleViewAction().trigger()
    QApplication.processEvents()
    assert dock.isVisible() and not dock.visibleRegion().isEmpty()


def _rows(dock: RelatedDock) -> list[str]:
    return [
        str(dock.tree.topLevelItem(i).data(0, ID_ROLE))
        for i in range(dock.tree.topLevelItemCount())
    ]


def test_hidden_by_default_with_a_view_menu_toggle(window: MainWindow) -> None:
    dock = _dock(window)
    assert not dock.isVisible()
    assert dock.toggleViewAction() in window.docks_menu.actions()


def test_selecting_a_claim_lists_other_authors(window: MainWindow) -> None:
    dock = _dock(window)
    _show(dock)
    window.view.select_claims([CLAIM], center=True)
    QApplication.processEvents()
    rows = _rows(dock)
    assert 0 < len(rows) <= LIMIT
    claims = window.doc.claims
    assert all(claims[cid].author != claims[CLAIM].author for cid in rows)
    assert "Shared words:" in dock.tree.topLevelItem(0).toolTip(2)


def test_link_button_is_one_undo_step(window: MainWindow) -> None:
    dock = _dock(window)
    _show(dock)
    window.view.select_claims([CLAIM], center=True)
    QApplication.processEvents()
    assert not dock.attack_button.isEnabled()
    first = dock.tree.topLevelItem(0)
    related = str(first.data(0, ID_ROLE))
    dock.tree.setCurrentItem(first)
    before = window.undo_stack.count()
    dock.attack_button.click()
    assert window.undo_stack.count() == before + 1
    said = window.statusBar().currentMessage()
    assert said.startswith("Linked: “") and " attacks “" in said  # the user is told
    added = [x for x in window.doc.links.values() if (x.from_claim, x.to_claim) == (related, CLAIM)]
    assert len(added) == 1 and added[0].kind == "attack"
    QApplication.processEvents()
    assert related not in _rows(dock)  # linked now: nothing left to decide
    window.undo_stack.undo()
    assert added[0].id not in window.doc.links
    QApplication.processEvents()
    assert related in _rows(dock)


def test_direction_toggle_links_the_other_way(window: MainWindow) -> None:
    dock = _dock(window)
    _show(dock)
    window.view.select_claims([CLAIM], center=True)
    QApplication.processEvents()
    dock.tree.setCurrentItem(dock.tree.topLevelItem(0))
    related = dock.selected_related()
    dock.reverse.setChecked(True)
    link_id = dock.link("support")
    assert link_id is not None
    link = window.doc.links[link_id]
    assert (link.from_claim, link.to_claim, link.kind) == (CLAIM, related, "support")


def test_hidden_dock_computes_nothing(window: MainWindow) -> None:
    dock = _dock(window)
    runs = dock.updater.runs
    for cid in [CLAIM, "gzero.p7", "kabul.thesis2"]:
        window.view.select_claims([cid], center=True)
        QApplication.processEvents()
    assert dock.updater.runs == runs
    _show(dock)
    assert dock.updater.runs == runs + 1
    assert _rows(dock)  # caught up with the last selection when shown


def _visible_tab_texts(window: MainWindow) -> list[list[str]]:
    from PySide6.QtWidgets import QTabBar

    return [
        [bar.tabText(k) for k in range(bar.count())]
        for bar in window.findChildren(QTabBar)
        if bar.isVisible()
    ]


def test_no_stray_tab_bar_while_the_dock_is_hidden(window: MainWindow, qtbot: Any) -> None:
    """A tab bar 'Inspector | Related Claims' used to stay drawn over the legend at
    1280x720 although the Related Claims dock was hidden."""
    window.resize(1280, 720)
    QApplication.processEvents()
    dock = _dock(window)
    assert not dock.isVisible()
    assert not any("Related Claims" in tabs for tabs in _visible_tab_texts(window))
    _show(dock)
    dock.toggleViewAction().trigger()  # and hidden again
    QApplication.processEvents()
    assert not dock.isVisible()
    assert not any("Related Claims" in tabs for tabs in _visible_tab_texts(window))


def test_weak_matches_are_greyed_and_counted(window: MainWindow) -> None:
    from ui.qt.features.related import SIM_COL, WEAK

    dock = _dock(window)
    _show(dock)
    window.view.select_claims(["hussain.thesis1"], center=True)
    QApplication.processEvents()
    items = [dock.tree.topLevelItem(i) for i in range(dock.tree.topLevelItemCount())]
    weak = [it for it in items if float(it.text(SIM_COL)) < WEAK]
    strong = [it for it in items if float(it.text(SIM_COL)) >= WEAK]
    assert weak, "Hussain's thesis shares little but 'Afghanistan' with most claims"
    assert all("Weak:" in it.toolTip(2) for it in weak)
    assert not any("Weak:" in it.toolTip(2) for it in strong)
    grey = {it.foreground(2).color().name() for it in weak}
    assert grey == {"#8a8a8a"}
    assert f"{len(weak)} of {len(items)} weak" in dock.heading.text()
