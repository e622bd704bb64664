"""Argdown's inline layer: comments, ``{data}`` and ``#tags`` split off a statement, and
the markup (emphasis, links) dropped from its text. Line-level helpers of
:mod:`argmap.formats.argdown_syntax`; positions they report are 1-based, as its errors'."""

from __future__ import annotations

import re
import textwrap
from typing import Any

from argmap.formats._common import one_line
from argmap.formats._yaml import MAX_DEPTH, YamlError, parse_block, parse_flow
from argmap.formats.argdown_model import ArgdownError

BLOCK_COMMENT = re.compile(r"<!--.*?-->|/\*.*?\*/", re.DOTALL)
LINE_COMMENT = re.compile(r"(?:^|(?<=[ \n]))//[^\n]*")
"""A line comment: "//" at the start or after a space, to the line's end; the "//" of a URL
is text, and does not hide a comment later on its line."""
TAG = re.compile(r"(?<![\w#])#(?:\(([^)]*)\)|([\w][\w\-]*))")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\3(?![\w*])")


def clean_text(text: str) -> str:
    """Argdown inline markup to plain text: emphasis and links dropped, spaces collapsed."""
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4) or "", text)
    return one_line(text)


MAX_DATA_DEPTH = MAX_DEPTH
"""Deepest nesting of mappings and lists in front matter or a data block. Argdown's own data
is two or three levels deep; a document nested far deeper is hostile, and recursive readers
and writers after the parser would fail on it."""
TOO_DEEP = f"{{}} nested more than {MAX_DATA_DEPTH} levels deep"


class TooDeep(Exception):
    """Data nested deeper than :data:`MAX_DATA_DEPTH`."""


def shallow(value: Any) -> Any:
    """``value`` if its mappings and lists nest at most :data:`MAX_DATA_DEPTH` levels (checked
    without recursion), else :class:`TooDeep`."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > MAX_DATA_DEPTH:
                raise TooDeep
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return value


def strip_comments(source: str) -> list[str | None]:
    """Lines with comments blanked; a line emptied by a comment becomes None (skipped)."""
    source = source.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    for opener in ("<!--", "/*"):
        closer = "-->" if opener == "<!--" else "*/"
        start = 0
        while (at := source.find(opener, start)) >= 0:
            end = source.find(closer, at + len(opener))
            if end < 0:
                line, col = position(source, at)
                raise ArgdownError(f"comment {opener} is never closed ({closer})", line, col)
            start = end + len(closer)
    stripped = source
    if "<!--" in source or "/*" in source:
        stripped = BLOCK_COMMENT.sub(_blank, stripped)
    if "//" in stripped:
        # A line comment starts at "//" preceded by nothing or a space (not "http://").
        stripped = LINE_COMMENT.sub(_blank, stripped)
    if stripped is source:
        return [line.rstrip() for line in source.split("\n")]
    out: list[str | None] = []
    for before, after in zip(source.split("\n"), stripped.split("\n"), strict=True):
        out.append(None if before.strip() and not after.strip() else after.rstrip())
    return out


def position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def extract_data(text: str, n: int, column: int) -> tuple[str, dict[str, Any], list[str]]:
    """Split ``{data}`` off the end of ``text``; returns text, data and tags."""
    data: dict[str, Any] = {}
    if "{" not in text and "#" not in text:
        return text, data, []
    brace = text.find("{")
    if brace >= 0 and text[brace + 1 :].lstrip(" ").startswith("\n"):
        # Block YAML: "{" then a line break; the data runs to the last "}".
        end = text.rfind("}")
        if end < brace:
            raise ArgdownError("data block '{' is never closed", n + 1, column + brace)
        try:
            value = shallow(parse_block(textwrap.dedent(text[brace + 1 : end].strip("\n"))))
        except YamlError as exc:
            raise ArgdownError(f"data: {exc.message}", n + 2 + exc.line, exc.column + 1) from None
        except (RecursionError, TooDeep):
            raise ArgdownError(TOO_DEEP.format("data"), n + 1, column + brace) from None
        if not isinstance(value, dict):
            raise ArgdownError("data in braces must be a mapping", n + 1, column + brace)
        return (
            text[:brace] + text[end + 1 :],
            value,
            [m.group(1) or m.group(2) for m in TAG.finditer(text[:brace])],
        )
    if brace >= 0:
        try:
            value, end = parse_flow(text, brace)
            shallow(value)
        except YamlError as exc:
            raise ArgdownError(
                f"data: {exc.message}", n + 1 + exc.line, column + exc.column
            ) from None
        except (RecursionError, TooDeep):
            raise ArgdownError(TOO_DEEP.format("data"), n + 1, column + brace) from None
        if not isinstance(value, dict):
            raise ArgdownError("data in braces must be a mapping", n + 1, column + brace)
        data = value
        text = text[:brace] + text[end:]
    tags = [m.group(1) or m.group(2) for m in TAG.finditer(text)]
    return text, data, tags


def _blank(match: re.Match[str]) -> str:
    """A comment replaced by spaces, keeping its line breaks so positions stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


_BRACE_OR_QUOTE = re.compile(r"[{}\"']")


def brace_balance(line: str) -> int:
    """Opened minus closed braces outside quotes: a multi-line data block is still open."""
    if "{" not in line and "}" not in line:
        return 0
    if '"' not in line and "'" not in line:
        return line.count("{") - line.count("}")
    balance, quote = 0, ""
    for match in _BRACE_OR_QUOTE.finditer(line):  # only the characters that matter
        char = match.group(0)
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and balance > 0:
            quote = char
        elif char == "{":
            balance += 1
        elif char == "}":
            balance -= 1
    return balance


def strip_trailing_tags(text: str) -> str:
    """Tags at the end of a statement are markup; tags inside a sentence stay as words."""
    text = text.rstrip()
    if "#" not in text:
        return text
    while True:
        match = re.search(r"(?:^|\s)#(?:\([^)]*\)|[\w][\w\-]*)\s*$", text)
        if not match:
            return TAG.sub(lambda m: m.group(1) or m.group(2), text)
        text = text[: match.start()].rstrip()
