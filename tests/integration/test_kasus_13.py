"""Issue 13, "What is wrong today", as sequences on a real store: each test failed on the code before the fix.

Single-file cases are in the corpus (test_ingest_corpus.py); these need two files, a rollback, or the stored
values a file lands on.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from tests.integration import test_ingest_corpus as korpus
from tkpk.ingest import batalkan, ingest_file, periksa, pratinjau_batal
from tkpk.ingest.batal import sel_dibaca
from tkpk.toko.db import connect

CORPUS = korpus.CORPUS
KASUS = CORPUS / "kasus"



def muat(con: duckdb.DuckDBPyConnection, nama: str, jenis: str, folder: Path = KASUS) -> int:
    hasil = ingest_file(con, (folder / nama).read_bytes(), nama, jenis, "penguji")
    assert hasil.status == "diterima", "\n".join(hasil.baris_teks())
    assert hasil.batch_id is not None
    return hasil.batch_id


def bps_banjar_2024(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    cur = con.execute("SELECT * FROM v_kemiskinan_kabupaten WHERE tahun = 2024 AND kode_wilayah = '63.03'")
    return dict(zip([d[0] for d in cur.description], cur.fetchone(), strict=True))


def test_1_rollback_does_not_leave_a_value_a_later_file_left_empty(con: duckdb.DuckDBPyConnection):
    a = muat(con, "bps_p0_9_99.csv", "bps")
    b = muat(con, "bps_p1_tanpa_p0.csv", "bps")
    row = bps_banjar_2024(con)
    assert (row["p0"], row["p1"]) == (9.99, 0.5)
    # each figure names the batch that gave it; the row's source is P0's (the headline)
    assert (row["batch_id_p0"], row["batch_id_p1"], row["batch_id"]) == (a, b, a)
    assert row["sumber"] == "Unggahan berkas bps_p0_9_99.csv"
    assert row["sumber_p1"] == "Unggahan berkas bps_p1_tanpa_p0.csv"
    # the empty p0 of the second file was stored as empty, not copied
    assert con.execute("SELECT p0 FROM kemiskinan_kabupaten WHERE batch_id = ?", [b]).fetchone() == (None,)
    pra = pratinjau_batal(con, a)
    # the value and, on lines of their own, the kind of source of P0 (the file said bps; the bundled 2,36 is
    # media_bps) and its source text (quoted, a long one shortened)
    d = sel_dibaca(pra)
    assert pra.jumlah == 3 and list(d["Kolom"]) == ["p0", "jenis sumber p0", "sumber p0"]
    assert list(d["Lama → baru"])[:2] == ["9,99 → 2,36", "bps → media_bps"]
    lama, baru = d["Lama"].iloc[2], d["Baru"].iloc[2]
    assert lama == '"Unggahan berkas bps_p0_9_99.csv"' and baru.startswith('"riceknews.id') and baru.endswith('…"')
    assert len(baru) == 60 + 2
    batalkan(con, a, "penguji")
    row = bps_banjar_2024(con)
    assert (row["p0"], row["p1"], row["penduduk_miskin"]) == (2.36, 0.5, 14461.0)
    # a rolled-back file loads again
    assert muat(con, "bps_p0_9_99.csv", "bps") > b
    assert bps_banjar_2024(con)["p0"] == 9.99


def test_2_rollback_keeps_a_value_a_later_file_restated(con: duckdb.DuckDBPyConnection):
    sql_tempat = ("SELECT indikator, nilai, batch_id FROM v_nilai_tersimpan WHERE tahun = 2025 AND kode_wilayah = "
                  "'63.03.05' ORDER BY indikator")
    sebelum = con.execute(sql_tempat).fetchall()  # the bundled store may hold other 2025 facts of this place
    a = muat(con, "rtlh_a.csv", "indikator")
    pra = periksa(con, (KASUS / "rtlh_b.csv").read_bytes(), "rtlh_b.csv", "indikator")
    assert pra.pratinjau is not None and (pra.pratinjau.baru, pra.pratinjau.sama) == (1, 1)
    b = muat(con, "rtlh_b.csv", "indikator")
    assert con.execute("SELECT count(*) FROM nilai_indikator WHERE batch_id = ?", [b]).fetchone() == (2,)
    assert pratinjau_batal(con, a).jumlah == 0  # nothing changes: b also says 1000
    batalkan(con, a, "penguji")
    rtlh = con.execute("SELECT nilai, batch_id FROM v_nilai_tersimpan WHERE tahun = 2025 AND kode_wilayah = "
                       "'63.03.05' AND indikator = 'rtlh'").fetchone()
    assert rtlh == (1000.0, b)
    again = ingest_file(con, (KASUS / "rtlh_b.csv").read_bytes(), "rtlh_b.csv", "indikator", "penguji")
    assert again.status == "tanpa_perubahan" and "sudah tersimpan sebagai batch" in again.ringkasan()
    batalkan(con, b, "penguji")
    assert con.execute(sql_tempat).fetchall() == sebelum
    assert muat(con, "rtlh_b.csv", "indikator") > b


def test_3_units_in_headers(con: duckdb.DuckDBPyConnection):
    bid = muat(con, "baik_bps_tabel_ribu_jiwa.csv", "bps", CORPUS)
    rows = {(t, k): (p0, pm, s) for t, k, p0, pm, s in con.execute(
        "SELECT tahun, kode_wilayah, p0, penduduk_miskin, sumber FROM kemiskinan_kabupaten WHERE batch_id = ?",
        [bid]).fetchall()}
    assert rows[(2024, "63.03")][:2] == (2.36, 14460.0)  # 14,46 ribu jiwa, not 14 jiwa
    assert rows[(2023, "63.03")][:2] == (2.44, None)
    assert rows[(2023, "63")][:2] == (None, 188930.0)
    assert rows[(2024, "63.03")][2].startswith("BPS Provinsi Kalimantan Selatan, Susenas Maret")  # the footnote
    assert bps_banjar_2024(con)["jenis_sumber"] == "bps"
    bid = muat(con, "baik_pagu_juta.csv", "intervensi", CORPUS)
    assert con.execute("SELECT pagu, realisasi FROM intervensi WHERE batch_id = ?", [bid]).fetchone() == \
        (1_250_000_000.0, 1_100_500_000.0)


def test_4_plausibility_against_sample_data_is_a_warning(store_path: Path, tmp_path: Path):
    """Against real stored figures a contradiction refuses the file (corpus: salah_miskin_lebih_dari_tersimpan);
    against DATA CONTOH it is only a warning, so a real file is never refused because of made-up numbers."""
    path = tmp_path / "contoh.duckdb"
    shutil.copy(store_path, path)
    c = connect(path)
    try:
        tahun, kode, penduduk = c.execute(
            "SELECT tahun, kode_wilayah, nilai FROM v_nilai_tersimpan WHERE indikator = 'penduduk' AND sampel "
            "AND length(kode_wilayah) = 13 ORDER BY tahun DESC, kode_wilayah LIMIT 1").fetchone()
        data = f"tahun;kode_wilayah;penduduk_miskin\n{tahun};{kode};{int(penduduk) + 10}\n".encode()
        hasil = ingest_file(c, data, "miskin.csv", "indikator", "penguji", dry_run=True)
        assert hasil.status == "pratinjau", hasil.baris_teks()
        p = next(p for p in hasil.pesan if "tersimpan" in p.teks)
        assert p.tingkat == "peringatan" and "DATA CONTOH" in p.teks and p.baris == 2
    finally:
        c.close()


def test_5_places_kode_kec_kecamatan_desa(con: duckdb.DuckDBPyConnection):
    bid = muat(con, "baik_kode_kec_kecamatan_desa.csv", "indikator", CORPUS)
    assert sorted(r[0] for r in con.execute("SELECT kode_wilayah FROM nilai_indikator WHERE batch_id = ?",
                                            [bid]).fetchall()) == ["63.03.05.1001", "63.03.05.1002"]
    bid = muat(con, "baik_nama_ganda_kecamatan.csv", "indikator", CORPUS)
    assert sorted(r[0] for r in con.execute("SELECT kode_wilayah FROM nilai_indikator WHERE batch_id = ?",
                                            [bid]).fetchall()) == ["63.03.01", "63.03.03", "63.03.05"]


def test_8_near_duplicates_and_mixed_encodings(con: duckdb.DuckDBPyConnection):
    muat(con, "zakat_a.csv", "intervensi")
    pra = periksa(con, (KASUS / "zakat_b.csv").read_bytes(), "zakat_b.csv", "intervensi")
    assert pra.pratinjau is not None and (pra.pratinjau.baru, pra.pratinjau.berubah) == (0, 1)
    muat(con, "zakat_b.csv", "intervensi")
    rows = con.execute("SELECT program, pagu, realisasi FROM v_intervensi WHERE kode_opd = 'BAZNAS'").fetchall()
    assert rows == [("Zakat produktif", 500_000_000.0, 250_000_000.0)]  # one program, the stored spelling
    mirip = periksa(con, (KASUS / "zakat_mirip.csv").read_bytes(), "zakat_mirip.csv", "intervensi")
    p = next(p for p in mirip.pesan if "mirip dengan" in p.teks)
    assert p.tingkat == "peringatan" and '"Zakat produktif"' in p.teks and not mirip.ditolak
    bid = muat(con, "baik_utf8_satu_baris_cp1252.csv", "indikator", CORPUS)
    assert {r[0] for r in con.execute("SELECT sumber FROM nilai_indikator WHERE batch_id = ?", [bid]).fetchall()} \
        == {"Dinsos – DTSEN"}


def test_new_kind_target_and_new_columns(con: duckdb.DuckDBPyConnection, tmp_path: Path):
    f = tmp_path / "target.csv"
    f.write_text("tahun;kode_wilayah;indikator;nilai;dokumen;sumber;rincian\n"
                 "2026;;p0;2,10;RPJMD 2021–2026;Perda 2/2021 Tabel 5.3;target akhir\n"
                 "2026;63.03.01;rtlh;120;RPKD 2022–2026;Perbup 5/2022;\n", encoding="utf-8")
    bid = muat(con, "target.csv", "target", tmp_path)
    rows = con.execute("SELECT kode_wilayah, indikator, nilai, dokumen, sumber, jenis_sumber, rincian, batch_id "
                       "FROM v_target_indikator WHERE batch_id = ? ORDER BY kode_wilayah", [bid]).fetchall()
    assert rows == [("63.03", "p0", 2.1, "RPJMD 2021–2026", "Perda 2/2021 Tabel 5.3", "dokumen_resmi", "target akhir",
                     bid), ("63.03.01", "rtlh", 120.0, "RPKD 2022–2026", "Perbup 5/2022", "dokumen_resmi", None, bid)]
    f2 = tmp_path / "bps.csv"
    f2.write_text("tahun;kode_kab;p0_ekstrem;Penduduk Miskin Ekstrem (ribu jiwa)\n2024;63.03;0,25;1,53\n")
    muat(con, "bps.csv", "bps", tmp_path)
    row = bps_banjar_2024(con)
    assert (row["p0"], row["p0_ekstrem"], row["penduduk_miskin_ekstrem"], row["jenis_sumber_p0_ekstrem"]) == \
        (2.36, 0.25, 1530.0, "bps")
    f3 = tmp_path / "iv.csv"
    f3.write_text("tahun;pilar;opd;program;penerima;satuan_output;satuan_penerima\n"
                  "2025;2;DisperkimLH;Bedah rumah;45;unit;unit rumah\n")
    b3 = muat(con, "iv.csv", "intervensi", tmp_path)
    assert con.execute("SELECT satuan_output, satuan_penerima FROM v_intervensi WHERE batch_id = ?", [b3]
                       ).fetchall() == [("unit", "unit rumah")]


def test_the_same_file_again_restores_what_a_later_file_changed(con: duckdb.DuckDBPyConnection, tmp_path: Path):
    """A file stored before is not "no change" when a later batch changed some of its cells: loading it again
    brings its values back (and says why)."""
    a = muat(con, "bps_p0_9_99.csv", "bps")
    f = tmp_path / "p0_lain.csv"
    f.write_text("tahun;kode_kab;p0\n2024;63.03;3,01\n")
    muat(con, "p0_lain.csv", "bps", tmp_path)
    lagi = ingest_file(con, (KASUS / "bps_p0_9_99.csv").read_bytes(), "bps_p0_9_99.csv", "bps", "penguji")
    assert lagi.status == "diterima" and lagi.batch_id is not None and lagi.batch_id > a
    assert f"pernah disimpan sebagai batch {a}" in lagi.ringkasan()
    assert bps_banjar_2024(con)["p0"] == 9.99


def test_init_again_never_reloads_a_bundled_batch_an_analyst_rolled_back(tmp_path: Path):
    """Review of issue 13, finding 1: `init` after a rollback of bundled data (the sample indicators, the BPS
    series) loaded them again as the newest batch, which then won every cell over the analysts' own uploads."""
    from tkpk.cli import main as cli

    db = tmp_path / "s.duckdb"
    assert cli(["init", "--db", str(db)]) == 0
    c = connect(db)
    try:
        contoh = c.execute("SELECT batch_id FROM batch WHERE jenis = 'indikator' AND sampel").fetchone()[0]
        bps = c.execute("SELECT min(batch_id) FROM batch WHERE jenis = 'bps'").fetchone()[0]
        batalkan(c, contoh, "penguji", "hapus contoh")
        batalkan(c, bps, "penguji", "angka diganti")
        f = tmp_path / "pend.csv"
        f.write_text("tahun;kode_wilayah;penduduk;sumber\n2024;63.03.01;40000;Disdukcapil semester II 2024\n")
        bid = muat(c, "pend.csv", "indikator", tmp_path)
        sql_sel = ("SELECT nilai, batch_id FROM v_nilai_tersimpan WHERE tahun = 2024 AND kode_wilayah = '63.03.01' "
                   "AND indikator = 'penduduk'")
        assert c.execute(sql_sel).fetchone() == (40000.0, bid)
        batch_sebelum = c.execute("SELECT count(*) FROM batch").fetchone()
    finally:
        c.close()
    assert cli(["init", "--db", str(db)]) == 0
    c = connect(db)
    try:
        assert c.execute("SELECT count(*) FROM batch").fetchone() == batch_sebelum  # nothing reloaded
        assert c.execute(sql_sel).fetchone() == (40000.0, bid)
        assert c.execute("SELECT count(*) FROM v_kemiskinan_kabupaten WHERE batch_id = ?", [bps]).fetchone() == (0,)
    finally:
        c.close()


def test_rollback_preview_warns_when_the_state_after_it_is_impossible(con: duckdb.DuckDBPyConnection,
                                                                       tmp_path: Path):
    """Review of issue 13, finding 6: rolling back a real population left a real desil 1–4 count above the
    population (120 % on the map) and the preview said nothing. The preview checks the state after the rollback
    with the upload's plausibility rules and names the share it would show."""
    (tmp_path / "pl_a.csv").write_text("tahun;kode_wilayah;penduduk;sumber\n2024;63.03.01;40000;Disdukcapil\n")
    (tmp_path / "pl_b.csv").write_text("tahun;kode_wilayah;penduduk;sumber\n2024;63.03.01;29104;Dukcapil lama\n")
    (tmp_path / "pl_c.csv").write_text("tahun;kode_wilayah;jiwa_desil_1_4;sumber\n2024;63.03.01;35000;DTSEN\n")
    muat(con, "pl_b.csv", "indikator", tmp_path)
    a = muat(con, "pl_a.csv", "indikator", tmp_path)
    muat(con, "pl_c.csv", "indikator", tmp_path)
    pra = pratinjau_batal(con, a)
    assert pra.jumlah == 2  # the population and its source
    assert len(pra.peringatan) == 1, pra.peringatan
    teks = pra.ringkasan()
    assert "jiwa_desil_1_4 (35.000) lebih besar dari penduduk (29.104)" in teks, teks
    assert "120,26%" in teks and "Aluh Aluh" in teks, teks
    # a rollback that leaves a possible state says nothing more
    c = con.execute("SELECT max(batch_id) FROM batch WHERE jenis = 'indikator'").fetchone()[0]
    assert pratinjau_batal(con, c).peringatan == []


# ---- sample data uploaded through the engine keeps its label ---------------------------------------------------------
def test_a_file_of_sample_data_is_stored_as_sample_and_shown_as_such(con: duckdb.DuckDBPyConnection):
    """A careless analyst uploads a DATA CONTOH file (the bundled sample, or a download of it): before, its batch was
    stored as real and every page showed the made-up figure without its label."""
    teks = "tahun;kode_wilayah;rtlh;sumber\n2024;63.03.01;999;DATA CONTOH (sintetis)\n"
    h = ingest_file(con, teks.encode(), "contoh_lagi.csv", "indikator", "penguji")
    assert h.status == "diterima", "\n".join(h.baris_teks())
    assert con.execute("SELECT sampel FROM batch WHERE batch_id = ?", [h.batch_id]).fetchone() == (True,)
    assert con.execute("SELECT nilai, sampel FROM v_nilai_indikator WHERE tahun = 2024 AND kode_wilayah = '63.03.01' "
                       "AND indikator = 'rtlh'").fetchone() == (999, True)
    assert any(p.tingkat == "peringatan" and "DATA CONTOH" in p.teks for p in h.pesan)


def test_jenis_sumber_contoh_marks_a_bps_file_as_sample(con: duckdb.DuckDBPyConnection):
    teks = "tahun;kode_wilayah;p0;jenis_sumber\n2024;63.03;9,5;contoh\n"
    h = ingest_file(con, teks.encode(), "bps_contoh.csv", "bps", "penguji")
    assert h.status == "diterima", "\n".join(h.baris_teks())
    assert con.execute("SELECT sampel FROM batch WHERE batch_id = ?", [h.batch_id]).fetchone() == (True,)
    assert bps_banjar_2024(con)["sampel"] is True


def test_a_file_mixing_sample_and_real_rows_is_refused(con: duckdb.DuckDBPyConnection):
    sebelum = con.execute("SELECT count(*) FROM batch").fetchone()
    teks = ("tahun;kode_wilayah;rtlh;sumber\n2024;63.03.01;999;DATA CONTOH (sintetis)\n"
            "2024;63.03.02;5;Dinas PUPRP\n")
    h = ingest_file(con, teks.encode(), "campur.csv", "indikator", "penguji")
    assert h.ditolak
    galat = [p.teks for p in h.pesan if p.galat]
    assert len(galat) == 1 and "baris 2" in galat[0] and "baris 3" in galat[0] and "DATA CONTOH" in galat[0]
    assert con.execute("SELECT count(*) FROM batch").fetchone() == sebelum
