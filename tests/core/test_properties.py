"""Property tests: any valid map survives save and load; any edit sequence undoes exactly."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.edit import edits
from argmap.edit.document import EditError, History, MapDocument
from argmap.map.invariants import find_problems
from argmap.map.mapfile import encode, load, save
from argmap.map.model import (
    CLAIM_KINDS,
    ArgumentMap,
    Author,
    Claim,
    Link,
    Point,
    Position,
    Quote,
    Source,
)

ids = st.from_regex(r"[a-z][a-z0-9_.-]{0,8}", fullmatch=True)
labels = st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != "")


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    author_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    authors = [
        Author(id=a, name=draw(labels), color=draw(st.from_regex(r"#[0-9a-f]{6}", fullmatch=True)))
        for a in author_ids
    ]
    text = draw(st.text(min_size=5, max_size=200))
    sources = [
        Source(id="src", title=draw(st.text(max_size=20)), authors=author_ids[:1], text=text)
    ]
    claim_ids = draw(st.lists(ids, min_size=1, max_size=8, unique=True))
    claims = []
    for cid in claim_ids:
        quote = None
        if draw(st.booleans()):
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            quote = Quote(start=start, end=end, text=text[start:end])
        pos = (
            Point(x=draw(st.floats(-1e4, 1e4)), y=draw(st.floats(-1e4, 1e4)))
            if draw(st.booleans())
            else None
        )
        claims.append(
            Claim(
                id=cid,
                kind=draw(st.sampled_from(CLAIM_KINDS)),
                text=draw(labels),
                author=draw(st.sampled_from([*author_ids, None])),
                source="src" if quote else None,
                quote=quote,
                tags=draw(st.lists(st.text(max_size=5), max_size=2)),
                pos=pos,
            )
        )
    pairs = draw(
        st.lists(
            st.tuples(
                st.sampled_from(claim_ids),
                st.sampled_from(claim_ids),
                st.sampled_from(["support", "attack"]),
            ),
            max_size=10,
            unique=True,
        )
    )
    links = [
        Link(id=f"l{i}", kind=k, from_claim=a, to_claim=b)
        for i, (a, b, k) in enumerate(pairs)
        if a != b
    ]
    positions = [
        Position(
            id="q",
            label=draw(labels),
            stances={
                a: draw(st.sampled_from(["for", "against", "mixed", "silent"])) for a in author_ids
            },
            grounds=draw(st.lists(st.sampled_from(claim_ids), max_size=3, unique=True)),
        )
    ]
    return ArgumentMap(
        title=draw(st.text(max_size=30)),
        sources=sources,
        authors=authors,
        claims=claims,
        links=links,
        positions=positions,
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_save_then_load_gives_the_same_map(amap: ArgumentMap) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "m.argmap.json"
        save(amap, path)
        again = load(path)
    assert again == amap
    assert encode(again) == encode(amap)


def edit_strategy(doc: MapDocument, draw: st.DrawFn) -> Any:
    claim_ids = sorted(doc.claims)
    link_ids = sorted(doc.links)
    choice = draw(st.integers(0, 7))
    if choice == 0 or not claim_ids:
        return edits.AddClaim(
            Claim(id=doc.new_id("c"), kind=draw(st.sampled_from(CLAIM_KINDS)), text=draw(labels))
        )
    if choice == 1:
        return edits.RemoveClaim(draw(st.sampled_from(claim_ids)))
    if choice == 2:
        return edits.UpdateClaim(draw(st.sampled_from(claim_ids)), {"text": draw(labels)})
    if choice == 3:
        a, b = draw(st.sampled_from(claim_ids)), draw(st.sampled_from(claim_ids))
        return edits.AddLink(
            Link(
                id=doc.new_id("l"),
                kind=draw(st.sampled_from(["support", "attack"])),
                from_claim=a,
                to_claim=b,
            )
        )
    if choice == 4 and link_ids:
        return edits.RemoveLink(draw(st.sampled_from(link_ids)))
    if choice == 5:
        moved = draw(st.lists(st.sampled_from(claim_ids), min_size=1, max_size=3, unique=True))
        return edits.MoveClaims({c: Point(x=draw(st.floats(-100, 100)), y=0.0) for c in moved})
    if choice == 6 and doc.positions:
        return edits.SetStance(
            "q", sorted(doc.authors)[0], draw(st.sampled_from(["for", "against", None]))
        )
    return edits.remove_claims(draw(st.lists(st.sampled_from(claim_ids), min_size=1, max_size=3)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps(), st.data())
def test_undo_all_restores_and_redo_all_replays(amap: ArgumentMap, data: st.DataObject) -> None:
    doc = MapDocument(amap)
    history = History(doc)
    start = encode(doc.map)
    applied = 0
    for _ in range(data.draw(st.integers(1, 12))):
        edit = edit_strategy(doc, data.draw)
        before = encode(doc.map)
        try:
            history.do(edit)
            applied += 1
            assert find_problems(doc.map) == []  # an accepted edit leaves a loadable map
        except EditError:
            assert encode(doc.map) == before  # a refused edit changes nothing
    final = encode(doc.map)
    for _ in range(applied):
        assert history.undo()
    assert encode(doc.map) == start
    for _ in range(applied):
        assert history.redo()
    assert encode(doc.map) == final
    assert load_bytes_ok(final)


def load_bytes_ok(data: bytes) -> bool:
    from argmap.map.mapfile import decode

    return decode(data) is not None
