"""What a map file can hold, checked on every edit before the map changes.

The model's objects are frozen and validated when built normally, but ``model_construct``,
``model_copy(update=...)`` and plain attributes (the map's title) skip validation, and
pydantic accepts strings the file cannot hold: a lone surrogate (``"\\ud800"``, which a
clipboard or a broken decoder can produce) passes an unconstrained ``str`` field and then
makes saving raise. An edit that lets such a value in makes a map that cannot be saved, or
saves a file that :func:`argmap.map.mapfile.load` refuses. So the document checks every
object an edit brings in exactly as loading would: written as the file writes it, read
back as the file is read, and equal to what it was.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticSerializationError

from argmap.map.model import Point

_Model = TypeVar("_Model", bound=BaseModel)


class ValueProblem(ValueError):
    """A value a map file cannot hold; the message says where and why."""


def loadable(item: object, model: type[_Model], what: str) -> _Model:
    """``item`` if it is a ``model`` that saves and loads back unchanged, else raise
    :class:`ValueProblem` naming the field (``what`` names the object, "claim 'c1'")."""
    if not isinstance(item, model):
        raise ValueProblem(f"expected {_article(model.__name__)}, got {_shown(item)}")
    try:
        payload = item.model_dump_json(warnings=False)
    except PydanticSerializationError:
        raise ValueProblem(f"{what}: {_unsavable(item.model_dump(warnings=False))}") from None
    try:
        again = model.model_validate_json(payload)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        field = ".".join(str(part) for part in first["loc"])
        got = _field_value(item, first["loc"])
        raise ValueProblem(f"{what}: {field}: {first['msg']} (got {_shown(got)})") from None
    if again != item:
        field = next(
            (
                name
                for name in type(item).model_fields
                if getattr(again, name) != getattr(item, name)
            ),
            "a field",
        )
        raise ValueProblem(
            f"{what}: {field}: {_shown(getattr(item, field, None))} would not load back as it is"
        )
    return item


def text_value(value: object, what: str) -> str:
    """``value`` if it is text a file can hold (a ``str`` encodable as UTF-8)."""
    if not isinstance(value, str):
        raise ValueProblem(f"{what}: expected text, got {_shown(value)}")
    problem = _surrogate(value)
    if problem:
        raise ValueProblem(f"{what}: {problem}")
    return value


def point_value(value: object, what: str) -> Point | None:
    """``value`` if it is ``None`` or a :class:`Point` of two finite numbers."""
    if value is None:
        return None
    if not isinstance(value, Point):
        raise ValueProblem(f"{what}: expected a position (x, y) or none, got {_shown(value)}")
    for coordinate in (value.x, value.y):
        if type(coordinate) not in (int, float) or not math.isfinite(coordinate):
            raise ValueProblem(
                f"{what}: a position must be two finite numbers, got {_shown(coordinate)}"
            )
    return value


def index_value(value: object) -> int | None:
    """A list index an edit inserts at (``None``: at the end)."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise ValueProblem(f"expected a list index, got {_shown(value)}")


def id_value(value: object, what: str) -> str:
    """An id to look up: text, else the same "no such object" an unknown id gets."""
    if not isinstance(value, str):
        raise ValueProblem(f"no {what} with id {_shown(value)}")
    return value


def _surrogate(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return (
            f"a lone surrogate (U+{ord(text[exc.start]):04X}) at character {exc.start}, "
            "which no file can hold"
        )
    return ""


def _unsavable(data: object) -> str:
    for path, value in _leaves(data, ""):
        if isinstance(value, str):
            problem = _surrogate(value)
            if problem:
                return f"{path}: {problem}"
    return "holds a value that cannot be saved"


def _leaves(data: object, path: str) -> Iterator[tuple[str, object]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(key, f"{path} key" if path else "key")
            yield from _leaves(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list | tuple):
        for i, value in enumerate(data):
            yield from _leaves(value, f"{path}[{i}]")
    else:
        yield path, data


def _field_value(item: BaseModel, loc: tuple[int | str, ...]) -> Any:
    value: Any = item
    for part in loc:
        try:
            value = value[part] if isinstance(part, int) else getattr(value, part)
        except (AttributeError, IndexError, KeyError, TypeError):
            return "?"
    return value


def _article(name: str) -> str:
    return f"an {name.lower()}" if name[0] in "AEIOU" else f"a {name.lower()}"


def _shown(value: object, limit: int = 40) -> str:
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__
        text = f"a {type(value).__name__}"
    return text if len(text) <= limit else text[: limit - 3] + "..."
