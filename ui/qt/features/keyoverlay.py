"""Tools → Compare with Key…: lay a teacher's key over the open map, as hints.

The open map is a student's; the key is loaded beside it, never into it. Student claims
that match a key claim (:mod:`argmap.exercise.matching`: their quotes overlap in the same
article) are drawn plainly; claims not in the key get a "not in key" tag (not always
wrong: the key is one reading); each key claim the student missed is a ghost card naming
where its quote is (paragraph.sentence of the worksheet), which Tools → Reveal Next Hint
(or a double-click on it) turns into the key's kind, label and quote, one at a time.
Links are matched the same way: a student arrow not in the key is tagged ("reversed" and
"wrong kind" when it nearly matches), a key link between two cards on the map (or a
revealed ghost) that the student did not draw is a dashed ghost arrow.

Nothing here edits the document: the overlay is scene items only, rebuilt after every
change of the map (the student keeps working with the key on), and Tools → Key Overlay,
a checkbox, takes all of it away at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QFileDialog, QGraphicsItem
from shiboken6 import isValid
from typing_extensions import override

from argmap.exercise.grade import Grade, grade
from argmap.exercise.numbering import number
from argmap.map.mapfile import MAP_SUFFIX, MapFileError, load
from argmap.map.model import ArgumentMap, Claim
from ui.qt.features.keyitems import GHOST_HEIGHT, GhostCard, Tag, ghost_link

GHOST_GAP = 16.0
GHOST_MARGIN = 120.0
"""Room between the student's cards and the column of ghost cards."""


class KeyOverlay(QObject):
    """The key overlay of one window: its actions, the key, what is drawn and revealed."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.key: ArgumentMap | None = None
        self.key_name = ""
        self.grade: Grade | None = None
        self.revealed: list[str] = []
        """Key claim ids revealed, in the order they were (kept while the map changes)."""
        self.ghosts: dict[str, GhostCard] = {}
        self.tags: list[Tag] = []
        self.lines: list[QGraphicsItem] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)

        self.compare_action = QAction("Compare with Key…", self)
        self.compare_action.setStatusTip(
            "Lay a teacher's key map over this map: missing claims as hints, extra ones marked"
        )
        self.compare_action.triggered.connect(lambda _checked=False: self.ask_and_compare())
        self.overlay_action = QAction("Key Overlay", self)
        self.overlay_action.setCheckable(True)
        self.overlay_action.setEnabled(False)
        self.overlay_action.setStatusTip("Show or hide the key's overlay (the map is not changed)")
        self.overlay_action.toggled.connect(self.set_on)
        self.reveal_action = QAction("Reveal Next Hint", self)
        self.reveal_action.setEnabled(False)
        self.reveal_action.setStatusTip("Show the next missing key claim, in reading order")
        self.reveal_action.triggered.connect(lambda _checked=False: self.reveal_next())
        menu = window.tools_menu
        menu.addSeparator()
        for action in (self.compare_action, self.overlay_action, self.reveal_action):
            menu.addAction(action)
        window.doc.changed.connect(self._schedule)
        window.doc.reset.connect(self._schedule)
        # The view answers a double-click on empty canvas with a new card; on a ghost it
        # must reveal the hint instead, and never add a claim to the student's map.
        window.view.viewport().installEventFilter(self)

    # ------------------------------------------------------------------ public
    def ask_key_path(self) -> str | None:
        """Ask for the key's file (tests replace this method)."""
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Compare with key", "", f"Argument maps (*{MAP_SUFFIX});;All files (*)"
        )
        return path or None

    def ask_and_compare(self) -> bool:
        path = self.ask_key_path()
        return self.compare_with(path) if path else False

    def compare_with(self, path: str | Path) -> bool:
        """Load the key at ``path`` and turn the overlay on; a bad key is one message."""
        try:
            key = load(path)
        except MapFileError as exc:
            first = exc.problems[0] if exc.problems else str(path)
            self.window.show_error("Compare with key", f"Cannot read the key: {first}")
            return False
        checked = grade(key, self.window.doc.map, Path(path).name)
        if checked.matching.different_article and self.window.doc.map.claims:
            self.window.show_error(
                "Compare with key",
                f"{Path(path).name} is a key for a different article than this map's: "
                "none of this map's quotes is in its article.",
            )
            return False
        self.key, self.key_name, self.revealed = key, Path(path).name, []
        self.overlay_action.setEnabled(True)
        if self.overlay_action.isChecked():
            self.refresh()
        else:
            self.overlay_action.setChecked(True)
        if not self.window.doc.map.claims and self.ghosts:
            # an empty map (a starter) has nothing on screen: show where the hints are
            first = next(iter(self.ghosts.values()))
            self.window.view.centerOn(first.sceneBoundingRect().center())
        return True

    def is_on(self) -> bool:
        return self.overlay_action.isChecked() and self.key is not None

    def set_on(self, on: bool) -> None:
        if on and self.key is not None:
            self.refresh()
        else:
            self._clear()
            self.reveal_action.setEnabled(False)
            if self.overlay_action.isChecked():
                self.overlay_action.setChecked(False)

    def reveal_next(self) -> str | None:
        """Reveal the first hidden ghost card in reading order; its key claim id."""
        for key_id, ghost in self.ghosts.items():
            if not ghost.revealed:
                self.reveal(key_id)
                return key_id
        return None

    def reveal(self, key_id: str) -> None:
        if key_id in self.ghosts and key_id not in self.revealed:
            self.revealed.append(key_id)
            self.refresh()

    def ghost_at(self, viewport_pos: QPoint) -> GhostCard | None:
        """The ghost card under a point of the view (``None``: none there)."""
        for item in self.window.view.items(viewport_pos):
            if isinstance(item, GhostCard):
                return item
        return None

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if (
            self.ghosts
            and event.type() == QEvent.Type.MouseButtonDblClick
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            ghost = self.ghost_at(event.position().toPoint())
            if ghost is not None:
                self.reveal(ghost.key_id)
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ drawing
    def _schedule(self, *_args: object) -> None:
        if self.is_on():
            self._timer.start()

    def _clear(self) -> None:
        scene = self.window.view.map_scene()
        for item in [*self.ghosts.values(), *self.tags, *self.lines]:
            if isValid(item) and item.scene() is scene:
                scene.removeItem(item)
        self.ghosts, self.tags, self.lines = {}, [], []
        self.grade = None

    def refresh(self) -> None:
        """Grade the map as it is now against the key and redraw the overlay."""
        self._clear()
        if not self.is_on() or self.key is None:
            return
        scene = self.window.view.map_scene()
        g = grade(self.key, self.window.doc.map, self.key_name)
        self.grade = g
        for sid in g.extra:
            self._tag_card(scene, sid, "not in key")
        for verdict in ("extra", "reversed", "wrong kind"):
            for sid, _kid in g.links_by(verdict):
                self._tag_link(scene, sid, "not in key" if verdict == "extra" else verdict)
        self._ghost_cards(scene, g)
        self._ghost_links(scene, g)
        hidden = sum(not ghost.revealed for ghost in self.ghosts.values())
        self.reveal_action.setEnabled(hidden > 0)
        self.window.status(
            f"Key {self.key_name}: {len(g.matched)} of {len(self.key.claims)} key claims found, "
            f"{len(g.extra)} not in the key, {hidden} hint(s) left"
        )

    def _tag_card(self, scene: Any, claim_id: str, text: str) -> None:
        item = scene.claim_item(claim_id)
        if item is None or not item.isVisible():
            return
        rect = item.card_rect()
        # A child of the card, so it follows a drag; the card's deletion takes it along
        # (``_clear`` checks each item is still alive).
        self.tags.append(Tag(text, QPointF(rect.right() - 40, rect.top() - 2), item))

    def _tag_link(self, scene: Any, link_id: str, text: str) -> None:
        item = scene.link_item(link_id)
        if item is None or not item.isVisible():
            return
        a, b = item.source.scenePos(), item.target.scenePos()
        tag = Tag(text, (a + b) / 2)
        scene.addItem(tag)
        self.tags.append(tag)

    def _ghost_cards(self, scene: Any, g: Grade) -> None:
        assert self.key is not None
        key = self.key.claim_index()
        missed = sorted(g.missed, key=lambda kid: _reading_order(self.key, key[kid]))
        content = scene.content_rect()
        x = content.right() + GHOST_MARGIN
        y = content.top() + GHOST_HEIGHT / 2
        for kid in missed:
            claim = key[kid]
            ghost = GhostCard(kid, _where(self.key, claim))
            if kid in self.revealed:
                quote = " ".join(claim.quote.text.split()) if claim.quote else ""
                ghost.reveal(claim.kind, claim.text, quote)
            ghost.setPos(x, y)
            y += GHOST_HEIGHT + GHOST_GAP
            scene.addItem(ghost)
            self.ghosts[kid] = ghost

    def _ghost_links(self, scene: Any, g: Grade) -> None:
        assert self.key is not None
        at: dict[str, QPointF] = {}
        for sid, kid in g.matched.items():
            item = scene.claim_item(sid)
            if item is not None and item.isVisible():
                at[kid] = item.scenePos()
        for kid, ghost in self.ghosts.items():
            if ghost.revealed:
                at[kid] = ghost.pos()
        near = {kid for _, kid in g.links_by("reversed")} | {
            kid for _, kid in g.links_by("wrong kind")
        }
        matched = {kid for _, kid in g.links_by("match")}
        for link in self.key.links:
            if link.id in matched or link.id in near:
                continue
            a, b = at.get(link.from_claim), at.get(link.to_claim)
            if a is not None and b is not None:
                line = ghost_link(a, b, link.kind)
                scene.addItem(line)
                self.lines.append(line)


def _reading_order(key: ArgumentMap | None, claim: Claim) -> tuple[int, int]:
    order = {s.id: i for i, s in enumerate(key.sources)} if key else {}
    return (order.get(claim.source or "", 1 << 20), claim.quote.start if claim.quote else 1 << 30)


def _where(key: ArgumentMap, claim: Claim) -> str:
    """``"¶3.2"``: where the claim's quote is, numbered as on the worksheet."""
    source = key.source_index().get(claim.source or "")
    if source is None or claim.quote is None or not source.text:
        return "no quote"
    label = number(source.text).where(claim.quote.start, claim.quote.end)
    many = len(key.sources) > 1
    return f"{source.title or source.id} ¶{label}" if many else f"¶{label}"


def install(window: Any) -> KeyOverlay:
    """Add Tools → Compare with Key…, Key Overlay and Reveal Next Hint."""
    overlay = KeyOverlay(window)
    window.key_overlay = overlay
    return overlay
