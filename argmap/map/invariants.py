"""Cross-object invariants of a map, each reported with the JSON path where it fails.

Every check is a single pass over the map with set/dict look-ups, so the whole check is
linear in the size of the map (a 50k-claim map is checked in milliseconds, not minutes).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass

from argmap.map.model import (
    ArgumentMap,
    Claim,
    Link,
    Origin,
    Quote,
    View,
    register_map_rules,
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a map: where (a JSON path such as ``links[3].to_claim``) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def _duplicates(kind: str, ids: Iterable[str]) -> tuple[set[str], list[Problem]]:
    problems: list[Problem] = []
    id_list = list(ids)
    seen = dict(zip(reversed(id_list), range(len(id_list) - 1, -1, -1), strict=True))
    if len(seen) == len(id_list):  # the common case: no duplicate, no Python loop
        return set(seen), problems
    seen = {}
    for i, item_id in enumerate(id_list):
        if item_id in seen:
            problems.append(
                Problem(
                    f"{kind}[{i}].id",
                    f"duplicate id {item_id!r} (first used at {kind}[{seen[item_id]}])",
                )
            )
        else:
            seen[item_id] = i
    return set(seen), problems


def find_problems(amap: ArgumentMap) -> list[Problem]:
    """Every invariant violation of ``amap``, in file order; an empty list means valid."""
    source_ids, problems = _duplicates("sources", (s.id for s in amap.sources))
    author_ids, more = _duplicates("authors", (a.id for a in amap.authors))
    problems += more
    claim_ids, more = _duplicates("claims", (c.id for c in amap.claims))
    problems += more
    _, more = _duplicates("links", (link.id for link in amap.links))
    problems += more
    position_ids, more = _duplicates("positions", (p.id for p in amap.positions))
    problems += more
    _, more = _duplicates("views", (v.id for v in amap.views))
    problems += more

    for i, source in enumerate(amap.sources):
        for j, author in enumerate(source.authors):
            if author not in author_ids:
                problems.append(Problem(f"sources[{i}].authors[{j}]", f"unknown author {author!r}"))

    texts = {s.id: s.text for s in amap.sources}
    problems += _claim_problems(amap, author_ids, source_ids, texts)
    problems += _link_problems(amap, claim_ids)

    for i, position in enumerate(amap.positions):
        for author in position.stances:
            if author not in author_ids:
                problems.append(
                    Problem(
                        f"positions[{i}].stances.{author}", f"stance for unknown author {author!r}"
                    )
                )
        for j, ground in enumerate(position.grounds):
            if ground not in claim_ids:
                problems.append(
                    Problem(f"positions[{i}].grounds[{j}]", f"unknown claim {ground!r}")
                )
        grounds = set(position.grounds)
        for ground in position.sides:
            if ground not in grounds:
                problems.append(
                    Problem(
                        f"positions[{i}].sides.{ground}",
                        f"a side for {ground!r}, which is not among the position's grounds",
                    )
                )
    for i, view in enumerate(amap.views):
        problems += view_problems(view, claim_ids, author_ids, position_ids, index=i)
    return problems


def view_problems(
    view: View,
    claim_ids: Container[str],
    author_ids: Container[str],
    position_ids: Container[str],
    index: int | None = None,
) -> list[Problem]:
    """Problems of one view: what it names must exist, and its kind needs what it shows.

    The document checks an edited view with this same function (see :func:`claim_problems`).
    """
    at = _at("views", index)
    problems: list[Problem] = []
    if view.kind == "position" and view.position is None:
        problems.append(Problem(f"{at}.position", "a view of a position must name the position"))
    if view.kind == "author" and view.author is None:
        problems.append(Problem(f"{at}.author", "a view of an author must name the author"))
    if view.kind in ("around", "claims") and not view.claims:
        problems.append(Problem(f"{at}.claims", f"a view of kind {view.kind!r} needs claims"))
    if view.position is not None and view.position not in position_ids:
        problems.append(Problem(f"{at}.position", f"unknown position {view.position!r}"))
    if view.author is not None and view.author not in author_ids:
        problems.append(Problem(f"{at}.author", f"unknown author {view.author!r}"))
    for field in ("claims", "steps"):
        seen: set[str] = set()
        for j, claim in enumerate(getattr(view, field)):
            if claim not in claim_ids:
                problems.append(Problem(f"{at}.{field}[{j}]", f"unknown claim {claim!r}"))
            elif claim in seen:
                problems.append(Problem(f"{at}.{field}[{j}]", f"claim {claim!r} is listed twice"))
            seen.add(claim)
    return problems


def _claim_problems(
    amap: ArgumentMap, author_ids: set[str], source_ids: set[str], texts: dict[str, str]
) -> list[Problem]:
    problems: list[Problem] = []
    for i, claim in enumerate(amap.claims):
        problems += claim_problems(claim, author_ids, texts, index=i)
    return problems


def claim_problems(
    claim: Claim,
    author_ids: Container[str],
    texts: Mapping[str, str],
    index: int | None = None,
) -> list[Problem]:
    """Problems of one claim against the map's authors and source texts (id -> text).

    The document checks every edited claim with this same function, so an edit can never
    produce a map that the file loader would refuse. Paths and messages are only formatted
    for actual problems: the common case builds no string.
    """
    problems: list[Problem] = []
    origin = claim.origin
    if origin.kind == "extracted" or origin.confidence is not None:
        problems += origin_problems(f"{_at('claims', index)}.origin", origin)
    author, source, quote = claim.author, claim.source, claim.quote
    if author is not None and author not in author_ids:
        problems.append(Problem(f"{_at('claims', index)}.author", f"unknown author {author!r}"))
    if source is None:
        if quote is not None:
            problems.append(
                Problem(
                    f"{_at('claims', index)}.quote", "a claim with a quote must name its source"
                )
            )
    elif source not in texts:
        problems.append(Problem(f"{_at('claims', index)}.source", f"unknown source {source!r}"))
    elif quote is not None and (
        # Slicing truncates at the text's end: check the span on its own, not only the text.
        quote.end <= quote.start
        or quote.end > len(texts[source])
        or texts[source][quote.start : quote.end] != quote.text
    ):
        # In a file, ``claims[41]`` alone does not say which claim: name it.
        named = f"claim {claim.id!r}: " if index is not None else ""
        for problem in quote_problems(f"{_at('claims', index)}.quote", quote, texts[source]):
            problems.append(Problem(problem.path, f"{named}{problem.message}"))
    return problems


def link_problems(link: Link, claim_ids: Container[str], index: int | None = None) -> list[Problem]:
    """Problems of one link on its own: its origin, dangling ends, a self-link."""
    problems: list[Problem] = []
    origin = link.origin
    if origin.kind == "extracted" or origin.confidence is not None:
        problems += origin_problems(f"{_at('links', index)}.origin", origin)
    start, end = link.from_claim, link.to_claim
    if start not in claim_ids:
        problems.append(
            Problem(f"{_at('links', index)}.from_claim", f"unknown claim {start!r} (dangling link)")
        )
    if end not in claim_ids:
        problems.append(
            Problem(f"{_at('links', index)}.to_claim", f"unknown claim {end!r} (dangling link)")
        )
    if start == end:
        problems.append(Problem(_at("links", index), f"claim {start!r} is linked to itself"))
    return problems


def _at(kind: str, index: int | None) -> str:
    return f"{kind}[{index}]" if index is not None else kind.removesuffix("s")


def _link_problems(amap: ArgumentMap, claim_ids: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[tuple[str, str, str], int] = {}
    for i, link in enumerate(amap.links):
        problems += link_problems(link, claim_ids, index=i)
        first = seen.setdefault((link.from_claim, link.to_claim, link.kind), i)
        if first != i:
            problems.append(
                Problem(
                    f"links[{i}]",
                    f"duplicate {link.kind} link {link.from_claim!r} -> {link.to_claim!r} "
                    f"(already links[{first}])",
                )
            )
    return problems


def origin_problems(path: str, origin: Origin) -> list[Problem]:
    """An extracted object carries the extractor's confidence; a manual one has none."""
    if origin.kind == "manual" and origin.confidence is not None:
        return [Problem(f"{path}.confidence", "a manual origin has no confidence")]
    if origin.kind == "extracted" and origin.confidence is None:
        return [
            Problem(f"{path}.confidence", "an extracted origin needs a confidence between 0 and 1")
        ]
    return []


def quote_problems(path: str, quote: Quote, text: str) -> list[Problem]:
    """Problems of one quote against its source text (span ordered and inside, text equal)."""
    if quote.end <= quote.start:
        return [
            Problem(path, f"quote end ({quote.end}) must be greater than its start ({quote.start})")
        ]
    if quote.end > len(text):
        return [
            Problem(
                path,
                f"quote ends at {quote.end} but the source text has only {len(text)} characters",
            )
        ]
    actual = text[quote.start : quote.end]
    if actual != quote.text:
        return [
            Problem(
                path,
                f"quote text {_short(quote.text)} does not match the source at "
                f"{quote.start}:{quote.end}, which reads {_short(actual)}",
            )
        ]
    return []


def _short(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


register_map_rules(find_problems)
