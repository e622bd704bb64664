"""The list of the Import Review: one row per pending claim and one per suggested link,
with what a reviewer needs to decide on it (kind, confidence, text, whose, why), its
columns, and the words under it.

Kept apart from the dock (:mod:`ui.qt.features.review_dock`), which holds the buttons and
what they do: here is only what the list shows and in which order the rows come. The order is
that of the Kind column's sort key, so the list opens grouped the way a reviewer works
(each article's thesis with its alternatives right under it, then recommendations,
premises, evidence and objections, then the links between articles) and clicking a header
still sorts by that column.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
)

from argmap.edit.document import MapDocument
from argmap.edit.proposals import ALTERNATIVE, alternatives_by_claim
from argmap.map.model import CLAIM_KINDS, ClaimKind, LinkKind
from argmap.map.palette import KIND_LABEL, LINK_COLOR
from ui.qt.base.icons import hidpi_pixmap, kind_icon
from ui.qt.panels.sources import source_name

COLUMNS = ("Kind", "Conf.", "Text", "Source", "Reason")
KIND_COL, CONF_COL, TEXT_COL, SOURCE_COL, REASON_COL = range(len(COLUMNS))

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""The id of the claim or link a row stands for."""
WHAT_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""``"claim"`` or ``"link"`` (a hand-written map may give a claim and a link one id)."""
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 3
"""What a column sorts by where its text would sort wrongly (kind order, numbers)."""

LINK_LABEL = {"support": "Support link", "attack": "Attack link"}
"""The Kind cell of a suggested link."""

SNIPPET = 45
"""Characters of each claim's text a link row shows, so both claims show in a column of
usual width (the tooltip has them whole)."""


def link_icon(kind: LinkKind, size: int = 14) -> QIcon:
    """A link as the canvas draws it, in little: green and solid ending in a head for
    support, red and dashed ending in a bar for attack (the rows line up with the claims'
    kind squares)."""
    pixmap = hidpi_pixmap(size, size)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(LINK_COLOR[kind]), 1.6)
    if kind == "attack":
        pen.setDashPattern([2.0, 1.5])
    painter.setPen(pen)
    mid = size / 2
    painter.drawLine(QPointF(1, mid), QPointF(size - 3, mid))
    pen.setStyle(Qt.PenStyle.SolidLine)
    painter.setPen(pen)
    if kind == "attack":
        painter.drawLine(QPointF(size - 2, 3), QPointF(size - 2, size - 3))
    else:
        painter.setBrush(QColor(LINK_COLOR[kind]))
        head = [QPointF(size - 1, mid), QPointF(size - 5, mid - 3), QPointF(size - 5, mid + 3)]
        painter.drawPolygon(head)
    painter.end()
    return QIcon(pixmap)


SOURCE_WIDTH = 150
"""Default width of the Source column: a short title; the full one is in the tooltip."""

REASON_WIDTH = 200
"""Default width of the Reason column: the cue that decided (about 30 characters; the
kind the reason starts with is in the Kind column, so the cell leaves it out)."""


class ReviewTree(QTreeWidget):
    """The list: sortable, several rows chosen at once, the text given the room."""

    def __init__(self) -> None:
        super().__init__()
        self.setHeaderLabels(list(COLUMNS))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.header()
        # Grouped as a reviewer works (see ReviewItem): each thesis with its alternatives.
        header.setSortIndicator(KIND_COL, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        # The text takes the width left: a sentence is what the reviewer reads; kind and
        # confidence fit their contents; source and reason start at a useful width and
        # can be dragged (their full text is in the tooltip).
        header.setStretchLastSection(False)
        header.setSectionResizeMode(KIND_COL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CONF_COL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT_COL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SOURCE_COL, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(REASON_COL, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(SOURCE_COL, SOURCE_WIDTH)
        header.resizeSection(REASON_COL, REASON_WIDTH)
        self._user_sized: set[int] = set()
        """Columns the user dragged to a width: :meth:`fit_columns` leaves them alone."""
        self._fitting = False
        header.sectionResized.connect(self._section_resized)
        self.viewport().installEventFilter(self)

    def fit_columns(self) -> None:
        """Source and Reason at their default widths where the list is wide, narrower
        where it is not, so the text keeps at least half the width: in a 1280-pixel
        window the fixed widths left the sentences a sixth of it."""
        width = self.viewport().width()
        if width <= 0:
            return
        self._fitting = True
        try:
            header = self.header()
            for column, default, share in (
                (SOURCE_COL, SOURCE_WIDTH, 0.17),
                (REASON_COL, REASON_WIDTH, 0.2),
            ):
                if column not in self._user_sized:
                    header.resizeSection(column, max(80, min(default, int(width * share))))
        finally:
            self._fitting = False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column in (SOURCE_COL, REASON_COL) and self.isVisible():
            self._user_sized.add(column)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return False


class ReviewItem(QTreeWidgetItem):
    """A row that sorts by :data:`SORT_ROLE` where a column has one."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        tree = self.treeWidget()
        column = tree.sortColumn() if tree is not None else 0
        mine, theirs = self.data(column, SORT_ROLE), other.data(column, SORT_ROLE)
        if mine is not None and theirs is not None:
            return bool(mine < theirs)
        return self.text(column) < other.text(column)


def source_label(doc: MapDocument, source_id: str | None) -> tuple[str, str]:
    """The Source cell of a proposal and its tooltip (title, outlet, authors, date): an
    import of several files gives many sources, and the text alone does not say whose."""
    source = doc.sources.get(source_id) if source_id else None
    if source is None:
        return "", ""
    names = [doc.authors[a].name for a in source.authors if a in doc.authors]
    label = source_name(source)
    lines = [label, f"id {source.id}"]
    lines += [x for x in (source.outlet, source.date) if x]
    if names:
        lines.append("by " + ", ".join(names))
    if source.note:
        lines.append(source.note)
    return label, "\n".join(lines)


def reason_cue(reason: str, kind: ClaimKind) -> str:
    """The reason without the kind it starts with ("thesis: closing unit …" in the Thesis
    row), or an alternative's rank ("thesis alternative 2: …" under "↳ Thesis (alt. 2)"):
    the Kind column says it already, and the cue is what the narrow column can show (the
    alternatives' cells showed their rank and were cut before the cue)."""
    alternative = ALTERNATIVE.match(reason)
    if alternative:
        return reason[alternative.end() :]
    prefix = f"{kind}: "
    return reason[len(prefix) :] if reason.startswith(prefix) else reason


def _snippet(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _ordinal(n: int) -> str:
    return {2: "2nd", 3: "3rd"}.get(n, f"{n}th")


class Rows:
    """What every row needs to know of the whole map, computed once per refresh: each
    claim's place (the rows' tie-breaker) and the thesis alternatives."""

    def __init__(self, doc: MapDocument) -> None:
        self.doc = doc
        self.claim_index = {c.id: i for i, c in enumerate(doc.map.claims)}
        self.link_index = {x.id: i for i, x in enumerate(doc.map.links)}
        self.alternatives = alternatives_by_claim(doc)
        self.has_alternatives = {top for _, top in self.alternatives.values()}

    def kind_key(self, claim_id: str) -> str:
        """Kind order first, then the article's thesis followed by its alternatives, then
        map order (zero-padded, so the key sorts as text)."""
        claim = self.doc.claims[claim_id]
        found = self.alternatives.get(claim_id)
        anchor, rank = (found[1], found[0]) if found else (claim_id, 1)
        kind = CLAIM_KINDS.index(claim.kind)
        return f"{kind}:{self.claim_index.get(anchor, 0):06d}:{rank:02d}"


def claim_row(rows: Rows, claim_id: str) -> ReviewItem:
    """The row of a proposed claim; an alternative thesis says so, greyed and indented, with
    a tooltip on what it is and how to use it."""
    doc = rows.doc
    claim = doc.claims[claim_id]
    confidence = claim.origin.confidence or 0.0
    source, source_tip = source_label(doc, claim.source)
    found = rows.alternatives.get(claim_id)
    cells = [""] * len(COLUMNS)
    cells[KIND_COL] = KIND_LABEL[claim.kind]
    cells[CONF_COL] = f"{confidence:.2f}"
    cells[TEXT_COL] = claim.text
    cells[SOURCE_COL] = source
    cells[REASON_COL] = reason_cue(claim.origin.reason, claim.kind)
    if found is not None:
        cells[KIND_COL] = f"↳ Thesis (alt. {found[0]})"
    item = ReviewItem(cells)
    item.setData(0, ID_ROLE, claim_id)
    item.setData(0, WHAT_ROLE, "claim")
    item.setData(KIND_COL, SORT_ROLE, rows.kind_key(claim_id))
    item.setData(CONF_COL, SORT_ROLE, confidence)
    item.setIcon(KIND_COL, kind_icon(claim.kind))
    quoted = claim.quote.text if claim.quote else claim.text
    text_tip = quoted if quoted == claim.text else f"{claim.text}\n\n“{quoted}”"
    item.setToolTip(TEXT_COL, text_tip)
    item.setToolTip(SOURCE_COL, source_tip)
    item.setToolTip(REASON_COL, claim.origin.reason)
    if found is not None:
        rank, top = found
        about = (
            f"An alternative thesis: the extractor's {_ordinal(rank)} choice for what "
            f"“{source}” argues, after “{_snippet(doc.claims[top].text)}”.\n"
            "Use as Thesis (T) swaps the two in one undo step; Reject (R) removes it."
        )
        item.setToolTip(KIND_COL, about)
        item.setToolTip(TEXT_COL, f"{text_tip}\n\n{about}")
        grey = QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        italic = QFont(item.font(TEXT_COL))
        italic.setItalic(True)
        for column in (KIND_COL, TEXT_COL):
            item.setForeground(column, grey)
            item.setFont(column, italic)
    elif claim_id in rows.has_alternatives:
        n = sum(1 for _, top in rows.alternatives.values() if top == claim_id)
        item.setToolTip(
            KIND_COL,
            f"The extractor's first choice for the thesis of “{source}”; "
            f"{n} alternative{'s' if n != 1 else ''} below (Use as Thesis swaps one in).",
        )
    return item


def link_row(rows: Rows, link_id: str) -> ReviewItem:
    """The row of a suggested link: the two claims in brief, the two articles, the reason
    (what the two share and why support or attack)."""
    doc = rows.doc
    link = doc.links[link_id]
    start, end = doc.claims[link.from_claim], doc.claims[link.to_claim]
    confidence = link.origin.confidence or 0.0
    verb = "supports" if link.kind == "support" else "attacks"
    first, first_tip = source_label(doc, start.source)
    second, second_tip = source_label(doc, end.source)

    def whose(claim_id: str) -> str:
        author = doc.claims[claim_id].author
        return doc.authors[author].name if author in doc.authors else "no author"

    cells = [""] * len(COLUMNS)
    cells[KIND_COL] = LINK_LABEL[link.kind]
    cells[CONF_COL] = f"{confidence:.2f}"
    cells[TEXT_COL] = f"“{_snippet(start.text)}” {verb} “{_snippet(end.text)}”"
    cells[SOURCE_COL] = f"{first} → {second}" if first != second else first
    cells[REASON_COL] = link.origin.reason.removeprefix("cross-article: ")
    item = ReviewItem(cells)
    item.setData(0, ID_ROLE, link_id)
    item.setData(0, WHAT_ROLE, "link")
    item.setIcon(KIND_COL, link_icon(link.kind))
    kinds = len(CLAIM_KINDS)
    item.setData(KIND_COL, SORT_ROLE, f"{kinds}:{rows.link_index.get(link_id, 0):06d}:00")
    item.setData(CONF_COL, SORT_ROLE, confidence)
    between = start.source != end.source
    item.setToolTip(
        KIND_COL,
        (
            "A suggested link between two articles: a guess about two authors, from the "
            "content their claims share and their stances. Accept (A), Reject (R), or "
            "Flip (F) it between support and attack."
            if between
            else "A proposed link whose two claims are accepted: Accept (A), Reject (R) "
            "or Flip (F) it."
        ),
    )
    item.setToolTip(
        TEXT_COL,
        f"{whose(start.id)}: {start.text}\n\n    {verb}\n\n{whose(end.id)}: {end.text}",
    )
    item.setToolTip(SOURCE_COL, f"{first_tip}\n\n→\n\n{second_tip}" if between else first_tip)
    item.setToolTip(REASON_COL, link.origin.reason)
    return item


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def summary_text(claims: int, links: int) -> str:
    """What the line under the list says waits: "255 proposals to review (231 claims, 24
    suggested links)"."""
    if not claims and not links:
        return "No proposals to review."
    total = _plural(claims + links, "proposal") + " to review"
    if not links:
        return total
    return f"{total} ({_plural(claims, 'claim')}, {_plural(links, 'suggested link')})"


def bulk_tips(
    accept: tuple[int, float], reject: tuple[int, float], claims: int, note: str
) -> tuple[str, str]:
    """The tooltips of the bulk accept and reject controls: how many pending claims each
    acts on at its threshold (``(count, threshold)``), how the thresholds were chosen
    (``note``), and what is left between them to read one by one."""
    (above, at), (below, under) = accept, reject
    left_over = max(0, claims - above - below)
    # Most of what neither button takes are theses (reject leaves them, and their
    # alternatives sit under the accept threshold): "between the two thresholds (and the
    # theses)" counted the theses while saying it did not.
    left = (
        f"{_plural(left_over, 'pending claim')} neither button takes (the theses and those "
        "between the two thresholds) and the suggested links are left to read one by one."
    )
    accept_tip = (
        f"Accept the {_plural(above, 'pending claim')} whose confidence is at least "
        f"{at:.2f} (alternative theses left out; one undo step).\n\n{note}\n\n{left}"
    )
    reject_tip = (
        f"Remove the {_plural(below, 'pending claim')} whose confidence is below "
        f"{under:.2f}, with their links (theses left out: one per article is chosen one by "
        f"one; one undo step).\n\n{note}\n\n{left}"
    )
    return accept_tip, reject_tip
