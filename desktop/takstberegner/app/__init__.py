"""The desktop app (PySide6): main window, guided steps, live takstpreview and findings."""
from takstberegner.app import qt_kompat  # noqa: F401  (before any Qt call: see qt_kompat)
