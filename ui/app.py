"""``argmap-gui [MAP] [--screenshot FILE.png]``: the desktop app's entry point.

The screenshot is written in the format its extension names (``.png``, ``.jpg``, ``.bmp``
and whatever else this Qt can write); an extension Qt cannot write is refused up front.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from argmap import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QMainWindow


QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)
"""Qt messages that say nothing to a user: the offscreen platform cannot size native
windows, which is irrelevant to a screenshot. Every other message is still printed."""


def quiet_qt_messages() -> None:
    """Drop the messages in :data:`QUIET_QT_MESSAGES`; print the rest as Qt would."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if message in QUIET_QT_MESSAGES or kind == QtMsgType.QtDebugMsg:
            return
        print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def install_error_dialog() -> None:
    """An unexpected error inside the app: a dialog and one line, never a traceback.

    The traceback goes to ``errors.log`` in the per-user log folder, for a bug report.
    """
    import traceback
    from types import TracebackType

    from platformdirs import user_log_path
    from PySide6.QtWidgets import QMessageBox

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log = user_log_path("argmap", appauthor=False) / "errors.log"
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as out:
                out.write("".join(traceback.format_exception(kind, exc, tb)) + "\n")
        except OSError:
            log = Path("(not written)")
        print(f"argmap-gui: internal error: {kind.__name__}: {exc}", file=sys.stderr)
        QMessageBox.critical(
            None,
            "Internal error",
            f"Something went wrong: {kind.__name__}: {exc}\n\nTo be safe, save your work "
            f"under a new name (File ▸ Save As). Details for a bug report are in {log}.",
        )

    sys.excepthook = hook


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="argmap-gui",
        description="The argmap desktop studio: argument maps of op-eds beside their articles.",
    )
    parser.add_argument("map", nargs="?", metavar="MAP", help="an *.argmap.json file to open")
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        help="render the window with MAP offscreen, save it (as PNG, JPEG, BMP… by the "
        "file's extension) and exit",
    )
    parser.add_argument(
        "--size",
        default="1600x1000",
        metavar="WxH",
        help="window size for --screenshot (default 1600x1000)",
    )
    parser.add_argument("--theme", choices=("system", "light", "dark"), help="palette for this run")
    parser.add_argument("--version", action="version", version=f"argmap-gui {__version__}")
    return parser


def _parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise SystemExit(f"argmap-gui: --size must look like 1600x1000, not {text!r}") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise SystemExit("argmap-gui: --size must be between 200x200 and 8000x8000")
    return width, height


LOSSY_QUALITY = 92
"""JPEG/WebP quality of a screenshot: Qt's default (75) smears the small text of cards."""


def image_format(target: Path) -> str:
    """The image format Qt writes for ``target``'s extension (``jpg``, ``png``…).

    Raises ``ValueError`` naming the formats this Qt can write when it cannot write that
    one (or the name has no extension), so nothing is rendered for a file that cannot be
    written, and a PNG is never saved under a ``.jpg`` name.
    """
    from PySide6.QtGui import QImageWriter

    writable = sorted(bytes(f.data()).decode() for f in QImageWriter.supportedImageFormats())
    suffix = target.suffix.lower().lstrip(".")
    if suffix not in writable:
        what = f"'.{suffix}' images" if suffix else "a file without an extension"
        raise ValueError(
            f"cannot write {what} ({target.name}); use one of: "
            + ", ".join(f".{f}" for f in writable)
        )
    return suffix


def make_app(argv: Sequence[str]) -> QApplication:
    """The QApplication with the names QSettings uses and argmap's palette."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("argmap")
    QCoreApplication.setOrganizationDomain("argmap.example.org")
    QCoreApplication.setApplicationName("argmap")
    QCoreApplication.setApplicationVersion(__version__)
    # Fractional scale factors (150 %) as they are, not rounded: crisp text on high-DPI.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationDisplayName("argmap")
    from ui.qt.window.main import release_clipboard

    app.aboutToQuit.connect(release_clipboard)
    return app


def screenshot(window: QMainWindow, target: Path, size: tuple[int, int]) -> tuple[int, int]:
    """Lay the window out at ``size``, frame the map as it opens, and save it in the format
    ``target``'s extension names (see :func:`image_format`).

    The framing is the view's opening one (``show_initial``), not "fit map": fitting a big
    map zooms below the text threshold, and a picture of blank boxes shows nothing.
    """
    from PySide6.QtWidgets import QApplication

    fmt = image_format(target)
    window.resize(*size)
    window.show()
    for _ in range(3):  # layout, then the view's deferred first framing, then paint
        QApplication.processEvents()
    layout = window.layout()
    if layout is not None:
        layout.activate()
    view = getattr(window, "view", None)
    if view is not None and view.showing_map():
        view.show_initial()  # once more, at the final size of the map pane
    QApplication.processEvents()
    image = window.grab()
    quality = LOSSY_QUALITY if fmt in ("jpg", "jpeg", "jfif", "webp") else -1
    if image.isNull() or not image.save(str(target), fmt, quality):
        raise OSError(f"cannot write {target}")
    return image.width(), image.height()


NO_DISPLAY = (
    "argmap-gui: no display found (DISPLAY and WAYLAND_DISPLAY are unset): the window "
    "needs a desktop session.\n"
    "For pictures of the app without one: argmap-gui MAP --screenshot OUT.png, or "
    "make screenshots (every bundled map to out/*.png); for diagrams: argmap export MAP "
    "-o OUT.svg (or .png, .pdf)."
)


def no_display(environ: Mapping[str, str]) -> bool:
    """Whether Qt would find no screen: no X or Wayland display and no platform chosen.
    Qt then aborts with a misleading "libxcb-cursor0 is needed… Reinstalling the
    application may fix this problem"; the app stops first and says what to do instead."""
    if environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform in ("darwin", "win32"):
        return False
    return not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    quiet_qt_messages()
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # works with no display
    elif no_display(os.environ):
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    size = _parse_size(args.size)
    app = make_app([sys.argv[0]])
    if args.screenshot:
        try:  # before any work: a wrong extension is a usage error
            image_format(Path(args.screenshot))
        except ValueError as exc:
            print(f"argmap-gui: --screenshot: {exc}", file=sys.stderr)
            return 2

    from PySide6.QtCore import QSettings

    from ui.qt.base.theme import apply_theme
    from ui.qt.window.main import MainWindow

    if args.screenshot:
        # A screenshot is reproducible: no remembered geometry, theme or recovery offers.
        settings = QSettings(
            str(Path(tempfile.gettempdir()) / f"argmap-shot-{os.getpid()}.ini"),
            QSettings.Format.IniFormat,
        )
        apply_theme(app, args.theme or "light")
        window = MainWindow(settings, restore_state=False)
        window.autosave.timer.stop()
        if args.map:
            from argmap.map.mapfile import MapFileError, load

            try:
                amap = load(args.map)
            except MapFileError as exc:
                print(exc, file=sys.stderr)
                return 1
            window.autosave.set_path(None)
            window.set_map(amap, Path(args.map))
        try:
            shot = screenshot(window, Path(args.screenshot), size)
        except OSError as exc:
            print(f"argmap-gui: {exc}", file=sys.stderr)
            return 1
        finally:
            window.close()
            Path(settings.fileName()).unlink(missing_ok=True)
        print(f"argmap-gui: saved {args.screenshot} ({shot[0]}x{shot[1]})")
        return 0

    install_error_dialog()
    window = MainWindow()
    apply_theme(app, args.theme or window.theme_mode())
    window.show()
    if args.map:
        window.open_path(args.map)  # a bad file shows the CLI's message in a dialog
    else:
        window.offer_recovery()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
