"""The one base class of every error a user may see: `Fejl.besked` is a Danish sentence that says
what is wrong and what to do. Readers, storage, importers, export and the app raise subclasses;
front ends catch `Fejl` and show `besked`, and treat anything else as an unexpected error."""
from __future__ import annotations


class Fejl(Exception):
    def __init__(self, besked: str):
        super().__init__(besked)
        self.besked = besked

    def __str__(self) -> str:
        return self.besked
