"""The package has no import cycle (issue 9 item 6 broke export/indmelding <-> export/revision_pdf
and storage/rul_frem -> tjeneste); the layers themselves are import-linter's contract in
pyproject.toml, run by scripts/test.sh."""
from __future__ import annotations

import grimp


def test_ingen_importcyklus():
    g = grimp.build_graph("takstberegner")
    cyklusser = sorted(
        (m, imp)
        for m in g.modules
        for imp in g.find_modules_directly_imported_by(m)
        if imp.startswith("takstberegner") and g.find_shortest_chain(importer=imp, imported=m)
    )
    assert cyklusser == []
    assert g.find_shortest_chain(importer="takstberegner.export.revision_pdf",
                                 imported="takstberegner.export.indmelding") is None
    assert g.find_shortest_chain(importer="takstberegner.storage", imported="takstberegner.tjeneste") is None
    assert "takstberegner.domain.rul_frem" in g.modules and "takstberegner.storage.rul_frem" not in g.modules
