"""Grading each bundled map against perturbed copies of itself recovers exactly what was
perturbed: the claims removed, the kinds changed, the links flipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.exercise.grade import grade
from argmap.map.mapfile import load
from argmap.map.model import ArgumentMap, Link
from argmap.map.vocabulary import CLAIM_KINDS
from tests.conftest import MAPS

BUNDLED = sorted(MAPS.glob("*.argmap.json"))


def _perturb(key: ArgumentMap) -> tuple[ArgumentMap, set[str], dict[str, str], set[str]]:
    """The key with every 5th non-thesis claim removed (and its links), every 4th of the
    rest given another kind, and every 3rd remaining link reversed. Returns the copy, the
    removed claim ids, the changed claims' new kinds and the flipped link ids."""
    others = [c for c in key.claims if c.kind != "thesis"]
    removed = {c.id for c in others[::5]}
    kept = [c for c in key.claims if c.id not in removed]
    changed: dict[str, str] = {}
    claims = []
    for i, c in enumerate(kept):
        if i % 4 == 1:
            kind = next(k for k in CLAIM_KINDS[::-1] if k != c.kind)
            changed[c.id] = kind
            claims.append(c.model_copy(update={"kind": kind}))
        else:
            claims.append(c)
    ends = {(link.from_claim, link.to_claim) for link in key.links}
    links: list[Link] = []
    flipped: set[str] = set()
    remaining = [
        link
        for link in key.links
        if link.from_claim not in removed and link.to_claim not in removed
    ]
    for i, link in enumerate(remaining):
        if i % 3 == 0 and (link.to_claim, link.from_claim) not in ends:
            flipped.add(link.id)
            links.append(
                link.model_copy(update={"from_claim": link.to_claim, "to_claim": link.from_claim})
            )
        else:
            links.append(link)
    grounds_ok = [
        p.model_copy(
            update={
                "grounds": [g for g in p.grounds if g not in removed],
                "sides": {g: s for g, s in p.sides.items() if g not in removed},
            }
        )
        for p in key.positions
    ]
    # a student's map has no teaching views (the key's name claims the student lacks)
    student = key.model_copy(
        update={"claims": claims, "links": links, "positions": grounds_ok, "views": []}
    )
    return ArgumentMap.model_validate(student.model_dump()), removed, changed, flipped


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: Path(p).name.split(".")[0])
def test_perturbations_are_recovered_exactly(path: Path) -> None:
    key = load(path)
    student, removed, changed, flipped = _perturb(key)
    assert removed and changed and flipped  # each map is perturbed in all three ways
    g = grade(key, student, path.name)
    assert set(g.missed) == removed
    assert g.extra == []
    assert g.matched == {c.id: c.id for c in student.claims}
    kinds = student.claim_index()
    wrong = {s for s, k in g.matched.items() if kinds[s].kind != key.claim_index()[k].kind}
    assert wrong == set(changed)
    assert {k for _, k in g.links_by("reversed")} == flipped
    assert g.links_by("wrong kind") == [] and g.links_by("extra") == []
    gone = {link.id for link in key.links if link.from_claim in removed or link.to_claim in removed}
    assert set(g.missed_links) == gone
    assert g.link_recall == pytest.approx(
        (len(key.links) - len(gone) - len(flipped)) / len(key.links)
    )
    assert g.stances_right in (None, 1.0)
    theses_changed = any(key.claim_index()[c].kind == "thesis" for c in changed)
    assert g.thesis_found is (not theses_changed)
