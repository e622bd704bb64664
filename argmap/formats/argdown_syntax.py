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
  and collapsed ``----`` or one-line ``-- rule --`` inferences; a ``<Title>`` block just
  before names the argument.

Relations are resolved as Argdown's JSON export lists them: duplicates merge, and an outgoing
relation of a reconstructed argument moves onto its main conclusion. The result is counted
the same way (equivalence classes, arguments, relations), which is how the importer is
checked against Argdown's own command line. Errors carry the line and column (1-based).

What Argdown's own parser rejects is never read silently: where the meaning is clear it is
converted and reported in :attr:`Document.warnings` with its line and column (an argument
used as a premise, a ``*`` list item inside a relation tree, a structure without an
inference), and otherwise it is an :class:`ArgdownError` (an argument as a conclusion, text
where a numbered conclusion must follow an inference).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.formats._yaml import YamlError, parse_block
from argmap.formats.argdown_model import (
    ArgdownError,
    Argument,
    Document,
    Relation,
    Statement,
)
from argmap.formats.argdown_text import (
    TAG,
    TOO_DEEP,
    TooDeep,
    brace_balance,
    clean_text,
    extract_data,
    shallow,
    strip_comments,
    strip_trailing_tags,
)

_RELATION = re.compile(r"^(\s*)(<\+|\+>|<-|->|<_|_>|><|\+|-|_)(?:\s+|$)")
_PCS_ITEM = re.compile(r"^\((\d+)\)\s*")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_LIST_ITEM = re.compile(r"^(\s*)(?:\*|\d+\.)\s+")
_STAR_ITEM = re.compile(r"^\s*\*\s+\S")
_TITLE = re.compile(r"^(\[|<)([^\]>]*)(\]|>)(:?)")

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


class _Parser:
    def __init__(self, source: str) -> None:
        self.doc = Document()
        self.strict = False
        self.untitled = 0
        self.section = ""
        self.section_data: dict[str, Any] = {}
        self.pending_argument: str | None = None
        self.lines = strip_comments(source)

    # -- lines -------------------------------------------------------------------------

    def _warn(self, line: int, column: int, message: str) -> None:
        """Record what Argdown rejects but this reader converts (1-based position)."""
        self.doc.warnings.append(f"line {line}, column {column}: {message}")

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
                    data = shallow(parse_block(text))
                except YamlError as exc:
                    raise ArgdownError(
                        f"front matter: {exc.message}", first + 2 + exc.line, exc.column + 1
                    ) from None
                except (RecursionError, TooDeep):
                    raise ArgdownError(TOO_DEEP.format("front matter"), first + 2, 1) from None
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
        text, data, _ = extract_data(match.group(2), n, len(match.group(1)) + 1)
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
        item_at = next(
            (k for k, (_, line) in enumerate(block) if k and _STAR_ITEM.match(line)), None
        )
        if item_at is not None and not brace_balance("\n".join(x for _, x in block[:item_at])):
            # "[A]: a" then "  * [B]: b": Argdown rejects a list item inside a relation tree
            # (it wants a relation symbol there); the item is read as a list of its own.
            n, line = block[item_at]
            self._warn(
                n + 1,
                len(line) - len(line.lstrip()) + 1,
                "a list item ('*') without a relation symbol inside a statement's block; "
                "Argdown rejects it (invalid relation); read as a statement with no relation "
                "to the one above (write '+' or '-' instead of '*' to relate them)",
            )
            self._tree(block[:item_at])
            self._list(block[item_at:])
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
                depth = max(0, depth + brace_balance(line))
                continue
            depth = max(0, brace_balance(line))
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
            self.doc.made_titles.add(title)
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
            if re.fullmatch(r"-{4,}|-{2,3}\s.*\s-{2,3}", stripped):
                # "----", or "-- Modus ponens {uses: [1, 2]} --" (rules and data on one line)
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
        if len(chunks) < 2 or chunks[-2][0] != "inference":
            n, line = chunks[-1][1][0]
            self._warn(
                n + 1,
                1,
                "no inference ('----') before the last numbered statement; Argdown rejects "
                "a premise-conclusion structure without one; read the last statement as "
                "its conclusion",
            )
        after_inference = False
        for k, (kind, lines) in enumerate(chunks):
            if kind == "inference":
                after_inference = True
                if lines and not _RELATION.match(lines[0][1]):
                    n, line = lines[0]
                    raise ArgdownError(
                        f"a numbered statement ('(n) …') is expected after the inference, not "
                        f"{line.strip()[:30]!r}: Argdown reports a missing conclusion here",
                        n + 1,
                        len(line) - len(line.lstrip()) + 1,
                    )
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
            if node is not None and node.is_argument:
                self._argument_in_pcs(node, role, lines[0][0] + 1, match.end() + 1, title)
            elif node is not None:
                argument.pcs.append((node.title, role))

    def _argument_in_pcs(self, node: _Node, role: str, line: int, column: int, title: str) -> None:
        """``(1) <Other>``: Argdown allows only statements in a premise-conclusion structure.
        As a premise its meaning is clear (the other argument backs this one), so it is
        read as a support and reported; as a conclusion it is not, and stops the reading."""
        if role != "premise":
            raise ArgdownError(
                f"<{node.title}> is an argument and cannot be the conclusion of a "
                "premise-conclusion structure: Argdown allows only statements ([Title]) here",
                line,
                column,
            )
        self._warn(
            line,
            column,
            f"<{node.title}> is an argument used as a premise; Argdown allows only statements "
            f"([Title]) in a premise-conclusion structure and rejects this; read as <{node.title}> "
            f"supporting <{title}>",
        )
        self.doc.relations.append(Relation("support", node.title, True, title, True))

    def _inference_relations(self, chunk: list[tuple[int, str]], argument: str) -> None:
        for element in self._elements([(chunk[0][0], "x"), *chunk]):
            if element.symbol:
                child = self._occurrence(element, "relation")
                self._relate(_Node(argument, True), child, element.symbol)

    # -- occurrences -------------------------------------------------------------------

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
        text, data, tags = extract_data(rest, n, column + (match.end() if match else 0))
        is_argument = bool(match and match.group(1) == "<")
        if match and not match.group(4) and TAG.sub("", text).strip():
            raise ArgdownError(
                f"expected ':' after the title {body[: match.end()]!r}", n + 1, column + match.end()
            )
        if not match:
            self.untitled += 1
            title = f"Untitled {self.untitled}"
            self.doc.made_titles.add(title)
        text = clean_text(strip_trailing_tags(text))
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


def parse(source: str) -> Document:
    """Parse Argdown text; raises :class:`ArgdownError` with the line and column."""
    return _Parser(source).parse()


__all__ = ["ArgdownError", "Argument", "Document", "Relation", "Statement", "clean_text", "parse"]
