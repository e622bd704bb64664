"""Graphviz DOT: one cluster per author, kind colours from the shared palette.

Nodes keep their argmap ids and carry ``kind`` and ``author`` attributes besides the
drawing ones, so a script reading the file (networkx, pygraphviz) gets the semantics, not
just colours; ``dot -Tsvg`` draws it as the app does (support green, attack red dashed).
"""

from __future__ import annotations

import textwrap

from argmap.map.model import ArgumentMap, Claim
from argmap.map.palette import KIND_FILL, KIND_LABEL, KIND_STROKE, LINK_COLOR

_CONTROL = str.maketrans({chr(c): "\ufffd" for c in range(0x20) if c not in (0x09, 0x0A)})


def _q(text: str) -> str:
    """A DOT double-quoted string (control characters, which Graphviz chokes on, become
    U+FFFD)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # a pasted CRLF is a newline
    escaped = text.translate(_CONTROL).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n") + '"'


def _node(claim: Claim, indent: str) -> str:
    label = "\n".join(textwrap.wrap(claim.text, 32)) or claim.id
    attrs = {
        "label": label,
        "kind": claim.kind,
        "tooltip": f"{KIND_LABEL[claim.kind]}: {claim.text}",
        "fillcolor": KIND_FILL[claim.kind],
        "color": KIND_STROKE[claim.kind],
    }
    if claim.author:
        attrs["author"] = claim.author
    body = ", ".join(f"{k}={_q(v)}" for k, v in attrs.items())
    return f"{indent}{_q(claim.id)} [{body}];"


def write_dot(amap: ArgumentMap) -> str:
    """The map as a DOT digraph (bottom-to-top: reasons below what they support)."""
    lines = [
        f"digraph {_q(amap.title or 'argmap')} {{",
        f"  graph [rankdir=BT, labelloc=t, fontname={_q('DejaVu Sans')}, label={_q(amap.title)}];",
        '  node [shape=box, style="rounded,filled", fontname="DejaVu Sans", fontsize=11, penwidth=1.5];',
        "  edge [penwidth=1.5, arrowsize=0.8];",
    ]
    by_author: dict[str | None, list[Claim]] = {}
    authors = {a.id: a for a in amap.authors}
    for claim in amap.claims:
        by_author.setdefault(claim.author if claim.author in authors else None, []).append(claim)
    for n, (author_id, claims) in enumerate(by_author.items()):
        if author_id is None:
            lines.extend(_node(c, "  ") for c in claims)
            continue
        author = authors[author_id]
        lines.append(f"  subgraph {_q(f'cluster_{n}')} {{")
        lines.append(
            f"    label={_q(author.name)}; color={_q(author.color)}; style=rounded; penwidth=2;"
        )
        lines.extend(_node(c, "    ") for c in claims)
        lines.append("  }")
    for link in amap.links:
        style = "solid" if link.kind == "support" else "dashed"
        lines.append(
            f"  {_q(link.from_claim)} -> {_q(link.to_claim)} [id={_q(link.id)}, kind={_q(link.kind)}, "
            f"color={_q(LINK_COLOR[link.kind])}, style={style}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"
