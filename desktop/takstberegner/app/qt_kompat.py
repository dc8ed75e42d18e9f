"""Keeps None, True and False alive under PySide6 6.12 on Python 3.11.

PySide6/shiboken6 6.12.0 (abi3 wheels) return None, True and False from many calls without taking
a reference (e.g. every void method such as QLabel.setText, and Signal.emit/disconnect). From
Python 3.12 these objects are immortal (PEP 683) and nothing happens; on 3.11 every such call
drops one reference, and after some thousand edits the interpreter aborts with "Fatal Python
error: none_dealloc / bool_dealloc". We do what 3.12 does: give the three singletons a reference
count that no session can use up. Imported by takstberegner.app before any widget is made.
"""
from __future__ import annotations

import ctypes
import sys

_TILLAEG = 1 << 40


def udoedeliggoer() -> bool:
    """Raise the reference counts of None/True/False on Python < 3.12; True when it did."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _TILLAEG
    return True


_GJORT = udoedeliggoer()
