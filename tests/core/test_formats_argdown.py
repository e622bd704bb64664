"""Argdown import and export, checked against what Argdown's own command line finds.

The expected numbers and relations below were produced by ``argdown json`` (@argdown/cli
1.7.5 from npm, Node 20) on the fixture documents in ``tests/fixtures/argdown/``, which
were written for argmap and exercise the same syntax as Argdown's documentation.

Measured the same way on Argdown's own example files (not copied here; their licence is
not stated next to them), argmap's parser found the same statements, arguments and
relations, title for title:

==============================================================  ==========  =========  =========
document (argdown/argdown repository)                           statements  arguments  relations
==============================================================  ==========  =========  =========
sandbox/examples/argdown-primer.argdown                                 17          4         10
packages/argdown-core/test/intro.argdown                                12          5          7
packages/argdown-cli/test/test.argdown                                   3          0          2
docs/syntax (25 cheat-sheet examples: titles, references,
mentions, YAML data (inline and block), argument definitions,
pcs with collapsed and expanded inferences, relation trees and
cycles, directions, loose and strict mode, derived relations,
undercuts of inferences, headings, lists, comments, shortcodes)    all equal  all equal  all equal
the op-ed example of the format notes                                    4          2          3
==============================================================  ==========  =========  =========
"""

from __future__ import annotations

import pytest

from argmap.formats.argdown import argdown_to_map_json, read_argdown, write_argdown
from argmap.formats.argdown_syntax import ArgdownError, parse
from argmap.map.mapfile import MapFileError, encode, load
from argmap.map.model import ArgumentMap
from argmap.map.synthetic import synthetic_map
from tests.conftest import FIXTURES, MAPS
from tests.core.test_formats_graphml import with_proposals

ARGDOWN = FIXTURES / "argdown"

EXPECTED = {
    "tour.argdown": (
        7,
        4,
        {
            ("attack", "Already recognised", "Isolation works"),
            ("attack", "Already recognised", "Legitimacy"),
            ("attack", "Isolation works", "Engage"),
            ("attack", "Legitimacy", "Engage"),
            ("support", "Aid flows", "Havens"),
            ("support", "Leverage through aid", "Engage"),
            ("support", "Pakistan lever", "Engage"),
            ("support", "Untitled 1", "Engage"),
            ("undercut", "Pakistan lever", "Leverage through aid"),
        },
    ),
    "reconstruction.argdown": (
        14,
        5,
        {
            ("attack", "No havens needed", "Untitled 1"),
            ("attack", "Talks", "Isolation"),
            ("support", "Talks", "Engage"),
            ("undercut", "Corruption", "Aid argument"),
            ("undercut", "Untitled 9", "Aid argument"),
        },
    ),
    "strict.argdown": (
        6,
        1,
        {
            ("contradictory", "Expensive", "Free"),
            ("contrary", "Expensive", "Cheap"),
            ("contrary", "Savings", "Expensive"),
            ("entails", "Expensive", "Cuts"),
            ("entails", "Figures", "Expensive"),
            ("support", "Costly", "Expensive"),
        },
    ),
}


def bundled_maps() -> list[ArgumentMap]:
    """Every curated map plus a synthetic one, so the tests mean something without maps/."""
    maps = [load(path) for path in sorted(MAPS.glob("*.argmap.json"))]
    return [*maps, with_proposals(synthetic_map(60, with_positions=True, seed=7))]


def essentials(amap: ArgumentMap) -> tuple[object, ...]:
    """What every round trip must keep: claims with kind, text and author; links; authors."""
    return (
        {c.id: (c.kind, c.text, c.author) for c in amap.claims},
        sorted((x.from_claim, x.to_claim, x.kind) for x in amap.links),
        [(a.id, a.name, a.color) for a in amap.authors],
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_same_statements_arguments_relations_as_argdown_cli(name: str) -> None:
    statements, arguments, relations = EXPECTED[name]
    doc = parse((ARGDOWN / name).read_text(encoding="utf-8"))
    assert len(doc.statements) == statements
    assert len(doc.arguments) == arguments
    assert {(r.type, r.source, r.target) for r in doc.relations} == relations
    assert len(doc.relations) == len(relations)


def test_import_turns_arguments_and_relations_into_claims_and_links() -> None:
    result = read_argdown((ARGDOWN / "reconstruction.argdown").read_text(encoding="utf-8"))
    amap = result.map
    assert result.counts == {"statements": 14, "arguments": 5, "relations": 5}
    assert len(amap.claims) == 14 + 5
    ids = {c.text: c.id for c in amap.claims}
    links = {(x.from_claim, x.to_claim, x.kind, x.note) for x in amap.links}
    # premises support their argument, the argument supports its main conclusion
    havens, argument = (
        ids["The Taliban rely on havens in Pakistan."],
        ids["Closing the havens forces talks."],
    )
    assert (havens, argument, "support", "") in links
    talks = ids["The Taliban would come to the table."]
    assert (argument, talks, "support", "") in links
    # an undercut has no argmap twin: an attack, noted as such
    assert any(kind == "attack" and note == "undercut" for _, _, kind, note in links)


def test_strict_mode_symmetric_relations_become_attacks_both_ways() -> None:
    amap = read_argdown((ARGDOWN / "strict.argdown").read_text(encoding="utf-8")).map
    text = {c.id: c.text for c in amap.claims}
    pairs = {(text[x.from_claim], text[x.to_claim], x.kind) for x in amap.links}
    free, expensive = "Engagement costs nothing.", "Engagement costs too much."
    assert (expensive, free, "attack") in pairs
    assert (free, expensive, "attack") in pairs
    assert ("Budgets for the region will be cut.", expensive, "support") not in pairs
    assert (expensive, "Budgets for the region will be cut.", "support") in pairs


def test_kinds_authors_and_groups_from_tags_data_and_headings() -> None:
    text = """# Tooley {author: tooley}

[Engage]: Engage the Taliban. #recommendation
  + [Costs]: Isolation costs more. {kind: evidence, note: "from the op-ed"}

# Background

[Context]: The war is over.
"""
    amap = read_argdown(text).map
    claims = {c.id: c for c in amap.claims}
    assert claims["Engage"].kind == "recommendation"
    assert claims["Engage"].author == "tooley"
    assert claims["Costs"].kind == "evidence"
    assert claims["Costs"].note == "from the op-ed"
    assert claims["Context"].author is None
    # the hand-written title is kept for the way back to Argdown
    assert claims["Context"].tags == ["group:Background", "title:Context"]
    assert [a.id for a in amap.authors] == ["tooley"]


@pytest.mark.parametrize("amap", bundled_maps(), ids=lambda m: m.title[:30])
def test_round_trip_keeps_claims_kinds_links_and_authors(amap: ArgumentMap) -> None:
    result = read_argdown(write_argdown(amap))
    back = result.map
    assert result.warnings == []  # an untouched round trip has nothing to report
    assert essentials(back) == essentials(amap)
    # argmap-written Argdown keeps everything else too (quotes, sources, positions, notes)
    assert {c.id: c for c in back.claims} == {c.id: c for c in amap.claims}
    assert back.sources == amap.sources
    assert back.positions == amap.positions
    kept = {(x.from_claim, x.to_claim, x.kind, x.note, x.origin) for x in amap.links}
    assert {(x.from_claim, x.to_claim, x.kind, x.note, x.origin) for x in back.links} == kept


def test_written_argdown_is_plain_argdown_statements_and_relations() -> None:
    amap = synthetic_map(12, seed=3)
    doc = parse(write_argdown(amap))
    assert len(doc.statements) == len(amap.claims)
    assert not doc.arguments
    assert len(doc.relations) == len(amap.links)


def test_fast_map_file_path_gives_the_same_bytes_as_the_model() -> None:
    for path in sorted(ARGDOWN.glob("*.argdown")):
        text = path.read_text(encoding="utf-8")
        fast, _ = argdown_to_map_json(text, path.name)
        assert fast == encode(read_argdown(text).map), path.name


DATA_DOC = """[Engage]: We should engage. {kind: recommendation, author: Ann, pos: [10, 20.5]}
    + [Aid]: Aid is leverage. #evidence {origin: {kind: extracted, confidence: 0.5, reviewed: false}}
    - <Isolate>: Isolation worked before. {tags: [history, x]}
    + [Cheap]: It is cheap. {author: Bob, note: "checked"}

## Section
[Loose]: Nothing links here.
"""


def _validated_and_trusted(text: str) -> tuple[ArgumentMap, ArgumentMap]:
    from argmap.formats.argdown import _Builder

    builder = _Builder(parse(text), "x.argdown")
    assert not builder.meta  # documents without argmap front matter take the trusted path
    return ArgumentMap.model_validate(builder.build_json()), read_argdown(text).map


@pytest.mark.parametrize("name", [*sorted(EXPECTED), "data", "generated"])
def test_reading_without_front_matter_makes_what_validation_makes(name: str) -> None:
    """The map read without building a validator equals the validated one, field for field
    (values, which fields count as set, and the order a dump writes them in)."""
    if name == "data":
        text = DATA_DOC
    elif name == "generated":
        from bench.bench_formats import document

        text = document(30)
    else:
        text = (ARGDOWN / name).read_text(encoding="utf-8")
    validated, trusted = _validated_and_trusted(text)
    assert trusted == validated
    assert trusted.model_dump_json() == validated.model_dump_json()
    pairs = zip(
        [*trusted.claims, *trusted.links], [*validated.claims, *validated.links], strict=True
    )
    for a, b in pairs:
        assert a.model_fields_set == b.model_fields_set
        assert list(a.__dict__) == list(b.__dict__)
    if name == "data":
        engage = next(c for c in trusted.claims if c.text == "We should engage.")
        assert engage.pos is not None and engage.pos.y == 20.5 and engage.author == "ann"
        assert any(c.origin.is_proposal for c in trusted.claims)


def test_drawing_argdown_builds_no_validator() -> None:
    """Reading an Argdown document and laying it out (what an image export does before Qt)
    never builds a pydantic validator: that is start-up time the export does not need."""
    import subprocess
    import sys

    from tests.conftest import REPO

    code = (
        "import sys; from argmap.formats.argdown import read_argdown; "
        "from argmap.drawing.layout import compute_layout; import argmap.map.model as m; "
        f"amap = read_argdown(open({str(ARGDOWN / 'tour.argdown')!r}).read()).map; "
        "layout = compute_layout(amap, routes=True); "
        "assert layout.routes and len(layout.positions) == len(amap.claims); "
        "print([c.__name__ for c in (m.ArgumentMap, m.Claim, m.Link, m.Point, m.Author, "
        "m.Origin, m.Quote) if c.__pydantic_complete__])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_labels_with_markup_characters_survive() -> None:
    amap = synthetic_map(3, n_authors=1, seed=1)
    odd = "A [bracketed] #hashtag {brace} *star* under_score // slashes <angle> @[mention]"
    claims = [amap.claims[0].model_copy(update={"text": odd}), *amap.claims[1:]]
    amap = amap.model_copy(update={"claims": claims})
    back = read_argdown(write_argdown(amap)).map
    assert back.claims[0].text == odd


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("[Open title: text\n", 1, 1, "never closed"),
        ("[A]: a\n  + [B]: b {kind: [unclosed}\n", 2, 28, "data"),
        ("===\ntitle: x\n", 1, 1, "front matter"),
        # YAML finds the sequence unclosed where the front matter ends
        ("===\ntitle: [x\n===\n\n[A]: a\n", 3, 1, "front matter"),
        ("[A]: fine\n\n/* never closed\n[B]: b\n", 3, 1, "comment"),
        ("\n\n  + [B]: orphan relation\n", 3, 3, "no statement or argument above"),
        ("<A>\n\n(1) premise\n----\n", 4, 1, "conclusion"),
        ("<A>\n\n(1) premise\n--\nrule without end\n(2) c\n", 6, 1, "never closed"),
        ("[]: empty title\n", 1, 1, "empty title"),
    ],
)
def test_malformed_argdown_reports_line_and_column(
    text: str, line: int, column: int, words: str
) -> None:
    with pytest.raises(ArgdownError) as caught:
        parse(text)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert words in caught.value.message
    with pytest.raises(MapFileError) as wrapped:
        read_argdown(text, "bad.argdown")
    assert str(wrapped.value).startswith(f"bad.argdown: line {line}, column {column}: ")


def test_yaml_subset_reads_front_matter_and_data() -> None:
    from argmap.formats._yaml import YamlError, dump_flow, parse_block, parse_flow

    assert parse_block(
        "a: 1\nb:\n  c: [x, 'y z', \"q\"]\n  d: >\n    folded\n    text\nl:\n  - k: v\n    m: 2\n  - plain\n"
    ) == {
        "a": 1,
        "b": {"c": ["x", "y z", "q"], "d": "folded text\n"},  # ">" keeps one line break
        "l": [{"k": "v", "m": 2}, "plain"],
    }
    value = {"id": "c1", "kind": "thesis", "n": [1, 2.5, True, None], "s": "#hash: {x}"}
    assert parse_flow(dump_flow(value))[0] == value
    with pytest.raises(YamlError):
        parse_flow("{a: [1, 2}")


def test_fast_path_constants_agree_with_the_model() -> None:
    """The direct Argdown → map-file path mirrors the model; this keeps the two in step."""
    from argmap.formats import argdown
    from argmap.formats._common import KINDS
    from argmap.map.model import CLAIM_KINDS, MANUAL, SCHEMA_VERSION, Claim, Link

    assert argdown.SCHEMA_VERSION == SCHEMA_VERSION
    assert KINDS == CLAIM_KINDS
    assert tuple(Claim.model_fields) == argdown.CLAIM_FIELDS
    assert tuple(Link.model_fields) == argdown.LINK_FIELDS
    for model in (Claim, Link):
        for name, info in model.model_fields.items():
            if name in argdown.FIELD_DEFAULTS:
                assert info.get_default(call_default_factory=True) == argdown.FIELD_DEFAULTS[name]
            elif name == "origin":
                assert info.get_default() == MANUAL
            else:
                assert info.is_required(), name


def test_converting_argdown_to_a_map_file_does_not_import_pydantic(tmp_path) -> None:
    import subprocess
    import sys

    from tests.conftest import REPO

    code = (
        "import sys; from ui.cli import main; "
        f"rc = main(['convert', {str(ARGDOWN / 'tour.argdown')!r}, {str(tmp_path / 't.argmap.json')!r}]); "
        "print(rc, 'pydantic' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["0", "False"]


def test_hand_edits_of_argmap_argdown_keep_notes_and_name_what_looks_wrong() -> None:
    debate = load(MAPS / "afghanistan-debate.argmap.json")
    text = write_argdown(debate)
    lines = text.split("\n")
    top = next(k for k, x in enumerate(lines) if x.startswith("[The United States must get"))
    flip = next(k for k in range(top, top + 12) if "+ [Refusing talks risks" in lines[k])
    lines[flip] = lines[flip].replace("+", "-", 1)  # a support made an attack by hand
    lines.insert(flip + 1, "    - [The United States must get]")  # a title cut short
    dropped = next(k for k in range(top, top + 14) if "+ [A stable political outcome" in lines[k])
    del lines[dropped]  # a cross link deleted by hand
    result = read_argdown("\n".join(lines))
    (flipped,) = [
        x for x in result.map.links if (x.from_claim, x.to_claim) == ("kabul.p9", "hussain.rec1")
    ]
    assert flipped.kind == "attack" and flipped.id == "cross.link01"
    assert flipped.note.startswith("Refusing to talk forfeits")  # the note came along
    warnings = "\n".join(result.warnings)
    assert "link cross.link01 from 'kabul.p9' to 'hussain.rec1' is now attack" in warnings
    assert "[The United States must get] is referenced but never defined" in warnings
    assert "from 'kabul.p7' to 'hussain.rec1'" in warnings and "no longer in the text" in warnings


def test_an_unknown_kind_is_reported_with_its_line_and_the_kind_meant() -> None:
    text = '[A]: one.\n  - [B]: two. {kind: "objecton"}\n  + [C]: three. {kind: "foo"} #premise\n'
    result = read_argdown(text)
    by_text = {c.text: c for c in result.map.claims}
    assert by_text["two."].kind == "premise"  # from the structure, as without a kind
    assert by_text["three."].kind == "premise"  # from its tag
    b, c = (w for w in result.warnings if "unknown kind" in w)
    assert b.startswith("line 2: [B]") and "did you mean 'objection'?" in b
    assert c.startswith("line 3: [C]") and "did you mean" not in c and "kind tag" in c


def test_titles_cut_from_labels_do_not_end_on_a_dangling_word() -> None:
    from argmap.formats.argdown_writer import _title_words

    assert _title_words("Only the US can give the Taliban what it wants most") == [
        "Only", "the", "US", "can", "give",
    ]  # fmt: skip
    assert _title_words("Talk to the Taliban") == ["Talk", "to", "the", "Taliban"]
    long = "Refusing would cost the Taliban a chance to be recognised by the world"
    assert _title_words(long)[-1] not in {"a", "the"}


def test_a_statement_belongs_to_the_heading_it_is_defined_under() -> None:
    """Named first under one author's heading, defined under another's: the definition
    decides its author (and a bare reference never does)."""
    text = (
        '# Pro side {author: "advocate"}\n\n'
        "[Engage]: The US should engage the Taliban.\n"
        "    - [Isolation works]\n\n"
        '# Contra side {author: "skeptic"}\n\n'
        "[Isolation works]: Isolation has worked before.\n"
    )
    claims = {c.text: c for c in read_argdown(text).map.claims}
    assert claims["The US should engage the Taliban."].author == "advocate"
    assert claims["Isolation has worked before."].author == "skeptic"
