"""Pocket rules on hand-made places: count × share quadrant, deprivation score, Local Moran's I on a grid."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from tkpk.peta.kantong import (
    AturanKantong,
    AturanMoran,
    deskripsi_aturan,
    kantong_jumlah_persen,
)
from tkpk.peta.moran import kantong_moran
from tkpk.peta.perubahan import bandingkan_kantong

K3 = AturanKantong(k=3)


def _tempat() -> pd.DataFrame:
    """Ten kecamatan-like places; share and count deliberately disagree for some of them."""
    return pd.DataFrame({
        "kode": [f"63.03.{i:02d}" for i in range(1, 11)],
        "nama": ["Kecil Miskin", "Besar Miskin", "Besar Sedang", "A", "B", "C", "D", "E", "F", "Besar Miskin 2"],
        "persen_jiwa_desil_1_4": [12.0, 9.8, 3.0, 1.0, 1.5, 2.0, 2.5, 3.5, 4.0, 9.0],
        "jiwa_desil_1_4": [40, 612, 900, 50, 60, 70, 80, 90, 100, 500],
        "penduduk": [333, 6245, 30000, 5000, 4000, 3500, 3200, 2571, 2500, 5556],
        "rtlh": [5, 140, 30, 1, 2, 3, 4, 5, 6, 200],
    })


def test_top_share_but_small_count_is_not_a_pocket_by_default():
    h = kantong_jumlah_persen(_tempat())
    t = h.tabel.set_index("kode")
    assert t.loc["63.03.01", "atas_persen"] and not t.loc["63.03.01", "atas_jumlah"]
    assert not t.loc["63.03.01", "termasuk_kantong"] and t.loc["63.03.01", "jenis"] is None
    assert t.loc["63.03.01", "alasan"].startswith("bukan kantong: jumlah di bawah kelas teratas")
    # Many poor people but a low share is not a pocket either.
    assert t.loc["63.03.03", "atas_jumlah"] and not t.loc["63.03.03", "termasuk_kantong"]


def test_top_in_both_is_a_pocket_with_plain_reasons():
    h = kantong_jumlah_persen(_tempat(), K3)
    assert h.kode_kantong == ["63.03.02", "63.03.10"]
    baris = h.tabel.set_index("kode").loc["63.03.02"]
    assert baris["jenis"] == "kantong" and baris["peringkat"] == 1
    # Kabupaten share pooled from the same register counts (2.502 / 62.905), not the BPS P0.
    assert h.nilai_kabupaten == pytest.approx(100 * 2502 / 62905)
    assert baris["alasan"] == "% penduduk desil 1–4 9,8% (kabupaten 4,0%); 612 jiwa desil 1–4"
    # Quantile breaks at the 66,7th percentile of each column: pocket iff persen > 4 and jumlah > 100.
    assert h.ambang_persen == pytest.approx(4.0) and h.ambang_jumlah == pytest.approx(100)
    assert h.tabel["peringkat"].isna().sum() == 8
    assert "di atas 4,0%" in deskripsi_aturan(hasil=h) and "di atas 100 jiwa" in deskripsi_aturan(hasil=h)


def test_deprivation_weights_rank_and_optionally_qualify():
    aturan = AturanKantong(k=3, bobot={"rtlh": 3.0})
    h = kantong_jumlah_persen(_tempat(), aturan, nilai_kabupaten=2.4)
    k = h.kantong()
    assert k["kode"].tolist() == ["63.03.10", "63.03.02"]  # more RTLH ranks higher under this weight
    assert "200 RTLH" in k.loc[0, "alasan"] and "(kabupaten 2,4%)" in k.loc[0, "alasan"]
    assert "skor komposit" in k.loc[0, "alasan"]
    lolos = kantong_jumlah_persen(_tempat(), AturanKantong(k=3, bobot={"rtlh": 3.0}, ambang_skor=70))
    extra = set(lolos.kode_kantong) - set(h.kode_kantong)
    # 63.03.03: persen rank 0,5, jumlah 1,0, RTLH 0,8 → (0,5 + 1,0 + 3 × 0,8) / 5 = 78 ≥ 70.
    assert extra == {"63.03.03"}
    assert "lolos karena skor ≥ 70,0" in lolos.tabel.set_index("kode").loc["63.03.03", "alasan"]
    assert "RTLH" in deskripsi_aturan(aturan) and "× 3,0" in deskripsi_aturan(aturan)


def test_missing_values_are_never_pockets():
    d = _tempat()
    d.loc[1, "persen_jiwa_desil_1_4"] = np.nan
    t = kantong_jumlah_persen(d).tabel.set_index("kode")
    assert not t.loc["63.03.02", "termasuk_kantong"] and t.loc["63.03.02", "alasan"].startswith("tidak ada data")


def test_same_inputs_same_pockets_regardless_of_row_order():
    a = kantong_jumlah_persen(_tempat())
    b = kantong_jumlah_persen(_tempat().sample(frac=1, random_state=3))
    pd.testing.assert_frame_equal(a.tabel, b.tabel)


def test_kk_desil_count_and_description_quote_thresholds():
    d = _tempat().assign(kk_desil_1=lambda x: x["jiwa_desil_1_4"] // 4)
    h = kantong_jumlah_persen(d, AturanKantong(kolom_jumlah="kk_desil_1", skema="natural_breaks", k=3))
    teks = deskripsi_aturan(hasil=h)
    assert "kelas teratas" in teks and "KK" in teks and "natural breaks" in teks
    assert "bukan angka BPS" in teks


X0, Y0, SISI = 115.0, -3.3, 0.01  # a 5 × 5 grid of ~1,1 km cells in Banjar (UTM 50S is where distances are metres)


def _kotak(r: float, c: float, sisi: float = SISI):
    return box(X0 + c * sisi, Y0 - r * sisi, X0 + (c + 1) * sisi, Y0 - (r - 1) * sisi)


def _grid() -> gpd.GeoDataFrame:
    """5 × 5 boxes. High block in the top-left corner; one high cell (4, 4) among the lowest values."""
    rng = np.random.default_rng(1)
    v = 3.0 + rng.uniform(-0.5, 0.5, (5, 5))
    for r, c in [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (2, 0), (2, 1)]:
        v[r, c] = 10 + 0.1 * (r + c)
    v[4, 4] = 10.0
    for r, c in [(3, 3), (3, 4), (4, 3)]:
        v[r, c] = 0.5 + 0.1 * r
    rows = [{"kode": f"63.03.{r}{c}", "nama": f"B{r}K{c}", "persen_jiwa_desil_1_4": v[r, c], "geometry": _kotak(r, c)}
            for r in range(5) for c in range(5)]
    return gpd.GeoDataFrame(rows, crs="EPSG:4326")


BLOK = {"63.03.00", "63.03.01", "63.03.02", "63.03.10", "63.03.11", "63.03.12", "63.03.20", "63.03.21"}
TANPA_KOREKSI = AturanMoran(koreksi="tanpa")


def test_moran_finds_the_known_high_high_cluster_and_the_isolated_cell():
    h = kantong_moran(_grid(), TANPA_KOREKSI)
    t = h.tabel.set_index("kode")
    hh = set(t.index[t["jenis"] == "kantong"])
    assert {"63.03.00", "63.03.01", "63.03.10", "63.03.11"} <= hh <= BLOK
    assert t.loc["63.03.44", "jenis"] == "kantong terisolasi" and t.loc["63.03.44", "kuadran"] == "Tinggi-Rendah"
    assert t.loc["63.03.44", "p_sim"] < 0.05
    assert t["p_sim"].notna().all() and ((t["p_sim"] > 0) & (t["p_sim"] <= 1)).all()  # shown for every place
    assert "p = " in t.loc["63.03.00", "alasan"] and "Tinggi-Tinggi" in t.loc["63.03.00", "alasan"]
    assert t.loc["63.03.33", "kuadran"] == "Rendah-Rendah" or not t.loc["63.03.33", "termasuk_kantong"]
    assert t["peringkat"].notna().sum() == len(hh) + 1


def test_fdr_correction_is_on_by_default_and_only_removes_places():
    mentah, fdr = kantong_moran(_grid(), TANPA_KOREKSI), kantong_moran(_grid())
    assert fdr.aturan.koreksi == "fdr" and fdr.aturan.permutasi >= 9999
    assert set(fdr.kode_kantong) <= set(mentah.kode_kantong)
    u = fdr.uji
    assert u is not None and u.jumlah_diuji == 25 and u.signifikan <= u.signifikan_mentah
    assert u.signifikan_mentah == mentah.uji.signifikan_mentah == int((mentah.tabel["p_sim"] < 0.05).sum())
    # the Benjamini–Hochberg cut-off, worked by hand from the p-values: largest k with p_(k) < k·α/n
    p = np.sort(fdr.tabel["p_sim"].to_numpy())
    k = max([i + 1 for i in range(len(p)) if p[i] < (i + 1) * 0.05 / len(p)], default=0)
    assert u.signifikan == k and int(fdr.tabel["signifikan"].sum()) == k
    teks = deskripsi_aturan(hasil=fdr)
    assert f"{u.signifikan_mentah} dari 25 wilayah signifikan sebelum koreksi, {u.signifikan} setelah" in teks
    assert "9.999 permutasi" in teks and "1,0 m" in teks and "EPSG:32750" in teks


def test_moran_is_reproducible_and_threshold_matters():
    a, b = kantong_moran(_grid(), TANPA_KOREKSI), kantong_moran(_grid().iloc[::-1], TANPA_KOREKSI)
    pd.testing.assert_frame_equal(a.tabel, b.tabel)
    ketat = kantong_moran(_grid(), AturanMoran(alpha=0.001, koreksi="tanpa"))
    assert set(ketat.kode_kantong) < set(a.kode_kantong)


def test_fuzzy_contiguity_joins_outlines_that_leave_a_sliver():
    """Two cells 0,5 m apart (a digitising gap) are neighbours within the 1 m tolerance, not with Queen."""
    from tkpk.peta.moran import tetangga

    celah = 0.5 / 111_000  # about half a metre in degrees
    g = gpd.GeoDataFrame(geometry=[box(X0, Y0, X0 + SISI, Y0 + SISI),
                                   box(X0 + SISI + celah, Y0, X0 + 2 * SISI, Y0 + SISI)], crs="EPSG:4326")
    assert tetangga(g, AturanMoran()).neighbors[0] == [1]
    assert tetangga(g, AturanMoran(toleransi_m=0)).neighbors[0] == []


def test_empirical_bayes_option_uses_counts():
    g = _grid().assign(penduduk=1000)
    g["jiwa_desil_1_4"] = (g["persen_jiwa_desil_1_4"] * 10).round()
    g["persen_jiwa_desil_1_4"] = 100 * g["jiwa_desil_1_4"] / g["penduduk"]
    eb = kantong_moran(g, AturanMoran(laju="eb", koreksi="tanpa"))
    assert "63.03.00" in eb.kode_kantong and "empiris Bayes" in deskripsi_aturan(eb.aturan)
    with pytest.raises(ValueError):
        kantong_moran(g, AturanMoran(kolom_persen="jiwa_desil_1_4", laju="eb"))


def test_moran_islands_and_missing_values():
    g = _grid()
    g.loc[g["kode"] == "63.03.22", "persen_jiwa_desil_1_4"] = np.nan
    pulau = gpd.GeoDataFrame([{"kode": "63.03.99", "nama": "Pulau", "persen_jiwa_desil_1_4": 30.0,
                               "geometry": _kotak(-20, 20)}], crs="EPSG:4326")
    h = kantong_moran(pd.concat([g, pulau], ignore_index=True))
    t = h.tabel.set_index("kode")
    assert t.loc["63.03.99", "kuadran"] == "tanpa tetangga" and not t.loc["63.03.99", "termasuk_kantong"]
    assert np.isnan(t.loc["63.03.99", "p_sim"]) and t.loc["63.03.99", "jumlah_tetangga"] == 0
    assert t.loc["63.03.22", "kuadran"] == "tidak ada data" and not t.loc["63.03.22", "termasuk_kantong"]
    assert h.catatan and "tanpa tetangga" in h.catatan


def test_entered_and_left_between_years():
    lama = kantong_jumlah_persen(_tempat(), K3)
    d = _tempat()
    d.loc[d["kode"] == "63.03.10", "persen_jiwa_desil_1_4"] = 2.0  # no longer a pocket
    d.loc[d["kode"] == "63.03.03", "persen_jiwa_desil_1_4"] = 15.0  # becomes one
    baru = kantong_jumlah_persen(d, K3)
    p = bandingkan_kantong(lama, baru)
    assert p.masuk == ["63.03.03"] and p.keluar == ["63.03.10"] and p.tetap == ["63.03.02"]
    assert set(p.tabel["status"]) == {"masuk", "keluar", "tetap"}
    assert p.ringkasan() == "1 wilayah masuk daftar kantong, 1 keluar, 1 tetap."
    assert bandingkan_kantong(lama, lama).masuk == []
