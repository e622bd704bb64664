"""The comparison feature in the app: author view and back, stance edits with undo, the
what-stands overlay after edits, lane layout, the diff and what-stands docks.

Most tests use a small harness with exactly the window attributes the feature relies on, so
they test this feature and not the main window; one test installs it in the real window.
"""

from __future__ import annotations

import importlib
import itertools
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform, QUndoStack
from PySide6.QtWidgets import QComboBox, QDockWidget, QMainWindow
from pytestqt.qtbot import QtBot

from argmap.analysis.compare import author_edges
from argmap.analysis.positions import STANCE_FILL, positions_matrix
from argmap.analysis.semantics import LABEL_COLOR
from argmap.drawing.lanes import lane_layout
from argmap.edit.document import MapDocument
from argmap.edit.edits import AddLink, Macro, UpdateClaim
from argmap.map.model import ArgumentMap, Link
from tests.ui.helpers import debate_map
from ui.qt.base.undo import push_edit
from ui.qt.canvas import MapView
from ui.qt.features.compare import CompareFeature, install
from ui.qt.panels.authorview import AuthorScene
from ui.qt.panels.positions_table import DISAGREE_MARK


class Harness(QMainWindow):
    """The main window's surface as the feature sees it, and nothing else."""

    def __init__(self, amap: ArgumentMap) -> None:
        super().__init__()
        self.doc = MapDocument(amap)
        self.undo_stack = QUndoStack(self)
        self.view = MapView(self.doc, self.undo_stack, self)
        self.setCentralWidget(self.view)
        bar = self.menuBar()
        self.file_menu = bar.addMenu("File")
        self.edit_menu = bar.addMenu("Edit")
        self.view_menu = bar.addMenu("View")
        self.map_menu = bar.addMenu("Map")
        self.tools_menu = bar.addMenu("Tools")
        self.toolbar = self.addToolBar("Main")
        self.errors: list[tuple[str, str]] = []
        self.messages: list[str] = []
        self.resize(1200, 800)

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
        self.addDockWidget(area, dock)

    def show_error(self, title: str, text: str) -> None:
        self.errors.append((title, text))

    def status(self, text: str) -> None:
        self.messages.append(text)


@pytest.fixture
def win(qtbot: QtBot) -> Harness:
    window = Harness(debate_map(evidence=True))
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def feature(win: Harness) -> CompareFeature:
    return install(win)


def settle(qtbot: QtBot) -> None:
    """Let the zero-timers of the docks and the overlay run."""
    qtbot.wait(5)


# ------------------------------------------------------------------ author view
def test_author_view_and_back_restores_the_claim_view_exactly(
    win: Harness, feature: CompareFeature, qtbot: QtBot
) -> None:
    view = win.view
    map_scene = view.map_scene()
    view.setTransform(QTransform.fromScale(1.7, 1.7))
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum() // 2)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 3)
    map_scene.claim_item("t2").setSelected(True)  # type: ignore[union-attr]
    before = (
        view.transform(),
        view.horizontalScrollBar().value(),
        view.verticalScrollBar().value(),
        {i.claim_id: (i.pos().x(), i.pos().y()) for i in map_scene.claim_items()},
        win.doc.map.model_dump(),
    )
    items_before = {i.claim_id: i for i in map_scene.claim_items()}

    feature.author_view_action.trigger()
    scene = view.scene()
    assert isinstance(scene, AuthorScene) and scene is feature.author_scene
    assert not view.showing_map()
    assert set(scene.nodes) == {"sg", "jb", "kl"}
    expected = {(e.source, e.target): e for e in author_edges(win.doc.map)}
    assert set(scene.edges) == set(expected) == {("jb", "sg"), ("sg", "jb"), ("kl", "sg")}
    assert scene.edges[("jb", "sg")].label.text() == "+0 −1 (−1)"
    assert scene.edges[("sg", "jb")].label.text() == "+1 −0 (+1)"
    assert feature.agreement_dock.isVisible()

    feature.author_view_action.trigger()
    assert view.scene() is map_scene and view.showing_map()
    assert feature.author_scene is None
    after = (
        view.transform(),
        view.horizontalScrollBar().value(),
        view.verticalScrollBar().value(),
        {i.claim_id: (i.pos().x(), i.pos().y()) for i in map_scene.claim_items()},
        win.doc.map.model_dump(),
    )
    assert after == before
    assert {i.claim_id: i for i in map_scene.claim_items()} == items_before
    assert map_scene.selected_claim_ids() == ["t2"]
    assert win.undo_stack.count() == 0


def test_author_view_follows_edits_and_undo(
    win: Harness, feature: CompareFeature, qtbot: QtBot
) -> None:
    feature.set_author_view(True)
    scene = feature.author_scene
    assert scene is not None and ("kl", "jb") not in scene.edges
    push_edit(
        win.undo_stack,
        win.doc,
        AddLink(Link(id="n1", kind="attack", from_claim="e3", to_claim="o2")),
    )
    settle(qtbot)
    assert scene.edges[("kl", "jb")].label.text() == "+0 −1 (−1)"
    assert scene.edges[("kl", "jb")].pen().color() == QColor(LABEL_COLOR["out"])  # net < 0: red
    win.undo_stack.undo()
    settle(qtbot)
    assert ("kl", "jb") not in scene.edges


# ------------------------------------------------------------------ positions matrix
def cell_rect(feature: CompareFeature, row: int, column: int) -> QRectF:
    table = feature.positions_dock.table
    return QRectF(table.visualItemRect(table.item(row, column)))


def test_matrix_cells_show_stances_colours_and_disagreement(
    win: Harness, feature: CompareFeature
) -> None:
    table = feature.positions_dock.table
    assert table.rowCount() == 2 and table.columnCount() == 3
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == ["Ghumkhor", "Baker", "Lee"]  # type: ignore[union-attr]
    engage_sg = table.item(0, 0)
    assert engage_sg.text() == "for"
    assert engage_sg.background().color() == QColor(STANCE_FILL["for"])
    # Kim Lee's recommendation supports the ground of "Engage" but no stance is recorded.
    engage_kl = table.item(0, 2)
    assert engage_kl.text() == f"— {DISAGREE_MARK}"
    assert "suggests for" in engage_kl.toolTip()
    assert engage_kl.background().style() == Qt.BrushStyle.NoBrush
    matrix = positions_matrix(win.doc.map)
    flagged = {
        (r, c)
        for r in range(table.rowCount())
        for c in range(table.columnCount())
        if DISAGREE_MARK in table.item(r, c).text()
    }
    assert len(flagged) == len(matrix.disagreements())


def test_clicking_a_cell_selects_the_grounding_claims(
    win: Harness, feature: CompareFeature, qtbot: QtBot
) -> None:
    table = feature.positions_dock.table
    rect = cell_rect(feature, 0, 2)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    # The ground t1 and Kim Lee's claim that supports it.
    assert win.view.map_scene().selected_claim_ids() == ["t1", "r3"]
    assert "Engage the Taliban?" in win.messages[-1]


def test_editing_a_stance_with_the_combo_is_undoable(
    win: Harness, feature: CompareFeature, qtbot: QtBot
) -> None:
    table = feature.positions_dock.table
    item = table.item(0, 1)  # Baker on "Engage": against
    table.setCurrentItem(item)
    table.editItem(item)
    combo = table.findChild(QComboBox)
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "against"
    combo.setCurrentIndex(combo.findText("mixed"))
    combo.activated.emit(combo.currentIndex())
    assert win.doc.positions["engage"].stances["jb"] == "mixed"
    assert win.undo_stack.count() == 1
    assert win.undo_stack.undoText() == "Set Baker on “Engage the Taliban?” to mixed"
    settle(qtbot)
    assert table.item(0, 1).text().startswith("mixed")
    assert table.item(0, 1).background().color() == QColor(STANCE_FILL["mixed"])

    win.undo_stack.undo()
    assert win.doc.positions["engage"].stances["jb"] == "against"
    settle(qtbot)
    assert table.item(0, 1).text() == "against"
    win.undo_stack.redo()
    settle(qtbot)
    assert table.item(0, 1).text().startswith("mixed")


def test_context_menu_sets_and_clears_a_stance(
    win: Harness, feature: CompareFeature, qtbot: QtBot
) -> None:
    table = feature.positions_dock.table
    menu = table.stance_menu(0, 2)  # Kim Lee on "Engage": unrecorded, the map suggests for
    assert menu is not None
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert actions["(unrecorded)"].isChecked()
    actions["for"].trigger()
    assert win.doc.positions["engage"].stances["kl"] == "for"
    settle(qtbot)
    assert table.item(0, 2).text() == "for"  # agrees with the map now: no marker
    menu = table.stance_menu(0, 2)
    assert menu is not None
    next(a for a in menu.actions() if a.text() == "(unrecorded)").trigger()
    assert "kl" not in win.doc.positions["engage"].stances
    assert win.undo_stack.count() == 2


# ------------------------------------------------------------------ what stands overlay
def ring_color(win: Harness, claim_id: str) -> QColor:
    """The colour of the overlay ring just left of a card, as the view shows it.

    Probed on a grab of the view's viewport, and checked against ``QGraphicsScene.render``
    into an image (what an export draws): both keep a cached pixmap of the card, and both
    must show the mark after the edit.
    """
    view = win.view
    scene = view.map_scene()
    item = scene.claim_item(claim_id)
    assert item is not None
    card = item.mapRectToScene(item.boundingRect().adjusted(12, 18, -12, -12))  # the card
    view.centerOn(card.center())
    image = view.viewport().grab().toImage()
    shown = image.pixelColor(view.mapFromScene(QPointF(card.left() - 5, card.center().y())))
    around = card.adjusted(-20, -20, 20, 20)
    rendered = QImage(round(around.width()), round(around.height()), QImage.Format.Format_RGB32)
    rendered.fill(QColor("white"))
    painter = QPainter(rendered)
    scene.render(painter, QRectF(rendered.rect()), around)
    painter.end()
    drawn = rendered.pixelColor(15, round(card.center().y() - around.top()))
    assert close(drawn, shown), (drawn.name(), shown.name())
    return shown


def close(a: QColor, b: QColor, tol: int = 40) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_overlay_colours_follow_an_edit_that_changes_the_labelling(
    win: Harness, feature: CompareFeature, qtbot: QtBot
) -> None:
    scene = win.view.map_scene()
    feature.overlay_action.trigger()
    mark = scene.claim_item("t1").mark  # type: ignore[union-attr]
    assert mark is not None and (mark.color.name(), mark.text) == (LABEL_COLOR["out"], "OUT")
    assert scene.claim_item("o2").mark.text == "IN"  # type: ignore[union-attr]
    assert close(ring_color(win, "t1"), QColor(LABEL_COLOR["out"]))
    assert close(ring_color(win, "o2"), QColor(LABEL_COLOR["in"]))

    # Sahar Ghumkhor's premise answers Baker's: Baker's premise goes out, the thesis in.
    push_edit(
        win.undo_stack,
        win.doc,
        AddLink(Link(id="n1", kind="attack", from_claim="p1", to_claim="o2")),
    )
    settle(qtbot)
    assert scene.claim_item("t1").mark.text == "IN"  # type: ignore[union-attr]
    assert scene.claim_item("o2").mark.text == "OUT"  # type: ignore[union-attr]
    assert close(ring_color(win, "t1"), QColor(LABEL_COLOR["in"]))
    assert close(ring_color(win, "o2"), QColor(LABEL_COLOR["out"]))

    # Baker's premise answers back: a two-cycle, both undecided, and the thesis with them.
    push_edit(
        win.undo_stack,
        win.doc,
        AddLink(Link(id="n2", kind="attack", from_claim="o2", to_claim="p1")),
    )
    settle(qtbot)
    for cid in ("p1", "o2", "t1"):
        assert scene.claim_item(cid).mark.text == "UND", cid  # type: ignore[union-attr]
    assert close(ring_color(win, "p1"), QColor(LABEL_COLOR["undecided"]))

    win.undo_stack.undo()
    win.undo_stack.undo()
    settle(qtbot)
    assert scene.claim_item("t1").mark.text == "OUT"  # type: ignore[union-attr]

    feature.overlay_action.trigger()  # off
    assert all(i.mark is None for i in scene.claim_items())
    push_edit(win.undo_stack, win.doc, UpdateClaim("t1", {"text": "Engage the Taliban now"}))
    settle(qtbot)
    assert all(i.mark is None for i in scene.claim_items())  # off stays off


def test_a_macro_of_many_edits_recomputes_the_overlay_once(
    win: Harness, feature: CompareFeature, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    feature.set_overlay(True)
    scene = win.view.map_scene()
    calls: list[Any] = []
    real = scene.set_overlay
    monkeypatch.setattr(scene, "set_overlay", lambda marks: (calls.append(marks), real(marks)))
    attack = AddLink(Link(id="n1", kind="attack", from_claim="p1", to_claim="o2"))
    edits = [attack] + [UpdateClaim("e3", {"text": f"Doha talks, version {i}"}) for i in range(49)]
    push_edit(win.undo_stack, win.doc, Macro(edits, "Fifty edits"))
    assert calls == []  # nothing yet: the refresh waits for the event loop
    settle(qtbot)
    assert len(calls) == 1
    assert set(calls[0]) == set(win.doc.claims)
    assert calls[0]["o2"][1] == "OUT"


def test_an_edit_that_changes_no_label_leaves_the_scene_alone(
    win: Harness, feature: CompareFeature, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    feature.set_overlay(True)
    scene = win.view.map_scene()
    calls: list[Any] = []
    real = scene.set_overlay
    monkeypatch.setattr(scene, "set_overlay", lambda marks: (calls.append(marks), real(marks)))
    push_edit(win.undo_stack, win.doc, UpdateClaim("t1", {"text": "Talk to the Taliban"}))
    settle(qtbot)
    assert calls == []
    assert scene.claim_item("t1").mark.text == "OUT"  # type: ignore[union-attr]
    # After a reload of the same map the cards are new, and they are marked again.
    win.doc.set_map(debate_map(evidence=True))
    settle(qtbot)
    assert scene.claim_item("t1").mark.text == "OUT"  # type: ignore[union-attr]


# ------------------------------------------------------------------ lane layout
def test_lane_layout_is_one_undoable_edit(win: Harness, feature: CompareFeature) -> None:
    before = {c.id: c.pos for c in win.doc.map.claims}
    sizes = win.view.map_scene().card_sizes()
    win.map_menu.actions()[-1].trigger()
    viewport = win.view.viewport().rect()
    expected = lane_layout(
        win.doc.map, sizes, columns=None, aspect=viewport.height() / viewport.width()
    )
    assert {c.id: c.pos for c in win.doc.map.claims} == expected
    assert win.undo_stack.count() == 1 and win.undo_stack.undoText() == "Lane layout"
    items = win.view.map_scene()
    assert items.claim_item("t1").pos().x() == expected["t1"].x  # type: ignore[union-attr]
    # one lane per author, left to right in author order, not overlapping
    spans = []
    for author in win.doc.map.authors:
        xs = [expected[c.id].x for c in win.doc.map.claims if c.author == author.id]
        spans.append((min(xs), max(xs)))
    assert all(hi < lo for (_, hi), (lo, _) in itertools.pairwise(spans))
    assert feature.lane_layout() is False  # already laid out: no second entry
    win.undo_stack.undo()
    assert {c.id: c.pos for c in win.doc.map.claims} == before


# ------------------------------------------------------------------ diff, agreement, stands
def test_diff_dock_shows_shared_clash_and_only_one(
    win: Harness, feature: CompareFeature, qtbot: QtBot
) -> None:
    dock = feature.diff_dock
    dock.show()  # a hidden dock is not kept current (see the test below)
    dock.set_pair("sg", "jb")
    tree = dock.tree
    texts = {}
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            group = top.child(j)
            texts[group.text(0)] = [group.child(k).text(0) for k in range(group.childCount())]
    assert texts["Links that agree (1)"][0].startswith("Isolation failed")
    assert texts["Links that disagree (1)"][0].startswith("Engagement rewards terror")
    assert texts["Opposite stances (1)"] == ["Engage the Taliban?: Ghumkhor for, Baker against"]
    assert texts["Only Baker (1)"] == ["Pressure Pakistan?: Ghumkhor silent, Baker for"]
    clash = tree.topLevelItem(1).child(0).child(0)
    tree.itemClicked.emit(clash, 0)
    assert win.view.map_scene().selected_claim_ids() == ["t1", "o2"]
    # A new attack between them appears after the edit.
    push_edit(
        win.undo_stack,
        win.doc,
        AddLink(Link(id="n1", kind="attack", from_claim="t2", to_claim="p1")),
    )
    settle(qtbot)
    assert tree.topLevelItem(1).child(0).text(0) == "Links that disagree (2)"


def test_agreement_cell_click_opens_the_diff_of_that_pair(
    win: Harness, feature: CompareFeature, qtbot: QtBot
) -> None:
    feature.agreement_dock.show()
    table = feature.agreement
    assert table.item(0, 1).text() == "+1 −1"  # Ghumkhor / Baker: l3 support, l2 attack
    assert table.item(0, 2).text() == "+1 −0"
    assert table.item(1, 2).text() == ""
    table.cellClicked.emit(2, 0)
    assert dock_pair(feature) == ("kl", "sg")
    assert feature.diff_dock.isVisible()


def dock_pair(feature: CompareFeature) -> tuple[str | None, str | None]:
    return feature.diff_dock.author_ids()


def test_what_stands_dock_lists_contested_and_load_bearing(
    win: Harness, feature: CompareFeature, qtbot: QtBot
) -> None:
    dock = feature.stands_dock
    dock.show()
    settle(qtbot)
    assert "1</b> out" in dock.counts.text()
    assert dock.contested.count() == 1 and "Engage the Taliban" in dock.contested.item(0).text()
    rows = [dock.bearing.item(i).text() for i in range(dock.bearing.count())]
    # p1 -> t1, p1 -> t2; e3 -> r3, e3 -> r3 -> t1: two paths each, map order breaks the tie.
    assert rows == [
        "2 paths: Isolation failed  (Sahar Ghumkhor)",
        "2 paths: Doha talks produced a deal  (Kim Lee)",
    ]
    dock.bearing.itemClicked.emit(dock.bearing.item(1))
    assert win.view.map_scene().selected_claim_ids() == ["t1", "r3", "e3"]


@pytest.mark.parametrize(
    "case",
    [
        ("diff_dock", "ui.qt.features.compare", "author_diff"),
        ("agreement_dock", "ui.qt.panels.authorview", "agreement_matrix"),
        ("stands_dock", "ui.qt.features.compare", "contested_claims"),
    ],
)
def test_a_hidden_analysis_dock_does_no_work_on_an_edit_and_is_current_once_shown(
    win: Harness,
    feature: CompareFeature,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    case: tuple[str, str, str],
) -> None:
    which, module, work = case
    dock: QDockWidget = getattr(feature, which)
    updater = feature.agreement_updater if which == "agreement_dock" else dock.updater  # type: ignore[attr-defined]
    assert not dock.isVisible()  # the feature installs them closed
    calls: list[object] = []
    real = getattr(importlib.import_module(module), work)
    monkeypatch.setattr(f"{module}.{work}", lambda *a, **k: (calls.append(a), real(*a, **k))[1])
    runs = updater.runs
    push_edit(  # Baker's thesis now attacks Ghumkhor's premise
        win.undo_stack,
        win.doc,
        AddLink(Link(id="n1", kind="attack", from_claim="t2", to_claim="p1")),
    )
    settle(qtbot)
    assert calls == [] and updater.runs == runs  # hidden: nothing computed
    assert updater.stale

    dock.show()  # current at once, before it is painted
    assert calls and updater.runs == runs + 1 and not updater.stale
    if which == "diff_dock":
        feature.diff_dock.set_pair("sg", "jb")
        assert feature.diff_dock.tree.topLevelItem(1).child(0).text(0) == (
            "Links that disagree (2)"
        )
    elif which == "agreement_dock":
        assert feature.agreement.item(0, 1).text() == "+1 −2"
    else:
        assert feature.stands_dock.contested.count() == 2
    settle(qtbot)
    assert updater.runs == runs + 1  # showing it recomputed once, not again on the timer

    dock.hide()
    win.undo_stack.undo()
    settle(qtbot)
    assert updater.runs == runs + 1 and updater.stale


# ------------------------------------------------------------------ the real window
def test_installed_by_the_main_window(qtbot: QtBot, tmp_path: Any) -> None:
    from PySide6.QtCore import QSettings

    from ui.qt.window.main import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, tmp_path / "recovery", restore_state=False)
    qtbot.addWidget(window)
    feature = window.findChild(CompareFeature)
    assert isinstance(feature, CompareFeature)
    window.doc.set_map(debate_map(evidence=True))
    texts = [a.text() for a in window.view_menu.actions()]
    assert "Author View" in texts and "What Stands Overlay" in texts
    assert "Lane Layout" in [a.text() for a in window.map_menu.actions()]
    feature.author_view_action.trigger()
    assert isinstance(window.view.scene(), AuthorScene)
    assert set(window.view.scene().nodes) == {"sg", "jb", "kl"}  # type: ignore[attr-defined]
    feature.author_view_action.trigger()
    assert window.view.scene() is window.view.map_scene()


def test_selecting_from_a_dock_in_the_author_view_does_not_scroll_it(
    win: Harness, feature: CompareFeature, qtbot: QtBot
) -> None:
    feature.set_author_view(True)
    win.view.setTransform(QTransform.fromScale(3, 3))  # zoomed in: the view can scroll
    win.view.centerOn(0, 0)
    bar = win.view.horizontalScrollBar()
    assert bar.maximum() > bar.minimum()  # scroll values are scene-based: maybe negative
    bars = (win.view.horizontalScrollBar().value(), win.view.verticalScrollBar().value())
    feature.positions_dock.table.select_grounds(0, 2)
    assert (win.view.horizontalScrollBar().value(), win.view.verticalScrollBar().value()) == bars
    feature.set_author_view(False)
    assert win.view.map_scene().selected_claim_ids() == ["t1", "r3"]  # waiting on the map


def test_author_view_labels_do_not_sit_on_one_another(qtbot: Any) -> None:
    """Edges crossing near the middle of the circle used to stack their '+2 −3 (−1)'
    boxes; labels now slide along their curves to free places."""
    from PySide6.QtWidgets import QApplication

    from argmap.edit.document import MapDocument
    from argmap.map.mapfile import load
    from tests.conftest import MAPS
    from ui.qt.panels.authorview import AuthorScene

    scene = AuthorScene(MapDocument(load(MAPS / "afghanistan-debate.argmap.json")))
    scene.rebuild()
    QApplication.processEvents()
    rects = [edge.label_rect() for edge in scene.edges.values()]
    assert len(rects) >= 10
    overlaps = [
        (i, j)
        for i, a in enumerate(rects)
        for j in range(i + 1, len(rects))
        if a.intersects(rects[j])
    ]
    assert overlaps == []
    scene.detach()


def test_what_stands_says_whether_the_map_shows_it(
    win: Harness, feature: CompareFeature, qtbot: QtBot
) -> None:
    dock = feature.stands_dock
    dock.show()
    settle(qtbot)
    assert "Turn on View → What stands overlay" in dock.counts.text()
    feature.overlay_action.setChecked(True)
    settle(qtbot)
    assert "Turn on" not in dock.counts.text() and "The map shows it" in dock.counts.text()
