"""The interactive page (``argmap export MAP -o debate.html``): one self-contained file that
works offline, checked in a real browser (Debian's chromium, headless).

The page checks itself when opened with ``#selftest`` (every card drawn, a click showing the
card's quote, an author filter, a view's steps, zoom) and writes the result into the page;
chromium's ``--dump-dom`` hands that back, and its log carries every console message.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from argmap.map.mapfile import load
from tests.conftest import MAPS
from ui.cli import main

COMPARISON = MAPS / "afghanistan-debate.argmap.json"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # any request for the network would fail
    "--enable-logging=stderr",
    "--v=0",
    "--virtual-time-budget=8000",
]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "debate.html"
    assert main(["export", str(COMPARISON), "-o", str(out), "-q"]) == 0
    return out


def test_the_page_is_one_file_that_needs_no_network(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|@import|url\(\s*['\"]?http", text)
    assert "default-src 'none'" in text  # the page itself forbids fetching anything
    amap = load(COMPARISON)
    data = json.loads(
        re.search(r'<script type="application/json" id="map-data">(.*?)</script>', text, re.S)
        .group(1)  # type: ignore[union-attr]
        .replace("<\\/", "</")
    )
    assert set(data["claims"]) == {c.id for c in amap.claims}
    assert [v["id"] for v in data["views"]] == [v.id for v in amap.views]


def _browse(url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [BROWSER, *FLAGS, f"--user-data-dir={profile}", *extra, url],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


@pytest.mark.skipif(
    BROWSER is None,
    reason="chromium is not installed: the page is not checked in a browser "
    "(apt-get install chromium; make test installs it when run as root)",
)
def test_the_page_loads_without_errors_shows_every_card_and_responds(page: Path) -> None:
    done = _browse(page.as_uri() + "#selftest", "--dump-dom")
    found = re.search(r'<pre id="selftest-result">(.*?)</pre>', done.stdout, re.S)
    assert found, done.stderr[-2000:]
    result = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [] and result["errors"] == []
    amap = load(COMPARISON)
    assert result["cards"] == result["claims"] == len(amap.claims)  # every card is shown
    assert result["drawn"] is True
    assert result["click"] is True  # a click shows the card's text and quote
    assert result["hiddenByAuthor"] == result["ofAuthor"] > 0  # an author's cards hide
    first = amap.views[0]
    assert (result["viewStep1"], result["viewStep2"], result["viewBack"]) == (1, 2, 1)
    assert result["viewSteps"] == len(first.steps)
    assert result["zoomed"] is True


@pytest.mark.skipif(BROWSER is None, reason="chromium is not installed (apt-get install chromium)")
def test_a_screenshot_of_the_page_is_not_blank(page: Path, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    shot = tmp_path / "page.png"
    _browse(page.as_uri(), f"--screenshot={shot}", "--window-size=1280,720")
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 720)
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(60, 720, 16)}
    assert len(colours) > 20  # cards in their kinds' colours, not an empty page
