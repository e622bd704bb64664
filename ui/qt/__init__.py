"""The PySide6 desktop app. Everything here mirrors :class:`argmap.document.MapDocument`."""
