"""Peta kantong kemiskinan through AppTest on the bundled store: both levels × every classification (fixed
thresholds typed in) × both pocket rules run; a place chosen from the list or clicked on the map (selection
injected into session_state) opens its profile; ?tempat= opens Paramasan; the URL restores the view."""

from __future__ import annotations

import csv
import json
import re

import pytest

from tests.conftest import ROOT
from tkpk.charts.geodata import fitur_dari
from tkpk.charts.idm import WARNA_IDM
from tkpk.charts.peta import PILIH
from tkpk.peta import data as tp
from tkpk.peta import teks as tx
from tkpk.toko.db import connect


def _teks(at) -> str:
    bagian = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.value for e in at.error]
    bagian += [i.value for i in at.info] + [w.value for w in at.warning] + [h.value for h in at.header]
    bagian += [s.value for s in at.success]
    return "\n".join(bagian)


def _specs(at) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("vega_lite_chart")]


def _ok(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


KANTONG, SASARAN = tx.BAGIAN[1], tx.BAGIAN[2]


def _tab(run_page, bagian: str, q: dict[str, str] | None = None):
    """The page opened on one of its tabs, as a shared link (``?bagian=``) opens it."""
    at = run_page("pages/peta.py", {**(q or {}), "bagian": bagian})
    _ok(at)
    return at


# Every classification once and each level twice (was the full 2 × 4 grid: the class breaks themselves are
# checked per scheme in tests/unit/test_klasifikasi.py, so the page needs each scheme drawn, not each pair).
@pytest.mark.parametrize(("tingkat", "skema"), [("kecamatan", "quantile"), ("desa", "natural_breaks"),
                                                ("desa", "equal_interval"), ("kecamatan", "fixed")])
def test_every_level_and_classification_runs(run_page, store_path, tingkat, skema):
    q = {"tingkat": tingkat, "tahun": "2024", "skema": skema}
    if skema == "fixed":
        q["ambang"] = "2; 3,5; 6"
    at = run_page("pages/peta.py", q)
    _ok(at)
    teks = _teks(at)
    assert "DATA CONTOH (sintetis)" in teks and "bukan persentase penduduk miskin (P0) BPS" in teks
    assert "persen miskin" not in teks.lower()  # a register share is never called "persen miskin" here
    specs = _specs(at)
    assert len(specs) == 1  # the map alone: the quadrant and the ratio map are on the other tabs
    peta = specs[0]
    domain = peta["layer"][0]["encoding"]["color"]["scale"]["domain"]
    if skema == "fixed":
        assert domain[:4] == ["≤ 2,0", "2,0 – 3,5", "3,5 – 6,0", "> 6,0"]
    assert len(fitur_dari(peta["layer"][0]["data"])) == (20 if tingkat == "kecamatan" else 290)
    assert peta["params"][0]["name"] == PILIH


def test_the_map_tab_draws_only_the_map_and_the_profile(run_page):
    """Issue 17: at first sight the browser lays out the map, not the pocket tables and the second map too."""
    at = run_page("pages/peta.py", {"tahun": "2024"})
    _ok(at)
    assert [t.label for t in at.tabs] == list(tx.BAGIAN)
    assert [h.value for h in at.header] == ["Persentase penduduk desil 1–4 (DTSEN) per kecamatan, 2024"]
    assert not at.dataframe and not at.get("download_button")
    assert [s.value for s in at.subheader] == ["Profil wilayah"]


@pytest.mark.parametrize("tingkat", ["kecamatan", "desa"])
def test_pocket_and_targeting_tabs(run_page, tingkat):
    q = {"tingkat": tingkat, "tahun": "2024"}
    at = _tab(run_page, KANTONG, q)
    teks = _teks(at)
    assert "DATA CONTOH (sintetis)" in teks, "each tab says its data are sample data"
    nama = "desa/kelurahan" if tingkat == "desa" else "kecamatan"
    n = int(re.search(rf"Kantong kemiskinan 2024: (\d+) {nama}", teks).group(1))
    if n:  # the header's count is the pocket table's rows
        assert len(at.dataframe[0].value) == n
    assert len(_specs(at)) == 1 and _specs(at)[0]["description"].startswith("DATA CONTOH")  # the quadrant
    assert len(at.get("download_button")) >= 2  # the pocket table, CSV and XLSX
    at = _tab(run_page, SASARAN, q)
    teks = _teks(at)
    assert "DATA CONTOH (sintetis)" in teks
    assert "kantong belum tersentuh" in teks or "Semua" in teks or "Tidak ada kantong" in teks
    (rasio,) = _specs(at)
    assert len(fitur_dari(rasio["layer"][0]["data"])) == (20 if tingkat == "kecamatan" else 290)
    assert len(at.get("download_button")) >= 2  # the targeting table, CSV and XLSX


@pytest.mark.parametrize("tingkat", ["kecamatan", "desa"])
def test_moran_rule_shows_p_values(run_page, tingkat):
    at = _tab(run_page, KANTONG, {"tingkat": tingkat, "tahun": "2024", "aturan": "moran", "alpha": "0.05"})
    teks = _teks(at)
    assert "Local Moran" in teks and "9.999 permutasi" in teks and "EPSG:32750" in teks
    # the explanation says how many places are significant before and after the correction
    m = re.search(r"Signifikan sebelum koreksi: (\d+) dari (\d+) .*setelah koreksi FDR \(Benjamini–Hochberg\): "
                  r"(\d+)", teks)
    assert m and int(m.group(3)) <= int(m.group(1)) <= int(m.group(2)) == (20 if tingkat == "kecamatan" else 290)
    kolom = [str(df.value.columns.tolist()) for df in at.dataframe]
    assert any("Nilai p" in k and "Signifikan setelah koreksi" in k for k in kolom)


def test_moran_without_correction_and_with_empirical_bayes(run_page):
    at = _tab(run_page, KANTONG, {"tingkat": "desa", "tahun": "2024", "aturan": "moran", "koreksi": "tanpa",
                                  "laju": "eb"})
    teks = _teks(at)
    assert "tanpa koreksi uji berganda" in teks and "empiris Bayes" in teks


def test_empty_pocket_list_is_said_plainly(run_page):
    at = _tab(run_page, KANTONG, {"tingkat": "kecamatan", "tahun": "2024", "kk": "7"})
    teks = _teks(at)
    if "Kantong kemiskinan 2024: 0 kecamatan" in teks:
        assert "Tidak ada kecamatan yang memenuhi aturan ini pada 2024" in teks


def test_bad_thresholds_show_an_indonesian_error(run_page):
    at = run_page("pages/peta.py", {"tingkat": "kecamatan", "skema": "fixed", "ambang": "dua; 5"})
    _ok(at)
    assert any("Ambang tidak dapat dipakai" in e.value for e in at.error)


def test_tempat_link_opens_paramasan_profile(run_page):
    at = run_page("pages/peta.py", {"tempat": "63.03.17", "tahun": "2024"})
    _ok(at)
    assert "### Kecamatan Paramasan" in [m.value for m in at.markdown]
    assert at.selectbox(key="pilih_tempat").value == "63.03.17"
    teks = _teks(at)
    assert "Desa/kelurahan di Paramasan" in teks and "Intervensi OPD 2024 di sini" in teks
    assert at.query_params["tempat"] == ["63.03.17"] or at.query_params["tempat"] == "63.03.17"


def test_choosing_from_the_list_opens_profile_and_updates_url(run_page, store_path):
    con = connect(store_path)
    kode = sorted(tp.kantong_kode_tahun(con, 2024).kode)[0]
    nama, kec = con.execute("SELECT d.nama, k.nama FROM wilayah d JOIN wilayah k ON k.kode = d.kode_kec "
                            "WHERE d.kode = ?", [kode]).fetchone()
    con.close()
    at = run_page("pages/peta.py", {"tingkat": "desa", "tahun": "2024"})
    _ok(at)
    at.selectbox(key="pilih_tempat").set_value(kode).run()
    _ok(at)
    assert f"### {nama}, Kecamatan {kec}" in [m.value for m in at.markdown]
    assert any("Kantong kemiskinan" in e.value for e in at.error)  # it is a pocket, said with its reasons
    assert kode in str(at.query_params["tempat"])


def test_clicking_the_map_opens_profile(run_page):
    at = run_page("pages/peta.py", {"tingkat": "kecamatan", "tahun": "2024"})
    _ok(at)
    at.session_state["peta_utama"] = {"selection": {PILIH: [{"kode": "63.03.13"}]}}
    at.run()
    _ok(at)
    nama = [m.value for m in at.markdown if m.value.startswith("### ")]
    assert nama == ["### Kecamatan Beruntung Baru"]
    peta = _specs(at)[0]
    biru = [la for la in peta["layer"] if la.get("mark", {}).get("stroke") == "#0072B2"]
    assert biru and fitur_dari(biru[0]["data"])[0]["kode"] == "63.03.13"


def test_clicking_the_last_clicked_place_again_after_a_tab_switch_selects_it(run_page):
    """Review of the tabs: after another tab the map is drawn anew with nothing selected; a click on the place
    clicked before (the list having chosen another since) was taken for the old click and ignored."""
    at = run_page("pages/peta.py", {"tingkat": "kecamatan", "tahun": "2024"})
    at.session_state["peta_utama"] = {"selection": {PILIH: [{"kode": "63.03.14"}]}}  # Martapura Barat
    at.run()
    at.selectbox(key="pilih_tempat").set_value("63.03.03").run()  # Gambut, from the list
    at.session_state["bagian"] = KANTONG
    at.run()
    at.session_state["bagian"] = tx.BAGIAN[0]
    at.run()
    _ok(at)
    assert at.selectbox(key="pilih_tempat").value == "63.03.03"
    at.session_state["peta_utama"] = {"selection": {PILIH: [{"kode": "63.03.14"}]}}
    at.run()
    _ok(at)
    assert at.selectbox(key="pilih_tempat").value == "63.03.14"
    assert [m.value for m in at.markdown if m.value.startswith("### ")] == ["### Kecamatan Martapura Barat"]


def test_url_state_is_restored(run_page):
    q = {"tingkat": "desa", "indikator": "kk_desil_1", "tahun": "2022", "skema": "equal_interval", "k": "4",
         "aturan": "moran", "satuan": "KK"}
    at = _tab(run_page, SASARAN, q)
    assert at.selectbox(key="url_tingkat").value == "desa"
    assert at.selectbox(key="url_indikator").value == "kk_desil_1"
    assert at.selectbox(key="url_tahun").value == 2022
    assert at.selectbox(key="url_skema").value == "equal_interval"
    assert at.selectbox(key="url_k_desa").value == 4
    assert at.selectbox(key="url_aturan").value == "moran"
    assert at.selectbox(key="url_satuan").value == "KK"
    assert "Intervensi per 1.000 KK desil 1" in str([df.value.columns.tolist() for df in at.dataframe])
    at = run_page("pages/peta.py", q)
    assert "KK desil 1 (DTSEN) per desa, 2022" in _teks(at)


def _desa_idm_dari_sumber() -> set[tuple[str, str]]:
    """(kode_kec, name as written) of every desa the IDM 2021 rows of the source file name, read here directly."""
    out = set()
    with (ROOT / "data" / "banjar_kecamatan_kemiskinan.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["tahun"] == "2021" and r["level"] == "kecamatan" and r["rincian"].startswith("desa:"):
                nama = r["rincian"].split("[")[0].removeprefix("desa:").split(";")
                out |= {(r["kode_kec"], n.strip()) for n in nama if n.strip()}
    return out


@pytest.mark.parametrize("tingkat", ["kecamatan", "desa"])
def test_idm_overlay_marks_exactly_the_desa_the_source_names(run_page, store_path, tingkat):
    sumber = _desa_idm_dari_sumber()
    assert len(sumber) == 37
    at = run_page("pages/peta.py", {"tingkat": tingkat, "tahun": "2024", "indikator": "rtlh", "idm": "1"})
    _ok(at)
    peta = _specs(at)[0]
    garis = [la for la in peta["layer"] if isinstance(la.get("mark"), dict) and la["mark"].get("stroke") == WARNA_IDM]
    assert len(garis) == 1
    kode = {f["kode"] for f in fitur_dari(garis[0]["data"])}
    con = connect(store_path)
    nama = {k: (kk, n) for k, kk, n in con.execute("SELECT kode, kode_kec, nama FROM wilayah").fetchall()}
    con.close()
    ditandai = {nama[k] for k in kode}
    # the same 37 desa, matched by kecamatan and name (the one spelling the source writes differently aside)
    norm = {(kk, re.sub(r"[^a-z]", "", n.lower().replace("mengkauk", "mangkauk"))) for kk, n in sumber}
    assert {(kk, re.sub(r"[^a-z]", "", n.lower())) for kk, n in ditandai} == norm
    teks = _teks(at)
    assert "40 desa Tertinggal; sumber menyebut nama 37, 3 lainnya tidak diketahui dan tidak ditandai" in teks
    at2 = run_page("pages/peta.py", {"tingkat": tingkat, "tahun": "2024", "indikator": "rtlh"})
    assert not [la for la in _specs(at2)[0]["layer"] if isinstance(la.get("mark"), dict)
                and la["mark"].get("stroke") == WARNA_IDM]  # off unless asked


def test_profile_says_idm_status_where_true(run_page):
    at = run_page("pages/peta.py", {"tingkat": "desa", "tempat": "63.03.17.2004", "tahun": "2024"})  # Angkipih
    _ok(at)
    md = [m.value for m in at.markdown]
    assert "**IDM 2021: Tertinggal (Dinas PMD)**" in md
    at = run_page("pages/peta.py", {"tempat": "63.03.17", "tahun": "2024"})  # Paramasan
    md = [m.value for m in at.markdown]
    assert "**IDM 2021: 3 desa Tertinggal (Dinas PMD)**" in md
    assert "**IDM 2022: masih memiliki desa Tertinggal (Dinas PMD; jumlah tidak disebut)**" in md
    at = run_page("pages/peta.py", {"tingkat": "desa", "tempat": "63.03.17.2002", "tahun": "2024"})
    assert not any(m.value.startswith("**IDM") for m in at.markdown)  # not named: nothing is claimed


def test_default_indicator_is_named_for_what_it_is_with_its_definition_in_the_legend(run_page):
    at = run_page("pages/peta.py", {"tahun": "2024"})
    _ok(at)
    assert any(h.value.startswith("Persentase penduduk desil 1–4 (DTSEN) per kecamatan") for h in at.header)
    judul = _specs(at)[0]["layer"][0]["encoding"]["color"]["title"]
    assert judul[0] == "Persentase penduduk desil 1–4 (DTSEN) (%)" and "bukan angka BPS" in judul[-1]


def test_population_profile_marks_where_real_and_sample_years_meet(run_page):
    at = run_page("pages/peta.py", {"tempat": "63.03.01", "tahun": "2024", "indikator": "penduduk"})
    _ok(at)
    teks = _teks(at)
    assert "Garis ini menyambung angka nyata dan data contoh" in teks
    assert "angka nyata 2020–2021, DATA CONTOH (sintetis) 2018–2019, 2022–2025" in teks


def test_a_register_year_without_program_reports_is_not_called_untouched(run_page, store_path, tmp_path,
                                                                           monkeypatch):
    """A year with register-shaped figures but no program report yet (2025 once its sample reports are rolled
    back): no pocket may be called "belum tersentuh"."""
    import shutil

    import streamlit as st

    from tkpk.ingest import batalkan
    from tkpk.toko.db import connect

    salinan = tmp_path / "tanpa_laporan_2025.duckdb"
    shutil.copy(store_path, salinan)
    con = connect(salinan)
    for (bid,) in con.execute("SELECT DISTINCT batch_id FROM intervensi WHERE tahun = 2025").fetchall():
        batalkan(con, bid, "penguji", "tanpa laporan 2025")
    con.close()
    monkeypatch.setenv("TKPK_DB", str(salinan))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = _tab(run_page, SASARAN)
    at.selectbox(key="url_tahun").set_value(2025).run()
    _ok(at)
    assert not any("belum tersentuh" in e.value for e in at.error)
    assert any("Belum ada laporan program OPD untuk 2025" in i.value for i in at.info)
