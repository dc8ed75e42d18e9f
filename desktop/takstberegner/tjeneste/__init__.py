"""The service layer: the use cases the app and the command line both call. beregn, kontroller
and their fingerprint (tjeneste.beregning), rul frem (tjeneste.rul_frem) sit below export/ and
importers/; rapport, indmeld and importer (tjeneste.dokumenter) sit above them."""
from takstberegner.tjeneste.beregning import (
    Beregningstjeneste,
    beregn,
    input_fund,
    kontroller,
    kraev_gyldigt,
    laes_grundlag,
)

__all__ = ["Beregningstjeneste", "beregn", "input_fund", "kontroller", "kraev_gyldigt", "laes_grundlag"]
