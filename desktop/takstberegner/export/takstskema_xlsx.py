"""The takstskema as an Excel workbook that calculates (SA 2.2.1, 5; SPEC §6), rendered from a prepared Rapport.

`lav_xlsx(rapport) -> bytes`: a contents sheet "Indhold" (every sheet's full name, with a link),
"Oversigt" (driftsherre, satser, takster, the driftsherre total, overhead, findings) and one
sheet per tilbud, its sections under the app's step names and every budget line last.

Totals, the omkostningsgrundlag by category, the bridge to the takstgrundlag and the takster are
live formulas (the report's `Tal.formel`), so a colleague who changes a budget line sees the
totals and takster follow; their values equal the engine's figures (tests evaluate them). Where
the rule is largest remainder (the category split of a takst, trækningsret) the engine's parts
stand as numbers with a check formula. Percentages are real percentages (0,0276 shown as 2,76 %).
Text from a user or a file is always written as text, never as a formula, without control
characters (`regneark`); the contents sheet says when any had to be removed.

The workbook is deterministic for a given report: fixed zip timestamps and document dates (the
report's `dannet`), so its digest can be bound into the signed indmelding.
"""
from __future__ import annotations

import re

from takstberegner import dansk
from takstberegner.export import excel_graenser, regneark
from takstberegner.export import xlsx_xml as X
from takstberegner.export.rapport import AAR, FAKTOR, HELTAL, KR, PCT, TAL, Rapport, Ref, Sektion, Tal
from takstberegner.export.rapport import _stykker

FORMATER = {KR: "#,##0.00", TAL: "#,##0.00", PCT: "0.00%", HELTAL: "#,##0", AAR: "0", FAKTOR: "0.0000000000"}
FORSIDE = ""  # the key of the front sheet in formulas (Ref.tilbud == "")


ARK_MAKS = 31  # Excel's limit on a sheet's name
AFKORTET = "…"


def _forkort(navn: str, maks: int) -> str:
    """`navn` in at most `maks` characters: whole if it fits, else cut after the last whole word
    that fits, with '…' ('T1 Botilbud for unge med…', not 'T1 Botilbud for unge med sær'); a
    first word longer than the room is cut inside it."""
    if len(navn) <= maks:
        return navn
    plads = navn[: maks - len(AFKORTET) + 1]  # one more: a space just after the room ends a word
    ord_ = plads.rsplit(" ", 1)[0] if " " in plads else ""
    ord_ = ord_.rstrip(" -–,.;(&+")
    if len(ord_) < maks // 3:  # one long first word: better its start than almost nothing
        ord_ = plads[:-1].rstrip()
    return ord_ + AFKORTET


def ark_navn(tekst: str, brugte: set[str]) -> str:
    """A valid, unique sheet name of at most 31 characters, cut at a word with '…' when it is
    longer (the full name is in the sheet's title and on the contents sheet, linked)."""
    navn, _ = regneark.tekst(tekst)
    navn = " ".join(re.sub(r"[\[\]:*?/\\'\t\r\n]", "-", navn).split()) or "Ark"
    kandidat, n = _forkort(navn, ARK_MAKS), 2
    while kandidat.lower() in brugte or kandidat.lower() == "history":  # a name Excel keeps for itself
        suffix = f" ({n})"
        kandidat = _forkort(navn, ARK_MAKS - len(suffix)) + suffix
        n += 1
    brugte.add(kandidat.lower())
    return kandidat


def fingeraftryk_tekst(r: Rapport) -> str:
    """The statement every sheet carries in its first rows; the secretariat's verifier
    (export/binding.kontroller_xlsx) reads it from each sheet's XML to tie the workbook to
    the signed calculation."""
    return f"Indmeldingens fingeraftryk (SHA-256): {r.fingeraftryk or '(ikke indmeldt)'}"


class _Ark:
    """One sheet's plan: its name, and where every section's data rows start."""

    def __init__(self, noegle: str, navn: str, fulde_navn: str, titel: str, sektioner: list[Sektion]):
        self.noegle, self.navn, self.fulde_navn, self.titel = noegle, navn, fulde_navn, titel
        self.sektioner = sektioner
        self.start: dict[str, tuple[Sektion, int]] = {}
        self.sidste = 0  # the sheet's last row (_planlaeg)
        # per section (its index): the rows after its table that hold its cells' texts too long
        # for a cell, whole ((text, style) per row; `_lange_tekster`)
        self.lange: dict[int, list[tuple[str, int]]] = {}


HOVED_RAEKKER = 5  # title, driftsherre, fingerprint, draft line, blank


TEKST_BREDDE = 36  # text longer than this wraps (in a column at most this wide, plus margin)


def _gang(ark: _Ark):
    """The one walk of a sheet's layout, used by the planner and the writer alike: per section
    (section, the step heading to write before it or None, whether to write its title)."""
    trin = None
    for s in ark.sektioner:
        ny = None
        if s.trin and s.trin != trin:
            trin = ny = s.trin
        yield s, ny, s.titel != ny  # a title equal to the step heading just written is not repeated


def _planlaeg(ark: _Ark, hele: dict[str, str]) -> None:
    """Row numbers of every section (the writer's walk), and the rows after a table that hold
    its cells' texts too long for a cell (`hele`: where such a text already stands whole)."""
    raekke = HOVED_RAEKKER + 1
    for k, (s, trin, titel) in enumerate(_gang(ark)):
        raekke += (1 if trin else 0) + (1 if titel else 0) + 1  # step heading, title, column header
        ark.start[s.noegle] = (s, raekke)
        lange = _lange_tekster(s, raekke, ark.navn, hele)
        if lange:
            ark.lange[k] = lange
        raekke += len(s.raekker) + (1 if s.note else 0) + len(lange) + 1
    ark.sidste = raekke


# A cell holds 32.767 characters; a longer text (a begrundelse, a name) stands in its cell with its
# start and FORTSAT, and whole after the table in rows of at most rapport.MAKS_STYKKE characters
# (split as a bemærkning is), the first time it occurs in the workbook; later tables say where.
FORTSAT = " [… fortsat under tabellen]"
START_TEGN = 300  # the start of such a text kept in its cell: about ten wrapped lines, not a row of 409 points


def _kort(tekst: str, maks: int) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= maks else tekst[:maks].rstrip() + "…"


def _er_lang(v) -> bool:
    return type(v) is str and len(v) > excel_graenser.TEGN and len(regneark.tekst(v, kort=False)[0]) > excel_graenser.TEGN


def _lange_tekster(s: Sektion, r0: int, ark: str, hele: dict[str, str]) -> list[tuple[str, int]]:
    """The rows after section `s`'s table (its data rows from row `r0`) that hold whole the texts
    too long for its cells: a heading, then per column and text the cells it stands in and the
    text in rows a cell can hold; a text already written whole earlier says where instead."""
    fundne: dict[tuple[int, str], list[int]] = {}
    for i, rk in enumerate(s.raekker):
        for j, v in enumerate(rk):
            if type(v) is str and len(v) > excel_graenser.TEGN and _er_lang(v):
                fundne.setdefault((j, v), []).append(i)
    if not fundne:
        return []
    overskrift = f"{s.titel}: tekster i fuld længde"
    ud = [(_kort(overskrift, 300), X.S_SEKTION)]
    for (j, v), raekker in sorted(fundne.items(), key=lambda x: (x[1][0], x[0][0])):
        t = regneark.tekst(v, kort=False)[0]
        celler = [f"{_K[j]}{r0 + i}" for i in raekker]
        if len(celler) == 1:
            i = raekker[0]
            navne_ = [f"{_kort(str(s.kolonner[jj]), 40)} {_kort(c, 60)}" for jj, c in enumerate(s.raekker[i])
                      if jj != j and type(c) is str and c and jj < len(s.kolonner)][:2]
            hvor = f"Celle {celler[0]}" + (f" ({', '.join(navne_)})" if navne_ else "")
        else:
            vist = celler[:10] + ([f"{dansk.tal(len(celler) - 10, 0)} flere"] if len(celler) > 10 else [])
            hvor = "Cellerne " + dansk.opremsning(vist)
        kol = _kort(str(s.kolonner[j]), 100) if j < len(s.kolonner) else ""
        if t in hele:
            ud.append((f"{hvor}, {kol}: hele teksten ({dansk.tal(len(t), 0)} tegn) står under {hele[t]}.", X.S_FED))
            continue
        hele[t] = f"'{_kort(overskrift, 200)}' på arket {ark}"
        stykker = _stykker(t)
        ud.append((f"{hvor}, {kol}: hele teksten ({dansk.tal(len(t), 0)} tegn) i "
                   + (f"{dansk.tal(len(stykker), 0)} rækker herunder" if len(stykker) > 1 else "rækken herunder") + ":",
                   X.S_FED))
        ud += [(x, X.S_OMBRYD) for x in stykker]
    return ud


def _kontroller_graenser(ark: _Ark) -> None:
    """A sheet Excel could not hold (a tilbud with 20.000 ydelser has as many columns in its
    takst per kategori; 1.000 overheadpuljer over 1.000 tilbud a million rows on the front
    sheet) is refused in Danish before anything is written: Excel would open it only with a
    repair that drops what is past its limits."""
    navn = ark.fulde_navn if len(ark.fulde_navn) <= 80 else ark.fulde_navn[:80] + "…"
    bred = max(ark.sektioner, key=lambda s: len(s.kolonner), default=None)
    if bred is not None and len(bred.kolonner) > excel_graenser.KOLONNER:
        raise excel_graenser.ForStortRegneark(
            f"Takstskemaet kan ikke dannes: tabellen '{bred.titel}' på arket {navn} ville få "
            f"{dansk.tal(len(bred.kolonner), 0)} kolonner, men Excel kan højst have "
            f"{dansk.tal(excel_graenser.KOLONNER, 0)} kolonner i et ark. Tilbuddet har for mange ydelser til ét "
            "regneark; del det i flere tilbud.")
    if ark.sidste > excel_graenser.RAEKKER:
        raise excel_graenser.ForStortRegneark(
            f"Takstskemaet kan ikke dannes: arket {navn} ville få {dansk.tal(ark.sidste, 0)} rækker, men Excel kan "
            f"højst have {dansk.tal(excel_graenser.RAEKKER, 0)} rækker i et ark. Færre tilbud i overheadpuljernes "
            "omfang, færre ydelser eller færre budgetlinjer gør det mindre.")


def _adresser(r: Rapport):
    """The sheets and a function Ref -> A1 address (as seen from a given sheet)."""
    brugte: set[str] = set()
    plan = [_Ark(FORSIDE, ark_navn("Oversigt", brugte), "Oversigt: driftsherre, satser, takster og overhead",
                 f"Takstindmelding {r.takstaar}: oversigt",
                 [r.stamdata, r.oversigt] + ([r.i_alt] if r.i_alt else []) + list(r.faelles) + [r.fund]
                 + ([r.regler] if r.regler else []))]
    for t in r.tilbud:
        fuldt = f"{t.id} {t.navn}"
        plan.append(_Ark(t.id, ark_navn(fuldt, brugte), fuldt, f"Takstindmeldingsskema {r.takstaar}: {fuldt}",
                         list(t.sektioner) + list(t.bilag)))
    hele: dict[str, str] = {}
    for a in plan:
        _planlaeg(a, hele)
        _kontroller_graenser(a)
    # a differentieret tilbud has a column per ydelse in its category split: 60 letters were not
    # always enough (a tilbud of 57 niveauer could not be indmeldt: IndexError)
    bredest = max((len(x) for a in plan for s in a.sektioner for x in (s.kolonner, *s.raekker)), default=0)
    _K.extend(X.kolonne(j) for j in range(len(_K), bredest))
    efter_noegle = {a.noegle: a for a in plan}
    kol = _K

    def adresse(ref: Ref, her: _Ark) -> str:
        a = her if ref.tilbud is None else efter_noegle[ref.tilbud]
        s, r0 = a.start[ref.sektion]
        if ref.raekke is None:
            fra, til = 0, len(s.raekker) - 1 - (1 if s.sum_raekke else 0)
        else:
            fra = s.indeks(ref.raekke)
            til = s.indeks(ref.til) if ref.til is not None else None
        k1 = kol[ref.kolonne]
        k2 = kol[ref.til_kolonne] if ref.til_kolonne is not None else k1
        tekst = f"${k1}${r0 + fra}"
        if til is not None or k2 != k1:
            tekst += f":${k2}${r0 + (til if til is not None else fra)}"
        if a is not her:
            tekst = f"'{a.navn}'!{tekst}"
        return tekst

    return plan, adresse


def _linjer(t: str, bredde: int) -> int:
    """About how many lines a wrapped text takes in a column `bredde` characters wide."""
    return sum(max(1, -(-len(afsnit) // bredde)) for afsnit in t.split("\n"))


def lav_xlsx(r: Rapport) -> bytes:
    from takstberegner.export.rapport import uden_gc

    with uden_gc():
        return _lav_xlsx(r)


_TAL_STIL = {
    KR: (X.S_KR, X.S_KR_FED), TAL: (X.S_KR, X.S_KR_FED), PCT: (X.S_PCT, X.S_PCT_FED),
    HELTAL: (X.S_HELTAL, X.S_HELTAL_FED), AAR: (X.S_AAR, X.S_AAR_FED), FAKTOR: (X.S_FAKTOR, X.S_FAKTOR_FED),
}
# The long texts of one workbook at most: a name of 32.767 characters repeated on each of 99.000
# takst rows would be 3 GB of XML. The large driftsherre's workbook holds 2 mio.
MAKS_LANG_TEKST = 200_000_000
_FOR_MEGET_TEKST = ("Takstskemaet kan ikke dannes: dets tekster ville fylde over 200 mio. tegn, fordi meget lange navne "
                    "eller bemærkninger står i mange rækker. Forkort de lange tekster (fx tilbuddets eller ydelsernes "
                    "navne).")
_K = [X.kolonne(j) for j in range(60)]  # the column letters; _adresser adds more when a sheet is wider


def _lav_xlsx(r: Rapport) -> bytes:
    """Every sheet's rows written as SpreadsheetML text in one pass (export/xlsx_xml): the row
    numbers are the plan's (`_planlaeg`), so formulas can point at any section before or after."""
    plan, adresse = _adresser(r)
    renset = [0]
    lang = [0]  # characters of the long (wrapped) texts written so far
    rens = regneark.tekst

    def tekst(v) -> str:
        s, aendret = rens(v)
        if aendret:
            renset[0] += 1
        return s

    celle_tekst, celle_tal, celle_formel = X.celle_tekst, X.celle_tal, X.celle_formel
    tekst_memo: dict[str, tuple[str, int, int, bool]] = {}

    def _tekst_info(v) -> tuple[str, int, int, bool]:
        """A text cell's inline XML, the column width it asks for, its lines when it wraps (0:
        it does not) and whether control characters were removed: once per distinct text."""
        t, aendret = rens(v, kort=False)
        if len(t) > excel_graenser.TEGN:  # whole after the table (_lange_tekster)
            t = t[:START_TEGN].rstrip() + FORTSAT
        n = len(t)
        if n > TEKST_BREDDE or "\n" in t:
            return X.inline(t), TEKST_BREDDE + 2, _linjer(t, TEKST_BREDDE), aendret
        return X.inline(t), n + 2, 0, aendret
    fod = tekst(f"{r.driftsherre} · takstår {r.takstaar}")
    hoved2 = f"{r.driftsherre} (CVR {r.cvr}) · takstår {r.takstaar} · {r.regelsaet} · Takstberegner {r.version}"
    udkast = f"UDKAST: beregningen har {r.antal_fejl} fejl og kan ikke indmeldes."

    def skriv_ark(a: _Ark) -> X.Ark:
        ark = X.Ark(a.navn, frys_raekker=HOVED_RAEKKER, print_titler=3, sidefod_venstre=fod,
                    sidefod_midt="Side &P af &N")
        raekke = ark.raekke
        bredder: dict[int, float] = {1: 30}

        def linje(nr: int, t: str, stil: int) -> None:
            raekke(nr, celle_tekst(f"A{nr}", tekst(t), stil))

        linje(1, a.titel, X.S_TITEL)
        linje(2, hoved2, X.S_STD)
        linje(3, fingeraftryk_tekst(r), X.S_STD)  # binding.kontroller_xlsx reads it
        if r.antal_fejl:
            linje(4, udkast, X.S_UDKAST)
        nr = HOVED_RAEKKER
        for k_sek, (s, trin, titel) in enumerate(_gang(a)):
            if trin:
                nr += 1
                linje(nr, trin, X.S_TRIN)
            if titel:
                nr += 1
                linje(nr, s.titel, X.S_SEKTION)
            nr += 1
            raekke(nr, "".join(celle_tekst(f"{_K[j]}{nr}", tekst(k), X.S_HOVED) for j, k in enumerate(s.kolonner) if k))
            for j, k in enumerate(s.kolonner, 1):
                bredder[j] = max(bredder.get(j, 8), min(len(k) + 2, 18))
            sidste = len(s.raekker) - 1 if s.sum_raekke else -1
            fede = s.fede
            for i, rk in enumerate(s.raekker):
                nr += 1
                fedt = i == sidste or i in fede
                celler = []
                linjer = 1
                for j, v in enumerate(rk):
                    if v is None:
                        continue
                    if type(v) is Tal:
                        adr = f"{_K[j]}{nr}"
                        stil = _TAL_STIL[v.fmt][fedt]
                        vv = v.v
                        if vv is not None and v.fmt == PCT:
                            vv = vv / 100
                        if v.formel:
                            formel = v.formel.format(*[adresse(x, a) for x in v.refs]) if v.refs else v.formel
                            celler.append(celle_formel(adr, formel, vv, stil))
                        elif vv is not None:
                            celler.append(celle_tal(adr, vv, stil))
                        else:
                            continue
                        if bredder.get(j + 1, 8) < 15:
                            bredder[j + 1] = 15
                        if v.fmt == FAKTOR and vv is not None and vv.is_finite():  # ten decimals: no ###
                            b = len(f"{vv:,.10f}") + 2
                            if bredder.get(j + 1, 8) < b:
                                bredder[j + 1] = b
                    elif v == "":
                        continue
                    else:
                        adr = f"{_K[j]}{nr}"
                        m = tekst_memo.get(v)
                        if m is None:
                            m = tekst_memo[v] = _tekst_info(v)
                        indre, b, li, aendret = m
                        if aendret:
                            renset[0] += 1
                        if li:  # wraps; the row is made tall enough
                            lang[0] += len(indre)
                            if lang[0] > MAKS_LANG_TEKST:
                                raise excel_graenser.ForStortRegneark(_FOR_MEGET_TEKST)
                            celler.append(f'<c r="{adr}" s="{X.S_OMBRYD}" t="inlineStr">{indre}</c>')
                            if li > linjer:
                                linjer = li
                        else:
                            celler.append(f'<c r="{adr}" s="{X.S_FED if fedt else X.S_STD}" t="inlineStr">{indre}</c>')
                        if bredder.get(j + 1, 8) < b:
                            bredder[j + 1] = b
                raekke(nr, "".join(celler), 15 * linjer if linjer > 1 else None)
            if s.note:
                nr += 1
                linje(nr, s.note, X.S_NOTE)
            for t, stil in a.lange.get(k_sek, ()):
                nr += 1
                if stil == X.S_OMBRYD:
                    lang[0] += len(t)
                    if lang[0] > MAKS_LANG_TEKST:
                        raise excel_graenser.ForStortRegneark(_FOR_MEGET_TEKST)
                    raekke(nr, celle_tekst(f"A{nr}", t, stil), 15 * _linjer(t, TEKST_BREDDE))
                else:
                    linje(nr, t, stil)
            nr += 1  # a blank row between sections
        ark.bredder = bredder
        return ark

    alle = [skriv_ark(a) for a in plan]
    # printed like the other sheets: the driftsherre and "Side x af y" in the footer, and the title,
    # driftsherre and fingerprint on every page of a long contents (60 tilbud)
    indhold = X.Ark(ark_navn("Indhold", {a.navn.lower() for a in plan}), bredder={1: 70, 2: 34}, frys_raekker=3,
                    print_titler=3, sidefod_venstre=fod, sidefod_midt="Side &P af &N")
    rk = indhold.raekke
    rk(1, celle_tekst("A1", f"Takstskema {r.takstaar}: indhold", X.S_TITEL))
    rk(2, celle_tekst("A2", tekst(f"{r.driftsherre} (CVR {r.cvr}) · {r.regelsaet} · Takstberegner {r.version}")))
    rk(3, celle_tekst("A3", fingeraftryk_tekst(r)))  # binding.kontroller_xlsx reads it
    rk(4, celle_tekst("A4", r.bindende))
    rk(6, celle_tekst("A6", "Ark (fulde navn)", X.S_HOVED) + celle_tekst("B6", "Arkets navn", X.S_HOVED))
    nr = 6
    for a in plan:
        nr += 1
        fuldt = tekst(a.fulde_navn)
        rk(nr, celle_tekst(f"A{nr}", fuldt, X.S_LINK) + celle_tekst(f"B{nr}", a.navn))
        indhold.links.append((f"A{nr}", f"'{a.navn}'!A1", fuldt))
    nr += 1
    for t in (
        "Summer, omkostningsgrundlaget pr. kategori, takstgrundlaget og taksterne er formler: ændres en budgetlinje, "
        "følger de med. Fordelingen af en takst på kategorier og trækningsretten er programmets beregnede tal (største rest) med "
        "en kontrolformel.",
        "Regulering og overhead indgår med deres offentliggjorte beløb i øre; de beregnes i Takstberegner.",
        r.sidste_aar,
    ):
        nr += 1
        rk(nr, celle_tekst(f"A{nr}", t, X.S_OMBRYD), 15 * _linjer(t, 66))
    if renset[0]:
        nr += 1
        rk(nr, celle_tekst(f"A{nr}", f"Bemærk: {renset[0]} tekster indeholdt kontroltegn, som ikke kan stå i et "
                                      "regneark; de er fjernet.", X.S_UDKAST))
    return X.pak([indhold] + alle, f"Takstskema {r.takstaar} – {tekst(r.driftsherre)}", f"Takstberegner {r.version}",
                 r.dannet)
