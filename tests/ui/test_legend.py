"""The legend lists each author once, however many authors arrive in one turn."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from argmap.edit import edits
from argmap.edit.document import MapDocument
from argmap.map.model import Author
from tests.core.helpers import small_map
from ui.qt.panels.legend import Legend


def visible_author_rows(legend: Legend) -> list[str]:
    layout = legend.authors_layout
    boxes = [layout.itemAt(i).widget() for i in range(layout.count())]
    return [b.text() for b in boxes if isinstance(b, QCheckBox) and not b.isHidden()]


def test_authors_added_in_one_turn_appear_once_each() -> None:
    doc = MapDocument(small_map())
    legend = Legend(doc)
    for i in range(5):  # an import adds several authors without returning to the event loop
        edits.AddAuthor(Author(id=f"new{i}", name=f"New Author {i}")).apply(doc)
    rows = visible_author_rows(legend)
    assert len(rows) == 7
    assert len(set(rows)) == 7
    assert rows[-1].startswith("New Author 4")


def test_a_narrow_legend_cuts_long_names_but_keeps_each_count(qtbot: QtBot) -> None:
    doc = MapDocument(small_map())
    edits.AddAuthor(
        Author(id="long", name="Counterterrorism-leverage op-ed (author not named)")
    ).apply(doc)
    legend = Legend(doc)
    qtbot.addWidget(legend)
    legend.resize(200, 400)
    legend.show()
    qtbot.waitExposed(legend)
    counts = Counter(c.author for c in doc.map.claims)
    for author_id, box in legend.author_boxes.items():
        assert box.text().endswith(f" ({counts[author_id]})")  # the count is never cut off
        assert box.sizeHint().width() <= box.width() + 1  # the whole row fits: nothing clipped
    assert "…" in legend.author_boxes["long"].text()
    legend.resize(900, 400)  # room enough: only the 30-character cap
    # the short name the matrix and the author view show too, the full one in the tooltip
    assert legend.author_boxes["long"].text() == "Counterterrorism-leverage (0)"
    assert "Counterterrorism-leverage op-ed (author not named)" in (
        legend.author_boxes["long"].toolTip()
    )
