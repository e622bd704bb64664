"""``argmap-gui [MAP] [--screenshot FILE.png]``: the desktop app's entry point."""

from __future__ import annotations

import sys


def protect_none_refcount() -> None:
    """Work around PySide6 6.12 on CPython 3.11 dropping a reference to ``None``.

    Every call of a void Qt method from Python (``widget.resize(...)``, ``setText(...)``)
    returns ``None`` without the reference it owes (written for 3.12+, where ``None`` is
    immortal). On 3.11 ``None``'s count falls by one per call and after a few thousand calls
    the interpreter aborts with "none_dealloc: deallocating None". Giving ``None`` a huge
    count, as 3.12 does by design, makes the lost references harmless. A no-op elsewhere.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    import ctypes

    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is PyObject's first field
    if refcount.value < 1 << 40:
        refcount.value += 1 << 40
