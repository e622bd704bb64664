"""Autosave and crash recovery.

The crash is real: a child process opens a map in a window, edits it, lets autosave write
the recovery file and then dies with ``os._exit`` (no close event, no clean-up). A new
window must then offer the work back.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from argmap.edit.edits import UpdateClaim
from argmap.map.mapfile import load
from tests.conftest import MAPS, REPO
from ui.qt.base.undo import push_edit
from ui.qt.window.main import MainWindow
from ui.qt.window.recovery import Autosave, RecentFiles, find_recoveries

CRASHING_SESSION = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from argmap.edit.edits import UpdateClaim
    from ui.qt.base.undo import push_edit
    from ui.qt.window.main import MainWindow

    app = QApplication([])
    map_path, recovery, settings, claim_id = sys.argv[1:5]
    window = MainWindow(
        QSettings(settings, QSettings.Format.IniFormat),
        Path(recovery),
        install_features=False,
        autosave_ms=50,
    )
    window.ask_recover = lambda r: False
    window.open_path(map_path)
    if claim_id == "-":
        window.new_map()
        window.view.new_claim_at(None, "thesis")
        window.view.close_editor(commit=True)
    else:
        push_edit(window.undo_stack, window.doc, UpdateClaim(claim_id, {"text": "Unsaved work"}))
    deadline = __import__("time").monotonic() + 20
    while not list(Path(recovery).glob("*.argmap.json")):
        app.processEvents()
        if __import__("time").monotonic() > deadline:
            os._exit(2)
    os._exit(9)  # the crash: no closeEvent, no clean-up
    """
)


def _crash(map_path: Path, recovery: Path, tmp_path: Path, claim_id: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CRASHING_SESSION,
            str(map_path),
            str(recovery),
            str(tmp_path / "crashed.ini"),
            claim_id,
        ],
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 9, result.stderr


@pytest.fixture
def debate(tmp_path: Path) -> Path:
    target = tmp_path / "debate.argmap.json"
    shutil.copy(MAPS / "afghanistan-debate.argmap.json", target)
    old = time.time() - 3600  # the map on disk is older than any autosave
    os.utime(target, (old, old))
    return target


def _window(qtbot: Any, tmp_path: Path, answer: bool) -> tuple[MainWindow, list[str]]:
    settings = QSettings(str(tmp_path / "next.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, tmp_path / "recovery", install_features=False)
    asked: list[str] = []

    def ask(recovery: Any) -> bool:
        asked.append(str(recovery.original))
        return answer

    window.ask_recover = ask  # type: ignore[method-assign]
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.show_error = lambda title, text: pytest.fail(f"{title}: {text}")  # type: ignore[method-assign]
    qtbot.addWidget(window)
    return window, asked


def test_recover_after_a_crash(qtbot: Any, tmp_path: Path, debate: Path) -> None:
    claim_id = load(debate).claims[0].id
    _crash(debate, tmp_path / "recovery", tmp_path, claim_id)
    assert load(debate).claim_index()[claim_id].text != "Unsaved work"  # file untouched

    window, asked = _window(qtbot, tmp_path, answer=True)
    assert window.open_path(debate)
    assert asked == [str(debate.resolve())]
    assert window.doc.claims[claim_id].text == "Unsaved work"
    assert window.path == debate.resolve()
    assert window.isWindowModified()  # recovered work is not saved work
    assert window.save()
    assert load(debate).claim_index()[claim_id].text == "Unsaved work"
    assert not window.isWindowModified()
    assert find_recoveries(tmp_path / "recovery") == []
    assert list((tmp_path / "recovery").glob("*.argmap.json")) == []


def test_declining_recovery_discards_it(qtbot: Any, tmp_path: Path, debate: Path) -> None:
    claim_id = load(debate).claims[0].id
    _crash(debate, tmp_path / "recovery", tmp_path, claim_id)
    window, asked = _window(qtbot, tmp_path, answer=False)
    assert window.open_path(debate)
    assert len(asked) == 1
    assert window.doc.claims[claim_id].text != "Unsaved work"
    assert not window.isWindowModified()
    assert find_recoveries(tmp_path / "recovery") == []


def test_untitled_work_is_offered_at_start_up(qtbot: Any, tmp_path: Path, debate: Path) -> None:
    _crash(debate, tmp_path / "recovery", tmp_path, "-")
    window, asked = _window(qtbot, tmp_path, answer=True)
    assert window.offer_recovery()
    assert asked == ["None"]
    assert window.path is None
    assert [c.kind for c in window.doc.map.claims] == ["thesis"]
    assert window.isWindowModified()


def test_an_autosave_older_than_the_map_is_not_offered(tmp_path: Path, debate: Path) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()
    stale = folder / "debate-0123.argmap.json"
    shutil.copy(debate, stale)
    (folder / "debate-0123.origin.json").write_text(
        json.dumps({"path": str(debate.resolve()), "pid": 2**22 + 12345})
    )
    assert [r.file for r in find_recoveries(folder, debate)] == [stale]  # newer than the map
    os.utime(stale, (time.time() - 7200, time.time() - 7200))  # the map was saved since
    assert find_recoveries(folder, debate) == []
    assert find_recoveries(folder, tmp_path / "other.argmap.json") == []


def test_autosave_writes_only_modified_maps_and_clean_save_deletes(
    qtbot: Any, tmp_path: Path, debate: Path
) -> None:
    window, _ = _window(qtbot, tmp_path, answer=False)
    window.open_path(debate)
    autosave: Autosave = window.autosave
    assert autosave.save_now() is None  # nothing changed
    claim_id = window.doc.map.claims[0].id
    push_edit(window.undo_stack, window.doc, UpdateClaim(claim_id, {"text": "Autosaved"}))
    written = autosave.save_now()
    assert written is not None and written.parent == tmp_path / "recovery"
    assert load(written).claim_index()[claim_id].text == "Autosaved"
    assert autosave.save_now() is None  # no change since the last write
    assert find_recoveries(tmp_path / "recovery") == []  # our own session is alive
    window.undo_stack.undo()
    assert autosave.save_now() is None  # back to clean: nothing to protect
    window.undo_stack.redo()
    assert window.save()
    assert not written.exists()


def test_recent_files_newest_first_without_duplicates(tmp_path: Path) -> None:
    recent = RecentFiles(QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat), limit=3)
    for name in ("a", "b", "a", "c", "d"):
        recent.add(tmp_path / f"{name}.argmap.json")
    assert [Path(p).stem for p in recent.paths()] == ["d.argmap", "c.argmap", "a.argmap"]
    recent.remove(recent.paths()[0])
    assert len(recent.paths()) == 2


# ------------------------------------------------------------------ issue 18: hardening


def _crashed_with_empty_sidecar(tmp_path: Path, debate: Path) -> tuple[str, Path]:
    """A crash whose sidecar was truncated and never written (as ``write_text`` could leave
    it): the recovery file holds the work, its origin is gone."""
    claim_id = load(debate).claims[0].id
    _crash(debate, tmp_path / "recovery", tmp_path, claim_id)
    [recovery] = (tmp_path / "recovery").glob("*.argmap.json")
    recovery.with_name(recovery.name.removesuffix(".argmap.json") + ".origin.json").write_text("")
    return claim_id, recovery


def test_a_recovery_whose_sidecar_is_empty_is_offered_with_its_map(
    qtbot: Any, tmp_path: Path, debate: Path
) -> None:
    claim_id, recovery = _crashed_with_empty_sidecar(tmp_path, debate)
    window, asked = _window(qtbot, tmp_path, answer=True)
    assert window.open_path(debate)
    assert asked == [str(debate.resolve())]  # recognised by its file name
    assert window.doc.claims[claim_id].text == "Unsaved work"
    assert window.path == debate.resolve()
    assert window.save()
    assert load(debate).claim_index()[claim_id].text == "Unsaved work"
    assert not recovery.exists()


def test_a_recovery_whose_sidecar_is_empty_is_offered_at_start_up(
    qtbot: Any, tmp_path: Path, debate: Path
) -> None:
    claim_id, _ = _crashed_with_empty_sidecar(tmp_path, debate)
    window, asked = _window(qtbot, tmp_path, answer=True)
    assert window.offer_recovery()
    assert asked == ["None"]  # which file it was is not known: it comes back untitled
    assert window.doc.claims[claim_id].text == "Unsaved work"
    assert window.path is None and window.isWindowModified()


def test_closing_never_deletes_a_recovery_whose_origin_is_unknown(
    qtbot: Any, tmp_path: Path, debate: Path
) -> None:
    _, recovery = _crashed_with_empty_sidecar(tmp_path, debate)
    window, _ = _window(qtbot, tmp_path, answer=False)
    window.set_map(load(debate), debate)  # the map shown without the recovery offer
    window.close()
    assert recovery.exists()
    assert [r.file for r in find_recoveries(tmp_path / "recovery")] == [recovery]


def test_the_sidecar_is_replaced_atomically_never_rewritten_in_place(
    qtbot: Any, tmp_path: Path, debate: Path
) -> None:
    window, _ = _window(qtbot, tmp_path, answer=False)
    window.open_path(debate)
    claim_id = window.doc.map.claims[0].id
    push_edit(window.undo_stack, window.doc, UpdateClaim(claim_id, {"text": "First"}))
    written = window.autosave.save_now()
    assert written is not None
    sidecar = written.with_name(written.name.removesuffix(".argmap.json") + ".origin.json")
    with sidecar.open("rb") as reader:  # a reader of the old sidecar (another argmap)
        push_edit(window.undo_stack, window.doc, UpdateClaim(claim_id, {"text": "Second"}))
        assert window.autosave.save_now() == written
        # Rewritten in place, the reader would see a truncated file; replaced, it sees the
        # old file whole.
        assert json.loads(reader.read())["path"] == str(debate.resolve())
        assert os.fstat(reader.fileno()).st_ino != sidecar.stat().st_ino
    assert json.loads(sidecar.read_text())["pid"] == os.getpid()


def test_stale_temporaries_of_autosaves_are_swept_from_the_recovery_folder(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()
    long_ago = time.time() - 3 * 3600
    names = {
        ".debate-0123456789abcdef.argmap.json.k2j3h4g5.tmp": False,  # killed autosave
        ".debate-0123456789abcdef.origin.json.k2j3h4g5.tmp": False,  # killed sidecar write
        ".debate-0123456789abcdef.argmap.json.young123.tmp": True,  # may be in progress
        "notes.txt.k2j3h4g5.tmp": True,  # not ours
        ".other.txt.k2j3h4g5.tmp": True,  # not a recovery file's temporary
    }
    for name, _ in names.items():
        (folder / name).write_text("{")
        if "young" not in name:
            os.utime(folder / name, (long_ago, long_ago))
    assert find_recoveries(folder) == []
    assert {name: (folder / name).exists() for name in names} == names


def test_a_failed_sidecar_write_leaves_no_recovery_file_of_unknown_origin(
    qtbot: Any, tmp_path: Path, debate: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sidecar is written first: when it cannot be, no recovery file appears without it."""
    from ui.qt.window import recovery

    window, _ = _window(qtbot, tmp_path, answer=False)
    window.open_path(debate)
    claim_id = window.doc.map.claims[0].id
    push_edit(window.undo_stack, window.doc, UpdateClaim(claim_id, {"text": "Work"}))

    def disk_full(path: Any, payload: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recovery, "atomic_write_bytes", disk_full)
    assert window.autosave.save_now() is None
    assert "No space left" in window.autosave.last_error
    assert list((tmp_path / "recovery").glob("*")) == []
