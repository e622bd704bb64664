"""Map objects made from data that is valid by construction, without validating it.

The models are built with ``defer_build`` (see :mod:`argmap.map.model`): pydantic makes a model's
validator the first time something validates one, which costs a few tens of milliseconds
per process (and imports pydantic's plugin machinery). Code that *generates* its data, so
that it is valid by construction, can skip both: a layout's points are numbers it
computed, and the Argdown reader builds claims and links from ids it made unique itself
(the map-file writer already trusts the same data, see
:func:`argmap.formats.argdown.argdown_to_map_json`). Drawing an Argdown document as an
image then never builds a validator at all.

:func:`construct` does what pydantic's ``model_construct`` does for these models, minus
alias and validator-hook handling none of them has, which makes it about ten times faster
(``model_construct`` took 20 µs a claim). Tests check that what it makes equals what
validation makes. It must only ever be given data that validation would accept unchanged.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

_M = TypeVar("_M", bound=BaseModel)
_set = object.__setattr__
_Plan = tuple[tuple[str, ...], dict[str, Any], dict[str, Any]]
_PLANS: dict[type[BaseModel], _Plan] = {}


def _plan(cls: type[BaseModel]) -> _Plan:
    """A model's fields in declaration order, its plain defaults and its default factories."""
    plan = _PLANS.get(cls)
    if plan is None:
        plain: dict[str, Any] = {}
        factories: dict[str, Any] = {}
        for name, field in cls.model_fields.items():
            if field.default_factory is not None:
                factories[name] = field.default_factory
            elif not field.is_required():
                plain[name] = field.default
        plan = _PLANS[cls] = (tuple(cls.model_fields), plain, factories)
    return plan


def construct(cls: type[_M], fields: dict[str, Any]) -> _M:
    """An instance of ``cls`` holding ``fields`` (defaults for the others), unvalidated.

    ``fields`` must hold valid values of the field types (nested models as model objects);
    as after validation, the fields it names count as set, the others as defaults, and the
    values are kept in declaration order (the order a dump writes them in).
    """
    order, plain, factories = _plan(cls)
    values: dict[str, Any] = {}
    for name in order:
        if name in fields:
            values[name] = fields[name]
        elif name in plain:
            values[name] = plain[name]
        else:
            values[name] = factories[name]()
    obj = cls.__new__(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", set(fields))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


__all__ = ["construct"]
