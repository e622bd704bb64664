"""What a view shows: its claims, its teaching order, and the part of the map it cuts out.

A saved :class:`~argmap.map.model.View` names a rule (a position, an author, claims and a
reach, or claims outright); the claims are worked out here, from the map as it is now, so
a view follows the map's edits. Unreviewed proposals are left out unless asked for: a
handout teaches what the analyst accepted, not what the extractor guessed.

:func:`view_map` cuts the view out as a map of its own (its claims, the links between
them, its authors and sources, the positions grounded in it) with no saved card
positions, so every export that draws a map draws a view too, laid out for its part
alone instead of where the cards sat in the whole map.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Sequence

from argmap.map.model import CLAIM_KINDS, ArgumentMap, Link, Position, View

_KIND_RANK = {k: i for i, k in enumerate(CLAIM_KINDS)}


class ViewError(ValueError):
    """A view asked for by name does not exist (the message lists those that do)."""


def find_view(amap: ArgumentMap, name: str) -> View:
    """The view called ``name`` (or with that id), else a :class:`ViewError` naming the views."""
    for view in amap.views:
        if name in (view.name, view.id):
            return view
    folded = name.casefold()
    for view in amap.views:
        if folded in (view.name.casefold(), view.id.casefold()):
            return view
    known = ", ".join(repr(v.name) for v in amap.views) or "none"
    raise ViewError(f"no view called {name!r} (the map's views: {known})")


def view_claims(amap: ArgumentMap, view: View, *, proposals: bool = False) -> list[str]:
    """The ids of the claims ``view`` shows, in map order."""
    claims = amap.claim_index()
    usable = {c.id for c in amap.claims if proposals or not c.origin.is_proposal}
    links = [
        x
        for x in amap.links
        if x.from_claim in usable and x.to_claim in usable and (proposals or x.origin.reviewed)
    ]
    chosen: set[str]
    if view.kind == "position":
        position = next((p for p in amap.positions if p.id == view.position), None)
        grounds = set(position.grounds if position is not None else ()) & usable
        chosen = grounds | {x.from_claim for x in links if x.to_claim in grounds}
    elif view.kind == "author":
        own = {c.id for c in amap.claims if c.author == view.author} & usable
        chosen = own | {
            x.from_claim
            for x in links
            if x.kind == "attack" and x.to_claim in own and claims[x.from_claim].author
        }
    elif view.kind == "around":
        chosen = _reach(set(view.claims) & usable, links, view.depth)
    else:
        chosen = set(view.claims) & usable
    return [c.id for c in amap.claims if c.id in chosen]


def _reach(start: set[str], links: Iterable[Link], depth: int) -> set[str]:
    """Claims at most ``depth`` links away from ``start``, whichever way the links point."""
    near: dict[str, set[str]] = defaultdict(set)
    for link in links:
        a, b = link.from_claim, link.to_claim
        near[a].add(b)
        near[b].add(a)
    seen = set(start)
    frontier = deque((c, 0) for c in start)
    while frontier:
        claim, steps = frontier.popleft()
        if steps == depth:
            continue
        for other in near[claim] - seen:
            seen.add(other)
            frontier.append((other, steps + 1))
    return seen


def view_map(amap: ArgumentMap, view: View, *, proposals: bool = False) -> ArgumentMap:
    """The part of ``amap`` that ``view`` shows, as a map of its own, with no saved places.

    Its title is the view's name; it keeps the view (with its steps) as its only view, so
    a drawing of the part can still step through it.
    """
    ids = set(view_claims(amap, view, proposals=proposals))
    claims = [c.model_copy(update={"pos": None}) for c in amap.claims if c.id in ids]
    links = [
        x
        for x in amap.links
        if x.from_claim in ids and x.to_claim in ids and (proposals or x.origin.reviewed)
    ]
    authors_used = {c.author for c in claims} | {view.author}
    sources_used = {c.source for c in claims}
    authors = [a for a in amap.authors if a.id in authors_used]
    sources = [
        s.model_copy(update={"authors": [a for a in s.authors if a in authors_used]})
        for s in amap.sources
        if s.id in sources_used
    ]
    positions: list[Position] = []
    for position in amap.positions:
        grounds = [g for g in position.grounds if g in ids]
        if view.kind == "position" and position.id != view.position:
            continue
        if grounds or position.id == view.position:
            sides = {g: s for g, s in position.sides.items() if g in ids}
            stances = {a: s for a, s in position.stances.items() if a in authors_used}
            positions.append(
                position.model_copy(update={"grounds": grounds, "sides": sides, "stances": stances})
            )
    kept = view.model_copy(
        update={
            "claims": [c for c in view.claims if c in ids],
            "steps": [c for c in view.steps if c in ids],
        }
    )
    if view.kind in ("claims", "around") and not kept.claims:
        kept = kept.model_copy(update={"kind": "claims", "claims": sorted(ids)})
    part = ArgumentMap.model_construct(
        schema_version=amap.schema_version,
        title=view.name,
        description=view.description,
        sources=sources,
        authors=authors,
        claims=claims,
        links=links,
        positions=positions,
        views=[kept] if ids else [],
    )
    return part


def suggested_steps(amap: ArgumentMap, claim_ids: Sequence[str]) -> list[str]:
    """A teaching order of ``claim_ids``: the argument's tree, depth first.

    The roots are the claims that point at no other claim of the part (a thesis, a
    recommendation), theses first; under each claim come what supports it and then what
    attacks it, each followed at once by its own subtree, so a premise is followed by its
    evidence and an objection by its answers. A claim reached twice is shown the first
    time; claims on a cycle that no root reaches come last, in map order.
    """
    ids = list(claim_ids)
    inside = set(ids)
    rank = {cid: i for i, cid in enumerate(ids)}
    kinds = {c.id: c.kind for c in amap.claims if c.id in inside}
    under: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    points_out: set[str] = set()
    for link in amap.links:
        a, b = link.from_claim, link.to_claim
        if a in inside and b in inside and a != b:
            under[b].append((0 if link.kind == "support" else 1, rank[a], a))
            points_out.add(a)
    for children in under.values():
        children.sort()
    roots = sorted(
        (c for c in ids if c not in points_out), key=lambda c: (_KIND_RANK[kinds[c]], rank[c])
    )
    order: list[str] = []
    seen: set[str] = set()
    for root in [*roots, *ids]:
        if root in seen:
            continue
        stack = [root]
        while stack:
            claim = stack.pop()
            if claim in seen:
                continue
            seen.add(claim)
            order.append(claim)
            stack.extend(child for _, _, child in reversed(under[claim]) if child not in seen)
    return order


def view_steps(amap: ArgumentMap, view: View, *, proposals: bool = False) -> list[str]:
    """The order a view's claims are revealed in: its saved steps (those still in the
    view), then any claim they leave out in the suggested order."""
    ids = view_claims(amap, view, proposals=proposals)
    inside = set(ids)
    saved = [c for c in view.steps if c in inside]
    rest = [c for c in suggested_steps(amap, ids) if c not in set(saved)]
    return saved + rest


def default_views(amap: ArgumentMap) -> list[View]:
    """The views a map without any gets: one per question (position with grounds) and one
    per author with claims, each in the suggested teaching order."""
    views: list[View] = []
    for i, position in enumerate(amap.positions):
        if position.grounds:
            view = View(
                id=f"auto-position-{i + 1}",
                name=position.label,
                kind="position",
                position=position.id,
            )
            views.append(view)
    writers: dict[str, int] = defaultdict(int)
    for claim in amap.claims:
        if claim.author is not None and not claim.origin.is_proposal:
            writers[claim.author] += 1
    for i, author in enumerate(amap.authors):
        if writers.get(author.id):
            views.append(
                View(id=f"auto-author-{i + 1}", name=author.name, kind="author", author=author.id)
            )
    return [v.model_copy(update={"steps": view_steps(amap, v)}) for v in views]
