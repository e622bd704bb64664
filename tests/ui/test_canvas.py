"""The map canvas as a user meets it: the scene follows the document, and every mouse or
key gesture on the real view becomes exactly one undoable edit.

Mouse events go to ``view.viewport()``, keys to the view (see PLATFORM.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from argmap.edit.document import MapDocument
from argmap.edit.edits import AddClaim, AddLink, MoveClaims, RemoveClaim, UpdateAuthor, UpdateClaim
from argmap.edit.edits import UpdateLink as UpdateLinkEdit
from argmap.map.model import ArgumentMap, Author, Claim, Link, Point
from ui.qt.base.undo import push_edit
from ui.qt.canvas import ClaimItem, LinkItem, MapScene, MapView


def small_map(with_positions: bool = True) -> ArgumentMap:
    """Two authors arguing about Pakistan: a thesis, premises, evidence, an objection."""

    def at(x: float, y: float) -> Point | None:
        return Point(x=x, y=y) if with_positions else None

    return ArgumentMap(
        title="Engage or pressure?",
        authors=[
            Author(id="rashid", name="Ahmed Rashid", color="#0072b2"),
            Author(id="kagan", name="Fred Kagan", color="#d55e00"),
        ],
        claims=[
            Claim(
                id="t1",
                kind="thesis",
                text="The US must engage the Taliban",
                author="rashid",
                pos=at(0, 0),
            ),
            Claim(
                id="p1",
                kind="premise",
                text="Military pressure alone has failed for years",
                author="rashid",
                pos=at(-260, 200),
            ),
            Claim(
                id="e1",
                kind="evidence",
                text="Twenty years of war did not defeat them",
                author="rashid",
                pos=at(-260, 400),
            ),
            Claim(
                id="p2",
                kind="premise",
                text="Talks reward terror and weaken allies",
                author="kagan",
                pos=at(260, 200),
            ),
            Claim(
                id="r1",
                kind="recommendation",
                text="Leverage Pakistan first",
                author="kagan",
                pos=at(560, 0),
            ),
        ],
        links=[
            Link(id="l1", kind="support", from_claim="p1", to_claim="t1"),
            Link(id="l2", kind="support", from_claim="e1", to_claim="p1"),
            Link(id="l3", kind="attack", from_claim="p2", to_claim="t1"),
        ],
    )


@pytest.fixture
def canvas(qtbot: QtBot) -> Iterator[tuple[MapDocument, QUndoStack, MapView]]:
    doc = MapDocument(small_map())
    stack = QUndoStack()
    view = MapView(doc, stack)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    view.reset_zoom()
    view.centerOn(150, 200)
    QApplication.processEvents()
    yield doc, stack, view
    view.map_scene().detach()


def vp(view: MapView, scene_pt: QPointF) -> QPoint:
    return view.mapFromScene(scene_pt)


def card_center(view: MapView, claim_id: str) -> QPoint:
    item = view.map_scene().claim_item(claim_id)
    assert item is not None
    return vp(view, item.scenePos())


def send_mouse(
    view: MapView,
    kind: QMouseEvent.Type,
    pos: QPoint,
    *,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
    buttons: Qt.MouseButton | None = None,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A real mouse event with the held buttons set (QTest moves carry none)."""
    held = (
        buttons
        if buttons is not None
        else (Qt.MouseButton.NoButton if kind == QMouseEvent.Type.MouseButtonRelease else button)
    )
    local = QPointF(pos)
    glob = QPointF(view.viewport().mapToGlobal(pos))
    event = QMouseEvent(kind, local, glob, button, held, modifiers)
    QApplication.sendEvent(view.viewport(), event)


def drag(
    view: MapView,
    start: QPoint,
    end: QPoint,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    steps: int = 6,
) -> None:
    send_mouse(view, QMouseEvent.Type.MouseButtonPress, start, modifiers=modifiers)
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        send_mouse(
            view,
            QMouseEvent.Type.MouseMove,
            p,
            button=Qt.MouseButton.NoButton,
            buttons=Qt.MouseButton.LeftButton,
            modifiers=modifiers,
        )
    send_mouse(view, QMouseEvent.Type.MouseButtonRelease, end, modifiers=modifiers)


# ---------------------------------------------------------------------- document -> scene
def test_scene_builds_one_item_per_claim_and_link(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    doc, _, view = canvas
    scene = view.map_scene()
    assert isinstance(scene, MapScene)
    assert {i.claim_id for i in scene.claim_items()} == set(doc.claims)
    assert {i.link_id for i in scene.link_items()} == set(doc.links)
    t1 = scene.claim_item("t1")
    assert t1 is not None and (t1.pos().x(), t1.pos().y()) == (0.0, 0.0)
    assert {x.link_id for x in scene.links_at("t1")} == {"l1", "l3"}


def test_added_claim_appears_and_removed_claim_takes_its_arrows(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    doc, stack, view = canvas
    scene = view.map_scene()
    push_edit(stack, doc, AddClaim(Claim(id="n1", kind="evidence", text="A report", pos=None)))
    item = scene.claim_item("n1")
    assert item is not None
    others = [i.sceneBoundingRect() for i in scene.claim_items() if i is not item]
    assert not any(item.sceneBoundingRect().intersects(r) for r in others)
    assert doc.claims["n1"].pos is None  # a view-state spot, not an edit
    push_edit(stack, doc, RemoveClaim("t1"))
    assert scene.claim_item("t1") is None
    assert scene.link_item("l1") is None and scene.link_item("l3") is None
    assert scene.link_item("l2") is not None
    stack.undo()
    assert scene.claim_item("t1") is not None
    assert scene.link_item("l1") is not None and scene.link_item("l3") is not None


def test_edited_text_kind_and_author_colour_show(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    doc, stack, view = canvas
    item = view.map_scene().claim_item("p2")
    assert item is not None
    height = item.size()[1]
    long_text = "Talks reward terror, weaken allies in Kabul and tell Islamabad " * 3
    push_edit(stack, doc, UpdateClaim("p2", {"text": long_text, "kind": "objection"}))
    assert item.claim.text == long_text and item.claim.kind == "objection"
    assert item.size()[1] > height  # the wrapped label grew the card
    push_edit(stack, doc, UpdateAuthor("kagan", {"color": "#009e73"}))
    assert item.author is not None and item.author.color == "#009e73"
    stack.undo()
    stack.undo()
    assert item.claim.text == "Talks reward terror and weaken allies"
    assert item.size()[1] == height


def test_link_signals_add_change_and_remove_arrows(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    doc, stack, view = canvas
    scene = view.map_scene()
    push_edit(stack, doc, AddLink(Link(id="l9", kind="support", from_claim="r1", to_claim="t1")))
    arrow = scene.link_item("l9")
    assert isinstance(arrow, LinkItem) and arrow.cross_author
    assert "l9" in {x.link_id for x in scene.links_at("r1")}
    push_edit(stack, doc, UpdateLinkEdit("l9", {"kind": "attack"}))
    changed = scene.link_item("l9")
    assert changed is not None and changed.link.kind == "attack"
    stack.undo()
    stack.undo()
    assert scene.link_item("l9") is None
    assert "l9" not in {x.link_id for x in scene.links_at("r1")}


def test_moving_in_the_document_moves_the_card_and_its_arrows(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    doc, stack, view = canvas
    scene = view.map_scene()
    arrow = scene.link_item("l1")
    assert arrow is not None
    before = arrow.line()
    push_edit(stack, doc, MoveClaims({"p1": Point(x=-400, y=300)}))
    card = scene.claim_item("p1")
    assert card is not None and card.pos() == QPointF(-400, 300)
    assert arrow.line() != before


def test_reset_rebuilds_everything(canvas: tuple[MapDocument, QUndoStack, MapView]) -> None:
    doc, _, view = canvas
    scene = view.map_scene()
    scene.set_highlight(["t1"])
    other = small_map()
    other.claims = other.claims[:2]
    other.links = other.links[:1]
    doc.set_map(other)
    assert {i.claim_id for i in scene.claim_items()} == {"t1", "p1"}
    assert {i.link_id for i in scene.link_items()} == {"l1"}
    t1 = scene.claim_item("t1")
    assert t1 is not None and t1.highlighted


def test_map_without_positions_is_laid_out_on_load_without_an_edit(qtbot: QtBot) -> None:
    doc = MapDocument(small_map(with_positions=False))
    stack = QUndoStack()
    changes: list[None] = []
    doc.changed.connect(lambda: changes.append(None))
    scene = MapScene(doc, stack)
    assert stack.count() == 0 and not changes
    assert all(c.pos is None for c in doc.claims.values())
    items = scene.claim_items()
    rects = [i.sceneBoundingRect() for i in items]
    cards = [i.card_rect().translated(i.pos()) for i in items]
    assert not any(a.intersects(b) for k, a in enumerate(cards) for b in cards[k + 1 :])
    assert len({(r.x(), r.y()) for r in rects}) == len(rects)
    t1, p1, e1 = (scene.claim_item(c) for c in ("t1", "p1", "e1"))
    assert t1 is not None and p1 is not None and e1 is not None
    assert t1.pos().y() < p1.pos().y() < e1.pos().y()  # conclusions above their premises
    assert scene.is_auto_placed("t1")
    scene.detach()


def test_auto_layout_is_one_undo_entry(canvas: tuple[MapDocument, QUndoStack, MapView]) -> None:
    doc, stack, view = canvas
    before = {c.id: c.pos for c in doc.claims.values()}
    view.auto_layout()
    assert stack.count() == 1 and stack.undoText() == "Auto layout"
    after = {c.id: c.pos for c in doc.claims.values()}
    assert after != before and all(p is not None for p in after.values())
    scene = view.map_scene()
    for cid, pos in after.items():
        item = scene.claim_item(cid)
        assert item is not None and pos is not None
        assert item.pos() == QPointF(pos.x, pos.y)
    stack.undo()
    assert {c.id: c.pos for c in doc.claims.values()} == before


# ---------------------------------------------------------------------- gestures -> document
def test_drag_moves_a_card_in_one_undo_entry(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    doc, stack, view = canvas
    scene = view.map_scene()
    arrow = scene.link_item("l2")
    assert arrow is not None
    line_before = arrow.line()
    start = card_center(view, "e1")
    drag(view, start, start + QPoint(-120, 60))
    assert stack.count() == 1
    pos = doc.claims["e1"].pos
    assert pos is not None and (pos.x, pos.y) == pytest.approx((-380.0, 460.0), abs=1.0)
    assert arrow.line() != line_before  # its arrow followed during the drag
    assert doc.claims["t1"].pos == Point(x=0, y=0)  # nothing else moved
    stack.undo()
    assert doc.claims["e1"].pos == Point(x=-260, y=400)
    item = scene.claim_item("e1")
    assert item is not None and item.pos() == QPointF(-260, 400)
    assert arrow.line() == line_before
    stack.redo()
    assert item.pos().x() == pytest.approx(-380.0, abs=1.0)


def test_click_without_moving_pushes_nothing(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    _, stack, view = canvas
    pos = card_center(view, "p1")
    send_mouse(view, QMouseEvent.Type.MouseButtonPress, pos)
    send_mouse(view, QMouseEvent.Type.MouseButtonRelease, pos)
    assert stack.count() == 0
    assert view.map_scene().selected_claim_ids() == ["p1"]


def test_dragging_a_multi_selection_moves_all_in_one_entry(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    doc, stack, view = canvas
    view.select_claims(["p1", "e1"], center=False)
    start = card_center(view, "p1")
    drag(view, start, start + QPoint(0, 80))
    assert stack.count() == 1 and stack.undoText() == "Move 2 claims"
    p1, e1 = doc.claims["p1"].pos, doc.claims["e1"].pos
    assert p1 is not None and e1 is not None
    assert (p1.y, e1.y) == pytest.approx((280.0, 480.0), abs=1.0)
    stack.undo()
    assert doc.claims["p1"].pos == Point(x=-260, y=200)


def _trigger_popup_action(text: str) -> None:
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu), "the link-kind menu did not open"
    for action in popup.actions():
        if action.text().replace("&", "") == text:
            popup.setActiveAction(action)
            QTest.keyClick(popup, Qt.Key.Key_Return)  # as a user picks it
            return
    popup.close()
    raise AssertionError(f"no action {text!r}")


def test_drawing_from_the_handle_asks_the_kind_and_adds_one_link(
    canvas: tuple[MapDocument, QUndoStack, MapView], qtbot: QtBot
) -> None:
    doc, stack, view = canvas
    p2 = view.map_scene().claim_item("p2")
    assert p2 is not None
    handle = vp(view, p2.scenePos() + p2.handle_center())
    target = card_center(view, "r1")
    errors: list[BaseException] = []

    def answer() -> None:
        try:
            _trigger_popup_action("Supports")
        except BaseException as exc:  # reported after the menu loop ends
            errors.append(exc)
            popup = QApplication.activePopupWidget()
            if popup is not None:
                popup.close()

    QTimer.singleShot(200, answer)
    drag(view, handle, target)
    assert not errors, errors
    assert stack.count() == 1
    new = [x for x in doc.links.values() if x.id not in {"l1", "l2", "l3"}]
    assert len(new) == 1
    assert (new[0].from_claim, new[0].to_claim, new[0].kind) == ("p2", "r1", "support")
    assert doc.claims["p2"].pos == Point(x=260, y=200)  # a link drag moves nothing
    assert view.map_scene().link_item(new[0].id) is not None
    stack.undo()
    assert set(doc.links) == {"l1", "l2", "l3"}
    stack.redo()
    assert new[0].id in doc.links


def test_shift_drag_draws_an_attack(canvas: tuple[MapDocument, QUndoStack, MapView]) -> None:
    doc, stack, view = canvas
    asked: list[tuple[str, str]] = []

    def choose(source: Claim, target: Claim, at: QPoint) -> Any:
        asked.append((source.id, target.id))
        return "attack"

    view.link_kind_chooser = choose
    drag(
        view,
        card_center(view, "e1"),
        card_center(view, "p2"),
        modifiers=Qt.KeyboardModifier.ShiftModifier,
    )
    assert asked == [("e1", "p2")]
    assert stack.count() == 1 and stack.undoText() == "Add attack link"
    assert doc.claims["e1"].pos == Point(x=-260, y=400)


def test_link_dropped_on_empty_space_adds_nothing(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    doc, stack, view = canvas
    view.link_kind_chooser = lambda s, t, at: "support"
    drag(
        view,
        card_center(view, "e1"),
        vp(view, QPointF(300, 500)),
        modifiers=Qt.KeyboardModifier.ShiftModifier,
    )
    assert stack.count() == 0 and len(doc.links) == 3


def test_delete_key_removes_claim_with_its_links_as_one_entry(
    canvas: tuple[MapDocument, QUndoStack, MapView], qtbot: QtBot
) -> None:
    doc, stack, view = canvas
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=card_center(view, "p1"))
    assert view.map_scene().selected_claim_ids() == ["p1"]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert "p1" not in doc.claims
    assert set(doc.links) == {"l3"}
    assert stack.count() == 1
    scene = view.map_scene()
    assert scene.claim_item("p1") is None and scene.link_item("l1") is None
    stack.undo()
    assert "p1" in doc.claims and set(doc.links) == {"l1", "l2", "l3"}
    assert scene.claim_item("p1") is not None and scene.link_item("l2") is not None
    stack.redo()
    assert "p1" not in doc.claims


def test_ctrl_click_multi_select_then_delete_is_one_entry(
    canvas: tuple[MapDocument, QUndoStack, MapView], qtbot: QtBot
) -> None:
    doc, stack, view = canvas
    seen: list[list[str]] = []
    view.selection_changed.connect(seen.append)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=card_center(view, "t1"))
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        card_center(view, "p2"),
    )
    assert view.map_scene().selected_claim_ids() == ["t1", "p2"]
    assert seen and seen[-1] == ["t1", "p2"]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stack.count() == 1 and stack.undoText() == "Delete 2 claims"
    assert set(doc.claims) == {"p1", "e1", "r1"} and set(doc.links) == {"l2"}
    stack.undo()
    assert set(doc.claims) == {"t1", "p1", "e1", "p2", "r1"}
    assert [x.id for x in doc.map.links] == ["l1", "l2", "l3"]


def test_rubber_band_selects_the_cards_it_covers(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    _, stack, view = canvas
    drag(view, vp(view, QPointF(-420, 150)), vp(view, QPointF(-100, 460)))
    assert view.map_scene().selected_claim_ids() == ["p1", "e1"]
    assert stack.count() == 0


def test_double_click_empty_space_adds_a_claim_there_and_edits_it(
    canvas: tuple[MapDocument, QUndoStack, MapView], qtbot: QtBot
) -> None:
    doc, stack, view = canvas
    spot = vp(view, QPointF(300, 450))
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    new = [c for c in doc.map.claims if c.id not in {"t1", "p1", "e1", "p2", "r1"}]
    assert len(new) == 1 and stack.count() == 1
    assert new[0].pos is not None
    assert (new[0].pos.x, new[0].pos.y) == pytest.approx((300, 450), abs=2)
    editor = view.editor()
    assert editor is not None and editor.claim_id == new[0].id
    qtbot.keyClicks(view.viewport(), "Sanctions failed")  # typing replaces the placeholder
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Return)
    assert doc.claims[new[0].id].text == "Sanctions failed"
    assert stack.count() == 2 and view.editor() is None
    stack.undo()
    assert doc.claims[new[0].id].text == "New premise"


def test_double_click_card_edits_in_place_and_escape_cancels(
    canvas: tuple[MapDocument, QUndoStack, MapView], qtbot: QtBot
) -> None:
    doc, stack, view = canvas
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=card_center(view, "r1"))
    editor = view.editor()
    assert editor is not None and editor.claim_id == "r1"
    qtbot.keyClicks(view.viewport(), " now")
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Escape)
    assert view.editor() is None
    assert doc.claims["r1"].text == "Leverage Pakistan first" and stack.count() == 0
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=card_center(view, "r1"))
    qtbot.keyClicks(view.viewport(), " now")
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Enter)
    assert doc.claims["r1"].text == "Leverage Pakistan first now" and stack.count() == 1


def test_context_menus_offer_what_fits_the_spot(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    doc, stack, view = canvas
    arrow = view.map_scene().link_item("l1")
    assert arrow is not None
    mid = vp(view, arrow.line().center())
    link_menu = view.build_context_menu(mid)
    texts = [a.text() for a in link_menu.actions()]
    assert "Make attack" in texts and "Delete link" in texts
    next(a for a in link_menu.actions() if a.text() == "Make attack").trigger()
    assert doc.links["l1"].kind == "attack" and stack.count() == 1

    card_menu = view.build_context_menu(card_center(view, "p2"))
    kind_menu = next(a.menu() for a in card_menu.actions() if a.text() == "Kind")
    assert isinstance(kind_menu, QMenu)
    next(a for a in kind_menu.actions() if a.text() == "Evidence").trigger()
    assert doc.claims["p2"].kind == "evidence" and stack.count() == 2

    empty_menu = view.build_context_menu(vp(view, QPointF(300, 520)))
    next(a for a in empty_menu.actions() if a.text() == "New thesis here").trigger()
    theses = [c for c in doc.claims.values() if c.kind == "thesis"]
    assert len(theses) == 2 and stack.count() == 3
    view.close_editor(commit=False)


def test_status_bar_says_what_the_mouse_will_do(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    _, _, view = canvas
    said: list[str] = []
    view.status_message.connect(said.append)
    send_mouse(
        view,
        QMouseEvent.Type.MouseMove,
        card_center(view, "t1"),
        button=Qt.MouseButton.NoButton,
        buttons=Qt.MouseButton.NoButton,
    )
    assert said and "move" in said[-1].lower() and "link" in said[-1].lower()
    send_mouse(
        view,
        QMouseEvent.Type.MouseMove,
        vp(view, QPointF(300, 520)),
        button=Qt.MouseButton.NoButton,
        buttons=Qt.MouseButton.NoButton,
    )
    assert "new claim" in said[-1].lower()
    item = view.map_scene().claim_item("t1")
    assert item is not None
    send_mouse(
        view,
        QMouseEvent.Type.MouseMove,
        vp(view, item.scenePos() + item.handle_center()),
        button=Qt.MouseButton.NoButton,
        buttons=Qt.MouseButton.NoButton,
    )
    assert "supports or attacks" in said[-1].lower()


# ---------------------------------------------------------------------- view state
def test_zoom_wheel_and_fit(canvas: tuple[MapDocument, QUndoStack, MapView]) -> None:
    _, stack, view = canvas
    view.zoom_in()
    assert view.zoom() == pytest.approx(1.25)
    view.zoom_out()
    assert view.zoom() == pytest.approx(1.0)
    view.resize(300, 200)
    view.fit_all()
    assert view.zoom() < 0.5
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(view.map_scene().content_rect().adjusted(2, 2, -2, -2))
    view.reset_zoom()
    assert view.zoom() == pytest.approx(1.0)
    assert stack.count() == 0


def test_alternate_scene_restores_zoom_and_scroll(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    from PySide6.QtWidgets import QGraphicsScene

    _, _, view = canvas
    view.zoom_in()
    view.centerOn(-200, 300)
    zoom, h, v = view.zoom(), view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    other = QGraphicsScene()
    other.addRect(0, 0, 5000, 5000)
    view.set_alternate_scene(other)
    assert view.scene() is other
    view.resetTransform()
    view.set_alternate_scene(None)
    assert view.scene() is view.map_scene()
    assert view.zoom() == pytest.approx(zoom)
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) == (h, v)


def test_select_claims_selects_and_reports(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    _, _, view = canvas
    seen: list[list[str]] = []
    view.selection_changed.connect(seen.append)
    view.select_claims(["r1", "t1"])
    assert view.map_scene().selected_claim_ids() == ["t1", "r1"]
    assert seen[-1] == ["t1", "r1"]


def test_hidden_overlay_highlight_and_content_rect(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    _, _, view = canvas
    scene = view.map_scene()
    full = scene.content_rect()
    scene.set_hidden({"kagan"}, set())
    p2, r1, t1 = (scene.claim_item(c) for c in ("p2", "r1", "t1"))
    l3 = scene.link_item("l3")
    assert p2 is not None and r1 is not None and t1 is not None and l3 is not None
    assert not p2.isVisible() and not r1.isVisible() and not l3.isVisible()
    assert t1.isVisible()
    assert scene.content_rect().width() < full.width()
    scene.set_hidden(set(), {"thesis"})
    assert p2.isVisible() and not t1.isVisible() and not l3.isVisible()
    scene.set_hidden(set(), set())
    assert l3.isVisible()

    scene.set_overlay({"t1": ("#2e7d32", "IN"), "p2": ("#c62828", "OUT")})
    assert t1.mark is not None and t1.mark.text == "IN"
    scene.set_overlay(None)
    assert t1.mark is None and p2.mark is None

    scene.set_highlight(["p1"])
    p1 = scene.claim_item("p1")
    assert p1 is not None and p1.highlighted
    scene.set_highlight([])
    assert not p1.highlighted


def test_claims_added_by_others_land_near_their_links(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    doc, stack, view = canvas
    scene = view.map_scene()
    push_edit(stack, doc, AddClaim(Claim(id="x1", kind="evidence", text="Fresh data")))
    push_edit(stack, doc, AddLink(Link(id="lx", kind="support", from_claim="x1", to_claim="e1")))
    item = scene.claim_item("x1")
    assert item is not None and scene.is_auto_placed("x1")
    stack.undo()
    stack.undo()
    assert scene.claim_item("x1") is None


def test_the_canvas_never_mutates_the_map_directly(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    doc, stack, view = canvas
    before = doc.map.model_dump()
    view.select_claims(["t1", "p1"])
    view.zoom_in()
    view.fit_all()
    view.map_scene().set_hidden({"rashid"}, set())
    view.map_scene().set_overlay({"t1": ("#000000", "x")})
    assert doc.map.model_dump() == before and stack.count() == 0


def test_scene_item_for_card_is_a_claim_item(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    _, _, view = canvas
    items = view.items(card_center(view, "t1"))
    assert any(isinstance(i, ClaimItem) and i.claim_id == "t1" for i in items)


def test_undoing_the_claim_being_edited_closes_the_editor(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    doc, stack, view = canvas
    new_id = view.new_claim_at(QPointF(300, 500))
    assert new_id is not None and view.editor() is not None
    stack.undo()
    assert new_id not in doc.claims
    assert view.editor() is None
    assert stack.count() == 1 and stack.index() == 0  # nothing pushed by the closing


def test_wheel_zooms_at_the_pointer_and_middle_drag_pans(
    canvas: tuple[MapDocument, QUndoStack, MapView],
) -> None:
    from PySide6.QtGui import QWheelEvent

    _, stack, view = canvas
    at = card_center(view, "t1")
    under = view.mapToScene(at)
    wheel = QWheelEvent(
        QPointF(at),
        QPointF(view.viewport().mapToGlobal(at)),
        QPoint(0, 0),
        QPoint(0, 240),  # two notches away from the user: zoom in
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() == pytest.approx(1.15**2)
    after = view.mapToScene(at)
    assert abs(after.x() - under.x()) < 3 and abs(after.y() - under.y()) < 3  # stays put

    center = view.mapToScene(view.viewport().rect().center())
    start = vp(view, QPointF(300, 520))
    send_mouse(view, QMouseEvent.Type.MouseButtonPress, start, button=Qt.MouseButton.MiddleButton)
    send_mouse(
        view,
        QMouseEvent.Type.MouseMove,
        start + QPoint(-100, -50),
        button=Qt.MouseButton.NoButton,
        buttons=Qt.MouseButton.MiddleButton,
    )
    send_mouse(
        view,
        QMouseEvent.Type.MouseButtonRelease,
        start + QPoint(-100, -50),
        button=Qt.MouseButton.MiddleButton,
    )
    moved = view.mapToScene(view.viewport().rect().center())
    assert moved.x() > center.x() + 50 and moved.y() > center.y() + 20  # content followed
    assert stack.count() == 0


def test_a_drag_reroutes_only_the_dragged_cards_arrows(
    canvas: tuple[MapDocument, QUndoStack, MapView], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.qt.canvas.links import LinkItem as Arrow

    _, _, view = canvas
    touched: list[str] = []
    original = Arrow.update_geometry

    def counting(self: Arrow) -> None:
        touched.append(self.link_id)
        original(self)

    monkeypatch.setattr(Arrow, "update_geometry", counting)
    start = card_center(view, "e1")
    send_mouse(view, QMouseEvent.Type.MouseButtonPress, start)
    for step in range(1, 6):
        send_mouse(
            view,
            QMouseEvent.Type.MouseMove,
            start + QPoint(10 * step, 5 * step),
            button=Qt.MouseButton.NoButton,
            buttons=Qt.MouseButton.LeftButton,
        )
    assert touched and set(touched) == {"l2"}  # e1's only arrow, never l1 or l3
    send_mouse(view, QMouseEvent.Type.MouseButtonRelease, start + QPoint(50, 25))
