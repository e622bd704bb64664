"""Which file extensions argmap reads and writes, and with what.

The format is always taken from the file name (the longest known suffix wins, so
``x.aif.json`` is AIF and ``x.argmap.json`` a map). Image formats (SVG, PNG, PDF) are
listed here so every error shows the full list, but drawing needs Qt, which the core never
imports: :func:`write_map` refuses them and the command line and app hand them to
``ui.qt.render.images``. Format modules are imported only when used, so the command line starts
fast whatever it converts.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.formats._common import ImportResult, fail

if TYPE_CHECKING:
    from argmap.map.model import ArgumentMap


@dataclass(frozen=True)
class Format:
    """One file format: its suffixes and where its reader and writer live."""

    name: str
    suffixes: tuple[str, ...]
    description: str
    reader: str | None = None
    """``module:function`` taking (bytes, file name) and returning an ImportResult."""
    writer: str | None = None
    """``module:function`` taking a map and returning text (or bytes)."""
    image: bool = False


FORMATS: tuple[Format, ...] = (
    Format(
        "argmap",
        (".argmap.json",),
        "argmap map",
        "argmap.formats.registry:_read_map",
        "argmap.formats.registry:_write_map",
    ),
    Format(
        "aif",
        (".aif.json",),
        "AIF JSON (AIFdb, OVA, xAIF)",
        "argmap.formats.registry:_read_aif",
        "argmap.formats.aif:write_aif",
    ),
    Format(
        "json",
        (".json",),
        "JSON: an argmap map or AIF, recognised by content",
        "argmap.formats.registry:_read_json",
    ),
    Format(
        "argdown",
        (".argdown", ".ad"),
        "Argdown",
        "argmap.formats.registry:_read_argdown",
        "argmap.formats.argdown:write_argdown",
    ),
    Format(
        "graphml",
        (".graphml",),
        "GraphML (yEd, Gephi)",
        "argmap.formats.graphml:read_graphml",
        "argmap.formats.graphml:write_graphml",
    ),
    Format("dot", (".dot", ".gv"), "Graphviz DOT", writer="argmap.formats.dot:write_dot"),
    Format(
        "markdown", (".md",), "Markdown outline", writer="argmap.formats.markdown:write_markdown"
    ),
    Format(
        "html",
        (".html", ".htm"),
        "interactive web page (offline, self-contained)",
        writer="argmap.formats.html:write_html",
    ),
    Format("svg", (".svg",), "SVG image", image=True),
    Format("png", (".png",), "PNG image", image=True),
    Format("pdf", (".pdf",), "PDF (map, optionally with a handout)", image=True),
)


def _by_suffix() -> list[tuple[str, Format]]:
    pairs = [(suffix, f) for f in FORMATS for suffix in f.suffixes]
    return sorted(pairs, key=lambda p: -len(p[0]))


def supported(direction: str) -> list[str]:
    """Suffixes that can be read (``"read"``) or written (``"write"``)."""
    if direction == "read":
        return [s for f in FORMATS if f.reader for s in f.suffixes]
    return [s for f in FORMATS if f.writer or f.image for s in f.suffixes]


def format_for(path: str | os.PathLike[str], direction: str) -> Format:
    """The format of ``path`` for reading or writing; the error lists what is supported."""
    name = Path(path).name.lower()
    for suffix, fmt in _by_suffix():
        if name.endswith(suffix) and (
            fmt.reader if direction == "read" else fmt.writer or fmt.image
        ):
            return fmt
    verb = "read" if direction == "read" else "write"
    raise fail(
        str(path),
        f"cannot {verb} this file type; supported extensions: {' '.join(supported(direction))}",
    )


def _resolve(spec: str) -> Callable[..., object]:
    module, _, function = spec.partition(":")
    resolved: Callable[..., object] = getattr(importlib.import_module(module), function)
    return resolved


def read_map(path: str | os.PathLike[str]) -> ImportResult:
    """Read any supported file as a map, with warnings about what did not carry over."""
    fmt = format_for(path, "read")
    assert fmt.reader is not None
    data = _read_bytes(path)
    _check_items(fmt, data, str(path))
    result = _resolve(fmt.reader)(data, str(path))
    assert isinstance(result, ImportResult)
    if fmt.name != "argmap":  # the map reader's own parser refuses what cannot be saved
        from argmap.map.mapfile import encodable

        encodable(result.map, str(path))
    return result


def encode_map(amap: ArgumentMap, path: str | os.PathLike[str]) -> bytes:
    """The bytes of ``amap`` in the text format named by ``path`` (not images)."""
    fmt = format_for(path, "write")
    if fmt.image or fmt.writer is None:
        raise fail(
            str(path), f"{fmt.description} is drawn by the app or `argmap export`, not the core"
        )
    out = _resolve(fmt.writer)(amap)
    if isinstance(out, str):
        return out.encode("utf-8")
    assert isinstance(out, bytes)
    return out


def write_map(amap: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write ``amap`` to ``path`` in the format its extension names, atomically."""
    write_atomic(path, encode_map(amap, path))


def write_atomic(path: str | os.PathLike[str], payload: bytes) -> None:
    """Write through a temporary file and a rename: an export is never left half-written."""
    from argmap.util.fileio import atomic_write_bytes

    try:
        atomic_write_bytes(path, payload)
    except OSError as exc:
        raise fail(str(path), f"cannot write: {exc.strerror or exc}") from None


def convert_file(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> list[str]:
    """Read ``source`` and write ``target`` (text formats); returns the reader's warnings.

    Argdown to a map file takes a direct path that builds the file's JSON without model
    objects (the same bytes, several times faster on large documents).
    """
    source_format, target_format = format_for(source, "read"), format_for(target, "write")
    if source_format.name == "argdown" and target_format.name == "argmap":
        from argmap.formats.argdown import argdown_to_map_json

        data = _read_bytes(source)
        _check_items(source_format, data, str(source))
        try:
            payload, warnings = argdown_to_map_json(_text(data, str(source)), str(source))
        except (UnicodeEncodeError, ValueError) as exc:
            # Text no file can hold (a lone surrogate spelt as an escape) fails the encoder
            # (pydantic's error, a ValueError: not imported here, this path avoids pydantic).
            if not isinstance(exc, UnicodeEncodeError) and "surrogate" not in str(exc):
                raise
            from argmap.map.mapfile import encodable

            encodable(read_map(source).map, str(source))  # says where, and raises
            raise
        write_atomic(target, payload)
        return warnings
    result = read_map(source)
    write_map(result.map, target)
    return result.warnings


def _read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, refused (never read) when it is not a regular file or is above the
    one limit every reader applies (:data:`argmap.util.fileio.MAX_READ_BYTES`, 200 MB)."""
    from argmap.util.fileio import MAX_READ_BYTES, FileRefused, read_limited

    try:
        return read_limited(path, MAX_READ_BYTES)
    except FileRefused as exc:
        raise fail(str(path), str(exc)) from None
    except FileNotFoundError:
        raise fail(str(path), "no such file") from None
    except IsADirectoryError:
        raise fail(str(path), "is a folder, not a file") from None
    except OSError as exc:
        raise fail(str(path), f"cannot read: {exc.strerror or exc}") from None


_ITEMS = {
    "aif": (b"{", "JSON objects", "an AIF file"),
    "json": (b"{", "JSON objects", "a JSON file"),
    "graphml": (b"<", "XML tags", "a GraphML file"),
    "argdown": (b"\n", "lines", "an Argdown file"),
}
"""What each reader counts before it reads (the map reader counts its own)."""


def _check_items(fmt: Format, data: bytes, file: str) -> None:
    """Refuse a file of more things than :data:`argmap.util.fileio.MAX_READ_ITEMS`."""
    from argmap.util.fileio import count_refused

    marker, what, kind = _ITEMS.get(fmt.name, (b"", "", ""))
    too_many = count_refused(data, marker, what) if marker else ""
    if too_many:
        raise fail(file, f"{too_many} for {kind}")


# -- adapters with the common (bytes, file) signature ----------------------------------


def _text(data: bytes, file: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(
            file, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def _read_map(data: bytes, file: str) -> ImportResult:
    from argmap.map.mapfile import decode

    return ImportResult(decode(data, file))


def _write_map(amap: ArgumentMap) -> bytes:
    from argmap.map.mapfile import encode

    return encode(amap)


def _read_aif(data: bytes, file: str) -> ImportResult:
    from argmap.formats.aif import read_aif

    return read_aif(_text(data, file), file)


def _read_argdown(data: bytes, file: str) -> ImportResult:
    from argmap.formats.argdown import read_argdown

    return read_argdown(_text(data, file), file)


def _read_json(data: bytes, file: str) -> ImportResult:
    """A ``.json`` file is a map if it has ``claims``, AIF if it has ``nodes`` or ``AIF``."""
    head = _text(data, file)
    import json

    try:
        raw = json.loads(head)
    except json.JSONDecodeError as exc:
        raise fail(
            file, f"invalid JSON: {exc.msg}", f"line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise fail(file, "invalid JSON: nested too deeply") from None
    if isinstance(raw, dict) and "claims" in raw:
        return _read_map(data, file)
    if isinstance(raw, dict) and any(k in raw for k in ("nodes", "AIF", "aif")):
        return _read_aif(data, file)
    raise fail(file, "JSON that is neither an argmap map (claims) nor AIF (nodes and edges)")


__all__ = [
    "FORMATS",
    "Format",
    "encode_map",
    "format_for",
    "read_map",
    "supported",
    "write_map",
]
