"""The main window driven as a user would: files, undo, clipboard, panes in step.

Every question the window would ask in a dialog is replaced by a recorder (see the
``window`` fixture), so no test can block on a modal dialog.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence, QMouseEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QDockWidget, QUndoView

from argmap.edit.edits import UpdateClaim
from argmap.map.mapfile import load
from argmap.map.model import ArgumentMap
from argmap.map.palette import KIND_FILL
from tests.conftest import MAPS
from ui.qt.base.undo import push_edit
from ui.qt.panels.article_text import OffsetMap
from ui.qt.window import main as window_module
from ui.qt.window.main import MainWindow, menu_titles

DEBATE = MAPS / "afghanistan-debate.argmap.json"

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: Any, tmp_path: Path) -> MakeWindow:
    """Windows with their own settings file and recovery folder, and recorded questions."""
    count = [0]

    def make(**options: Any) -> MainWindow:
        count[0] += 1
        settings = QSettings(str(tmp_path / f"settings{count[0]}.ini"), QSettings.Format.IniFormat)
        options.setdefault("install_features", False)
        window = MainWindow(settings, tmp_path / "recovery", autosave_ms=3_600_000, **options)
        window.errors: list[tuple[str, str]] = []  # type: ignore[misc]
        window.prompts: list[str] = []  # type: ignore[misc]
        window.answer = "discard"  # type: ignore[attr-defined]
        window.show_error = lambda title, text: window.errors.append((title, text))  # type: ignore[method-assign]

        def ask() -> Any:
            window.prompts.append("save?")  # type: ignore[attr-defined]
            return window.answer  # type: ignore[attr-defined]

        window.ask_save_changes = ask  # type: ignore[method-assign]
        window.ask_recover = lambda _recovery: False  # type: ignore[method-assign]
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def debate(tmp_path: Path) -> Path:
    """A copy of the comparison map that tests may overwrite."""
    target = tmp_path / "debate.argmap.json"
    shutil.copy(DEBATE, target)
    return target


def _first_quoted(window: MainWindow) -> str:
    return next(c.id for c in window.doc.map.claims if c.quote is not None)


def test_title_marks_modified_and_undo_redo_clear_it(make_window: MakeWindow, debate: Path) -> None:
    window = make_window()
    assert window.open_path(debate)
    assert window.windowTitle().endswith("[*] — argmap")
    assert "debate.argmap.json" in window.windowTitle()
    assert not window.isWindowModified()
    claim_id = _first_quoted(window)
    push_edit(window.undo_stack, window.doc, UpdateClaim(claim_id, {"text": "Changed"}))
    assert window.isWindowModified()
    window.act_undo.trigger()
    assert window.doc.claims[claim_id].text != "Changed"
    assert not window.isWindowModified()
    window.act_redo.trigger()
    assert window.doc.claims[claim_id].text == "Changed"
    assert window.isWindowModified()


def test_undo_redo_by_standard_shortcuts(qtbot: Any, make_window: MakeWindow, debate: Path) -> None:
    window = make_window()
    window.open_path(debate)
    assert window.act_undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    claim_id = _first_quoted(window)
    before = window.doc.claims[claim_id].kind
    push_edit(window.undo_stack, window.doc, UpdateClaim(claim_id, {"kind": "objection"}))
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.claims[claim_id].kind == before
    redo = window.act_redo.shortcuts()[0]
    qtbot.keyClick(window.view, redo[0].key(), redo[0].keyboardModifiers())
    assert window.doc.claims[claim_id].kind == "objection"


def test_history_dock_lists_gestures(make_window: MakeWindow, debate: Path) -> None:
    window = make_window()
    window.open_path(debate)
    claim_id = _first_quoted(window)
    push_edit(window.undo_stack, window.doc, UpdateClaim(claim_id, {"kind": "evidence"}))
    view = window.history_dock.widget()
    assert isinstance(view, QUndoView)
    rows = [view.model().index(i, 0).data() for i in range(view.model().rowCount())]
    assert rows == ["<opened map>", "Make evidence"]
    view.setCurrentIndex(view.model().index(0, 0))  # clicking the first row goes back
    assert window.doc.claims[claim_id].kind != "evidence"


def test_bad_file_shows_the_cli_message_and_keeps_the_map(
    make_window: MakeWindow, debate: Path, tmp_path: Path, capsys: Any
) -> None:
    window = make_window()
    window.open_path(debate)
    before = window.doc.map.model_dump()
    bad = tmp_path / "bad.argmap.json"
    bad.write_text('{"schema_version": 1, "claims": [{"id": "x", "kind": "thesis"}]}')
    assert not window.open_path(bad)
    from ui.cli import main as cli_main

    capsys.readouterr()
    assert cli_main(["validate", str(bad)]) == 1
    cli_lines = capsys.readouterr().out.strip()
    assert window.errors == [("Cannot open map", cli_lines)]
    assert window.doc.map.model_dump() == before
    assert window.path == debate.resolve()


def test_close_and_open_ask_to_save_changes(
    make_window: MakeWindow, debate: Path, tmp_path: Path
) -> None:
    window = make_window()
    window.open_path(debate)
    claim_id = _first_quoted(window)
    push_edit(window.undo_stack, window.doc, UpdateClaim(claim_id, {"text": "Edited"}))

    window.answer = "cancel"  # type: ignore[attr-defined]
    assert not window.close()
    assert window.isVisible() and window.prompts == ["save?"]
    assert not window.new_map()
    assert window.doc.claims[claim_id].text == "Edited"

    window.answer = "save"  # type: ignore[attr-defined]
    assert window.new_map()
    assert load(debate).claim_index()[claim_id].text == "Edited"  # saved before leaving
    assert window.path is None and not window.doc.claims
    assert window.windowTitle().startswith("Untitled")


def test_save_as_writes_a_valid_file_and_remembers_it(
    make_window: MakeWindow, debate: Path, tmp_path: Path
) -> None:
    window = make_window()
    window.open_path(debate)
    window.view.new_claim_at(None, "premise")
    window.view.close_editor(commit=False)
    target = tmp_path / "copy"
    window.ask_save_path = lambda: str(target)  # type: ignore[method-assign]
    assert window.save_as()
    saved = tmp_path / "copy.argmap.json"
    assert len(load(saved).claims) == len(window.doc.claims)
    assert not window.isWindowModified()
    assert "copy.argmap.json" in window.windowTitle()
    assert window.recent.paths()[:2] == [str(saved.resolve()), str(debate.resolve())]
    window._fill_recent_menu()
    assert menu_titles(window.recent_menu)[:2] == ["1 copy.argmap.json", "2 debate.argmap.json"]


def test_drop_a_map_file_opens_it(qtbot: Any, make_window: MakeWindow, debate: Path) -> None:
    window = make_window()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(debate))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: window.path == debate.resolve(), timeout=2000)
    assert len(window.doc.claims) == len(load(debate).claims)
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile("/nowhere/picture.png")])
    ignored = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        other,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(ignored)
    assert not ignored.isAccepted()


def test_copy_paste_within_and_between_maps(make_window: MakeWindow, debate: Path) -> None:
    first = make_window()
    first.open_path(debate)
    linked = first.doc.map.links[0]
    first.view.select_claims([linked.from_claim, linked.to_claim])
    assert first.act_copy.isEnabled()
    first.act_copy.trigger()
    assert first.act_paste.isEnabled()
    text = QApplication.clipboard().text()
    assert first.doc.claims[linked.from_claim].text in text

    n = len(first.doc.claims)
    pasted = first.paste()
    assert len(pasted) == 2 and len(first.doc.claims) == n + 2
    assert set(first.view.map_scene().selected_claim_ids()) == set(pasted)
    assert first.undo_stack.undoText() == "Paste 2 claims"

    second = make_window()  # an empty map: authors and sources come along
    second.act_paste.trigger()
    assert len(second.doc.claims) == 2
    assert len(second.doc.links) == 1
    assert second.doc.authors
    second.act_undo.trigger()
    assert not second.doc.claims and not second.doc.authors


def test_cut_removes_and_paste_restores(make_window: MakeWindow, debate: Path) -> None:
    window = make_window()
    window.open_path(debate)
    claim_id = _first_quoted(window)
    text = window.doc.claims[claim_id].text
    window.view.select_claims([claim_id])
    window.act_cut.trigger()
    assert claim_id not in window.doc.claims
    (new_id,) = window.paste()
    assert window.doc.claims[new_id].text == text
    assert window.doc.claims[new_id].quote == load(debate).claim_index()[claim_id].quote


def test_selecting_a_claim_shows_its_quote_and_inspector(
    make_window: MakeWindow, debate: Path
) -> None:
    window = make_window()
    window.open_path(debate)
    claims = [c for c in window.doc.map.claims if c.quote is not None]
    other_source = next(c for c in claims if c.source != claims[0].source)
    window.view.select_claims([other_source.id])
    assert window.sources.shown_source == other_source.source
    assert other_source.quote is not None
    selected = window.sources.text.textCursor().selectedText().replace("\u2029", "\n")
    assert selected == other_source.quote.text.replace("\r\n", "\n")
    assert window.inspector.claim_id == other_source.id
    assert window.inspector.text.toPlainText() == other_source.text


def test_clicking_a_quote_selects_its_claim_on_the_map(
    qtbot: Any, make_window: MakeWindow, debate: Path
) -> None:
    window = make_window()
    window.open_path(debate)
    pane = window.sources
    claim = next(c for c in window.doc.map.claims if c.source == pane.shown_source and c.quote)
    assert claim.quote is not None
    spans = pane.highlights()
    start, _end = spans[claim.id]
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(start + 1)
    pane.text.setTextCursor(cursor)
    pane.text.ensureCursorVisible()
    point: QPoint = pane.text.cursorRect(cursor).center()
    qtbot.mouseClick(pane.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.view.map_scene().selected_claim_ids() == [claim.id])
    assert window.inspector.claim_id == claim.id


def test_new_claim_from_selection_lands_on_the_map_selected(
    make_window: MakeWindow, debate: Path
) -> None:
    window = make_window()
    window.open_path(debate)
    pane = window.sources
    source = window.doc.sources[pane.shown_source or ""]
    start = source.text.index("Pakistan")
    end = source.text.index(".", start) + 1
    offsets = OffsetMap(source.text)
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(offsets.to_qt(start))
    cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    pane.text.setTextCursor(cursor)
    window.sources.new_from_selection["recommendation"].trigger()
    (new_id,) = window.view.map_scene().selected_claim_ids()
    claim = window.doc.claims[new_id]
    assert claim.kind == "recommendation"
    assert claim.quote is not None
    assert (claim.quote.start, claim.quote.end) == (start, end)
    assert claim.quote.text == source.text[start:end]
    assert window.view.map_scene().claim_item(new_id) is not None
    window.act_undo.trigger()
    assert new_id not in window.doc.claims


def test_legend_hides_an_author_and_a_kind(make_window: MakeWindow, debate: Path) -> None:
    window = make_window()
    window.open_path(debate)
    scene = window.view.map_scene()
    author = window.doc.map.authors[0].id
    window.legend.author_boxes[author].setChecked(False)
    window.legend.kind_boxes["premise"].setChecked(False)
    for claim in window.doc.map.claims:
        item = scene.claim_item(claim.id)
        assert item is not None
        hidden = claim.author == author or claim.kind == "premise"
        assert item.isVisible() is not hidden
    window.legend.author_boxes[author].setChecked(True)
    window.legend.kind_boxes["premise"].setChecked(True)
    assert all(item.isVisible() for item in scene.claim_items())
    window.legend.kind_boxes["thesis"].setChecked(False)
    window.open_path(debate)  # another map (here: the same again) shows everything
    assert window.legend.kind_boxes["thesis"].isChecked()
    assert all(item.isVisible() for item in scene.claim_items())


def test_search_highlights_and_steps_through_matches(
    qtbot: Any, make_window: MakeWindow, debate: Path
) -> None:
    window = make_window()
    window.open_path(debate)
    window.act_find.trigger()
    qtbot.keyClicks(window.search, "taliban")
    expected = [
        c.id
        for c in window.doc.map.claims
        if "taliban" in (c.text + c.note + (c.quote.text if c.quote else "")).lower()
        or any("taliban" in t.lower() for t in c.tags)
    ]
    assert len(expected) >= 2
    assert set(expected) <= set(window.search.matches)  # author names match too
    highlighted = {i.claim_id for i in window.view.map_scene().claim_items() if i.highlighted}
    assert highlighted == set(window.search.matches)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.view.map_scene().selected_claim_ids() == [window.search.matches[0]]
    window.act_find_next.trigger()
    assert window.view.map_scene().selected_claim_ids() == [window.search.matches[1]]
    window.act_find_prev.trigger()
    assert window.view.map_scene().selected_claim_ids() == [window.search.matches[0]]
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert not any(i.highlighted for i in window.view.map_scene().claim_items())


def test_geometry_and_docks_are_remembered(
    make_window: MakeWindow, tmp_path: Path, debate: Path
) -> None:
    window = make_window()
    window.legend_dock.hide()
    window.resize(700, 500)  # inside the offscreen screen (800x600): restoring clamps to it
    assert window.close()
    settings = window.settings
    again = MainWindow(settings, tmp_path / "recovery", install_features=False)
    again.show()
    assert not again.legend_dock.isVisible()
    assert again.inspector_dock.isVisible()
    assert (again.width(), again.height()) == (700, 500)
    again.close()


def test_feature_modules_install_themselves(
    make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "featurepkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "demo.py").write_text(
        "from PySide6.QtCore import Qt\n"
        "from PySide6.QtWidgets import QDockWidget, QLabel\n"
        "def install(window):\n"
        "    window.tools_menu.addAction('Demo tool')\n"
        "    dock = QDockWidget('Demo')\n"
        "    dock.setWidget(QLabel('hello'))\n"
        "    window.add_dock(dock, Qt.DockWidgetArea.BottomDockWidgetArea)\n"
        "    window.status('demo installed')\n"
    )
    (package / "broken.py").write_text("def install(window):\n    raise RuntimeError('nope')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(
        window_module,
        "FEATURE_MODULES",
        ("featurepkg.missing", "featurepkg.demo", "featurepkg.broken"),
    )
    window = make_window(install_features=True)
    assert "Demo tool" in menu_titles(window.tools_menu)
    assert "Demo" in menu_titles(window.docks_menu)
    assert window.dockWidgetArea(window.findChild(QDockWidget, "demo_dock")) == (
        Qt.DockWidgetArea.BottomDockWidgetArea
    )
    assert "featurepkg.broken" in window.statusBar().currentMessage()
    sys.modules.pop("featurepkg.demo", None)
    sys.modules.pop("featurepkg.broken", None)
    sys.modules.pop("featurepkg", None)


def test_menus_offer_the_standard_commands(make_window: MakeWindow) -> None:
    window = make_window()
    assert menu_titles(window.file_menu)[:2] == ["New", "Open…"]
    assert {"Undo", "Redo", "Cut", "Copy", "Paste", "Delete"} <= {
        t.split(" ")[0] if t.startswith(("Undo", "Redo")) else t
        for t in menu_titles(window.edit_menu)
    }
    for action, key in [
        (window.act_new, QKeySequence.StandardKey.New),
        (window.act_open, QKeySequence.StandardKey.Open),
        (window.act_save, QKeySequence.StandardKey.Save),
        (window.act_copy, QKeySequence.StandardKey.Copy),
        (window.act_paste, QKeySequence.StandardKey.Paste),
        (window.act_find, QKeySequence.StandardKey.Find),
    ]:
        assert action.shortcut() == QKeySequence(key)
        assert action.toolTip()


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.argmap.json")), ids=lambda p: p.name)
def test_every_bundled_map_opens_without_warnings(
    make_window: MakeWindow, path: Path, qtlog: Any, recwarn: Any, capsys: Any
) -> None:
    window = make_window(install_features=True)
    assert window.open_path(path)
    QApplication.processEvents()
    assert window.errors == []
    assert len(window.doc.claims) == len(load(path).claims)
    assert window.view.map_scene().claim_items()
    noise = {"This plugin does not support propagateSizeHints()"}  # offscreen platform only
    messages = [r.message for r in qtlog.records if r.message not in noise]
    assert messages == []
    assert [str(w.message) for w in recwarn] == []
    out = capsys.readouterr()
    assert out.err == ""


def test_dark_theme_switches_palette_and_quote_colours(
    qtbot: Any, make_window: MakeWindow, debate: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, style = app.palette(), app.style().name()
    window = make_window()
    window.open_path(debate)
    try:
        window.theme_menu.actions()[2].trigger()  # System, Light, Dark
        assert window.settings.value("theme") == "dark"
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 100
        qtbot.waitUntil(
            lambda: all(
                s.format.background().color().alpha() < 255
                for s in window.sources.text.extraSelections()
            )
        )
        window.set_theme("light")
        assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200
        qtbot.waitUntil(
            lambda: (
                {
                    s.format.background().color().name()
                    for s in window.sources.text.extraSelections()
                }
                <= set(KIND_FILL.values())
            )
        )
    finally:
        app.setStyle(style)
        app.setPalette(palette)


def test_shortcut_list_names_the_standard_keys(make_window: MakeWindow) -> None:
    window = make_window()
    rows = window.shortcuts()
    commands = {command: keys for _menu, command, keys in rows}
    assert commands["Open…"] == QKeySequence(QKeySequence.StandardKey.Open).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert "Undo" in {c.split(" ")[0] for c in commands}
    assert commands["Auto Layout"] == "Ctrl+L"


def test_legend_edits_authors_undoably(make_window: MakeWindow, debate: Path) -> None:
    window = make_window()
    window.open_path(debate)
    author = window.doc.map.authors[0]
    window.legend.ask_text = lambda _title, _label, _value: "  Ann Onymous "  # type: ignore[method-assign]
    window.legend.ask_color = lambda _value: "#123456"  # type: ignore[method-assign]
    window.legend.rename_author(author.id)
    window.legend.recolor_author(author.id)
    assert window.doc.authors[author.id].name == "Ann Onymous"
    assert window.doc.authors[author.id].color == "#123456"
    assert window.legend.author_boxes[author.id].text().startswith("Onymous (")  # short name
    assert "Ann Onymous" in window.legend.author_boxes[author.id].toolTip()
    assert window.undo_stack.count() == 2
    window.act_undo.trigger()
    window.act_undo.trigger()
    assert window.doc.authors[author.id] == author
    assert author.name in window.legend.author_boxes[author.id].toolTip()


def test_status_bar_says_what_a_click_in_the_article_will_do(
    qtbot: Any, make_window: MakeWindow, debate: Path
) -> None:
    window = make_window()
    window.open_path(debate)
    pane = window.sources
    claim_id, (start, _end) = next(iter(pane.highlights().items()))
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(start + 2)
    at = QPointF(pane.text.cursorRect(cursor).center())
    move = QMouseEvent(  # QTest's mouseMove sends no hover move on the offscreen platform
        QEvent.Type.MouseMove,
        at,
        pane.text.viewport().mapToGlobal(at),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(pane.text.viewport(), move)
    qtbot.waitUntil(lambda: "Click to select" in window.statusBar().currentMessage())
    assert window.doc.claims[claim_id].text in window.statusBar().currentMessage()


@pytest.mark.parametrize("accept", [True, False])
def test_a_map_whose_article_changed_opens_with_repaired_quotes(
    make_window: MakeWindow, debate: Path, accept: bool
) -> None:
    data = json.loads(debate.read_text(encoding="utf-8"))
    data["sources"][0]["text"] = "Editor's note added later. " + data["sources"][0]["text"]
    debate.write_text(json.dumps(data), encoding="utf-8")
    original = debate.read_bytes()
    window = make_window()
    asked: list[tuple[int, int]] = []

    def ask(_path: Path, found: int, lost: int) -> bool:
        asked.append((found, lost))
        return accept

    window.ask_reanchor = ask  # type: ignore[method-assign]
    assert window.open_path(debate) is accept
    moved = sum(
        1 for c in data["claims"] if c.get("source") == data["sources"][0]["id"] and "quote" in c
    )
    assert asked == [(moved, 0)]
    assert debate.read_bytes() == original  # nothing written before the user saves
    if accept:
        assert window.is_modified()
        source = window.doc.sources[data["sources"][0]["id"]]
        quoted = [c for c in window.doc.map.claims if c.source == source.id and c.quote is not None]
        assert len(quoted) == moved
        assert all(
            source.text[c.quote.start : c.quote.end] == c.quote.text for c in quoted if c.quote
        )
    else:
        assert window.errors and "argmap quote fix" in window.errors[0][1]


def test_a_map_shown_without_a_file_never_autosaves_under_the_previous_name(
    make_window: MakeWindow, debate: Path
) -> None:
    window = make_window()
    window.open_path(debate)
    assert window.autosave.path == debate.resolve()
    window.set_map(ArgumentMap(title="Imported"), None)  # what File > Import Map does
    assert window.autosave.path is None
    assert window.path is None
