"""One student's grade against the key, the class summary, and reading the students' files.

The figures (what the gradebook CSV holds):

- claim precision = student claims matching a key claim / student claims; recall = key
  claims matched / key claims (:mod:`argmap.exercise.matching` says when claims match);
- link precision and recall the same way, over links whose ends and kind match;
- thesis found: every thesis of the key is matched by a student claim marked thesis;
- kinds right: matched claims given the key's kind / matched claims;
- stances right: the key's stances (position, author) the student gave the same /
  the key's stances; an author the key says is silent counts as right when the student
  says nothing either.

A figure with nothing to count (the precision of an empty map, stances when the key has
none) is ``None``, shown as an empty cell: nought would claim a result that is not there.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from argmap.edit.quotes import load_allowing_drift
from argmap.exercise.matching import Matching, match
from argmap.map.errors import MapFileError
from argmap.map.model import ArgumentMap, Position


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True, slots=True)
class StanceCheck:
    """One stance of the key and what the student said (``None``: nothing)."""

    position: str
    author: str
    key: str
    student: str | None

    @property
    def right(self) -> bool:
        return self.student == self.key or (self.key == "silent" and self.student is None)


@dataclass
class Grade:
    """How one student's map compares with the key."""

    student: str
    """The file as given on the command line (or any name for a map in memory)."""
    key: ArgumentMap
    map: ArgumentMap
    matching: Matching
    stances: list[StanceCheck] = field(default_factory=list)

    # ---------------------------------------------------------------- claims
    @property
    def matched(self) -> dict[str, str]:
        """Student claim id -> key claim id."""
        return self.matching.claims

    @property
    def missed(self) -> list[str]:
        """Key claims no student claim matches, in the key's order."""
        found = set(self.matched.values())
        return [c.id for c in self.key.claims if c.id not in found]

    @property
    def extra(self) -> list[str]:
        """Student claims matching no key claim (not always wrong), in the map's order."""
        return [c.id for c in self.map.claims if c.id not in self.matched]

    @property
    def claim_precision(self) -> float | None:
        return _share(len(self.matched), len(self.map.claims))

    @property
    def claim_recall(self) -> float | None:
        return _share(len(self.matched), len(self.key.claims))

    # ---------------------------------------------------------------- kinds
    @property
    def confusion(self) -> Counter[tuple[str, str]]:
        """(key kind, student kind) -> matched claims, the diagonal included."""
        key_claims, own = self.key.claim_index(), self.map.claim_index()
        return Counter((key_claims[k].kind, own[s].kind) for s, k in self.matched.items())

    @property
    def kinds_right(self) -> float | None:
        table = self.confusion
        return _share(sum(n for (a, b), n in table.items() if a == b), sum(table.values()))

    @property
    def theses(self) -> dict[str, bool]:
        """Each key thesis -> found (matched by a student claim marked thesis)."""
        own = self.map.claim_index()
        kinds = {k: own[s].kind for s, k in self.matched.items()}
        return {c.id: kinds.get(c.id) == "thesis" for c in self.key.claims if c.kind == "thesis"}

    @property
    def thesis_found(self) -> bool | None:
        theses = self.theses
        return all(theses.values()) if theses else None

    # ---------------------------------------------------------------- links
    def links_by(self, verdict: str) -> list[tuple[str, str | None]]:
        """(student link, key link) pairs of one verdict of the matching."""
        return [(f.student, f.key) for f in self.matching.links if f.verdict == verdict]

    @property
    def missed_links(self) -> list[str]:
        """Key links the student did not draw at all (near misses are not listed here)."""
        near = {f.key for f in self.matching.links if f.key is not None}
        return [link.id for link in self.key.links if link.id not in near]

    @property
    def link_precision(self) -> float | None:
        return _share(len(self.links_by("match")), len(self.map.links))

    @property
    def link_recall(self) -> float | None:
        return _share(len(self.links_by("match")), len(self.key.links))

    # ---------------------------------------------------------------- stances
    @property
    def stances_right(self) -> float | None:
        return _share(sum(s.right for s in self.stances), len(self.stances))


def _position_of(student: ArgumentMap, position: Position) -> Position | None:
    by_id = {p.id: p for p in student.positions}
    if position.id in by_id:
        return by_id[position.id]
    label = position.label.casefold().strip()
    return next((p for p in student.positions if p.label.casefold().strip() == label), None)


def stance_checks(key: ArgumentMap, student: ArgumentMap) -> list[StanceCheck]:
    """Every stance of the key against the student's (positions by id, else by label;
    authors by id, else by name)."""
    key_names = {a.id: a.name for a in key.authors}
    own_ids = {a.name.casefold(): a.id for a in student.authors}
    checks: list[StanceCheck] = []
    for position in key.positions:
        theirs = _position_of(student, position)
        for author, stance in position.stances.items():
            said: str | None = None
            if theirs is not None:
                said = theirs.stances.get(author)
                if said is None:
                    other = own_ids.get(key_names.get(author, "").casefold())
                    said = theirs.stances.get(other) if other else None
            checks.append(StanceCheck(position.label, key_names.get(author, author), stance, said))
    return checks


def grade(key: ArgumentMap, student: ArgumentMap, name: str = "student") -> Grade:
    """Compare one student map with the key."""
    return Grade(name, key, student, match(key, student), stance_checks(key, student))


@dataclass(frozen=True, slots=True)
class Failure:
    """A student file that could not be graded, with its one-line reason."""

    student: str
    message: str


def grade_files(key: ArgumentMap, paths: Sequence[str]) -> list[Grade | Failure]:
    """Grade each file in turn; a file that cannot be read is a :class:`Failure` (its
    first problem, one line) and the others are still graded. Maps by older versions are
    migrated on loading; quotes that drifted from an edited article are tolerated (the
    matching finds their words)."""
    results: list[Grade | Failure] = []
    for path in paths:
        try:
            student = load_allowing_drift(path)
        except MapFileError as exc:
            first = exc.problems[0] if exc.problems else None
            text = str(first) if first else f"{path}: cannot be read"
            more = len(exc.problems) - 1
            results.append(
                Failure(path, text + (f" (and {more} more problems)" if more > 0 else ""))
            )
            continue
        except (OSError, ValueError, RecursionError) as exc:
            results.append(Failure(path, f"{path}: cannot be read: {exc}"))
            continue
        results.append(grade(key, student, path))
    return results


@dataclass
class ClassSummary:
    """What a class got right and wrong, over every graded map."""

    key: ArgumentMap
    grades: list[Grade]
    failures: list[Failure]

    @property
    def counted(self) -> list[Grade]:
        """The grades the class figures are over: maps of another article are left out
        (they would read as every claim missed; the summary lists them apart)."""
        return [g for g in self.grades if not g.matching.different_article]

    def missed_by(self) -> list[tuple[str, int]]:
        """Key claims with how many students missed them, the most missed first."""
        counts = Counter(cid for g in self.counted for cid in g.missed)
        order = {c.id: i for i, c in enumerate(self.key.claims)}
        return sorted(
            ((c.id, counts[c.id]) for c in self.key.claims),
            key=lambda item: (-item[1], order[item[0]]),
        )

    def confusions(self) -> list[tuple[tuple[str, str], int]]:
        """(key kind, student kind) pairs that differ, with how often, most first."""
        total: Counter[tuple[str, str]] = Counter()
        for g in self.counted:
            total.update({pair: n for pair, n in g.confusion.items() if pair[0] != pair[1]})
        return sorted(total.items(), key=lambda item: (-item[1], item[0]))

    def mean(self, figure: str) -> float | None:
        """The class mean of one figure of :class:`Grade`, over the students who have it."""
        values = [v for g in self.counted if (v := _figure(g, figure)) is not None]
        return sum(values) / len(values) if values else None


def _figure(g: Grade, figure: str) -> float | None:
    value = getattr(g, figure)
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    return value if value is None else float(value)


def summarise(key: ArgumentMap, results: Iterable[Grade | Failure]) -> ClassSummary:
    items = list(results)
    return ClassSummary(
        key,
        [r for r in items if isinstance(r, Grade)],
        [r for r in items if isinstance(r, Failure)],
    )


def display_name(path: str) -> str:
    """A student's name from their file: ``alice`` for ``class/alice.argmap.json``."""
    base = os.path.basename(path.rstrip("/\\")) or path
    for suffix in (".argmap.json", ".json"):
        if base.endswith(suffix) and len(base) > len(suffix):
            return base[: -len(suffix)]
    return base
