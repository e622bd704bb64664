"""The main window and the mixins it is made of: menus, files, docks, clipboard, recovery."""
