"""Tools → Compare with Key… in the app: the overlay on and off, ghost cards revealed one by
one as hints, and the student's map unchanged byte for byte."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, Qt

from argmap.map.mapfile import encode, save
from argmap.map.model import Link
from tests.core.exercise_helpers import THESIS, claim, key_map, student_from
from tests.ui.helpers import shown_window
from ui.qt.features.keyitems import GhostCard, Tag
from ui.qt.window.main import menu_titles


def _files(tmp_path: Path) -> tuple[Path, Path]:
    key = key_map()
    key_path = tmp_path / "key.argmap.json"
    save(key, key_path)
    student = student_from(
        key,
        claims=[
            claim("s-t", "thesis", THESIS),
            claim("s-p", "evidence", key.claim_index()["p"].quote.text),  # type: ignore[union-attr]
            claim("s-x", "premise", "The weather in Kabul was mild in March."),
        ],
        links=[Link(id="sl", kind="support", from_claim="s-t", to_claim="s-p")],  # reversed
    )
    student_path = tmp_path / "alice.argmap.json"
    save(student, student_path)
    return key_path, student_path


def _overlay_items(win: Any) -> list[Any]:
    return [
        item
        for item in win.view.map_scene().items()
        if isinstance(item, (GhostCard, Tag)) or item in win.key_overlay.lines
    ]


def test_the_key_overlay_on_and_off(qtbot: Any, tmp_path: Path) -> None:
    key_path, student_path = _files(tmp_path)
    win = shown_window(qtbot, tmp_path, student_path, (1100, 700))
    overlay = win.key_overlay
    assert "Compare with Key…" in menu_titles(win.tools_menu)
    assert not overlay.overlay_action.isEnabled()
    overlay.ask_key_path = lambda: str(key_path)
    overlay.compare_action.trigger()
    assert overlay.overlay_action.isChecked()

    tags = sorted(t.text for t in win.view.map_scene().items() if isinstance(t, Tag))
    assert tags == ["not in key", "reversed"]  # the extra claim, the reversed link
    ghosts = [g for g in win.view.map_scene().items() if isinstance(g, GhostCard)]
    assert sorted(g.key_id for g in ghosts) == ["e", "o", "r"]
    assert all(not g.revealed for g in ghosts)
    assert {g.text() for g in ghosts} == {
        "Missing claim at ¶2.1",
        "Missing claim at ¶2.2",
        "Missing claim at ¶3.1",
    }
    cards = {i.claim_id for i in win.view.map_scene().claim_items()}
    assert cards == {"s-t", "s-p", "s-x"}  # the ghosts are not cards of the map

    overlay.overlay_action.trigger()  # one action takes it all away
    assert not overlay.overlay_action.isChecked()
    assert _overlay_items(win) == []
    overlay.overlay_action.trigger()
    assert len([i for i in _overlay_items(win) if isinstance(i, GhostCard)]) == 3


def test_revealing_ghost_cards_one_by_one(qtbot: Any, tmp_path: Path) -> None:
    key_path, student_path = _files(tmp_path)
    win = shown_window(qtbot, tmp_path, student_path, (1100, 700))
    overlay = win.key_overlay
    assert overlay.compare_with(key_path)
    assert overlay.reveal_action.isEnabled()
    overlay.reveal_action.trigger()  # reading order: paragraph 2, sentence 1 first
    assert overlay.revealed == ["e"]
    first = overlay.ghosts["e"]
    assert first.revealed and first.text().startswith("evidence: ")
    assert "Colombia and Northern Ireland" in first.text()
    assert not overlay.ghosts["o"].revealed and not overlay.ghosts["r"].revealed
    # a revealed ghost that the key links to a card on the map gets its dashed arrow
    assert len(overlay.lines) == 1

    # a double-click on a ghost reveals it too
    ghost = overlay.ghosts["r"]
    view = win.view
    view.centerOn(ghost)
    point = view.mapFromScene(ghost.scenePos())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert overlay.revealed == ["e", "r"]
    assert len(win.doc.map.claims) == 3  # the view did not make a new card there
    assert overlay.reveal_next() == "o"
    assert overlay.reveal_next() is None and not overlay.reveal_action.isEnabled()


def test_the_students_map_is_unchanged_byte_for_byte(qtbot: Any, tmp_path: Path) -> None:
    key_path, student_path = _files(tmp_path)
    before = student_path.read_bytes()
    win = shown_window(qtbot, tmp_path, student_path, (1100, 700))
    overlay = win.key_overlay
    assert overlay.compare_with(key_path)
    overlay.reveal_next()
    overlay.reveal_next()
    qtbot.wait(10)  # let any queued refresh run
    overlay.overlay_action.trigger()
    assert win.undo_stack.count() == 0 and not win.is_modified()
    assert encode(win.doc.map) == before
    assert student_path.read_bytes() == before


def test_a_key_of_another_article_is_refused_with_a_message(qtbot: Any, tmp_path: Path) -> None:
    from tests.conftest import MAPS

    _, student_path = _files(tmp_path)
    win = shown_window(qtbot, tmp_path, student_path, (1100, 700))
    errors: list[str] = []
    win.show_error = lambda title, text: errors.append(text)
    assert not win.key_overlay.compare_with(MAPS / "ct-leverage.argmap.json")
    assert errors and "different article" in errors[0]
    broken = tmp_path / "broken.argmap.json"
    broken.write_text("{", encoding="utf-8")
    assert not win.key_overlay.compare_with(broken)
    assert len(errors) == 2 and str(broken) in errors[1]
    assert _overlay_items(win) == []


def test_the_overlay_follows_the_student_working_on(qtbot: Any, tmp_path: Path) -> None:
    from argmap.edit.edits import RemoveClaim
    from ui.qt.base.undo import push_edit

    key_path, student_path = _files(tmp_path)
    win = shown_window(qtbot, tmp_path, student_path, (1100, 700))
    overlay = win.key_overlay
    assert overlay.compare_with(key_path)
    card = win.view.map_scene().claim_item("s-x")
    (tag,) = [t for t in overlay.tags if t.text == "not in key"]
    before = tag.scenePos()
    card.setPos(card.pos() + QPointF(50, 30))  # as a drag moves it, before the release
    assert tag.scenePos() == before + QPointF(50, 30)

    push_edit(win.undo_stack, win.doc, RemoveClaim("s-x"))
    qtbot.waitUntil(lambda: not [t for t in overlay.tags if t.text == "not in key"])
    assert sorted(overlay.ghosts) == ["e", "o", "r"]
    win.undo_stack.undo()
    qtbot.waitUntil(lambda: [t.text for t in overlay.tags].count("not in key") == 1)


def test_on_an_empty_starter_the_hints_are_brought_into_view(qtbot: Any, tmp_path: Path) -> None:
    """A student who starts from the starter map has no card on screen: turning the key
    on shows the column of hints, not an empty canvas."""
    key_path, _ = _files(tmp_path)
    empty_path = tmp_path / "empty.argmap.json"
    save(student_from(key_map(), claims=[], links=[]), empty_path)
    win = shown_window(qtbot, tmp_path, empty_path, (1100, 700))
    win.key_overlay.ask_key_path = lambda: str(key_path)
    win.key_overlay.compare_action.trigger()
    first = next(iter(win.key_overlay.ghosts.values()))
    seen = win.view.mapToScene(win.view.viewport().rect()).boundingRect()
    assert seen.contains(first.sceneBoundingRect().center())
