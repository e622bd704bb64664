"""Interchange and export formats: Argdown, AIF JSON, GraphML, DOT and a Markdown outline.

Qt-free like the rest of the core. :mod:`argmap.formats.registry` maps file extensions to
readers and writers; SVG is drawn by :mod:`argmap.formats.svg`, PNG and PDF by ``ui.qt.render.images``
from the scene the app shows. Nothing is imported here, so ``import argmap.formats.registry`` stays
cheap and each format module loads only when its extension is used.
"""
