"""InputError: bad input named by its field path and value, in Danish (finding INPUT, SPEC §5)."""
from __future__ import annotations


class InputError(ValueError):
    """Raised by readers at the edges (formats/, storage/, importers/); never by the domain."""

    def __init__(self, sti: str, besked: str):
        super().__init__(f"{sti}: {besked}" if sti else besked)
        self.sti = sti
        self.besked = besked
