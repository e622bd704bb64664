"""Hostile files give a message saying what and where, never an internal error (issue 18,
items 5 and 7): GraphML nodes with an empty id, Argdown data nested a thousand deep, text
that is not Unicode (lone surrogates spelt as escapes), bad UTF-8 in GraphML."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from argmap.formats.argdown_text import MAX_DATA_DEPTH
from argmap.formats.registry import convert_file, read_map
from argmap.map.mapfile import MapFileError, load, save
from argmap.map.model import ArgumentMap

GRAPHML_HEAD = (
    '<?xml version="1.0"?>\n'
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
    '<key id="t" for="node" attr.name="tags"/><key id="l" for="node" attr.name="label"/>'
    '<key id="g" for="graph" attr.name="argmap"/>'
    '<graph edgedefault="directed">\n'
)


def _error(path: Path) -> str:
    """The message of converting ``path`` to a map, which must fail cleanly."""
    out = path.with_name("out.argmap.json")
    with pytest.raises(MapFileError) as info:
        convert_file(path, out)
    assert not out.exists()
    text = str(info.value)
    assert text.startswith(str(path)) and "Traceback" not in text
    return text


def test_a_graphml_node_with_an_empty_id_is_read(tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    path.write_text(
        GRAPHML_HEAD + '<node id=""/><node id="b"><data key="l">B</data></node>\n'
        '<edge source="" target="b"/></graph></graphml>\n'
    )
    amap = read_map(path).map
    assert [c.text for c in amap.claims] == ["n", "B"]
    assert [(x.from_claim, x.to_claim) for x in amap.links] == [("n", "b")]


def test_bad_utf8_in_graphml_gives_the_column_once(tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    path.write_bytes(b'<?xml version="1.0"?>\n<graphml>\n <graph>\n   <node id="a\xff"/>\n')
    text = _error(path)
    assert text.count("column") == 1, text
    assert re.search(r": line 4, column 15: not well-formed XML: [^:]*\(invalid token\)$", text)


NESTINGS = {
    "front matter, block": "===\n"
    + "".join("  " * i + f"k{i}:\n" for i in range(1000))
    + "  " * 1000
    + "x: 1\n===\n\n[A]: text\n",
    "front matter, flow": "===\na: " + "[" * 1000 + "]" * 1000 + "\n===\n\n[A]: text\n",
    "data, flow mappings": "[A]: text {a: " + "{b: " * 1000 + "1" + "}" * 1000 + "}\n",
    "data, flow lists": "[A]: text {a: " + "[" * 1000 + "]" * 1000 + "}\n",
    "data, block": "[A]: text {\n"
    + "".join("  " * i + f"k{i}:\n" for i in range(1000))
    + "  " * 1000
    + "x: 1\n}\n",
    "data, very deep": "[A]: text {a: " + "[" * 100_000 + "]" * 100_000 + "}\n",
}


@pytest.mark.parametrize("text", NESTINGS.values(), ids=NESTINGS.keys())
def test_argdown_data_nested_deep_is_refused_with_a_message(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.argdown"
    path.write_text(text)
    message = _error(path)
    assert re.search(
        rf"line \d+, column \d+: (front matter|data):? (nested more than {MAX_DATA_DEPTH}"
        r"|exceeded maximum nesting depth)",
        message,
    )
    with pytest.raises(MapFileError, match=r"nested more than|maximum nesting depth"):
        read_map(path)  # the export's way in, too


@pytest.mark.parametrize("where", ["data", "front matter"])
def test_argdown_data_one_level_past_the_limit_is_refused(tmp_path: Path, where: str) -> None:
    """Deep enough to be refused, shallow enough for the parser's recursion: the depth
    limit itself, not a RecursionError, refuses it."""
    depth = MAX_DATA_DEPTH  # with the braces' own mapping (or front matter's), one too many
    nested = "[" * depth + "]" * depth
    text = (
        f"[A]: text {{a: {nested}}}\n" if where == "data" else f"===\na: {nested}\n===\n\n[A]: x\n"
    )
    path = tmp_path / "deep.argdown"
    path.write_text(text)
    assert re.search(rf"{where}:? nested more than {MAX_DATA_DEPTH} levels deep", _error(path))


def test_argdown_data_nested_to_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.argdown"
    depth = MAX_DATA_DEPTH - 1  # the braces' own mapping is one level
    path.write_text("[A]: text {a: " + "[" * depth + "]" * depth + "}\n")
    assert [c.text for c in read_map(path).map.claims] == ["text"]


SURROGATES = {
    "s.argdown": '[A]: text {note: "x\\ud800"}\n',
    "s.graphml": GRAPHML_HEAD + '<node id="a"><data key="t">["x\\ud800"]</data></node>'
    "</graph></graphml>\n",
    "meta.graphml": GRAPHML_HEAD + '<data key="g">{"sources": [{"id": "s", "text": "\\udc00"}]}'
    "</data></graph></graphml>\n",
}


@pytest.mark.parametrize("name", SURROGATES)
@pytest.mark.parametrize("target", ["out.argmap.json", "out.graphml", "out.argdown"])
def test_text_that_is_not_unicode_is_refused_with_its_place(
    tmp_path: Path, name: str, target: str
) -> None:
    path = tmp_path / name
    path.write_text(SURROGATES[name])
    with pytest.raises(MapFileError) as info:
        convert_file(path, tmp_path / target)
    message = str(info.value)
    # the place: a JSON path where the text is built, or the line and column where the
    # YAML of an Argdown data block spells the escape
    assert re.search(
        r": (claims\[0\]\.note|claims\[0\]\.tags\[0\]|sources\[0\]\.text): text with a lone surrogate"
        r"|: line 1, column \d+: data: found invalid Unicode character escape",
        message,
    ), message
    assert not (tmp_path / target).exists()


def test_saving_text_that_is_not_unicode_is_a_map_file_error(tmp_path: Path) -> None:
    """The last line of defence (Save, autosave): a clear error, not a serializer's."""
    amap = ArgumentMap.model_construct(
        title="x\ud800", description="", sources=[], authors=[], claims=[], links=[], positions=[]
    )
    path = tmp_path / "m.argmap.json"
    with pytest.raises(
        MapFileError, match=r"m\.argmap\.json: title: text with a lone surrogate \(U\+D800"
    ):
        save(amap, path)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(MapFileError):
        load(path)


def test_one_line_in_pieces_collapses_whitespace_as_a_whole_split_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 200 MB Argdown line was split into 66 million words at once (5 GB); long texts
    are now collapsed a piece at a time, or returned as they are when already one line."""
    from argmap.formats import _common

    rng = random.Random(18)
    spaces = [" ", "  ", "\t", "\n", "\u2028", "\xa0", "\u3000", "\x1f"]
    for _ in range(300):
        monkeypatch.setattr(_common, "_ONE_LINE_CHUNK", rng.randint(1, 40))
        text = "".join(rng.choice(["ab", "c", "\x01", *spaces]) for _ in range(rng.randint(0, 200)))
        assert _common.one_line(text) == " ".join(text.split()), repr(text)
    monkeypatch.setattr(_common, "_ONE_LINE_CHUNK", 100)
    collapsed = "word " * 100 + "end"
    assert _common.one_line(collapsed) is collapsed  # nothing to do, nothing copied


def test_brace_balance_counts_only_braces_outside_quotes() -> None:
    from argmap.formats.argdown_text import brace_balance

    assert brace_balance("[A]: x {a: 1") == 1
    assert brace_balance("[A]: x {a: '}' , b: \"{{\"}") == 0
    assert brace_balance("}} it's {") == -1  # a quote before any brace is text
    assert brace_balance("[" * 100_000 + "{") == 1
