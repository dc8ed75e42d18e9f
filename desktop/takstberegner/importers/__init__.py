"""Importers: a takstgrundlag JSON file, and a budget from the finance system (.xlsx or Danish .csv)."""
