"""Screenshots of the canvas, checked by probing pixels (no whole-image comparisons).

They catch what a user would see as broken: missing kind colours, text drawn as boxes or
not at all, arrows without their colours, proposals looking like reviewed claims.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QFontInfo, QImage, QPainter, QUndoStack
from PySide6.QtWidgets import QApplication

from argmap.edit.document import MapDocument
from argmap.map.model import ArgumentMap, Claim, Origin, Point
from argmap.map.palette import KIND_FILL, LINK_COLOR
from tests.ui.test_canvas import small_map
from ui.qt.canvas import ClaimItem, MapScene, MapView
from ui.qt.canvas.items import LOW_DETAIL


def render(scene: MapScene, rect: QRectF | None = None) -> QImage:
    source = rect if rect is not None else scene.content_rect()
    image = QImage(int(source.width()), int(source.height()), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(image.rect()), source)
    painter.end()
    return image


def colour_counts(image: QImage) -> Counter[str]:
    counts: Counter[str] = Counter()
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            counts[QColor(image.pixel(x, y)).name()] += 1
    return counts


def dark_pixels(image: QImage, rect: QRectF) -> int:
    n = 0
    for y in range(int(rect.top()), int(rect.bottom())):
        for x in range(int(rect.left()), int(rect.right())):
            if QColor(image.pixel(x, y)).lightness() < 110:
                n += 1
    return n


def test_fonts_are_installed() -> None:
    assert QFontInfo(QFont()).family()


def test_cards_show_kind_colours_author_stripes_and_arrows() -> None:
    doc = MapDocument(small_map())
    scene = MapScene(doc, QUndoStack())
    counts = colour_counts(render(scene))
    for kind in ("thesis", "premise", "evidence", "recommendation"):
        assert counts[KIND_FILL[kind]] > 300, kind  # type: ignore[index]
    assert counts["#0072b2"] > 20 and counts["#d55e00"] > 20  # author stripes
    assert counts[LINK_COLOR["support"]] > 30
    assert counts[LINK_COLOR["attack"]] > 15
    assert counts[KIND_FILL["objection"]] == 0  # no objection in this map
    scene.detach()


def _card_text_ink(text: str) -> int:
    amap = ArgumentMap(claims=[Claim(id="c", kind="premise", text=text, pos=Point(x=0, y=0))])
    scene = MapScene(MapDocument(amap), QUndoStack())
    item = scene.claim_item("c")
    assert item is not None
    card = item.card_rect()
    image = render(scene, card)
    body = QRectF(20, 32, card.width() - 30, card.height() - 40)  # below the header
    ink = dark_pixels(image, body)
    scene.detach()
    return ink


def test_label_text_is_drawn_as_glyphs_not_boxes() -> None:
    thin = _card_text_ink("iiiiiiiiii")
    wide = _card_text_ink("WWWWWWWWWW")
    assert thin > 20  # something is drawn
    assert wide > 2 * thin  # and it depends on the letters, which boxes would not


def test_proposals_look_different_from_reviewed_claims() -> None:
    proposal = Origin(kind="extracted", confidence=0.62, reviewed=False)
    amap = ArgumentMap(
        claims=[
            Claim(id="a", kind="premise", text="Reviewed", pos=Point(x=0, y=0)),
            Claim(id="b", kind="premise", text="Proposed", pos=Point(x=0, y=200), origin=proposal),
        ]
    )
    scene = MapScene(MapDocument(amap), QUndoStack())
    a, b = scene.claim_item("a"), scene.claim_item("b")
    assert isinstance(a, ClaimItem) and isinstance(b, ClaimItem)
    img_a = render(scene, a.sceneBoundingRect())
    img_b = render(scene, b.sceneBoundingRect())
    fill = QColor(KIND_FILL["premise"])
    ca, cb = colour_counts(img_a), colour_counts(img_b)
    assert ca[fill.name()] > 300
    assert cb[fill.name()] < ca[fill.name()] / 10  # translucent fill: a lighter colour
    assert len(cb) != len(ca)
    scene.detach()


def test_view_screenshot_has_a_light_canvas_and_cards() -> None:
    doc = MapDocument(small_map())
    view = MapView(doc, QUndoStack())
    view.resize(900, 600)
    view.fit_all()
    image = view.grab().toImage()
    counts = colour_counts(image)
    background, _ = counts.most_common(1)[0]
    assert QColor(background).lightness() > 200
    assert counts[KIND_FILL["thesis"]] > 100
    view.map_scene().detach()


# ------------------------------------------------------------------ overlay marks
IN, OUT = "#2e7d32", "#c62828"


def _ring_pixel(scene: MapScene, claim_id: str) -> QColor:
    """The colour ``scene.render`` draws just left of a card, where the overlay ring runs."""
    item = scene.claim_item(claim_id)
    assert item is not None
    source = scene.content_rect()
    card = item.mapRectToScene(item.card_rect())
    image = render(scene, source)
    return QColor(
        image.pixel(round(card.left() - 5 - source.left()), round(card.center().y() - source.top()))
    )


def test_scene_render_shows_a_changed_mark_even_after_a_view_repainted_the_card() -> None:
    """Cards cache a pixmap per view and one for ``scene.render``: a new mark must reach
    both, whichever of them paints first (an export right after an overlay refresh)."""
    doc = MapDocument(small_map())
    view = MapView(doc, QUndoStack())
    view.resize(900, 600)
    view.show()
    scene = view.map_scene()
    view.centerOn(scene.claim_item("t1"))  # type: ignore[arg-type]

    def shown_then_rendered(marks: dict[str, tuple[str, str]] | None) -> str:
        scene.set_overlay(marks)
        QApplication.processEvents()  # the view repaints the card into its own cache first
        view.viewport().repaint()
        return _ring_pixel(scene, "t1").name()

    assert shown_then_rendered({"t1": (IN, "IN")}) == IN
    assert shown_then_rendered({"t1": (OUT, "OUT")}) == OUT
    assert shown_then_rendered({"t1": (IN, "IN")}) == IN
    assert shown_then_rendered(None) == "#ffffff"
    view.close()
    scene.detach()


def test_set_overlay_leaves_cards_whose_mark_did_not_change() -> None:
    scene = MapScene(MapDocument(small_map()), QUndoStack())
    t1, p1, e1 = (scene.claim_item(c) for c in ("t1", "p1", "e1"))
    assert t1 is not None and p1 is not None and e1 is not None
    scene.set_overlay({"t1": (IN, "IN"), "p1": (OUT, "OUT")})
    kept, changed = t1.mark, p1.mark
    scene.set_overlay({"t1": (IN, "IN"), "p1": (IN, "IN"), "e1": (OUT, "OUT")})
    assert t1.mark is kept  # same mark: the card was not touched
    assert p1.mark is not changed and p1.mark is not None and p1.mark.text == "IN"
    assert e1.mark is not None and e1.mark.color.name() == OUT
    scene.set_overlay({"e1": (OUT, "OUT")})
    assert t1.mark is None and p1.mark is None and e1.mark is not None
    scene.detach()


def test_marks_stay_visible_on_far_out_cards() -> None:
    """At "fit all" zoom cards are plain blocks; a mark still colours a frame around them."""
    scene = MapScene(MapDocument(small_map()), QUndoStack())
    scene.set_overlay({"t1": (OUT, "OUT")})
    zoom = 0.2
    assert zoom < LOW_DETAIL
    source = scene.content_rect()
    image = QImage(
        int(source.width() * zoom), int(source.height() * zoom), QImage.Format.Format_RGB32
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), source)
    painter.end()

    def count(claim_id: str, color: str) -> int:
        item = scene.claim_item(claim_id)
        assert item is not None
        card = item.mapRectToScene(item.boundingRect()).translated(-source.topLeft())
        return sum(
            QColor(image.pixel(x, y)).name() == color
            for y in range(int(card.top() * zoom), int(card.bottom() * zoom))
            for x in range(int(card.left() * zoom), int(card.right() * zoom))
        )

    assert count("t1", OUT) > 150  # the frame: a few pixels wide all round
    assert count("p1", OUT) == 0  # unmarked cards stay plain blocks
    scene.detach()
