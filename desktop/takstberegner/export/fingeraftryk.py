"""The indmelding's fingerprint (SA 5.6; README "Indmelding"): SHA-256 over the SHA-256 of the
takstgrundlag and of the takster members, and how it is printed. Its own module, so that the
container (indmelding.py), the PDF (revision_pdf.py) and the verification share it without
importing each other."""
from __future__ import annotations

import hashlib


def fingeraftryk(grundlag_bytes: bytes, takster_bytes: bytes) -> str:
    return hashlib.sha256(
        hashlib.sha256(grundlag_bytes).digest() + hashlib.sha256(takster_bytes).digest()
    ).hexdigest()


def vis_fingeraftryk(hex_: str) -> str:
    return " ".join(hex_[i : i + 4] for i in range(0, len(hex_), 4))


def kort_fingeraftryk(hex_: str) -> str:
    """The start of a fingerprint for a message, grouped as vis_fingeraftryk shows the whole one
    ('1a2b 3c4d 5e6f 7a8b …'): enough to see which it is beside the full one shown above it,
    never a 64-character hex string in a sentence."""
    return vis_fingeraftryk(hex_[:16]) + (" …" if len(hex_) > 16 else "")
