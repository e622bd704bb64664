"""An interactive page of a map: one self-contained HTML file that works offline.

A teacher puts it on a course page; a student opens it in any browser with nothing to
install and no network: the drawings are the SVG that :mod:`argmap.formats.svg` writes
(the map, and each view laid out for itself), the data (claims, quotes, articles, views
and their steps) is JSON in the page, and the script is the page's own (no library, no
CDN). It offers pan and zoom, a click on a card for its quote and article, showing or
hiding authors and kinds, and the views stepped through (buttons or arrow keys).

Opened with ``#selftest`` the page checks itself (every card drawn, a click answered, a
filter and a step working, no script error) and writes the result into the page, which
is how the test drives a headless browser without any extra package.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from argmap.map.model import CLAIM_KINDS, ArgumentMap


def _svg(data: bytes) -> str:
    """An SVG document as markup to inline in HTML (no XML declaration)."""
    text = data.decode("utf-8")
    return re.sub(r"^<\?xml[^>]*\?>\s*", "", text)


def page_data(amap: ArgumentMap, views: list[Any]) -> dict[str, Any]:
    """What the page's script needs to know of the map, as JSON-ready data."""
    return {
        "title": amap.title,
        "claims": {
            c.id: {
                "text": c.text,
                "kind": c.kind,
                "author": c.author,
                "source": c.source,
                "quote": c.quote.text if c.quote is not None else "",
            }
            for c in amap.claims
        },
        "links": {x.id: [x.from_claim, x.to_claim] for x in amap.links},
        "authors": {a.id: {"name": a.name, "color": a.color} for a in amap.authors},
        "sources": {
            s.id: {"title": s.title, "outlet": s.outlet, "date": s.date, "url": s.url}
            for s in amap.sources
        },
        "kinds": [k for k in CLAIM_KINDS if any(c.kind == k for c in amap.claims)],
        "views": [{"id": v.id, "name": v.name, "steps": steps} for v, steps in views],
    }


def write_html(amap: ArgumentMap) -> str:
    """The page of ``amap`` (see the module docstring); proposals are left out."""
    from argmap.analysis.views import default_views, view_steps
    from argmap.drawing.views import laid_out_view
    from argmap.formats.html_page import PAGE, SCRIPT, STYLE
    from argmap.formats.svg import map_svg

    claims = [c for c in amap.claims if not c.origin.is_proposal]
    kept = {c.id for c in claims}
    links = [
        x for x in amap.links if x.origin.reviewed and x.from_claim in kept and x.to_claim in kept
    ]
    shown = amap.model_copy(update={"claims": claims, "links": links})
    drawn = []
    figures = [f'<figure class="drawing" data-view="">{_svg(map_svg(shown, ""))}</figure>']
    for view in list(amap.views) or default_views(amap):
        part = laid_out_view(amap, view)
        if not part.claims:
            continue
        drawn.append((view, view_steps(part, part.views[0])))
        figures.append(
            f'<figure class="drawing" data-view="{html.escape(view.id)}" hidden>'
            f"{_svg(map_svg(part, ''))}</figure>"
        )
    data = json.dumps(page_data(shown, drawn), ensure_ascii=False).replace("</", "<\\/")
    parts = {
        "TITLE": html.escape(amap.title or "Argument map"),
        "STYLE": STYLE,
        "FIGURES": "\n".join(figures),
        "DATA": data,
        "SCRIPT": SCRIPT,
    }
    # one pass, so nothing a claim says can be taken for a placeholder
    return re.sub(r"\{\{([A-Z]+)\}\}", lambda m: parts[m.group(1)], PAGE)
