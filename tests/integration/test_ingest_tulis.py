"""The commit's write path (issue 17): an intervention batch is written from the upload's own table, and stores
what the round trip through the whole comparison result stored, in Excel row order."""

from __future__ import annotations

import duckdb

from tkpk import katalog


def dua_unggahan(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    """A first intervention file, then a second one with new, changed, restated and partly empty rows; what the
    store and the results say after each."""
    from tkpk.ingest.proses import periksa, simpan_hasil

    judul = "tahun;triwulan;opd;pilar;program;kegiatan;kode_wilayah;pagu;realisasi;satuan_output;target_output;sumber"
    o = katalog.OPD[0]
    satu = [judul] + [f"2024;{1 + i % 4};{o.nama_singkat};{o.pilar};Program {i % 3};Kegiatan {i};63.03.01.2013;"
                      f"{1000 + i};{900 + i};paket;{i % 7};uji" for i in range(30)]
    dua = [judul] + [f"2024;{1 + i % 4};{o.nama_singkat};{o.pilar};Program {i % 3};Kegiatan {i};63.03.01.2013;"
                     f"{1000 + i + (5 if i % 4 == 0 else 0)};{'' if i % 5 == 0 else 900 + i};paket;{i % 7};uji"
                     for i in range(10, 45)]
    out: list[tuple[object, ...]] = []
    for nama, baris in (("satu.csv", satu), ("dua.csv", dua)):
        seen: list[tuple[float, str]] = []  # progress: the same steps either way
        h = periksa(con, ("\r\n".join(baris) + "\r\n").encode(), nama, "intervensi", bandingkan=False)
        h = simpan_hasil(con, h, "penguji", progres=lambda f, t: seen.append((f, t)))  # noqa: B023
        assert h.status == "diterima", h.baris_teks()
        assert h.pratinjau is not None
        out.append((h.baris_teks(), h.pratinjau.baru, h.pratinjau.berubah, h.pratinjau.sama,
                    h.pratinjau.perubahan().to_dict("records"), seen))
    out.append(con.execute("SELECT * EXCLUDE (waktu) FROM batch ORDER BY batch_id").fetchall())
    out.append(con.execute("SELECT * FROM intervensi ORDER BY rowid").fetchall())
    return out


def test_tulis_dari_tabel_unggah_sama_dengan_jalur_arrow(ref_store, tmp_path, monkeypatch):
    """The commit that writes an intervention batch from the upload's own Arrow table (not the comparison result)
    stores the same rows, in the same order, with the same batch record, counts, changed cells and progress steps
    as the round trip through the comparison result."""
    import shutil

    from tkpk.ingest import simpan
    from tkpk.toko.db import connect

    monkeypatch.setattr(simpan, "UKURAN_POTONG", 7)  # several parts, so their edges are tested too
    hasil = []
    for jalur in ("sql", "arrow"):
        if jalur == "arrow":
            monkeypatch.setattr(simpan, "TULIS_SQL", {})
        path = tmp_path / f"{jalur}.duckdb"
        shutil.copy(ref_store, path)
        con = connect(path)
        try:
            hasil.append(dua_unggahan(con))
        finally:
            con.close()
    sql_, arrow = hasil
    assert sql_[1][2] > 0 and sql_[1][1] > 0 and sql_[1][3] > 0, "the second file has new, changed and same rows"
    assert sql_ == arrow


def test_an_upload_in_any_row_order_is_stored_in_excel_row_order(ref_store, tmp_path, monkeypatch):
    """The commit writes the upload's own table slice by slice (issue 17: not sorted out of the comparison any
    more); a frame that reaches it out of row order is still stored in Excel row order, across slices."""
    import shutil

    from tkpk.ingest import simpan
    from tkpk.ingest.proses import periksa
    from tkpk.toko.db import connect

    monkeypatch.setattr(simpan, "UKURAN_POTONG", 4)
    path = tmp_path / "acak.duckdb"
    shutil.copy(ref_store, path)
    o = katalog.OPD[0]
    baris = ["tahun;opd;pilar;program;kegiatan;kode_wilayah;pagu;sumber"] + [
        f"2024;{o.nama_singkat};{o.pilar};Program {i % 3};Kegiatan {i};63.03.01.2013;{1000 + i};uji" for i in range(11)]
    con = connect(path)
    try:
        h = periksa(con, ("\n".join(baris) + "\n").encode(), "acak.csv", "intervensi", bandingkan=False)
        data = h.validasi.data.sample(frac=1, random_state=3).reset_index(drop=True)
        assert data["_baris"].tolist() != sorted(data["_baris"])
        t = simpan.simpan(con, "intervensi", data, nama_file="acak.csv", sha256="x", oleh="penguji")
        tersimpan = [r[0] for r in con.execute("SELECT kegiatan FROM intervensi WHERE batch_id = ? ORDER BY rowid",
                                               [t.batch_id]).fetchall()]
    finally:
        con.close()
    assert tersimpan == [f"Kegiatan {i}" for i in range(11)]


def test_the_write_progress_counts_rows_in_indonesian_format(ref_store, tmp_path, monkeypatch):
    """Review finding (issue 17): the upload page read "menulis 491520 dari 600000 baris"; counts are written as the
    rest of the UI writes them, "491.520 dari 600.000"."""
    import shutil

    from tkpk.ingest import simpan
    from tkpk.ingest.proses import periksa, simpan_hasil
    from tkpk.toko.db import connect

    monkeypatch.setattr(simpan, "UKURAN_POTONG", 1_000)
    path = tmp_path / "progres.duckdb"
    shutil.copy(ref_store, path)
    o = katalog.OPD[0]
    baris = ["tahun;opd;pilar;program;kegiatan;kode_wilayah;pagu;sumber"] + [
        f"2024;{o.nama_singkat};{o.pilar};Program {i % 3};Kegiatan {i};63.03.01.2013;{1000 + i};uji"
        for i in range(2_500)]
    seen: list[str] = []
    con = connect(path)
    try:
        h = periksa(con, ("\n".join(baris) + "\n").encode(), "progres.csv", "intervensi", bandingkan=False)
        h = simpan_hasil(con, h, "penguji", progres=lambda _f, t: seen.append(t))
    finally:
        con.close()
    assert h.status == "diterima", h.baris_teks()
    assert [t for t in seen if t.startswith("menulis")] == [
        "menulis 1.000 dari 2.500 baris", "menulis 2.000 dari 2.500 baris", "menulis 2.500 dari 2.500 baris"]
