"""Screenshots of every page of the demo driftsherre at the laptop sizes users have, for looking
at what the app shows (PROTOKOL: look at what you build).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/skaermbilleder.py [MAPPE] [BxH ...]

Writes MAPPE/BxH/NN-side.png (default /tmp/skaermbilleder, sizes 1366x768 and 1280x650) and
prints the window's minimum size. Works on a copy of the demo in a temporary data folder."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    mappe = Path(argv[0]) if argv else Path("/tmp/skaermbilleder")
    stoerrelser = [tuple(int(x) for x in s.split("x")) for s in argv[1:]] or [(1366, 768), (1280, 650)]
    data = tempfile.mkdtemp()
    os.environ["TAKSTBEREGNER_DATA"] = data
    from PySide6.QtCore import QSettings, QStandardPaths
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["takstberegner"])
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, data)
    QSettings.setPath(QSettings.NativeFormat, QSettings.UserScope, data)
    from takstberegner.app import demo, settings
    from takstberegner.app.main_window import HovedVindue

    settings.indstillinger().clear()
    demo.datamappe = lambda: Path(data)
    v = HovedVindue()
    v.show()
    print(f"Mindste vinduesstørrelse: {v.minimumSizeHint().width()}x{v.minimumSizeHint().height()}")
    v.aabn_demo()
    for b, h in stoerrelser:
        ud = mappe / f"{b}x{h}"
        ud.mkdir(parents=True, exist_ok=True)
        v.resize(b, h)
        app.processEvents()
        v.vis_overblik()
        app.processEvents()
        v.grab().save(str(ud / "00-overblik.png"))
        for nr, side in enumerate(v.trin):
            v.vis_trin(nr)
            app.processEvents()
            v.grab().save(str(ud / f"{nr + 1:02d}-{type(side).__name__.removesuffix('Trin').lower()}.png"))
            m, vp = side.rulle.widget().minimumSizeHint(), side.rulle.viewport().size()
            if m.width() > vp.width() or m.height() > vp.height():
                print(f"  {type(side).__name__}: siden kræver {m.width()}x{m.height()}, ser {vp.width()}x{vp.height()}")
        print(f"{b}x{h}: {ud} (vinduet er {v.width()}x{v.height()})")
    v.saet_dokument(None)
    v.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
