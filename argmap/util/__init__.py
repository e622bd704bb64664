"""Helpers that know nothing of maps: atomic file writes and pausing the garbage collector.

The bottom of the core, importable without pydantic, so that the command line can convert
or write files without paying for the model's start-up.
"""
