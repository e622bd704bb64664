"""The published JSON Schema of the map file, generated from the models.

``resources/argmap.schema.json`` is this schema, committed so that editors and other tools
can validate maps without argmap; a test fails when the models change and the file was
not regenerated (``argmap schema -o resources/argmap.schema.json``).
"""

from __future__ import annotations

import json
from typing import Any

from argmap.map.model import SCHEMA_VERSION, ArgumentMap

SCHEMA_ID = "https://argmap.invalid/schema/argmap-v1.schema.json"


def json_schema() -> dict[str, Any]:
    """The schema of a map file (validation mode: what a reader accepts)."""
    schema = ArgumentMap.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"argmap map file, format {SCHEMA_VERSION}",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def schema_text() -> str:
    """The schema as committed: stable key order, two-space indent, final newline."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
