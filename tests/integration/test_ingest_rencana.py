"""The ``rencana`` upload kind (issue 18): the plan corpus through the whole engine, then plans and reports meeting
on Kinerja pilar's plan-against-delivery table, per-cell versioning and rollback of a plan batch."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.conftest import table_hashes
from tkpk.ingest import batalkan, ingest_file, pratinjau_batal
from tkpk.ingest.templat import templat_csv, templat_xlsx
from tkpk.rakor import rencana as rc
from tkpk.rakor.pilar import rencana_pilar

RENCANA = Path(__file__).resolve().parents[1] / "data" / "upload" / "rencana"

# (file, verdict, first message: (level, row, column, fragment) or None)
KASUS = [
    ("baik_rencana.csv", "diterima", None),
    ("baik_rencana_sinonim.csv", "diterima", None),
    ("salah_rencana_pilar.csv", "ditolak", ("galat", 2, "pilar", "termasuk pilar 2")),
    ("salah_rencana_kosong.csv", "ditolak", ("galat", 2, "target_output", "tanpa target output maupun pagu")),
    ("salah_rencana_triwulan.csv", "ditolak", ("galat", 2, "triwulan", "di atas batas 4")),
    ("salah_rencana_ganda.csv", "ditolak", ("galat", 3, None, "sudah ada di baris 2")),
    ("salah_rencana_pagu_persen.csv", "ditolak", ("galat", 2, "pagu_rencana", "persentase")),
    ("salah_rencana_tanpa_program.csv", "ditolak", ("galat", None, "program", "tidak ada")),
]


# Files checked against a store that already holds the OPD's reports (:data:`LAPORAN`): accepted, with warnings.
# (file, [(level, row, column, fragment)]: every message that is not info, in order)
LAPORAN = ("tahun;triwulan;pilar;opd;program;kegiatan;satuan_output;target_output;capaian_output;pagu;realisasi\n"
           "2024;;2;DisperkimLH;Rehabilitasi RTLH;Bedah rumah tidak layak huni;unit;20;18;Rp400.000.000;"
           "Rp360.000.000\n")
KASUS_TERSIMPAN = [
    ("peringatan_rencana_per_triwulan.csv",
     [("peringatan", 4, "target_output", "kumulatif")]),
    ("peringatan_rencana_program_baru.csv",
     [("peringatan", 2, "program", "belum pernah dilaporkan oleh OPD ini"), ("peringatan", 2, "program",
                                                                             'mirip dengan "Rehabilitasi RTLH"')]),
    ("peringatan_rencana_satuan.csv",
     [("peringatan", 2, "satuan_output", "tidak dapat dibandingkan")]),
]




def test_every_plan_file_is_in_the_list():
    assert {p.name for p in RENCANA.iterdir()} == {k[0] for k in KASUS} | {k[0] for k in KASUS_TERSIMPAN}


@pytest.mark.parametrize(("nama", "harapan"), KASUS_TERSIMPAN, ids=[k[0] for k in KASUS_TERSIMPAN])
def test_plan_corpus_against_stored_reports(con: duckdb.DuckDBPyConnection, tmp_path: Path, nama: str,
                                            harapan: list[tuple]):
    """Review of issue 18, findings 6 and 7: a per-quarter target series, a program the OPD never reported and a
    unit other than the reports' are accepted with a warning naming the row and the column."""
    _muat(con, _tulis(tmp_path, "lapor_2024.csv", LAPORAN), "intervensi")
    hasil = ingest_file(con, (RENCANA / nama).read_bytes(), nama, "rencana", "penguji")
    teks = "\n".join(hasil.baris_teks())
    assert hasil.status == "diterima", teks
    pesan = [p for p in hasil.pesan if p.tingkat != "info"]
    assert [(p.tingkat, p.baris, p.kolom) for p in pesan] == [h[:3] for h in harapan], teks
    for p, h in zip(pesan, harapan, strict=True):
        assert h[3] in p.teks, teks


def test_a_per_quarter_series_is_named_in_indonesian(con: duckdb.DuckDBPyConnection):
    nama = "peringatan_rencana_per_triwulan.csv"
    hasil = ingest_file(con, (RENCANA / nama).read_bytes(), nama, "rencana", "penguji")
    p = next(p for p in hasil.pesan if p.tingkat == "peringatan")
    assert "triwulan 3 (5) lebih kecil dari target triwulan 2 (10, baris 3)" in p.teks, p.teks
    assert "baris 2, 3, 4, 5" in p.teks and "tampak per triwulan" in p.teks, p.teks


@pytest.mark.parametrize(("nama", "vonis", "pertama"), KASUS, ids=[k[0] for k in KASUS])
def test_plan_corpus(con: duckdb.DuckDBPyConnection, nama: str, vonis: str, pertama: tuple | None):
    sebelum = table_hashes(con)
    hasil = ingest_file(con, (RENCANA / nama).read_bytes(), nama, "rencana", "penguji")
    teks = "\n".join(hasil.baris_teks())
    assert hasil.status == vonis, teks
    if pertama is None:
        assert not [p for p in hasil.pesan if p.tingkat != "info"], teks
    else:
        p = hasil.pesan[0]
        assert (p.tingkat, p.baris, p.kolom) == pertama[:3], teks
        assert pertama[3] in p.teks, teks
    if vonis == "ditolak":
        assert table_hashes(con) == sebelum


def test_template_names_every_plan_column():
    judul = templat_csv("rencana").decode("utf-8-sig").splitlines()[0].split(";")
    for k in ("tahun", "triwulan", "pilar", "opd", "program", "kegiatan", "satuan_output", "target_output",
              "pagu_rencana", "keterangan"):
        assert k in judul, judul
    assert templat_xlsx("rencana")[:2] == b"PK"


def _tulis(folder: Path, nama: str, teks: str) -> Path:
    f = folder / nama
    f.write_text(teks, encoding="utf-8")
    return f


def _muat(con: duckdb.DuckDBPyConnection, f: Path, jenis: str) -> int:
    hasil = ingest_file(con, f.read_bytes(), f.name, jenis, "penguji")
    assert hasil.status == "diterima", "\n".join(hasil.baris_teks())
    assert hasil.batch_id is not None
    return hasil.batch_id


def test_plans_meet_reports_per_quarter_and_roll_back_per_cell(con: duckdb.DuckDBPyConnection, tmp_path: Path):
    rencana = _tulis(tmp_path, "rencana.csv", "tahun;triwulan;pilar;opd;program;satuan_output;target_output;"
                     "pagu_rencana\n2025;2;2;DisperkimLH;Bedah rumah;unit;10;Rp250.000.000\n"
                     "2025;4;2;DisperkimLH;Bedah rumah;unit;25;Rp625.000.000\n"
                     "2025;4;2;DisperkimLH;Sanitasi komunal;unit;8;\n")
    a = _muat(con, rencana, "rencana")
    # the report spells the program differently: it is folded onto the plan's spelling
    lapor = _tulis(tmp_path, "lapor.csv", "tahun;triwulan;pilar;opd;program;satuan_output;capaian_output;pagu;"
                   "realisasi\n2025;1;2;DisperkimLH;bedah  RUMAH;unit;4;Rp250.000.000;Rp100.000.000\n"
                   "2025;2;2;DisperkimLH;Bedah Rumah.;unit;11;;Rp150.000.000\n")
    _muat(con, lapor, "intervensi")
    assert {r[0] for r in con.execute("SELECT program FROM v_intervensi WHERE kode_opd = 'DISPERKIMLH'"
                                      ).fetchall()} == {"Bedah rumah"}
    t = rencana_pilar(con, 2, 2025, "DISPERKIMLH", hari_ini=date(2025, 8, 1)).tabel.set_index("program")
    bedah = t.loc["Bedah rumah"]
    # both sides cumulative ("s.d. triwulan"): 11 reported by quarter 2 against 10 planned; the year's target 25
    assert (bedah["rencana_q2"], bedah["capaian_q2"], bedah["target_tahun"]) == (10, 11, 25)
    assert bedah["status"] == rc.SESUAI
    assert t.loc["Sanitasi komunal", "status"] == rc.BELUM
    # a correction with an empty budget cell keeps the stored budget; rolling it back restores the old target
    koreksi = _tulis(tmp_path, "koreksi.csv", "tahun;triwulan;pilar;opd;program;target_output;pagu_rencana\n"
                     "2025;4;2;DisperkimLH;Bedah rumah;30;\n")
    b = _muat(con, koreksi, "rencana")
    sql_sel = ("SELECT target_output, pagu_rencana, satuan_output, batch_id FROM v_rencana_aksi WHERE triwulan = 4 "
               "AND program = 'Bedah rumah'")
    assert con.execute(sql_sel).fetchone() == (30.0, 625_000_000.0, "unit", b)
    pra = pratinjau_batal(con, b)
    assert pra.jumlah == 1 and pra.sel.iloc[0]["kolom"] == "target_output"
    batalkan(con, b, "penguji")
    assert con.execute(sql_sel).fetchone() == (25.0, 625_000_000.0, "unit", a)
    assert rencana_pilar(con, 2, 2025, "DISPERKIMLH").tabel.set_index("program").loc["Bedah rumah",
                                                                                      "target_tahun"] == 25


def test_the_same_target_in_every_quarter_is_named_too(con: duckdb.DuckDBPyConnection):
    """Review of issue 18, finding 5: "5; 5; 5; 5" per quarter (the warning's own example) passed without a word
    and read as a year target of 5, so 11 units delivered showed "Tercapai" when 20 were planned."""
    data = ("tahun;triwulan;pilar;opd;program;satuan_output;target_output\n"
            + "".join(f"2026;{q};2;DisperkimLH;Rehabilitasi RTLH;unit;5\n" for q in (1, 2, 3, 4))).encode()
    hasil = ingest_file(con, data, "rencana_rata.csv", "rencana", "penguji")
    p = [p for p in hasil.pesan if p.tingkat == "peringatan" and "sama di setiap triwulan" in p.teks]
    assert len(p) == 1 and p[0].baris == 2 and p[0].kolom == "target_output", hasil.baris_teks()
    assert "5, 10, 15, 20" in p[0].teks
    # a series that rises is cumulative as written: no such warning
    naik = b"\n".join(r.replace(b"unit;5", b"unit;" + str(5 * i).encode()) if i else r
                      for i, r in enumerate(data.splitlines())) + b"\n"
    hasil = ingest_file(con, naik, "rencana_naik.csv", "rencana", "penguji")
    assert not [p for p in hasil.pesan if "sama di setiap triwulan" in p.teks]


def test_a_plan_that_leaves_stored_quarter_targets_in_place_says_so(con: duckdb.DuckDBPyConnection):
    """Review of issue 18, finding 5: a corrected annual plan (target 20) left the stored per-quarter rows (5, 5, 5,
    5) in place without a word, and the table then read "5 / 5, 11 / 5, – / 5, – / 20"."""
    kepala = "tahun;triwulan;pilar;opd;program;satuan_output;target_output\n"
    per_tw = (kepala + "".join(f"2026;{q};2;DisperkimLH;Rehabilitasi RTLH;unit;5\n" for q in (1, 2, 3, 4))).encode()
    pertama = ingest_file(con, per_tw, "rencana_a.csv", "rencana", "penguji")
    assert pertama.status == "diterima"
    tahunan = (kepala + "2026;;2;DisperkimLH;Rehabilitasi RTLH;unit;20\n").encode()
    hasil = ingest_file(con, tahunan, "rencana_c.csv", "rencana", "penguji", dry_run=True)
    p = [p for p in hasil.pesan if p.tingkat == "peringatan" and "triwulan" in p.teks and "tersimpan" in p.teks]
    assert len(p) == 1 and p[0].baris == 2, hasil.baris_teks()
    assert f"batch {pertama.batch_id}" in p[0].teks and "1, 2, 3, 4" in p[0].teks, p[0].teks
    # restating the quarters in the same file is fine
    lengkap = (kepala + "".join(f"2026;{q};2;DisperkimLH;Rehabilitasi RTLH;unit;{5 * q}\n" for q in (1, 2, 3, 4))
               + "2026;;2;DisperkimLH;Rehabilitasi RTLH;unit;20\n").encode()
    hasil = ingest_file(con, lengkap, "rencana_d.csv", "rencana", "penguji", dry_run=True)
    assert not [p for p in hasil.pesan if "tersimpan" in p.teks and "triwulan" in p.teks], hasil.baris_teks()
