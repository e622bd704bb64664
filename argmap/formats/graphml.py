"""GraphML for yEd and Gephi, and back (for GraphML that argmap wrote).

Each claim is a node with plain GraphML attributes ``label``, ``kind``, ``author``,
``author_name``, ``source``, ``quote``, ``tags``, ``note`` and ``color`` (what Gephi shows
and filters on), ``r``/``g``/``b`` (Gephi's node colour), and a yEd ``ShapeNode`` with the
same label and the kind's colours (what yEd draws). Each link is an edge with ``kind``,
``id`` and ``note``. The graph carries ``title`` and an ``argmap`` attribute holding the
authors, sources and positions as JSON, so a map survives the round trip.

Reading goes through defusedxml: a file that declares entities (the "billion laughs"
expansion) or external references is refused, not parsed.
"""

from __future__ import annotations

import contextlib
import json
import re
from typing import Any

from pydantic import ValidationError

from argmap.formats._common import IdMaker, ImportResult, as_kind, fail, views_within
from argmap.formats._common import xml_attr as quoteattr
from argmap.formats._common import xml_text as escape
from argmap.map.model import (
    MANUAL,
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
from argmap.map.palette import KIND_FILL, KIND_STROKE, LINK_COLOR

NS = "http://graphml.graphdrawing.org/xmlns"
YNS = "http://www.yworks.com/xml/graphml"
_NODE_KEYS = (
    ("label", "string"),
    ("kind", "string"),
    ("author", "string"),
    ("author_name", "string"),
    ("source", "string"),
    ("quote", "string"),
    ("quote_start", "int"),
    ("quote_end", "int"),
    ("tags", "string"),
    ("note", "string"),
    ("origin", "string"),
    ("color", "string"),
    ("r", "int"),
    ("g", "int"),
    ("b", "int"),
    ("pos_x", "double"),
    ("pos_y", "double"),
)
_EDGE_KEYS = (("kind", "string"), ("id", "string"), ("note", "string"), ("origin", "string"))
_CARD_W, _CARD_H = 220.0, 80.0


def _data(key: str, value: object) -> str:
    return f'<data key="{key}">{escape(str(value))}</data>'


def write_graphml(amap: ArgumentMap) -> str:
    """The map as GraphML with plain attributes for Gephi and yEd graphics for yEd."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<graphml xmlns="{NS}" xmlns:y="{YNS}">',
        '  <key id="g_title" for="graph" attr.name="title" attr.type="string"/>',
        '  <key id="g_argmap" for="graph" attr.name="argmap" attr.type="string"/>',
    ]
    out += [
        f'  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{kind}"/>'
        for name, kind in _NODE_KEYS
    ]
    out += [
        f'  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{kind}"/>'
        for name, kind in _EDGE_KEYS
    ]
    out.append('  <key id="n_yed" for="node" yfiles.type="nodegraphics"/>')
    out.append('  <key id="e_yed" for="edge" yfiles.type="edgegraphics"/>')
    out.append('  <graph id="argmap" edgedefault="directed">')
    out.append("    " + _data("g_title", amap.title))
    meta = {
        "schema_version": amap.schema_version,
        "description": amap.description,
        "authors": [a.model_dump(mode="json") for a in amap.authors],
        "sources": [s.model_dump(mode="json") for s in amap.sources],
        "positions": [p.model_dump(mode="json") for p in amap.positions],
        "views": [v.model_dump(mode="json", exclude_defaults=True) for v in amap.views],
    }
    out.append("    " + _data("g_argmap", json.dumps(meta, ensure_ascii=False)))
    names = {a.id: a.name for a in amap.authors}
    for n, claim in enumerate(amap.claims):
        fill = KIND_FILL[claim.kind]
        values: dict[str, object] = {
            "label": claim.text,
            "kind": claim.kind,
            "color": fill,
            "r": int(fill[1:3], 16),
            "g": int(fill[3:5], 16),
            "b": int(fill[5:7], 16),
        }
        if claim.author:
            values["author"] = claim.author
            values["author_name"] = names.get(claim.author, claim.author)
        if claim.source:
            values["source"] = claim.source
        if claim.quote:
            values.update(
                quote=claim.quote.text, quote_start=claim.quote.start, quote_end=claim.quote.end
            )
        if claim.tags:
            values["tags"] = json.dumps(claim.tags, ensure_ascii=False)
        if claim.note:
            values["note"] = claim.note
        if claim.origin != MANUAL:
            values["origin"] = claim.origin.model_dump_json(exclude_defaults=True)
        x, y = (claim.pos.x, claim.pos.y) if claim.pos else ((n % 10) * 260.0, (n // 10) * 140.0)
        if claim.pos:
            values.update(pos_x=x, pos_y=y)
        out.append(f"    <node id={quoteattr(claim.id)}>")
        out += [f"      {_data('n_' + k, v)}" for k, v in values.items()]
        out.append(
            '      <data key="n_yed"><y:ShapeNode>'
            f'<y:Geometry x="{x - _CARD_W / 2}" y="{y - _CARD_H / 2}" width="{_CARD_W}" height="{_CARD_H}"/>'
            f'<y:Fill color="{fill}" transparent="false"/>'
            f'<y:BorderStyle color="{KIND_STROKE[claim.kind]}" type="line" width="2.0"/>'
            f"<y:NodeLabel>{escape(claim.text)}</y:NodeLabel>"
            '<y:Shape type="roundrectangle"/></y:ShapeNode></data>'
        )
        out.append("    </node>")
    for link in amap.links:
        out.append(
            f"    <edge id={quoteattr(link.id)} source={quoteattr(link.from_claim)} "
            f"target={quoteattr(link.to_claim)}>"
        )
        out.append(f"      {_data('e_kind', link.kind)}")
        out.append(f"      {_data('e_id', link.id)}")
        if link.note:
            out.append(f"      {_data('e_note', link.note)}")
        if link.origin != MANUAL:
            out.append(
                f"      {_data('e_origin', link.origin.model_dump_json(exclude_defaults=True))}"
            )
        style = "line" if link.kind == "support" else "dashed"
        out.append(
            '      <data key="e_yed"><y:PolyLineEdge>'
            f'<y:LineStyle color="{LINK_COLOR[link.kind]}" type="{style}" width="2.0"/>'
            '<y:Arrows source="none" target="standard"/></y:PolyLineEdge></data>'
        )
        out.append("    </edge>")
    out += ["  </graph>", "</graphml>", ""]
    return "\n".join(out)


def read_graphml(data: bytes, file: str = "<graphml>") -> ImportResult:
    """Read GraphML (argmap's own, or any with ``label``/``kind`` attributes) safely."""
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    try:
        root = SafeET.fromstring(data)
    except DefusedXmlException as exc:
        raise fail(
            file,
            f"refused: the file uses XML entities or external references ({type(exc).__name__}); "
            "argmap does not expand them",
        ) from None
    except ParseError as exc:
        line, column = exc.position
        # expat's message ends with the position again, with a 0-based column: say it once.
        reason = re.sub(r":? line \d+, column \d+$", "", str(exc))
        raise fail(
            file, f"not well-formed XML: {reason}", f"line {line}, column {column + 1}"
        ) from None
    if root.tag != f"{{{NS}}}graphml":
        raise fail(file, f"not GraphML: the root element is {root.tag!r}")
    keys: dict[str, str] = {}
    for key in root.iter(f"{{{NS}}}key"):
        if key.get("attr.name"):
            keys[key.get("id", "")] = key.get("attr.name", "")
    graph = root.find(f"{{{NS}}}graph")
    if graph is None:
        raise fail(file, "GraphML without a <graph> element")

    def attrs(element: Any) -> dict[str, str]:
        return {
            keys[d.get("key", "")]: (d.text or "")
            for d in element.findall(f"{{{NS}}}data")
            if d.get("key", "") in keys
        }

    warnings: list[str] = []
    gattrs = attrs(graph)
    try:
        meta = json.loads(gattrs.get("argmap") or "{}")
    except json.JSONDecodeError:
        meta = {}
        warnings.append("the graph's argmap attribute is not JSON; ignored")
    authors = {a.id: a for a in _models(meta.get("authors"), Author, warnings)}
    sources = {s.id: s for s in _models(meta.get("sources"), Source, warnings)}
    ids = IdMaker()
    node_ids: dict[str, str] = {}
    claims: list[Claim] = []
    for n, node in enumerate(graph.iter(f"{{{NS}}}node")):
        a = attrs(node)
        raw_id = node.get("id", f"n{n}")
        cid = ids.take(raw_id, "n")
        node_ids[raw_id] = cid
        fields: dict[str, Any] = {
            "id": cid,
            "kind": as_kind(a.get("kind")) or "premise",
            "text": a.get("label") or raw_id or cid,
        }
        if a.get("author") in authors:
            fields["author"] = a["author"]
        elif a.get("author"):
            name = a.get("author_name") or a["author"]
            authors.setdefault(a["author"], Author(id=ids.take(a["author"], "author"), name=name))
            fields["author"] = authors[a["author"]].id
        if a.get("source") in sources:
            fields["source"] = a["source"]
            text = sources[a["source"]].text
            try:
                start, end = int(a.get("quote_start", "")), int(a.get("quote_end", ""))
                if 0 <= start < end <= len(text):
                    fields["quote"] = Quote(start=start, end=end, text=text[start:end])
            except ValueError:
                pass
        if a.get("tags"):
            try:
                fields["tags"] = [str(t) for t in json.loads(a["tags"])]
            except (json.JSONDecodeError, TypeError):
                fields["tags"] = [a["tags"]]
        if a.get("note"):
            fields["note"] = a["note"]
        if a.get("origin"):
            fields["origin"] = _origin(a["origin"], warnings)
        if "pos_x" in a and "pos_y" in a:
            with contextlib.suppress(ValueError):
                fields["pos"] = Point(x=float(a["pos_x"]), y=float(a["pos_y"]))
        try:
            claims.append(Claim(**fields))
        except ValidationError as exc:
            raise fail(file, _invalid(exc), f"node {n + 1} (id {raw_id!r})") from None
    links: dict[tuple[str, str, str], Link] = {}
    link_ids = IdMaker()
    for n, edge in enumerate(graph.iter(f"{{{NS}}}edge")):
        a = attrs(edge)
        src, dst = node_ids.get(edge.get("source", "")), node_ids.get(edge.get("target", ""))
        if src is None or dst is None:
            warnings.append(f"edge {edge.get('id', n)} points at a missing node; skipped")
            continue
        kind = "attack" if a.get("kind") == "attack" else "support"
        if src == dst or (src, dst, kind) in links:
            continue
        try:
            links[(src, dst, kind)] = Link(
                id=link_ids.take(a.get("id") or edge.get("id") or f"l{n}", "l"),
                kind=kind,
                from_claim=src,
                to_claim=dst,
                note=a.get("note", ""),
                origin=_origin(a.get("origin", ""), warnings),
            )
        except ValidationError as exc:
            raise fail(file, _invalid(exc), f"edge {n + 1} (id {edge.get('id')!r})") from None
    try:
        positions = _models(meta.get("positions"), Position, warnings)
        views = views_within(
            _models(meta.get("views"), View, warnings),
            (c.id for c in claims),
            authors,
            (p.id for p in positions),
        )
        amap = ArgumentMap(
            title=gattrs.get("title", ""),
            description=str(meta.get("description") or ""),
            authors=list(authors.values()),
            sources=list(sources.values()),
            claims=claims,
            links=list(links.values()),
            positions=positions,
            views=views,
        )
    except ValidationError as exc:
        raise fail(file, f"does not make a valid map: {_invalid(exc)}") from None
    counts = {"nodes": len(claims), "edges": len(links)}
    return ImportResult(amap, warnings, counts)


def _invalid(exc: ValidationError) -> str:
    """The first problem pydantic found, with the field it is in."""
    first = exc.errors(include_url=False)[0]
    field = ".".join(str(part) for part in first["loc"])
    return f"{field}: {first['msg']}" if field else first["msg"]


def _origin(text: str, warnings: list[str]) -> Origin:
    """An origin attribute (JSON) as a model; the default (manual) when absent or invalid."""
    if not text:
        return MANUAL
    try:
        return Origin.model_validate_json(text)
    except ValidationError:
        warnings.append(f"invalid origin {text[:40]!r}; kept as manual")
        return MANUAL


def _models(items: object, model: Any, warnings: list[str]) -> list[Any]:
    out = []
    for item in items if isinstance(items, list) else []:
        try:
            out.append(model.model_validate(item))
        except ValidationError as exc:
            warnings.append(f"{model.__name__.lower()} skipped: {exc.errors()[0]['msg']}")
    return out
