"""Lane layout: one column per author, depth rows so links run upward, no overlaps."""

from __future__ import annotations

import itertools

from argmap.drawing.lanes import claim_depths, lane_layout
from argmap.drawing.layout import estimate_card_size
from argmap.edit.document import History, MapDocument
from argmap.edit.edits import apply_layout
from argmap.map.model import ArgumentMap, Author, Claim, Link, Point
from argmap.map.synthetic import synthetic_map


def make_map(
    claims: list[tuple[str, str, str | None]], links: list[tuple[str, str, str]]
) -> ArgumentMap:
    return ArgumentMap(
        authors=[Author(id=a, name=a) for a in ("A", "B", "Quiet", "C")],
        claims=[Claim(id=c, kind=k, text=c, author=a) for c, k, a in claims],  # type: ignore[arg-type]
        links=[
            Link(id=f"l{i}", kind=k, from_claim=f, to_claim=t)  # type: ignore[arg-type]
            for i, (f, k, t) in enumerate(links)
        ],
    )


SMALL = make_map(
    [
        ("a_t", "thesis", "A"),
        ("a_p", "premise", "A"),
        ("a_e", "evidence", "A"),
        ("b_t", "thesis", "B"),
        ("b_o", "objection", "B"),
        ("c_r", "recommendation", "C"),
        ("x", "evidence", None),
    ],
    [
        ("a_p", "support", "a_t"),
        ("a_e", "support", "a_p"),
        ("b_t", "attack", "a_p"),  # B's thesis attacks A's premise
        ("b_o", "attack", "b_t"),
        ("c_r", "support", "b_t"),
        ("x", "support", "c_r"),
    ],
)


def test_depth_is_longest_chain_to_a_claim_that_links_nowhere() -> None:
    assert claim_depths(SMALL) == {
        "a_t": 0,
        "a_p": 1,
        "a_e": 2,
        "b_t": 2,
        "b_o": 3,
        "c_r": 3,
        "x": 4,
    }


def test_one_column_per_author_in_author_order_and_orphans_last() -> None:
    pos = lane_layout(SMALL)
    assert set(pos) == {c.id for c in SMALL.claims}
    xs = {a: {pos[c.id].x for c in SMALL.claims if c.author == a} for a in ("A", "B", "C", None)}
    assert all(len(v) == 1 for v in xs.values())
    lane_x = [next(iter(xs[a])) for a in ("A", "B", "C", None)]
    assert lane_x == sorted(lane_x) and len(set(lane_x)) == 4
    # The author with no claims takes no room: lanes are evenly spaced.
    gaps = {round(b - a, 6) for a, b in itertools.pairwise(lane_x)}
    assert len(gaps) == 1


def test_every_link_runs_upward_on_an_acyclic_map() -> None:
    pos = lane_layout(SMALL)
    for link in SMALL.links:
        assert pos[link.from_claim].y > pos[link.to_claim].y, link.id


def test_cards_never_overlap_even_with_real_sizes() -> None:
    amap = synthetic_map(120, seed=3)
    sizes = {c.id: (220.0, 64.0 + 17.0 * (i % 4)) for i, c in enumerate(amap.claims)}
    pos = lane_layout(amap, sizes)
    boxes = [
        (pos[c].x - w / 2, pos[c].y - h / 2, pos[c].x + w / 2, pos[c].y + h / 2)
        for c, (w, h) in sizes.items()
    ]
    boxes.sort()
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if b[0] >= a[2]:
                break
            assert a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_links_mostly_run_upward_on_a_synthetic_map() -> None:
    amap = synthetic_map(300, seed=1)
    pos = lane_layout(amap)
    upward = sum(pos[x.from_claim].y > pos[x.to_claim].y for x in amap.links)
    assert upward == len(amap.links)  # synthetic links point to older claims: acyclic


def test_a_cycle_shares_one_row_and_still_lays_out() -> None:
    amap = make_map(
        [("p", "premise", "A"), ("q", "premise", "B"), ("t", "thesis", "A")],
        [("p", "attack", "q"), ("q", "attack", "p"), ("q", "support", "t")],
    )
    depth = claim_depths(amap)
    assert depth["p"] == depth["q"] == 1 and depth["t"] == 0
    pos = lane_layout(amap)
    assert pos["p"].y == pos["q"].y > pos["t"].y


def test_same_row_same_lane_stacks_by_kind_then_map_order() -> None:
    amap = make_map(
        [("e", "evidence", "A"), ("t2", "thesis", "A"), ("t1", "thesis", "A")],
        [],
    )
    pos = lane_layout(amap, origin=Point(x=10, y=20))
    assert pos["t2"].y < pos["t1"].y < pos["e"].y
    w, h = estimate_card_size("t2")
    assert pos["t2"] == Point(x=10 + w / 2, y=20 + h / 2)


def test_empty_map() -> None:
    assert lane_layout(ArgumentMap()) == {}


def test_applied_as_one_undoable_edit() -> None:
    doc = MapDocument(SMALL.model_copy(deep=True))
    before = doc.map.model_dump()
    history = History(doc)
    history.do(apply_layout(lane_layout(doc.map)))
    assert doc.claims["a_t"].pos == lane_layout(SMALL)["a_t"]
    assert history.undo()
    assert doc.map.model_dump() == before


def _lane_ranges(amap: ArgumentMap, pos: dict[str, Point]) -> list[tuple[float, float]]:
    ranges = []
    for author in amap.authors:
        xs = [pos[c.id].x for c in amap.claims if c.author == author.id]
        if xs:
            ranges.append((min(xs), max(xs)))
    return ranges


def test_wider_lanes_stay_separate_ordered_and_keep_rows_by_depth() -> None:
    amap = synthetic_map(200, seed=5)
    pos = lane_layout(amap, columns=3)
    ranges = _lane_ranges(amap, pos)
    assert any(hi > lo for lo, hi in ranges)  # lanes really are several cards wide
    for (_, hi), (lo, _) in itertools.pairwise(ranges):
        assert hi + 220 < lo  # a card's width and a gap between neighbouring lanes
    for link in amap.links:  # acyclic synthetic map: still every link upward
        assert pos[link.from_claim].y > pos[link.to_claim].y


def test_automatic_columns_come_closer_to_the_aspect() -> None:
    amap = synthetic_map(300, seed=2)

    def aspect(pos: dict[str, Point]) -> float:
        xs = [p.x for p in pos.values()]
        ys = [p.y for p in pos.values()]
        return (max(ys) - min(ys)) / (max(xs) - min(xs))

    single, auto = lane_layout(amap), lane_layout(amap, columns=None, aspect=0.6)
    assert aspect(single) > 2  # single file: far taller than wide
    assert abs(aspect(auto) - 0.6) < abs(aspect(single) - 0.6)
    assert len(_lane_ranges(amap, auto)) == len(amap.authors)
