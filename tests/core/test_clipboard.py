"""Copy/paste fragments: self-contained, valid, pasted with fresh ids, one undo entry."""

from __future__ import annotations

from argmap.edit.clipboard import fragment, paste_edit, pasted_claim_ids, plain_text
from argmap.edit.document import History, MapDocument
from argmap.map.mapfile import decode, encode
from argmap.map.model import ArgumentMap, Author, Claim, Link, Point, Quote, Source


def _map() -> ArgumentMap:
    text = "We must talk to the Taliban. Pakistan holds the key."
    return ArgumentMap(
        authors=[Author(id="a1", name="Ann"), Author(id="a2", name="Bob")],
        sources=[Source(id="s1", title="Talk", authors=["a1"], text=text)],
        claims=[
            Claim(
                id="c1",
                kind="thesis",
                text="Talk to the Taliban",
                author="a1",
                source="s1",
                quote=Quote(start=0, end=28, text=text[:28]),
                pos=Point(x=10, y=20),
            ),
            Claim(id="c2", kind="premise", text="Pakistan holds the key", author="a1"),
            Claim(id="c3", kind="objection", text="They cannot be trusted", author="a2"),
        ],
        links=[
            Link(id="l1", kind="support", from_claim="c2", to_claim="c1"),
            Link(id="l2", kind="attack", from_claim="c3", to_claim="c1"),
        ],
    )


def test_fragment_holds_claims_inner_links_and_what_they_need() -> None:
    doc = MapDocument(_map())
    frag = fragment(doc, ["c2", "c1", "nope"])
    assert [c.id for c in frag.claims] == ["c1", "c2"]  # map order
    assert [x.id for x in frag.links] == ["l1"]  # l2 leaves the selection
    assert [s.id for s in frag.sources] == ["s1"]
    assert [a.id for a in frag.authors] == ["a1"]
    # A fragment is a valid map file.
    assert decode(encode(frag)).claims == frag.claims


def test_paste_into_same_map_gets_fresh_ids_offset_and_reuses_authors() -> None:
    doc = MapDocument(_map())
    history = History(doc)
    before = doc.map.model_dump()
    edit = paste_edit(doc, fragment(doc, ["c1", "c2"]), offset=(30, 40))
    new_ids = pasted_claim_ids(edit)
    history.do(edit)
    assert len(new_ids) == 2
    assert not set(new_ids) & {"c1", "c2", "c3"}
    first = doc.claims[new_ids[0]]
    assert first.text == "Talk to the Taliban"
    assert first.pos == Point(x=40, y=60)
    assert first.source == "s1" and first.author == "a1"  # reused, not duplicated
    assert len(doc.authors) == 2 and len(doc.sources) == 1
    pasted_links = [x for x in doc.map.links if x.from_claim in new_ids]
    assert [(x.from_claim, x.to_claim, x.kind) for x in pasted_links] == [
        (new_ids[1], new_ids[0], "support")
    ]
    assert edit.label == "Paste 2 claims"
    history.undo()
    assert doc.map.model_dump() == before


def test_paste_into_another_map_adds_missing_authors_and_sources() -> None:
    src = MapDocument(_map())
    frag = decode(encode(fragment(src, ["c1", "c3"])))
    other = MapDocument(
        ArgumentMap(
            authors=[Author(id="a1", name="Someone else"), Author(id="x", name="Bob")],
            claims=[Claim(id="c1", kind="thesis", text="Unrelated")],
        )
    )
    edit = paste_edit(other, frag)
    History(other).do(edit)
    ids = pasted_claim_ids(edit)
    thesis, objection = (other.claims[i] for i in ids)
    # a1 clashes with a different person: Ann gets a fresh id; Bob is found by name.
    assert thesis.author not in (None, "a1")
    assert other.authors[thesis.author].name == "Ann"
    assert objection.author == "x"
    assert thesis.source == "s1"
    assert other.sources["s1"].authors == [thesis.author]
    assert thesis.quote is not None
    assert other.sources["s1"].text[thesis.quote.start : thesis.quote.end] == thesis.quote.text
    assert other.claims["c1"].text == "Unrelated"


def test_source_with_same_id_but_other_text_is_not_reused() -> None:
    src = MapDocument(_map())
    frag = fragment(src, ["c1"])
    other = MapDocument(ArgumentMap(sources=[Source(id="s1", text="Different text entirely.")]))
    edit = paste_edit(other, frag)
    History(other).do(edit)
    (claim_id,) = pasted_claim_ids(edit)
    claim = other.claims[claim_id]
    assert claim.source not in (None, "s1")
    assert claim.quote is not None
    assert other.sources[claim.source].text.startswith(claim.quote.text)


def test_plain_text_lists_claims_with_authors() -> None:
    doc = MapDocument(_map())
    text = plain_text(fragment(doc, ["c1", "c3"]))
    assert text.splitlines() == [
        "[thesis] Talk to the Taliban (Ann)",
        "[objection] They cannot be trusted (Bob)",
    ]
