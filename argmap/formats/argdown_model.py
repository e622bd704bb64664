"""What an Argdown document means, as :mod:`argmap.formats.argdown_syntax` reads it:
equivalence classes (statements), arguments, relations and sections, and the error raised
for text Argdown's own parser rejects too."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

RelationType = Literal["support", "attack", "undercut", "contradictory", "entails", "contrary"]


class ArgdownError(ValueError):
    """Malformed Argdown at a line and column (1-based)."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(f"line {line}, column {column}: {message}")
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Statement:
    """An equivalence class: every statement occurrence sharing one title."""

    title: str
    text: str = ""
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: str = ""
    section_data: dict[str, Any] = field(default_factory=dict)
    line: int = 0
    roles: set[str] = field(default_factory=set)


@dataclass
class Argument:
    """An argument; ``pcs`` lists (statement title, role) when it is reconstructed."""

    title: str
    text: str = ""
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: str = ""
    section_data: dict[str, Any] = field(default_factory=dict)
    line: int = 0
    pcs: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Relation:
    type: str
    source: str
    source_is_argument: bool
    target: str
    target_is_argument: bool


@dataclass
class Document:
    """The logical content of an Argdown text."""

    frontmatter: dict[str, Any] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    sections: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """What Argdown's own parser rejects but whose meaning is clear enough to convert,
    each starting "line L, column C: "."""
    made_titles: set[str] = field(default_factory=set)
    """Titles the parser made up ("Untitled 3") for statements and arguments without one."""
