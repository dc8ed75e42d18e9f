"""GUI tests of the desktop app (pytest-qt, offscreen): the real window, its steps and models."""
