"""Qt test setup.

Every test here gets a QApplication first: creating a QFont or a QGraphicsTextItem before one
exists crashes the whole pytest process. And no test may open a modal dialog: offscreen
nobody can answer it, so the run would hang until CI's time limit. Every way the app asks
the user something is patched to fail the test at once instead; tests answer questions by
replacing the window's ``ask_*`` methods.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QColorDialog, QDialog, QFileDialog, QInputDialog, QMessageBox

_MODAL_ENTRY_POINTS: list[tuple[Any, str]] = [
    (QDialog, "exec"),
    *((QMessageBox, name) for name in ("question", "warning", "critical", "information", "about")),
    *(
        (QInputDialog, name)
        for name in ("getText", "getItem", "getInt", "getDouble", "getMultiLineText")
    ),
    *(
        (QFileDialog, name)
        for name in (
            "getOpenFileName",
            "getOpenFileNames",
            "getSaveFileName",
            "getExistingDirectory",
        )
    ),
    (QColorDialog, "getColor"),
]


@pytest.fixture(autouse=True)
def _qapp_first(qapp: Any) -> Any:
    """A QApplication first; afterwards, no argmap data left on the clipboard (a Python-made
    QMimeData there crashes the interpreter when the application is destroyed at exit)."""
    yield qapp
    from ui.qt.window.main import release_clipboard

    release_clipboard()


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    for owner, name in _MODAL_ENTRY_POINTS:

        def refuse(*_args: Any, _where: str = f"{owner.__name__}.{name}", **_kwargs: Any) -> Any:
            raise AssertionError(
                f"a test opened a modal dialog ({_where}); replace the ask_* method"
            )

        monkeypatch.setattr(owner, name, refuse)
