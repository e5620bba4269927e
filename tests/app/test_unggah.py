"""Upload and history pages in AppTest: login gating, preview, refusal, commit, history and rollback.

Writes go to a copy of the session store; accounts live in a temporary secrets file (``TKPK_SECRETS``), so the
project's real ``.streamlit/secrets.toml`` is never touched.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.app.conftest import buka
from tests.conftest import ROOT, table_hashes
from tkpk.akun import lokal as auth
from tkpk.toko.db import connect

UPLOAD = ROOT / "tests" / "data" / "upload"
SANDI = "sandi-rahasia-uji-123"


@pytest.fixture
def akun(tulis_env: Path, tmp_path: Path) -> str:
    auth.add_user(tmp_path / "secrets.toml", "analis1", SANDI)
    return "analis1"


def masuk(at: AppTest, nama: str, sandi: str) -> AppTest:
    at.text_input(key="masuk_nama_unggah").set_value(nama)
    at.text_input(key="masuk_sandi_unggah").set_value(sandi)
    form_btn = next(b for b in at.button if b.label == "Masuk")
    form_btn.click()
    at.run()
    assert not at.exception, at.exception
    return at


def semua_teks(at: AppTest) -> str:
    bagian: list[str] = []
    for kind in ("markdown", "error", "warning", "info", "success", "caption", "code", "text"):
        bagian += [str(e.value) for e in getattr(at, kind)]
    for df in at.dataframe:
        bagian.append(df.value.to_string())
    return "\n".join(bagian)


VIEWS = ("v_intervensi", "v_kemiskinan_kabupaten", "v_nilai_indikator", "v_nilai_tersimpan", "v_target_indikator")


def hashes(store: Path, views: bool = False) -> dict[str, str]:
    """Every table's hash, or (``views``) what the pages read: the active-batch views."""
    st.cache_resource.clear()  # release the app's handle on the file before opening it here
    con = connect(store)
    try:
        if not views:
            return table_hashes(con)
        return {v: repr(con.execute(f'SELECT count(*), coalesce(sum(hash(COLUMNS(*))), 0) FROM "{v}"').fetchone())
                for v in VIEWS}
    finally:
        con.close()


def unggah(at: AppTest, jenis: str, nama: str) -> AppTest:
    at.radio(key="jenis_unggah").set_value(jenis)
    at.run()
    at.file_uploader(key=f"berkas_{jenis}").set_value((nama, (UPLOAD / nama).read_bytes(), "text/csv"))
    at.run()
    assert not at.exception, at.exception
    return at


def test_terkunci_tanpa_akun(tulis_env: Path) -> None:
    at = buka("pages/unggah.py")
    teks = semua_teks(at)
    assert "Terkunci" in teks and "python -m tkpk add-user NAMA" in teks
    assert not at.text_input, "no login form when no account exists"
    assert not at.file_uploader


def test_sandi_salah_ditolak_benar_membuka(akun: str) -> None:
    at = buka("pages/unggah.py")
    assert not at.file_uploader
    masuk(at, akun, "bukan-sandinya-123")
    assert any("salah" in e.value for e in at.error)
    assert not at.file_uploader
    masuk(at, akun, SANDI)
    assert at.file_uploader, "right password unlocks the uploader"
    assert at.session_state["analis"] == akun
    assert "analis1" in semua_teks(at)


def test_berkas_buruk_ditolak_tanpa_menulis(akun: str, tulis_env: Path) -> None:
    sebelum = hashes(tulis_env)
    at = masuk(buka("pages/unggah.py"), akun, SANDI)
    unggah(at, "intervensi", "salah_angka_koma_ganda.csv")
    teks = semua_teks(at)
    assert "DITOLAK" in teks
    kotak = [e.value for e in at.error if "DITOLAK" in e.value]
    assert len(kotak) == 1 and kotak[0].count("DITOLAK") == 1, kotak  # said once, not twice in one box
    assert "Baris " in teks and ", kolom " in teks
    assert not [b for b in at.button if "Simpan" in b.label]
    assert hashes(tulis_env) == sebelum


def test_pratinjau_simpan_riwayat_batal(akun: str, tulis_env: Path) -> None:
    sebelum = hashes(tulis_env, views=True)
    at = masuk(buka("pages/unggah.py"), akun, SANDI)
    unggah(at, "intervensi", "baik_intervensi_koma.csv")
    assert not [e for e in at.error], [e.value for e in at.error]
    labels = [m.label for m in at.metric]
    assert labels == ["Baris baru", "Baris berubah", "Baris sama"]
    assert int(at.metric[0].value) > 0
    simpan = [b for b in at.button if "Simpan" in b.label]
    assert simpan
    simpan[0].click()
    at.run()
    assert not at.exception, at.exception
    ok = [s.value for s in at.success]
    assert ok and "batch" in ok[0]
    bid = int(ok[0].split("batch ")[1].split("*")[0])
    assert hashes(tulis_env, views=True)["v_intervensi"] != sebelum["v_intervensi"]

    # the same file again: no change, nothing to save
    unggah(at, "intervensi", "baik_intervensi_koma.csv")
    assert "tidak ada perubahan" in semua_teks(at).lower()
    assert not [b for b in at.button if "Simpan" in b.label]

    # history (same session: still logged in) lists the batch; roll it back with a reason
    at.switch_page("pages/riwayat.py")
    at.run()
    assert not at.exception, at.exception
    daftar = at.dataframe[0].value
    baris = daftar[daftar["Batch"] == bid]
    assert list(baris["Oleh"]) == [akun] and list(baris["Status"]) == ["aktif"]
    at.selectbox(key="riwayat_batch").set_value(bid)
    at.run()
    tombol = next(b for b in at.button if b.label == f"Batalkan batch {bid}")
    assert tombol.disabled, "needs a reason and the confirmation"
    # the preview of what the rollback changes, cell by cell, before anything is confirmed
    teks = semua_teks(at)
    assert f"Membatalkan batch {bid}" in teks and "sel" in teks
    pratinjau = [df.value for df in at.dataframe if "Lama → baru" in df.value.columns]
    assert pratinjau and len(pratinjau[0]) > 0 and any("→ (kosong)" in x for x in pratinjau[0]["Lama → baru"])
    at.text_input(key=f"alasan_{bid}").set_value("uji pembatalan")
    at.checkbox(key=f"yakin_{bid}").check()
    at.run()
    next(b for b in at.button if b.label == f"Batalkan batch {bid}").click()
    at.run()
    assert not at.exception, at.exception
    assert any(f"Batch {bid} dibatalkan" in s.value for s in at.success)
    assert "uji pembatalan" in semua_teks(at)
    # rollback restores exactly what every page reads (the batch's rows stay, marked dibatalkan)
    assert hashes(tulis_env, views=True) == sebelum


def test_riwayat_publik_tanpa_tombol_batal(tulis_env: Path) -> None:
    at = buka("pages/riwayat.py")
    assert at.dataframe, "history is visible without login"
    assert not [b for b in at.button if b.label.startswith("Batalkan batch")]
    # the batch list is public, a batch's raw rows (unprotected desa counts) are not
    assert len(at.dataframe) == 1 and not [s for s in at.selectbox if s.label == "Lihat baris batch"]
    assert "hanya untuk analis" in " ".join(i.value for i in at.info)


def test_pratinjau_menyebut_kolom_berskala_dan_nama_mirip(akun: str, tulis_env: Path) -> None:
    """Issue 13: the preview says which columns were read in another unit, and names programs close to stored ones
    (as plain text: the names come from the file)."""
    at = masuk(buka("pages/unggah.py"), akun, SANDI)
    unggah(at, "bps", "baik_bps_tabel_ribu_jiwa.csv")
    teks = semua_teks(at)
    assert 'Kolom "Jumlah Penduduk Miskin (Ribu Jiwa)" dibaca dalam ribu jiwa, dikali 1.000' in \
        "\n".join(str(t.value) for t in at.text)
    ubah = next(df.value for df in at.dataframe if "Lama → baru" in df.value.columns)
    assert "14.461 → 14.460" in list(ubah["Lama → baru"]), teks
    unggah(at, "intervensi", "kasus/zakat_a.csv")
    next(b for b in at.button if "Simpan" in b.label).click()
    at.run()
    unggah(at, "intervensi", "kasus/zakat_mirip.csv")
    mirip = [str(t.value) for t in at.text if "mirip dengan" in str(t.value)]
    assert mirip and '"Zakat produktif"' in mirip[0]


@pytest.mark.lambat  # ~25 s: upload, then the pillar page on a fresh store
def test_rencana_aksi_diunggah_dan_tampil_di_kinerja_pilar(akun: str, tulis_env: Path) -> None:
    """Issue 18: action plans go through the same upload page (kind, template, preview, one save), and the plan
    reaches the plan-against-delivery section of Kinerja pilar."""
    at = masuk(buka("pages/unggah.py"), akun, SANDI)
    unggah(at, "rencana", "rencana/baik_rencana.csv")
    assert not at.error, [e.value for e in at.error]
    assert int(at.metric[0].value) == 3  # three new plan rows
    next(b for b in at.button if "Simpan" in b.label).click()
    at.run()
    assert not at.exception and [s.value for s in at.success if "batch" in s.value]
    p = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    p.query_params["bagian"] = "Rencana aksi"  # the plan-against-delivery tab
    p.run()
    p.switch_page("pages/pilar.py")
    p.run()
    next(s for s in p.selectbox if s.label == "Pilar").set_value(2)
    p.run()
    next(s for s in p.selectbox if s.label == "Tahun").set_value(2025)
    p.run()
    assert not p.exception, p.exception
    rencana = next(df.value for df in p.dataframe if "Program" in df.value.columns and "Status" in df.value.columns
                   and df.value["Status"].astype(str).str.contains("progres|rencana|tercapai|tertinggal|melapor").any())
    baris = rencana[rencana["Program"] == "Bedah rumah (RTLH)"]
    # the page judges as of today: once 2025's Q4 deadline (15 January 2026) has passed, a plan never reported is
    # "tidak melapor" rather than "belum ada progres"
    harap = "Tidak melapor" if date.today() > date(2026, 1, 15) else "Belum ada progres"
    assert len(baris) == 1 and harap in str(baris.iloc[0]["Status"]), rencana.to_string()
