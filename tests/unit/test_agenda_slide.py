"""What the rakor slides show, moved out of the page (tkpk.rakor.slide, tkpk.rakor.agenda, tkpk.fmt): the BPS year
fallback, the tiles per projector size, the lists, the footers, the settings' names."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from tkpk import fmt
from tkpk.mutu_sumber import PENANDA
from tkpk.pilar import tabel as kt
from tkpk.rakor import agenda as ag
from tkpk.rakor import slide as sl

A1080 = ag.Agenda(ag.BAWAAN, 2024)
A720 = ag.Agenda(ag.BAWAAN, 2024, layar=720)


def _seri(tahun: list[int]) -> pd.DataFrame:
    return pd.DataFrame({"kode_wilayah": ["63.03"] * len(tahun), "tahun": tahun})


def test_bps_year_is_the_newest_not_after_the_agenda_year_else_the_newest(monkeypatch):
    monkeypatch.setattr(sl, "tahun_tersedia", lambda seri: sorted(seri["tahun"], reverse=True))
    assert sl.tahun_bps(_seri([2021, 2022, 2023]), 2022) == 2022
    assert sl.tahun_bps(_seri([2021, 2022, 2023]), 2030) == 2023
    assert sl.tahun_bps(_seri([2023, 2024]), 2020) == 2024  # program year before any BPS year: the newest


def test_metric_delta_uses_an_ascii_minus_for_streamlits_arrow():
    assert fmt.delta_metrik(-0.08) == "-0,08 poin"
    assert fmt.delta_metrik(0.5) == "+0,50 poin"
    assert fmt.delta_metrik(None) is None


def _headline(**ubah: object) -> SimpleNamespace:
    h = dict(tahun=2024, p0=2.36, perubahan_poin=-0.08, penduduk_miskin=14550.0, garis_kemiskinan=589164.0,
             peringkat=2, peringkat_singkat="2 dari 13", penanda="", penanda_figur=lambda f: "◆")
    h.update(ubah)
    return SimpleNamespace(**h)


def test_headline_tiles_keep_units_in_values_at_1080_and_in_labels_at_720():
    besar = sl.ubin_angka_utama(_headline(), A1080)
    assert [u.label for u in besar] == ["P0 2024", "◆ Penduduk miskin", "◆ Garis kemiskinan", "Peringkat Kalsel"]
    assert [u.nilai for u in besar] == ["2,36%", "14.550 jiwa", "Rp589.164", "2 dari 13"]
    assert besar[0].delta == "-0,08 poin" and besar[2].bantuan is None
    kecil = sl.ubin_angka_utama(_headline(), A720)
    assert [u.label for u in kecil][1:3] == ["◆ Penduduk miskin (jiwa)", "◆ Garis kemiskinan (Rp)"]
    assert [u.nilai for u in kecil][1:3] == ["14.550", "589.164"]
    assert kecil[2].bantuan == "Rupiah per kapita per bulan."


def test_headline_rank_tile_says_dash_without_enough_comparators():
    assert sl.ubin_angka_utama(_headline(peringkat=None), A1080)[3].nilai == "–"


def test_headline_footer_names_the_tiles_own_sources_and_markers():
    h = SimpleNamespace(jenis=lambda f: "media_bps" if f == "penduduk_miskin" else "bps", p0=2.36, penduduk_miskin=1.0,
                        garis_kemiskinan=None, sumber_teks="BPS Kalsel 2025", tahun=2024,
                        sumber_lain=[(["penduduk_miskin", "p1"], "Banjarmasin Post", "media_bps"),
                                     (["p1"], "lain", "media_bps")])
    s = SimpleNamespace(data=pd.DataFrame({"nilai": [1.0, None], "jenis_sumber": ["bps", "kutipan_pejabat"]}))
    teks = sl.kaki_angka_utama(h, s)
    assert teks.startswith("BPS Kalsel 2025 (2024); penduduk miskin: ")
    assert "Banjarmasin Post" in teks and "lain" not in teks.split("Post")[1]
    assert teks.endswith("sumber tiap tahun di halaman Tren") and f"{PENANDA['media_bps']} = " in teks
    assert PENANDA["kutipan_pejabat"] not in teks  # a marker of a year without a value is not explained


def _bahan(n: int) -> SimpleNamespace:
    kode = [f"63.03.01.20{i:02d}" for i in range(n)]
    kantong = pd.DataFrame({"peringkat": range(1, n + 1), "nama": [f"Desa {i}" for i in range(n)], "kode": kode,
                            "persen": [40.123] * n, "jumlah": [1234.0] * n})
    sasaran = SimpleNamespace(
        tabel=pd.DataFrame({"kode": kode, "nama": kantong["nama"], "termasuk_kantong": [True] * (n - 1) + [False],
                            "intervensi_per_1000": [float(n - i) for i in range(n)], "kebutuhan": [100.0] * n,
                            "jumlah_intervensi": [2] * n, "belum_tersentuh": [i % 2 == 0 for i in range(n)]}),
        fraksi_median=0.25, ambang_rasio=1.5)
    return SimpleNamespace(kantong_desa=SimpleNamespace(kantong=lambda: kantong, ambang_persen=30.5, ambang_jumlah=900),
                           desa=pd.DataFrame({"kode": kode, "nama_kecamatan": ["Aluh Aluh"] * n}), sasaran=sasaran,
                           tahun=2024)


def test_pocket_list_holds_nine_rows_at_1080_five_at_720_and_counts_the_rest():
    daftar, sisa = sl.daftar_kantong(_bahan(12), A1080)
    assert len(daftar) == 9 and sisa == 3
    assert daftar.iloc[0].tolist() == [1, "Desa 0", "Aluh Aluh", "40,1%", "1.234"]
    daftar, sisa = sl.daftar_kantong(_bahan(12), A720)
    assert len(daftar) == 5 and sisa == 7
    assert sl.daftar_kantong(_bahan(4), A1080)[1] == 0
    assert sl.teks_aturan_kantong(_bahan(1)).endswith("(di atas 30,5% dan 900 jiwa).")


def test_untouched_list_sorts_pockets_by_interventions_per_need():
    daftar = sl.daftar_tersentuh(_bahan(12), A720)
    assert len(daftar) == 6 and "Desa 11" not in set(daftar["Desa kantong"])  # not a pocket
    assert daftar["Per 1.000 jiwa"].tolist()[0] == "2,0"
    assert set(daftar["Status"]) == {"■ BELUM TERSENTUH", "tersentuh"}
    assert len(sl.daftar_tersentuh(_bahan(12), A1080)) == 10
    assert sl.teks_belum_tersentuh(_bahan(1).sasaran) == (
        "Belum tersentuh = kantong tanpa intervensi, atau di bawah 25% median (1,50 intervensi per 1.000 jiwa "
        "desil 1–4).")


def test_pillar_tiles_and_chart_height_per_projector():
    r = pd.Series({"pagu": 27_900_000_000.0, "serapan_pct": 81.25, "capaian_pct": 70.0, "opd_melapor": 5,
                   "opd_diharapkan": 6})
    assert [u.nilai for u in sl.ubin_pilar(r, A1080)] == ["Rp27,9 miliar", "81,2%", "70,0%", "5 dari 6"]
    assert sl.ubin_pilar(r, A720)[0].nilai == "Rp27,9 M"
    assert sl.tinggi_titik_opd(A1080, True) == round(1080 * 0.42)
    assert (sl.tinggi_titik_opd(A720, True), sl.tinggi_titik_opd(A720, False)) == (round(720 * 0.22), 216)


def test_settings_names():
    assert [ag.nama_jeda(j) for j in (0, 30)] == ["tidak", "setiap 30 detik"]
    assert [ag.nama_layar(h) for h in ag.LAYAR] == ["1920×1080", "1280×720"]


def test_pillar_page_period_names_and_location_line():
    assert [kt.nama_periode(t) for t in (0, 2)] == ["Tahunan (laporan terakhir)", "Triwulan 2"]
    lokasi = pd.DataFrame({"Kecamatan": ["A", "A", "B"], "Di kantong kemiskinan": ["Ya", "", "Ya"]})
    assert kt.teks_lokasi("Bedah *rumah*", lokasi).startswith(
        "**Bedah \\*rumah\\*** menjangkau **3 lokasi** di 2 kecamatan; 2 di kantong kemiskinan.")
