"""The map itself: the model, its rules, its file and its vocabulary of kinds and colours.

Every package of ``argmap`` above :mod:`argmap.util` may use it; it uses only
:mod:`argmap.util`.
"""
