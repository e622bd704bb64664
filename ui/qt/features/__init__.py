"""Features that install themselves into the window (``install(window)``): import review,
export, comparison, related claims and presenting. The window names them and survives one
failing to load."""
