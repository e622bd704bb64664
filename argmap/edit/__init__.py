"""Changing a map: the document that owns it, reversible edits, the clipboard and quotes.

Built on :mod:`argmap.map` only. Everything that changes a loaded map goes through
:class:`argmap.edit.document.MapDocument`, so undo and redo cover it.
"""
