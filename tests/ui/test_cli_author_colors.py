"""New authors get the palette colour most distinct from those in use (issue 15, item 2:
three imported authors came out in the bundled authors' colours), and the palette stays
distinguishable for colour-blind readers."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from argmap.map.colordistance import perceived_distance
from argmap.map.mapfile import load
from argmap.map.palette import AUTHOR_PALETTE, new_author_color
from tests.conftest import MAPS
from ui.cli import main

NAMES = ["Jane Doe", "Omar Farouk", "Li Wei", "Ana Souza", "Kofi Mensah"]


def _article(folder: Path, n: int, name: str) -> Path:
    path = folder / f"oped{n}.txt"
    path.write_text(
        f"Opinion number {n} on trams\n\nBy: {name}\n\n"
        f"The city should build tram line {n} to the airport now. Traffic on road {n} has "
        "doubled since 2015, according to the transport office.\n\n"
        f"Critics claim that tram {n} is too expensive. But the jams cost more every year. "
        f"Therefore the council must fund line {n} in this year's budget.\n",
        encoding="utf-8",
    )
    return path


def test_every_palette_colour_is_told_apart_with_each_colour_deficiency() -> None:
    for a, b in itertools.combinations(AUTHOR_PALETTE, 2):
        assert perceived_distance(a, b) >= 14, (a, b)


def test_new_author_colour_avoids_the_colours_in_use() -> None:
    assert new_author_color([]) == AUTHOR_PALETTE[0]
    used = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00"]
    assert new_author_color(used) not in used
    # a map whose authors took later places of the palette: counting places reused them
    assert new_author_color(AUTHOR_PALETTE[5:]) not in AUTHOR_PALETTE[5:]
    every = list(AUTHOR_PALETTE)
    assert new_author_color([*every, *every[1:]]) == every[0]  # the least used, if all are


def test_five_imported_authors_take_colours_unused_in_the_bundled_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "debate.argmap.json"
    shutil.copy(MAPS / "afghanistan-debate.argmap.json", target)
    bundled = {a.color.lower() for a in load(target).authors}
    files = [str(_article(tmp_path, n, name)) for n, name in enumerate(NAMES)]
    assert main(["import", *files, "--into", str(target)]) == 0
    capsys.readouterr()
    merged = load(target)
    new = [a for a in merged.authors if a.name in NAMES]
    assert len(new) == len(NAMES)
    colours = [a.color.lower() for a in new]
    assert not set(colours) & bundled, colours
    assert len(set(colours)) == len(colours)
    for colour in colours:
        assert min(perceived_distance(colour, b) for b in bundled) >= 14
