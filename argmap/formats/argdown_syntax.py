"""Argdown text to its logical content: statements, arguments, relations and sections.

This reads the subset of Argdown that argument maps are made of (the syntax is described in
Argdown's documentation; nothing here is derived from its code):

- front matter between ``===`` lines (YAML; ``model: {mode: strict}`` is honoured);
- comments ``<!-- -->``, ``/* */`` and ``//`` to the end of the line;
- headings ``#``..``######`` (sections, with optional ``{data}``);
- statements: plain paragraphs, ``[Title]: text`` definitions and ``[Title]`` references,
  ``*``/``1.`` list items; arguments: ``<Title>: text`` and ``<Title>``;
- ``#tag`` / ``#(tag with spaces)`` and trailing ``{yaml: data}``;
- relation trees by indentation: ``+ <+ +> - <- -> _ <_ _> ><``;
- premise-conclusion structures: ``(1)`` items, ``--``..``--`` inferences (rules and data)
  and collapsed ``----`` inferences; a ``<Title>`` block just before names the argument.

Relations are resolved as Argdown's JSON export lists them: duplicates merge, and an outgoing
relation of a reconstructed argument moves onto its main conclusion. The result is counted
the same way (equivalence classes, arguments, relations), which is how the importer is
checked against Argdown's own command line. Errors carry the line and column (1-based).
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from typing import Any, Literal

from argmap.formats._common import one_line
from argmap.formats._yaml import YamlError, parse_block, parse_flow

RelationType = Literal["support", "attack", "undercut", "contradictory", "entails", "contrary"]

_RELATION = re.compile(r"^(\s*)(<\+|\+>|<-|->|<_|_>|><|\+|-|_)(?:\s+|$)")
_PCS_ITEM = re.compile(r"^\((\d+)\)\s*")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_LIST_ITEM = re.compile(r"^(\s*)(?:\*|\d+\.)\s+")
_BLOCK_COMMENT = re.compile(r"<!--.*?-->|/\*.*?\*/", re.DOTALL)
_LINE_COMMENT = re.compile(r"(?:^|(?<=[ \n]))//[^\n]*")
"""A line comment: "//" at the start or after a space, to the line's end; the "//" of a URL
is text, and does not hide a comment later on its line."""
_TAG = re.compile(r"(?<![\w#])#(?:\(([^)]*)\)|([\w][\w\-]*))")
_TITLE = re.compile(r"^(\[|<)([^\]>]*)(\]|>)(:?)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\3(?![\w*])")

_SYMBOLS: dict[str, tuple[str, bool]] = {
    "+": ("support", True),
    "<+": ("support", True),
    "+>": ("support", False),
    "-": ("attack", True),
    "<-": ("attack", True),
    "->": ("attack", False),
    "_": ("undercut", True),
    "<_": ("undercut", True),
    "_>": ("undercut", False),
    "><": ("contradictory", False),
}
"""Symbol -> (relation type, incoming). Incoming means the child acts on the parent."""


MAX_DATA_DEPTH = 50
"""Deepest nesting of mappings and lists in front matter or a data block. Argdown's own data
is two or three levels deep; a document nested far deeper is hostile, and recursive readers
and writers after the parser would fail on it."""
_TOO_DEEP = f"{{}} nested more than {MAX_DATA_DEPTH} levels deep"


class _TooDeep(Exception):
    pass


def _shallow(value: Any) -> Any:
    """``value`` if its mappings and lists nest at most :data:`MAX_DATA_DEPTH` levels (checked
    without recursion), else :class:`_TooDeep`."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > MAX_DATA_DEPTH:
                raise _TooDeep
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return value


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


@dataclass
class _Element:
    """One statement/argument occurrence: its raw text lines and where it starts."""

    line: int
    column: int
    indent: int
    symbol: str = ""
    parts: list[str] = field(default_factory=list)


@dataclass
class _Node:
    title: str
    is_argument: bool


def clean_text(text: str) -> str:
    """Argdown inline markup to plain text: emphasis and links dropped, spaces collapsed."""
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4) or "", text)
    return one_line(text)


class _Parser:
    def __init__(self, source: str) -> None:
        self.doc = Document()
        self.strict = False
        self.untitled = 0
        self.section = ""
        self.section_data: dict[str, Any] = {}
        self.pending_argument: str | None = None
        self.lines = self._prepare(source)

    # -- lines -------------------------------------------------------------------------

    def _prepare(self, source: str) -> list[str | None]:
        """Lines with comments blanked; a line emptied by a comment becomes None (skipped)."""
        source = source.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
        for opener in ("<!--", "/*"):
            closer = "-->" if opener == "<!--" else "*/"
            start = 0
            while (at := source.find(opener, start)) >= 0:
                end = source.find(closer, at + len(opener))
                if end < 0:
                    line, col = self._position(source, at)
                    raise ArgdownError(f"comment {opener} is never closed ({closer})", line, col)
                start = end + len(closer)
        stripped = source
        if "<!--" in source or "/*" in source:
            stripped = _BLOCK_COMMENT.sub(_blank, stripped)
        if "//" in stripped:
            # A line comment starts at "//" preceded by nothing or a space (not "http://").
            stripped = _LINE_COMMENT.sub(_blank, stripped)
        if stripped is source:
            return [line.rstrip() for line in source.split("\n")]
        out: list[str | None] = []
        for before, after in zip(source.split("\n"), stripped.split("\n"), strict=True):
            out.append(None if before.strip() and not after.strip() else after.rstrip())
        return out

    @staticmethod
    def _position(text: str, offset: int) -> tuple[int, int]:
        line = text.count("\n", 0, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1

    # -- blocks ------------------------------------------------------------------------

    def parse(self) -> Document:
        lines = self.lines
        i = self._frontmatter()
        block: list[tuple[int, str]] = []
        while i <= len(lines):
            line = lines[i] if i < len(lines) else ""
            if line is None:
                i += 1
                continue
            if not line.strip():
                if block:
                    self._block(block)
                    block = []
            elif not block and _HEADING.match(line):
                self._heading(i, line)
            else:
                block.append((i, line))
            i += 1
        self._finish()
        return self.doc

    def _frontmatter(self) -> int:
        lines = self.lines
        first = next((n for n, line in enumerate(lines) if line and line.strip()), None)
        if first is None or (lines[first] or "").strip() != "===":
            return 0
        for end in range(first + 1, len(lines)):
            if (lines[end] or "").strip() == "===":
                text = "\n".join(line or "" for line in lines[first + 1 : end])
                try:
                    data = _shallow(parse_block(text))
                except YamlError as exc:
                    raise ArgdownError(
                        f"front matter: {exc.message}", first + 2 + exc.line, exc.column + 1
                    ) from None
                except (RecursionError, _TooDeep):
                    raise ArgdownError(_TOO_DEEP.format("front matter"), first + 2, 1) from None
                if data is not None and not isinstance(data, dict):
                    raise ArgdownError("front matter must be a YAML mapping", first + 2, 1)
                self.doc.frontmatter = data or {}
                model = self.doc.frontmatter.get("model")
                self.strict = isinstance(model, dict) and model.get("mode") == "strict"
                if end + 1 < len(lines) and (lines[end + 1] or "").strip():
                    raise ArgdownError("front matter must be followed by an empty line", end + 2, 1)
                return end + 1
        raise ArgdownError("front matter starts with === but is never closed", first + 1, 1)

    def _heading(self, n: int, line: str) -> None:
        match = _HEADING.match(line)
        assert match is not None
        text, data, _ = self._extract(match.group(2), n, len(match.group(1)) + 1)
        self.section = clean_text(text) or "(untitled section)"
        self.section_data = data
        self.doc.sections.append((len(match.group(1)), self.section))
        self.pending_argument = None

    def _block(self, block: list[tuple[int, str]]) -> None:
        """One block: a relation tree, a premise-conclusion structure, or a list."""
        first_line = block[0][1]
        if _PCS_ITEM.match(first_line.lstrip()) and len(first_line) == len(first_line.lstrip()):
            self._pcs(block, self.pending_argument)
            self.pending_argument = None
            return
        pcs_at = next(
            (k for k, (_, line) in enumerate(block) if k and _PCS_ITEM.match(line) is not None),
            None,
        )
        if pcs_at is not None:
            head = self._tree(block[:pcs_at])
            self._pcs(block[pcs_at:], head.title if head and head.is_argument else None)
            self.pending_argument = None
            return
        if _LIST_ITEM.match(first_line):
            self._list(block)
            self.pending_argument = None
            return
        head = self._tree(block)
        single = all(not _RELATION.match(line) for _, line in block[1:])
        self.pending_argument = head.title if head and head.is_argument and single else None

    def _elements(self, block: list[tuple[int, str]]) -> list[_Element]:
        elements: list[_Element] = []
        depth = 0
        for n, line in block:
            if depth > 0 and elements:
                # Inside a multi-line {data} block: nothing here is a relation or title.
                elements[-1].parts.append(line)
                depth = max(0, depth + _brace_balance(line))
                continue
            depth = max(0, _brace_balance(line))
            match = _RELATION.match(line) if elements else None
            if match:
                body = line[match.end() :]
                elements.append(_Element(n, match.end() + 1, len(match.group(1)), match.group(2)))
                elements[-1].parts.append(body)
            elif elements:
                elements[-1].parts.append(line)
            else:
                relation = _RELATION.match(line)
                if relation:
                    raise ArgdownError(
                        f"relation {relation.group(2)!r} has no statement or argument above it",
                        n + 1,
                        len(relation.group(1)) + 1,
                    )
                indent = len(line) - len(line.lstrip())
                elements.append(_Element(n, indent + 1, indent, parts=[line.strip()]))
        return elements

    def _tree(self, block: list[tuple[int, str]], role: str = "top-level") -> _Node | None:
        elements = self._elements(block)
        stack: list[tuple[int, _Node]] = []
        root: _Node | None = None
        for element in elements:
            node = self._occurrence(element, "relation" if element.symbol else role)
            if not element.symbol:
                root = node
                stack = [(-1, node)]
                continue
            while len(stack) > 1 and stack[-1][0] >= element.indent:
                stack.pop()
            self._relate(stack[-1][1], node, element.symbol)
            stack.append((element.indent, node))
        return root

    def _relate(self, parent: _Node, child: _Node, symbol: str) -> None:
        kind, incoming = _SYMBOLS[symbol]
        source, target = (child, parent) if incoming else (parent, child)
        if self.strict and not source.is_argument and not target.is_argument:
            kind = {"support": "entails", "attack": "contrary"}.get(kind, kind)
        self.doc.relations.append(
            Relation(kind, source.title, source.is_argument, target.title, target.is_argument)
        )

    def _list(self, block: list[tuple[int, str]]) -> None:
        items: list[list[tuple[int, str]]] = []
        for n, line in block:
            match = _LIST_ITEM.match(line)
            if match:
                items.append([(n, " " * match.end() + line[match.end() :])])
            elif items:
                items[-1].append((n, line))
        for item in items:
            self._tree(item)

    def _pcs(self, block: list[tuple[int, str]], title: str | None) -> None:
        """A premise-conclusion structure; ``title`` names it (anonymous when None)."""
        if title is None:
            self.untitled += 1
            title = f"Untitled {self.untitled}"
        argument = self._argument(title, block[0][0])
        # Chunks are ("item", lines) or ("inference", relation lines under the inference).
        chunks: list[tuple[str, list[tuple[int, str]]]] = []
        in_rule = False
        for n, line in block:
            stripped = line.strip()
            if in_rule:
                if re.fullmatch(r"-{2,3}", stripped):
                    in_rule = False
                    chunks.append(("inference", []))
                continue
            if re.fullmatch(r"-{4,}", stripped):
                chunks.append(("inference", []))
            elif re.fullmatch(r"-{2,3}", stripped):
                in_rule = True
            elif _PCS_ITEM.match(line):
                chunks.append(("item", [(n, line)]))
            elif chunks:
                chunks[-1][1].append((n, line))
        if in_rule:
            raise ArgdownError(
                "inference '--' is never closed by another '--'", block[-1][0] + 1, 1
            )
        if not chunks or chunks[-1][0] != "item":
            raise ArgdownError(
                "a premise-conclusion structure must end with its conclusion", block[-1][0] + 1, 1
            )
        after_inference = False
        for k, (kind, lines) in enumerate(chunks):
            if kind == "inference":
                after_inference = True
                if lines:
                    self._inference_relations(lines, title)
                continue
            if k == len(chunks) - 1:
                role = "main-conclusion"
            else:
                role = "intermediary-conclusion" if after_inference else "premise"
            after_inference = False
            match = _PCS_ITEM.match(lines[0][1])
            assert match is not None
            first = (lines[0][0], " " * match.end() + lines[0][1][match.end() :])
            before = len(self.doc.relations)
            node = self._tree([first, *lines[1:]], role)
            if role != "premise" and node is not None:
                # An undercut written under a conclusion targets the inference above it.
                relations = self.doc.relations
                for r in range(before, len(relations)):
                    rel = relations[r]
                    if (
                        rel.type == "undercut"
                        and rel.target == node.title
                        and not rel.target_is_argument
                    ):
                        relations[r] = Relation(
                            rel.type, rel.source, rel.source_is_argument, title, True
                        )
            if node is not None and not node.is_argument:
                argument.pcs.append((node.title, role))

    def _inference_relations(self, chunk: list[tuple[int, str]], argument: str) -> None:
        for element in self._elements([(chunk[0][0], "x"), *chunk]):
            if element.symbol:
                child = self._occurrence(element, "relation")
                self._relate(_Node(argument, True), child, element.symbol)

    # -- occurrences -------------------------------------------------------------------

    def _extract(self, text: str, n: int, column: int) -> tuple[str, dict[str, Any], list[str]]:
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
                value = _shallow(parse_block(textwrap.dedent(text[brace + 1 : end].strip("\n"))))
            except YamlError as exc:
                raise ArgdownError(
                    f"data: {exc.message}", n + 2 + exc.line, exc.column + 1
                ) from None
            except (RecursionError, _TooDeep):
                raise ArgdownError(_TOO_DEEP.format("data"), n + 1, column + brace) from None
            if not isinstance(value, dict):
                raise ArgdownError("data in braces must be a mapping", n + 1, column + brace)
            return (
                text[:brace] + text[end + 1 :],
                value,
                [m.group(1) or m.group(2) for m in _TAG.finditer(text[:brace])],
            )
        if brace >= 0:
            try:
                value, end = parse_flow(text, brace)
                _shallow(value)
            except YamlError as exc:
                raise ArgdownError(
                    f"data: {exc.message}", n + 1 + exc.line, column + exc.column
                ) from None
            except (RecursionError, _TooDeep):
                raise ArgdownError(_TOO_DEEP.format("data"), n + 1, column + brace) from None
            if not isinstance(value, dict):
                raise ArgdownError("data in braces must be a mapping", n + 1, column + brace)
            data = value
            text = text[:brace] + text[end:]
        tags = [m.group(1) or m.group(2) for m in _TAG.finditer(text)]
        return text, data, tags

    def _occurrence(self, element: _Element, role: str) -> _Node:
        raw = "\n".join(element.parts)
        n, column = element.line, element.column
        body = raw.strip()
        match = _TITLE.match(body)
        if match and match.group(1) == "[" and body[match.end(3) : match.end(3) + 1] == "(":
            match = None  # a Markdown link at the start of a statement, not a title
        if match and (match.group(1) == "[") != (match.group(3) == "]"):
            raise ArgdownError("title brackets do not match", n + 1, column)
        if not match and body[:1] in "[<" and not re.match(r"^\[[^\]]*\]\(", body):
            raise ArgdownError(f"title opened with {body[0]!r} is never closed", n + 1, column)
        title = match.group(2).strip() if match else ""
        if match and not title:
            raise ArgdownError("empty title", n + 1, column)
        rest = body[match.end() :] if match else body
        text, data, tags = self._extract(rest, n, column + (match.end() if match else 0))
        is_argument = bool(match and match.group(1) == "<")
        if match and not match.group(4) and _TAG.sub("", text).strip():
            raise ArgdownError(
                f"expected ':' after the title {body[: match.end()]!r}", n + 1, column + match.end()
            )
        if not match:
            self.untitled += 1
            title = f"Untitled {self.untitled}"
        text = clean_text(_strip_trailing_tags(text))
        if is_argument:
            argument = self._argument(title, n)
            self._merge(argument, text, tags, data)
        else:
            statement = self.doc.statements.get(title)
            if statement is None:
                statement = Statement(
                    title, section=self.section, section_data=self.section_data, line=n + 1
                )
                self.doc.statements[title] = statement
            elif text and not statement.text:
                # Defined here after a bare reference elsewhere: the statement belongs
                # where its text is (its author heading, its group), not where it was named.
                statement.section, statement.section_data = self.section, self.section_data
                statement.line = n + 1
            statement.roles.add(role)
            self._merge(statement, text, tags, data)
        return _Node(title, is_argument)

    def _argument(self, title: str, n: int) -> Argument:
        argument = self.doc.arguments.get(title)
        if argument is None:
            argument = Argument(
                title, section=self.section, section_data=self.section_data, line=n + 1
            )
            self.doc.arguments[title] = argument
        return argument

    @staticmethod
    def _merge(
        item: Statement | Argument, text: str, tags: list[str], data: dict[str, Any]
    ) -> None:
        if text and not item.text:
            item.text = text
        item.tags.extend(t for t in tags if t not in item.tags)
        for key, value in data.items():
            item.data.setdefault(key, value)

    def _finish(self) -> None:
        """Move outgoing relations of reconstructed arguments to their conclusions; dedupe."""
        conclusions = {
            a.title: next((t for t, role in a.pcs if role == "main-conclusion"), None)
            for a in self.doc.arguments.values()
        }
        seen: set[Relation] = set()
        resolved: list[Relation] = []
        for written in self.doc.relations:
            rel = written
            if rel.source_is_argument and conclusions.get(rel.source):
                rel = Relation(
                    rel.type,
                    conclusions[rel.source] or "",
                    False,
                    rel.target,
                    rel.target_is_argument,
                )
            if rel not in seen:
                seen.add(rel)
                resolved.append(rel)
        self.doc.relations = resolved


def _blank(match: re.Match[str]) -> str:
    """A comment replaced by spaces, keeping its line breaks so positions stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


_BRACE_OR_QUOTE = re.compile(r"[{}\"']")


def _brace_balance(line: str) -> int:
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


def _strip_trailing_tags(text: str) -> str:
    """Tags at the end of a statement are markup; tags inside a sentence stay as words."""
    text = text.rstrip()
    if "#" not in text:
        return text
    while True:
        match = re.search(r"(?:^|\s)#(?:\([^)]*\)|[\w][\w\-]*)\s*$", text)
        if not match:
            return _TAG.sub(lambda m: m.group(1) or m.group(2), text)
        text = text[: match.start()].rstrip()


def parse(source: str) -> Document:
    """Parse Argdown text; raises :class:`ArgdownError` with the line and column."""
    return _Parser(source).parse()
