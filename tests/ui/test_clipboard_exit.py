"""Quitting with argmap's data on the clipboard exits cleanly (it used to crash at exit)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO

SCRIPT = """
from PySide6.QtCore import QByteArray, QMimeData, QTimer
from ui.app import make_app
from ui.qt.window.main import FRAGMENT_MIME

app = make_app([])
data = QMimeData()
data.setData(FRAGMENT_MIME, QByteArray(b"{}"))
app.clipboard().setMimeData(data)
QTimer.singleShot(0, app.quit)
app.exec()
print("quit")
"""


def test_quitting_with_a_copied_fragment_exits_cleanly() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.strip() == "quit"
    assert done.returncode == 0, done.stderr
