"""Lane layout on a big map of long claims (issue 15, item 11: Lane Layout gave ragged,
overlapping lanes on a map of 121 claims): cards are measured as the canvas measures them,
so no two overlap and each depth row starts on one line across every lane."""

from __future__ import annotations

import itertools

from argmap.drawing.lanes import lane_layout
from argmap.drawing.picture import card_size
from argmap.map.model import ArgumentMap, Author, Claim, Link

WORDS = (
    "the withdrawal from Afghanistan left Pakistan with leverage over the Taliban and the "
    "United States with fewer options, while regional powers such as China, Iran and Russia "
    "weighed engagement against isolation in a country facing economic collapse"
).split()


def _map(n: int = 121, authors: int = 5) -> ArgumentMap:
    people = [Author(id=f"a{i}", name=f"Author Number{i}") for i in range(authors)]
    claims = []
    for i in range(n):
        length = 8 + (i * 7) % 55  # from a short premise to a long quoted passage
        text = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(length))
        kind = ("thesis", "premise", "evidence", "objection", "recommendation")[i % 5]
        claims.append(Claim(id=f"c{i}", kind=kind, text=text, author=f"a{i % authors}"))
    links = [
        Link(id=f"l{i}", kind="support" if i % 4 else "attack", from_claim=f"c{i}",
             to_claim=f"c{(i * 3) // 4}")
        for i in range(5, n, 3)
        if (i * 3) // 4 != i
    ]  # fmt: skip
    return ArgumentMap(title="Big", authors=people, claims=claims, links=links)


def _boxes(amap: ArgumentMap) -> dict[str, tuple[float, float, float, float]]:
    spots = lane_layout(amap, columns=None)
    out = {}
    for claim in amap.claims:
        w, h, _ = card_size(claim.text)
        p = spots[claim.id]
        out[claim.id] = (p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2)
    return out


def test_no_two_cards_overlap_as_the_canvas_draws_them() -> None:
    boxes = _boxes(_map())
    overlapping = [
        (a, b)
        for (a, ra), (b, rb) in itertools.combinations(boxes.items(), 2)
        if ra[0] < rb[2] and rb[0] < ra[2] and ra[1] < rb[3] and rb[1] < ra[3]
    ]
    assert not overlapping, overlapping[:5]


def test_lanes_do_not_overlap_each_other() -> None:
    amap = _map()
    boxes = _boxes(amap)
    spans = []
    for author in amap.authors:
        mine = [boxes[c.id] for c in amap.claims if c.author == author.id]
        spans.append((min(b[0] for b in mine), max(b[2] for b in mine)))
    spans.sort()
    for (_, right), (left, _) in itertools.pairwise(spans):
        assert right < left
