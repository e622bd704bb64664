"""Pictures of a map from the scene the app shows: PNG and PDF framing, the handout, the
painter that draws cards and arrows, and the font measurements the Qt-free SVG shares."""
