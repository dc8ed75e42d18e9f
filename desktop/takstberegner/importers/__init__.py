"""Importers: a takstgrundlag JSON file, and a budget from the finance system as Excel (.xlsx)."""
