"""InputError: bad input named by its field path and value, in Danish (finding INPUT, SPEC §5)."""
from __future__ import annotations

from takstberegner.fejl import Fejl


class InputError(Fejl, ValueError):
    """Raised by readers at the edges (formats/, storage/, importers/); never by the domain."""

    def __init__(self, sti: str, besked: str):
        super().__init__(besked)
        self.sti = sti

    def __str__(self) -> str:
        return f"{self.sti}: {self.besked}" if self.sti else self.besked
