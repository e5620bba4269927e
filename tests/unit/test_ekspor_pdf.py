"""PDF briefs: latin-1 safe text for the core font, one page however long a table is, shapes for status."""

import pandas as pd

from tkpk.ekspor import pdf
from tkpk.pilar.status import Status


def test_latin1_replaces_typographic_characters():
    assert pdf.latin1("−0,08 poin – capaian ≥ 90% ● ▲ ■ ○") == "-0,08 poin - capaian >= 90%"
    assert pdf.latin1("Aluh–Aluh … 5 × 3") == "Aluh-Aluh ... 5 x 3"
    pdf.latin1("漢字").encode("latin-1")  # never raises


def test_a_long_table_is_cut_to_one_page():
    b = pdf.Brief("Judul − uji", "sub", sampel=True)
    baris = [[f"Program {i}", "1", "2"] for i in range(300)]
    b.tabel(["Program", "A", "B"], [100, 40, 40], baris, status=[Status.MERAH.kode] * 300)
    b.kaki(["sumber " * 400])
    data = b.ke_bytes()
    assert pdf.satu_halaman(data) == 1


def test_every_status_shape_draws():
    b = pdf.Brief("Status", "sub", sampel=False)
    for s in Status:
        b.baris_status(s.kode, s.label, "serapan 80,0%, capaian 90,0%")
    b.kaki(["uji"])
    assert pdf.satu_halaman(b.ke_bytes()) == 1


# --- independent review of issue 18, finding 12: the minutes list every decision and no legend they do not draw ---

def _keputusan_banyak(n: int, panjang: bool) -> pd.DataFrame:
    teks = [(f"Keputusan nomor {i + 1} " + ("dengan teks cukup panjang untuk pembungkusan baris pada notulen, " * 3
                                            if panjang else "")) for i in range(n)]
    return pd.DataFrame({
        "teks": teks, "nama_opd": ["Dinsos"] * n, "kode_wilayah": [None] * n, "nama_wilayah": [None] * n,
        "tingkat_wilayah": [None] * n, "program": [None] * n, "indikator": [None] * n, "target": [None] * n,
        "tenggat": [pd.Timestamp("2026-10-01")] * n, "status": ["berjalan"] * n,
        "terlambat": [i >= n - 4 for i in range(n)], "diubah_oleh": ["ana"] * n,
        "diubah_waktu": [pd.Timestamp("2026-03-10")] * n, "saran": [None] * n, "alasan_saran": ["-"] * n,
        "saran_sesudah_tenggat": [False] * n, "sampel": [False] * n})


def _teks(data: bytes) -> str:
    import re
    import zlib

    isi = b""
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            isi += zlib.decompress(m.group(1))
        except zlib.error:
            isi += m.group(1)
    return re.sub(r"\\(.)", r"\1", b" ".join(re.findall(rb"\(((?:[^()\\]|\\.)*)\) ?Tj", isi)).decode("latin-1"))


def test_the_minutes_list_every_decision_overdue_ones_included():
    from datetime import date

    from tkpk.ekspor.notulen import notulen
    from tkpk.rakor.bahan import BahanRakor

    rakor = {"rakor_id": 4, "judul": "Rakor November", "tanggal": pd.Timestamp("2026-11-25"), "tempat": "Aula",
             "sampel": False}
    lalu = {**rakor, "rakor_id": 3, "judul": "Rakor Maret", "tanggal": pd.Timestamp("2026-03-10")}
    for n, panjang in ((14, True), (40, True)):
        b = BahanRakor(date(2026, 12, 1), rakor, lalu, _keputusan_banyak(3, False), _keputusan_banyak(n, panjang),
                       pd.DataFrame())
        data = notulen(b)
        teks = _teks(data)
        assert "lainnya" not in teks
        nomor = {int(x) for x in __import__("re").findall(r"Keputusan nomor (\d+)", teks)}
        assert nomor == set(range(1, n + 1)), n
        assert teks.count("TERLAMBAT") >= 4
        assert "lingkaran" not in teks and "segitiga" not in teks   # no legend of shapes it never draws
    assert pdf.satu_halaman(notulen(BahanRakor(date(2026, 12, 1), rakor, lalu, _keputusan_banyak(3, False),
                                               _keputusan_banyak(14, True), pd.DataFrame()))) == 1
