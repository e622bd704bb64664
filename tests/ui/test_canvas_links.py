"""Arrows on the canvas: clicking, selecting and deleting them, changing them from the
context menu, and the geometry that keeps heads apart and arrows on card borders."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from argmap.edit.document import MapDocument
from argmap.edit.edits import UpdateLink
from argmap.map.model import Point
from tests.ui.test_canvas import card_center, small_map, vp
from ui.qt.base.undo import push_edit
from ui.qt.canvas import MapView
from ui.qt.canvas.links import arrow_ends, clip_segment


@pytest.fixture
def canvas(qtbot: QtBot) -> Iterator[tuple[MapDocument, QUndoStack, MapView]]:
    doc = MapDocument(small_map())
    stack = QUndoStack()
    view = MapView(doc, stack)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    qtbot.waitExposed(view)
    view.reset_zoom()
    view.centerOn(150, 200)
    yield doc, stack, view
    view.map_scene().detach()


def link_middle(view: MapView, link_id: str) -> QPointF:
    item = view.map_scene().link_item(link_id)
    assert item is not None
    return item.midpoint()  # on the arrow as drawn, routed around cards or straight


def test_clicking_an_arrow_selects_it_and_delete_removes_only_it(
    canvas: tuple[MapDocument, QUndoStack, MapView], qtbot: QtBot
) -> None:
    doc, stack, view = canvas
    seen: list[list[str]] = []
    view.selection_changed.connect(seen.append)
    scene = view.map_scene()
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=vp(view, link_middle(view, "l3"))
    )
    assert scene.selected_link_ids() == ["l3"]
    assert scene.selected_claim_ids() == []
    assert seen, "selecting an arrow is a selection change"
    arrow = scene.link_item("l3")
    assert arrow is not None and arrow.link_selected
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert set(doc.links) == {"l1", "l2"} and len(doc.claims) == 5
    assert stack.count() == 1 and stack.undoText() == "Delete link"
    stack.undo()
    assert "l3" in doc.links


def test_a_click_a_few_pixels_off_the_line_still_hits_it(
    canvas: tuple[MapDocument, QUndoStack, MapView], qtbot: QtBot
) -> None:
    _, _, view = canvas
    near = vp(view, link_middle(view, "l2")) + QPointF(4, 0).toPoint()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=near)
    assert view.map_scene().selected_link_ids() == ["l2"]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=vp(view, QPointF(300, 560)))
    assert view.map_scene().selected_link_ids() == []


def test_ctrl_click_selects_a_card_and_an_arrow_and_delete_is_one_entry(
    canvas: tuple[MapDocument, QUndoStack, MapView], qtbot: QtBot
) -> None:
    doc, stack, view = canvas
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=card_center(view, "r1"))
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        vp(view, link_middle(view, "l2")),
    )
    scene = view.map_scene()
    assert scene.selected_claim_ids() == ["r1"] and scene.selected_link_ids() == ["l2"]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert "r1" not in doc.claims and "l2" not in doc.links
    assert stack.count() == 1
    stack.undo()
    assert "r1" in doc.claims and "l2" in doc.links


def test_link_menu_reverses_and_retypes_in_place(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    doc, stack, view = canvas
    scene = view.map_scene()
    item = scene.link_item("l1")
    menu = view.build_context_menu(vp(view, link_middle(view, "l1")))
    next(a for a in menu.actions() if a.text() == "Reverse direction").trigger()
    assert (doc.links["l1"].from_claim, doc.links["l1"].to_claim) == ("t1", "p1")
    assert scene.link_item("l1") is item  # the same arrow, re-routed
    assert item is not None and item.source.claim_id == "t1"
    assert "l1" in {x.link_id for x in scene.links_at("t1")}
    push_edit(stack, doc, UpdateLink("l1", {"kind": "attack"}))
    assert item.link.kind == "attack"
    stack.undo()
    stack.undo()
    assert (doc.links["l1"].from_claim, doc.links["l1"].kind) == ("p1", "support")
    assert item.source.claim_id == "p1"


def test_arrows_end_on_card_borders_and_spread_along_them() -> None:
    # two premises side by side below one conclusion
    w, h = 220.0, 80.0
    left = arrow_ends(-200, 200, w, h, 0, 0, w, h)
    right = arrow_ends(200, 200, w, h, 0, 0, w, h)
    for _x1, y1, _x2, y2 in (left, right):
        assert y1 == pytest.approx(200 - h / 2 - 2)  # leaves the premise's top edge
        assert y2 == pytest.approx(h / 2 + 3)  # arrives at the conclusion's bottom edge
    assert right[2] - left[2] > 60  # the two heads arrive apart, not on one spot
    straight = arrow_ends(0, 200, w, h, 0, 0, w, h)
    assert straight[0] == straight[2] == 0


def test_segment_clipping() -> None:
    rect = QRectF(0, 0, 100, 100)
    assert clip_segment(-50, 50, 150, 50, rect) == pytest.approx((0.25, 0.75))
    assert clip_segment(-50, -50, -10, -10, rect) is None
    assert clip_segment(10, 10, 20, 20, rect) == (0.0, 1.0)


def test_hidden_arrows_cannot_be_clicked(
    canvas: tuple[MapDocument, QUndoStack, MapView], qtbot: QtBot
) -> None:
    _, _, view = canvas
    view.map_scene().set_hidden({"kagan"}, set())
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=vp(view, link_middle(view, "l3"))
    )
    assert view.map_scene().selected_link_ids() == []


def test_undo_of_moving_an_auto_placed_card_puts_it_back(qtbot: QtBot) -> None:
    amap = small_map(with_positions=False)
    doc = MapDocument(amap)
    stack = QUndoStack()
    view = MapView(doc, stack)
    qtbot.addWidget(view)
    scene = view.map_scene()
    card = scene.claim_item("p2")
    assert card is not None
    auto = QPointF(card.pos())
    from argmap.edit.edits import MoveClaims

    push_edit(stack, doc, MoveClaims({"p2": Point(x=auto.x() + 500, y=auto.y())}))
    assert card.pos().x() == pytest.approx(auto.x() + 500)
    stack.undo()
    assert doc.claims["p2"].pos is None
    assert card.pos() == auto
    scene.detach()


def test_arrows_follow_layout_routes_until_a_card_moves(qtbot: QtBot) -> None:
    from argmap.edit.edits import MoveClaims

    doc = MapDocument(small_map(with_positions=False))
    stack = QUndoStack()
    view = MapView(doc, stack)
    qtbot.addWidget(view)
    scene = view.map_scene()
    assert set(scene.routed_links()) == {"l1", "l2", "l3"}
    card = scene.claim_item("e1")
    assert card is not None
    push_edit(stack, doc, MoveClaims({"e1": Point(x=card.pos().x() + 300, y=card.pos().y())}))
    assert set(scene.routed_links()) == {"l1", "l3"}  # e1's arrow is straight now
    arrow = scene.link_item("l2")
    assert arrow is not None and not arrow.routed
    stack.undo()
    assert set(scene.routed_links()) == {"l1", "l2", "l3"}
    scene.detach()


def test_a_saved_auto_layout_gets_its_routes_back_after_opening(qtbot: QtBot) -> None:
    from argmap.drawing.layout import compute_layout

    amap = small_map(with_positions=False)
    first = MapDocument(amap.model_copy(deep=True))
    sizes = MapView(first, QUndoStack()).map_scene().card_sizes()
    spots = compute_layout(first, sizes).positions
    amap.claims = [c.model_copy(update={"pos": spots[c.id]}) for c in amap.claims]
    amap.claims[0] = amap.claims[0].model_copy(update={"pos": Point(x=-900, y=-900)})
    view = MapView(MapDocument(amap), QUndoStack())
    qtbot.addWidget(view)
    scene = view.map_scene()
    scene.ensure_routes()  # (a map this small is routed while opening anyway)
    # e1 -> p1 follows the layout's route; t1 was moved away from its layout spot, so its
    # arrows are routed around the cards where they are (as `argmap export` routes them)
    assert set(scene.routed_links()) == {"l1", "l2", "l3"}
    layout = compute_layout(MapDocument(amap), sizes, routes=True)
    l2 = scene.link_item("l2")
    assert l2 is not None and l2.route() == [(p.x, p.y) for p in layout.routes["l2"]]
    l1 = scene.link_item("l1")
    assert l1 is not None and l1.route() != [(p.x, p.y) for p in layout.routes["l1"]]
    scene.detach()


def test_clicking_a_routed_arrow_selects_it(qtbot: QtBot) -> None:
    doc = MapDocument(small_map(with_positions=False))
    view = MapView(doc, QUndoStack())
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    view.reset_zoom()
    scene = view.map_scene()
    arrow = scene.link_item("l3")
    assert arrow is not None and arrow.routed
    view.centerOn(arrow.midpoint())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=vp(view, arrow.midpoint()))
    assert scene.selected_link_ids() == ["l3"]
    scene.detach()
