"""Writing a file so that a crash leaves either the old file or the new one, never half a file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def skriv_atomisk(maal: Path, data: bytes) -> None:
    """Write to a temporary file beside `maal` and rename, so a crash leaves no half file."""
    maal.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~" + maal.name, dir=maal.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, maal)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
