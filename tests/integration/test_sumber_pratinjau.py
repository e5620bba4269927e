"""Review finding 7: the upload preview and the rollback preview say when a figure's source or kind changes, and
a restated figure under another kind of source is a change (stored), never "tanpa perubahan"."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tkpk.ingest import batalkan, ingest_file, periksa, pratinjau_batal
from tkpk.ingest.batal import sel_dibaca


def muat(con: duckdb.DuckDBPyConnection, teks: str, nama: str, jenis: str = "bps") -> int:
    hasil = ingest_file(con, teks.encode(), nama, jenis, "penguji")
    assert hasil.status == "diterima", "\n".join(hasil.baris_teks())
    assert hasil.batch_id is not None
    return hasil.batch_id


def jenis_p0_2024(con: duckdb.DuckDBPyConnection) -> str:
    return con.execute("SELECT jenis_sumber_p0 FROM v_kemiskinan_kabupaten WHERE tahun = 2024 "
                       "AND kode_wilayah = '63.03'").fetchone()[0]


def test_upload_preview_names_a_kind_change_and_counts_it(con: duckdb.DuckDBPyConnection):
    """The bundled 2,36 (2024) is a media quote; a file restating it as BPS's own release changes the headline's
    label, so it is a change with its own line, and it is stored."""
    teks = "kabupaten;tahun;p0;jenis_sumber;sumber\nBanjar;2024;2,36;bps;BRS BPS Kalsel Juli 2024\n"
    h = periksa(con, teks.encode(), "bps_resmi.csv", "bps")
    assert h.status == "pratinjau" and h.pratinjau is not None
    assert (h.pratinjau.baru, h.pratinjau.berubah, h.pratinjau.sama) == (0, 1, 0)
    ubah = h.pratinjau.perubahan().to_dict("records")
    assert ubah[0] == {"baris": 2, "kolom": "jenis sumber p0", "lama": "media_bps", "baru": "bps"}
    # the kind and the text both change: both are named, each on its own line
    assert [(u["kolom"], u["baru"]) for u in ubah[1:]] == [("sumber p0", "BRS BPS Kalsel Juli 2024")]
    muat(con, teks, "bps_resmi.csv")
    assert jenis_p0_2024(con) == "bps"


def test_upload_preview_names_a_new_source_text(con: duckdb.DuckDBPyConnection):
    muat(con, "kabupaten;tahun;p0;jenis_sumber;sumber\nBanjar;2025;2,30;bps;BRS No. 40\n", "a.csv")
    teks = "kabupaten;tahun;p0;jenis_sumber;sumber\nBanjar;2025;2,30;bps;BRS No. 41 (ralat)\n"
    h = periksa(con, teks.encode(), "b.csv", "bps")
    assert h.pratinjau is not None and h.pratinjau.berubah == 1
    assert h.pratinjau.perubahan().to_dict("records") == [
        {"baris": 2, "kolom": "sumber p0", "lama": "BRS No. 40", "baru": "BRS No. 41 (ralat)"}]
    # a file that names no source (the default "Unggahan berkas …") and the same kind claims nothing new
    sama = "kabupaten;tahun;p0;jenis_sumber\nBanjar;2025;2,30;bps\n"
    assert periksa(con, sama.encode(), "c.csv", "bps").status == "tanpa_perubahan"


def test_rollback_preview_lists_a_source_change_without_a_value_change(con: duckdb.DuckDBPyConnection):
    """The reviewer's case: a later file restates the count of poor as quoted by the Bupati; rolling it back
    changes no value but puts the figure back under BPS, and the preview says so."""
    muat(con, "kabupaten;tahun;p0;penduduk_miskin;jenis_sumber;sumber\nBanjar;2025;2,30;14.100;bps;BRS No. 40\n",
         "bps.csv")
    b = muat(con, "kabupaten;tahun;penduduk_miskin;jenis_sumber;sumber\n"
                  "Banjar;2025;14.100;kutipan_pejabat;Sambutan Bupati\n", "kutipan.csv")
    pra = pratinjau_batal(con, b)
    d = sel_dibaca(pra)
    assert pra.jumlah == 2
    assert list(d["Kolom"]) == ["jenis sumber penduduk_miskin", "sumber penduduk_miskin"]
    assert list(d["Lama → baru"]) == ["kutipan_pejabat → bps", '"Sambutan Bupati" → "BRS No. 40"']
    batalkan(con, b, "penguji")
    assert con.execute("SELECT jenis_sumber_penduduk_miskin FROM v_kemiskinan_kabupaten WHERE tahun = 2025 "
                       "AND kode_wilayah = '63.03'").fetchone() == ("bps",)


def test_indicator_previews_name_source_changes(con: duckdb.DuckDBPyConnection):
    a = muat(con, "tahun;kode_wilayah;rtlh;jenis_sumber;sumber\n2025;63.03.05;1000;instansi;Dinas PUPRP\n",
             "rtlh_a.csv", "indikator")
    teks = "tahun;kode_wilayah;rtlh;jenis_sumber;sumber\n2025;63.03.05;1000;register;P3KE 2025\n"
    h = periksa(con, teks.encode(), "rtlh_b.csv", "indikator")
    assert h.pratinjau is not None and h.pratinjau.berubah == 1
    assert h.pratinjau.perubahan().to_dict("records") == [
        {"baris": 2, "kolom": "jenis sumber rtlh", "lama": "instansi", "baru": "register"},
        {"baris": 2, "kolom": "sumber rtlh", "lama": "Dinas PUPRP", "baru": "P3KE 2025"}]
    b = muat(con, teks, "rtlh_b.csv", "indikator")
    d = sel_dibaca(pratinjau_batal(con, b))
    assert list(d["Kolom"]) == ["jenis sumber", "sumber"] and list(d["Rincian"]) == ["rtlh", "rtlh"]
    assert list(d["Lama → baru"]) == ["register → instansi", '"P3KE 2025" → "Dinas PUPRP"']
    assert pratinjau_batal(con, a).jumlah == 0  # b restated 1000 itself: rolling a back changes nothing


def test_rollback_preview_names_a_source_text_change_when_the_kind_stays(con: duckdb.DuckDBPyConnection):
    """Review finding 7: same 2,36, same kind, another release: the rollback preview names the texts, quoted."""
    muat(con, "kabupaten;tahun;p0;jenis_sumber;sumber\nBanjar;2025;2,30;bps;Rilis A\n", "a.csv")
    b = muat(con, "kabupaten;tahun;p0;jenis_sumber;sumber\nBanjar;2025;2,30;bps;Rilis E\n", "e.csv")
    d = sel_dibaca(pratinjau_batal(con, b))
    assert list(d["Kolom"]) == ["sumber p0"] and list(d["Lama → baru"]) == ['"Rilis E" → "Rilis A"']


def test_cli_dry_run_lists_a_source_only_change(con: duckdb.DuckDBPyConnection, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]):
    """Review finding 7 (/tmp/rv_kopi/E.csv): "1 berubah" with nothing listed when only the source changed."""
    from tkpk.ingest.cli import main

    muat(con, "kabupaten;tahun;p0;jenis_sumber;sumber\nBanjar;2025;2,30;media_bps;Rilis A\n", "a.csv")
    db = Path(con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()")
              .fetchone()[0])
    con.close()
    f = tmp_path / "E.csv"
    f.write_text("Tahun;Kabupaten/Kota;P0 (%);Sumber\n2025;Banjar;2,30;Rilis E\n", encoding="utf-8")
    assert main([str(f), "--kind", "bps", "--db", str(db), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 berubah" in out
    assert "baris 2 (tahun 2025, Kabupaten Banjar (63.03)), jenis sumber p0: media_bps → bps" in out
    assert 'baris 2 (tahun 2025, Kabupaten Banjar (63.03)), sumber p0: "Rilis A" → "Rilis E"' in out
