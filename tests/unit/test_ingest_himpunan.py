"""Checks done once per distinct text give the answers of the per-cell code they replaced (issue 17)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tkpk import fmt
from tkpk.ingest import aturan, contoh, pribadi
from tkpk.ingest.contoh import POLA_SUMBER
from tkpk.ingest.reader import Tabel, baca_csv

SUMBER = ["DATA CONTOH (sintetis)", "data  contoh", "metadata contoh", "Data Contohnya", "ſintetis", "SINTETIS",
          "Unggahan berkas a.csv", "", "éDATA CONTOH", "data\u00a0contoh", None, "Dinas Sosial", "sintetisnya"]


def test_pola_contoh_per_nilai_sama_dengan_per_sel():
    kolom = pd.Series(SUMBER * 3, dtype="str")
    harap = kolom.astype("string").str.contains(POLA_SUMBER, regex=True).fillna(False).astype(bool).tolist()
    assert contoh._cocok(kolom).tolist() == harap
    assert contoh._cocok(pd.Series([None, None], dtype="str")).tolist() == [False, False]


def _cek_isi_per_sel(judul: list[str], tabel: Tabel, mulai: int) -> list[tuple[int, int, str]]:
    """The earlier loop of :func:`pribadi.cek_isi`: every candidate cell read from its row and judged alone."""
    temuan = []
    for j, idx in enumerate(pribadi.per_lajur(pribadi._calon, [tabel.teks(j, mulai) for j in range(tabel.lebar)],
                                              tabel.jumlah - mulai)):
        for i in idx.tolist():
            baris = tabel.baris_ke(mulai + i)
            jenis = pribadi.jenis_temuan(baris[j] if j < len(baris) else "")
            if jenis is not None:
                temuan.append((i, j, jenis))
    return sorted(temuan)


@pytest.mark.parametrize("kolom_tabel", [True, False], ids=["kolom", "baris"])
def test_cek_isi_per_teks_sama_dengan_per_sel(kolom_tabel: bool):
    isi = ["Penerima: Hj. Siti Aminah", "HP 081234567890", "Bedah rumah", "an. Rusmini", "Sungai Tuan Ulu",
           "3302011234567890", "RT 01", "Bapak Kepala Desa", "biasa saja"]
    baris = ["keterangan;opd;nilai"] + [f"{isi[i % len(isi)]};Baznas;{i}" for i in range(60)]
    tabel = baca_csv(("\n".join(baris) + "\n").encode())
    if not kolom_tabel:
        tabel = Tabel([list(r) for r in tabel.baris], tabel.nomor, pemisah=";")
        tabel.baris[5][2] = 3302011234567890.0  # an XLSX number: read from its row
    judul = ["keterangan", "opd", "nilai"]
    temuan = _cek_isi_per_sel(judul, tabel, 1)
    assert len(temuan) > pribadi.MAKS_TEMUAN
    harap = [(tabel.nomor[1 + i], judul[j], jenis) for i, j, jenis in temuan[:pribadi.MAKS_TEMUAN]]
    out = pribadi.cek_isi(judul, tabel, 1)
    assert [(p.baris, p.kolom, p.teks) for p in out[:-1]] == [
        (n, k, f'Baris {n}, kolom "{k}": berisi {jenis}. {pribadi.PESAN_PRIBADI}.') for n, k, jenis in harap]
    assert out[-1].teks.startswith(f"... dan {fmt.angka(len(temuan) - pribadi.MAKS_TEMUAN)} sel lain")


def test_counts_in_messages_use_indonesian_thousands():
    """"… dan 13838 sel lain" read as a code, not a count (review of the faster ingest): id-ID groups it."""
    baris = ["keterangan;opd;nilai"] + [f"HP 0812345678{i % 90 + 10};Baznas;{i}" for i in range(1_300)]
    tabel = baca_csv(("\n".join(baris) + "\n").encode())
    out = pribadi.cek_isi(["keterangan", "opd", "nilai"], tabel, 1)
    lain = 1_300 - pribadi.MAKS_TEMUAN
    assert out[-1].teks.startswith(f"... dan {lain // 1000}.{lain % 1000:03d} sel lain"), out[-1].teks


_TEKS_KUNCI = st.one_of(st.none(), st.sampled_from(["Zakat produktif", "zakat produktif", "Bedah rumah", "", " "]))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(2023, 2024), st.one_of(st.none(), st.integers(1, 2)), _TEKS_KUNCI,
                          _TEKS_KUNCI), min_size=1, max_size=12))
def test_tanpa_ganda_sees_the_repeats_pandas_sees(baris: list[tuple]):
    """The hash count that spares a large file pandas' duplicated (issue 17) answers as pandas does, with empty
    cells (NULL in DuckDB, NA in pandas) equal to each other, and the messages are the same on either path."""
    frame = pd.DataFrame(baris, columns=["tahun", "triwulan", "program", "kegiatan"]).astype(
        {"triwulan": "Int64", "program": "str", "kegiatan": "str"})
    frame["_baris"] = range(2, len(frame) + 2)
    kunci = ["tahun", "triwulan", "program", "kegiatan"]
    assert aturan.tanpa_ganda(frame, kunci) is not bool(frame.duplicated(kunci).any())

    def label(r: dict) -> str:
        return f"{r['program']} {r['tahun']}"

    biasa = aturan.duplikat(frame, kunci, label)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(aturan, "BARIS_HASH", 1)
        assert [p.teks for p in aturan.duplikat(frame, kunci, label)] == [p.teks for p in biasa]


def test_tanpa_ganda_leaves_float_keys_to_pandas():
    """pandas reads 0,0 and -0,0 as one key; a hash need not, so keys of floats are never hashed."""
    frame = pd.DataFrame({"nilai": [0.0, -0.0], "_baris": [2, 3]})
    assert aturan.tanpa_ganda(frame, ["nilai"]) is False
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(aturan, "BARIS_HASH", 1)
        assert len(aturan.duplikat(frame, ["nilai"], lambda r: "x")) == 1


def test_tanpa_ganda_leaves_text_arrow_cannot_read_to_pandas():
    """Review of issue 17's third pass: a lone surrogate made the Arrow conversion raise, an internal error where
    pandas alone answers."""
    frame = pd.DataFrame({"program": pd.Series(["\ud800", "x"], dtype=object), "_baris": [2, 3]})
    assert aturan.tanpa_ganda(frame, ["program"]) is False
