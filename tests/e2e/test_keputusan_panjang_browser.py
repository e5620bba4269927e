"""Long decisions on the rakor slides, in a real browser: every follow-up slide and the Keputusan slide stay on
the projector's screen, with every decision on exactly one follow-up slide.

Review finding (issue 17): slides held a fixed 3 (1280×720) or 6 (1920×1080) decisions; one ~700-character
decision pushed the next ones below the bottom of a 1280×720 projector, where nobody in the room can scroll.
"""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest

from tests.e2e.conftest import SHOTS, start_server, stop_server, toko_keputusan, wait_for_app

pytestmark = pytest.mark.e2e

KALIMAT = "Dinas Sosial memverifikasi ulang data penerima bantuan di desa kantong kemiskinan. "
KATA = "Pemberdayaan penyandang disabilitas kesejahteraan masyarakat berpenghasilan rendah terintegrasi "
# (text, OPD, place, deadline): the first review's long texts, and the second review's rows whose other cells wrap
# too (long desa names, an overdue deadline, long OPD names), a text typed with line breaks, one ending in "…"
PANJANG = [
    ((KALIMAT * 9)[:700].strip(), "DINSOS", None, date(2030, 6, 30)),
    ("Perbaiki data DTSEN desil 1 di Kecamatan Aluh Aluh.", "DINSOS", None, date(2030, 6, 30)),
    ((KALIMAT * 13)[:1000].strip(), "DINSOS", None, date(2030, 6, 30)),
    *[((KATA * 5)[:n].strip(), opd, tempat, tenggat) for n, opd, tempat, tenggat in (
        (380, "PEM_KEC", "63.03.14.2010", date(2031, 12, 31)), (389, "DINSOS", "63.03.14.2009", date(2025, 1, 2)),
        (200, "DISNAKERTRANS", "63.03.02.2005", date(2031, 12, 31)), (300, "DISBUDPORAPAR", None, date(2025, 1, 2)),
        (389, None, "63.03.14", date(2031, 12, 31)), (120, "PEM_KEC", "63.03.14.2010", date(2025, 1, 2)))],
    ("Baris satu\nBaris dua\nBaris tiga\nBaris empat\nBaris lima\nBaris enam", "DINSOS", None, date(2030, 6, 30)),
    ("Catatan singkat yang diketik dengan elipsis di akhir…", "DINSOS", None, date(2030, 6, 30)),
    # the second review's: decisions typed in capitals
    *[(KALIMAT.upper() + "DAN MELAPOR KE SEKRETARIAT", opd, tempat, date(2025, 1, 31)) for opd, tempat in (
        ("PEM_KEC", "63.03.07.2012"), ("PEM_DESA", "63.03.01.2024"), ("DPMPTSP", "63.03.07.2020"))],
]
# and a long rakor name and place (a three-line summary above the table), and a long program on this rakor's slide
JUDUL = ("Rapat Koordinasi TKPK Kabupaten Banjar Triwulan IV: evaluasi penghapusan kemiskinan ekstrem, stunting dan "
         "bantuan sosial 2025")
TEMPAT = "Aula Rapat Bappedalitbang Kabupaten Banjar, Jl. Menteri Empat No. 1, Martapura"
PROGRAM = ("Program peningkatan kesejahteraan sosial dan pemberdayaan ekonomi masyarakat berpenghasilan rendah "
           "terpadu lintas OPD ") * 5

UKUR = """() => {
  const m = document.querySelector('[data-testid=stMain]');
  const d = document.scrollingElement;
  const t = document.querySelector('.daftar-slide table');
  return {main: m ? m.scrollHeight - m.clientHeight : 0, doc: d.scrollHeight - window.innerHeight,
          bawah: t ? Math.round(t.getBoundingClientRect().bottom) : 0,
          nomor: t ? [...t.querySelectorAll('tbody tr td:first-child')].map(c => +c.innerText) : [],
          teks: t ? t.innerText : ''};
}"""


def _jalan(browser, store, tmp_path, ukuran) -> tuple[list, dict]:
    """Walk the follow-up slides and the Keputusan slide at each (height, width): the slides that run off the
    screen, and the decision numbers each size showed on its follow-up slides."""
    from tkpk.rakor.bahan import bahan_rakor
    from tkpk.toko.db import connect

    proc, url = start_server(store, tmp_path / "streamlit.log")
    salah, dilihat = [], {}
    try:
        for layar, lebar in ukuran:
            context = browser.new_context(viewport={"width": lebar, "height": layar}, locale="en-US")
            try:
                page = context.new_page()
                nomor: list[int] = []
                page.goto(f"{url}/presentasi?agenda=tindaklanjut,keputusan&layar={layar}&slide=1")
                ke = 1
                while True:
                    wait_for_app(page)
                    page.locator(".daftar-slide table").first.wait_for(timeout=60_000)
                    page.wait_for_timeout(500)
                    judul = page.locator("h1").first.inner_text()
                    ukur = page.evaluate(UKUR)
                    page.screenshot(path=str(SHOTS / f"{store.stem}_{layar}p_{ke}.png"))
                    if ukur["main"] > 0 or ukur["doc"] > 0 or ukur["bawah"] > layar:
                        salah.append((layar, judul, {k: v for k, v in ukur.items() if k not in ("nomor", "teks")}))
                    assert "\\n" not in ukur["teks"], "a typed line break shown as a literal backslash-n"
                    if not judul.startswith("Tindak lanjut"):
                        break
                    nomor += ukur["nomor"]
                    page.get_by_role("button", name=re.compile("Berikutnya")).click()
                    page.wait_for_timeout(300)
                    ke += 1
                dilihat[layar] = nomor
            finally:
                context.close()
    finally:
        stop_server(proc)
    con = connect(store)
    try:
        semua = len(bahan_rakor(con).tindak_lanjut)
    finally:
        con.close()
    assert all(n == list(range(1, semua + 1)) for n in dilihat.values()), dilihat
    return salah, dilihat


def test_long_decisions_keep_every_slide_on_the_screen(browser, store_path, tmp_path) -> None:
    from tkpk.rakor import keputusan as kp

    # this rakor (December 2025) takes no deadline before its own date
    store = toko_keputusan(store_path, tmp_path / "keputusan_panjang.duckdb", lambda ini: [
        kp.IsiKeputusan(teks, kode_opd=opd, kode_wilayah=tempat,
                        tenggat=max(tenggat, date(2026, 12, 31)) if ini else tenggat)
        for teks, opd, tempat, tenggat in PANJANG])
    salah, _ = _jalan(browser, store, tmp_path, ((720, 1280), (1080, 1920)))
    assert salah == [], "slides taller than the projector"


def test_a_long_rakor_name_capitals_and_a_long_program_keep_the_slides_on_the_screen(browser, store_path,
                                                                                       tmp_path) -> None:
    """Second review: a three-line summary (a 118-character name and an 80-character place) above twelve
    100-character decisions in capitals ran 47 px below a 720 slide; a 1.500-character program on this rakor's
    slide ran 199 px below it."""
    from tkpk.rakor import keputusan as kp
    from tkpk.toko.db import connect

    store = tmp_path / "rakor_panjang.duckdb"
    shutil.copy(store_path, store)
    con = connect(store)
    try:
        rakor = kp.daftar_rakor(con)["rakor_id"].astype(int).tolist()
        for r in rakor[:2]:
            isi = kp.daftar_rakor(con).set_index("rakor_id").loc[r]
            kp.ubah_rakor(con, r, kp.IsiRakor(tanggal=isi["tanggal"], judul=JUDUL, tempat=TEMPAT), oleh="uji")
        teks = (KALIMAT.upper() * 2)[:100].strip()
        for i in range(12):
            kp.catat_keputusan(con, rakor[1], kp.IsiKeputusan(
                teks, kode_opd=("PEM_KEC", "PEM_DESA", "DPMPTSP")[i % 3], tenggat=date(2025, 1, 31),
                kode_wilayah=("63.03.07.2012", "63.03.01.2024", "63.03.07.2020")[i % 3]), oleh="uji")
        kp.catat_keputusan(con, rakor[0], kp.IsiKeputusan("Perluas bedah rumah di desa kantong kemiskinan.",
                                                          kode_opd="DINSOS", program=(PROGRAM * 3)[:1500].strip(),
                                                          target=15), oleh="uji")
    finally:
        con.close()
    salah, _ = _jalan(browser, store, tmp_path, ((720, 1280),))
    assert salah == [], "slides taller than the projector"
