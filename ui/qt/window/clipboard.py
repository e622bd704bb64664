"""The main window's clipboard: copy, cut and paste claims within a map or between maps.

Copied claims travel as a map fragment (JSON under :data:`FRAGMENT_MIME`, with their
authors, sources and the links among them) plus plain text for other programs; a paste is
one undo step and selects what it added. :class:`ClipboardActions` is a mixin of
:class:`~ui.qt.window.main.MainWindow` and relies on its ``doc``, ``undo_stack``, ``view``,
``act_paste``, ``status`` and ``show_error``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtGui import QAction, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QMainWindow

from argmap.edit.clipboard import fragment, paste_edit, pasted_claim_ids, plain_text
from argmap.edit.document import EditError, MapDocument
from argmap.map.mapfile import MapFileError, decode, encode
from ui.qt.base.undo import push_edit

if TYPE_CHECKING:
    from ui.qt.canvas.view import MapView

    _Base = QMainWindow
else:  # a plain mixin at run time; the window itself is the QMainWindow
    _Base = object

FRAGMENT_MIME = "application/x-argmap-fragment+json"
PASTE_OFFSET = 40.0
"""How far (scene units, right and down) pasted claims land from where they were copied,
so a paste into the same map does not hide under the originals."""


def release_clipboard() -> None:
    """Take argmap's own data off the clipboard before the application object goes away.

    A ``QMimeData`` built in Python and handed to the clipboard crashes the interpreter when
    the QApplication is destroyed at exit (PySide6 6.11, seen offscreen). Called on
    ``aboutToQuit`` and after each UI test; plain text put there by others is left alone.
    """
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat(FRAGMENT_MIME):
        clipboard.clear()


class ClipboardActions(_Base):
    """Cut / Copy / Paste of claims for the main window."""

    doc: MapDocument
    undo_stack: QUndoStack
    view: MapView
    act_paste: QAction
    status: Callable[..., None]
    show_error: Callable[[str, str], None]

    def copy(self) -> bool:
        ids = self.view.map_scene().selected_claim_ids()
        if not ids:
            return False
        frag = fragment(self.doc, ids)
        data = QMimeData()
        data.setData(FRAGMENT_MIME, QByteArray(encode(frag)))
        data.setText(plain_text(frag))
        QGuiApplication.clipboard().setMimeData(data)
        self.status(f"Copied {len(ids)} claim{'s' if len(ids) != 1 else ''}")
        return True

    def cut(self) -> None:
        if self.copy():
            self.view.delete_selected()

    def paste(self) -> list[str]:
        data = QGuiApplication.clipboard().mimeData()
        if data is None or not data.hasFormat(FRAGMENT_MIME):
            self.status("The clipboard holds no claims (copy some from a map first)")
            return []
        try:
            frag = decode(bytes(data.data(FRAGMENT_MIME).data()), "clipboard")
            edit = paste_edit(self.doc, frag, (PASTE_OFFSET, PASTE_OFFSET))
            push_edit(self.undo_stack, self.doc, edit)
        except (MapFileError, EditError) as exc:
            self.show_error("Cannot paste", str(exc))
            return []
        ids = pasted_claim_ids(edit)
        self.view.select_claims(ids, center=True)
        self.status(f"Pasted {len(ids)} claim{'s' if len(ids) != 1 else ''}")
        return ids

    def _update_paste(self) -> None:
        data = QGuiApplication.clipboard().mimeData()
        self.act_paste.setEnabled(data is not None and data.hasFormat(FRAGMENT_MIME))
