"""The Qt-free SVG (argmap.formats.svg) is the canvas's picture: same fonts, breaks, cards, arrows.

Each test checks the Qt-free side against Qt itself on this machine: text widths and line
breaks against ``QFontMetricsF`` / the card's ``QTextLayout``, card and arrow geometry
against the app's own scene, and the drawn SVG against the PNG the scene exports.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontInfo, QFontMetricsF, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from argmap.drawing.picture import card_size, picture
from argmap.drawing.textmetrics import elide, font, wrap
from argmap.extract.build import build_import
from argmap.formats.svg import map_svg
from argmap.map.mapfile import load
from argmap.map.model import ArgumentMap
from argmap.map.synthetic import synthetic_map
from ui.qt.canvas.items import (
    TEXT_WIDTH,
    card_height,
    header_font,
    label_font,
    label_layout,
    label_text,
)
from ui.qt.render.fontdata import module_text
from ui.qt.render.images import SceneHolder, export_image

ROOT = Path(__file__).resolve().parents[2]
MAPS = sorted((ROOT / "maps").glob("*.argmap.json"))
SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))

TRICKY_WORDS = [
    "well-known", "policy", "U.S.", "Taliban’s", "—", "–", "and/or", "(Pakistan)", "“leverage”",
    "https://www.example.com/a/very/long/path/to/some/article-about-things", "10-15", "20%",
    "counter-terrorism-assistance-programme-of-the-united-states", "Afghanistan,", "re-engage",
    "self-interest.", "e.g.", "mid-2021", "“So", "far,”", "…", "Islamabad—and", "9/11", "x",
]  # fmt: skip


def qt_lines(text: str) -> list[str]:
    """The lines of a card label exactly as the canvas breaks them."""
    layout, _, _ = label_layout(text)
    shown = label_text(text)
    lines = []
    for k in range(layout.lineCount()):
        line = layout.lineAt(k)
        lines.append(shown[line.textStart() : line.textStart() + line.textLength()])
    return [x.rstrip("\u2028") for x in lines]


def bundled_texts(paragraphs: bool = False) -> list[str]:
    """Every label and author of the bundled maps, and with ``paragraphs`` the paragraphs of
    their articles too (long texts that a card made from a selection would hold)."""
    texts: list[str] = []
    for path in MAPS:
        amap = load(path)
        texts += [c.text for c in amap.claims] + [a.name for a in amap.authors]
        if paragraphs:
            texts += [p for s in amap.sources for p in s.text.split("\n") if p.strip()]
    return list(dict.fromkeys(texts))


def tricky_texts(count: int) -> list[str]:
    rng = random.Random(7)
    out = []
    for _ in range(count):
        text = " ".join(rng.choice(TRICKY_WORDS) for _ in range(rng.randint(1, 30)))
        if rng.random() < 0.15:
            text = text.replace(" ", "  ", 1)
        if rng.random() < 0.15:
            text = text.replace(" ", "\n", 1)
        out.append(text)
    return out


def test_the_measured_font_is_the_one_the_canvas_draws_with() -> None:
    # The tables were measured from DejaVu Sans (installed by `make` as fonts-dejavu-core);
    # a machine whose default sans-serif is another font would break every comparison below.
    assert QFontInfo(label_font()).family() == font("label").family == "DejaVu Sans"


def test_committed_font_tables_are_what_qt_measures_now() -> None:
    committed = (ROOT / "argmap" / "drawing" / "fontmetrics_data.py").read_text(encoding="utf-8")
    assert module_text() == committed, "run scripts/gen_font_metrics.py"


def test_widths_match_qt_for_every_bundled_label() -> None:
    metrics = QFontMetricsF(label_font())
    texts = bundled_texts(paragraphs=True)
    assert len(texts) > 250
    off = [t for t in texts if abs(metrics.horizontalAdvance(t) - font("label").width(t)) > 0.02]
    # Widths of whole labels only steer the breaks; a label a hair off is still fine.
    assert len(off) <= 1, off


LONG_WORDS = [
    "x" * 1000,
    "https://example.org/" + "/".join(f"segment{k}" for k in range(60)),
    "Pakistan" * 40 + " and then some words after it",
    "Tabs\tbetween\twords\tare spaces on a card, as in the SVG\t\tdouble",
    "Zero\u200bwidth\u200bspaces\u200bbetween\u200bwords\u200bbreak\u200bthe\u200bline\u200bthere",
]


@pytest.mark.parametrize("source", ["bundled", "tricky", "long words"])
def test_line_breaks_match_the_canvas(source: str) -> None:
    texts = {
        "bundled": lambda: bundled_texts(paragraphs=True),
        "tricky": lambda: tricky_texts(1500),
        "long words": lambda: LONG_WORDS,
    }[source]()
    differ = [
        (t, qt_lines(t), wrap(t, TEXT_WIDTH)) for t in texts if qt_lines(t) != wrap(t, TEXT_WIDTH)
    ]
    assert differ == []


def test_card_heights_match_the_canvas() -> None:
    for text in [*bundled_texts()[:80], *tricky_texts(200)]:
        _, qt_height, _ = label_layout(text)
        assert card_size(text)[1] == card_height(qt_height), text


def test_elided_author_names_match_qt() -> None:
    metrics = QFontMetricsF(header_font())
    names = [
        "Foreign Affairs essay", "Touqir Hussain", "GZERO Media (author not named)",
        "Raffaello Pantucci and Alexandre Gagnon", "Émile Zola–Dreyfus", "Madiha Afzal",
    ]  # fmt: skip
    for name in names:
        for quarter in range(0, 560):
            room = quarter / 4
            expected = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
            assert elide(name, room) == expected, (name, room)


def imported_map() -> ArgumentMap:
    """Proposals without saved positions: laid out and routed on the fly."""
    result = build_import([SEEDS[4]])
    return ArgumentMap(
        title="Imported",
        authors=result.authors,
        sources=result.sources,
        claims=result.claims,
        links=result.links,
    )


def partly_placed_map() -> ArgumentMap:
    """A bundled map where every third claim lost its saved position."""
    amap = load(ROOT / "maps" / "kabul-attacks.argmap.json")
    claims = [
        c.model_copy(update={"pos": None}) if k % 3 == 0 else c for k, c in enumerate(amap.claims)
    ]
    return amap.model_copy(update={"claims": claims})


CASES = {
    **{path.name.removesuffix(".argmap.json"): lambda p=path: load(p) for path in MAPS},
    "imported-seed": imported_map,
    "partly-placed": partly_placed_map,
    "synthetic-300": lambda: synthetic_map(300, n_authors=4, seed=3),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_cards_and_arrows_sit_where_the_scene_puts_them(case: str) -> None:
    amap = CASES[case]()
    holder = SceneHolder(amap)
    scene = holder.scene
    scene.ensure_routes()
    pic = picture(amap)
    assert len(pic.cards) == len(scene.claim_items()) == len(amap.claims)
    for card in pic.cards:
        item = scene.claim_item(card.claim.id)
        assert item is not None
        assert (card.x, card.y) == pytest.approx((item.pos().x(), item.pos().y()), abs=0.01)
        assert (card.width, card.height) == item.size()
    assert len(pic.arrows) == len(scene.link_items())
    routed = set(scene.routed_links())
    for arrow in pic.arrows:
        item = scene.link_item(arrow.link.id)
        assert item is not None
        line = item.line()
        assert arrow.ends == pytest.approx((line.x1(), line.y1(), line.x2(), line.y2()), abs=0.01)
        assert (arrow.route is not None) == (arrow.link.id in routed)
        assert arrow.cross == item.cross_author
    left, top, right, bottom = pic.content_box()
    rect = scene.content_rect()
    assert (left, top, right, bottom) == pytest.approx(
        (rect.left(), rect.top(), rect.right(), rect.bottom()), abs=0.01
    )
    if case == "imported-seed":
        assert routed, "an imported op-ed is laid out with routed arrows"


def raster(svg: bytes) -> QImage:
    renderer = QSvgRenderer(svg)
    image = QImage(renderer.defaultSize(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def ink_difference(a: QImage, b: QImage) -> float:
    """Of the pixels inked in either picture (sampled), the share that differ visibly."""
    inked = differ = 0
    for y in range(0, a.height(), 2):
        for x in range(0, a.width(), 2):
            ca, cb = a.pixel(x, y), b.pixel(x, y)
            if ca == cb == 0xFFFFFFFF:
                continue
            inked += 1
            da = sum(abs(((ca >> s) & 255) - ((cb >> s) & 255)) for s in (0, 8, 16))
            differ += da > 90
    return differ / max(inked, 1)


@pytest.mark.parametrize("case", ["kabul-attacks", "imported-seed"])
def test_the_svg_looks_like_the_scenes_png(case: str, tmp_path: Path) -> None:
    amap = CASES[case]()
    export_image(amap, tmp_path / "scene.png", title="")
    scene_png = QImage(str(tmp_path / "scene.png"))
    drawn = raster(map_svg(amap, title=""))
    assert drawn.size() == scene_png.size()
    # Anti-aliasing differs between Qt's raster engine and its SVG renderer; cards, text
    # and arrows in other places would differ on a far larger share of the ink.
    assert ink_difference(drawn, scene_png) < 0.06
    without_arrows = raster(map_svg(amap.model_copy(update={"links": []}), title=""))
    assert ink_difference(without_arrows, scene_png) > 0.06  # the measure can fail


def test_the_apps_svg_shows_what_its_scene_shows(tmp_path: Path) -> None:
    """Hidden authors left out with their arrows, overlay marks kept, cards where drawn."""
    from defusedxml import ElementTree as SafeET
    from PySide6.QtGui import QUndoStack

    from argmap.edit.document import MapDocument
    from ui.qt.canvas.scene import MapScene
    from ui.qt.render.images import export_scene

    amap = load(ROOT / "maps" / "afghanistan-debate.argmap.json")
    scene = MapScene(MapDocument(amap), QUndoStack())
    hidden_author = amap.authors[0].id
    scene.set_hidden({hidden_author}, set())
    # the top card of what is shown: its ring decides the picture's top edge
    drawn = scene.current_positions()
    marked = min((c.id for c in amap.claims if c.author != hidden_author), key=lambda i: drawn[i].y)
    scene.set_overlay({marked: ("#2e7d32", "IN")})
    export_scene(scene, amap, tmp_path / "app.svg")
    root = SafeET.parse(tmp_path / "app.svg").getroot()
    svg = "{http://www.w3.org/2000/svg}"
    cards = {
        g.get("data-id"): g
        for g in root.iter(f"{svg}g")
        if (g.get("class") or "").startswith("claim ")
    }
    visible = {c.id for c in amap.claims if c.author != hidden_author}
    assert set(cards) == visible
    arrows = [g for g in root.iter(f"{svg}g") if (g.get("class") or "").startswith("link ")]
    shown_links = [x for x in amap.links if x.from_claim in visible and x.to_claim in visible]
    assert len(arrows) == len(shown_links) < len(amap.links)
    assert "IN" in [t.text for t in cards[marked].iter(f"{svg}text")]
    assert any(r.get("stroke-width") == "4" for r in cards[marked].iter(f"{svg}rect"))
    item = scene.claim_item(marked)
    assert item is not None
    assert cards[marked].get("transform") == f"translate({item.pos().x():g},{item.pos().y():g})"
    pic = picture(
        amap,
        placed={cid: (p.x, p.y) for cid, p in drawn.items()},
        hidden=[c.id for c in amap.claims if c.id not in visible],
        marks={marked: ("#2e7d32", "IN")},
    )
    rect = scene.content_rect()
    assert pic.content_box() == pytest.approx(
        (rect.left(), rect.top(), rect.right(), rect.bottom()), abs=0.01
    )
    scene.detach()


def test_the_apps_svg_routes_arrows_as_its_scene_does(tmp_path: Path) -> None:
    """After cards grew (their text edited), the scene keeps the routes it drew; the SVG
    must draw those, not a layout computed again from the new sizes."""
    from defusedxml import ElementTree as SafeET
    from PySide6.QtGui import QUndoStack

    from argmap.edit import edits
    from argmap.edit.document import MapDocument
    from ui.qt.canvas.scene import MapScene
    from ui.qt.render.images import export_scene

    amap = load(ROOT / "maps" / "kabul-attacks.argmap.json")
    amap = amap.model_copy(
        update={"claims": [c.model_copy(update={"pos": None}) for c in amap.claims]}
    )
    doc = MapDocument(amap)
    scene = MapScene(doc, QUndoStack())
    routed_before = set(scene.routed_links())
    assert routed_before
    for claim in amap.claims[:3]:
        edits.UpdateClaim(claim.id, {"text": claim.text + " and much more text " * 6}).apply(doc)
    routed = set(scene.routed_links())
    export_scene(scene, doc.map, tmp_path / "app.svg")
    root = SafeET.parse(tmp_path / "app.svg").getroot()
    svg = "{http://www.w3.org/2000/svg}"
    for g in root.iter(f"{svg}g"):
        if not (g.get("class") or "").startswith("link "):
            continue
        item = scene.link_item(g.get("data-id") or "")
        assert item is not None
        points = next(g.iter(f"{svg}polyline")).get("points", "").split()
        # a routed arrow is a polyline of many points, a straight one of two
        assert (len(points) > 2) == (item.link_id in routed), item.link_id
    scene.detach()
