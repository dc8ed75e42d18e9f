"""Table models: thin QAbstractTableModel adapters over the tuples of the takstgrundlag and the
beregning (one module per table; the shared machinery is in raekker.py)."""
