"""DOT, the Markdown outline and the extension registry."""

from __future__ import annotations

import networkx as nx
import pytest

from argmap.formats.dot import write_dot
from argmap.formats.markdown import outline, write_markdown
from argmap.formats.registry import convert_file, format_for, read_map, supported, write_map
from argmap.map.mapfile import MapFileError, load
from argmap.map.model import ArgumentMap, Author, Claim, Link, Quote, Source
from argmap.map.synthetic import synthetic_map
from tests.conftest import MAPS


def bundled_maps() -> list[ArgumentMap]:
    maps = [load(path) for path in sorted(MAPS.glob("*.argmap.json"))]
    return [*maps, synthetic_map(40, seed=4)]


@pytest.mark.parametrize("amap", bundled_maps(), ids=lambda m: m.title[:30])
def test_dot_reads_back_to_the_same_nodes_and_edges(amap: ArgumentMap, tmp_path) -> None:
    path = tmp_path / "map.dot"
    path.write_text(write_dot(amap), encoding="utf-8")
    graph = nx.nx_agraph.read_dot(str(path))
    assert set(graph.nodes) == {c.id for c in amap.claims}
    assert sorted((a, b, d["kind"]) for a, b, d in graph.edges(data=True)) == sorted(
        (x.from_claim, x.to_claim, x.kind) for x in amap.links
    )
    assert {n: d["kind"] for n, d in graph.nodes(data=True)} == {c.id: c.kind for c in amap.claims}


def small_map() -> ArgumentMap:
    text = "We must talk. Talks ended wars before. Isolation failed."
    return ArgumentMap(
        title="Two op-eds",
        sources=[Source(id="s", title="Talk now", outlet="Daily", authors=["a"], text=text)],
        authors=[Author(id="a", name="Ann Lee"), Author(id="b", name="Bo Kim")],
        claims=[
            Claim(
                id="t",
                kind="thesis",
                text="We must talk",
                author="a",
                source="s",
                quote=Quote(start=0, end=13, text="We must talk."),
            ),
            Claim(
                id="p",
                kind="premise",
                text="Talks ended wars",
                author="a",
                source="s",
                quote=Quote(start=14, end=38, text="Talks ended wars before."),
            ),
            Claim(id="r", kind="recommendation", text="Open a channel", author="a"),
            Claim(id="o", kind="objection", text="Talking rewards them", author="b"),
            Claim(id="e", kind="evidence", text="Isolation failed", author="a"),
        ],
        links=[
            Link(id="l1", kind="support", from_claim="p", to_claim="t"),
            Link(id="l2", kind="attack", from_claim="o", to_claim="t"),
            Link(id="l3", kind="support", from_claim="e", to_claim="t"),
        ],
    )


def test_outline_order_is_thesis_recommendations_premises_objections() -> None:
    authors = outline(small_map())
    assert [a.name for a in authors] == ["Ann Lee", "Bo Kim"]
    assert [title for title, _ in authors[0].sections] == [
        "Thesis",
        "Recommendations",
        "Premises and evidence",
    ]
    premises = dict(authors[0].sections)["Premises and evidence"]
    assert [e.claim.id for e in premises] == ["p", "e"]
    assert premises[0].quote == "Talks ended wars before."
    assert dict(authors[1].sections)["Objections answered"][0].relations == [
        "attacks “We must talk” (Ann Lee)"
    ]


def test_markdown_shows_quotes_under_their_claims() -> None:
    text = write_markdown(small_map())
    assert text.startswith("# Two op-eds\n")
    lines = text.splitlines()
    at = lines.index("- **We must talk**")
    assert lines[at + 1] == "  > “We must talk.”"
    assert lines.index("## Ann Lee") < lines.index("### Thesis") < lines.index("## Bo Kim")
    assert "*Talk now — Daily*" in lines


def test_unknown_extension_lists_the_supported_ones() -> None:
    with pytest.raises(MapFileError) as caught:
        format_for("map.xlsx", "write")
    message = str(caught.value)
    for suffix in (".svg", ".png", ".pdf", ".md", ".dot", ".graphml", ".argdown", ".aif.json"):
        assert suffix in message
    with pytest.raises(MapFileError) as caught:
        format_for("notes.md", "read")
    assert ".argdown" in str(caught.value) and ".md " not in str(caught.value)


def test_longest_suffix_wins() -> None:
    assert format_for("x.aif.json", "read").name == "aif"
    assert format_for("x.argmap.json", "read").name == "argmap"
    assert format_for("X.ARGDOWN", "read").name == "argdown"
    assert ".json" in supported("read") and ".json" not in supported("write")


@pytest.mark.parametrize("suffix", [".argdown", ".aif.json", ".graphml", ".argmap.json"])
def test_every_readable_writer_round_trips_through_files(suffix: str, tmp_path) -> None:
    amap = synthetic_map(25, seed=9)
    path = tmp_path / f"map{suffix}"
    write_map(amap, path)
    back = read_map(path).map
    assert {c.id: (c.kind, c.text, c.author) for c in back.claims} == {
        c.id: (c.kind, c.text, c.author) for c in amap.claims
    }


def test_plain_json_is_recognised_by_content(tmp_path) -> None:
    amap = synthetic_map(5, seed=1)
    write_map(amap, tmp_path / "a.aif.json")
    (tmp_path / "a.json").write_bytes((tmp_path / "a.aif.json").read_bytes())
    assert len(read_map(tmp_path / "a.json").map.claims) == 5
    write_map(amap, tmp_path / "m.argmap.json")
    (tmp_path / "m.json").write_bytes((tmp_path / "m.argmap.json").read_bytes())
    assert read_map(tmp_path / "m.json").map == amap


def test_convert_file_argdown_to_map(tmp_path) -> None:
    source = tmp_path / "d.argdown"
    source.write_text("[A]: a\n  + [B]: b\n", encoding="utf-8")
    assert convert_file(source, tmp_path / "d.argmap.json") == []
    amap = load(tmp_path / "d.argmap.json")
    assert [(x.from_claim, x.to_claim) for x in amap.links] == [("B", "A")]
    with pytest.raises(MapFileError, match="no such file"):
        convert_file(tmp_path / "missing.argdown", tmp_path / "x.argmap.json")


def test_markdown_ends_with_the_positions_table_and_keeps_sources_apart() -> None:
    debate = load(MAPS / "afghanistan-debate.argmap.json")
    text = write_markdown(debate)
    table = text.split("## Positions\n\n", 1)[1].splitlines()
    assert table[0] == "| Position | " + " | ".join(a.name for a in debate.authors) + " |"
    assert len(table) == 2 + len(debate.positions)
    first = debate.positions[0]
    assert table[2] == (
        f"| {first.label} | "
        + " | ".join(first.stances.get(a.id, "—") for a in debate.authors)
        + " |"
    )
    # each source its own paragraph: Markdown would join consecutive lines into one
    gzero = [line for line in text.splitlines() if line.endswith("— GZERO Media*")]
    assert len(gzero) == 5
    lines = text.splitlines()
    for line in gzero:
        assert lines[lines.index(line) + 1] == ""
    assert "build_comparison" not in text  # no maintainer's note in what students read


def test_dot_replaces_control_characters() -> None:
    amap = small_map()
    claim = amap.claims[0].model_copy(update={"text": "bell \x07 and escape \x1b"})
    text = write_dot(amap.model_copy(update={"claims": [claim, *amap.claims[1:]]}))
    assert "\x07" not in text and "\x1b" not in text and "bell \ufffd and" in text
    claim = amap.claims[0].model_copy(update={"text": "two\r\nlines"})
    crlf = write_dot(amap.model_copy(update={"claims": [claim, *amap.claims[1:]]}))
    assert "two\\nlines" in crlf and "\ufffd" not in crlf
