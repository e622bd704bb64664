"""Subcommands of the ``argmap`` command line, one module each.

Every module here defines ``register(subparsers)``, which adds its parser and sets
``func`` to a function ``(args) -> int`` (the exit code). Modules are discovered, so a new
command is a new file. Keep imports at module level cheap (argparse only): heavy work is
imported inside ``func`` so ``argmap validate`` starts fast.
"""
