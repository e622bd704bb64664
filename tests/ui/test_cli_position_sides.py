"""``argmap position side``: which side of a question a ground argues."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.analysis.positions import positions_matrix
from argmap.map.mapfile import load, save
from argmap.map.model import ArgumentMap, Author, Claim, Position
from ui.cli import main


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """An author stated mixed with one claim on each side, and nothing recorded yet."""
    amap = ArgumentMap(
        authors=[Author(id="fa", name="Foreign Affairs")],
        claims=[
            Claim(id="threat", kind="recommendation", text="Threaten aid cuts", author="fa"),
            Claim(id="deal", kind="recommendation", text="Settle for small deals", author="fa"),
        ],
        positions=[
            Position(id="pressure", label="Pressure Pakistan?", stances={"fa": "mixed"}, grounds=[])
        ],
    )
    path = tmp_path / "mixed.argmap.json"
    save(amap, path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_sides_make_a_mixed_stance_visible_and_can_be_forgotten(
    capsys: pytest.CaptureFixture[str], mixed: Path
) -> None:
    name = str(mixed)
    code, out, _ = run(capsys, "position", "side", name, "pressure", "threat", "for")
    assert code == 0 and "threat on “Pressure Pakistan?”: argues for" in out
    assert positions_matrix(load(mixed)).cell("pressure", "fa").suggested == "for"
    assert run(capsys, "position", "side", name, "Pressure Pakistan?", "deal", "against")[0] == 0
    position = load(mixed).positions[0]
    assert position.grounds == ["threat", "deal"]  # both became grounds
    assert position.sides == {"threat": "for", "deal": "against"}
    assert positions_matrix(load(mixed)).cell("pressure", "fa").suggested == "mixed"
    code, out, _ = run(capsys, "position", "list", name)
    assert "threat  [for] Threaten aid cuts" in out and "deal  [against] Settle" in out
    before = mixed.read_bytes()
    code, out, _ = run(capsys, "position", "side", name, "pressure", "deal", "against")
    assert code == 0 and "already against; nothing to change" in out
    assert mixed.read_bytes() == before
    code, out, _ = run(capsys, "position", "side", name, "pressure", "deal", "none")
    assert code == 0 and "side forgotten" in out
    assert load(mixed).positions[0].sides == {"threat": "for"}
    assert load(mixed).positions[0].grounds == ["threat", "deal"]  # still a ground


def test_side_names_what_it_cannot_find(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    before = mixed.read_bytes()
    code, _, err = run(capsys, "position", "side", str(mixed), "pressure", "thread", "for")
    assert code == 2 and "no claim 'thread'; did you mean threat?" in err
    code, _, err = run(capsys, "position", "side", str(mixed), "nope", "threat", "for")
    assert code == 2 and "no position 'nope'" in err
    with pytest.raises(SystemExit) as exc:
        main(["position", "side", str(mixed), "pressure", "threat", "maybe"])
    assert exc.value.code == 2
    capsys.readouterr()
    assert mixed.read_bytes() == before
