"""Image export: drawn from the app's own scene, framed with a title and a legend."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest
from defusedxml import ElementTree as SafeET
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QUndoStack
from PySide6.QtWidgets import QGraphicsItem

from argmap.drawing.legend import map_legend
from argmap.edit.document import MapDocument
from argmap.map.model import ArgumentMap
from argmap.map.synthetic import synthetic_map
from ui.qt.canvas.items import SELECT_COLOR
from ui.qt.canvas.scene import MapScene
from ui.qt.render.drawing import draw_scene
from ui.qt.render.images import (
    MARGIN,
    Framer,
    SceneHolder,
    _content_rect,
    export_image,
    export_scene,
    png_size,
)

SVG = "{http://www.w3.org/2000/svg}"


def small_map() -> ArgumentMap:
    return synthetic_map(12, n_authors=3, seed=5)


def pdf_text(data: bytes) -> str:
    """The text of a Qt-written PDF: glyph codes mapped back through each font's ToUnicode.

    Enough of a PDF reader to prove the text is real text (not paths or pictures) and
    extractable by any PDF tool, without needing one installed.
    """
    objects: dict[int, bytes] = {}
    offsets: dict[int, int] = {}  # id of an object's body -> where it starts in the file
    for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S):
        body = m.group(2)
        objects[int(m.group(1))] = body
        offsets[id(body)] = m.start(2)

    def stream(body: bytes) -> bytes:
        start = re.search(rb"stream\r?\n", body)
        if not start:
            return b""
        head = body[: start.start()]
        direct = re.search(rb"/Length (\d+)\s*(?:/|>>)", head)
        indirect = re.search(rb"/Length (\d+) 0 R", head)
        size = int(direct.group(1)) if direct else None
        if indirect and int(indirect.group(1)) in objects:
            size = int(objects[int(indirect.group(1))].strip())
        # compressed bytes may hold "endstream" or "endobj" themselves: trust the length
        at = offsets[id(body)]
        raw = data[at + start.end() : at + start.end() + size] if size is not None else b""
        return zlib.decompress(raw) if b"/FlateDecode" in body else raw

    cmaps: dict[int, dict[int, str]] = {}
    for number, body in objects.items():
        ref = re.search(rb"/ToUnicode (\d+) 0 R", body)
        if not ref:
            continue
        table: dict[int, str] = {}
        text = stream(objects[int(ref.group(1))]).decode("latin-1")
        for a, b, rest in re.findall(
            r"<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)> (\[[^\]]*\]|<[0-9A-Fa-f]+>)", text
        ):
            targets = re.findall(r"<([0-9A-Fa-f]+)>", rest)
            for k, code in enumerate(range(int(a, 16), int(b, 16) + 1)):
                hexcode = targets[k] if rest.startswith("[") else f"{int(targets[0], 16) + k:04x}"
                table[code] = bytes.fromhex(hexcode).decode("utf-16-be", errors="replace")
        cmaps[number] = table
    names = {name.decode(): int(num) for name, num in re.findall(rb"/(F\d+) (\d+) 0 R", data)}
    out: list[str] = []
    for body in objects.values():
        content = stream(body) if b"stream" in body else b""
        if b"Tj" not in content:
            continue
        font: dict[int, str] = {}
        for token in re.finditer(rb"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]+)> Tj|ET", content):
            if token.group(1):
                font = cmaps.get(names.get(token.group(1).decode(), -1), {})
            elif token.group(2):
                codes = bytes.fromhex(token.group(2).decode())
                out += [
                    font.get(int.from_bytes(codes[i : i + 2], "big"), "?")
                    for i in range(0, len(codes), 2)
                ]
            else:
                out.append(" ")
    # Qt maps the space glyph to a tab: whitespace is normalised (ligatures are not: a
    # reader's PDF tool would not normalise them either).
    return " ".join("".join(out).split())


def test_svg_parses_and_carries_title_labels_and_legend(tmp_path: Path) -> None:
    amap = small_map()
    path = tmp_path / "map.svg"
    export_image(amap, path, title="Teaching map")
    root = SafeET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "Teaching map" in texts
    for word in ("Claims:", "Thesis", "Links:", "Support", "Authors:", "Author 0"):
        assert word in texts
    assert amap.claims[0].text.split()[0] in texts
    assert not list(root.iter(f"{SVG}image")), "cards must be vectors and text, not cached pixmaps"


def test_pdf_text_is_searchable_as_written(tmp_path: Path) -> None:
    """No ligature glyphs: "difficult" is found as typed, not as "diﬃcult"."""
    from argmap.map.mapfile import load

    amap = load(Path(__file__).resolve().parents[2] / "maps" / "afghanistan-debate.argmap.json")
    export_image(amap, tmp_path / "h.pdf", handout=True)
    text = pdf_text((tmp_path / "h.pdf").read_bytes())
    assert not any("\ufb00" <= ch <= "\ufb06" for ch in text)
    assert "difficult" in text and "fi" in text


def test_png_has_the_requested_size_and_matches_the_scene_pixel_for_pixel(tmp_path: Path) -> None:
    amap = small_map()
    holder = SceneHolder(amap)
    source = _content_rect(holder.scene)
    framer = Framer(holder.scene, source, amap.title, map_legend(amap))
    for scale in (1.0, 2.0):
        export_scene(holder.scene, amap, tmp_path / f"map{scale}.png", scale=scale)
        image = QImage(str(tmp_path / f"map{scale}.png"))
        assert (image.width(), image.height()) == (
            png_size(framer, scale).width(),
            png_size(framer, scale).height(),
        )
    one, two = QImage(str(tmp_path / "map1.0.png")), QImage(str(tmp_path / "map2.0.png"))
    assert abs(two.width() - 2 * one.width()) <= 1 and abs(two.height() - 2 * one.height()) <= 1

    # The map area of the export is what the scene itself draws.
    direct = QImage(round(source.width()), round(source.height()), QImage.Format.Format_ARGB32)
    direct.fill(QColor("white"))
    painter = QPainter(direct)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    holder.scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
    dx, dy = MARGIN, MARGIN + framer.title_height
    differing = 0
    probes = 0
    for item in holder.scene.claim_items():
        centre = item.sceneBoundingRect().center() - source.topLeft()
        for offset in (QPointF(0, 0), QPointF(-40, 10), QPointF(40, -10)):
            p = centre + offset
            probes += 1
            a = direct.pixelColor(round(p.x()), round(p.y()))
            b = one.pixelColor(round(p.x() + dx), round(p.y() + dy))
            differing += (
                max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))
                > 24
            )
    assert probes >= 30 and differing <= probes // 10


def test_png_shows_kind_colours_where_the_cards_are(tmp_path: Path) -> None:
    amap = small_map()
    holder = SceneHolder(amap)
    source = _content_rect(holder.scene)
    framer = Framer(holder.scene, source, amap.title, map_legend(amap))
    export_scene(holder.scene, amap, tmp_path / "m.png")
    image = QImage(str(tmp_path / "m.png"))
    thesis = next(c for c in amap.claims if c.kind == "thesis")
    item = holder.scene.claim_item(thesis.id)
    assert item is not None
    rect = item.sceneBoundingRect()
    colours = [
        image.pixelColor(
            round(rect.left() + rect.width() * fx - source.left() + MARGIN),
            round(rect.top() + rect.height() * 0.5 - source.top() + MARGIN + framer.title_height),
        ).name()
        for fx in (0.1, 0.3, 0.5, 0.7, 0.9)
    ]
    assert colours.count("#f6d6a8") >= 2  # the thesis fill from argmap.map.palette
    outside = image.pixelColor(round(MARGIN / 2), round(image.height() / 2)).name()
    assert outside == "#ffffff"


def test_pdf_opens_has_text_and_a_handout(tmp_path: Path) -> None:
    amap = small_map()
    plain, handout = tmp_path / "map.pdf", tmp_path / "handout.pdf"
    export_image(amap, plain)
    export_image(amap, handout, handout=True, title="Class 3")
    data, more = plain.read_bytes(), handout.read_bytes()
    assert data.startswith(b"%PDF") and more.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type /Page\b(?!s)", data))
    assert pages == 1
    assert len(re.findall(rb"/Type /Page\b(?!s)", more)) > pages
    text = pdf_text(data)
    assert "Synthetic map of 12 claims" in text
    assert "Thesis" in text and "Author 1" in text
    handout_text = pdf_text(more)
    quote = next(c.quote.text for c in amap.claims if c.quote is not None)
    assert "Class 3" in handout_text
    assert quote.split()[1] in handout_text


def test_export_from_the_app_scene_restores_selection_and_caching(tmp_path: Path) -> None:
    amap = small_map()
    doc, stack = MapDocument(amap), QUndoStack()
    scene = MapScene(doc, stack)  # interactive, as the app's
    item = scene.claim_items()[0]
    item.setSelected(True)
    link_ids = [x.id for x in amap.links[:2]]
    scene.select_link(link_ids[0])
    scene.select_link(link_ids[1], add=True)
    mode = item.cacheMode()
    assert mode != QGraphicsItem.CacheMode.NoCache
    export_scene(scene, amap, tmp_path / "x.svg")
    assert item.isSelected()
    assert scene.selected_link_ids() == link_ids  # arrows too, not only cards
    assert all(scene.link_item(i).link_selected for i in link_ids)  # type: ignore[union-attr]
    assert item.cacheMode() == mode
    assert not (tmp_path / ".x.svg.part").exists()
    # ... and the drawing itself showed no selection (no selection blue anywhere).
    assert SELECT_COLOR.name() not in (tmp_path / "x.svg").read_text(encoding="utf-8")
    scene.detach()


def test_an_export_only_scene_is_drawn_like_the_app_scene(tmp_path: Path) -> None:
    """SceneHolder's non-interactive scene gives the very same image as the app's scene."""
    amap = small_map()
    holder = SceneHolder(amap)
    assert holder.scene.claim_items()[0].cacheMode() == QGraphicsItem.CacheMode.NoCache
    app_scene = MapScene(MapDocument(amap), QUndoStack())
    export_scene(holder.scene, amap, tmp_path / "export.svg")
    export_scene(app_scene, amap, tmp_path / "app.svg")
    assert (tmp_path / "export.svg").read_bytes() == (tmp_path / "app.svg").read_bytes()
    app_scene.detach()


def _painted(scene: MapScene, draw: object, scale: float) -> QImage:
    """The scene's content drawn at ``scale`` by ``draw`` (scene.render or draw_scene)."""
    source = _content_rect(scene)
    image = QImage(
        round(source.width() * scale) + 20,
        round(source.height() * scale) + 20,
        QImage.Format.Format_ARGB32,
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.translate(7, 9)  # a page offset, as the framer's title gives
    painter.scale(scale, scale)
    target = QRectF(0, 0, source.width(), source.height())
    if draw is None:
        scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    else:
        draw_scene(scene, painter, target, source)
    painter.end()
    return image


@pytest.mark.parametrize("scale", [1.0, 0.35, 0.2])
def test_the_export_paint_loop_draws_what_scene_render_draws(scale: float) -> None:
    """draw_scene (no painter save/restore per item) is pixel-identical to scene.render,
    with routed and straight arrows, marks, a highlight, a hidden author, and far out."""
    amap = synthetic_map(40, n_authors=3, seed=7)
    amap = amap.model_copy(
        update={"claims": [c.model_copy(update={"pos": None}) for c in amap.claims]}
    )
    holder = SceneHolder(amap)  # laid out here, so arrows follow routes
    scene = holder.scene
    ids = [c.id for c in amap.claims]
    moved = scene.claim_items()[3]
    moved.setPos(moved.pos() + QPointF(90, 40))
    scene.reroute([moved.claim_id])  # ... and its arrows are straight again
    scene.set_overlay({ids[0]: ("#2e7d32", "IN"), ids[1]: ("#c62828", "")})
    scene.set_highlight([ids[2]])
    scene.set_hidden({amap.authors[-1].id}, set())
    assert 0 < len(scene.routed_links()) < len(scene.link_items())
    assert any(not i.isVisible() for i in scene.claim_items())
    assert _painted(scene, None, scale) == _painted(scene, draw_scene, scale)


def test_the_export_paint_loop_leaves_other_items_to_scene_render() -> None:
    """An item the loop does not know (the label editor, a link being drawn) is drawn by
    scene.render, so it is never lost or drawn wrongly."""
    from PySide6.QtWidgets import QGraphicsEllipseItem

    holder = SceneHolder(small_map())
    extra = QGraphicsEllipseItem(_content_rect(holder.scene).center().x(), 0, 30, 30)
    extra.setBrush(QColor("#123456"))
    holder.scene.addItem(extra)
    assert _painted(holder.scene, None, 1.0) == _painted(holder.scene, draw_scene, 1.0)
    holder.scene.removeItem(extra)


def test_unknown_image_type_is_refused(tmp_path: Path) -> None:
    from argmap.map.mapfile import MapFileError

    with pytest.raises(MapFileError):
        export_image(small_map(), tmp_path / "x.bmp")


def test_a_png_too_large_to_open_is_refused_with_a_scale_that_fits(tmp_path: Path) -> None:
    from argmap.map.mapfile import MapFileError
    from ui.qt.render.images import MAX_PNG_PIXELS

    amap = small_map()
    holder = SceneHolder(amap)
    framer = Framer(holder.scene, _content_rect(holder.scene), amap.title, map_legend(amap))
    too_big = (MAX_PNG_PIXELS / (framer.size.width() * framer.size.height())) ** 0.5 * 1.5
    with pytest.raises(MapFileError) as failed:
        export_image(amap, tmp_path / "x.png", scale=too_big)
    message = str(failed.value)
    assert "megapixels" in message and "SVG or PDF" in message
    fits = float(message.split("--scale ")[1].split(maxsplit=1)[0])
    size = png_size(framer, fits)  # the suggested scale fits, and not by much less
    assert 0.9 * MAX_PNG_PIXELS < size.width() * size.height() <= MAX_PNG_PIXELS
    assert not (tmp_path / "x.png").exists()


class FakeWindow:
    """The public surface of the main window that File → Export/Import use."""

    def __init__(self, amap: ArgumentMap) -> None:
        from PySide6.QtWidgets import QMenu

        self.holder = SceneHolder(amap)
        self.doc = self.holder.doc
        self.view = self
        self.file_menu = QMenu()
        self.errors: list[tuple[str, str]] = []
        self.messages: list[str] = []
        self.opened: list[tuple[ArgumentMap, object]] = []

    def map_scene(self) -> object:
        return self.holder.scene

    def show_error(self, title: str, text: str) -> None:
        self.errors.append((title, text))

    def status(self, text: str, timeout_ms: int = 6000) -> None:
        self.messages.append(text)

    def maybe_save(self) -> bool:
        return True

    def set_map(self, amap: ArgumentMap, path: object) -> None:
        self.opened.append((amap, path))


def test_file_export_and_import_actions(tmp_path: Path) -> None:
    from ui.qt.features.exporter import EXPORT_FILTERS, install

    amap = small_map()
    window = FakeWindow(amap)
    feature = install(window)
    texts = [a.text() for a in window.file_menu.actions()]
    assert "&Export…" in texts and "&Import Map…" in texts

    handout_filter = next(f for f, _, handout in EXPORT_FILTERS if handout)
    feature.ask_export_path = lambda: (str(tmp_path / "class"), handout_filter)  # type: ignore[method-assign]
    assert feature.export_dialog()
    assert (tmp_path / "class.pdf").read_bytes().startswith(b"%PDF")
    feature.ask_export_path = lambda: (str(tmp_path / "map"), "Argdown (*.argdown)")  # type: ignore[method-assign]
    assert feature.export_dialog()

    feature.ask_import_path = lambda: str(tmp_path / "map.argdown")  # type: ignore[method-assign]
    assert feature.import_dialog()
    imported, path = window.opened[-1]
    assert path is None
    assert {c.id for c in imported.claims} == {c.id for c in amap.claims}

    (tmp_path / "bad.argdown").write_text("[A: oops\n", encoding="utf-8")
    assert not feature.import_from(str(tmp_path / "bad.argdown"))
    assert window.errors and "line 1, column 1" in window.errors[-1][1]
    assert len(window.opened) == 1
