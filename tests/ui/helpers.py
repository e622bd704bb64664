"""Shared by the UI and command-line tests: the small three-author debate the comparison
tests check numbers against, and the command line run in-process.

The debate is written once here so the CLI (``argmap compare``, ``argmap position``) and the
app's comparison docks are tested on the same authors, claims and positions; each test
file adds only the links or claims its assertions are about (see :func:`debate_map`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from argmap.map.mapfile import save
from argmap.map.model import ArgumentMap, Author, Claim, Link, Position
from ui.cli import main

if TYPE_CHECKING:
    from ui.qt.window.main import MainWindow

GHUMKHOR = Author(id="sg", name="Sahar Ghumkhor", color="#0072b2")
BAKER = Author(id="jb", name="James Baker", color="#d55e00")
LEE = Author(id="kl", name="Kim Lee", color="#009e73")


def debate_map(*, rebuttal: bool = False, evidence: bool = False) -> ArgumentMap:
    """Ghumkhor (engage the Taliban), Baker (pressure Pakistan) and Lee (talk through
    Doha): five claims, four links (three across authors), two positions.

    ``rebuttal`` adds Ghumkhor's thesis attacking Baker's premise (``l4``: the two attack
    each other); ``evidence`` adds Lee's evidence for her recommendation (``e3`` and
    ``l6``: a support chain two deep, so a premise carries two paths).
    """
    claims = [
        Claim(id="t1", kind="thesis", text="Engage the Taliban", author="sg"),
        Claim(id="p1", kind="premise", text="Isolation failed", author="sg"),
        Claim(id="t2", kind="thesis", text="Pressure Pakistan", author="jb"),
        Claim(id="o2", kind="premise", text="Engagement rewards terror", author="jb"),
        Claim(id="r3", kind="recommendation", text="Talk through Doha", author="kl"),
    ]
    links = [
        Link(id="l1", kind="support", from_claim="p1", to_claim="t1"),
        Link(id="l2", kind="attack", from_claim="o2", to_claim="t1"),
        Link(id="l3", kind="support", from_claim="p1", to_claim="t2"),
        Link(id="l5", kind="support", from_claim="r3", to_claim="t1"),
    ]
    if rebuttal:
        links.insert(3, Link(id="l4", kind="attack", from_claim="t1", to_claim="o2"))
    if evidence:
        claims.append(
            Claim(id="e3", kind="evidence", text="Doha talks produced a deal", author="kl")
        )
        links.append(Link(id="l6", kind="support", from_claim="e3", to_claim="r3"))
    return ArgumentMap(
        title="Small debate",
        authors=[GHUMKHOR, BAKER, LEE],
        claims=claims,
        links=links,
        positions=[
            Position(
                id="engage",
                label="Engage the Taliban?",
                stances={"sg": "for", "jb": "against"},
                grounds=["t1"],
            ),
            Position(
                id="pressure",
                label="Pressure Pakistan?",
                stances={"sg": "silent", "jb": "for", "kl": "mixed"},
                grounds=["t2"],
            ),
        ],
    )


def two_bakers_map() -> ArgumentMap:
    """The debate cut down for ``argmap position``: Lee replaced by a second Baker (so
    "Baker" is ambiguous), the two theses only, and one position with one stance and no
    grounds (so every other stance, ground and position is added by the test)."""
    return ArgumentMap(
        title="Small debate",
        authors=[GHUMKHOR, BAKER, Author(id="jl", name="Jane Baker")],
        claims=[c for c in debate_map().claims if c.id in ("t1", "t2")],
        positions=[Position(id="engage", label="Engage the Taliban?", stances={"sg": "for"})],
    )


def save_map(amap: ArgumentMap, folder: Path, name: str = "small.argmap.json") -> Path:
    """``amap`` saved as ``folder/name``; the path."""
    path = folder / name
    save(amap, path)
    return path


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``argmap ARGV`` in this process: exit code, stdout, stderr. argparse's own exits
    (``--help``, usage errors) count as exit codes, and a traceback is always a failure:
    the command line answers every mistake with a message."""
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def bare_window(qtbot: Any, tmp_path: Path) -> MainWindow:
    """A main window without its features or saved state, whose error dialogs are recorded
    in ``win.errors`` (title, text) instead of shown, and which never asks a question."""
    from PySide6.QtCore import QSettings

    from ui.qt.window.main import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings, tmp_path / "recovery", install_features=False, restore_state=False)
    win.errors = []  # type: ignore[attr-defined]
    win.show_error = lambda title, text: win.errors.append((title, text))  # type: ignore[method-assign, attr-defined]
    win.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    win.ask_recover = lambda _recovery: False  # type: ignore[method-assign]
    qtbot.addWidget(win)
    return win


def shown_window(qtbot: Any, tmp_path: Path, path: Path, size: tuple[int, int]) -> MainWindow:
    """A full main window (features installed) with ``path`` open, shown at ``size``, that
    fails the test on an error dialog and never asks a question."""
    from PySide6.QtCore import QSettings

    from ui.qt.window.main import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings, tmp_path / "recovery", autosave_ms=3_600_000)
    win.show_error = lambda title, text: pytest.fail(f"{title}: {text}")  # type: ignore[method-assign]
    win.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    win.ask_recover = lambda _recovery: False  # type: ignore[method-assign]
    qtbot.addWidget(win)
    win.resize(*size)
    assert win.open_path(path, ask=False)
    win.show()
    qtbot.waitExposed(win)
    return win
