"""Local storage: the .takst document file (SQLite), its backups, locking and migrations."""
from takstberegner.storage.repository import LagerFejl, TakstFil, laes_grundlag

__all__ = ["LagerFejl", "TakstFil", "laes_grundlag"]
