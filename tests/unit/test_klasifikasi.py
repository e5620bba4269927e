"""Classification for the map: known breaks per scheme, missing values, id-ID labels, palette direction."""

import math

import numpy as np
import pandas as pd
import pytest

from tkpk.peta.klasifikasi import TIDAK_ADA_DATA, WARNA_TANPA_DATA, klasifikasi, nama_skema, palet

SERI = pd.Series(np.arange(1, 11) + 0.5)  # 1,5 … 10,5


def test_quantile_known_breaks():
    k = klasifikasi(SERI, "quantile", 5)
    assert k.batas == pytest.approx([3.3, 5.1, 6.9, 8.7, 10.5])
    assert k.jumlah == (2, 2, 2, 2, 2)
    assert k.label == ("1,5 – 3,3", "3,3 – 5,1", "5,1 – 6,9", "6,9 – 8,7", "8,7 – 10,5")


def test_natural_breaks_finds_the_gaps():
    k = klasifikasi(pd.Series([1.2, 2.0, 3.1, 10.0, 11.0, 12.5, 20.0, 21.0, 22.4]), "natural_breaks", 3)
    assert k.batas == pytest.approx([3.1, 12.5, 22.4])
    assert k.kelas.tolist() == [0, 0, 0, 1, 1, 1, 2, 2, 2]
    assert klasifikasi(pd.Series([1, 2, 3, 10, 11, 12, 20, 21, 22]), "jenks", 3).label == ("1 – 3", "4 – 12", "13 – 22")


def test_equal_interval_known_breaks():
    k = klasifikasi(pd.Series(np.arange(0.0, 10.5, 0.5)), "equal_interval", 4)
    assert k.batas == pytest.approx([2.5, 5.0, 7.5, 10.0])
    assert k.label == ("0,0 – 2,5", "2,5 – 5,0", "5,0 – 7,5", "7,5 – 10,0")


def test_value_on_a_break_goes_to_the_lower_class():
    k = klasifikasi(pd.Series([1.0, 2.0, 2.0, 5.0, 9.0]), "fixed", 4, batas=[2, 5, 8])
    assert k.kelas.tolist() == [0, 0, 0, 1, 3]


def test_fixed_thresholds_labels_and_unsorted_input():
    k = klasifikasi(pd.Series([0.5, 3.0, 7.5, 12000.25]), "tetap", 3, batas=[10, 2.5, 5])
    assert k.k == 4 and k.batas[:3] == (2.5, 5.0, 10.0) and math.isinf(k.batas[3])
    assert k.label == ("≤ 2,5", "2,5 – 5,0", "5,0 – 10,0", "> 10,0")
    assert k.kelas.tolist() == [0, 1, 2, 3]
    with pytest.raises(ValueError):
        klasifikasi(SERI, "fixed", 5, batas=None)
    with pytest.raises(ValueError):
        klasifikasi(SERI, "fixed", 5, batas=[1])  # would give 2 classes


def test_nan_stays_unclassified_and_index_is_kept():
    s = pd.Series([1.0, None, 3.0, float("nan"), 5.0, 7.0], index=list("abcdef"))
    k = klasifikasi(s, "quantile", 3)
    assert k.kelas.isna().tolist() == [False, True, False, True, False, False]
    assert list(k.kelas.index) == list("abcdef")
    assert k.label_per_baris()["b"] == TIDAK_ADA_DATA
    assert k.warna_per_baris()["d"] == WARNA_TANPA_DATA
    leg = k.legenda()
    assert leg.iloc[-1]["label"] == TIDAK_ADA_DATA and leg.iloc[-1]["jumlah"] == 2
    assert sum(k.jumlah) == 4
    domain, rentang = k.domain_warna()
    assert domain[-1] == TIDAK_ADA_DATA and rentang[-1] == WARNA_TANPA_DATA and len(domain) == k.k + 1


def test_all_missing_gives_no_classes():
    k = klasifikasi(pd.Series([None, None], dtype="float64"), "quantile", 5)
    assert k.k == 0 and k.kelas.isna().all() and k.kelas_terburuk is None and k.catatan


def test_fewer_distinct_values_than_classes():
    k = klasifikasi(pd.Series([1.5, 1.5, 2.5, None]), "quantile", 5)
    assert k.k == 2 and k.label == ("1,5", "2,5") and k.kelas.tolist()[:3] == [0, 0, 1]
    assert "2 nilai berbeda" in k.catatan
    assert klasifikasi(pd.Series([4.0]), "natural_breaks", 3).k == 1


def test_many_ties_merge_classes_without_empty_duplicates():
    k = klasifikasi(pd.Series([0] * 12 + [1, 2, 3, 4, 5, 6, 7, 8]), "quantile", 5)
    assert len(set(k.batas)) == k.k and all(n > 0 for n in k.jumlah)
    assert k.kelas.max() == k.k - 1


def test_integer_counts_read_without_overlap_and_with_dot_thousands():
    k = klasifikasi(pd.Series([120, 950, 1200, 4800, 15000, 23000]), "fixed", 3, batas=[1000, 10000])
    assert k.label == ("≤ 1.000", "1.000 – 10.000", "> 10.000")
    q = klasifikasi(pd.Series([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), "quantile", 3)
    assert q.label == ("1 – 4", "5 – 7", "8 – 10")  # breaks 4 and 7: (4, 7] holds 5, 6, 7
    big = klasifikasi(pd.Series([1234.5, 2000.25, 5000.75, 9999.5]), "equal_interval", 3)
    assert big.label[0].startswith("1.234,5 – ")


def test_labels_get_enough_decimals_to_differ():
    k = klasifikasi(pd.Series([0.01, 0.02, 0.03, 0.04, 0.05, 0.06]), "quantile", 3)
    assert len(set(k.label)) == 3 and all("," in x for x in k.label)


def test_deterministic():
    rng = np.random.default_rng(7)
    s = pd.Series(rng.gamma(2.0, 2.0, 290))
    for skema in ("quantile", "natural_breaks", "equal_interval"):
        a, b = klasifikasi(s, skema, 6), klasifikasi(s.copy(), skema, 6)
        assert a.batas == b.batas and a.label == b.label and a.kelas.equals(b.kelas)


def test_k_out_of_range_and_unknown_scheme():
    with pytest.raises(ValueError):
        klasifikasi(SERI, "quantile", 2)
    with pytest.raises(ValueError):
        klasifikasi(SERI, "quantile", 8)
    with pytest.raises(ValueError):
        nama_skema("acak")


def test_palette_darker_is_worse_and_reverses_for_higher_is_better():
    for k in range(3, 8):
        p = palet(k)
        assert len(p) == k == len(set(p))
        terang = [sum(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in p]
        assert terang == sorted(terang, reverse=True)  # darker as the class rises
        assert palet(k, lebih_tinggi_lebih_buruk=False) == tuple(reversed(p))
    buruk = klasifikasi(SERI, "quantile", 5)
    baik = klasifikasi(SERI, "quantile", 5, lebih_tinggi_lebih_buruk=False)
    assert buruk.kelas_terburuk == 4 and baik.kelas_terburuk == 0
    assert baik.warna[0] == buruk.warna[-1]  # the lowest values carry the darkest colour
    assert baik.batas == buruk.batas  # only the colours flip, never the classes
