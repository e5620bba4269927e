"""Which stored names the near-name warning ("mirip dengan …") names (issue 17): the same ones on every run,
whatever order the store returns them in, and every one as close as the nearest."""

from __future__ import annotations

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

from tkpk import katalog
from tkpk.ingest import ingest_file
from tkpk.ingest.tersimpan import mirip

# ``con``: a private copy of the reference store (tests/integration/conftest.py)


@pytest.mark.parametrize("urutan", ["maju", "mundur"])
def test_mirip_names_the_same_stored_kegiatan_whatever_order_the_store_returns(
        con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch, urutan: str):
    """CI failure (issue 17): "Kegiatan 42" is as close to "Kegiatan 12" as to "Kegiatan 24", and the warning named
    whichever the store's unordered GROUP BY gave first, so one upload warned differently from run to run (with
    more DuckDB threads). Ties go to the first stored name in folded alphabetical order, whatever the query's order."""
    from tkpk.ingest import tersimpan

    o = katalog.OPD[0]
    baris = ["tahun;opd;pilar;program;kegiatan;kode_wilayah;pagu;sumber"] + [
        f"2024;{o.nama_singkat};{o.pilar};Program 0;Kegiatan {i};63.03.01.2013;1.000;uji" for i in (24, 12, 30)]
    hasil = ingest_file(con, ("\r\n".join(baris) + "\r\n").encode(), "a.csv", "intervensi", "penguji")
    assert hasil.status == "diterima", hasil.baris_teks()
    asli = tersimpan._nama_tersimpan

    def dibalik(cur: duckdb.DuckDBPyConnection, opd: list[str]) -> dict[str, pa.Array]:
        s = asli(cur, opd)
        n = len(s["kegiatan"])
        idx = pa.array(range(n - 1, -1, -1) if urutan == "mundur" else range(n))
        return {k: v.take(idx) for k, v in s.items()}

    monkeypatch.setattr(tersimpan, "_nama_tersimpan", dibalik)
    data = pd.DataFrame({"kode_opd": pd.array([o.kode], dtype="str"), "program": pd.array(["Program 0"], dtype="str"),
                         "kegiatan": pd.array(["Kegiatan 42"], dtype="str"), "_baris": [2]})
    cur = con.cursor()
    try:
        pesan = [p.teks for p in mirip(cur, data, lambda k: k) if p.kolom == "kegiatan"]
    finally:
        cur.close()
    assert len(pesan) == 1 and 'mirip dengan "Kegiatan 12" atau "Kegiatan 24" yang sudah' in pesan[0], pesan
    assert "tulis persis nama itu" in pesan[0], pesan


def test_mirip_names_every_stored_name_as_close_up_to_three(con: duckdb.DuckDBPyConnection):
    """Review finding (issue 17): a new "Kegiatan X" is as close to "Kegiatan 0" … "Kegiatan 9"; the warning named
    "Kegiatan 0" alone and told the analyst to write exactly that. It names the first three and counts the rest; a
    name with one closest stored name keeps the one-name advice."""
    o = katalog.OPD[0]
    baris = ["tahun;opd;pilar;program;kegiatan;kode_wilayah;pagu;sumber"] + [
        f"2024;{o.nama_singkat};{o.pilar};Program 0;Kegiatan {i};63.03.01.2013;1.000;uji" for i in range(12)]
    hasil = ingest_file(con, ("\r\n".join(baris) + "\r\n").encode(), "a.csv", "intervensi", "penguji")
    assert hasil.status == "diterima", hasil.baris_teks()
    data = pd.DataFrame({"kode_opd": pd.array([o.kode] * 2, dtype="str"),
                         "program": pd.array(["Program 0"] * 2, dtype="str"),
                         "kegiatan": pd.array(["Kegiatan X", "Kegiatan 111"], dtype="str"), "_baris": [2, 3]})
    cur = con.cursor()
    try:
        pesan = [p.teks for p in mirip(cur, data, lambda k: k) if p.kolom == "kegiatan"]
    finally:
        cur.close()
    assert len(pesan) == 2, pesan
    assert ('mirip dengan "Kegiatan 0", "Kegiatan 1", "Kegiatan 2" atau 7 nama lain yang sama dekatnya yang sudah '
            'tersimpan') in pesan[0], pesan[0]
    assert "tulis persis nama itu" in pesan[0]
    assert 'mirip dengan "Kegiatan 11" yang sudah tersimpan' in pesan[1] and 'tulis persis "Kegiatan 11"' in pesan[1]
