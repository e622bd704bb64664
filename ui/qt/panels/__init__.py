"""The docks a map is read and edited through: inspector, legend, positions, article, author
view, search and history. The window creates them; they use the canvas and the core."""
