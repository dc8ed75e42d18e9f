"""Local storage: the .takst document file (SQLite), its backups, locking and migrations."""
import logging

from takstberegner.storage.repository import LagerFejl, TakstFil, laes_grundlag

# The program's own log lines (the English detail on a damaged file, from storage alone) are not
# for the user: without a handler Python prints them on stderr, before the command line's one
# Danish line and in the app. Set here, where they are written, so that a command that never
# opens a .takst file does not import logging (issue 9 item 7: start-up).
logging.getLogger("takstberegner").addHandler(logging.NullHandler())

__all__ = ["LagerFejl", "TakstFil", "laes_grundlag"]
