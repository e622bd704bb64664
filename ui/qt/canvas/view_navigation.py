"""The map view's navigation: zoom, fit, pan, and the frame a map opens with.

None of this changes the map: it moves the camera. Zoom stays within
[:data:`MIN_SCALE`, :data:`MAX_SCALE`]; a fit never blows a small map past
:data:`FIT_MAX_SCALE`; a map whose fit would be unreadable opens instead on the theses of as
many of its authors as a legible frame holds (at :data:`THESES_MIN_ZOOM` to
:data:`OPEN_ZOOM`), or, with one author, at :data:`OPEN_ZOOM` on its top cards.
:class:`Navigation` is a mixin of :class:`~ui.qt.canvas.view.MapView` and relies on its
``_scene``, ``showing_map`` and ``viewport_changed``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtWidgets import QGraphicsView

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from ui.qt.canvas.scene import MapScene

    _Base = QGraphicsView
else:  # a plain mixin at run time; the view itself is the QGraphicsView
    _Base = object

MIN_SCALE = 0.03
MAX_SCALE = 4.0
AA_MIN_ZOOM = 0.3
FIT_MAX_SCALE = 1.0
"""Fit never blows a small map up beyond 100 %: big text on a few cards looks broken."""
MIN_READABLE_FIT = 0.5
"""Below this zoom labels are too small to read, so a map does not open fitted."""
OPEN_ZOOM = 0.75
"""The zoom a map too big to fit readably opens at."""
TOP_ROW_SLACK = 60.0
"""Cards whose tops lie within this of the highest card's make the map's top row."""
THESES_MIN_ZOOM = 0.55
"""The lowest zoom a map of several authors opens at to show more of their theses: 14 px
labels are 6.3 px high there, still drawn as text and legible on a screen."""
THESES_MARGIN = 24.0
"""Room (scene units) kept around the theses a map opens on, so no card touches the edge."""
THESES_CONSIDERED = 40
"""How many of the highest theses the opening frame is chosen among (the search is cubic in
it; a huge map's theses further down are not "the top of the argument" anyway)."""


class Navigation(_Base):
    """Zoom, fit and pan for the map view."""

    _scene: MapScene
    _pan_from: QPoint | None
    _space_down: bool
    viewport_changed: SignalInstance
    showing_map: Callable[[], bool]
    select_claims: Callable[..., None]

    # ------------------------------------------------------------------ zoom commands
    def zoom_in(self) -> None:
        self._zoom_by(1.25)

    def zoom_out(self) -> None:
        self._zoom_by(0.8)

    def reset_zoom(self) -> None:
        center = self.mapToScene(self.viewport().rect().center())
        self.setTransform(QTransform())
        self.centerOn(center)
        self._zoom_changed()

    def view_state(self) -> tuple[QTransform, QPointF]:
        """Zoom and the scene point at the view's centre, to come back to with
        :meth:`restore_view_state` (a centre, not scroll values: the view may have
        changed size in between)."""
        return QTransform(self.transform()), self.mapToScene(self.viewport().rect().center())

    def restore_view_state(self, state: tuple[QTransform, QPointF]) -> None:
        transform, center = state
        self.setTransform(transform)
        self._zoom_changed()
        self.centerOn(center)

    def fit_all(self) -> None:
        rect = self._scene.content_rect()
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > FIT_MAX_SCALE:
            self.setTransform(QTransform.fromScale(FIT_MAX_SCALE, FIT_MAX_SCALE))
            self.centerOn(rect.center())
        self._zoom_changed()

    def zoom(self) -> float:
        return self.transform().m11()

    # ------------------------------------------------------------------ zoom internals
    def _zoom_changed(self) -> None:
        """Antialias only where it shows: far out, thousands of one-pixel arrows paint
        twice as fast without it and look the same."""
        self.setRenderHint(QPainter.RenderHint.Antialiasing, self.zoom() >= AA_MIN_ZOOM)
        self._update_scroll_range()
        self.viewport_changed.emit()

    def _update_scroll_range(self) -> None:
        """Let the map scroll most of a screen past its edges, so zooming at a card near
        the edge keeps it under the pointer and a new claim can go beside the map."""
        if not self.showing_map():
            return
        zoom = self.zoom() or 1.0
        mx = self.viewport().width() / zoom * 0.8
        my = self.viewport().height() / zoom * 0.8
        self.setSceneRect(self._scene.content_rect().adjusted(-mx, -my, mx, my))

    def _zoom_by(self, factor: float) -> None:
        """Scale about the view's centre, within the zoom limits."""
        current = self.transform().m11()
        factor = max(MIN_SCALE / current, min(MAX_SCALE / current, factor))
        if abs(factor - 1.0) < 1e-6:
            return
        self.scale(factor, factor)
        self._zoom_changed()

    def _zoom_at(self, pos: QPoint, steps: float) -> None:
        """Zoom by wheel ``steps`` keeping the point under ``pos`` where it is (from the
        event's own position, which is right even when no mouse move preceded the wheel)."""
        anchor = self.mapToScene(pos)
        self._zoom_by(1.15**steps)
        shift = self.mapToScene(pos) - anchor
        self.centerOn(self.mapToScene(self.viewport().rect().center()) - shift)

    # ------------------------------------------------------------------ pan gesture
    def _start_pan(self, pos: QPoint) -> None:
        self._pan_from = pos
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def _pan_to(self, pos: QPoint) -> None:
        if self._pan_from is None:
            return
        delta = pos - self._pan_from
        self._pan_from = pos
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())

    def _end_pan(self) -> None:
        self._pan_from = None
        self.viewport().unsetCursor()

    # ------------------------------------------------------------------ opening frame
    def show_initial(self) -> None:
        """The view a map opens with: all of it if its text is still readable that way,
        otherwise readable text on the conclusions: several authors' theses side by side
        (see :meth:`_theses_frame`), or a single author's top row (the overview and "fit
        map" show the rest)."""
        self._frame_readably(None)

    def show_claims_readably(self, claim_ids: Collection[str]) -> None:
        """Like :meth:`show_initial`, but a map too big to read whole opens on these
        claims (an import frames its first article's thesis) instead of the top card."""
        self._frame_readably(claim_ids)

    def show_claim_readably(self, claim_id: str) -> None:
        """Select a found claim and bring it into view at a readable zoom: centred alone,
        a search hit in a fitted map stayed a dot among dots."""
        self.select_claims([claim_id], center=True)
        item = self._scene.claim_item(claim_id)
        if item is None or not item.isVisible():
            return
        if self.zoom() < MIN_READABLE_FIT:
            self.setTransform(QTransform.fromScale(OPEN_ZOOM, OPEN_ZOOM))
            self._zoom_changed()
        self.centerOn(item.sceneBoundingRect().center())

    def _frame_readably(self, focus: Collection[str] | None) -> None:
        self.fit_all()
        if self.zoom() >= MIN_READABLE_FIT:
            return
        self.setTransform(QTransform.fromScale(OPEN_ZOOM, OPEN_ZOOM))
        content = self._scene.content_rect()
        cards = [i for i in self._scene.claim_items() if i.isVisible()]
        chosen = [i for i in cards if focus is not None and i.claim_id in focus]
        half_w = self.viewport().width() / 2 / OPEN_ZOOM
        half_h = self.viewport().height() / 2 / OPEN_ZOOM
        if chosen:
            area = chosen[0].sceneBoundingRect()
            for item in chosen[1:]:
                area = area.united(item.sceneBoundingRect())
            x = area.center().x()
            # the claims near the top of the frame, with the margin the map has above
            top = area.top() - 24
        else:
            theses = self._theses_frame(cards)
            if theses is not None:
                self._show_theses(theses, content)
                return
            x = self._top_row_start(cards) if cards else content.center().x()
            top = content.top()
        # No empty margin where there is more map: keep the frame inside the map's extent
        # on a side that does not fit, and centred on a side that does.
        if content.width() > 2 * half_w:
            x = min(max(x, content.left() + half_w), content.right() - half_w)
        else:
            x = content.center().x()
        if content.height() > 2 * half_h:
            y = min(max(top + half_h, content.top() + half_h), content.bottom() - half_h)
        else:
            y = content.center().y()
        self.centerOn(x, y)
        self._zoom_changed()

    def _theses_frame(self, cards: list[Any]) -> QRectF | None:
        """The frame a map of several authors opens on: the first card of its top row
        (see :meth:`_top_row_start`) and, around it, the theses of the most authors that a
        frame at :data:`THESES_MIN_ZOOM` holds (then the most theses, then the highest and
        leftmost such frame); ``None`` when no such frame holds theses of two authors.

        Why this first sight: a comparison map (the bundled one: 71 claims by 5 authors)
        fitted whole needs a zoom of about 0.1, where cards are blank boxes, and at
        :data:`OPEN_ZOOM` the pane held one author's thesis and its first reasons, a
        fragment with arrows running off every side. Framed on the theses, the pane reads
        as several authors' conclusions side by side with the reasons right under them, at
        a zoom whose text is still drawn and legible; the overview's rectangle shows where
        that sits, and "Fit Map" or a drag in the overview shows the rest. The top row's
        first card stays in the frame, so an imported lane map still opens beside the
        first article's text; a map of one author keeps the frame on that card.
        """
        if not cards:
            return None
        theses = sorted(
            ((i.sceneBoundingRect(), i.claim.author) for i in cards if i.claim.kind == "thesis"),
            key=lambda t: (t[0].top(), t[0].left()),
        )[:THESES_CONSIDERED]
        if len({author for _, author in theses}) < 2:
            return None
        anchor = self._top_row_first(cards).sceneBoundingRect()
        width = self.viewport().width() / THESES_MIN_ZOOM - 2 * THESES_MARGIN
        height = self.viewport().height() / THESES_MIN_ZOOM - 2 * THESES_MARGIN
        if anchor.width() > width or anchor.height() > height:
            return None
        lefts = {r.left() for r, _ in theses if anchor.right() - width <= r.left() <= anchor.left()}
        tops = {r.top() for r, _ in theses if anchor.bottom() - height <= r.top() <= anchor.top()}
        best: tuple[int, int, float, float] | None = None
        chosen: list[QRectF] = []
        for left in sorted(lefts | {anchor.left()}):
            for top in sorted(tops | {anchor.top()}):
                right, bottom = left + width, top + height
                inside = [
                    (r, author)
                    for r, author in theses
                    if r.left() >= left
                    and r.top() >= top
                    and r.right() <= right
                    and r.bottom() <= bottom
                ]
                score = (-len({a for _, a in inside}), -len(inside), top, left)
                if best is None or score < best:
                    best, chosen = score, [r for r, _ in inside]
        if best is None or -best[0] < 2:
            return None
        area = anchor
        for rect in chosen:
            area = area.united(rect)
        return area.adjusted(-THESES_MARGIN, -THESES_MARGIN, THESES_MARGIN, THESES_MARGIN)

    def _show_theses(self, area: QRectF, content: QRectF) -> None:
        """Zoom as far in as ``area`` still fits (at most :data:`OPEN_ZOOM`) and centre it,
        kept inside the map's extent where the map is bigger than the pane."""
        port = self.viewport().size()
        zoom = min(port.width() / area.width(), port.height() / area.height(), OPEN_ZOOM)
        zoom = max(zoom, THESES_MIN_ZOOM)
        self.setTransform(QTransform.fromScale(zoom, zoom))
        half_w = port.width() / 2 / zoom
        half_h = port.height() / 2 / zoom
        x, y = area.center().x(), area.center().y()
        if content.width() > 2 * half_w:
            x = min(max(x, content.left() + half_w), content.right() - half_w)
        if content.height() > 2 * half_h:
            y = min(max(y, content.top() + half_h), content.bottom() - half_h)
        self.centerOn(x, y)
        self._zoom_changed()

    @staticmethod
    def _top_row_start(cards: list[Any]) -> float:
        """Where the frame a map opens with is centred across: on the first (leftmost)
        card of the top row, where a lane layout puts the first article's conclusion.
        Centred on whichever top card came first, a map of several lanes opened on a
        middle lane with the cards of another cut at the pane's edge."""
        return float(Navigation._top_row_first(cards).sceneBoundingRect().center().x())

    @staticmethod
    def _top_row_first(cards: list[Any]) -> Any:
        """The first (leftmost) card of the map's top row."""
        top = min(i.pos().y() for i in cards)
        row = [i for i in cards if i.pos().y() <= top + TOP_ROW_SLACK]
        return min(row, key=lambda i: i.pos().x())

    def fits_readably(self) -> bool:
        """Whether the whole map fits the viewport at a zoom whose text is still readable
        (the window shows the overview only for maps that do not)."""
        content = self._scene.content_rect()
        port = self.viewport().size()
        if content.width() <= 0 or content.height() <= 0 or port.isEmpty():
            return True
        fit = min(port.width() / content.width(), port.height() / content.height())
        return min(fit, FIT_MAX_SCALE) >= MIN_READABLE_FIT

    def _refit_if_resized(self, size: QSize) -> None:
        if self.viewport().size() != size and self.showing_map():
            self.show_initial()
