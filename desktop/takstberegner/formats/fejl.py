"""InputError: bad input named by its field path and value, in Danish (finding INPUT, SPEC §5)."""
from __future__ import annotations

from takstberegner.fejl import Fejl


class InputError(Fejl, ValueError):
    """Raised by readers at the edges (formats/, storage/, importers/); never by the domain."""

    def __init__(self, sti: str, besked: str, sted: str | None = None, stedets_sti: str | None = None):
        super().__init__(besked)
        self.sti = sti
        self.sted = sted  # the place in words when the caller knows the tilbud's names
        # the path the place is named by, when it is not `sti`: an unknown key is no field, so its
        # place is the object that holds it (a key with "." or "[" would else be split into parts)
        self.stedets_sti = sti if stedets_sti is None else stedets_sti

    def __str__(self) -> str:
        """The place in words (navne.felt_tekst), never the field path: 'Tilbud 1 › Pladser: …'."""
        if self.sted:
            return f"{self.sted}: {self.besked}"
        if not self.stedets_sti:
            return self.besked
        from takstberegner.domain.navne import felt_tekst

        return f"{felt_tekst(self.stedets_sti)}: {self.besked}"


# The json module's messages are English; the user reads Danish (the position says where).
_JSON_FEJL = {
    "Expecting value": "her mangler en værdi",
    "Expecting property name enclosed in double quotes": "feltnavne skal stå i dobbelte anførselstegn",
    "Expecting ',' delimiter": "her mangler et komma",
    "Expecting ':' delimiter": "her mangler et kolon",
    "Extra data": "der står mere efter dokumentets slutning",
    "Unterminated string starting at": "en tekst mangler sit afsluttende anførselstegn",
    "Invalid control character at": "ugyldigt kontroltegn i en tekst",
}


def json_syntaksfejl(e) -> str:
    """Where a json.JSONDecodeError is and, for the messages we know, what is wrong, in Danish;
    never the json module's English ('linje 3, kolonne 7: her mangler et komma')."""
    dansk = _JSON_FEJL.get(e.msg)
    return f"linje {e.lineno}, kolonne {e.colno}" + (f": {dansk}" if dansk else "")
