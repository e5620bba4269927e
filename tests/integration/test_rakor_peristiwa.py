"""Rakor and decisions on a real store: append-only events, current state, history, withdrawal."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from tkpk.rakor import keputusan as kp
from tkpk.toko.db import connect


@pytest.fixture
def con(store_path: Path, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    path = tmp_path / "rakor.duckdb"
    shutil.copy(store_path, path)
    c = connect(path)
    yield c
    c.close()


def _jumlah(con: duckdb.DuckDBPyConnection, tabel: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0])


def test_a_decision_is_recorded_edited_and_withdrawn_without_losing_any_state(con: duckdb.DuckDBPyConnection):
    awal = _jumlah(con, "keputusan_peristiwa")  # the bundled sample rakor has its own events
    rakor = kp.buat_rakor(con, kp.IsiRakor(date(2024, 12, 18), "Rakor TKPK Desember 2024", "Aula Bappedalitbang"),
                          oleh="analis1", waktu=datetime(2024, 12, 18, 10))
    kid = kp.catat_keputusan(con, rakor, kp.IsiKeputusan(
        "Bedah rumah 20 unit di Martapura", kode_opd="DISPERKIMLH", tenggat=date(2025, 6, 30),
        kode_wilayah="63.03.05", program="Rehabilitasi RTLH", target=20.0), oleh="analis1",
        waktu=datetime(2024, 12, 18, 11))
    assert kp.ubah_keputusan(con, kid, oleh="analis2", status="berjalan", waktu=datetime(2025, 4, 2))
    assert kp.ubah_keputusan(con, kid, oleh="analis1", teks="Bedah rumah 20 unit di Kecamatan Martapura",
                             waktu=datetime(2025, 4, 3))
    # The same state again writes nothing.
    assert not kp.ubah_keputusan(con, kid, oleh="analis1", status="berjalan")

    sekarang = kp.keputusan_rakor(con, rakor, date(2025, 7, 1))
    assert len(sekarang) == 1
    r = sekarang.iloc[0]
    assert (r["status"], r["teks"], r["nama_opd"], r["nama_wilayah"]) == (
        "berjalan", "Bedah rumah 20 unit di Kecamatan Martapura", "DisperkimLH", "Martapura")
    assert (r["dibuat_oleh"], r["diubah_oleh"], r["jumlah_peristiwa"]) == ("analis1", "analis1", 3)
    assert bool(r["terlambat"]) and r["status_tampil"] == "Berjalan · Terlambat"

    log = kp.riwayat(con, kid)
    assert log["berubah"].tolist() == ["dicatat", "status", "teks"]
    assert log["oleh"].tolist() == ["analis1", "analis2", "analis1"]
    assert log["teks"].iloc[0] == "Bedah rumah 20 unit di Martapura"  # the original wording is kept

    kp.tarik_keputusan(con, kid, oleh="analis2")
    assert kp.keputusan_rakor(con, rakor, date(2025, 7, 1)).empty
    assert kp.riwayat(con, kid)["berubah"].iloc[-1] == "ditarik"
    assert _jumlah(con, "keputusan_peristiwa") == awal + 4
    with pytest.raises(kp.IsianGagal, match="sudah ditarik"):
        kp.ubah_keputusan(con, kid, oleh="analis1", status="selesai")


def test_a_refused_decision_writes_nothing_and_says_why(con: duckdb.DuckDBPyConnection):
    rakor = kp.buat_rakor(con, kp.IsiRakor(date(2025, 12, 17), "Rakor TKPK Desember 2025"), oleh="a")
    before = _jumlah(con, "keputusan_peristiwa")
    with pytest.raises(kp.IsianGagal) as e:
        kp.catat_keputusan(con, rakor, kp.IsiKeputusan(" ", kode_opd="X", kode_wilayah="99.99"), oleh="a")
    assert len(e.value.pesan) == 3
    assert _jumlah(con, "keputusan_peristiwa") == before
    with pytest.raises(kp.IsianGagal, match="tidak ada"):
        kp.catat_keputusan(con, 9999, kp.IsiKeputusan("Teks"), oleh="a")


def test_rakor_edits_and_withdrawal_are_events_and_the_latest_is_current(con: duckdb.DuckDBPyConnection):
    # later than the bundled sample rakor, so these two are "current" and "previous"
    a = kp.buat_rakor(con, kp.IsiRakor(date(2026, 3, 18), "Rakor A"), oleh="a")
    b = kp.buat_rakor(con, kp.IsiRakor(date(2026, 6, 20), "Rakor B"), oleh="a")
    assert kp.ubah_rakor(con, b, kp.IsiRakor(date(2026, 6, 21), "Rakor B (revisi)", "Martapura"), oleh="b")
    assert not kp.ubah_rakor(con, b, kp.IsiRakor(date(2026, 6, 21), "Rakor B (revisi)", "Martapura"), oleh="b")
    daftar = kp.daftar_rakor(con)
    dipilih = kp.pilih_rakor(daftar)
    assert dipilih.sekarang["judul"] == "Rakor B (revisi)" and dipilih.sebelumnya["rakor_id"] == a
    kp.tarik_rakor(con, b, oleh="a")
    assert kp.pilih_rakor(kp.daftar_rakor(con)).sekarang["rakor_id"] == a
    assert _jumlah(con, f"rakor_peristiwa WHERE rakor_id = {b}") == 3
    with pytest.raises(kp.IsianGagal, match="Judul"):
        kp.buat_rakor(con, kp.IsiRakor(date(2025, 1, 1), "  "), oleh="a")


def test_a_decision_of_a_withdrawn_rakor_cannot_be_changed(con: duckdb.DuckDBPyConnection):
    """Review of issue 18, finding 8: after the rakor was withdrawn, a status change of one of its decisions was
    still written."""
    r = kp.buat_rakor(con, kp.IsiRakor(date(2025, 6, 20), "Rakor salah input"), oleh="a")
    kid = kp.catat_keputusan(con, r, kp.IsiKeputusan("Uji", kode_opd="DISPERKIMLH"), oleh="a")
    kp.tarik_rakor(con, r, oleh="a")
    sebelum = _jumlah(con, "keputusan_peristiwa")
    with pytest.raises(kp.IsianGagal, match="sudah ditarik"):
        kp.ubah_keputusan(con, kid, oleh="a", status="selesai")
    assert _jumlah(con, "keputusan_peristiwa") == sebelum


def test_a_rakor_date_after_its_decisions_deadlines_is_refused(con: duckdb.DuckDBPyConnection):
    """Review of issue 18, finding 8: moving a rakor to 30 Nov 2026 was accepted although its decisions were due
    30 Jun and 30 Sep; afterwards every status update on them was refused ("Tenggat tidak boleh sebelum tanggal
    rakor") until each deadline was edited."""
    r = kp.buat_rakor(con, kp.IsiRakor(date(2026, 3, 10), "Rakor Maret 2026", "Martapura"), oleh="a")
    k1 = kp.catat_keputusan(con, r, kp.IsiKeputusan("Bedah rumah 10 unit", kode_opd="DISPERKIMLH",
                                                    tenggat=date(2026, 6, 30)), oleh="a")
    kp.catat_keputusan(con, r, kp.IsiKeputusan("Jemput bola KTP-el", kode_opd="DISDUKCAPIL",
                                               tenggat=date(2026, 9, 30)), oleh="a")
    sebelum = _jumlah(con, "rakor_peristiwa")
    with pytest.raises(kp.IsianGagal, match=r"keputusan .*30-06-2026"):
        kp.ubah_rakor(con, r, kp.IsiRakor(date(2026, 11, 30), "Rakor Maret 2026", "Martapura"), oleh="a")
    assert _jumlah(con, "rakor_peristiwa") == sebelum
    # a date still before every deadline is fine, and status updates keep working
    assert kp.ubah_rakor(con, r, kp.IsiRakor(date(2026, 3, 12), "Rakor Maret 2026", "Martapura"), oleh="a")
    assert kp.ubah_keputusan(con, k1, oleh="a", status="berjalan")
