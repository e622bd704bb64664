"""A small YAML subset: what Argdown front matter and ``{...}`` data blocks use in practice.

argmap does not depend on a YAML library, and Argdown documents only need a sliver of YAML:
flow mappings and sequences (``{kind: thesis, tags: [a, b]}``), quoted and plain scalars, and
block mappings and sequences in front matter. Anything beyond (anchors, tags, multi-document
streams) raises :class:`YamlError` with the line and column, so the Argdown reader can report
it instead of silently misreading. The dumper writes JSON-style flow values, which every YAML
1.2 parser (including Argdown's js-yaml) reads back unchanged.
"""

from __future__ import annotations

import json
import re
from typing import Any

_INT = re.compile(r"^[-+]?\d+$")
_FLOAT = re.compile(r"^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$")
_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


class YamlError(ValueError):
    """Malformed YAML; ``line`` and ``column`` are 0-based offsets within the parsed text."""

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
    if _FLOAT.match(text):
        return float(text)
    return text


class _Flow:
    """Recursive-descent reader of one flow value inside ``text`` starting at ``pos``."""

    def __init__(self, text: str, pos: int) -> None:
        self.text = text
        self.pos = pos

    def error(self, message: str) -> YamlError:
        before = self.text[: self.pos]
        line = before.count("\n")
        return YamlError(message, line, self.pos - (before.rfind("\n") + 1))

    def skip(self) -> None:
        text = self.text
        while self.pos < len(text) and text[self.pos] in " \t\r\n":
            self.pos += 1

    def value(self, stops: str) -> Any:
        self.skip()
        if self.pos >= len(self.text):
            raise self.error("unexpected end of YAML data")
        char = self.text[self.pos]
        if char == "{":
            return self.mapping()
        if char == "[":
            return self.sequence()
        if char in "\"'":
            return self.quoted()
        if char in "&*!|>%@`":
            raise self.error(f"YAML feature {char!r} is not supported here")
        start = self.pos
        stops += "[]{}"  # flow indicators never belong to a plain scalar in flow context
        while self.pos < len(self.text) and self.text[self.pos] not in stops:
            if self.text[self.pos] == ":" and ":" in stops and self._colon_ends():
                break
            self.pos += 1
        return _scalar(self.text[start : self.pos])

    def _colon_ends(self) -> bool:
        nxt = self.text[self.pos + 1 : self.pos + 2]
        return nxt == "" or nxt in " \t\r\n,}]"

    def quoted(self) -> str:
        quote = self.text[self.pos]
        if quote == '"':
            match = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL).match(self.text, self.pos)
            if not match:
                raise self.error("unclosed double-quoted string")
            self.pos = match.end()
            try:
                value: str = json.loads(match.group(0).replace("\n", " "))
            except json.JSONDecodeError as exc:
                raise self.error(f"bad escape in string: {exc.msg}") from None
            return value
        end = self.pos + 1
        parts = []
        while True:
            nxt = self.text.find("'", end)
            if nxt < 0:
                raise self.error("unclosed single-quoted string")
            parts.append(self.text[end:nxt])
            if self.text[nxt + 1 : nxt + 2] == "'":
                parts.append("'")
                end = nxt + 2
                continue
            self.pos = nxt + 1
            return "".join(parts)

    def mapping(self) -> dict[str, Any]:
        self.pos += 1
        result: dict[str, Any] = {}
        while True:
            self.skip()
            if self.text[self.pos : self.pos + 1] == "}":
                self.pos += 1
                return result
            key = self.value(":,}")
            self.skip()
            if self.text[self.pos : self.pos + 1] == ":":
                self.pos += 1
                val = self.value(",}")
            else:
                val = None
            result[str(key)] = val
            self.skip()
            char = self.text[self.pos : self.pos + 1]
            if char == ",":
                self.pos += 1
            elif char != "}":
                raise self.error("expected ',' or '}' in a YAML mapping")

    def sequence(self) -> list[Any]:
        self.pos += 1
        result: list[Any] = []
        while True:
            self.skip()
            if self.text[self.pos : self.pos + 1] == "]":
                self.pos += 1
                return result
            result.append(self.value(",]"))
            self.skip()
            char = self.text[self.pos : self.pos + 1]
            if char == ",":
                self.pos += 1
            elif char != "]":
                raise self.error("expected ',' or ']' in a YAML sequence")


def parse_flow(text: str, pos: int = 0) -> tuple[Any, int]:
    """Read one flow value (``{...}``, ``[...]``, a scalar) at ``pos``; returns it and its end."""
    reader = _Flow(text, pos)
    value = reader.value(",}]")
    return value, reader.pos


def _strip_comment(line: str) -> str:
    """Drop a ``# comment`` outside quotes (YAML needs a space before the ``#``)."""
    quote = ""
    for i, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()


def parse_block(text: str) -> Any:
    """Read block YAML (front matter): nested mappings and ``-`` sequences, flow values."""
    lines = [(n, _strip_comment(raw)) for n, raw in enumerate(text.split("\n"))]
    rows = [
        (n, len(line) - len(line.lstrip(" ")), line.strip()) for n, line in lines if line.strip()
    ]
    for n, raw in lines:
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raise YamlError("tabs are not allowed in YAML indentation", n, 0)
    if not rows:
        return None
    value, end = _block(rows, 0, rows[0][1])
    if end < len(rows):
        n, indent, _ = rows[end]
        raise YamlError("unexpected indentation", n, indent)
    return value


def _inline(row: tuple[int, int, str], text: str, offset: int) -> Any:
    n, indent, _ = row
    if text[:1] in "{[\"'":
        try:
            value, end = parse_flow(text)
        except YamlError as exc:
            raise YamlError(exc.message, n, indent + offset + exc.column) from None
        if text[end:].strip():
            raise YamlError("unexpected text after a YAML value", n, indent + offset + end)
        return value
    if text[:1] in "&*!|>%@`":
        raise YamlError(f"YAML feature {text[0]!r} is not supported here", n, indent + offset)
    return _scalar(text)


def _split_key(text: str) -> tuple[str, str] | None:
    """``key: rest`` -> (key, rest); None when the row is not a mapping entry."""
    if text[:1] in "\"'":
        try:
            key, end = parse_flow(text)
        except YamlError:
            return None
        rest = text[end:]
        if rest.startswith(":") and (len(rest) == 1 or rest[1] == " "):
            return str(key), rest[1:].strip()
        return None
    match = re.match(r"^([^:{}\[\],#]+?)\s*:(?:\s+|$)(.*)$", text)
    if not match:
        return None
    return match.group(1), match.group(2)


def _block(rows: list[tuple[int, int, str]], i: int, indent: int) -> tuple[Any, int]:
    n, row_indent, text = rows[i]
    if text.startswith("- ") or text == "-":
        items: list[Any] = []
        while (
            i < len(rows)
            and rows[i][1] == indent
            and (rows[i][2] == "-" or rows[i][2].startswith("- "))
        ):
            n, _, text = rows[i]
            rest = text[1:].strip()
            if not rest:
                if i + 1 < len(rows) and rows[i + 1][1] > indent:
                    value, i = _block(rows, i + 1, rows[i + 1][1])
                else:
                    value, i = None, i + 1
            elif _split_key(rest) is not None and rest[:1] not in "{[":
                # "- key: value" starts a mapping whose further keys sit under the key.
                offset = len(text) - len(text[1:].lstrip())
                rows[i] = (n, indent + offset, rest)
                value, i = _block(rows, i, indent + offset)
            else:
                value, i = _inline(rows[i], rest, len(text) - len(rest)), i + 1
            items.append(value)
        return items, i
    if _split_key(text) is None:
        return _inline(rows[i], text, 0), i + 1
    mapping: dict[str, Any] = {}
    while i < len(rows) and rows[i][1] == indent:
        n, _, text = rows[i]
        split = _split_key(text)
        if split is None:
            raise YamlError("expected 'key: value'", n, indent)
        key, rest = split
        if rest in ("|", ">", "|-", ">-", "|+", ">+"):
            mapping[key], i = _block_scalar(rows, i, indent, rest[0] == ">")
        elif rest:
            mapping[key] = _inline(rows[i], rest, len(text) - len(rest))
            i += 1
        elif i + 1 < len(rows) and (
            rows[i + 1][1] > indent or (rows[i + 1][1] == indent and rows[i + 1][2].startswith("-"))
        ):
            mapping[key], i = _block(rows, i + 1, rows[i + 1][1])
        else:
            mapping[key] = None
            i += 1
    if i < len(rows) and rows[i][1] > indent:
        raise YamlError("unexpected indentation", rows[i][0], rows[i][1])
    del row_indent
    return mapping, i


def _block_scalar(
    rows: list[tuple[int, int, str]], i: int, indent: int, folded: bool
) -> tuple[str, int]:
    """A ``|`` (literal) or ``>`` (folded) scalar: the more-indented rows below the key."""
    i += 1
    parts = []
    while i < len(rows) and rows[i][1] > indent:
        parts.append(rows[i][2])
        i += 1
    return (" " if folded else "\n").join(parts), i


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
