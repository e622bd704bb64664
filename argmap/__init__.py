"""argmap: argument maps of op-eds, as a Qt-free Python library.

The model (:mod:`argmap.map.model`), its file (:mod:`argmap.map.mapfile`), the only way to change
a map (:mod:`argmap.edit.document` with :mod:`argmap.edit.edits`) and its analyses. Nothing here
imports Qt; the desktop app in ``ui/`` is one client of this library among others.
"""

__version__ = "0.1.0"
