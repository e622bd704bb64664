"""YAML for Argdown front matter and ``{...}`` data blocks: all of YAML's syntax, plain data.

Argdown documents carry YAML in two places: the front matter between ``===`` lines and the
data in braces after a statement or heading. Real files use what YAML allows (a title
continued on an indented line, block scalars, comments, flow and block collections), so a
hand-written subset kept refusing valid files. PyYAML reads the syntax, with libyaml's
parser where the wheel has it (about as fast as the old subset was), and reports errors
with their line and column.

What is built from PyYAML's *events* is plain data only, by a loop here rather than
PyYAML's recursive composer and constructor:

- no tags (``!!python/object``, ``!custom``), no anchors and aliases (``&a``/``*a``, which
  can expand a small file into a huge document), one document;
- nesting at most :data:`MAX_DEPTH` deep, reported as an error (the loop does not recurse,
  so a thousand-deep document is refused, not a RecursionError);
- scalars typed by YAML 1.2's core schema, as Argdown's js-yaml reads them: ``yes`` and
  ``2024-05-01`` stay strings (PyYAML's YAML 1.1 default would make a bool and a date);
- a repeated key is an error, as in js-yaml.

The dumper writes JSON-style flow values, which every YAML 1.2 parser reads back unchanged.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

MAX_DEPTH = 50
"""Deepest nesting of mappings and sequences read; data in Argdown files is 2–4 deep (the
Argdown reader checks the same limit on data it gets by other ways)."""

_INT = re.compile(r"^[-+]?\d+$")
_OCT_HEX = re.compile(r"^0o[0-7]+$|^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf")}
_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML was built with it (30x faster), else the pure-Python one."""


class YamlError(ValueError):
    """Malformed or refused YAML; ``line`` and ``column`` are 0-based within the text."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def _scalar(token: str) -> Any:
    """The typed value of a plain scalar, as YAML 1.2's core schema reads it."""
    text = token.strip()
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if _INT.match(text):
        return int(text)
    if _OCT_HEX.match(text):
        return int(text[2:], 8 if text[1] == "o" else 16)
    if _FLOAT.match(text):
        return float(text)
    lowered = text.lower()
    if lowered in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[lowered]
    if lowered == ".nan":
        return float("nan")
    return text


def _error(message: str, mark: Any) -> YamlError:
    return YamlError(message, getattr(mark, "line", 0), getattr(mark, "column", 0))


_NOTHING = object()


def load(text: str) -> Any:
    """One YAML document as plain data (``None`` for an empty text); :class:`YamlError`
    with the position for bad syntax and for what plain data leaves out."""
    stack: list[list[Any]] = []  # [container, pending key] per open collection
    root: Any = _NOTHING
    documents = 0
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _error("only one YAML document is allowed here", event.start_mark)
                continue
            if isinstance(event, yaml.AliasEvent):
                raise _error(
                    f"YAML alias *{event.anchor} is not allowed here (plain data only)",
                    event.start_mark,
                )
            if isinstance(event, yaml.NodeEvent):
                if event.anchor is not None:
                    raise _error(
                        f"YAML anchor &{event.anchor} is not allowed here (plain data only)",
                        event.start_mark,
                    )
                tag = getattr(event, "tag", None)
                if tag is not None:
                    tag = tag.replace("tag:yaml.org,2002:", "!!")
                    raise _error(
                        f"YAML tag {tag} is not allowed here (plain data only)", event.start_mark
                    )
            value: Any
            if isinstance(event, yaml.ScalarEvent):
                value = _scalar(event.value) if not event.style else event.value
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                if len(stack) >= MAX_DEPTH:
                    raise _error(f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
                container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
                stack.append([container, _NOTHING, event.start_mark])
                continue
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                value = stack.pop()[0]
            else:
                continue
            if not stack:
                root = value
                continue
            _add(stack[-1], value, event.start_mark)
    except yaml.MarkedYAMLError as exc:
        problem = exc.problem or exc.context or "bad YAML"
        if (
            exc.context and exc.problem
        ):  # "did not find expected ']'" + "while parsing a flow sequence"
            problem = f"{exc.problem} {exc.context}"
        raise _error(problem, exc.problem_mark or exc.context_mark) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc), 0, 0) from None
    return None if root is _NOTHING else root


def _add(frame: list[Any], value: Any, mark: Any) -> None:
    """Put ``value`` into the open collection: a list item, a mapping's key or its value."""
    container = frame[0]
    if isinstance(container, list):
        container.append(value)
    elif frame[1] is _NOTHING:
        if isinstance(value, dict | list):
            raise _error("a mapping key must be a plain value, not a collection", mark)
        if value in container:
            raise _error(f"duplicate key {value!r}", mark)
        frame[1] = value
    else:
        container[frame[1]] = value
        frame[1] = _NOTHING


def parse_block(text: str) -> Any:
    """Read block YAML (front matter, a multi-line data block)."""
    return load(text)


def _flow_end(text: str, pos: int) -> int:
    """Where the flow collection opening at ``pos`` closes (the index after it), or after
    the first bracket that closes the wrong one (PyYAML then says what it expected there).
    Quotes start a quoted scalar only where a scalar may start: ``{a: it's}`` is one."""
    openers: list[str] = []
    i, previous = pos, ""
    while i < len(text):
        char = text[i]
        if char in "\"'" and previous in "{[,:?":
            i = _quote_end(text, i)
            previous = char
            continue
        if char in "{[":
            openers.append(char)
        elif char in "}]":
            if openers.pop() != "{["["}]".index(char)] or not openers:
                return i + 1
        elif char == "#" and text[i - 1 : i] in (" ", "\t", "\n"):
            i = text.find("\n", i)  # a comment runs to the end of the line
            if i < 0:
                break
            continue
        if not char.isspace():
            previous = char
        i += 1
    before = text[:pos]
    raise YamlError(
        f"{text[pos]!r} is never closed", before.count("\n"), pos - (before.rfind("\n") + 1)
    )


def _quote_end(text: str, start: int) -> int:
    quote, i = text[start], start + 1
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            if quote == "'" and text[i + 1 : i + 2] == "'":
                i += 2
                continue
            return i + 1
        i += 1
    return len(text)


def parse_flow(text: str, pos: int = 0) -> tuple[Any, int]:
    """Read one flow collection (``{...}`` or ``[...]``) at ``pos``; returns it and its end.
    Positions in errors are within ``text``."""
    end = _flow_end(text, pos)
    before = text[:pos]
    line, column = before.count("\n"), pos - (before.rfind("\n") + 1)
    try:
        value = load(text[pos:end])
    except YamlError as exc:
        raise YamlError(
            exc.message, line + exc.line, exc.column + (column if exc.line == 0 else 0)
        ) from None
    return value, end


def dump_flow(value: Any) -> str:
    """One value as a flow-style YAML string: JSON with unquoted simple keys (readable)."""
    if isinstance(value, dict):
        parts = []
        for key, item in value.items():
            shown = key if _PLAIN_KEY.match(key) and _scalar(key) == key else json.dumps(key)
            parts.append(f"{shown}: {dump_flow(item)}")
        return "{" + ", ".join(parts) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(dump_flow(item) for item in value) + "]"
    text = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        # Argdown strips comments before reading data: hide "//", "/*" and "<!--" in strings.
        text = text.replace("/", "\\/").replace("<!--", "<\\u0021--")
    return text
