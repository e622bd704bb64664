"""The exported legend is drawn like the map, and a scaled PNG is the same picture, larger."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from argmap.drawing.legend import map_legend
from argmap.map.mapfile import load
from tests.conftest import MAPS
from ui.qt.render.images import export_image


def test_legend_has_the_attack_bar_and_the_cross_author_double_line() -> None:
    debate = load(MAPS / "afghanistan-debate.argmap.json")
    links = {label: how for label, _, how in map_legend(debate).links}
    assert links == {
        "Support": "arrow",
        "Attack": "bar",
        "Across authors (double line)": "double",
    }
    single = load(MAPS / "hussain-engagement.argmap.json")  # one author: no double lines
    assert "Across authors (double line)" not in {x[0] for x in map_legend(single).links}


def _ink_right_edge(image: QImage, top: int, bottom: int) -> int:
    """The rightmost column holding a non-white pixel between rows top and bottom."""
    white = QColor("white").rgb()
    for x in range(image.width() - 1, -1, -1):
        for y in range(top, bottom, 2):
            if image.pixel(x, y) != white:
                return x
    return -1


def test_a_png_at_scale_2_is_the_scale_1_picture_twice_as_large(
    qapp: QApplication, tmp_path: Path
) -> None:
    amap = load(MAPS / "hussain-engagement.argmap.json")
    one, two = tmp_path / "one.png", tmp_path / "two.png"
    export_image(amap, one)
    export_image(amap, two, scale=2)
    a, b = QImage(str(one)), QImage(str(two))
    assert (b.width(), b.height()) == (2 * a.width(), 2 * a.height())
    # the legend row's text ends twice as far right: text is not scaled twice (by the
    # image's resolution and by the painter), which made it overrun its swatches
    edge_a = _ink_right_edge(a, a.height() - 40, a.height() - 5)
    edge_b = _ink_right_edge(b, b.height() - 80, b.height() - 10)
    assert edge_a > 0 and abs(edge_b - 2 * edge_a) <= 0.03 * edge_b
    assert b.dotsPerMeterX() == 2 * a.dotsPerMeterX()  # the physical size is recorded


def test_a_recorded_picture_plays_back_at_the_asked_scale_on_a_72_dpi_device(
    qapp: QApplication,
) -> None:
    """The handout records the map as a QPicture and plays it back scaled onto the 72 dpi
    PDF writer; Qt would shrink it by the ratio of resolutions (the map then filled three
    quarters of its page). A 72 dpi image stands in for the writer."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPicture

    from ui.qt.render.pdf import play_scaled

    picture = QPicture()
    recorder = QPainter(picture)
    recorder.fillRect(QRectF(0, 0, 400, 200), QColor("black"))
    recorder.end()
    page = QImage(600, 300, QImage.Format.Format_ARGB32)
    page.setDotsPerMeterX(2835)  # 72 dpi
    page.setDotsPerMeterY(2835)
    page.fill(QColor("white"))
    painter = QPainter(page)
    play_scaled(painter, picture, 0.5)
    painter.end()
    assert _ink_right_edge(page, 0, 80) == 199  # 400 x 0.5 wide, not 0.5 x 72/96 of it


def test_the_reading_guide_gives_each_claim_its_quote() -> None:
    from ui.qt.render.handout import guide_html

    debate = load(MAPS / "afghanistan-debate.argmap.json")
    text = guide_html(debate, debate.title)
    assert text.count("<h3>") == len(debate.authors)
    assert text.count("<p><b>") == len(debate.claims)
    quoted = next(c for c in debate.claims if c.quote is not None and "“" not in c.quote.text)
    assert (
        f"{quoted.text}</b>: “{' '.join(quoted.quote.text.split())}”".replace("'", "&#x27;") in text
    )


def test_a_word_wider_than_the_card_wraps_instead_of_being_cut(qapp: QApplication) -> None:
    from ui.qt.canvas.items import TEXT_WIDTH, label_layout

    url = "https://example.org/a/very/long/path/that/never/ends/anywhere/at/all/really"
    layout, _, overflows = label_layout(f"See {url} for the data")
    assert not overflows and layout.lineCount() >= 3
    widths = [layout.lineAt(k).naturalTextWidth() for k in range(layout.lineCount())]
    assert max(widths) <= TEXT_WIDTH
    shown = "".join(
        layout.text()[layout.lineAt(k).textStart() :][: layout.lineAt(k).textLength()]
        for k in range(layout.lineCount())
    )
    assert url in shown  # every character is on some line


def test_card_headers_leave_out_author_not_named() -> None:
    from ui.qt.canvas.items import card_author_name

    # the stand-in's short name, as the legend shows it (issue 15, item 3)
    assert card_author_name("Kabul-attacks op-ed (author not named)") == "Kabul-attacks"
    assert card_author_name("Foreign Affairs essay (author not named)") == "Foreign Affairs"
    assert card_author_name("Touqir Hussain") == "Touqir Hussain"
    assert card_author_name("(author not named)") == "(author not named)"  # nothing else left
