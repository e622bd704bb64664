"""The toolbar keeps its buttons still, and undo/redo keys work wherever the focus is
(issue 15, items 1 and 7: a click aimed at Auto Layout landed on New Objection because the
Undo button had grown to "Undo Set Sakhi on “Engage…” to mixed"; Ctrl+Y did not redo on
Linux; Ctrl+Z did nothing with the focus in a dock)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QLineEdit, QWidget

from argmap.edit import edits
from argmap.map.model import Claim, Link, Point
from tests.conftest import MAPS
from ui.qt.base.undo import push_edit
from ui.qt.window.main import MainWindow

DEBATE = MAPS / "afghanistan-debate.argmap.json"


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> MainWindow:
    target = tmp_path / "debate.argmap.json"
    shutil.copy(DEBATE, target)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings, tmp_path / "recovery", autosave_ms=3_600_000, install_features=False)
    win.ask_save_changes = lambda: "discard"  # type: ignore[method-assign,assignment,return-value]
    win.ask_recover = lambda _recovery: False  # type: ignore[method-assign]
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_path(target)
    return win


def _button_places(window: MainWindow) -> dict[str, tuple[int, int, int, int]]:
    places = {}
    for action in window.toolbar.actions():
        widget = window.toolbar.widgetForAction(action)
        if widget is None or action.isSeparator():
            continue
        g = widget.geometry()
        places[action.text() or action.objectName() or str(id(action))] = (
            g.x(),
            g.y(),
            g.width(),
            g.height(),
        )
    return places


def _ten_edits(window: MainWindow) -> list[Any]:
    doc = window.doc
    claims = list(doc.claims)
    author = doc.map.authors[0].id
    position = doc.map.positions[0]
    long = "A very long sentence that an author wrote about engagement with the Taliban " * 2
    return [
        edits.UpdateClaim(claims[0], {"text": long}),
        edits.SetStance(
            position.id,
            author,
            "mixed",
            name=f"Set {author} on “{position.label}” to mixed, with a long undo text",
        ),
        edits.UpdateClaim(claims[1], {"kind": "objection"}),
        edits.MoveClaims({claims[2]: Point(x=4000, y=4000)}),
        edits.AddClaim(Claim(id="new-one", kind="evidence", text="x", author=author)),
        edits.AddLink(Link(id="new-link", kind="attack", from_claim="new-one", to_claim=claims[3])),
        edits.UpdateAuthor(author, {"color": "#123456"}),
        edits.SetMeta("A new title", "", name="Edit map title to something much longer"),
        edits.RemoveClaim(claims[4]),
        edits.Macro([edits.UpdateClaim(claims[5], {"tags": ["x"]})], "Tag one claim, a macro"),
    ]


def test_toolbar_buttons_keep_their_places_after_ten_undoable_actions(
    qtbot: Any, window: MainWindow
) -> None:
    before = _button_places(window)
    for edit in _ten_edits(window):
        push_edit(window.undo_stack, window.doc, edit)
        QApplication.processEvents()
        assert _button_places(window) == before, edit.label
    window.act_undo.trigger()
    QApplication.processEvents()
    assert _button_places(window) == before
    for action in (window.act_layout, window.act_fit):  # not pushed into the » overflow
        widget = window.toolbar.widgetForAction(action)
        assert widget is not None and widget.isVisible(), action.text()
    assert window.search.isVisible()


def test_toolbar_undo_names_the_action_in_its_tooltip_and_the_menu_in_full(
    window: MainWindow,
) -> None:
    push_edit(window.undo_stack, window.doc, edits.SetMeta("T", "", name="Edit map title"))
    assert window.act_undo_button.text() == "Undo"
    assert "Undo Edit map title" in window.act_undo_button.toolTip()
    assert window.act_undo.text().replace("&", "") == "Undo Edit map title"
    assert window.act_undo in window.edit_menu.actions()
    window.act_undo_button.trigger()
    assert window.doc.map.title != "T"
    assert not window.act_undo_button.isEnabled()
    assert window.act_redo_button.isEnabled()
    window.act_redo_button.trigger()
    assert window.doc.map.title == "T"


def test_ctrl_y_and_ctrl_shift_z_redo(qtbot: Any, window: MainWindow) -> None:
    keys = window.act_redo.shortcuts()
    assert QKeySequence("Ctrl+Y") in keys
    assert QKeySequence("Ctrl+Shift+Z") in keys
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    push_edit(window.undo_stack, window.doc, edits.SetMeta("T", "", name="Edit map title"))
    for redo in (
        (Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    ):
        qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert window.doc.map.title != "T"
        qtbot.keyClick(window.view, *redo)
        assert window.doc.map.title == "T"


def _focusable_in(dock: QDockWidget) -> list[QWidget]:
    return [
        w
        for w in dock.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.isVisible()
        and w.isEnabled()
        and not isinstance(w, QLineEdit)  # a text field being edited keeps its own undo
        and not (hasattr(w, "isReadOnly") and not w.isReadOnly())
    ]


def test_undo_works_with_the_focus_in_any_dock_even_floating(
    qtbot: Any, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
    assert docks
    tried = 0
    for dock in docks:
        for floating in (False, True):
            dock.setFloating(floating)
            QApplication.processEvents()
            for widget in _focusable_in(dock)[:3]:
                push_edit(window.undo_stack, window.doc, edits.SetMeta("T", "", name="Title"))
                widget.activateWindow()
                widget.setFocus()
                qtbot.waitUntil(lambda w=widget: w.hasFocus(), timeout=2000)
                qtbot.keyClick(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
                assert window.doc.map.title != "T", (dock.objectName(), type(widget).__name__)
                tried += 1
        dock.setFloating(False)
    assert tried >= 3


def test_a_text_field_being_edited_keeps_ctrl_z(qtbot: Any, window: MainWindow) -> None:
    push_edit(window.undo_stack, window.doc, edits.SetMeta("T", "", name="Title"))
    window.activateWindow()
    window.search.setFocus()
    qtbot.waitUntil(window.search.hasFocus, timeout=2000)
    qtbot.keyClicks(window.search, "abc")
    qtbot.keyClick(window.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.map.title == "T"  # the search field undid its typing, not the map


def test_ctrl_y_redoes_where_the_desktop_binds_only_ctrl_shift_z(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Linux desktops (GNOME, KDE) give Redo only Ctrl+Shift+Z; offscreen gives Ctrl+Y too,
    so the desktop's bindings are imitated here."""
    real = QKeySequence.keyBindings

    def linux(key: QKeySequence.StandardKey) -> list[QKeySequence]:
        if key == QKeySequence.StandardKey.Redo:
            return [QKeySequence("Ctrl+Shift+Z")]
        return list(real(key))

    monkeypatch.setattr(QKeySequence, "keyBindings", staticmethod(linux))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings, tmp_path / "recovery", autosave_ms=3_600_000, install_features=False)
    qtbot.addWidget(win)
    assert QKeySequence("Ctrl+Y") in win.act_redo.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in win.act_redo.shortcuts()


def test_ctrl_z_undoes_the_map_from_an_untouched_inspector_field(
    qtbot: Any, window: MainWindow
) -> None:
    """After an import a claim is selected and the inspector's text field may have the
    focus: with no typing of its own to undo, Ctrl+Z there undoes the map."""
    claim_id = next(iter(window.doc.claims))
    window.view.select_claims([claim_id], center=False)
    push_edit(window.undo_stack, window.doc, edits.SetMeta("T", "", name="Title"))
    window.activateWindow()
    field = window.inspector.text
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.map.title != "T"
    qtbot.keyClick(field, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.map.title == "T"
    qtbot.keyClicks(field, " more")  # now it is being edited: its own undo comes first
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.map.title == "T"
