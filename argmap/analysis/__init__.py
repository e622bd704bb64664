"""Reading a map: counts, the grounded semantics of support and attack, and comparing authors.

Pure functions of a map; built on :mod:`argmap.map` and :mod:`argmap.edit`.
"""
