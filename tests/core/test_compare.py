"""Positions matrix, agreement, diff, contested claims and load-bearing premises.

Small hand-built maps have answers worked out by hand; on the bundled comparison map every
expectation is recomputed from the map's own claims, links and stances, so the tests keep
holding while the analyst edits the map.
"""

from __future__ import annotations

import random
from collections import Counter

import networkx as nx
import pytest

from argmap.analysis.authors import find_author, short_names
from argmap.analysis.compare import (
    Agreement,
    agreement_matrix,
    author_diff,
    author_edges,
    contested_claims,
    load_bearing,
)
from argmap.analysis.positions import positions_matrix
from argmap.map.mapfile import load
from argmap.map.model import ArgumentMap, Author, Claim, Link, Position
from tests.conftest import MAPS

DEBATE = MAPS / "afghanistan-debate.argmap.json"


def make_map(
    claims: list[tuple[str, str, str | None]],
    links: list[tuple[str, str, str]],
    positions: list[Position] = (),  # type: ignore[assignment]
    authors: tuple[str, ...] = ("A", "B", "C"),
) -> ArgumentMap:
    """claims: (id, kind, author); links: (from, kind, to)."""
    return ArgumentMap(
        authors=[Author(id=a, name=f"Writer {a}") for a in authors],
        claims=[Claim(id=c, kind=k, text=c, author=a) for c, k, a in claims],  # type: ignore[arg-type]
        links=[
            Link(id=f"l{i}", kind=k, from_claim=f, to_claim=t)  # type: ignore[arg-type]
            for i, (f, k, t) in enumerate(links)
        ],
        positions=list(positions),
    )


@pytest.fixture
def small() -> ArgumentMap:
    return make_map(
        claims=[
            ("a_t", "thesis", "A"),
            ("a_p", "premise", "A"),
            ("b_t", "thesis", "B"),
            ("b_p", "premise", "B"),
            ("c_r", "recommendation", "C"),
            ("c_p", "premise", "C"),
            ("n", "evidence", None),
        ],
        links=[
            ("a_p", "support", "a_t"),
            ("b_p", "attack", "a_t"),  # B attacks A
            ("c_r", "support", "a_t"),  # C supports A
            ("a_p", "support", "b_t"),  # A supports B
            ("a_p", "attack", "b_p"),  # A attacks B
            ("c_p", "attack", "a_t"),  # C attacks A too
            ("n", "attack", "a_t"),  # no author: counts as an attack, not as an author
            ("b_p", "support", "b_t"),  # within B: never cross-author
        ],
        positions=[
            Position(
                id="p1",
                label="Engage?",
                stances={"A": "for", "B": "against", "C": "silent"},
                grounds=["a_t"],
            ),
            Position(
                id="p2", label="Leverage?", stances={"A": "against", "B": "for"}, grounds=["b_t"]
            ),
            Position(id="p3", label="Aid?", stances={"A": "mixed", "C": "for"}, grounds=[]),
        ],
    )


# ------------------------------------------------------------------ positions matrix
def test_positions_matrix_stated_and_suggested(small: ArgumentMap) -> None:
    m = positions_matrix(small)
    assert [a.id for a in m.authors] == ["A", "B", "C"]
    assert [p.id for p in m.positions] == ["p1", "p2", "p3"]
    a1, b1, c1 = (m.cell("p1", x) for x in "ABC")
    # A owns the ground; its own support of it (l0) says nothing about sides.
    assert (a1.stated, a1.suggested, a1.disagrees) == ("for", None, False)
    assert a1.evidence.own == ("a_t",) and a1.evidence.unplaced == ()
    assert "consistent with the map" in a1.reason
    # The ground is A's, and A is for: B attacking it backs "against", as B stated.
    assert (b1.stated, b1.suggested, b1.disagrees) == ("against", "against", False)
    assert b1.evidence.backs_against == ("l1",)
    # C recorded silent, but its recommendation supports and its premise attacks the ground.
    assert (c1.stated, c1.suggested, c1.disagrees) == ("silent", "mixed", True)
    assert c1.evidence.backs_for == ("l2",) and c1.evidence.backs_against == ("l5",)
    assert set(c1.claims) == {"c_r", "c_p"}
    assert c1.reason == (
        "stated silent, but the map suggests mixed: 1 link backing the for side, "
        "1 link backing the against side"
    )
    # p2's ground b_t is B's, and B is for: A supports it, so the map suggests for.
    a2 = m.cell("p2", "A")
    assert (a2.stated, a2.suggested, a2.disagrees) == ("against", "for", True)
    b2 = m.cell("p2", "B")
    assert (b2.suggested, b2.disagrees, b2.evidence.own) == (None, False, ("b_t",))
    assert b2.claims == ("b_t", "b_p")  # own ground, and the own claim supporting it
    c2 = m.cell("p2", "C")
    assert (c2.stated, c2.suggested, c2.disagrees) == (None, None, False)
    assert "none of this author's claims touch the grounds" in c2.reason
    # p3 has no grounds: the map cannot contradict anyone.
    assert all(m.cell("p3", x).suggested is None for x in "ABC")
    assert {(c.position_id, c.author_id) for c in m.disagreements()} == {("p1", "C"), ("p2", "A")}


def test_a_ground_takes_the_side_of_its_author() -> None:
    amap = make_map(
        [
            ("no", "premise", "A"),
            ("yes", "premise", "B"),
            ("c1", "premise", "C"),
            ("c2", "evidence", "C"),
        ],
        [("c1", "support", "no"), ("c2", "attack", "yes")],
        [Position(id="p", label="Q?", stances={"A": "against", "B": "for"}, grounds=["no", "yes"])],
    )
    cell = positions_matrix(amap).cell("p", "C")
    # Supporting an "against" ground and attacking a "for" ground both back "against".
    assert cell.evidence.backs_against == ("l0", "l1") and cell.suggested == "against"
    assert cell.disagrees  # C unrecorded


def test_grounds_of_a_mixed_author_place_no_one_but_silence_is_flagged() -> None:
    amap = make_map(
        [("g", "premise", "A"), ("x", "premise", "B"), ("own", "premise", "C")],
        [("x", "support", "g")],
        [
            Position(
                id="p",
                label="Q?",
                stances={"A": "mixed", "B": "silent", "C": "silent"},
                grounds=["g", "own"],
            )
        ],
    )
    m = positions_matrix(amap)
    b = m.cell("p", "B")
    assert b.evidence.unplaced == ("l0",) and b.suggested is None
    assert b.disagrees and "the author's claims address it" in b.reason
    c = m.cell("p", "C")  # recorded silent, yet one of the grounds is C's
    assert c.evidence.own == ("own",) and c.disagrees
    assert not m.cell("p", "A").disagrees  # mixed, own ground, nothing against it


def test_recorded_sides_place_a_mixed_authors_grounds() -> None:
    amap = make_map(
        [
            ("yes", "recommendation", "A"),
            ("no", "premise", "A"),
            ("rejected", "objection", "A"),
            ("x", "premise", "B"),
        ],
        [("x", "attack", "no")],
        [
            Position(
                id="p",
                label="Q?",
                stances={"A": "mixed", "B": "for"},
                grounds=["yes", "no", "rejected"],
                sides={"yes": "for", "no": "against", "rejected": "for"},
            )
        ],
    )
    m = positions_matrix(amap)
    a = m.cell("p", "A")
    # A's own grounds now argue both sides (the objection "for" is a view A rejects, so
    # it counts against for A): the map suggests mixed, as stated.
    assert a.evidence.own_for == ("yes",) and a.evidence.own_against == ("no", "rejected")
    assert (a.suggested, a.disagrees) == ("mixed", False)
    assert "3 own claims among the grounds (1 for, 2 against)" in a.reason
    # B attacks a ground recorded "against": that backs for, as B stated (without the
    # recorded side the ground of a mixed author would place B nowhere).
    b = m.cell("p", "B")
    assert b.evidence.backs_for == ("l0",) and (b.suggested, b.disagrees) == ("for", False)


def test_bundled_comparison_map_records_sides_only_for_its_grounds() -> None:
    amap = load(DEBATE)
    assert any(p.sides for p in amap.positions)
    for position in amap.positions:
        assert set(position.sides) <= set(position.grounds)
        assert set(position.sides.values()) <= {"for", "against"}


def test_unrecorded_stance_with_evidence_is_flagged() -> None:
    amap = make_map(
        [("a", "thesis", "A"), ("b", "premise", "B")],
        [("b", "attack", "a")],
        [Position(id="p", label="Q?", stances={"A": "for"}, grounds=["a"])],
    )
    cell = positions_matrix(amap).cell("p", "B")
    assert (cell.stated, cell.suggested, cell.disagrees) == (None, "against", True)
    assert cell.reason.startswith("stated unrecorded, but the map suggests against")


# ------------------------------------------------------------------ authors
def test_author_edges_and_agreement(small: ArgumentMap) -> None:
    edges = {(e.source, e.target): e for e in author_edges(small)}
    assert set(edges) == {("B", "A"), ("C", "A"), ("A", "B")}
    assert (edges[("B", "A")].supports, edges[("B", "A")].attacks) == (0, 1)
    assert (edges[("C", "A")].supports, edges[("C", "A")].attacks, edges[("C", "A")].net) == (
        1,
        1,
        0,
    )
    assert (edges[("A", "B")].supports, edges[("A", "B")].attacks) == (1, 1)
    agree = agreement_matrix(small)
    assert agree[("A", "B")] == agree[("B", "A")] == Agreement(1, 2, agree=1, disagree=2)
    assert agree[("A", "B")].net == -1
    assert agree[("A", "B")].score == pytest.approx(-1 / 3)
    assert agree[("A", "C")] == Agreement(1, 1, 1, 1)
    assert agree[("B", "C")].score is None
    assert ("A", "A") not in agree


def test_links_around_objections_mean_the_reverse() -> None:
    amap = make_map(
        [
            ("a_t", "thesis", "A"),
            ("a_obj", "objection", "A"),  # a view A reports in order to reject it
            ("b_p", "premise", "B"),
            ("b_q", "premise", "B"),
            ("c_obj", "objection", "C"),
        ],
        [
            ("b_p", "attack", "a_obj"),  # B rejects what A rejects: agreement
            ("b_q", "support", "a_obj"),  # B backs the view A rejects: disagreement
            ("c_obj", "attack", "a_t"),  # a view C rejects attacks A's thesis: C sides with A
            ("c_obj", "support", "a_obj"),  # two rejected views back each other: agreement
        ],
    )
    edges = {(e.source, e.target): e for e in author_edges(amap)}
    b_a = edges[("B", "A")]
    assert (b_a.supports, b_a.attacks, b_a.agree, b_a.disagree, b_a.net) == (1, 1, 1, 1, 0)
    c_a = edges[("C", "A")]
    assert (c_a.supports, c_a.attacks, c_a.agree, c_a.disagree) == (1, 1, 2, 0)
    agree = agreement_matrix(amap)
    assert agree[("A", "C")].score == 1.0
    d = author_diff(amap, "A", "B")
    assert [x.id for x in d.agreeing] == ["l0"] and [x.id for x in d.disagreeing] == ["l1"]
    assert [x.id for x in d.attacks] == ["l0"]  # the raw kinds are still there


def test_an_objection_among_the_grounds_argues_the_other_side() -> None:
    amap = make_map(
        [("a_obj", "objection", "A"), ("b_p", "premise", "B"), ("c_obj", "objection", "C")],
        [("b_p", "support", "a_obj"), ("c_obj", "support", "a_obj")],
        [Position(id="p", label="Q?", stances={"A": "for"}, grounds=["a_obj"])],
    )
    m = positions_matrix(amap)
    # A is for, so the objection A reports (and rejects) argues against; B backs it.
    assert m.cell("p", "B").suggested == "against"
    # C's own rejected view backs A's rejected view: C is on A's side.
    assert m.cell("p", "C").suggested == "for"


def test_diff_of_two_authors(small: ArgumentMap) -> None:
    d = author_diff(small, "A", "B")
    assert [x.id for x in d.supports] == ["l3"]
    assert sorted(x.id for x in d.attacks) == ["l1", "l4"]
    assert [p.position_id for p in d.opposite] == ["p1", "p2"]
    assert d.same == () and d.differ == ()
    assert [p.position_id for p in d.only_a] == ["p3"]
    assert d.only_b == ()
    d2 = author_diff(small, "A", "C")
    assert [p.position_id for p in d2.differ] == ["p3"]  # mixed vs for: differ, not opposite
    assert [p.position_id for p in d2.only_a] == ["p1", "p2"]  # C silent / unrecorded
    with pytest.raises(ValueError, match="unknown author 'Z'"):
        author_diff(small, "A", "Z")
    with pytest.raises(ValueError, match="two different"):
        author_diff(small, "A", "A")


def test_find_author_by_id_name_or_unique_word() -> None:
    amap = make_map([], [], authors=("sg", "jb"))
    amap.authors[0] = Author(id="sg", name="Sahar Ghumkhor")
    amap.authors[1] = Author(id="jb", name="James Baker")
    assert find_author(amap, "sg") is amap.authors[0]
    assert find_author(amap, "james baker") is amap.authors[1]
    assert find_author(amap, "Ghumkhor") is amap.authors[0]
    assert find_author(amap, "Nobody") is None
    amap.authors.append(Author(id="jb2", name="Jo Baker"))
    assert find_author(amap, "Baker") is None  # ambiguous: no guess


def test_short_names_fall_back_to_ids_when_last_names_collide() -> None:
    authors = [
        Author(id="x", name="Ann Lee"),
        Author(id="y", name="Bo Lee"),
        Author(id="z", name="Cy Park"),
        Author(id="gzero", name="GZERO Media"),
        Author(id="kabul", name="Kabul op-ed (author not named)"),
        Author(id="fa", name="Foreign Affairs essay (author not named)"),
    ]
    assert short_names(authors) == {
        "x": "x",
        "y": "y",
        "z": "Park",
        "gzero": "GZERO",
        "kabul": "Kabul",
        "fa": "Foreign Affairs",  # the name's words, not the id the legend never shows
    }


# ------------------------------------------------------------------ contested
def test_contested_ranks_by_attacking_authors_then_attacks(small: ArgumentMap) -> None:
    result = contested_claims(small)
    assert [c.claim_id for c in result] == ["a_t", "b_p"]
    top = result[0]
    assert top.authors == ("B", "C")  # n has no author
    assert len(top.attacks) == 3
    assert contested_claims(small, limit=1) == result[:1]


# ------------------------------------------------------------------ load-bearing
def _paths_through(amap: ArgumentMap) -> Counter[str]:
    """Brute force: every support path ending at a thesis/recommendation, counted per inner node."""
    g = nx.DiGraph()
    g.add_nodes_from(c.id for c in amap.claims)
    g.add_edges_from((x.from_claim, x.to_claim) for x in amap.links if x.kind == "support")
    targets = [c.id for c in amap.claims if c.kind in ("thesis", "recommendation")]
    counts: Counter[str] = Counter()
    for t in targets:
        for s in g.nodes:
            if s == t:
                continue
            for path in nx.all_simple_paths(g, s, t):
                counts.update(path[:-1])
    return counts


def test_load_bearing_counts_paths_by_hand() -> None:
    amap = make_map(
        [
            ("t", "thesis", "A"),
            ("r", "recommendation", "A"),
            ("p", "premise", "A"),
            ("e", "evidence", "B"),
            ("e2", "evidence", "C"),
            ("lonely", "premise", "C"),
        ],
        [
            ("e", "support", "p"),
            ("e2", "support", "p"),
            ("p", "support", "t"),
            ("p", "support", "r"),
            ("r", "support", "t"),
            ("e2", "attack", "t"),  # attacks carry no load
        ],
    )
    result = load_bearing(amap)
    # p: 3 ways in (p, e→p, e2→p) × 3 ways on (→t, →r, →r→t) = 9; e and e2: 1 × 3.
    assert [(x.claim_id, x.paths) for x in result] == [("p", 9), ("e", 3), ("e2", 3)]
    assert result[0].targets == ("t", "r")
    assert _paths_through(amap)["p"] == 9


def test_load_bearing_matches_brute_force_on_random_dags() -> None:
    rng = random.Random(7)
    kinds = ["thesis", "recommendation", "premise", "evidence", "objection"]
    for _ in range(25):
        n = rng.randint(3, 12)
        claims = [(f"c{i}", rng.choice(kinds), "A") for i in range(n)]
        links = list(
            {
                (f"c{i}", rng.choice(["support", "support", "attack"]), f"c{j}")
                for i in range(n)
                for j in range(i)
                if rng.random() < 0.3
            }
        )
        amap = make_map(claims, links)
        brute = _paths_through(amap)
        got = {x.claim_id: x.paths for x in load_bearing(amap, limit=None)}
        kind = {c.id: c.kind for c in amap.claims}
        expected = {
            c: k for c, k in brute.items() if k and kind[c] not in ("thesis", "recommendation")
        }
        assert got == expected


def test_load_bearing_survives_a_support_cycle() -> None:
    amap = make_map(
        [("t", "thesis", "A"), ("p", "premise", "A"), ("q", "premise", "B")],
        [("p", "support", "q"), ("q", "support", "p"), ("q", "support", "t")],
    )
    result = {x.claim_id: x.paths for x in load_bearing(amap)}
    assert set(result) == {"p", "q"} and result["p"] == result["q"] > 0


# ------------------------------------------------------------------ the bundled debate
@pytest.fixture(scope="module")
def debate() -> ArgumentMap:
    return load(DEBATE)


def test_debate_is_a_real_comparison(debate: ArgumentMap) -> None:
    author_of = {c.id: c.author for c in debate.claims}
    cross = [
        x for x in debate.links if author_of[x.from_claim] not in (None, author_of[x.to_claim])
    ]
    assert len(debate.authors) >= 5
    assert {x.kind for x in cross} == {"support", "attack"}
    assert len(debate.positions) >= 5


def test_debate_agreement_counts_links_between_each_pair(debate: ArgumentMap) -> None:
    author_of = {c.id: c.author for c in debate.claims}
    kind_of = {c.id: c.kind for c in debate.claims}
    agree = agreement_matrix(debate)
    for a in debate.authors:
        for b in debate.authors:
            if a.id == b.id:
                continue
            between = [
                x
                for x in debate.links
                if {author_of[x.from_claim], author_of[x.to_claim]} == {a.id, b.id}
            ]
            assert agree[(a.id, b.id)].supports == sum(x.kind == "support" for x in between)
            assert agree[(a.id, b.id)].attacks == sum(x.kind == "attack" for x in between)
            meaning = [
                (x.kind == "support")
                ^ (kind_of[x.to_claim] == "objection")
                ^ (kind_of[x.from_claim] == "objection")
                for x in between
            ]
            assert agree[(a.id, b.id)].agree == sum(meaning)
            assert agree[(a.id, b.id)].disagree == len(meaning) - sum(meaning)
    total = sum(e.supports + e.attacks for e in author_edges(debate))
    assert total == sum(
        1
        for x in debate.links
        if author_of[x.from_claim]
        and author_of[x.to_claim]
        and author_of[x.from_claim] != author_of[x.to_claim]
    )


def test_debate_matrix_follows_stances_and_links(debate: ArgumentMap) -> None:
    author_of = {c.id: c.author for c in debate.claims}
    kind_of = {c.id: c.kind for c in debate.claims}
    m = positions_matrix(debate)
    flip = {"for": "against", "against": "for"}
    for pos in debate.positions:
        for a in debate.authors:
            cell = m.cell(pos.id, a.id)
            assert cell.stated == pos.stances.get(a.id)
            sides = set()
            touches = any(author_of[g] == a.id for g in pos.grounds)
            for g, recorded in pos.sides.items():  # the author's own grounds with a side
                if author_of[g] == a.id:
                    sides.add(flip[recorded] if kind_of[g] == "objection" else recorded)
            for x in debate.links:
                if x.to_claim not in pos.grounds or author_of[x.from_claim] != a.id:
                    continue
                touches = True
                owner = author_of[x.to_claim]
                side = pos.stances.get(owner) if owner != a.id else None
                if owner != a.id and x.to_claim in pos.sides:
                    side = pos.sides[x.to_claim]
                elif side in flip and kind_of[x.to_claim] == "objection":
                    side = flip[side]
                if side in flip:
                    backing = (x.kind == "support") ^ (kind_of[x.from_claim] == "objection")
                    sides.add(side if backing else flip[side])
            expected = "mixed" if len(sides) == 2 else next(iter(sides), None)
            assert cell.suggested == expected, (pos.id, a.id)
            stated = cell.stated or "silent"
            flagged = stated != expected if expected else (stated == "silent" and touches)
            assert cell.disagrees == flagged, (pos.id, a.id)


def test_debate_diff_of_every_pair(debate: ArgumentMap) -> None:
    author_of = {c.id: c.author for c in debate.claims}
    ids = [a.id for a in debate.authors]
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            d = author_diff(debate, a, b)
            clash = [
                x.id
                for x in debate.links
                if x.kind == "attack" and {author_of[x.from_claim], author_of[x.to_claim]} == {a, b}
            ]
            assert sorted(x.id for x in d.attacks) == sorted(clash)
            for pos in debate.positions:
                sa, sb = pos.stances.get(a), pos.stances.get(b)
                in_same = any(p.position_id == pos.id for p in d.same)
                in_opp = any(p.position_id == pos.id for p in d.opposite)
                assert in_same == (sa == sb and sa not in (None, "silent"))
                assert in_opp == ({sa, sb} == {"for", "against"})


def test_debate_contested_claims(debate: ArgumentMap) -> None:
    author_of = {c.id: c.author for c in debate.claims}
    result = contested_claims(debate)
    attacked = {x.to_claim for x in debate.links if x.kind == "attack"}
    assert {c.claim_id for c in result} == attacked
    for c in result:
        assert set(c.attacks) == {
            x.id for x in debate.links if x.kind == "attack" and x.to_claim == c.claim_id
        }
        links = {x.id: x for x in debate.links}
        assert set(c.authors) == {author_of[links[i].from_claim] for i in c.attacks} - {None}
    keys = [(-len(c.authors), -len(c.attacks)) for c in result]
    assert keys == sorted(keys)
    # The most contested claim is attacked by at least as many authors as any other claim.
    assert len(result[0].authors) == max(
        len(
            {
                author_of[x.from_claim]
                for x in debate.links
                if x.kind == "attack" and x.to_claim == t
            }
            - {None}
        )
        for t in attacked
    )


def test_debate_load_bearing_agrees_with_brute_force(debate: ArgumentMap) -> None:
    brute = _paths_through(debate)
    result = load_bearing(debate, limit=5)
    assert result, "the debate has support paths into theses"
    for x in result:
        assert x.paths == brute[x.claim_id]
    assert result[0].paths == max(
        k
        for c, k in brute.items()
        if debate.claim_index()[c].kind not in ("thesis", "recommendation")
    )


def test_accepted_only_leaves_out_unreviewed_proposals() -> None:
    from argmap.analysis.compare import accepted_only
    from argmap.map.model import Origin

    guess = Origin(kind="extracted", confidence=0.4, reviewed=False)
    taken = Origin(kind="extracted", confidence=0.4, reviewed=True)
    amap = make_map(
        [("a", "thesis", "A"), ("b", "premise", "B"), ("c", "premise", "C")],
        [("b", "attack", "a"), ("c", "support", "a")],
        [Position(id="p", label="Q?", stances={"A": "for"}, grounds=["a", "c"])],
    )
    amap.claims[2] = amap.claims[2].model_copy(update={"origin": guess})  # c: a proposal
    amap.links[0] = amap.links[0].model_copy(update={"origin": guess})  # b → a: a proposal
    amap.positions[0] = amap.positions[0].model_copy(update={"sides": {"c": "for"}})
    kept, left_out = accepted_only(amap)
    assert left_out == 3  # claim c, its link, and the proposed attack
    assert [c.id for c in kept.claims] == ["a", "b"] and kept.links == []
    assert kept.positions[0].grounds == ["a"] and kept.positions[0].sides == {}
    assert len(amap.claims) == 3 and len(amap.links) == 2  # the input is untouched
    assert agreement_matrix(kept) != agreement_matrix(amap)
    amap.links[0] = amap.links[0].model_copy(update={"origin": taken})  # accepted: counts
    amap.claims[2] = amap.claims[2].model_copy(update={"origin": taken})
    assert accepted_only(amap) == (amap, 0)


def test_short_names_of_imported_stand_in_authors_are_readable() -> None:
    """An import's stand-in author ("“In January, Kabul endured…” (author not named)")
    used to head its column with its long made-up id, "by-in-january-kabul"."""
    from argmap.analysis.authors import short_names
    from argmap.map.model import Author

    authors = [
        Author(
            id="by-in-january-kabul", name="“In January, Kabul endured three…” (author not named)"
        ),
        Author(
            id="by-on-tuesday-at", name="“On Tuesday, at least 25 people were…” (author not named)"
        ),
        Author(id="by-foreign-affairs", name="Foreign Affairs (author not named)"),
        Author(id="kabul", name="Kabul-attacks op-ed (author not named)"),
        Author(id="touqir-hussain", name="Touqir Hussain"),
    ]
    assert list(short_names(authors).values()) == [
        "Kabul", "On Tuesday", "Foreign Affairs", "Kabul-attacks", "Hussain",
    ]  # fmt: skip


def test_a_joint_author_is_headed_by_its_authors_surnames() -> None:
    """A co-authored piece has one joint author; its column named only the last surname."""
    authors = [
        Author(id="lopez-becker", name="Maria Lopez and Tom Becker"),
        Author(id="three", name="Ada Vance, Ben Ortiz and Cy Lund"),
        Author(id="shop", name="Marks and Spencer"),
        Author(id="solo", name="Touqir Hussain"),
    ]
    assert short_names(authors) == {
        "lopez-becker": "Lopez & Becker",
        "three": "Vance et al.",
        "shop": "Spencer",
        "solo": "Hussain",
    }
