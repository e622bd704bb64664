"""Argdown as Argdown reads it: YAML front matter and data as YAML reads them, what
Argdown's parser rejects reported with its position, and hand-written titles kept.

Each document is the smallest that shows its construct; the README's conformance table
lists the same constructs and what happens to each.
"""

from __future__ import annotations

import pytest

from argmap.formats._yaml import MAX_DEPTH, YamlError, dump_flow, load, parse_flow
from argmap.formats.argdown import read_argdown, write_argdown
from argmap.formats.argdown_syntax import ArgdownError, parse
from argmap.map.mapfile import MapFileError

# -- front matter and data: YAML -----------------------------------------------------------


def test_front_matter_title_continued_on_an_indented_line() -> None:
    text = """===
title: Should the West talk
  to the Taliban?
model:
    mode: strict # a comment
===

[A]: a
"""
    doc = parse(text)
    assert doc.frontmatter["title"] == "Should the West talk to the Taliban?"
    assert read_argdown(text).map.title == "Should the West talk to the Taliban?"


def test_front_matter_block_scalars_and_core_schema_scalars() -> None:
    text = """===
title: |
  Two
  lines
answers: [yes, no, 2024-05-01, 0x1F, 1.5, ~]
===

[A]: a
"""
    data = parse(text).frontmatter
    assert data["title"] == "Two\nlines\n"
    # YAML 1.2 (Argdown's js-yaml): yes/no and dates stay text; hex is a number
    assert data["answers"] == ["yes", "no", "2024-05-01", 31, 1.5, None]


@pytest.mark.parametrize(
    ("front", "line", "column", "words"),
    [
        ("a: &x [1, 2]\nb: *x\n", 2, 4, "anchor &x"),
        ("a: !!python/object:os.system x\n", 2, 4, "tag !!python/object"),
        ("a: 1\na: 2\n", 3, 1, "duplicate key 'a'"),
        ("a: [1, 2\nb: 3\n", 3, 2, "expected ',' or ']'"),
        ("a: 1\n---\nb: 2\n", 3, 1, "one YAML document"),
    ],
)
def test_front_matter_refuses_what_plain_data_leaves_out(
    front: str, line: int, column: int, words: str
) -> None:
    with pytest.raises(ArgdownError) as caught:
        parse(f"===\n{front}===\n\n[A]: a\n")
    assert words in caught.value.message
    assert (caught.value.line, caught.value.column) == (line, column)


def test_deep_nesting_is_an_error_not_a_recursion_error() -> None:
    block = "\n".join(" " * i + "k:" for i in range(1000))
    with pytest.raises(ArgdownError, match="nested more than 50 levels"):
        parse(f"===\n{block}\n===\n\n[A]: a\n")
    flow = "[" * 1000 + "]" * 1000
    with pytest.raises(ArgdownError, match="front matter"):
        parse(f"===\nk: {flow}\n===\n\n[A]: a\n")
    with pytest.raises(ArgdownError, match="data"):
        parse("[A]: a {k: " + "[" * 1000 + "]" * 1000 + "}\n")
    shallow = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    assert load(f"k: {shallow}") is not None


def test_flow_data_positions_and_round_trip() -> None:
    value = {"note": "a // b <!-- c", "pos": [1.5, -2], "kind": "thesis", "ok": True}
    text = "x " + dump_flow(value) + " tail"
    assert parse_flow(text, 2) == (value, len(text) - len(" tail"))
    with pytest.raises(YamlError) as caught:
        parse_flow("ab\ncd {a: [1, 2}", 6)
    assert caught.value.line == 1 and caught.value.column == 12  # the '}'
    assert parse_flow("{a: it's, b: 'q''s'}") == ({"a": "it's", "b": "q's"}, 20)


def test_statement_data_in_a_block_is_all_yaml() -> None:
    text = "[A]: a {\n  note: >\n    folded\n    note\n  tags: [x, y]\n}\n"
    statement = parse(text).statements["A"]
    assert statement.data == {"note": "folded note\n", "tags": ["x", "y"]}


# -- what Argdown's parser rejects -------------------------------------------------------

ARGUMENT_AS_PREMISE = """<Aid>: Aid buys influence.

<Engage>

(1) <Aid>
(2) [Influence]: Influence helps.
----
(3) [Engage]: Engage the Taliban.
"""


def test_an_argument_as_a_premise_is_read_as_a_support_and_reported() -> None:
    doc = parse(ARGUMENT_AS_PREMISE)
    assert any(w.startswith("line 5, column 5: <Aid> is an argument") for w in doc.warnings)
    # the support of <Engage> by <Aid> moves onto <Engage>'s conclusion, as Argdown draws it
    assert [(r.type, r.source, r.target) for r in doc.relations] == [("support", "Aid", "Engage")]
    assert doc.arguments["Engage"].pcs == [("Influence", "premise"), ("Engage", "main-conclusion")]
    result = read_argdown(ARGUMENT_AS_PREMISE)
    assert any("Argdown allows only statements" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("<B>\n\n(1) [P]: p\n----\n(2) <A>\n", 5, 5, "cannot be the conclusion"),
        ("<B>\n\n(1) [P]: p\n----\n...\n(2) [C]: c\n", 5, 1, "numbered statement"),
        ("<B>\n\n(1) [P]: p\n-- rule --\n  missing\n(2) [C]: c\n", 5, 3, "missing conclusion"),
    ],
)
def test_what_argdown_rejects_and_cannot_be_read_is_an_error(
    text: str, line: int, column: int, words: str
) -> None:
    with pytest.raises(ArgdownError) as caught:
        parse(text)
    assert words in caught.value.message
    assert (caught.value.line, caught.value.column) == (line, column)
    with pytest.raises(MapFileError, match=f"line {line}, column {column}"):
        read_argdown(text, "bad.argdown")


def test_a_list_item_without_a_relation_symbol_is_reported() -> None:
    text = "[A]: a\n  * [B]: b\n    + [C]: c\n"
    doc = parse(text)
    assert doc.warnings and doc.warnings[0].startswith("line 2, column 3: a list item ('*')")
    assert doc.statements["A"].text == "a"  # not "a * [B]: b"
    assert [(r.source, r.target) for r in doc.relations] == [("C", "B")]


def test_one_line_inference_with_rules_and_a_missing_inference() -> None:
    doc = parse("<B>\n\n(1) [P]: p\n-- Modus ponens {uses: [1]} --\n(2) [C]: c\n")
    assert doc.statements["P"].text == "p"  # the inference is not text of (1)
    assert doc.arguments["B"].pcs == [("P", "premise"), ("C", "main-conclusion")]
    assert doc.warnings == []
    doc = parse("<B>\n\n(1) [P]: p\n(2) [C]: c\n")
    assert doc.warnings == [
        "line 4, column 1: no inference ('----') before the last numbered statement; Argdown "
        "rejects a premise-conclusion structure without one; read the last statement as its "
        "conclusion"
    ]
    assert doc.arguments["B"].pcs == [("P", "premise"), ("C", "main-conclusion")]


def test_lists_and_relations_that_argdown_accepts_give_no_warning() -> None:
    text = "* [A]: a\n  + [B]: b\n* [C]: c\n\n[D]: d **bold** *it*\n  - [E]: e\n"
    doc = parse(text)
    assert doc.warnings == []
    assert len(doc.relations) == 2


# -- titles ------------------------------------------------------------------------------


def test_hand_written_titles_survive_argdown_to_argmap_to_argdown() -> None:
    text = (
        "[Engage]: The US should engage the Taliban.\n"
        "  + [Leverage]: Aid gives leverage.\n"
        "  - Isolation works.\n"
        "\n<Talks>: Talks work.\n  +> [Engage]\n"
    )
    amap = read_argdown(text).map
    tags = {c.text: c.tags for c in amap.claims}
    assert "title:Engage" in tags["The US should engage the Taliban."]
    assert "title:Talks" in tags["Talks work."]
    assert not any(t.startswith("title:") for t in tags["Isolation works."])  # no title given
    written = write_argdown(amap)
    assert "[Engage]: The US should engage the Taliban." in written
    assert "[Leverage]: Aid gives leverage." in written
    assert "#(title:" not in written  # the title is the title, not also a visible tag
    again = read_argdown(written).map
    assert {c.id: c.tags for c in again.claims} == {c.id: c.tags for c in amap.claims}
    assert write_argdown(again) == written


def test_a_title_the_writer_would_make_anyway_is_not_tagged() -> None:
    amap = read_argdown("[Aid gives leverage]: Aid gives leverage.\n").map
    assert amap.claims[0].tags == []


def test_a_given_title_never_loses_to_a_made_one() -> None:
    from argmap.map.model import ArgumentMap, Claim

    amap = ArgumentMap(
        claims=[
            Claim(id="a", kind="premise", text="Engage"),
            Claim(id="b", kind="thesis", text="Talk to them.", tags=["title:Engage"]),
        ]
    )
    written = write_argdown(amap)
    assert "[Engage]: Talk to them." in written
    assert "[Engage (2)]: Engage" in written


def test_the_pure_python_parser_reads_and_refuses_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """PyYAML without libyaml (a source build) must give the same data and errors."""
    import yaml

    from argmap.formats import _yaml

    monkeypatch.setattr(_yaml, "_LOADER", yaml.SafeLoader)
    assert load("title: a\n  b\nn: [yes, 1]\n") == {"title": "a b", "n": ["yes", 1]}
    with pytest.raises(YamlError, match="nested more than 50 levels"):
        load("k: " + "[" * 1000 + "]" * 1000)
    with pytest.raises(YamlError, match="alias"):
        load("a: 1\nb: *x\n")
