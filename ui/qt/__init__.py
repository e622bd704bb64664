"""The PySide6 desktop app. Everything here mirrors :class:`argmap.edit.document.MapDocument`."""
