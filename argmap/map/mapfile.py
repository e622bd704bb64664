"""Reading and writing ``*.argmap.json`` files.

Loading never raises anything but :class:`MapFileError`, whose problems say the file, the
line and column (JSON syntax) or the JSON path (validation) and what was expected. Saving is
atomic (:mod:`argmap.util.fileio`), so a crash or a full disk never leaves half a map behind.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticSerializationError

from argmap.map.errors import FileProblem, MapFileError
from argmap.map.invariants import find_problems
from argmap.map.migrate import migrate
from argmap.map.model import (
    SCHEMA_VERSION,
    ArgumentMap,
    Author,
    Claim,
    Link,
    Origin,
    Point,
    Position,
    Quote,
    Source,
    View,
)
from argmap.util.fileio import (
    MAX_READ_BYTES,
    FileRefused,
    atomic_write_bytes,
    count_refused,
    read_limited,
    remove_stale_temporaries,
)
from argmap.util.gcpause import collector_paused

__all__ = [
    "MAP_SUFFIX",
    "MAX_FILE_BYTES",
    "FileProblem",
    "MapFileError",
    "decode",
    "encodable",
    "encode",
    "load",
    "save",
]

MAP_SUFFIX = ".argmap.json"
MAX_FILE_BYTES = MAX_READ_BYTES
"""Refuse files above this size (200 MB): a 50k-claim map with article texts is about 30 MB.
Every reader of a map or an interchange format applies this same limit."""

_NO_INVARIANTS = {"check_invariants": False}
_VERSION_NEAR_START = re.compile(rb'^\s*\{\s*"schema_version"\s*:\s*(\d+)\s*[,}]')


def _fail(file: str, message: str, where: str = "") -> MapFileError:
    return MapFileError([FileProblem(file, where, message)])


def _line_col(data: str, offset: int) -> str:
    line = data.count("\n", 0, offset) + 1
    column = offset - (data.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def _json_path(loc: Sequence[int | str]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def _validation_problems(file: str, error: ValidationError) -> list[FileProblem]:
    errors = error.errors(include_url=False)
    # A misspelt key shows up twice: as an unknown key and as the required key it should
    # have been. Report it once, as the unknown key with the likely intended name.
    missing = {(tuple(e["loc"][:-1]), str(e["loc"][-1])) for e in errors if e["type"] == "missing"}
    explained: set[tuple[tuple[int | str, ...], str]] = set()
    problems = []
    for err in errors:
        message = err["msg"]
        if err["type"] == "extra_forbidden":
            parent, key = tuple(err["loc"][:-1]), str(err["loc"][-1])
            guess = _closest(key, [name for (where, name) in missing if where == parent])
            guess = guess or _closest(key, _known_keys(parent))
            if guess and (parent, guess) in missing:
                explained.add((parent, guess))
            message = "unknown key (not part of the argmap format" + (
                f"; did you mean {guess!r}?)" if guess else "; check the spelling)"
            )
        elif err["type"] == "missing":
            message = "required key is missing"
        elif "input" in err and err["type"] not in ("value_error",):
            shown = repr(err["input"])
            message = f"{message} (got {shown if len(shown) <= 60 else shown[:57] + '...'})"
        problems.append(FileProblem(file, _json_path(err["loc"]), message))
    return [
        p
        for p, err in zip(problems, errors, strict=True)
        if not (
            err["type"] == "missing" and (tuple(err["loc"][:-1]), str(err["loc"][-1])) in explained
        )
    ]


def _closest(key: str, candidates: Sequence[str]) -> str | None:
    matches = difflib.get_close_matches(key, candidates, n=1, cutoff=0.6)
    return matches[0] if matches else None


_FIELDS_BY_LIST: dict[str, type[BaseModel]] = {
    "sources": Source,
    "authors": Author,
    "claims": Claim,
    "links": Link,
    "positions": Position,
    "views": View,
}

_NESTED_IN_CLAIM: dict[str, type[BaseModel]] = {"quote": Quote, "origin": Origin, "pos": Point}


def _known_keys(parent: tuple[int | str, ...]) -> list[str]:
    """The keys allowed at a JSON location, for spelling suggestions."""
    if not parent:
        return list(ArgumentMap.model_fields)
    model = _FIELDS_BY_LIST.get(str(parent[0]))
    if model is None:
        return []
    if len(parent) == 2:
        return list(model.model_fields)
    if model is Claim and len(parent) == 3 and parent[2] in ("quote", "origin", "pos"):
        return list(_NESTED_IN_CLAIM[str(parent[2])].model_fields)
    return []


def decode(data: bytes, file: str = "<map>") -> ArgumentMap:
    """Parse and validate the bytes of a map file; raises :class:`MapFileError`."""
    with collector_paused():
        return _decode(data, file)


def _decode(data: bytes, file: str) -> ArgumentMap:
    if not data.strip():
        raise _fail(file, "the file is empty (expected a JSON object of an argument map)")
    too_many = count_refused(data, b"{", "JSON objects")
    if too_many:
        raise _fail(file, f"{too_many} for a map")
    version_match = _VERSION_NEAR_START.match(data)
    try:
        if version_match and int(version_match.group(1)) == SCHEMA_VERSION:
            # The common case: one pass of pydantic's own parser over the bytes. It rejects
            # bad UTF-8 and control characters itself; the slower diagnosis below runs only
            # when it fails, to say exactly where.
            amap = ArgumentMap.model_validate_json(data, context=_NO_INVARIANTS)
        else:
            amap = _validate_raw(_parse_json(_diagnosed_text(data, file), file), file)
    except ValidationError as exc:
        if any(err["type"] == "json_invalid" for err in exc.errors()):
            _parse_json(_diagnosed_text(data, file), file)  # line and column, which jiter lacks
            raise _fail(file, "invalid JSON") from None
        raise MapFileError(_validation_problems(file, exc)) from None

    problems = find_problems(amap)
    if problems:
        error = MapFileError([FileProblem(file, p.path, p.message) for p in problems])
        if any(p.path.endswith(".quote") and "does not match" in p.message for p in problems):
            error.hint = f"quotes that no longer match their source can be re-anchored: argmap quote fix {file}"
        raise error
    return amap


def _diagnosed_text(data: bytes, file: str) -> str:
    """The file as text, or an error saying why it is not a map's text (encoding, binary
    data, another format) and where."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start].decode("utf-8", errors="replace")
        raise _fail(
            file,
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            _line_col(prefix, len(prefix)),
        ) from None
    if "\x00" in text:
        offset = text.index("\x00")
        raise _fail(file, "binary data (NUL character): not a map file", _line_col(text, offset))
    foreign = _foreign_format(text)
    if foreign:
        raise MapFileError(
            [FileProblem(file, "", f"this is {foreign}, not an argmap map")],
            hint=f"read it with: argmap convert {file} OUT{MAP_SUFFIX}",
        )
    return text


def _foreign_format(text: str) -> str:
    """Name the interchange format a user passed where a map was expected, if it is one.

    ``argmap stats debate.argdown`` would otherwise report "invalid JSON" at line 1, which
    sends the user looking for a typo instead of to ``argmap convert``.
    """
    head = text[:2000].lstrip("\ufeff \t\r\n")
    if re.match(r"[\[<][^\]>\n]*[\]>]\s*:", head):  # "[Title]: ..." or "<Argument>: ..."
        return "a text file (Argdown or an article?)"
    if head.startswith("<"):
        return "an XML file (GraphML?)" if "graphml" in head.lower() else "an XML or HTML file"
    if not head.startswith(("{", "[")):
        return "a text file (Argdown or an article?)"
    if head.startswith("{") and re.match(r'\{\s*"(nodes|AIF|aif|edges|locutions)"\s*:', head):
        return "an AIF file (AIFdb, OVA or xAIF JSON)"
    return ""


def _parse_json(text: str, file: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # "Unterminated string starting at" names the place in ``where``; finish the sentence.
        message = exc.msg.removesuffix(" at") + (" here" if exc.msg.endswith(" at") else "")
        raise _fail(
            file, f"invalid JSON: {message}", f"line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise _fail(file, "invalid map: JSON nested too deeply") from None


def _validate_raw(raw: Any, file: str) -> ArgumentMap:
    if not isinstance(raw, dict):
        raise _fail(file, f"expected a JSON object at the top level, found {type(raw).__name__}")
    try:
        migrated = migrate(raw)
    except ValueError as exc:
        raise _fail(file, str(exc), "schema_version") from None
    return ArgumentMap.model_validate(migrated, context=_NO_INVARIANTS)


def load(path: str | os.PathLike[str], max_bytes: int = MAX_FILE_BYTES) -> ArgumentMap:
    """Read a map file; every failure is a :class:`MapFileError` naming the file.

    Opening a map also removes what saves of it killed long ago left behind
    (:func:`argmap.util.fileio.remove_stale_temporaries`).
    """
    name = str(path)
    try:
        data = read_limited(path, max_bytes)
    except FileRefused as exc:
        raise _fail(name, f"{exc} for a map" if exc.too_big else str(exc)) from None
    except FileNotFoundError:
        raise _fail(name, "no such file") from None
    except IsADirectoryError:
        raise _fail(name, "is a folder, not a map file") from None
    except OSError as exc:
        raise _fail(name, f"cannot read: {exc.strerror or exc}") from None
    remove_stale_temporaries(path)
    return decode(data, name)


def encode(amap: ArgumentMap) -> bytes:
    """The file bytes of a map: UTF-8, two-space indented, fields in model order.

    Fields at their default (no note, no tags, a manual origin, no position) are left out so
    files stay short to read and to parse; ``schema_version`` is always written, first. Key
    order follows the model, so saving twice gives identical bytes and git diffs show only
    what changed. pydantic's serializer is several times faster than ``json.dumps``.
    """
    body = amap.model_dump_json(indent=2, exclude_defaults=True)
    return (body + "\n").encode("utf-8")


def save(amap: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write ``amap`` to ``path`` atomically; on any failure the old file is untouched."""
    payload = encodable(amap, str(path))
    try:
        atomic_write_bytes(path, payload)
    except OSError as exc:
        raise _fail(str(path), f"cannot save: {exc.strerror or exc}") from None


def encodable(amap: ArgumentMap, file: str) -> bytes:
    """:func:`encode`, or a :class:`MapFileError` naming ``file`` and the JSON path of text
    no file can hold (a lone surrogate such as ``"\\ud800"``, which JSON escapes and YAML
    strings can spell and Python strings can hold, but UTF-8 cannot)."""
    try:
        return encode(amap)
    except (PydanticSerializationError, UnicodeEncodeError):
        where, message = _unencodable(amap.model_dump(), "")
        raise _fail(file, message, where) from None


def _unencodable(data: object, path: str) -> tuple[str, str]:
    """The JSON path of the first string that is not valid Unicode text, and why."""
    stack: list[tuple[object, str]] = [(data, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, dict):
            stack.extend((v, f"{where}.{k}" if where else str(k)) for k, v in item.items())
            stack.extend((k, where) for k in item)
        elif isinstance(item, list | tuple):
            stack.extend((v, f"{where}[{i}]") for i, v in enumerate(item))
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as exc:
                return where, (
                    f"text with a lone surrogate (U+{ord(item[exc.start]):04X}, written "
                    f"\\u{ord(item[exc.start]):04x}) at character {exc.start}: not Unicode text, "
                    "no file can hold it"
                )
    return "", "the map cannot be written as JSON"
