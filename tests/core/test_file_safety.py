"""Saving and reading under hostile conditions: leftovers of killed saves, symbolic links,
permissions, files that are not files, files above the size limit (issue 18, items 1, 2, 5)."""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.extract.reading import ImportProblem, read_article
from argmap.formats.registry import convert_file, read_map
from argmap.map.mapfile import MapFileError, encode, load, save
from argmap.util.fileio import (
    MAX_READ_BYTES,
    STALE_TEMP_SECONDS,
    FileRefused,
    read_limited,
    remove_stale_temporaries,
)
from tests.core.helpers import small_map

LONG_AGO = time.time() - STALE_TEMP_SECONDS - 60


def _leftover(folder: Path, name: str, age: float = LONG_AGO) -> Path:
    """A file such as a killed save leaves, last modified at ``age``."""
    path = folder / name
    path.write_bytes(b"{half a map")
    os.utime(path, (age, age))
    return path


def _leftovers(tmp_path: Path) -> dict[str, Path]:
    return {
        "stale": _leftover(tmp_path, ".m.argmap.json.a1B2_c3d.tmp"),
        "young": _leftover(tmp_path, ".m.argmap.json.zzzzzzzz.tmp", age=time.time()),
        "other map": _leftover(tmp_path, ".other.argmap.json.a1B2_c3d.tmp"),
        "prefix of another map": _leftover(tmp_path, ".m.argmap.json.bak.a1B2_c3d.tmp"),
        "not eight characters": _leftover(tmp_path, ".m.argmap.json.abc.tmp"),
        "user's file": _leftover(tmp_path, "notes.tmp"),
        "no dot": _leftover(tmp_path, "m.argmap.json.a1B2_c3d.tmp"),
    }


def test_a_save_removes_stale_temporaries_of_its_map_and_nothing_else(tmp_path: Path) -> None:
    files = _leftovers(tmp_path)
    save(small_map(), tmp_path / "m.argmap.json")
    gone = {what for what, path in files.items() if not path.exists()}
    assert gone == {"stale"}
    assert load(tmp_path / "m.argmap.json") == small_map()


def test_opening_a_map_removes_its_stale_temporaries(tmp_path: Path) -> None:
    (tmp_path / "m.argmap.json").write_bytes(encode(small_map()))
    files = _leftovers(tmp_path)
    load(tmp_path / "m.argmap.json")
    assert {what for what, path in files.items() if not path.exists()} == {"stale"}


def test_a_stale_name_that_is_a_link_or_folder_is_left_alone(tmp_path: Path) -> None:
    elsewhere = tmp_path / "keep.txt"
    elsewhere.write_text("keep")
    link = tmp_path / ".m.argmap.json.linklink.tmp"
    link.symlink_to(elsewhere)
    folder = tmp_path / ".m.argmap.json.folderxx.tmp"
    folder.mkdir()
    for path in (link, folder):
        os.utime(path, (LONG_AGO, LONG_AGO), follow_symlinks=False)
    assert remove_stale_temporaries(tmp_path / "m.argmap.json") == []
    assert link.is_symlink() and folder.is_dir() and elsewhere.read_text() == "keep"


def test_a_save_through_a_symbolic_link_updates_the_file_it_points_to(tmp_path: Path) -> None:
    real_folder, link_folder = tmp_path / "real", tmp_path / "links"
    real_folder.mkdir()
    link_folder.mkdir()
    real = real_folder / "m.argmap.json"
    real.write_bytes(b"{}")
    link = link_folder / "m.argmap.json"
    link.symlink_to(os.path.relpath(real, link_folder))  # relative, as `ln -s` often makes
    chained = link_folder / "again.argmap.json"
    chained.symlink_to(link)

    amap = small_map()
    save(amap, chained)

    assert link.is_symlink() and chained.is_symlink()
    assert real.read_bytes() == encode(amap)
    assert sorted(os.listdir(link_folder)) == ["again.argmap.json", "m.argmap.json"]
    assert os.listdir(real_folder) == ["m.argmap.json"]


def test_a_save_through_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "m.argmap.json"
    link.symlink_to("new.argmap.json")
    save(small_map(), link)
    assert link.is_symlink()
    assert load(tmp_path / "new.argmap.json") == small_map()


@pytest.mark.parametrize("mode", [0o640, 0o600, 0o664, 0o444])
def test_a_save_keeps_the_file_permissions(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "m.argmap.json"
    path.write_bytes(b"{}")
    path.chmod(mode)
    save(small_map(), path)
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert load(path) == small_map()


def test_a_new_file_is_readable_by_others_as_editors_make_it(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.json"
    save(small_map(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


# ------------------------------------------------------------------ reading: not a file


def _returns_within(seconds: float, call: Callable[[], object]) -> BaseException | None:
    """Run ``call`` in a thread; fail the test if it is still blocked after ``seconds``."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
            outcome.append(None)
        except BaseException as exc:  # handed back to the test
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, "reading blocked (the FIFO was opened and waited on)"
    return outcome[0]


def _fifo(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    ("name", "reader", "error"),
    [
        ("m.argmap.json", load, MapFileError),
        ("d.argdown", read_map, MapFileError),
        ("g.graphml", read_map, MapFileError),
        ("a.aif.json", read_map, MapFileError),
        ("article.txt", read_article, ImportProblem),
    ],
)
def test_a_named_pipe_is_refused_without_waiting(
    tmp_path: Path, name: str, reader: Callable[[Path], object], error: type[Exception]
) -> None:
    path = _fifo(tmp_path, name)
    failure = _returns_within(10, lambda: reader(path))
    assert isinstance(failure, error)
    assert "not a regular file (a named pipe)" in str(failure)


def test_convert_refuses_a_device_instead_of_reading_it_forever(tmp_path: Path) -> None:
    link = tmp_path / "z.argdown"
    link.symlink_to("/dev/zero")
    out = tmp_path / "o.argmap.json"
    with pytest.raises(MapFileError, match=r"not a regular file \(a device\)"):
        convert_file(link, out)
    assert not out.exists()


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


@pytest.mark.parametrize("name", ["big.argdown", "big.graphml", "big.aif.json", "big.json"])
def test_every_format_reader_applies_the_one_size_limit(tmp_path: Path, name: str) -> None:
    path = _sparse(tmp_path / name, MAX_READ_BYTES + 1)
    with pytest.raises(MapFileError) as info:
        read_map(path)
    assert "above the 200 MB limit" in str(info.value)


def test_the_size_limit_is_said_as_the_readme_says_it(tmp_path: Path) -> None:
    path = _sparse(tmp_path / "big.argmap.json", MAX_READ_BYTES + 1)
    with pytest.raises(MapFileError) as info:
        load(path)
    assert "file is 200 MB, above the 200 MB limit for a map" in str(info.value)
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "200 MB" in readme and "209.7" not in str(info.value)


def test_a_file_of_the_limit_s_own_size_is_read(tmp_path: Path) -> None:
    path = _sparse(tmp_path / "ok.argdown", 1000)
    assert read_limited(path, 1000) == b"\x00" * 1000
    with pytest.raises(FileRefused, match="above the 999 bytes limit"):
        read_limited(path, 999)


# ------------------------------------------------------------------ reading: too many things

MANY = {
    "m.argmap.json": (
        '{"schema_version": 1, "claims": ['
        + ", ".join(f'{{"id": "c{i}", "kind": "premise", "text": "x"}}' for i in range(12))
        + "]}",
        "13 JSON objects, above the limit of 10 for a map",
    ),
    "a.aif.json": (
        '{"nodes": ['
        + ",".join(f'{{"nodeID": "{i}", "type": "I", "text": "x"}}' for i in range(12))
        + '], "edges": []}',
        "13 JSON objects, above the limit of 10 for an AIF file",
    ),
    "g.graphml": (
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>'
        + "".join(f'<node id="n{i}"/>' for i in range(12))
        + "</graph></graphml>",
        "16 XML tags, above the limit of 10 for a GraphML file",
    ),
    "d.argdown": (
        "".join(f"[s{i}]: x\n" for i in range(12)),
        "12 lines, above the limit of 10 for an Argdown file",
    ),
}


@pytest.mark.parametrize("name", MANY)
def test_a_file_of_millions_of_tiny_things_is_refused_before_it_is_built(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """200 MB of tiny claims took minutes and 4 GB; the count is checked on the bytes."""
    from argmap.util import fileio

    monkeypatch.setattr(fileio, "MAX_READ_ITEMS", 10)
    text, message = MANY[name]
    path = tmp_path / name
    path.write_text(text)
    out = tmp_path / "out.argmap.json"
    with pytest.raises(MapFileError, match=message):
        convert_file(path, out)
    assert not out.exists()
    monkeypatch.setattr(fileio, "MAX_READ_ITEMS", 1000)
    assert len(read_map(path).map.claims) >= 1  # within the limit, read
