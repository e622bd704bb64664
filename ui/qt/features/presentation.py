"""View → Present: the map alone, full screen, for showing an argument to a class.

A teacher projecting a map wants the cards and arrows, not the panels around them: the
mode hides every dock, the toolbar, the menu bar, the status bar and the scroll bars, goes
full screen and zooms to a size a back row can read (:data:`PRESENT_ZOOM`, or closer if
the user was closer) around what was in view or selected; the mouse pans and zooms as
usual. Esc or F5 brings the window back exactly as it was (docks, their sizes, full-screen
state, zoom and what was in view). Editing keeps working (a card can still be moved or
corrected in front of the class), and the selection and its article quote stay put.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QPropertyAnimation, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QTransform
from PySide6.QtWidgets import (
    QDockWidget,
    QGraphicsOpacityEffect,
    QLabel,
    QMainWindow,
    QMenu,
    QToolBar,
    QWidget,
)

HINT_MS = 3500
"""How long the "Esc or F5 to leave" hint stays on screen before it fades out."""
FADE_MS = 700
HINT_MARGIN = 16
PRESENT_ZOOM = 1.25
"""Card text at 17.5 px: readable from the back of a classroom on a projector. Fitting a
whole comparison map would draw its cards as blocks without text."""


class PresentationMode(QObject):
    """Toggles the window between editing and presenting, restoring it exactly."""

    def __init__(self, window: QMainWindow, view: Any, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.view = view
        self.action = QAction("&Present", self)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("F5"))
        self.action.setStatusTip("Show the map alone, full screen (Esc or F5 to leave)")
        self.action.toggled.connect(self._set)
        menu.addAction(self.action)
        window.addAction(self.action)  # F5 works with the menu bar hidden too
        self.leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self.leave.setContext(Qt.ShortcutContext.WindowShortcut)
        self.leave.setEnabled(False)
        self.leave.activated.connect(lambda: self.action.setChecked(False))
        self.hint = QLabel("Presenting — Esc or F5 to leave", view)
        self.hint.setStyleSheet(
            "background: rgba(30, 30, 30, 190); color: white; padding: 6px 10px;border-radius: 6px;"
        )
        # At the top right it covered the top card, where a map's conclusion sits: it sits
        # at the bottom centre, lets clicks through, and fades out instead of vanishing.
        self.hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hint_opacity = QGraphicsOpacityEffect(self.hint)
        self.hint.setGraphicsEffect(self.hint_opacity)
        self.fade = QPropertyAnimation(self.hint_opacity, b"opacity", self)
        self.fade.setDuration(FADE_MS)
        self.fade.setStartValue(1.0)
        self.fade.setEndValue(0.0)
        self.fade.finished.connect(self.hint.hide)
        self._fade_timer = QTimer(self)
        self._fade_timer.setSingleShot(True)
        self._fade_timer.setInterval(HINT_MS)
        self._fade_timer.timeout.connect(self.fade.start)
        self.hint.hide()
        self._saved: tuple[QByteArray, Qt.WindowState, Any, list[QWidget]] | None = None
        """While presenting: the window's layout and state, the view's zoom and centre,
        and the bars (menu, status) that were shown."""

    @property
    def presenting(self) -> bool:
        return self._saved is not None

    def _set(self, on: bool) -> None:
        if on == self.presenting:
            return
        if on:
            self._enter()
        else:
            self._leave()

    def stop(self) -> None:
        """Leave presenting now (the window closing), restoring the layout at once."""
        self.action.setChecked(False)

    def _not_a_choice(self, change: Callable[[], object]) -> None:
        """Run ``change`` (hiding or restoring docks) without it counting as the user's
        choice of docks (which the window remembers per dock for the next maps)."""
        not_chosen = getattr(self.window, "not_chosen", None)
        if not_chosen is None:  # a bare QMainWindow remembers no choices
            change()
            return
        with not_chosen():
            change()

    def _chrome(self) -> list[QWidget]:
        bars: list[QWidget | None] = [self.window.menuBar(), self.window.statusBar()]
        return [b for b in bars if b is not None]

    def _enter(self) -> None:
        w, view = self.window, self.view
        bars = [bar for bar in self._chrome() if bar.isVisible()]
        self._saved = (w.saveState(), w.windowState(), view.view_state(), bars)

        parts = [*w.findChildren(QDockWidget), *w.findChildren(QToolBar)]

        def hide_all() -> None:
            for part in parts:
                if part.parent() is w:
                    part.hide()

        self._not_a_choice(hide_all)
        for bar in bars:
            bar.hide()
        for policy in (view.setHorizontalScrollBarPolicy, view.setVerticalScrollBarPolicy):
            policy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        w.setWindowState(w.windowState() | Qt.WindowState.WindowFullScreen)
        self.leave.setEnabled(True)
        transform, center = self._saved[2]
        selected = view.map_scene().selectedItems()
        if selected:
            rect = selected[0].sceneBoundingRect()
            for item in selected[1:]:
                rect = rect.united(item.sceneBoundingRect())
            center = rect.center()
        zoom = max(transform.m11(), PRESENT_ZOOM)

        # once the full-screen geometry has arrived (the view is bigger then)
        def settle() -> None:
            view.restore_view_state((QTransform.fromScale(zoom, zoom), center))
            self.place_hint()

        QTimer.singleShot(0, view, settle)
        self.fade.stop()
        self.hint_opacity.setOpacity(1.0)
        self.place_hint()
        self.hint.show()
        self.hint.raise_()
        self._fade_timer.start()
        view.setFocus(Qt.FocusReason.OtherFocusReason)

    def place_hint(self) -> None:
        """The hint at the bottom centre of the view, clear of the top cards."""
        self.hint.adjustSize()
        view = self.view
        x = max(HINT_MARGIN, (view.width() - self.hint.width()) // 2)
        y = max(HINT_MARGIN, view.height() - self.hint.height() - HINT_MARGIN)
        self.hint.move(x, y)

    def _leave(self) -> None:
        assert self._saved is not None
        state, window_state, view_state, bars = self._saved
        self._saved = None
        w, view = self.window, self.view
        self.leave.setEnabled(False)
        self._fade_timer.stop()
        self.fade.stop()
        self.hint.hide()
        for policy in (view.setHorizontalScrollBarPolicy, view.setVerticalScrollBarPolicy):
            policy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # as the view keeps them
        w.setWindowState(window_state)
        for bar in bars:
            bar.show()
        self._not_a_choice(lambda: w.restoreState(state))
        # once the docks have taken their room back and the view has its old size
        QTimer.singleShot(0, view, lambda: view.restore_view_state(view_state))


def install(window: Any) -> PresentationMode:
    """Add View → Present (F5) to the main window."""
    mode = PresentationMode(window, window.view, window.view_menu)
    window.presentation = mode
    return mode
