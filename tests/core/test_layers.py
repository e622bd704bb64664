"""Packages depend only downwards, in the order the layer tables of the READMEs give.

``argmap/README.md`` and ``ui/README.md`` each hold one table whose rows are packages,
lowest first. A module may import its own package and the ones in the rows above it; an
import of a package in a lower row is a layering violation. Imports are read from the
syntax tree, so an import inside a function or under ``TYPE_CHECKING`` counts as well.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import REPO

_ROW = re.compile(r"^\|\s*`([a-z_.]+)`\s*\|")


def layer_table(readme: Path) -> list[str]:
    """The packages of a README's layer table, lowest first."""
    rows = [
        m.group(1) for line in readme.read_text("utf-8").splitlines() if (m := _ROW.match(line))
    ]
    assert rows, f"{readme}: no layer table"
    return rows


def _package(module: str, layers: list[str]) -> int | None:
    """The row of the layer ``module`` belongs to (the longest matching package)."""
    best: tuple[int, int] | None = None
    for rank, package in enumerate(layers):
        if (module == package or module.startswith(package + ".")) and (
            best is None or len(package) > best[1]
        ):
            best = (rank, len(package))
    return None if best is None else best[0]


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(tree: ast.AST, module: str, is_package: bool) -> list[tuple[int, str]]:
    """Every module named by an import statement, with its line (relative ones resolved)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")
                anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((node.lineno, base))
            # ``from argmap.edit import edits`` names the module argmap.edit.edits
            found.extend((node.lineno, f"{base}.{alias.name}") for alias in node.names)
    return found


def violations(root: Path, top: str, layers: list[str]) -> list[str]:
    """``file:line: A imports B`` for every import of a lower layer under ``root/top``."""
    problems: list[str] = []
    for path in sorted((root / top).rglob("*.py")):
        module = _module_name(path, root)
        own = _package(module, layers)
        if own is None:
            continue
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for line, name in _imports(tree, module, path.name == "__init__.py"):
            other = _package(name, layers)
            if other is not None and other > own:
                where = path.relative_to(root)
                problems.append(f"{where}:{line}: {layers[own]} imports {layers[other]} ({name})")
    return sorted(set(problems))


def test_core_packages_depend_only_downwards() -> None:
    layers = layer_table(REPO / "argmap" / "README.md")
    assert layers[:2] == ["argmap.util", "argmap.map"]
    assert violations(REPO, "argmap", layers) == []


def test_app_packages_depend_only_downwards() -> None:
    layers = layer_table(REPO / "ui" / "README.md")
    assert "ui.qt.canvas" in layers and "ui.qt.features" in layers
    assert violations(REPO, "ui", layers) == []


def test_every_core_and_app_package_is_in_its_table() -> None:
    core = {p.parent.name for p in (REPO / "argmap").glob("*/__init__.py")}
    assert {f"argmap.{name}" for name in core} == set(layer_table(REPO / "argmap" / "README.md"))
    app = {f"ui.qt.{p.parent.name}" for p in (REPO / "ui" / "qt").glob("*/__init__.py")}
    assert app <= set(layer_table(REPO / "ui" / "README.md"))


def test_an_import_of_a_higher_layer_is_reported(tmp_path: Path) -> None:
    """The checker itself: a map module reaching up into drawing, inside a function."""
    (tmp_path / "pkg" / "map").mkdir(parents=True)
    (tmp_path / "pkg" / "drawing").mkdir()
    (tmp_path / "pkg" / "map" / "model.py").write_text(
        "def f():\n    from pkg.drawing import layout\n", encoding="utf-8"
    )
    (tmp_path / "pkg" / "drawing" / "layout.py").write_text(
        "from pkg.map.model import f\nfrom ..map import model\n", encoding="utf-8"
    )
    layers = ["pkg.map", "pkg.drawing"]
    assert violations(tmp_path, "pkg", layers) == [
        "pkg/map/model.py:2: pkg.map imports pkg.drawing (pkg.drawing)",
        "pkg/map/model.py:2: pkg.map imports pkg.drawing (pkg.drawing.layout)",
    ]
