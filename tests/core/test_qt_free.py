"""The core never imports Qt (nor networkx where no graph is needed)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import argmap
from tests.conftest import REPO


def core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(argmap.__path__, "argmap."))


def test_every_core_module_imports_without_qt() -> None:
    modules = core_modules()
    assert "argmap.model" in modules and "argmap.document" in modules
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
        "from argmap.mapfile import decode, encode\n"
        "from argmap.model import ArgumentMap\n"
        "decode(encode(ArgumentMap(title='x')))\n"
        "print('networkx' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert result.stdout.strip() == "False", result.stderr


def test_ruff_bans_qt_in_the_core() -> None:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"PySide6".msg' in text
