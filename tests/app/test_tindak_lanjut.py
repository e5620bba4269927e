"""The rakor loop through AppTest: the follow-up of the previous rakor for everyone, decisions recorded and
updated by an analyst (on the page and on the projector's Keputusan slide), each change kept in the history."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import tkpk.akun.sesi  # noqa: F401  the login register starts before any test issues a token (OIDC "iat")
from tests.app.conftest import buka_kotak, oidc_app, tabel_tampil, teks_tampil
from tkpk.rakor import keputusan as kp
from tkpk.toko.db import connect

ANALIS = "analis@banjarkab.go.id"
DAFTAR = ["@banjarkab.go.id"]


def _peristiwa(store: Path) -> int:
    con = connect(store)
    try:
        return int(con.execute("SELECT count(*) FROM keputusan_peristiwa").fetchone()[0])
    finally:
        con.close()


def test_visitor_sees_the_follow_up_with_statuses_and_suggestions_but_no_forms(run_page):
    at = run_page("pages/tindak_lanjut.py")
    assert not at.exception, at.exception
    teks = teks_tampil([*at.header, *at.markdown])
    assert "Tindak lanjut rakor sebelumnya: Rakor TKPK Kabupaten Banjar Desember 2024" in teks
    assert "6 keputusan:" in teks and "terlambat" in teks
    # issue 17: the decisions are a static HTML table, not the interactive grid (its ~1,2 MB of JavaScript and a
    # canvas held the page's first sight back)
    assert not at.dataframe
    tabel = tabel_tampil(at.table[0])
    assert list(tabel.columns[:3]) == ["No", "Keputusan", "OPD"]
    assert {"Saran dari data", "Dasar saran"} <= set(tabel.columns)
    status = " ".join(tabel["Status"])
    assert "▲" in status and "terlambat" in status and "●" in status   # shape and word, never colour alone
    assert "Tanpa OPD dan lokasi" in " ".join(tabel["Dasar saran"])
    # review finding (issue 17): each OPD links to Kinerja pilar for it, focusable content where the table is
    # wider than the screen; a decision without an OPD has no link
    assert "[DisperkimLH](/pilar?pilar=2&tahun=2025&opd=DISPERKIMLH)" in list(tabel["OPD"])
    assert [o for o in tabel["OPD"] if not o.startswith("[")] == ["–"]
    assert any("DATA CONTOH" in w.value for w in at.warning)
    assert not at.text_area and not [b for b in at.button if b.label == "Simpan keputusan"]


def test_an_analyst_records_a_decision_and_updates_its_status_each_as_an_event(tulis_env: Path):
    at = oidc_app("pages/tindak_lanjut.py", ANALIS, DAFTAR)
    awal = _peristiwa(tulis_env)
    at.text_area[0].set_value("Verifikasi data DTSEN di Desa Tambak Anyar sebelum Maret 2026")
    at.selectbox(key="kep_baru_opd").set_value("PEM_KEC")
    at.selectbox(key="kep_baru_lokasi").set_value("63.03.05")
    next(b for b in at.button if b.label == "Simpan keputusan").click().run()
    assert not at.exception, at.exception
    assert _peristiwa(tulis_env) == awal + 1
    teks_baru = "Verifikasi data DTSEN di Desa Tambak Anyar sebelum Maret 2026"
    assert any(teks_baru in set(tabel_tampil(t).get("Keputusan", [])) for t in at.table if "No" in t.value.columns)
    # the status changes by a new event, with who and when
    con = connect(tulis_env)
    kid = int(con.execute("SELECT max(keputusan_id) FROM keputusan_peristiwa").fetchone()[0])
    con.close()
    at.selectbox(key="kep_ini_pilih").set_value(kid).run()
    [s for s in at.selectbox if s.label == "Status baru"][-1].set_value("berjalan")
    next(b for b in reversed(at.button) if b.label == "Simpan perubahan").click().run()
    assert not at.exception, at.exception
    con = connect(tulis_env)
    log = kp.riwayat(con, kid)
    con.close()
    assert log["status"].tolist() == ["baru", "berjalan"] and log["oleh"].tolist() == [ANALIS, ANALIS]


def test_a_refused_decision_says_why_and_writes_nothing(tulis_env: Path):
    at = oidc_app("pages/tindak_lanjut.py", ANALIS, DAFTAR)
    awal = _peristiwa(tulis_env)
    next(b for b in at.button if b.label == "Simpan keputusan").click().run()   # empty text
    assert "Isi keputusan wajib diisi" in " ".join(e.value for e in at.error)
    assert _peristiwa(tulis_env) == awal


def test_the_keputusan_slide_takes_a_decision_at_projector_size(tulis_env: Path):
    at = oidc_app("pages/presentasi.py", ANALIS, DAFTAR, query={"agenda": "headline,keputusan", "slide": "2",
                                                                 "layar": "720"})
    assert any(t.value == "Keputusan rakor" for t in at.title)
    assert any('class="label-contoh"' in m.value for m in at.markdown)
    assert any("font-size: 24px" in m.value for m in at.markdown if "stForm" in m.value)
    awal = _peristiwa(tulis_env)
    at.text_area[0].set_value("Dinas PUPRP memprioritaskan jalan lingkungan di Paramasan pada 2026")
    at.selectbox(key="slide_kep_opd").set_value("PUPRP")
    next(b for b in at.button if b.label == "Simpan keputusan").click().run()
    assert not at.exception, at.exception
    assert _peristiwa(tulis_env) == awal + 1
    assert "Dinas PUPRP memprioritaskan jalan lingkungan di Paramasan pada 2026" in " ".join(
        m.value for m in at.markdown)


def test_the_follow_up_slide_opens_the_agenda_after_the_headline(run_page):
    at = run_page("pages/presentasi.py", {"slide": "2"})
    assert not at.exception, at.exception
    assert any(t.value == "Tindak lanjut rakor sebelumnya" for t in at.title)
    slide = " ".join(m.value for m in at.markdown)
    assert "Rakor TKPK Kabupaten Banjar Desember 2024" in teks_tampil(at.markdown)
    assert "terlambat" in slide and "Saran dari data" in slide
    assert any('class="label-contoh"' in m.value for m in at.markdown)


# ~25 s (every year of a fresh store's scorecard); plan and award tables are checked fast in test_pilar_sql.py
@pytest.mark.lambat
def test_kinerja_pilar_shows_plans_against_delivery_and_award_candidates(run_page):
    def buka(bagian: str):  # each section is a tab of its own (?bagian=)
        at = run_page("pages/pilar.py", {"bagian": bagian})
        at.selectbox(key="url_pilar").set_value(2).run()
        at.selectbox(key="url_tahun").set_value(2025).run()
        at.selectbox(key="url_opd_2").set_value("DISPERKIMLH").run()
        assert not at.exception, at.exception
        return at

    at = buka("Rencana aksi")
    assert any(s.value == "Rencana aksi dan laporan 2025" for s in at.subheader)
    assert "program direncanakan" in teks_tampil(at.markdown)
    rencana = next(d.value for d in at.dataframe if "Triwulan 1" in d.value.columns)
    assert set(rencana["OPD"]) == {"DisperkimLH"} and rencana["Triwulan 4"].str.contains(" / ").all()
    at = buka("Kandidat penghargaan")
    assert any(s.value.startswith("Kandidat penghargaan pilar 2, 2025") for s in at.subheader)
    teks = teks_tampil(at.markdown)
    assert "Bobot:" in teks and "Capaian output 35%" in teks
    peringkat = next(d.value for d in at.dataframe if "Skor (0–100)" in d.value.columns)
    assert "1" in set(peringkat["Peringkat"])


# --- review of issue 18, finding 8: correcting and withdrawing decisions and rakor from the page ---

def _kid_pertama(store: Path) -> tuple[int, str]:
    con = connect(store)
    try:
        return con.execute("SELECT keputusan_id, teks FROM v_keputusan ORDER BY keputusan_id LIMIT 1").fetchone()
    finally:
        con.close()


def test_an_analyst_corrects_a_decisions_deadline_and_the_history_keeps_both_events(tulis_env: Path):
    from datetime import date

    at = oidc_app("pages/tindak_lanjut.py", ANALIS, DAFTAR)
    kid, _ = _kid_pertama(tulis_env)
    at.selectbox(key="koreksi_kep").set_value(kid).run()
    at.date_input(key=f"koreksi_kep{kid}_tenggat").set_value(date(2026, 3, 31))
    next(b for b in at.button if b.label == "Simpan koreksi").click().run()
    assert not at.exception, at.exception
    con = connect(tulis_env)
    log = kp.riwayat(con, kid)
    con.close()
    assert len(log) == 2 and log["oleh"].tolist()[-1] == ANALIS and log["berubah"].tolist()[-1] == "tenggat"
    assert pd.Timestamp(log["tenggat"].iloc[0]).date() == date(2025, 9, 30)
    assert pd.Timestamp(log["tenggat"].iloc[-1]).date() == date(2026, 3, 31)
    # the page's history shows both events, once its expander is opened (drawn only while open)
    assert not [s for s in at.selectbox if s.key == "tl_sebelum_riwayat"]
    buka_kotak(at, "tl_sebelum_buka_riwayat")
    at.selectbox(key="tl_sebelum_riwayat").set_value(kid).run()
    hist = next(d.value for d in at.dataframe if "Perubahan" in d.value.columns)
    assert hist["Perubahan"].tolist() == ["dicatat", "tenggat"] and hist["Oleh"].tolist()[-1] == ANALIS


def test_a_withdrawn_decision_leaves_the_follow_up_slide(tulis_env: Path):
    kid, teks = _kid_pertama(tulis_env)
    at = oidc_app("pages/tindak_lanjut.py", ANALIS, DAFTAR)
    at.selectbox(key="koreksi_kep").set_value(kid).run()
    # without a reason and the confirmation nothing is withdrawn
    awal = _peristiwa(tulis_env)
    next(b for b in at.button if b.label == "Tarik keputusan").click().run()
    assert _peristiwa(tulis_env) == awal and any("alasan" in e.value for e in at.error)
    at.text_input(key=f"koreksi_kep{kid}_alasan").set_value("tercatat dua kali")
    at.checkbox(key=f"koreksi_kep{kid}_yakin").check()
    next(b for b in at.button if b.label == "Tarik keputusan").click().run()
    assert not at.exception, at.exception
    assert _peristiwa(tulis_env) == awal + 1
    con = connect(tulis_env)
    log = kp.riwayat(con, kid)
    con.close()
    assert "ditarik" in log["berubah"].tolist()[-1] and "tercatat dua kali" in log["catatan"].iloc[-1]
    slide = oidc_app("pages/presentasi.py", None, query={"slide": "2"})
    teks_slide = " ".join(m.value for m in slide.markdown)
    assert "5 keputusan:" in teks_slide and teks[:40] not in teks_slide


def test_an_analyst_corrects_and_withdraws_a_rakor(tulis_env: Path):
    from datetime import date

    at = oidc_app("pages/tindak_lanjut.py", ANALIS, DAFTAR)
    con = connect(tulis_env)
    rid = int(con.execute("SELECT max(rakor_id) FROM v_rakor").fetchone()[0])
    con.close()
    at.selectbox(key="koreksi_rakor").set_value(rid).run()
    at.date_input(key=f"koreksi_rakor{rid}_tanggal").set_value(date(2025, 12, 18))
    at.text_input(key=f"koreksi_rakor{rid}_tempat").set_value("Pendopo Bupati, Martapura")
    next(b for b in at.button if b.label == "Simpan koreksi rakor").click().run()
    assert not at.exception, at.exception
    con = connect(tulis_env)
    assert con.execute("SELECT tanggal, tempat FROM v_rakor WHERE rakor_id = ?", [rid]).fetchone() == \
        (date(2025, 12, 18), "Pendopo Bupati, Martapura")
    con.close()
    at.selectbox(key="koreksi_rakor").set_value(rid).run()
    at.checkbox(key=f"koreksi_rakor{rid}_yakin").check()
    next(b for b in at.button if b.label == "Tarik rakor").click().run()
    assert not at.exception, at.exception
    con = connect(tulis_env)
    assert con.execute("SELECT count(*) FROM v_rakor WHERE rakor_id = ?", [rid]).fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM rakor_peristiwa WHERE rakor_id = ?", [rid]).fetchone()[0] == 3
    con.close()


def test_visitors_see_no_correction_forms(run_page):
    at = run_page("pages/tindak_lanjut.py")
    assert not at.exception, at.exception
    labels = {b.label for b in at.button}
    assert not labels & {"Simpan koreksi", "Tarik keputusan", "Simpan koreksi rakor", "Tarik rakor"}
    assert not [e for e in at.expander if "Koreksi" in e.label]


def test_a_decision_on_a_program_the_opd_never_reported_is_saved_with_a_warning(tulis_env: Path):
    """Review finding 7: the program is checked against the OPD's stored programs; a warning, not a refusal."""
    at = oidc_app("pages/tindak_lanjut.py", ANALIS, DAFTAR)
    awal = _peristiwa(tulis_env)
    at.text_area[0].set_value("Bedah rumah 30 unit di Kecamatan Martapura pada 2026")
    at.selectbox(key="kep_baru_opd").set_value("DISPERKIMLH")
    at.selectbox(key="kep_baru_acuan").set_value("program")
    at.text_input(key="kep_baru_program").set_value("Rehabilitasi RTLH 2026")
    at.number_input(key="kep_baru_target").set_value(30.0)
    next(b for b in at.button if b.label == "Simpan keputusan").click().run()
    assert not at.exception, at.exception
    assert _peristiwa(tulis_env) == awal + 1
    peringatan = " ".join(w.value for w in at.warning)
    assert "belum pernah dilaporkan oleh OPD ini" in peringatan and 'mirip dengan "Rehabilitasi RTLH"' in peringatan


def test_a_typed_formula_reads_as_typed_and_its_table_offers_only_neutral_downloads(tulis_env: Path):
    # review 18 #13: the guard's apostrophe showed on screen ("'=HYPERLINK(…)"), unlike the slides and the edit box
    from datetime import date

    con = connect(tulis_env)
    try:
        rakor = int(kp.daftar_rakor(con)["rakor_id"].iloc[0])
        kp.catat_keputusan(con, rakor, kp.IsiKeputusan('=HYPERLINK("http://x","klik") +SUM(1,2)', kode_opd="DINSOS",
                                                       tenggat=date(2026, 12, 31)), oleh="uji")
    finally:
        con.close()
    at = oidc_app("pages/tindak_lanjut.py", None)
    assert not at.exception, at.exception
    # read as typed; a run this long without a space carries invisible break points (rakor.tabel.bisa_patah)
    keputusan = [v.replace("\u200b", "") for t in at.table if "Keputusan" in t.value.columns
                 for v in tabel_tampil(t)["Keputusan"]]
    assert '=HYPERLINK("http://x","klik") +SUM(1,2)' in keputusan
    # Streamlit's grid toolbar CSV writes raw cells: the decisions are static tables (no toolbar at all), and our
    # own buttons (neutralised like every export) are their downloads
    assert not [d for d in at.dataframe if "Keputusan" in d.value.columns]
    assert [b for b in at.get("download_button") if "CSV" in b.proto.label]


def test_opd_links_keep_projector_mode(run_page):
    """Review finding (issue 17): a link followed on the projector opened the next page in desk mode (sidebar, small
    type); in projector mode the decision table's and the scorecard's OPD links carry ``mode=presentasi``."""
    at = run_page("pages/tindak_lanjut.py", {"mode": "presentasi"})
    assert not at.exception, at.exception
    opd = [o for t in at.table if "OPD" in t.value.columns for o in tabel_tampil(t)["OPD"] if o.startswith("[")]
    assert opd and all(o.endswith("&mode=presentasi)") for o in opd), opd
    at = run_page("pages/pilar.py", {"mode": "presentasi", "pilar": "2", "tahun": "2025"})
    assert not at.exception, at.exception
    opd = [o for t in at.table if "OPD" in t.value.columns for o in tabel_tampil(t)["OPD"] if o.startswith("[")]
    assert opd and all(o.endswith("&mode=presentasi)") for o in opd), opd
    biasa = run_page("pages/tindak_lanjut.py")
    assert not [o for t in biasa.table if "OPD" in t.value.columns for o in tabel_tampil(t)["OPD"]
                if "mode=" in o]


def test_on_the_projector_the_decision_tables_keep_the_rooms_columns(tulis_env: Path):
    """Issue 17: on a 1024 px projector the follow-up table hid "Saran dari data" and what followed behind a
    sideways scroll. In projector mode both decision tables show the slides' columns and say where the rest are;
    the desk view keeps every column."""
    from tkpk.rakor import tabel as rakor_tabel
    from tkpk.ui import rakor as ui_rakor

    # this rakor's own table needs a decision (the bundled sample records none for it yet)
    at = oidc_app("pages/tindak_lanjut.py", ANALIS, DAFTAR)
    at.text_area[0].set_value("Verifikasi data DTSEN di Desa Tambak Anyar sebelum Maret 2026")
    at.selectbox(key="kep_baru_opd").set_value("PEM_KEC")
    next(b for b in at.button if b.label == "Simpan keputusan").click().run()
    assert not at.exception, at.exception
    proyektor = oidc_app("pages/tindak_lanjut.py", ANALIS, DAFTAR, query={"mode": "presentasi"})
    meja = oidc_app("pages/tindak_lanjut.py", ANALIS, DAFTAR)
    assert not proyektor.exception and not meja.exception
    kolom = [list(tabel_tampil(t).columns) for t in proyektor.table if "No" in t.value.columns]
    assert kolom == [rakor_tabel.KOLOM_PROYEKTOR_TINDAK, rakor_tabel.KOLOM_PROYEKTOR]
    penuh = [list(tabel_tampil(t).columns) for t in meja.table if "No" in t.value.columns]
    # each caption names exactly the columns its own table leaves out (review finding: this rakor's table said
    # "acuan target, dasar saran", which it shows or never had)
    keterangan = [c.value for c in proyektor.caption if c.value.startswith("Di layar proyektor")]
    assert len(keterangan) == 2
    for teks, kecil, lengkap in zip(keterangan, kolom, penuh, strict=True):
        disebut = {x.strip() for x in re.search(r"Kolom lengkap \(([^)]*)\)", teks).group(1).split(",")}
        assert disebut == {c.lower() for c in lengkap if c not in kecil}, (teks, lengkap)
    assert not [c.value for c in meja.caption if c.value.startswith("Di layar proyektor")]
    assert keterangan[0] == ui_rakor.KOLOM_LENGKAP_TINDAK


def test_the_keputusan_form_opens_by_itself_only_where_it_fits(tulis_env: Path):
    """Second review (issue 17): on a 1280×720 slide the form, open by default while this rakor had no decision,
    pushed its own "Simpan" button and the slide's source line 152 px below the screen. It opens by itself only
    on the 1920×1080 slide; at 720 one click opens it."""
    terbuka = {}
    for layar in ("720", "1080"):
        at = oidc_app("pages/presentasi.py", ANALIS, DAFTAR, query={"agenda": "keputusan", "layar": layar})
        assert not at.exception, at.exception
        assert "Belum ada keputusan" in teks_tampil(at.markdown)  # the sample's current rakor has none yet
        terbuka[layar] = next(e for e in at.expander if e.label == "Catat keputusan").proto.expanded
    assert terbuka == {"720": False, "1080": True}
