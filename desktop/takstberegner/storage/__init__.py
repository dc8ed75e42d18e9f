"""Local storage: the .takst document file (SQLite), its backups, locking and migrations."""
from takstberegner.storage.repository import LagerFejl, TakstFil, laes_grundlag
from takstberegner.storage.rul_frem import rul_frem

__all__ = ["LagerFejl", "TakstFil", "laes_grundlag", "rul_frem"]
