"""The ways a person uses argmap: the ``argmap`` command line and the Qt desktop app."""
