"""``argmap-gui MAP --screenshot FILE.png``: a picture of the real window, with no display.

Run as a separate process, as a user or CI would, with the feature modules installed. The
picture is probed for pixels that only appear when the window really shows the map: the
article's quotes in their kind colours and the canvas' cards.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from argmap.map.palette import KIND_FILL
from tests.conftest import MAPS, REPO
from ui.app import build_parser

BUNDLED = sorted(MAPS.glob("*.argmap.json"))


def _run(*args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), **extra_env}
    env.pop("QT_QPA_PLATFORM", None)  # --screenshot must choose offscreen by itself
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "ui.app", *args],
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _colours(image: QImage, step: int = 3) -> set[str]:
    return {
        QColor(image.pixel(x, y)).name()
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    }


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_screenshot_of_every_bundled_map(path: Path, tmp_path: Path) -> None:
    target = tmp_path / "shot.png"
    result = _run(str(path), "--screenshot", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no warnings printed
    assert result.stdout.strip() == f"argmap-gui: saved {target} (1600x1000)"
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1600, 1000)
    colours = _colours(image)
    fills = {KIND_FILL[k] for k in KIND_FILL}
    assert len(fills & colours) >= 2  # quotes and cards in at least two kind colours


def test_screenshot_size_option(tmp_path: Path) -> None:
    target = tmp_path / "small.png"
    result = _run(str(BUNDLED[0]), "--screenshot", str(target), "--size", "1200x800")
    assert result.returncode == 0, result.stderr
    assert (QImage(str(target)).width(), QImage(str(target)).height()) == (1200, 800)


def test_high_dpi_screenshot_has_device_pixels(tmp_path: Path) -> None:
    """At 200 % the window keeps its layout and renders twice the pixels, sharply."""
    target = tmp_path / "hidpi.png"
    result = _run(
        str(BUNDLED[0]), "--screenshot", str(target), "--size", "800x500", QT_SCALE_FACTOR="2"
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1600, 1000)
    assert len(_colours(image) & set(KIND_FILL.values())) >= 2


def test_bad_map_prints_the_cli_message_and_fails(tmp_path: Path) -> None:
    bad = tmp_path / "broken.argmap.json"
    bad.write_text('{"schema_version": 1, "claims": [')
    result = _run(str(bad), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 1
    cli = subprocess.run(
        [sys.executable, "-m", "ui.cli", "validate", str(bad)],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
        capture_output=True,
        text=True,
    )
    assert cli.stdout.strip() and result.stderr.strip() == cli.stdout.strip()
    assert not (tmp_path / "x.png").exists()


def test_unwritable_screenshot_fails_cleanly(tmp_path: Path) -> None:
    result = _run(str(BUNDLED[0]), "--screenshot", str(tmp_path / "no" / "such" / "x.png"))
    assert result.returncode == 1
    assert "cannot write" in result.stderr
    assert "Traceback" not in result.stderr


def test_parser_takes_an_optional_map() -> None:
    args = build_parser().parse_args([])
    assert args.map is None and args.screenshot is None
    args = build_parser().parse_args(["m.argmap.json", "--screenshot", "s.png"])
    assert (args.map, args.screenshot) == ("m.argmap.json", "s.png")


@pytest.mark.parametrize("name", ["x.xyz", "noextension"])
def test_unsupported_screenshot_extension_is_refused_with_the_supported_ones(
    tmp_path: Path, name: str
) -> None:
    result = _run(str(BUNDLED[0]), "--screenshot", str(tmp_path / name))
    assert result.returncode == 2
    assert result.stderr.startswith("argmap-gui: --screenshot: cannot write ")
    assert all(f".{fmt}," in result.stderr for fmt in ("bmp", "jpg", "png"))
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_with_no_display_the_app_stops_with_a_hint_instead_of_a_qt_abort() -> None:
    """With no display Qt aborted with "libxcb-cursor0 is needed… Reinstalling the
    application may fix this problem" (issue 15, item 13): the app says what to do."""
    done = _run(str(MAPS / "afghanistan-debate.argmap.json"))
    assert done.returncode == 2
    assert "no display" in done.stderr and "--screenshot" in done.stderr
    assert "Reinstalling" not in done.stderr and "xcb" not in done.stderr


def test_make_run_with_no_display_stops_after_its_hint(tmp_path: Path) -> None:
    """``make run`` printed the hint and started the app anyway; it now exits non-zero
    (``-n`` would not run the recipe's shell test, so the recipe's lines are run, with
    the setup and the app replaced by stand-ins that record being started)."""
    import shutil as _shutil

    make = _shutil.which("make")
    assert make is not None, "make runs the tests (make test), so it is installed"
    started = tmp_path / "started"
    fake = tmp_path / "bin"
    fake.mkdir()
    gui = fake / "argmap-gui"
    gui.write_text(f"#!/bin/sh\ntouch '{started}'\n")
    gui.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [make, "-s", "-C", str(REPO), "run", f"BIN={fake}", "setup=", "-o", "setup"],
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "No display found" in done.stdout + done.stderr
    assert not started.exists()
