"""Grounded labelling against textbook frameworks, a brute-force fixpoint and small maps."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.semantics import (
    LABEL_COLOR,
    LABEL_TEXT,
    grounded_labelling,
    grounded_map,
    label_counts,
    overlay_marks,
)
from argmap.map.model import ArgumentMap, Author, Claim, Link


def lab(args: str, attacks: str) -> dict[str, str]:
    """``lab("abc", "ab bc")``: arguments a, b, c; a attacks b, b attacks c."""
    pairs = [(p[0], p[1]) for p in attacks.split()]
    return dict(grounded_labelling(list(args), pairs))


def test_unattacked_arguments_are_in_and_what_they_attack_is_out() -> None:
    assert lab("abc", "ab") == {"a": "in", "b": "out", "c": "in"}


def test_empty_framework() -> None:
    assert grounded_labelling([], []) == {}


def test_reinstatement_defended_argument_comes_back_in() -> None:
    # c attacks b, b attacks a: c defends a.
    assert lab("abc", "ba cb") == {"a": "in", "b": "out", "c": "in"}


def test_long_chain_alternates() -> None:
    chain = "abcdefg"
    pairs = " ".join(chain[i + 1] + chain[i] for i in range(len(chain) - 1))
    result = lab(chain, pairs)
    # g is unattacked; labels alternate in/out back down the chain.
    assert [result[x] for x in reversed(chain)] == ["in", "out"] * 3 + ["in"]


@pytest.mark.parametrize("length", [2, 4, 6])
def test_even_cycle_is_undecided(length: int) -> None:
    args = "abcdef"[:length]
    pairs = " ".join(args[i] + args[(i + 1) % length] for i in range(length))
    assert set(lab(args, pairs).values()) == {"undecided"}


@pytest.mark.parametrize("length", [3, 5])
def test_odd_cycle_is_undecided(length: int) -> None:
    args = "abcde"[:length]
    pairs = " ".join(args[i] + args[(i + 1) % length] for i in range(length))
    assert set(lab(args, pairs).values()) == {"undecided"}


def test_an_unattacked_attacker_breaks_an_odd_cycle() -> None:
    # a -> b -> c -> a, and d (unattacked) attacks a.
    assert lab("abcd", "ab bc ca da") == {"a": "out", "b": "in", "c": "out", "d": "in"}


def test_floating_reinstatement_stays_undecided() -> None:
    # a and b attack each other and both attack c: grounded semantics does not reinstate c.
    assert lab("abc", "ab ba ac bc") == {"a": "undecided", "b": "undecided", "c": "undecided"}


def test_attacked_only_by_undecided_is_undecided_but_attacked_by_in_is_out() -> None:
    # a <-> b undecided; b attacks c; d (in) attacks c as well -> c out, so e (attacked by c) in.
    assert lab("abcde", "ab ba bc dc ce") == {
        "a": "undecided",
        "b": "undecided",
        "c": "out",
        "d": "in",
        "e": "in",
    }


def test_self_attack_is_undecided_and_so_is_what_it_alone_attacks() -> None:
    assert lab("ab", "aa ab") == {"a": "undecided", "b": "undecided"}


def test_self_attacker_defeated_by_an_unattacked_argument() -> None:
    # x attacks the self-attacking a; b, attacked only by a, is reinstated.
    assert lab("xab", "xa aa ab") == {"x": "in", "a": "out", "b": "in"}


def test_duplicate_attacks_count_once() -> None:
    assert grounded_labelling(["a", "b", "c"], [("c", "b"), ("c", "b"), ("b", "a")]) == {
        "a": "in",
        "b": "out",
        "c": "in",
    }


def test_unknown_argument_in_an_attack_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown argument 'z'"):
        grounded_labelling(["a"], [("z", "a")])


def test_result_follows_argument_order_and_accepts_any_hashable() -> None:
    result = grounded_labelling([3, 1, 2], [(1, 2)])
    assert list(result) == [3, 1, 2]
    assert result == {3: "in", 1: "in", 2: "out"}


def _brute_force(args: list[int], attacks: set[tuple[int, int]]) -> dict[int, str]:
    """The least fixed point of Dung's characteristic function, by plain iteration."""
    attackers = {a: {x for x, y in attacks if y == a} for a in args}
    inside: set[int] = set()
    while True:
        out = {a for a in args if attackers[a] & inside}
        nxt = {a for a in args if attackers[a] <= out}
        if nxt == inside:
            break
        inside = nxt
    out = {a for a in args if attackers[a] & inside}
    return {a: "in" if a in inside else "out" if a in out else "undecided" for a in args}


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=9).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.sets(st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, max(n - 1, 0)))),
        )
    )
)
def test_matches_the_characteristic_function_fixpoint(
    case: tuple[int, set[tuple[int, int]]],
) -> None:
    n, attacks = case
    args = list(range(n))
    attacks = attacks if n else set()
    assert grounded_labelling(args, attacks) == _brute_force(args, attacks)


def test_labelling_is_conflict_free_and_complete_on_all_three_argument_frameworks() -> None:
    args = ["a", "b", "c"]
    every_pair = list(itertools.product(args, args))
    for mask in range(1 << len(every_pair)):
        attacks = [p for i, p in enumerate(every_pair) if mask >> i & 1]
        result = grounded_labelling(args, attacks)
        for x, y in attacks:
            assert not (result[x] == "in" and result[y] == "in")
            if result[x] == "in":
                assert result[y] == "out"
        for a in args:
            attackers = [x for x, y in attacks if y == a]
            if result[a] == "in":
                assert all(result[x] == "out" for x in attackers)
            if result[a] == "out":
                assert any(result[x] == "in" for x in attackers)


# ------------------------------------------------------------------ on maps
def _map(claims: dict[str, str], links: list[tuple[str, str, str]]) -> ArgumentMap:
    return ArgumentMap(
        authors=[Author(id="x", name="X")],
        claims=[Claim(id=cid, kind=kind, text=cid, author="x") for cid, kind in claims.items()],  # type: ignore[arg-type]
        links=[
            Link(id=f"l{i}", kind=kind, from_claim=a, to_claim=b)  # type: ignore[arg-type]
            for i, (a, kind, b) in enumerate(links)
        ],
    )


def test_map_uses_attack_links_only_and_support_does_not_propagate() -> None:
    amap = _map(
        {"t": "thesis", "p": "premise", "o": "objection", "q": "premise"},
        [("p", "support", "t"), ("o", "attack", "p"), ("q", "support", "t")],
    )
    # p is defeated by an unanswered objection, yet the thesis it supported still stands:
    # support does not carry defeat (no "secondary attacks").
    assert grounded_map(amap) == {"t": "in", "p": "out", "o": "in", "q": "in"}


def test_map_mutual_attack_between_claims_is_undecided() -> None:
    amap = _map(
        {"t1": "thesis", "t2": "thesis", "e": "evidence"},
        [("t1", "attack", "t2"), ("t2", "attack", "t1"), ("e", "support", "t1")],
    )
    assert grounded_map(amap) == {"t1": "undecided", "t2": "undecided", "e": "in"}


def test_support_and_attack_between_the_same_claims() -> None:
    amap = _map({"a": "premise", "b": "thesis"}, [("a", "support", "b"), ("a", "attack", "b")])
    assert grounded_map(amap) == {"a": "in", "b": "out"}


def test_overlay_marks_and_counts() -> None:
    labels = lab("abc", "ab bc ca") | {"d": "in"}
    marks = overlay_marks(labels)  # type: ignore[arg-type]
    assert marks["d"] == (LABEL_COLOR["in"], "IN")
    assert marks["a"] == (LABEL_COLOR["undecided"], LABEL_TEXT["undecided"]) == ("#ef8f00", "UND")
    assert label_counts(labels) == {"in": 1, "out": 0, "undecided": 3}  # type: ignore[arg-type]
    assert len(set(LABEL_COLOR.values())) == 3
