"""The core never imports Qt (nor networkx where no graph is needed)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import argmap
from tests.conftest import REPO


def core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(argmap.__path__, "argmap."))


def test_every_core_module_imports_without_qt() -> None:
    modules = core_modules()
    assert "argmap.map.model" in modules and "argmap.edit.document" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Qt modules loaded by the core: {result.stdout}"


def test_validating_a_map_does_not_load_networkx() -> None:
    code = (
        "import sys\n"
        "from argmap.map.mapfile import decode, encode\n"
        "from argmap.map.model import ArgumentMap\n"
        "decode(encode(ArgumentMap(title='x')))\n"
        "print('networkx' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert result.stdout.strip() == "False", result.stderr


def test_a_document_loads_psygnal_only_when_a_signal_is_used() -> None:
    """Start-up weight: psygnal (about 35 ms to import) waits for the first signal use,
    and then the signals are psygnal's own and work as before."""
    code = (
        "import sys\n"
        "from argmap.edit.document import MapDocument\n"
        "from argmap.map.synthetic import synthetic_map\n"
        "doc = MapDocument(synthetic_map(4))\n"
        "before = 'psygnal' in sys.modules\n"
        "seen = []\n"
        "doc.changed.connect(lambda: seen.append(1))\n"
        "doc.claim_removed.connect(seen.append)\n"
        "doc.changed.emit(); doc.claim_removed.emit('x'); MapDocument().changed.emit()\n"
        "print(before, 'psygnal' in sys.modules, seen, doc.changed is doc.changed)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert result.stdout.split() == ["False", "True", "[1,", "'x']", "True"], result.stderr


def test_ruff_bans_qt_in_the_core_but_not_in_ui() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    source = "from PySide6.QtCore import QObject\n\nprint(QObject)\n"

    def check(filename: str) -> str:
        result = subprocess.run(
            [str(ruff), "check", "--no-cache", "--stdin-filename", filename, "-"],
            input=source,
            capture_output=True,
            text=True,
            cwd=REPO,
            check=False,
        )
        return result.stdout

    assert "TID251" in check("argmap/anything.py")
    assert "TID251" not in check("ui/qt/anything.py")
