"""Located errors of files, light enough for any reader to raise.

Kept apart from :mod:`argmap.map.mapfile` so that format readers and writers can report
problems without importing pydantic (fast command-line conversions).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FileProblem:
    """A problem located in a file: by line/column for syntax, by JSON path for content."""

    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return (
            f"{self.file}: {self.where}: {self.message}"
            if self.where
            else f"{self.file}: {self.message}"
        )


class MapFileError(Exception):
    """A map file could not be read or written; ``problems`` says every reason."""

    def __init__(self, problems: Sequence[FileProblem], hint: str = "") -> None:
        self.problems = list(problems)
        self.hint = hint
        """What the user can do about it, when argmap knows (shown after the problems)."""
        super().__init__(self.summary())

    def __str__(self) -> str:
        return self.summary()

    def summary(self, limit: int = 20) -> str:
        """The first ``limit`` problems, one a line, how many more there are, and the hint."""
        lines = [str(p) for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"... and {len(self.problems) - limit} more problem(s)")
        if self.hint:
            lines.append(f"hint: {self.hint}")
        return "\n".join(lines)
