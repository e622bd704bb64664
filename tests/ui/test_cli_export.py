"""``argmap export`` and ``argmap convert`` as a user runs them: whole processes, no display."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from defusedxml import ElementTree as SafeET
from PySide6.QtGui import QImage

from argmap.formats.argdown import write_argdown
from argmap.map.mapfile import load, save
from argmap.map.synthetic import synthetic_map
from tests.conftest import FIXTURES, REPO


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The command line in a child process without DISPLAY or QT_QPA_PLATFORM set."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return subprocess.run(
        [sys.executable, "-m", "ui.cli", *map(str, args)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "debate.argmap.json"
    save(synthetic_map(15, n_authors=3, seed=8), path)
    return path


def test_images_are_exported_with_no_display(map_file: Path, tmp_path: Path) -> None:
    svg, png, pdf = tmp_path / "m.svg", tmp_path / "m.png", tmp_path / "m.pdf"
    for target in (svg, png, pdf):
        done = run("export", map_file, "-o", target)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    assert SafeET.parse(svg).getroot().tag.endswith("svg")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert not QImage(str(png)).isNull()


def test_png_scale_option(map_file: Path, tmp_path: Path) -> None:
    assert run("export", map_file, "-o", tmp_path / "one.png").returncode == 0
    assert run("export", map_file, "-o", tmp_path / "two.png", "--scale", "2").returncode == 0
    one, two = QImage(str(tmp_path / "one.png")), QImage(str(tmp_path / "two.png"))
    assert abs(two.width() - 2 * one.width()) <= 1
    assert abs(two.height() - 2 * one.height()) <= 1


def test_handout_and_title_options(map_file: Path, tmp_path: Path) -> None:
    plain, handout = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert run("export", map_file, "-o", plain).returncode == 0
    assert run("export", map_file, "-o", handout, "--handout", "--title", "Week 4").returncode == 0
    assert handout.read_bytes().count(b"/Type /Page\n") > plain.read_bytes().count(b"/Type /Page\n")


@pytest.mark.parametrize(
    "suffix", [".md", ".dot", ".graphml", ".argdown", ".aif.json", ".argmap.json"]
)
def test_text_exports(map_file: Path, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"out{suffix}"
    done = run("export", map_file, "-o", target)
    assert done.returncode == 0, done.stderr
    assert target.stat().st_size > 100


def test_convert_argdown_to_map_and_back(tmp_path: Path) -> None:
    source = FIXTURES / "argdown" / "tour.argdown"
    target = tmp_path / "tour.argmap.json"
    done = run("convert", source, target)
    assert done.returncode == 0, done.stderr
    amap = load(target)
    assert len(amap.claims) == 7 + 4
    again = tmp_path / "again.argdown"
    assert run("convert", target, again).returncode == 0
    assert run("convert", again, tmp_path / "again.argmap.json").returncode == 0
    assert len(load(tmp_path / "again.argmap.json").claims) == len(amap.claims)


def test_convert_reports_what_did_not_carry_over(tmp_path: Path) -> None:
    source = tmp_path / "u.argdown"
    source.write_text(
        "<A>\n\n(1) p\n----\n(2) c\n  _> <B>\n\n<B>: b\n  + [X]: x\n", encoding="utf-8"
    )
    done = run("convert", source, tmp_path / "u.aif.json")
    assert done.returncode == 0, done.stderr
    assert f"{source}: warning: 1 undercut(s) became attacks" in done.stderr
    assert run("convert", source, tmp_path / "v.aif.json", "-q").stderr == ""


def test_unknown_extension_lists_supported_ones(map_file: Path, tmp_path: Path) -> None:
    done = run("export", map_file, "-o", tmp_path / "x.docx")
    assert done.returncode == 2
    assert "supported extensions:" in done.stderr
    assert ".svg" in done.stderr and ".aif.json" in done.stderr
    assert "Traceback" not in done.stderr
    done = run("convert", tmp_path / "x.pptx", tmp_path / "y.argdown")
    assert done.returncode == 2
    assert ".argdown" in done.stderr


def test_malformed_argdown_exits_1_with_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.argdown"
    bad.write_text("[A]: fine\n  + [B: never closed\n", encoding="utf-8")
    done = run("convert", bad, tmp_path / "bad.argmap.json")
    assert done.returncode == 1
    assert f"{bad}: line 2, column 5: " in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "bad.argmap.json").exists()


def test_missing_input_and_bad_scale(tmp_path: Path, map_file: Path) -> None:
    done = run("export", tmp_path / "nope.argmap.json", "-o", tmp_path / "x.svg")
    assert done.returncode == 1
    assert "no such file" in done.stderr
    assert run("export", map_file, "-o", tmp_path / "x.png", "--scale", "0").returncode == 2


def test_argdown_written_by_argmap_round_trips_through_the_command_line(tmp_path: Path) -> None:
    amap = synthetic_map(10, seed=2)
    source = tmp_path / "s.argdown"
    source.write_text(write_argdown(amap), encoding="utf-8")
    assert run("convert", source, tmp_path / "s.argmap.json").returncode == 0
    back = load(tmp_path / "s.argmap.json")
    assert {c.id: c for c in back.claims} == {c.id: c for c in amap.claims}


def test_a_command_named_like_its_module_gets_a_parser_of_its_own() -> None:
    """``argmap export ...`` registers the export command only (start-up time); the rest,
    and anything mistyped, get the full parser with every command."""
    import pkgutil

    from ui import commands
    from ui.cli import _parser_for, build_parser

    def choices(parser: object) -> set[str]:
        sub = next(a for a in parser._actions if a.dest == "command")  # type: ignore[attr-defined]
        return set(sub.choices)

    every = choices(build_parser())
    modules = {m.name for m in pkgutil.iter_modules(commands.__path__)}
    assert every >= {"export", "convert", "validate", "import"}
    for name in modules:
        expected = {name} if name in every else every
        assert choices(_parser_for([name, "x"])) == expected, name
    for words in ([], ["--help"], ["--version"], ["exprot"], ["import", "a.txt"]):
        assert choices(_parser_for(words)) == every


def test_an_export_imports_no_other_command(tmp_path: Path, map_file: Path) -> None:
    code = (
        "import sys; from ui.cli import main; "
        f"rc = main(['export', {str(map_file)!r}, '-o', {str(tmp_path / 'm.md')!r}]); "
        "print(rc, sorted(m for m in sys.modules if m.startswith('ui.commands.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "0 ['ui.commands.export']"


def test_handout_is_refused_for_anything_but_pdf(map_file: Path, tmp_path: Path) -> None:
    for name in ("m.svg", "m.png", "m.md"):
        done = run("export", map_file, "-o", tmp_path / name, "--handout")
        assert done.returncode == 2
        assert "--handout only applies to PDF" in done.stderr
        assert not (tmp_path / name).exists()


def test_an_unwritable_output_is_reported_before_any_work(map_file: Path, tmp_path: Path) -> None:
    (tmp_path / "folder.svg").mkdir()
    cases = {
        tmp_path / "missing" / "m.svg": "cannot write: no such folder",
        tmp_path / "folder.svg": "is a folder, not a file",
        map_file / "m.png": "is not a folder",
    }
    for target, words in cases.items():
        done = run("export", map_file, "-o", target)
        assert done.returncode == 1, target
        assert f"argmap: {target}: " in done.stderr and words in done.stderr
        assert "QSvgPaintEngine" not in done.stderr and "Traceback" not in done.stderr


def test_an_unwritable_folder_gives_the_operating_systems_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import tempfile

    from ui.commands.export import unwritable

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    assert unwritable(str(tmp_path / "m.svg")) is None
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert unwritable(str(tmp_path / "m.svg")) == "cannot write: Permission denied"


def test_images_are_written_atomically_leaving_nothing_else(map_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in ("m.svg", "m.png", "m.pdf"):
        assert run("export", map_file, "-o", out / name).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["m.pdf", "m.png", "m.svg"]


def test_a_folder_without_an_extension_options_that_do_not_apply_and_an_empty_map(
    map_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    done = run("export", map_file, "-o", folder)
    assert done.returncode == 1 and f"argmap: {folder}: is a folder, not a file" in done.stderr
    done = run("export", map_file, "-o", tmp_path / "m.svg", "--scale", "2")
    assert done.returncode == 0
    assert "note: --scale applies to PNG only; ignored for SVG" in done.stderr
    done = run("export", map_file, "-o", tmp_path / "m.md", "--title", "Mine")
    assert done.returncode == 0
    assert "note: --title applies to images only; ignored for markdown" in done.stderr
    empty = tmp_path / "empty.argmap.json"
    empty.write_text('{"schema_version": 1}\n', encoding="utf-8")
    done = run("export", empty, "-o", tmp_path / "e.png")
    assert done.returncode == 0 and "has no claims; the image shows only its title" in done.stderr


def test_argmaps_own_aif_reads_back_without_a_warning(tmp_path: Path) -> None:
    aif = tmp_path / "debate.aif.json"
    assert run("convert", REPO / "maps" / "afghanistan-debate.argmap.json", aif).returncode == 0
    done = run("convert", aif, tmp_path / "back.argmap.json")
    assert done.returncode == 0 and "warning" not in done.stderr


def test_export_one_view_draws_only_its_part(tmp_path: Path) -> None:
    from argmap.analysis.views import view_claims
    from argmap.map.mapfile import load

    source = Path(__file__).resolve().parents[2] / "maps" / "afghanistan-debate.argmap.json"
    amap = load(source)
    view = next(v for v in amap.views if v.name == "GZERO Media")
    out = tmp_path / "gzero.svg"
    assert run("export", source, "--view", "GZERO Media", "-o", out).returncode == 0
    svg = out.read_text(encoding="utf-8")
    shown = set(re.findall(r'data-id="([^"]+)"', svg))
    claims = {c.id for c in amap.claims}
    assert shown & claims == set(view_claims(amap, view))
    as_map = tmp_path / "gzero.argmap.json"
    assert run("export", source, "--view", view.id, "-o", as_map).returncode == 0
    assert {c.id for c in load(as_map).claims} == set(view_claims(amap, view))


def test_an_unknown_view_is_a_clear_error_naming_the_views(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[2] / "maps" / "afghanistan-debate.argmap.json"
    done = run("export", source, "--view", "Nobody", "-o", tmp_path / "x.png")
    assert done.returncode == 1
    assert "no view called 'Nobody'" in done.stderr and "'GZERO Media'" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "x.png").exists()


def test_views_writes_one_file_per_view(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[2] / "maps" / "afghanistan-debate.argmap.json"
    done = run("export", source, "--views", "-o", tmp_path)
    assert done.returncode == 0, done.stderr
    files = sorted(p.name for p in tmp_path.glob("*.svg"))
    assert len(files) == 12
    assert files[0].startswith("01-engage-or-negotiate") and files[-1] == "12-touqir-hussain.svg"
    single = Path(__file__).resolve().parents[2] / "maps" / "kabul-attacks.argmap.json"
    pngs = tmp_path / "png"  # a new folder is made, as an export makes its file
    assert run("export", single, "--views", "--format", "png", "-o", pngs).returncode == 0
    assert [p.name for p in pngs.glob("*.png")] == ["01-kabul-attacks-op-ed-author-not-named.png"]
    # a map that cannot be read leaves no empty folder behind
    broken = tmp_path / "broken.argmap.json"
    broken.write_text("{", encoding="utf-8")
    assert run("export", broken, "--views", "-o", tmp_path / "none").returncode == 1
    assert not (tmp_path / "none").exists()


def test_a_view_naming_a_missing_claim_is_reported_with_its_json_path(tmp_path: Path) -> None:
    import json

    source = Path(__file__).resolve().parents[2] / "maps" / "kabul-attacks.argmap.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    data["views"] = [{"id": "v", "name": "Broken", "kind": "claims", "claims": ["nowhere"]}]
    bad = tmp_path / "bad.argmap.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    done = run("export", bad, "--view", "Broken", "-o", tmp_path / "x.svg")
    assert done.returncode == 1
    assert f"{bad}: views[0].claims[0]: unknown claim 'nowhere'" in done.stderr
    assert "Traceback" not in done.stderr
