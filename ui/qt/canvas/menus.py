"""The canvas's menus: what a right-click offers on a card, an arrow or empty space, and
the small "Supports / Attacks" menu that ends drawing a link.

Every action is one edit pushed through the view (one undo step); the menus never touch
items or the document themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from argmap.edit.edits import RemoveLink, UpdateClaim, UpdateLink
from argmap.map.model import CLAIM_KINDS, Claim, ClaimKind, LinkKind
from argmap.map.palette import KIND_LABEL
from ui.qt.canvas.items import ClaimItem
from ui.qt.canvas.links import LinkItem

if TYPE_CHECKING:
    from ui.qt.canvas.view import MapView


def short(text: str, n: int = 40) -> str:
    """A label cut to ``n`` characters for menus and the status bar."""
    return text if len(text) <= n else text[: n - 1] + "…"


def ask_link_kind(parent: QWidget, source: Claim, at: QPoint) -> LinkKind | None:
    """Ask, at the release point, whether the new link supports or attacks (None: cancel)."""
    menu = QMenu(parent)
    menu.setObjectName("link-kind-menu")
    menu.addSection(f"«{short(source.text, 30)}» …")
    supports = menu.addAction("&Supports")
    attacks = menu.addAction("&Attacks")
    menu.addSeparator()
    menu.addAction("Cancel")
    chosen = menu.exec(at)
    if chosen is supports:
        return "support"
    if chosen is attacks:
        return "attack"
    return None


def context_menu(view: MapView, view_pos: QPoint) -> QMenu:
    """The menu for what is under ``view_pos``: a card, an arrow or empty space."""
    menu = QMenu(view)
    item: ClaimItem | LinkItem | None = view.card_at(view_pos) or view.link_at(view_pos)
    if isinstance(item, ClaimItem):
        _claim_menu(view, menu, item)
    elif isinstance(item, LinkItem):
        _link_menu(view, menu, item)
    else:
        scene_pos = view.mapToScene(view_pos)
        for kind in CLAIM_KINDS:
            action = menu.addAction(f"New {KIND_LABEL[kind].lower()} here")
            action.triggered.connect(
                lambda _=False, k=kind: view.new_claim_at(scene_pos, cast(ClaimKind, k))
            )
        menu.addSeparator()
        menu.addAction("Auto layout").triggered.connect(view.auto_layout)
        menu.addAction("Fit map to view").triggered.connect(view.fit_all)
    return menu


def _claim_menu(view: MapView, menu: QMenu, item: ClaimItem) -> None:
    if not item.isSelected():
        view.select_claims([item.claim_id], center=False)
    claim_id = item.claim_id
    menu.addAction("Edit text").triggered.connect(lambda: view.edit_claim_text(claim_id))
    kinds = menu.addMenu("Kind")
    for kind in CLAIM_KINDS:
        action = QAction(KIND_LABEL[kind], kinds)
        action.setCheckable(True)
        action.setChecked(item.claim.kind == kind)
        action.triggered.connect(lambda _=False, k=kind: _retype(view, claim_id, k))
        kinds.addAction(action)
    menu.addAction("Link to… (then click the target)").triggered.connect(
        lambda: view.start_link(item, by_click=True)
    )
    n = len(view.map_scene().selected_claim_ids())
    label = "Delete with its links" if n <= 1 else f"Delete {n} claims with their links"
    menu.addAction(label).triggered.connect(view.delete_selected)


def _retype(view: MapView, claim_id: str, kind: str) -> None:
    """Change a claim's kind as the inspector and the review dock do: a proposal's reason
    then says the reviewer changed it."""
    from argmap.edit.proposals import retype_changes

    claim = view.map_scene().doc.claims[claim_id]
    view.push(UpdateClaim(claim_id, retype_changes(claim, cast(ClaimKind, kind))))


def _link_menu(view: MapView, menu: QMenu, item: LinkItem) -> None:
    scene = view.map_scene()
    scene.clearSelection()
    scene.select_link(item.link_id)
    link = item.link
    other: LinkKind = "attack" if link.kind == "support" else "support"
    menu.addAction(f"Make {other}").triggered.connect(
        lambda: view.push(UpdateLink(link.id, {"kind": other}))
    )
    menu.addAction("Reverse direction").triggered.connect(
        lambda: view.push(
            UpdateLink(link.id, {"from_claim": link.to_claim, "to_claim": link.from_claim})
        )
    )
    menu.addAction("Delete link").triggered.connect(lambda: view.push(RemoveLink(link.id)))
