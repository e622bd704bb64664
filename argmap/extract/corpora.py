"""Annotated corpora for the evaluation, and the deterministic parts they are split into.

Every corpus becomes a list of :class:`Annotated` texts (gold units with kinds, relations
between them); nothing of the corpora is copied into the repository, they are read where
they lie (``../shared/data`` by default, see ``TUNING.md`` for the protocol):

- the argmap seed maps (``maps/*.argmap.json``): the only annotated op-eds;
- the older microtexts JSONL (``microtexts-dev``);
- the common JSONL format of ``../shared/data`` (``microtexts-part2``, ``cdcp``, ``ugwd``).

Splits are a fixed function of the text id (a SHA-1 byte), so tuning and held-out never
mix and every run sees the same parts.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class GoldUnit:
    start: int
    end: int
    kind: str


@dataclass
class Annotated:
    """One annotated text: its gold units, which of them are theses, and relations."""

    id: str
    text: str
    title: str = ""
    units: list[GoldUnit] = field(default_factory=list)
    relations: Sequence[tuple[int, int, str]] = field(default_factory=list)
    part: str = ""
    """``"tune"`` or ``"heldout"`` when the corpus fixes it (CDCP's own train / dev split);
    ``""``: the part is :func:`split_of` the id (see :func:`part_of`)."""
    corpus: str = ""


def part_of(text: Annotated) -> str:
    """The text's part under the per-text protocol: the corpus's own split where it has
    one, else the hash of its id."""
    return text.part or split_of(text.id)


def split_of(text_id: str) -> str:
    """``"tune"`` or ``"heldout"``: a fixed half of the ids, by their SHA-1."""
    return "tune" if hashlib.sha1(text_id.encode()).digest()[0] % 2 == 0 else "heldout"


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def paragraph_starts(text: str) -> list[int]:
    """Offsets where the paragraphs of ``text`` begin (a blank line separates them)."""
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


def paragraph_part(text_id: str, starts: Sequence[int], offset: int) -> str:
    """The ``paragraph`` protocol's part of the paragraph holding ``offset``."""
    k = bisect.bisect_right(starts, offset) - 1
    return split_of(f"{text_id}#{k}")


# ------------------------------------------------------------------ loading
def load_microtexts(path: str | Path) -> list[Annotated]:
    """The microtexts JSONL (a file, or a folder holding one ``*.jsonl``)."""
    return [_microtext(row) for row in _rows(_jsonl_file(path))]


def _microtext(row: dict[str, Any]) -> Annotated:
    ids = {adu["id"]: i for i, adu in enumerate(row["adus"])}
    units = [
        GoldUnit(
            adu["start"],
            adu["end"],
            "thesis"
            if adu["id"] == row["central_claim"]
            else ("objection" if adu["type"] == "opp" else "premise"),
        )
        for adu in row["adus"]
    ]
    rel_from = {r["id"]: r["from"] for r in row["relations"]}
    relations: list[tuple[int, int, str]] = []
    for rel in row["relations"]:
        if rel["orig_type"] == "add":
            continue
        target = rel["to"]
        if rel.get("to_is_relation"):
            target = rel_from.get(target, "")  # an undercut attacks the attacking unit
        if rel["from"] in ids and target in ids:
            relations.append((ids[rel["from"]], ids[target], rel["kind"]))
    return Annotated(row["id"], row["text"], "", units, relations)


def load_gold_maps(folder: str | Path) -> list[Annotated]:
    """One :class:`Annotated` per quoted source of the ``*.argmap.json`` maps in ``folder``.

    A source that several maps quote (an article map and a comparison map built from it)
    is taken once, from the map that annotates it with the most claims.
    """
    from argmap.map.mapfile import load

    best: dict[str, Annotated] = {}
    for file in sorted(Path(folder).glob("*.argmap.json")):
        amap = load(file)
        for source in amap.sources:
            claims = [c for c in amap.claims if c.source == source.id and c.quote is not None]
            digest = hashlib.sha1(source.text.encode()).hexdigest()
            if not claims or (digest in best and len(best[digest].units) >= len(claims)):
                continue
            index = {c.id: i for i, c in enumerate(claims)}
            units = [GoldUnit(c.quote.start, c.quote.end, c.kind) for c in claims if c.quote]
            relations = [
                (index[x.from_claim], index[x.to_claim], x.kind)
                for x in amap.links
                if x.from_claim in index and x.to_claim in index
            ]
            best[digest] = Annotated(source.id, source.text, source.title, units, relations)
    return sorted(best.values(), key=lambda a: a.id)


def gold_sources(folder: str | Path) -> list[tuple[str, str]]:
    """``(title, text)`` of every distinct source of the curated maps in ``folder``."""
    from argmap.map.mapfile import load

    seen: dict[str, tuple[str, str]] = {}
    for file in sorted(Path(folder).glob("*.argmap.json")):
        for source in load(file).sources:
            seen.setdefault(source.text, (source.title, source.text))
    return list(seen.values())


def _jsonl_file(path: str | Path) -> Path:
    """``path`` itself, or the first ``*.jsonl`` file of a folder."""
    file = Path(path)
    if file.is_dir():
        found = sorted(file.glob("*.jsonl"))
        if not found:
            raise FileNotFoundError(f"{file}: no *.jsonl file")
        return found[0]
    return file


def load_common(path: str | Path) -> list[Annotated]:
    """Texts of the common JSONL format of ``../shared/data`` (a file, or a folder whose
    ``*.jsonl`` files are all read: CDCP's train and dev files).

    Implicit units (not written in the text) are left out: no proposal can quote them, so
    a text whose thesis is implicit simply has no thesis test. A unit of several stretches
    counts by its first. CDCP's ``split`` becomes the part (train: tune, dev: held-out);
    the microtexts' ``trigger`` question stands in for the missing title (it is what the
    writer answered, as an op-ed answers its headline). Duplicates are dropped."""
    file = Path(path)
    files = sorted(file.glob("*.jsonl")) if file.is_dir() else [file]
    if not files:
        raise FileNotFoundError(f"{file}: no *.jsonl file")
    return [_common(row) for one in files for row in _rows(one) if not row.get("duplicate_of")]


def _rows(file: Path) -> Iterator[dict[str, Any]]:
    """The rows of a JSONL file, blank lines skipped: the one reader of every corpus."""
    with open(file, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


_PARTS = {"train": "tune", "dev": "heldout"}


def _common(row: dict[str, Any]) -> Annotated:
    written = [u for u in row["units"] if not u.get("implicit") and u.get("start") is not None]
    index = {u["id"]: i for i, u in enumerate(written)}
    units = [GoldUnit(u["start"], u["end"], u["kind"]) for u in written]
    relations = [
        (index[r["from"]], index[r["to"]], r["type"])
        for r in row.get("relations", [])
        if r["from"] in index
        and r["to"] in index
        and not r.get("to_is_relation")
        and r["type"] in ("support", "attack")
    ]
    title = row.get("title") or row.get("trigger") or ""
    return Annotated(
        str(row["id"]),
        row["text"],
        title,
        units,
        relations,
        part=_PARTS.get(str(row.get("split", "")), ""),
        corpus=str(row.get("corpus", "")),
    )


def is_common_format(path: str | Path) -> bool:
    """Whether a JSONL file (or a folder's first one) is in the common format (its rows
    have ``units``) rather than the older microtexts format (``adus``)."""
    for row in _rows(_jsonl_file(path)):
        return "units" in row
    return False
