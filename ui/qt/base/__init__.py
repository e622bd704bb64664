"""What every part of the app shares: the undo adapter, refresh-while-shown, the theme."""
