"""The legend lists each author once, however many authors arrive in one turn."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from argmap import edits
from argmap.document import MapDocument
from argmap.model import Author
from tests.core.helpers import small_map
from ui.qt.legend import Legend


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
