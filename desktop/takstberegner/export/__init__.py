"""What leaves the laptop (SPEC §6; SA 2.2.1, 5, 5.6): takstskema, PDF til revision, the signed
indmeldingsfil, and the secretariat's verification and takstbilag. No Qt here.

API for the app (all pure functions of immutable inputs; run the slow ones in a worker thread):
- `indmelding.lav_indmelding(grundlag, beregning, underskriver, maal) -> IndmeldingsInfo`;
  raises `indmelding.IndmeldingAfvist` (`.fund`, `.besked`) while a `fejl` remains and
  `signering.SigneringsFejl` (`.besked`) when the certificate does not fit.
  `indmelding.kontroller_fejl(beregning)` checks first, without writing anything.
- `signering.laes_p12(sti, kodeord) -> Underskriver`, `signering.lav_noegle(navn, cvr)`,
  `signering.gem_p12(underskriver, sti, kodeord)`, `signering.certifikat_pem(cert)`.
- `verifikation.verificer(sti, tillid=None) -> VerifikationsResultat`, never raises: `.status`
  ("GODKENDT"/"AFVIST"), `.ok`, `.grunde`/`.grund` (Danish), `.underskriver`, `.cvr`,
  `.signeringstid` (aware UTC), `.fingeraftryk`, `.certifikat_fingeraftryk`, `.ikke_betroet`,
  the documents `.grundlag`, `.takster`, `.beregning`, and `.tekst()`. The trust model is in
  tillid.py, the strict container in asic.aabn/zip_laeser, the PDF/xlsx binding in binding.py.
- `takstbilag.lav_takstbilag(resultater) -> bytes` (xlsx); `tillid.standard_tillidsfil()`.
- `rapport.lav_rapport(grundlag, beregning, fingeraftryk)` -> `takstskema_xlsx.lav_xlsx(r)`
  and `revision_pdf.lav_pdf(r)` (bytes); `indmelding.json_medlemmer(g, b)[2]` is the
  fingerprint; `indmelding.skriv_atomisk(sti, data)` writes a file safely.
"""
