"""Migrations of the raw file dict from older ``schema_version`` values to the current one.

Migrations run on plain JSON data before validation, so an old file never has to fit the
current models. Each step takes version N to N+1; add one here when the format changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from argmap.map.model import SCHEMA_VERSION

RawMap = dict[str, Any]


def _from_0(raw: RawMap) -> RawMap:
    """Version 0 (pre-release drafts): links used ``from``/``to``; no explicit version."""
    links = []
    for item in raw.get("links", []):
        if isinstance(item, dict) and "from" in item:
            link = dict(item)
            link["from_claim"] = link.pop("from")
            link["to_claim"] = link.pop("to", None)
            links.append(link)
        else:
            links.append(item)
    return {**raw, "links": links, "schema_version": 1}


def _from_1(raw: RawMap) -> RawMap:
    """Version 1 had no views (saved parts of a map, added in 2); its maps simply have
    none, so only the version changes."""
    return {**raw, "schema_version": 2}


MIGRATIONS: dict[int, Callable[[RawMap], RawMap]] = {0: _from_0, 1: _from_1}


def migrate(raw: RawMap) -> RawMap:
    """Bring ``raw`` to :data:`SCHEMA_VERSION`; a file from a newer argmap is refused."""
    version = raw.get("schema_version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise ValueError(f"schema_version must be a whole number, found {version!r}")
    if version > SCHEMA_VERSION:
        raise ValueError(
            f"this map was written by a newer argmap (format {version}); "
            f"this version reads formats up to {SCHEMA_VERSION}"
        )
    while version < SCHEMA_VERSION:
        raw = MIGRATIONS[version](raw)
        version = raw["schema_version"]
    return raw
