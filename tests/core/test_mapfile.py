"""Bad files give one clear error each, never a crash; saving is atomic."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from argmap.map import mapfile
from argmap.map.mapfile import MapFileError, load, save
from argmap.map.migrate import migrate
from argmap.map.model import SCHEMA_VERSION
from argmap.map.schema import schema_text
from argmap.util import fileio
from tests.conftest import REPO
from tests.core.helpers import small_map


def error_of(path: Path, **kwargs: Any) -> str:
    with pytest.raises(MapFileError) as info:
        load(path, **kwargs)
    text = str(info.value)
    assert text.startswith(str(path)), text
    assert "Traceback" not in text
    return text


def write(tmp_path: Path, data: bytes, name: str = "m.argmap.json") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_empty_file(tmp_path: Path) -> None:
    assert "the file is empty" in error_of(write(tmp_path, b""))


def test_truncated_json_names_line_and_column(tmp_path: Path) -> None:
    good = mapfile.encode(small_map())
    text = error_of(write(tmp_path, good[: len(good) // 2]))
    assert "invalid JSON" in text
    assert "line " in text and "column " in text


def test_syntax_error_position_is_exact(tmp_path: Path) -> None:
    text = error_of(write(tmp_path, b'{\n  "schema_version": 1,\n  "title": "x",,\n}'))
    assert ": line 3, column 16: invalid JSON" in text


def test_binary_garbage(tmp_path: Path) -> None:
    text = error_of(write(tmp_path, bytes(range(256)) * 4))
    assert "binary data" in text or "not UTF-8" in text


def test_non_utf8_names_the_byte(tmp_path: Path) -> None:
    text = error_of(write(tmp_path, '{"title": "caf\u00e9"}'.encode("latin-1")))
    assert "not UTF-8 text (byte 0xe9 at offset 14)" in text
    assert "line 1, column 15" in text


def test_wrong_top_level_type(tmp_path: Path) -> None:
    assert "expected a JSON object at the top level, found list" in error_of(
        write(tmp_path, b"[1, 2]")
    )


def test_wrong_types(tmp_path: Path) -> None:
    data = small_map().model_dump(mode="json")
    data["claims"][0]["tags"] = "not a list"
    assert "claims[0].tags: Input should be a valid array" in error_of(
        write(tmp_path, json.dumps(data).encode())
    )


def test_unknown_key(tmp_path: Path) -> None:
    data = small_map().model_dump(mode="json")
    data["clams"] = []
    assert "clams: unknown key" in error_of(write(tmp_path, json.dumps(data).encode()))


def test_dangling_link_and_duplicate_ids_and_quote_mismatch(tmp_path: Path) -> None:
    data = small_map().model_dump(mode="json")
    data["links"][0]["to_claim"] = "gone"
    data["claims"][1]["id"] = "t"
    data["claims"][0]["quote"]["text"] = "W" * len(data["claims"][0]["quote"]["text"])
    text = error_of(write(tmp_path, json.dumps(data).encode()))
    assert "links[0].to_claim: unknown claim 'gone' (dangling link)" in text
    assert "claims[1].id: duplicate id 't'" in text
    assert "claims[0].quote: claim 't': quote text" in text


@pytest.mark.parametrize("versioned", [True, False])
def test_deeply_nested_arrays_do_not_recurse(tmp_path: Path, versioned: bool) -> None:
    depth = 100_000
    head = b'{"schema_version": 1, "title": ' if versioned else b'{"title": '
    path = write(tmp_path, head + b"[" * depth + b"]" * depth + b"}")
    assert error_of(path).endswith(": invalid map: JSON nested too deeply")


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, b" " * 3000 + mapfile.encode(small_map()))
    text = error_of(path, max_bytes=2048)
    size = path.stat().st_size / 1000
    assert f"file is {size:.1f} kB, above the 2 kB limit for a map" in text


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "no such file" in error_of(tmp_path / "nope.argmap.json")
    assert "is a folder" in error_of(tmp_path)


def test_newer_format_is_refused_with_a_reason(tmp_path: Path) -> None:
    data = small_map().model_dump(mode="json")
    data["schema_version"] = SCHEMA_VERSION + 1
    assert "written by a newer argmap" in error_of(write(tmp_path, json.dumps(data).encode()))


def test_version_0_is_migrated(tmp_path: Path) -> None:
    data = small_map().model_dump(mode="json")
    del data["schema_version"]
    for link in data["links"]:
        link["from"] = link.pop("from_claim")
        link["to"] = link.pop("to_claim")
    loaded = load(write(tmp_path, json.dumps(data).encode()))
    assert loaded == small_map()


def test_migrate_rejects_a_non_integer_version() -> None:
    with pytest.raises(ValueError, match="whole number"):
        migrate({"schema_version": "1"})


def test_saved_file_is_pretty_stable_and_utf8(tmp_path: Path) -> None:
    amap = small_map()
    amap.title = "Über die Taliban — ein Überblick"
    path = tmp_path / "m.argmap.json"
    save(amap, path)
    first = path.read_bytes()
    save(load(path), path)
    assert path.read_bytes() == first
    text = first.decode("utf-8")
    assert text.startswith('{\n  "schema_version": 2,\n  "title": "Über die Taliban')
    assert text.endswith("}\n")
    assert [line for line in text.splitlines() if line.startswith('  "')][:3] == [
        '  "schema_version": 2,',
        '  "title": "Über die Taliban — ein Überblick",',
        '  "sources": [',
    ]


def test_failed_save_leaves_the_old_file_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.argmap.json"
    save(small_map(), path)
    before = path.read_bytes()
    changed = small_map()
    changed.title = "changed"

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", disk_full)
    with pytest.raises(MapFileError, match="cannot save: No space left on device"):
        save(changed, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.argmap.json"]


def test_save_interrupted_by_an_exception_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.argmap.json"
    save(small_map(), path)
    before = path.read_bytes()

    def killed(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(fileio.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        save(small_map(), path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["m.argmap.json"]


def test_save_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(MapFileError, match="cannot save"):
        save(small_map(), tmp_path / "no" / "such" / "m.argmap.json")


def test_published_schema_is_current() -> None:
    committed = (REPO / "resources" / "argmap.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: argmap schema -o resources/argmap.schema.json"


def test_schema_describes_the_file() -> None:
    schema = json.loads(schema_text())
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == {
        "schema_version",
        "title",
        "description",
        "sources",
        "authors",
        "claims",
        "links",
        "positions",
        "views",
    }
    kinds = schema["$defs"]["Claim"]["properties"]["kind"]["enum"]
    assert kinds == ["thesis", "premise", "recommendation", "evidence", "objection"]


def test_misspelt_key_is_reported_once_with_the_intended_name(tmp_path: Path) -> None:
    data = small_map().model_dump(mode="json")
    data["links"][0]["from_clam"] = data["links"][0].pop("from_claim")
    data["claims"][2]["colour"] = "red"
    data["titel"] = data.pop("title")
    text = error_of(write(tmp_path, json.dumps(data).encode()))
    lines = text.splitlines()
    assert any(
        line.endswith(
            "links[0].from_clam: unknown key (not part of the argmap format; did you mean 'from_claim'?)"
        )
        for line in lines
    )
    assert not any("links[0].from_claim: required key is missing" in line for line in lines)
    assert any(
        line.endswith(
            "claims[2].colour: unknown key (not part of the argmap format; check the spelling)"
        )
        for line in lines
    )
    assert any(
        line.endswith("titel: unknown key (not part of the argmap format; did you mean 'title'?)")
        for line in lines
    )
    assert len(lines) == 3


def test_drifted_quotes_come_with_the_command_that_repairs_them(tmp_path: Path) -> None:
    data = small_map().model_dump(mode="json")
    data["sources"][0]["text"] = "Note. " + data["sources"][0]["text"]
    path = write(tmp_path, json.dumps(data).encode())
    text = error_of(path)
    assert "claims[0].quote: claim 't': quote text" in text
    assert (
        text.splitlines()[-1]
        == f"hint: quotes that no longer match their source can be re-anchored: argmap quote fix {path}"
    )


@pytest.mark.parametrize(
    ("content", "named"),
    [
        (
            b"[Talks]: Washington should talk to the Taliban.\n  <+ [Peace]: Talks end wars.\n",
            "a text file (Argdown",
        ),
        (b"# Debate\n\n<Argument>: talk\n", "a text file (Argdown"),
        (b"<Argument>: talk\n", "a text file (Argdown"),
        (b'{"nodes": [], "edges": []}', "an AIF file"),
        (b'<?xml version="1.0"?><graphml></graphml>', "an XML file (GraphML?)"),
    ],
)
def test_interchange_formats_are_named_with_the_command_that_reads_them(
    tmp_path: Path, content: bytes, named: str
) -> None:
    path = write(tmp_path, content, "debate.other")
    text = error_of(path)
    assert f": this is {named}" in text
    assert text.splitlines()[-1] == f"hint: read it with: argmap convert {path} OUT.argmap.json"


def test_a_position_that_is_not_a_finite_number_is_refused(tmp_path: Path) -> None:
    """JSON readers accept NaN and 1e999; a card there can be neither drawn nor laid out,
    so the loader says where the bad number is instead of an export crashing later."""
    from tests.conftest import MAPS

    data = json.loads((MAPS / "ct-leverage.argmap.json").read_text(encoding="utf-8"))
    for bad in ("NaN", "1e999", "-Infinity"):
        data["claims"][0]["pos"] = {"x": 1.0, "y": 2.0}
        text = json.dumps(data).replace('"pos": {"x": 1.0', f'"pos": {{"x": {bad}', 1)
        path = tmp_path / "bad.argmap.json"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(MapFileError) as failed:
            load(path)
        assert "claims[0].pos.x" in str(failed.value) and "finite" in str(failed.value)
