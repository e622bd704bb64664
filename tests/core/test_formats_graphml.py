"""GraphML: what yEd and Gephi read, what networkx reads back, and hostile XML refused."""

from __future__ import annotations

import io

import networkx as nx
import pytest

from argmap.formats.graphml import read_graphml, write_graphml
from argmap.map.mapfile import MapFileError, load
from argmap.map.model import ArgumentMap, Origin
from argmap.map.synthetic import synthetic_map
from tests.conftest import MAPS


def with_proposals(amap: ArgumentMap) -> ArgumentMap:
    """The map with its first claim and link marked as unreviewed extractor proposals."""
    proposal = Origin(kind="extracted", confidence=0.6, reason="cue: should", reviewed=False)
    claims = [amap.claims[0].model_copy(update={"origin": proposal}), *amap.claims[1:]]
    links = [amap.links[0].model_copy(update={"origin": proposal}), *amap.links[1:]]
    return amap.model_copy(update={"claims": claims, "links": links})


def bundled_maps() -> list[ArgumentMap]:
    maps = [load(path) for path in sorted(MAPS.glob("*.argmap.json"))]
    return [*maps, with_proposals(synthetic_map(40, with_positions=True, seed=2))]


@pytest.mark.parametrize("amap", bundled_maps(), ids=lambda m: m.title[:30])
def test_networkx_reads_the_same_nodes_edges_and_attributes(amap: ArgumentMap) -> None:
    graph = nx.read_graphml(io.BytesIO(write_graphml(amap).encode("utf-8")))
    assert set(graph.nodes) == {c.id for c in amap.claims}
    edges = {(a, b, d["kind"]) for a, b, d in graph.edges(data=True)}
    assert edges == {(x.from_claim, x.to_claim, x.kind) for x in amap.links}
    assert graph.number_of_edges() == len(amap.links)
    for claim in amap.claims:
        data = graph.nodes[claim.id]
        assert data["kind"] == claim.kind
        assert data["label"] == claim.text
        assert data.get("author") == claim.author


@pytest.mark.parametrize("amap", bundled_maps(), ids=lambda m: m.title[:30])
def test_round_trip_of_argmap_graphml(amap: ArgumentMap) -> None:
    back = read_graphml(write_graphml(amap).encode("utf-8")).map
    assert {c.id: c for c in back.claims} == {c.id: c for c in amap.claims}
    assert {(x.id, x.from_claim, x.to_claim, x.kind, x.note, x.origin) for x in back.links} == {
        (x.id, x.from_claim, x.to_claim, x.kind, x.note, x.origin) for x in amap.links
    }
    assert back.authors == amap.authors
    assert back.sources == amap.sources


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="a"><data key="l">&lol3;</data></node></graph></graphml>
"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE g [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="&secret;"/></graph></graphml>
"""


@pytest.mark.parametrize("payload", [BILLION_LAUGHS, EXTERNAL], ids=["expansion", "external"])
def test_entity_tricks_are_refused(payload: bytes) -> None:
    with pytest.raises(MapFileError) as caught:
        read_graphml(payload, "evil.graphml")
    assert "refused" in str(caught.value)
    assert "entities" in str(caught.value)


def test_broken_xml_reports_line_and_column() -> None:
    with pytest.raises(MapFileError) as caught:
        read_graphml(
            b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<graph>\n</grph>',
            "b.graphml",
        )
    assert caught.value.problems[0].where == "line 3, column 3"


def test_graphml_from_elsewhere_with_labels_is_read() -> None:
    other = b"""<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
 <key id="d0" for="node" attr.name="label" attr.type="string"/>
 <graph edgedefault="directed">
  <node id="x"><data key="d0">Talks work</data></node>
  <node id="y"/>
  <edge source="x" target="y"/>
 </graph>
</graphml>"""
    amap = read_graphml(other).map
    assert [(c.id, c.text, c.kind) for c in amap.claims] == [
        ("x", "Talks work", "premise"),
        ("y", "y", "premise"),
    ]
    assert [(x.from_claim, x.to_claim, x.kind) for x in amap.links] == [("x", "y", "support")]


def test_control_characters_in_text_still_make_readable_graphml() -> None:
    """XML 1.0 cannot hold C0 control characters at all: they become U+FFFD, and the file
    reads back (with argmap's reader and networkx's) instead of being unreadable."""
    amap = load(MAPS / "ct-leverage.argmap.json")
    claim = amap.claims[0].model_copy(update={"text": "ctrl \x01\x02\x0b\x1b <b> & end"})
    amap = amap.model_copy(update={"claims": [claim, *amap.claims[1:]], "title": "T\x07"})
    data = write_graphml(amap)
    back = read_graphml(data.encode("utf-8")).map
    assert back.claims[0].text == "ctrl \ufffd\ufffd\ufffd\ufffd <b> & end"
    assert len(back.claims) == len(amap.claims) and len(back.links) == len(amap.links)
    graph = nx.read_graphml(io.BytesIO(data.encode("utf-8")))
    assert graph.number_of_nodes() == len(amap.claims)
