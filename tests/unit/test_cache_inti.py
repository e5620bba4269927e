"""The core's caches: one bounded, thread-safe LRU (tkpk.toko.tahun.simpan) and the export maps' simplified
outlines (tkpk.charts.peta_cetak), bounded and keyed by content rather than by ``id()``."""

from __future__ import annotations

import sys
import threading
import time

import geopandas as gpd
import pytest
from shapely.geometry import box

from tkpk.charts import peta_cetak as ekspor_peta
from tkpk.toko import tahun as toko_tahun


@pytest.fixture
def cache_kosong(monkeypatch):
    monkeypatch.setattr(toko_tahun, "versi_data", lambda con: ("uji", 1))
    toko_tahun._CACHE.clear()
    yield
    toko_tahun._CACHE.clear()


def test_the_core_cache_keeps_at_most_its_bound_and_drops_the_oldest(cache_kosong):
    for i in range(toko_tahun._MAKS_CACHE + 10):
        assert toko_tahun.simpan(None, ("uji", i), lambda i=i: i * 2) == i * 2  # type: ignore[arg-type]
    assert len(toko_tahun._CACHE) == toko_tahun._MAKS_CACHE
    dipanggil = []
    toko_tahun.simpan(None, ("uji", 0), lambda: dipanggil.append(0) or 0)  # type: ignore[arg-type]
    assert dipanggil == [0], "the oldest entry was dropped"
    toko_tahun.simpan(None, ("uji", toko_tahun._MAKS_CACHE + 9), lambda: dipanggil.append(1) or 0)  # type: ignore[arg-type]
    assert dipanggil == [0], "the newest entry is kept"


class _Lambat:
    """A key part whose hashing lets other threads run, as a real key's hashing may (widening the race)."""

    def __init__(self, k: int) -> None:
        self.k = k

    def __hash__(self) -> int:
        time.sleep(0)
        return hash(self.k)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Lambat) and other.k == self.k


def test_the_core_cache_is_safe_when_sessions_share_it(cache_kosong, monkeypatch):
    """Every Streamlit session is a thread and they share the process-wide cache: hits and evictions at once
    must never raise (an unlocked OrderedDict raised KeyError from ``move_to_end`` or ``popitem``)."""
    lama = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    galat: list[BaseException] = []

    def kerja(n: int) -> None:
        try:
            for i in range(1500):
                k = (i * 7 + n) % (toko_tahun._MAKS_CACHE + 3)
                assert toko_tahun.simpan(None, ("uji", _Lambat(k)), lambda k=k: k) == k  # type: ignore[arg-type]
        except BaseException as e:  # collected and reported below
            galat.append(e)

    try:
        utas = [threading.Thread(target=kerja, args=(n,)) for n in range(8)]
        for u in utas:
            u.start()
        for u in utas:
            u.join()
    finally:
        sys.setswitchinterval(lama)
    assert not galat, galat[:3]
    assert len(toko_tahun._CACHE) <= toko_tahun._MAKS_CACHE


def _batas(n: int, geser: float = 0.0) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"kode": [f"63.03.{i:02d}" for i in range(n)], "nama": [f"K{i}" for i in range(n)]},
                            geometry=[box(i + geser, 0, i + geser + 1, 1) for i in range(n)], crs="EPSG:4326")


def test_export_outlines_are_keyed_by_content_and_bounded():
    """Equal outlines share one simplified copy; a changed outline (even a new frame at a reused address) gets
    its own; the cache stays bounded however many frames pass (a PDF brief makes one per kecamatan)."""
    a, b = _batas(3), _batas(3)
    assert ekspor_peta._sederhana(a).equals(ekspor_peta._sederhana(b))
    c = _batas(3, geser=0.5)
    assert not ekspor_peta._sederhana(c).geometry.equals(ekspor_peta._sederhana(a).geometry)
    assert list(ekspor_peta._titik(c)["lon"].round(2)) == [1.0, 2.0, 3.0]
    for i in range(200):
        ekspor_peta._sederhana(_batas(2, geser=i))
    info = ekspor_peta._sederhana_isi.cache_info()
    assert info.currsize <= info.maxsize
