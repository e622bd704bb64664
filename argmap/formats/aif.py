"""AIF JSON (AIFdb nodesets, OVA save files, xAIF) to and from argmap.

**Reading.** The three JSON flavours are told apart by their keys: an ``AIF`` object (OVA3
save files and xAIF), or ``nodes``/``edges`` at the top (AIFdb nodesets; OVA2's ``id``,
``from``/``to`` spellings are accepted too). Then:

- I-nodes become claims; RA-nodes become support links from every premise to the
  conclusion (a linked argument, several premises into one RA, is noted on each link);
  CA-nodes become attack links; MA-nodes (rephrase) become support links noted "rephrase".
- An undercut (a CA aimed at an RA) has no argmap counterpart: it is kept as an attack on
  the RA's conclusion, noted as an undercut, and reported.
- Dialogue nodes (L, TA, YA) and preferences (PA) are not claims: they are counted and
  reported, and used for one thing: the speaker of the locution anchored to an I-node
  (``L -> YA -> I``, speaker from ``locutions``/``participants`` or the ``"Name : text"``
  convention) becomes the claim's author.
- Edges to missing nodes and cycles among scheme nodes make the file invalid; every such
  edge or cycle is reported.

**Writing.** Claims are I-nodes, each support link one RA ("Default Inference") and each
attack one CA ("Default Conflict"); an authored claim gets an L-node ``"Name : text"``
anchored by a YA "Asserting", with the author as participant and a locution. What AIF has
no place for (kinds, quotes, sources, positions, tags) goes in a top-level ``"argmap"``
extension object that other AIF tools ignore: ``{"schema_version", "title",
"description", "authors", "sources", "positions", "claims": {nodeID: claim fields},
"links": {S-nodeID: {id, note, origin}}}``.
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from typing import Any

from pydantic import ValidationError

from argmap.formats._common import (
    IdMaker,
    ImportResult,
    as_dict,
    fail,
    fail_many,
    one_line,
    slug,
    views_within,
)
from argmap.map.model import (
    MANUAL,
    ArgumentMap,
    Author,
    Claim,
    LinkKind,
    Origin,
    Position,
    Source,
    View,
)
from argmap.map.palette import author_color

SCHEME_NODES = ("RA", "CA", "MA", "PA")
MAX_CYCLES_SHOWN = 20
"""Cycles named one by one in the error; more are counted (each named costs its length)."""
LINKED_NAMED = 10
"""Premises a linked argument's note names; the rest are counted. Each of the argument's
links carries the note, so naming every premise made the map grow with the square of the
premises (6,000 premises: a 247 MB map)."""
DIALOGUE_NODES = ("L", "TA", "YA")


# -- reading ---------------------------------------------------------------------------


def read_aif(data: str | bytes, file: str = "<aif>") -> ImportResult:
    """Read AIF JSON; raises :class:`argmap.map.mapfile.MapFileError` naming every problem."""
    try:
        raw = json.loads(data)
    except json.JSONDecodeError as exc:
        raise fail(
            file, f"invalid JSON: {exc.msg}", f"line {exc.lineno}, column {exc.colno}"
        ) from None
    except (UnicodeDecodeError, RecursionError) as exc:
        raise fail(file, f"cannot read as JSON: {exc}") from None
    if not isinstance(raw, dict):
        raise fail(file, "expected a JSON object with AIF nodes and edges")
    body: dict[str, Any] = next(
        (raw[k] for k in ("AIF", "aif") if isinstance(raw.get(k), dict)), raw
    )
    if not isinstance(body.get("nodes"), list) or not isinstance(body.get("edges"), list):
        raise fail(
            file, "not AIF: expected 'nodes' and 'edges' lists (or an 'AIF' object holding them)"
        )
    extension = as_dict(raw.get("argmap"))
    return _Reader(body, extension, file).read()


def _node_id(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("nodeID", value.get("id"))
    if isinstance(value, bool) or value is None:
        return None
    return str(value) if isinstance(value, str | int) else None


class _Reader:
    def __init__(self, body: dict[str, Any], extension: dict[str, Any], file: str) -> None:
        self.body = body
        self.ext = extension
        self.file = file
        self.warnings: list[str] = []
        self.nodes: dict[str, dict[str, Any]] = {}
        self.into: dict[str, list[str]] = {}
        self.out_of: dict[str, list[str]] = {}

    def _index(self) -> None:
        problems: list[tuple[str, str]] = []
        for i, node in enumerate(self.body["nodes"]):
            nid = _node_id(node.get("nodeID", node.get("id"))) if isinstance(node, dict) else None
            if nid is None or not isinstance(node, dict):
                problems.append((f"nodes[{i}]", "node without a nodeID"))
            elif nid in self.nodes:
                self.warnings.append(f"node {nid} appears twice; the first is used")
            else:
                self.nodes[nid] = node
        seen: set[tuple[str, str]] = set()
        for i, edge in enumerate(self.body["edges"]):
            if not isinstance(edge, dict):
                problems.append((f"edges[{i}]", "edge is not an object"))
                continue
            src = _node_id(edge.get("fromID", edge.get("from")))
            dst = _node_id(edge.get("toID", edge.get("to")))
            missing = [
                f"{end} {ref}" for end, ref in (("from", src), ("to", dst)) if ref not in self.nodes
            ]
            if missing:
                problems.append(
                    (f"edges[{i}]", "dangling edge: no node for " + " and ".join(missing))
                )
                continue
            assert src is not None and dst is not None
            if (src, dst) not in seen:
                seen.add((src, dst))
                self.out_of.setdefault(src, []).append(dst)
                self.into.setdefault(dst, []).append(src)
        if problems:
            raise fail_many(self.file, problems)
        self._check_scheme_cycles()

    def _type(self, nid: str) -> str:
        return str(self.nodes[nid].get("type", "")).upper()

    def _check_scheme_cycles(self) -> None:
        """Scheme nodes may point at scheme nodes (undercuts) but never in a circle."""
        scheme = {n for n in self.nodes if self._type(n) in SCHEME_NODES}
        # Each node's scheme successors once: recomputing them at every step of the walk
        # made a node of 8,000 successors cost 64 million steps.
        succ = {n: [m for m in self.out_of.get(n, []) if m in scheme] for n in scheme}
        state: dict[str, int] = {}
        cycles: list[list[str]] = []
        found = 0
        for start in scheme:
            if state.get(start):
                continue
            stack: list[tuple[str, int]] = [(start, 0)]
            path: list[str] = []
            on_path: dict[str, int] = {}
            while stack:
                node, k = stack.pop()
                if k == 0:
                    state[node] = 1
                    on_path[node] = len(path)
                    path.append(node)
                following = succ[node]
                if k < len(following):
                    stack.append((node, k + 1))
                    nxt = following[k]
                    if state.get(nxt) == 1:
                        found += 1
                        if len(cycles) < MAX_CYCLES_SHOWN:  # each costs its length
                            cycles.append([*path[on_path[nxt] :], nxt])
                    elif not state.get(nxt):
                        stack.append((nxt, 0))
                else:
                    state[node] = 2
                    del on_path[path.pop()]
        if found > len(cycles):
            cycles.append([])  # stands for the rest, said in words below
        if cycles:
            raise fail_many(
                self.file,
                (
                    (
                        "nodes",
                        "cycle of scheme nodes: "
                        + " -> ".join(f"{self._type(n)} {n}" for n in cycle)
                        if cycle
                        else f"and {found - MAX_CYCLES_SHOWN:,} more cycle(s) of scheme nodes",
                    )
                    for cycle in cycles
                ),
            )

    def read(self) -> ImportResult:
        self._index()
        counts = Counter(self._type(n) or "?" for n in self.nodes)
        authors, speaker = self._speakers()
        if isinstance(self.ext.get("authors"), list):
            authors, speaker = {}, {}  # argmap's own file: its authors are authoritative
        ext_claims = as_dict(self.ext.get("claims"))
        ext_links = as_dict(self.ext.get("links"))
        for author in self._models("authors", Author):
            authors.setdefault(author.id, author)
        sources = {s.id: s for s in self._models("sources", Source)}
        ids = IdMaker()
        claims: dict[str, dict[str, Any]] = {}
        for nid, node in self.nodes.items():
            if self._type(nid) != "I":
                continue
            extra = as_dict(ext_claims.get(nid))
            fields: dict[str, Any] = {
                k: v
                for k, v in extra.items()
                if k in ("kind", "author", "source", "quote", "pos", "tags", "note", "origin")
            }
            fields["id"] = ids.take(extra.get("id", f"n{nid}"), "n")
            fields["text"] = (
                str(node.get("text") or "") if extra else one_line(str(node.get("text") or ""))
            )
            fields["text"] = fields["text"] or f"(empty node {nid})"
            if "author" not in fields and nid in speaker:
                fields["author"] = speaker[nid]
            claims[nid] = fields
        links = self._links(claims, ext_links)
        targets = {x.to_claim for x in links}
        sources_of = {x.from_claim for x in links}
        for fields in claims.values():
            if "kind" not in fields:
                cid = fields["id"]
                fields["kind"] = "thesis" if cid in targets and cid not in sources_of else "premise"
        ignored = {t: counts[t] for t in (*DIALOGUE_NODES, "PA") if counts.get(t)}
        if ignored and not self.ext:
            # (a file argmap wrote holds locutions only to say who said what, which was
            # read above: nothing of it is lost, so nothing to warn about)
            shown = ", ".join(f"{t} {n}" for t, n in ignored.items())
            self.warnings.append(
                f"ignored {sum(ignored.values())} dialogue/preference nodes ({shown})"
            )
        other = sorted(t for t in counts if t not in ("I", *SCHEME_NODES, *DIALOGUE_NODES))
        if other:
            self.warnings.append(
                "ignored nodes of unknown type: " + ", ".join(f"{t} {counts[t]}" for t in other)
            )
        try:
            positions = self._models("positions", Position)
            views = views_within(
                self._models("views", View),
                (str(f["id"]) for f in claims.values()),
                authors,
                (p.id for p in positions),
            )
            amap = ArgumentMap(
                title=str(self.ext.get("title") or ""),
                description=str(self.ext.get("description") or ""),
                authors=list(authors.values()),
                sources=list(sources.values()),
                claims=[Claim.model_validate(f) for f in claims.values()],
                links=links,
                positions=positions,
                views=views,
            )
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise fail(self.file, f"does not make a valid map: {first['msg']}", where) from None
        return ImportResult(amap, self.warnings, dict(counts))

    def _models(self, key: str, model: Any) -> list[Any]:
        out = []
        for i, item in enumerate(self.ext.get(key) or []):
            try:
                out.append(model.model_validate(item))
            except ValidationError as exc:
                self.warnings.append(f"argmap.{key}[{i}] skipped: {exc.errors()[0]['msg']}")
        return out

    def _speakers(self) -> tuple[dict[str, Author], dict[str, str]]:
        """Authors from participants/locutions, and the author of each anchored I-node."""
        people: dict[str, str] = {}
        for p in self.body.get("participants") or []:
            if isinstance(p, dict) and p.get("participantID") is not None:
                full = " ".join(str(p.get(k) or "") for k in ("firstname", "surname")).strip()
                people[str(p["participantID"])] = full or f"Participant {p['participantID']}"
        said_by: dict[str, str] = {}
        for loc in self.body.get("locutions") or []:
            if (
                isinstance(loc, dict)
                and loc.get("nodeID") is not None
                and loc.get("personID") is not None
            ):
                person = str(loc["personID"])
                if person in people:
                    said_by[str(loc["nodeID"])] = people[person]
                else:
                    said_by.setdefault(str(loc["nodeID"]), f"Person {person}")
        authors: dict[str, Author] = {}
        speaker: dict[str, str] = {}
        for nid in self.nodes:
            if self._type(nid) != "L":
                continue
            text = str(self.nodes[nid].get("text") or "")
            name = said_by.get(nid)
            if (name is None or name.startswith("Person ")) and " : " in text:
                name = text.split(" : ", 1)[0].strip()  # the "Speaker : words" convention
            if not name:
                continue
            anchored = [
                target
                for ya in self.out_of.get(nid, [])
                if self._type(ya) == "YA"
                for target in self.out_of.get(ya, [])
                if self._type(target) == "I"
            ]
            if not anchored:
                continue
            author_id = slug(name, "author")
            if author_id not in authors:
                authors[author_id] = Author(
                    id=author_id, name=name, color=author_color(len(authors))
                )
            for target in anchored:
                speaker.setdefault(target, author_id)
        return authors, speaker

    def _links(self, claims: dict[str, dict[str, Any]], ext_links: dict[str, Any]) -> list[Any]:
        from argmap.map.model import Link

        ids = IdMaker()
        out: dict[tuple[str, str, str], Link] = {}
        undercuts = 0

        def add(snode: str, src: str, dst: str, kind: LinkKind, note: str) -> None:
            a, b = claims[src]["id"], claims[dst]["id"]
            if a == b or (a, b, kind) in out:
                return
            extra = as_dict(ext_links.get(snode))
            origin = MANUAL
            if isinstance(extra.get("origin"), dict):
                with contextlib.suppress(ValidationError):
                    origin = Origin.model_validate(extra["origin"])
            out[(a, b, kind)] = Link(
                id=ids.take(extra.get("id", f"{self._type(snode).lower()}{snode}"), "l"),
                kind=kind,
                from_claim=a,
                to_claim=b,
                note=str(extra.get("note", note)),
                origin=origin,
            )

        for snode in self.nodes:
            stype = self._type(snode)
            if stype not in ("RA", "CA", "MA"):
                continue
            premises = [n for n in self.into.get(snode, []) if n in claims]
            targets = self.out_of.get(snode, [])
            if not premises or not targets:
                self.warnings.append(f"{stype} {snode} lacks a premise or a conclusion; skipped")
                continue
            for target in targets:
                if target in claims:
                    kind: LinkKind = "attack" if stype == "CA" else "support"
                    note = "rephrase (MA)" if stype == "MA" else ""
                    if stype == "RA" and len(premises) > 1:
                        note = _linked_note([claims[p]["id"] for p in premises])
                    for premise in premises:
                        add(snode, premise, target, kind, note)
                elif stype == "CA" and self._type(target) == "RA":
                    undercuts += 1
                    ends = [c for c in self.out_of.get(target, []) if c in claims]
                    for end in ends:
                        for premise in premises:
                            add(
                                snode,
                                premise,
                                end,
                                "attack",
                                f"undercut of the inference RA {target}",
                            )
        if undercuts:
            self.warnings.append(
                f"{undercuts} undercut(s) kept as attacks on the undercut inference's conclusion"
            )
        return list(out.values())


def _linked_note(premises: list[str]) -> str:
    """The note on each link of a linked argument: its premises, the first few by id."""
    named = ", ".join(premises[:LINKED_NAMED])
    rest = len(premises) - LINKED_NAMED
    return f"linked premises: {named}" + (f" and {rest:,} more" if rest > 0 else "")


# -- writing ---------------------------------------------------------------------------


def write_aif(amap: ArgumentMap) -> str:
    """The map as AIF JSON with participants, locutions and the ``argmap`` extension."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    counter = iter(range(1, 10**9))

    def node(text: str, kind: str, **extra: Any) -> str:
        nid = str(next(counter))
        nodes.append({"nodeID": nid, "text": text, "type": kind, "timestamp": "", **extra})
        return nid

    def edge(src: str, dst: str) -> None:
        edges.append(
            {"edgeID": str(len(edges) + 1), "fromID": src, "toID": dst, "formEdgeID": None}
        )

    participants = {}
    for k, author in enumerate(amap.authors, 1):
        first, _, last = author.name.rpartition(" ")
        participants[author.id] = {
            "participantID": k,
            "firstname": first or last,
            "surname": last if first else "",
        }
    names = {a.id: a.name for a in amap.authors}
    inode: dict[str, str] = {}
    ext_claims: dict[str, Any] = {}
    locutions: list[dict[str, Any]] = []
    for claim in amap.claims:
        nid = node(claim.text, "I")
        inode[claim.id] = nid
        fields = claim.model_dump(mode="json", exclude_none=True, exclude={"text"})
        if claim.origin == MANUAL:
            fields.pop("origin", None)
        for key in ("tags", "note"):
            if not fields.get(key):
                fields.pop(key, None)
        ext_claims[nid] = fields
    for claim in amap.claims:
        if claim.author in participants:
            loc = node(f"{names[claim.author]} : {claim.text}", "L")
            ya = node("Asserting", "YA", scheme="Asserting", schemeID="74")
            edge(loc, ya)
            edge(ya, inode[claim.id])
            locutions.append(
                {
                    "nodeID": loc,
                    "personID": participants[claim.author]["participantID"],
                    "timestamp": "",
                    "start": None,
                    "end": None,
                    "source": None,
                }
            )
    ext_links: dict[str, Any] = {}
    fulfilments = []
    for link in amap.links:
        name, scheme_id = (
            ("Default Inference", "72") if link.kind == "support" else ("Default Conflict", "71")
        )
        snode = node(
            name, "RA" if link.kind == "support" else "CA", scheme=name, schemeID=scheme_id
        )
        edge(inode[link.from_claim], snode)
        edge(snode, inode[link.to_claim])
        fulfilments.append({"nodeID": snode, "schemeID": scheme_id})
        entry: dict[str, Any] = {"id": link.id}
        if link.note:
            entry["note"] = link.note
        if link.origin != MANUAL:
            entry["origin"] = link.origin.model_dump(mode="json", exclude_none=True)
        ext_links[snode] = entry
    document = {
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": list(participants.values()),
        "schemefulfillments": fulfilments,
        "argmap": {
            "schema_version": amap.schema_version,
            "title": amap.title,
            "description": amap.description,
            "authors": [a.model_dump(mode="json") for a in amap.authors],
            "sources": [s.model_dump(mode="json") for s in amap.sources],
            "positions": [p.model_dump(mode="json") for p in amap.positions],
            "views": [v.model_dump(mode="json", exclude_defaults=True) for v in amap.views],
            "claims": ext_claims,
            "links": ext_links,
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
