"""The layered layout and the free-spot finder, without Qt: no overlaps, conclusions on top,
cycles and loose claims handled, and a drawing shaped for a screen rather than a ribbon."""

from __future__ import annotations

import itertools

import pytest

from argmap.drawing.layout import CARD_WIDTH, compute_layout, estimate_card_size, layered_layout
from argmap.drawing.placement import place_new_claim
from argmap.edit.document import MapDocument
from argmap.map.model import ArgumentMap, Author, Claim, Link, Point
from argmap.map.synthetic import synthetic_map

Rect = tuple[float, float, float, float]


def _claim(cid: str, text: str = "A claim", kind: str = "premise") -> Claim:
    return Claim.model_validate({"id": cid, "kind": kind, "text": text})


def _link(lid: str, a: str, b: str, kind: str = "support") -> Link:
    return Link.model_validate({"id": lid, "kind": kind, "from_claim": a, "to_claim": b})


def _rects(positions: dict[str, Point], sizes: dict[str, tuple[float, float]]) -> dict[str, Rect]:
    return {
        cid: (
            p.x - sizes[cid][0] / 2,
            p.y - sizes[cid][1] / 2,
            p.x + sizes[cid][0] / 2,
            p.y + sizes[cid][1] / 2,
        )
        for cid, p in positions.items()
    }


def _overlaps(rects: dict[str, Rect]) -> list[tuple[str, str]]:
    out = []
    for (a, ra), (b, rb) in itertools.combinations(rects.items(), 2):
        if ra[0] < rb[2] and rb[0] < ra[2] and ra[1] < rb[3] and rb[1] < ra[3]:
            out.append((a, b))
    return out


def test_conclusions_sit_above_their_premises() -> None:
    amap = ArgumentMap(
        claims=[
            _claim("t", kind="thesis"),
            _claim("p1"),
            _claim("p2"),
            _claim("e1", kind="evidence"),
        ],
        links=[_link("l1", "p1", "t"), _link("l2", "p2", "t", "attack"), _link("l3", "e1", "p1")],
    )
    pos = layered_layout(amap)
    assert set(pos) == {"t", "p1", "p2", "e1"}
    assert pos["t"].y < pos["p1"].y < pos["e1"].y
    assert pos["t"].y < pos["p2"].y
    assert pos["p1"].y == pos["p2"].y  # same rank


def test_given_sizes_are_respected_so_tall_cards_never_overlap() -> None:
    amap = synthetic_map(60, seed=3)
    sizes = {
        c.id: (CARD_WIDTH + (i % 3) * 40, 60.0 + (i % 5) * 45) for i, c in enumerate(amap.claims)
    }
    pos = layered_layout(amap, sizes)
    assert _overlaps(_rects(pos, sizes)) == []


def test_estimated_sizes_never_overlap_on_a_synthetic_map() -> None:
    amap = synthetic_map(150, seed=1)
    pos = layered_layout(MapDocument(amap))  # a document works as well as a map
    sizes = {c.id: estimate_card_size(c.text) for c in amap.claims}
    assert len(pos) == 150
    assert _overlaps(_rects(pos, sizes)) == []
    upward = sum(1 for x in amap.links if pos[x.from_claim].y > pos[x.to_claim].y)
    assert upward == len(amap.links)  # acyclic: every arrow points up


def test_cycles_are_laid_out() -> None:
    amap = ArgumentMap(
        claims=[_claim("a"), _claim("b"), _claim("c")],
        links=[_link("l1", "a", "b"), _link("l2", "b", "c"), _link("l3", "c", "a", "attack")],
    )
    pos = layered_layout(amap)
    assert set(pos) == {"a", "b", "c"}
    assert len({p.y for p in pos.values()}) == 3


def test_unlinked_claims_form_a_grid_not_a_ribbon() -> None:
    amap = ArgumentMap(claims=[_claim(f"c{i}") for i in range(40)])
    pos = layered_layout(amap)
    xs = [p.x for p in pos.values()]
    ys = [p.y for p in pos.values()]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    assert len({round(y) for y in ys}) > 3  # several rows
    assert width < 10 * (height + 100)
    sizes = {c.id: estimate_card_size(c.text) for c in amap.claims}
    assert _overlaps(_rects(pos, sizes)) == []


def test_many_small_parts_are_packed_in_rows() -> None:
    claims, links = [], []
    for k in range(20):  # twenty separate little arguments
        claims += [_claim(f"t{k}", kind="thesis"), _claim(f"p{k}")]
        links.append(_link(f"l{k}", f"p{k}", f"t{k}"))
    amap = ArgumentMap(claims=claims, links=links)
    pos = layered_layout(amap)
    xs = [p.x for p in pos.values()]
    ys = [p.y for p in pos.values()]
    assert max(xs) - min(xs) < 4 * (max(ys) - min(ys))
    for k in range(20):
        assert pos[f"t{k}"].y < pos[f"p{k}"].y


def test_empty_map_and_single_claim() -> None:
    assert layered_layout(ArgumentMap()) == {}
    assert set(layered_layout(ArgumentMap(claims=[_claim("x")]))) == {"x"}


def test_layout_is_deterministic() -> None:
    amap = synthetic_map(80, seed=5)
    assert layered_layout(amap) == layered_layout(amap)


def test_card_size_estimate_grows_with_text() -> None:
    short = estimate_card_size("Engage")
    long = estimate_card_size("Engage the Taliban while leveraging Pakistan " * 4)
    assert short[0] == long[0] == CARD_WIDTH
    assert long[1] > short[1]
    assert estimate_card_size("x" * 200)[1] > short[1]  # one long word still wraps


def test_place_new_claim_returns_the_wish_when_free() -> None:
    amap = ArgumentMap(claims=[_claim("a").model_copy(update={"pos": Point(x=0, y=0)})])
    spot = place_new_claim(amap, near=Point(x=0, y=500))
    assert spot == Point(x=0, y=500)


def test_place_new_claim_avoids_cards_and_stays_near() -> None:
    claims = [
        _claim(f"c{i}").model_copy(update={"pos": Point(x=(i % 5) * 240.0, y=(i // 5) * 100.0)})
        for i in range(25)
    ]
    amap = ArgumentMap(claims=claims)
    size = (CARD_WIDTH, 64.0)
    spot = place_new_claim(amap, near=Point(x=480, y=200), size=size)
    sizes = {c.id: estimate_card_size(c.text) for c in claims}
    rects = _rects({c.id: c.pos for c in claims if c.pos is not None}, sizes)
    rects["new"] = (
        spot.x - size[0] / 2,
        spot.y - size[1] / 2,
        spot.x + size[0] / 2,
        spot.y + size[1] / 2,
    )
    assert [pair for pair in _overlaps(rects) if "new" in pair] == []
    assert abs(spot.x - 480) + abs(spot.y - 200) < 1200


def test_place_new_claim_without_a_wish_goes_below_the_drawing() -> None:
    claims = [
        _claim("a").model_copy(update={"pos": Point(x=0, y=0)}),
        _claim("b").model_copy(update={"pos": Point(x=300, y=200)}),
    ]
    spot = place_new_claim(ArgumentMap(claims=claims))
    assert spot.y > 200
    assert place_new_claim(ArgumentMap()) == Point(x=0, y=0)


def test_place_new_claim_uses_drawn_positions_and_skips_excluded() -> None:
    amap = ArgumentMap(
        authors=[Author(id="a", name="A")],
        claims=[_claim("a1"), _claim("new")],
    )
    drawn = {"a1": Point(x=0, y=0), "new": Point(x=0, y=0)}
    spot = place_new_claim(amap, near=Point(x=0, y=0), positions=drawn, exclude=["new"])
    assert spot != Point(x=0, y=0)  # a1 is drawn there although it has no saved pos


def test_place_new_claim_does_not_avoid_the_excluded_claim() -> None:
    """The excluded claim (the new card itself, already drawn where it was made) leaves its
    spot free: the spot wished for is taken as it is. Ignoring ``exclude`` moves it away."""
    amap = ArgumentMap(claims=[_claim("far"), _claim("new")])
    drawn = {"far": Point(x=5000, y=5000), "new": Point(x=0, y=0)}
    near = Point(x=0, y=0)
    assert place_new_claim(amap, near=near, positions=drawn, exclude=["new"]) == near
    assert place_new_claim(amap, near=near, positions=drawn) != near  # it is avoided otherwise


def _on_border(p: Point, centre: Point, size: tuple[float, float], slack: float = 5.0) -> bool:
    w, h = size
    dx, dy = abs(p.x - centre.x), abs(p.y - centre.y)
    on_side = abs(dx - w / 2) <= slack and dy <= h / 2 + slack
    on_top_or_bottom = abs(dy - h / 2) <= slack and dx <= w / 2 + slack
    return on_side or on_top_or_bottom


def test_routes_run_from_border_to_border_around_other_cards() -> None:
    amap = synthetic_map(60, seed=3)
    layout = compute_layout(amap, routes=True)
    assert layout.positions == layered_layout(amap)  # routing does not move anything
    sizes = {c.id: estimate_card_size(c.text) for c in amap.claims}
    assert set(layout.routes) == {x.id for x in amap.links}
    for link in amap.links:
        route = layout.routes[link.id]
        assert len(route) >= 2
        a, b = layout.positions[link.from_claim], layout.positions[link.to_claim]
        assert _on_border(route[0], a, sizes[link.from_claim])
        assert _on_border(route[-1], b, sizes[link.to_claim])
        for claim in amap.claims:
            if claim.id in (link.from_claim, link.to_claim):
                continue
            c, (w, h) = layout.positions[claim.id], sizes[claim.id]
            assert not any(
                abs(q.x - c.x) < w / 2 - 6 and abs(q.y - c.y) < h / 2 - 6 for q in route
            ), f"{link.id} runs through {claim.id}"


def test_arrows_into_one_conclusion_arrive_apart() -> None:
    claims = [_claim("t", kind="thesis")] + [_claim(f"p{i}") for i in range(4)]
    links = [_link(f"l{i}", f"p{i}", "t") for i in range(4)]
    layout = compute_layout(ArgumentMap(claims=claims, links=links), routes=True)
    tips = [layout.routes[f"l{i}"][-1] for i in range(4)]
    gaps = [abs(a.x - b.x) + abs(a.y - b.y) for a, b in itertools.combinations(tips, 2)]
    assert min(gaps) >= 10


def test_routes_only_on_request_and_for_maps_that_are_not_too_big(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    amap = synthetic_map(30, seed=4)
    assert compute_layout(amap).routes == {}
    import argmap.drawing.layout as layout_module

    monkeypatch.setattr(layout_module, "ROUTE_MAX_CLAIMS", 10)
    assert compute_layout(amap, routes=True).routes == {}


def test_placing_in_turn_is_placing_one_by_one() -> None:
    """place_in_turn keeps one occupancy grid for all cards; it must put every card where
    repeated place_new_claim calls (each seeing the cards placed before it) put it."""
    from argmap.drawing.placement import near_linked, place_in_turn, place_new_claim
    from argmap.map.model import Point
    from argmap.map.synthetic import synthetic_map

    amap = synthetic_map(200, with_positions=True, seed=4)
    claims = [
        c.model_copy(update={"pos": None}) if k % 3 == 0 else c for k, c in enumerate(amap.claims)
    ]
    amap = amap.model_copy(update={"claims": claims})
    sizes = {c.id: (220.0, 64.0 + (k % 4) * 17) for k, c in enumerate(amap.claims)}
    start = {c.id: ((c.pos.x, c.pos.y) if c.pos else (0.0, 0.0)) for c in amap.claims}
    order = [c.id for c in amap.claims if c.pos is None]
    near = near_linked(((x.from_claim, x.to_claim) for x in amap.links), sizes)
    expected = dict(start)
    for claim_id in order:
        others = {k: v for k, v in expected.items() if k != claim_id}
        wish = near(claim_id, others)
        spot = place_new_claim(
            amap,
            near=Point(x=wish[0], y=wish[1]) if wish else None,
            size=sizes[claim_id],
            positions={k: Point(x=v[0], y=v[1]) for k, v in expected.items()},
            sizes=sizes,
            exclude=[claim_id],
        )
        expected[claim_id] = (spot.x, spot.y)
    assert place_in_turn(order, start, sizes, near) == expected
    assert any(near(cid, start) is None for cid in order)  # both kinds of wish were tried
