"""The calculation core: pure Python and Decimal, no Qt and no I/O (SPEC §4, §5)."""
