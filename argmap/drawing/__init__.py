"""Where things go on the page: layout, lanes, card geometry, text metrics and the legend.

Qt-free, so the SVG writer and the canvas share one geometry. Built on :mod:`argmap.map`
and :mod:`argmap.edit`.
"""
