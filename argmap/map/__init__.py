"""The map itself: the model, its rules, its file and its vocabulary of kinds and colours.

Every package of ``argmap`` above :mod:`argmap.util` may use it; it uses only
:mod:`argmap.util`.
"""

# The model validates whole maps against the rules registered with it; importing the rules
# here means nobody can import the model without them.
from argmap.map import invariants as _invariants  # noqa: F401
