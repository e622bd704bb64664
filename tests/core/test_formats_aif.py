"""AIF JSON import and export.

Public nodesets were read with argmap's importer and their node types counted by hand from
the files (the files themselves are not copied; the documents below rebuild the same
structures with our own words):

- carneades/carneades-4 ``examples/AGs/AIF/nodeset10.json`` (AraucariaDB): I 4, RA 1,
  4 edges, a linked argument of three premises -> 4 claims, 3 support links, 1 thesis.
- carneades/carneades-4 ``examples/AGs/AIF/nodeset513.json``: I 3, RA 1, CA 1, 4 edges
  -> 3 claims, 1 support link and 1 attack link.
- recap-utr/arguebuf-python ``data/6064-original.json`` (AIFdb nodeset 6064): 52 nodes
  (I 9, RA 5, L 16, YA 14, TA 8), 54 edges, 13 locutions (persons 409 and 437, some listed
  twice) -> 9 claims, 5 support links, 38 dialogue nodes ignored and reported, 2 authors
  from the "Speaker : text" locutions: CL (7 claims) and NL (2 claims).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from argmap.formats import aif
from argmap.formats._common import IdMaker
from argmap.formats.aif import read_aif, write_aif
from argmap.map.mapfile import MapFileError, encode, load
from argmap.map.model import ArgumentMap
from argmap.map.synthetic import synthetic_map
from tests.conftest import MAPS
from tests.core.test_formats_graphml import with_proposals


def node(nid: str | int, kind: str, text: str = "") -> dict[str, Any]:
    return {"nodeID": nid, "type": kind, "text": text or kind, "timestamp": ""}


def edge(n: int, src: str | int, dst: str | int) -> dict[str, Any]:
    return {"edgeID": str(n), "fromID": src, "toID": dst, "formEdgeID": None}


def edges(*pairs: tuple[str | int, str | int]) -> list[dict[str, Any]]:
    return [edge(n, a, b) for n, (a, b) in enumerate(pairs)]


LINKED = {  # the shape of nodeset10: three premises into one RA
    "nodes": [
        node("1", "I", "Refugees in the region are entitled to protection."),
        node("2", "I", "Every neighbour signed the convention."),
        node("3", "I", "Signatories must protect everyone in their territory."),
        node("4", "I", "Signatories are bound by its first article."),
        node("5", "RA"),
    ],
    "edges": edges(("2", "5"), ("3", "5"), ("4", "5"), ("5", "1")),
}

SUPPORT_AND_ATTACK = {  # the shape of nodeset513
    "nodes": [
        node("10", "I", "Aid always ends up with the Taliban."),
        node("11", "I", "Not all aid ends up with the Taliban."),
        node("12", "I", "Monitors tracked most shipments to clinics."),
        node("13", "CA"),
        node("14", "RA"),
    ],
    "edges": edges(("11", "13"), ("13", "10"), ("12", "14"), ("14", "11")),
}


def dialogue() -> dict[str, Any]:
    """The shape of nodeset 6064: locutions anchored by YA, transitions TA, one inference."""
    nodes = [
        node("21", "I", "Talks failed in 2019."),
        node("22", "I", "So a new channel is needed."),
        node("31", "L", "AB : Talks failed in 2019."),
        node("32", "L", "AB : so a new channel is needed"),
        node("33", "L", "M: AB : so a new channel is needed"),
        node("41", "YA", "Asserting"),
        node("42", "YA", "Asserting"),
        node("43", "TA"),
        node("44", "RA", "Default Inference"),
        node("45", "YA", "Arguing"),
        node("23", "I", "Nobody asked the neighbours."),
        node("34", "L", "CD : nobody asked the neighbours"),
        node("46", "YA", "Asserting"),
    ]
    return {
        "nodes": nodes,
        "edges": edges(
            ("31", "41"),
            ("41", "21"),
            ("32", "42"),
            ("42", "22"),
            ("31", "43"),
            ("43", "32"),
            ("21", "44"),
            ("44", "22"),
            ("43", "45"),
            ("45", "44"),
            ("34", "46"),
            ("46", "23"),
        ),
        "locutions": [
            {"nodeID": "31", "personID": "7"},
            {"nodeID": "32", "personID": "7"},
            {"nodeID": "31", "personID": "7"},
            {"nodeID": "34", "personID": "8"},
        ],
    }


def bundled_maps() -> list[ArgumentMap]:
    maps = [load(path) for path in sorted(MAPS.glob("*.argmap.json"))]
    return [*maps, with_proposals(synthetic_map(60, with_positions=True, seed=11))]


def test_linked_argument_gives_one_support_per_premise() -> None:
    result = read_aif(json.dumps(LINKED))
    amap = result.map
    assert result.counts == {"I": 4, "RA": 1}
    assert len(amap.claims) == 4
    assert sorted((x.from_claim, x.to_claim, x.kind) for x in amap.links) == [
        ("n2", "n1", "support"),
        ("n3", "n1", "support"),
        ("n4", "n1", "support"),
    ]
    assert all(x.note.startswith("linked premises: n2, n3, n4") for x in amap.links)
    assert [c.id for c in amap.claims if c.kind == "thesis"] == ["n1"]


def test_support_and_attack() -> None:
    amap = read_aif(json.dumps(SUPPORT_AND_ATTACK)).map
    assert sorted((x.from_claim, x.to_claim, x.kind) for x in amap.links) == [
        ("n11", "n10", "attack"),
        ("n12", "n11", "support"),
    ]


def test_dialogue_nodes_ignored_with_a_count_and_speakers_become_authors() -> None:
    result = read_aif(json.dumps(dialogue()))
    amap = result.map
    assert len(amap.claims) == 3
    assert [(x.from_claim, x.to_claim) for x in amap.links] == [("n21", "n22")]
    assert result.warnings[0] == "ignored 9 dialogue/preference nodes (L 4, TA 1, YA 4)"
    assert {a.name for a in amap.authors} == {"AB", "CD"}  # "M: AB" anchors nothing
    by_author = {c.id: c.author for c in amap.claims}
    assert by_author == {"n21": "ab", "n22": "ab", "n23": "cd"}


def test_ova_save_file_with_participants_and_xaif_with_integer_ids() -> None:
    inner = dialogue()
    inner["participants"] = [
        {"participantID": 7, "firstname": "Ann", "surname": "Baker"},
        {"participantID": 8, "firstname": "Carl", "surname": "Dunn"},
    ]
    ova = {"AIF": inner, "text": "<p>…</p>", "OVA": {"nodes": [], "edges": []}}
    amap = read_aif(json.dumps(ova)).map
    assert {a.name for a in amap.authors} == {"Ann Baker", "Carl Dunn"}
    xaif = {
        "aif": {
            "nodes": [
                node(1, "I", "Sanctions hurt civilians."),
                node(2, "I", "Lift them."),
                node(3, "MA", "Default Rephrase"),
                node(4, "I", "End the sanctions."),
                node(5, "RA"),
                node(6, "PA"),
            ],
            "edges": edges((1, 5), (5, 2), (2, 3), (3, 4)),
            "locutions": [],
            "participants": [],
            "schemefulfillments": [],
            "descriptorfulfillments": None,
        },
        "text": "",
        "dialog": False,
    }
    result = read_aif(json.dumps(xaif))
    notes = {(x.from_claim, x.to_claim): x.note for x in result.map.links}
    assert notes == {("n1", "n2"): "", ("n2", "n4"): "rephrase (MA)"}
    assert any("PA 1" in w for w in result.warnings)


def test_undercut_is_kept_as_an_attack_on_the_conclusion_and_reported() -> None:
    doc = {
        "nodes": [
            node("1", "I", "p"),
            node("2", "I", "c"),
            node("3", "I", "u"),
            node("4", "RA"),
            node("5", "CA"),
        ],
        "edges": edges(("1", "4"), ("4", "2"), ("3", "5"), ("5", "4")),
    }
    result = read_aif(json.dumps(doc))
    attack = [x for x in result.map.links if x.kind == "attack"]
    assert [(x.from_claim, x.to_claim) for x in attack] == [("n3", "n2")]
    assert "undercut" in attack[0].note
    assert any("undercut" in w for w in result.warnings)


def test_dangling_edges_are_each_reported() -> None:
    doc = json.loads(json.dumps(LINKED))
    doc["edges"].append(edge(90, "2", "99"))
    doc["edges"].append(edge(91, "77", "5"))
    with pytest.raises(MapFileError) as caught:
        read_aif(json.dumps(doc), "set.json")
    problems = [str(p) for p in caught.value.problems]
    assert problems == [
        "set.json: edges[4]: dangling edge: no node for to 99",
        "set.json: edges[5]: dangling edge: no node for from 77",
    ]


def test_cycles_of_scheme_nodes_are_reported() -> None:
    doc = {
        "nodes": [node("1", "I", "a"), node("2", "RA"), node("3", "CA"), node("4", "I", "b")],
        "edges": edges(("1", "2"), ("2", "3"), ("3", "2"), ("2", "4")),
    }
    with pytest.raises(MapFileError) as caught:
        read_aif(json.dumps(doc), "loop.json")
    message = str(caught.value)
    assert "cycle of scheme nodes" in message
    assert "RA 2" in message and "CA 3" in message


@pytest.mark.parametrize(
    ("text", "where"),
    [('{"nodes": [}', "line 1, column 12"), ("[1, 2]", ""), ('{"nodes": []}', "")],
)
def test_not_aif_is_refused_with_a_reason(text: str, where: str) -> None:
    with pytest.raises(MapFileError) as caught:
        read_aif(text, "x.json")
    assert caught.value.problems[0].where == where


@pytest.mark.parametrize("amap", bundled_maps(), ids=lambda m: m.title[:30])
def test_round_trip_keeps_everything(amap: ArgumentMap) -> None:
    text = write_aif(amap)
    back = read_aif(text).map
    assert {c.id: c for c in back.claims} == {c.id: c for c in amap.claims}
    assert sorted(back.links, key=lambda x: x.id) == sorted(amap.links, key=lambda x: x.id)
    assert back.authors == amap.authors
    assert back.sources == amap.sources
    assert back.positions == amap.positions


def test_written_aif_is_plain_aif_for_other_tools() -> None:
    amap = synthetic_map(20, seed=5)
    doc = json.loads(write_aif(amap))
    doc.pop("argmap")  # what a tool that ignores the extension sees
    types = [n["type"] for n in doc["nodes"]]
    assert types.count("I") == len(amap.claims)
    assert types.count("RA") == sum(x.kind == "support" for x in amap.links)
    assert types.count("CA") == sum(x.kind == "attack" for x in amap.links)
    assert len(doc["participants"]) == len(amap.authors)
    back = read_aif(json.dumps(doc)).map  # without the extension: structure and speakers
    assert len(back.claims) == len(amap.claims)
    assert len(back.links) == len(amap.links)
    assert {a.name for a in back.authors} == {a.name for a in amap.authors}


# ------------------------------------------------------------------ issue 18, item 6


def _linked(premises: int) -> str:
    nodes = [node(str(i), "I", f"Premise {i}") for i in range(premises)]
    nodes += [node("c", "I", "Conclusion"), node("ra", "RA")]
    links = [(str(i), "ra") for i in range(premises)]
    return json.dumps({"nodes": nodes, "edges": edges(*links, ("ra", "c"))})


def test_a_linked_argument_s_notes_stay_short_so_the_map_grows_linearly() -> None:
    small, large = read_aif(_linked(200)).map, read_aif(_linked(2_000)).map
    assert len(large.links) == 2_000
    note = large.links[0].note
    assert note.startswith("linked premises: n0, n1, n2, n3") and note.endswith("and 1,990 more")
    assert all(len(x.note) < 200 for x in large.links)
    growth = len(encode(large)) / len(encode(small))
    assert growth < 11  # ten times the premises, ten times the map (not a hundred)


class _CountingList(list[str]):
    """A node's successors, counting every successor looked at (steps, not seconds)."""

    visits = 0

    def __iter__(self) -> Any:
        for item in super().__iter__():
            type(self).visits += 1
            yield item


class _Successors(dict[str, list[str]]):
    def setdefault(self, key: str, default: Any = None) -> Any:
        return super().setdefault(key, _CountingList())


def test_the_cycle_check_looks_at_each_scheme_node_s_successors_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fan_out = 2_000
    nodes = [node("a", "I", "A"), node("ca", "CA")]
    nodes += [node(f"ra{i}", "RA") for i in range(fan_out)]
    links = [("a", "ca"), *((("ca", f"ra{i}")) for i in range(fan_out))]
    original = aif._Reader._index

    def counted(self: Any) -> None:
        self.out_of = _Successors()
        original(self)

    monkeypatch.setattr(aif._Reader, "_index", counted)
    _CountingList.visits = 0
    read_aif(json.dumps({"nodes": nodes, "edges": edges(*links)}))
    # Each successor looked at a few times (the check, the links); looking them all up
    # again at every step of the walk made it fan_out² (4 million here).
    assert 0 < _CountingList.visits < 10 * fan_out


def test_many_cycles_are_named_up_to_a_limit_and_counted() -> None:
    loops = aif.MAX_CYCLES_SHOWN + 5
    nodes = [node("x", "I", "x")]
    links = []
    for i in range(loops):
        nodes += [node(f"r{i}", "RA"), node(f"c{i}", "CA")]
        links += [(f"r{i}", f"c{i}"), (f"c{i}", f"r{i}")]
    with pytest.raises(MapFileError) as caught:
        read_aif(json.dumps({"nodes": nodes, "edges": edges(*links)}), "loops.json")
    problems = [p.message for p in caught.value.problems]
    assert len(problems) == aif.MAX_CYCLES_SHOWN + 1
    assert sum(p.startswith("cycle of scheme nodes: ") for p in problems) == aif.MAX_CYCLES_SHOWN
    assert problems[-1] == "and 5 more cycle(s) of scheme nodes"


class _CountingSet(set[str]):
    lookups = 0

    def __contains__(self, item: object) -> bool:
        type(self).lookups += 1
        return super().__contains__(item)


def test_ids_wanted_many_times_are_made_unique_in_a_step_each() -> None:
    """Every link of a linked argument asks for the RA's id: the k-th copy tried k ids."""
    ids = IdMaker()
    ids.used = _CountingSet({"x-3"})
    _CountingSet.lookups = 0
    taken = [ids.take("x", "l") for _ in range(3_000)]
    assert taken[:4] == ["x", "x-2", "x-4", "x-5"]  # x-3 was taken already
    assert len(set(taken)) == 3_000
    assert _CountingSet.lookups < 4 * 3_000
