"""Menus and toolbar of the main window, in Danish: Filer, Redigér, Vis, Tilbud, Udskriv, Sekretariat,
Hjælp. Undo is "Fortryd" and redo "Annullér fortryd" everywhere."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QStyle, QToolBar

from takstberegner.app import ikoner
from takstberegner.app.filhandlinger import Handlinger


def _handling(vindue, tekst: str, slot, genvej=None, ikon=None, navn: str = "") -> QAction:
    a = QAction(tekst, vindue)
    if genvej is not None:
        a.setShortcut(genvej)
    if ikon is not None:
        a.setIcon(vindue.style().standardIcon(ikon))
    if navn:
        a.setObjectName(navn)
    a.triggered.connect(lambda *_: slot())
    return a


def byg(vindue) -> None:
    h = Handlinger(vindue)
    vindue.handlinger = h
    vindue.undo_gruppe = QUndoGroup(vindue)
    mb = vindue.menuBar()
    filer = mb.addMenu("&Filer")
    ny = _handling(vindue, "&Ny …", h.ny_dialog, QKeySequence.New, QStyle.SP_FileIcon, "ny")
    aabn = _handling(vindue, "&Åbn …", h.aabn_dialog, QKeySequence.Open, QStyle.SP_DialogOpenButton, "aabn")
    demo = _handling(vindue, "Åbn &demo-driftsherren", h.aabn_demo, navn="demo")
    filer.addActions([ny, aabn, demo])
    filer.addAction(_handling(vindue, "Start demoen &forfra …", h.demo_forfra, navn="demo_forfra"))
    filer.addAction(_handling(vindue, "Nyt &takstår fra denne fil (rul frem) …", h.rul_frem, navn="rul_frem"))
    vindue.seneste_menu = filer.addMenu("&Seneste filer")
    filer.addSeparator()
    filer.addAction(_handling(vindue, "&Importér takstgrundlag (JSON) …", h.importer_json, navn="importer_json"))
    filer.addAction(_handling(vindue, "Importér &budget fra Excel …", h.importer_excel, navn="importer_excel"))
    eksport = filer.addMenu("&Eksportér")
    eksport.addAction(_handling(vindue, "&Takstgrundlag (JSON) …", h.eksporter_grundlag, navn="eksporter_grundlag"))
    eksport.addAction(_handling(vindue, "Ta&kster (JSON) …", h.eksporter_takster, navn="eksporter_takster"))
    eksport.addAction(_handling(vindue, "Takst&skema (Excel) …", h.eksporter_xlsx, navn="eksporter_xlsx"))
    filer.addSeparator()
    filer.addAction(_handling(vindue, "Indmeld ta&kster (signeret indmeldingsfil) …", h.indmeld, navn="indmeld"))
    filer.addAction(_handling(vindue, "La&v nøgle til indmelding …", h.lav_noegle, navn="lav_noegle"))
    filer.addSeparator()
    filer.addAction(_handling(vindue, "&Luk fil", h.luk_fil, QKeySequence.Close, navn="luk"))
    filer.addAction(_handling(vindue, "&Afslut", vindue.close, QKeySequence.Quit, navn="afslut"))

    red = mb.addMenu("&Redigér")
    fortryd = vindue.undo_gruppe.createUndoAction(vindue, "Fortryd")
    fortryd.setShortcut(QKeySequence.Undo)
    fortryd.setObjectName("fortryd")
    fortryd.setIcon(ikoner.fortryd())
    gentag = vindue.undo_gruppe.createRedoAction(vindue, "Annullér fortryd")
    # the platform's redo keys and Ctrl+Y, each once: Windows' Redo is Ctrl+Y itself, and a key
    # given twice is ambiguous to Qt, which then does nothing
    gentag.setShortcuts(list(dict.fromkeys([*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
                                            QKeySequence("Ctrl+Y")])))
    gentag.setObjectName("annuller_fortryd")
    gentag.setIcon(ikoner.annuller_fortryd())
    red.addActions([fortryd, gentag])
    vindue.fortryd_handling, vindue.gentag_handling = fortryd, gentag

    vis = mb.addMenu("&Vis")
    overblik = _handling(vindue, "&Overblik og indmelding", vindue.vis_overblik, QKeySequence("Ctrl+Home"),
                         navn="overblik")
    overblik.setShortcuts([QKeySequence("Ctrl+Home"), QKeySequence("Alt+Home")])  # Ctrl+Home is taken in a text
    forrige = _handling(vindue, "&Forrige trin", vindue.forrige_trin, QKeySequence("Ctrl+PgUp"), navn="forrige_trin")
    naeste = _handling(vindue, "&Næste trin", vindue.naeste_trin, QKeySequence("Ctrl+PgDown"), navn="naeste_trin")
    vis.addActions([overblik, forrige, naeste])
    # every step from the keyboard: Ctrl+0 the driftsherre's page, Ctrl+1 … Ctrl+9 the tilbud's steps
    gaa = vis.addMenu("&Gå til trin")
    for nr, titel in enumerate(vindue.foelge.titler):
        gaa.addAction(_handling(vindue, f"&{nr} {titel}", lambda nr=nr: vindue.gaa_til_trin(nr),
                                QKeySequence(f"Ctrl+{nr}"), navn=f"trin_{nr}"))
    panel = _handling(vindue, "Skift &rude (træet, siden, panelet til højre)", vindue.naeste_rude, QKeySequence("F6"),
                      navn="naeste_rude")
    vis.addAction(panel)
    forrige_rude = QAction(vindue)  # Shift+F6 the other way round, as in Windows programs
    forrige_rude.setShortcut(QKeySequence("Shift+F6"))
    forrige_rude.triggered.connect(lambda *_: vindue.naeste_rude(-1))
    vindue.addAction(forrige_rude)
    vis.addSeparator()
    side = QAction("&Takster og kontrol i siden", vindue)
    side.setObjectName("sidepanel")
    side.setCheckable(True)
    side.setChecked(True)
    side.setShortcut(QKeySequence("F9"))
    side.toggled.connect(vindue.arbejde.vis_sidepanel)
    vis.addAction(side)
    vindue.sidepanel_handling = side
    tekster = QAction("&Hjælpetekst øverst på trinene", vindue)
    tekster.setObjectName("hjaelpetekster")
    tekster.setCheckable(True)
    tekster.setChecked(True)
    tekster.toggled.connect(vindue.arbejde.vis_hjaelpetekster)
    vis.addAction(tekster)
    vindue.hjaelpetekst_handling = tekster

    tilbud = mb.addMenu("&Tilbud")
    nyt = _handling(vindue, "&Nyt tilbud", h.nyt_tilbud, navn="nyt_tilbud")
    slet = _handling(vindue, "&Slet tilbud …", h.slet_tilbud, navn="slet_tilbud")
    tilbud.addActions([nyt, slet])
    tilbud.addSeparator()
    tilbud.addAction(_handling(vindue, "Sa&mmenlign med andre driftsherrer …", lambda: _sammenligning(vindue),
                               navn="sammenligning"))
    vindue.navigator.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)  # right-click in the navigator
    vindue.navigator.addActions([nyt, slet])

    udskriv = mb.addMenu("&Udskriv")
    pdf = _handling(vindue, "Takstberegning til &revision (PDF) …", h.udskriv_pdf, QKeySequence.Print, navn="udskriv")
    udskriv.addAction(pdf)

    sek = mb.addMenu("&Sekretariat")
    sek.addAction(_handling(vindue, "&Verificér indmeldingsfiler …", h.verificer, navn="verificer"))
    sek.addAction(_handling(vindue, "Lav &takstbilag …", h.takstbilag, navn="takstbilag"))
    sek.addSeparator()
    sek.addAction(_handling(vindue, "T&illidsfil …", h.tillidsfil, navn="tillidsfil"))
    sek.addAction(_handling(vindue, "&Registrér fingeraftryk …", h.registrer_fingeraftryk, navn="registrer_fingeraftryk"))

    hj = mb.addMenu("&Hjælp")
    hj.addAction(_handling(vindue, "&Vejledning …", vindue.vis_hjaelp, QKeySequence.HelpContents, navn="vejledning"))
    hj.addSeparator()
    hj.addAction(_handling(vindue, "&Om Takstberegner", h.om, navn="om"))

    # actions that need an open file; enabled by the main window when one is open
    vindue.dokument_handlinger = [a for m in (filer, eksport, vis, tilbud, udskriv, sek) for a in m.actions()
                                  if a.objectName() in ("eksporter_grundlag", "eksporter_takster", "eksporter_xlsx",
                                                        "importer_excel", "luk", "nyt_tilbud", "slet_tilbud",
                                                        "udskriv", "indmeld", "lav_noegle", "rul_frem", "overblik",
                                                        "forrige_trin",
                                                        "naeste_trin")]
    vindue.dokument_handlinger += gaa.actions()
    tb = QToolBar("Værktøjslinje", vindue)
    tb.setObjectName("vaerktoej")
    tb.addActions([ny, aabn, fortryd, gentag, nyt, pdf])
    vindue.addToolBar(tb)


def _sammenligning(vindue):
    from takstberegner.app import sammenligning  # the sammenligning's own module (SA 1.2)

    return sammenligning.vis(vindue)


def vis_seneste(vindue, filer: list[str]) -> None:
    m = vindue.seneste_menu
    m.clear()
    for f in filer:
        m.addAction(f, lambda f=f: vindue.aabn_fil(f))
    m.setEnabled(bool(filer))
