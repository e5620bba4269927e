"""``python -m tkpk ingest`` / ``add-user`` through :func:`tkpk.ingest.cli.main`: output and exit codes."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import table_hashes
from tests.integration import test_ingest_corpus as korpus
from tkpk.akun import lokal as auth
from tkpk.akun.cli import add_user_main
from tkpk.ingest.cli import main, rollback_main
from tkpk.toko.db import connect

CORPUS = korpus.CORPUS


@pytest.fixture
def db(ref_store: Path, tmp_path: Path) -> Path:
    path = tmp_path / "t.duckdb"
    shutil.copy(ref_store, path)
    return path


def _hashes(path: Path) -> dict[str, str]:
    con = connect(path)
    try:
        return table_hashes(con)
    finally:
        con.close()


def test_good_file_then_same_again(db: Path, capsys: pytest.CaptureFixture[str]):
    f = str(CORPUS / "baik_bps.csv")
    assert main([f, "--kind", "bps", "--db", str(db), "--user", "ani"]) == 0
    out = capsys.readouterr().out
    assert "2 baris baru" in out and "Tersimpan sebagai batch" in out
    before = _hashes(db)
    assert main([f, "--kind", "bps", "--db", str(db)]) == 0
    assert "tidak ada perubahan" in capsys.readouterr().out
    assert _hashes(db) == before


def test_bad_file_exit_2_and_store_unchanged(db: Path, capsys: pytest.CaptureFixture[str]):
    before = _hashes(db)
    code = main([str(CORPUS / "salah_angka_koma_ganda.csv"), "--kind", "intervensi", "--db", str(db)])
    out = capsys.readouterr().out
    assert code == 2
    assert 'GALAT: Baris 3, kolom "pagu": "12,5,0" bukan angka' in out and "DITOLAK" in out
    assert _hashes(db) == before


def test_dry_run_and_missing_file(db: Path, capsys: pytest.CaptureFixture[str]):
    before = _hashes(db)
    assert main([str(CORPUS / "baik_bps.csv"), "--kind", "bps", "--db", str(db), "--dry-run"]) == 0
    assert "uji coba" in capsys.readouterr().out
    assert main([str(CORPUS / "tidak-ada.csv"), "--kind", "bps", "--db", str(db)]) == 2
    assert _hashes(db) == before


def test_locked_store_is_refused(db: Path, capsys: pytest.CaptureFixture[str]):
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(db)!r}); "
                               "print('ok', flush=True); time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        assert main([str(CORPUS / "baik_bps.csv"), "--kind", "bps", "--db", str(db)]) == 2
        assert "dipakai oleh proses lain" in capsys.readouterr().out
    finally:
        holder.kill()
        holder.wait()


def test_internal_error_is_exit_1(db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                  caplog: pytest.LogCaptureFixture):
    import tkpk.ingest.proses as proses

    def boom(*_a: object, **_k: object) -> None:
        raise OSError("disk rusak")

    monkeypatch.setattr(proses, "simpan_hasil", boom)
    with caplog.at_level(logging.ERROR, logger="tkpk.galat"):
        assert main([str(CORPUS / "baik_bps.csv"), "--kind", "bps", "--db", str(db)]) == 1
    _kode_rujukan(capsys.readouterr().out, caplog, OSError)


def _kode_rujukan(out: str, caplog: pytest.LogCaptureFixture, jenis: type[BaseException]) -> None:
    """Review finding 8: a reference code, never the class name or the message; the traceback logged under it."""
    assert out.startswith("Kesalahan internal (kode rujukan ") and out.strip().endswith(
        "; basis data tidak diubah. Rinciannya ada di log."), out
    assert jenis.__name__ not in out and "disk rusak" not in out
    ref = out.split("kode rujukan ")[1].split(")")[0]
    catatan = [r for r in caplog.records if ref in r.getMessage()]
    assert len(ref) == 8 and len(catatan) == 1 and catatan[0].exc_info and catatan[0].exc_info[0] is jenis


def test_rollback_internal_error_is_exit_1_with_a_reference_code(
        db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture):
    import tkpk.ingest.batal as batal

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("disk rusak")

    monkeypatch.setattr(batal, "pratinjau_batal", boom)
    with caplog.at_level(logging.ERROR, logger="tkpk.galat"):
        assert rollback_main(["2", "--db", str(db), "--dry-run"]) == 1
    _kode_rujukan(capsys.readouterr().out, caplog, RuntimeError)


def test_missing_file_folder_and_folder_as_db_are_indonesian(db: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]):
    """Review finding 8: the OS's English ("No such file or directory", "Is a directory") and a folder given as
    --db reported as "tidak ditemukan"."""
    assert main([str(tmp_path / "tidak-ada.csv"), "--kind", "bps", "--db", str(db)]) == 2
    out = capsys.readouterr().out
    assert out.startswith("GALAT: berkas ") and "tidak ada" in out and "No such file" not in out, out
    assert main([str(tmp_path), "--kind", "bps", "--db", str(db)]) == 2
    out = capsys.readouterr().out
    assert "adalah folder, bukan berkas" in out and "directory" not in out, out
    for perintah, args in ((main, [str(CORPUS / "baik_bps.csv"), "--kind", "bps"]), (rollback_main, ["2"])):
        for dry in ([], ["--dry-run"]):
            assert perintah([*args, "--db", str(tmp_path), *dry]) == 2
            out = capsys.readouterr().out
            assert out.startswith("GALAT: --db menunjuk folder") and "bukan berkas basis data" in out, out
            assert "tidak ditemukan" not in out
    assert [f.name for f in tmp_path.iterdir()] == [db.name]  # nothing was created in the folder


def test_add_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "secrets.toml"
    monkeypatch.setenv("TKPK_PASSWORD", "sandi-uji-panjang")
    assert add_user_main(["ani", "--secrets", str(path)]) == 0
    assert auth.verify(path, "ani", "sandi-uji-panjang")
    monkeypatch.setenv("TKPK_PASSWORD", "pendek")
    assert add_user_main(["budi", "--secrets", str(path)]) == 2
    assert "minimal" in capsys.readouterr().out


# ---- issue 13: CLI traps ------------------------------------------------------------------------------------------
def _jalan(*args: str) -> subprocess.CompletedProcess[str]:
    """The real command in its own process, as an analyst runs it."""
    return subprocess.run([sys.executable, "-m", "tkpk", *args], capture_output=True, text=True, timeout=120,
                          check=False)


# Several commands in one fresh interpreter, each as ``python -m tkpk`` runs it (``sys.exit(main())``, an escaping
# exception printed as a traceback): one start-up and import of the package instead of one per command (about 2 s
# each on two cores).
_PENGGERAK = """
import contextlib, io, json, sys, traceback
from tkpk.cli import main
hasil = []
for args in json.loads(sys.stdin.read()):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            kode = main(args)
        except SystemExit as e:
            kode = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
            if not isinstance(e.code, (int, type(None))):
                print(e.code, file=sys.stderr)
        except BaseException:
            traceback.print_exc()
            kode = 1
    hasil.append([kode, out.getvalue(), err.getvalue()])
sys.__stdout__.write(json.dumps(hasil))
"""


def _jalan_semua(*perintah: tuple[str, ...]) -> list[subprocess.CompletedProcess[str]]:
    """Each command's exit code and output, as :func:`_jalan` gives them, from one process."""
    r = subprocess.run([sys.executable, "-c", _PENGGERAK], input=json.dumps([list(a) for a in perintah]),
                       capture_output=True, text=True, timeout=300, check=True)
    return [subprocess.CompletedProcess(list(a), kode, out, err)
            for a, (kode, out, err) in zip(perintah, json.loads(r.stdout), strict=True)]


@pytest.mark.parametrize("dry", [False, True])
def test_mistyped_db_is_refused_and_never_created(tmp_path: Path, dry: bool):
    salah = tmp_path / "tkpk.duckdbb"
    r = _jalan("ingest", str(CORPUS / "baik_bps.csv"), "--kind", "bps", "--db", str(salah), *(["--dry-run"] * dry))
    assert r.returncode == 2 and "tidak ditemukan" in r.stdout and "Traceback" not in r.stdout + r.stderr
    assert not salah.exists() and not list(tmp_path.iterdir())


def test_a_file_that_is_not_a_store_is_exit_2_without_traceback(tmp_path: Path):
    bukan = tmp_path / "catatan.duckdb"
    bukan.write_text("ini bukan basis data\n")
    semua = [(*a, "--db", str(bukan)) for a in (("ingest", str(CORPUS / "baik_bps.csv"), "--kind", "bps"),
                                                ("rollback", "1"),
                                                ("export", "--year", "2024", "--out", str(tmp_path / "ekspor")))]
    for args, r in zip(semua, _jalan_semua(*semua), strict=True):
        teks = r.stdout + r.stderr
        assert r.returncode == 2 and "bukan basis data DuckDB" in teks and "Traceback" not in teks, args
    assert bukan.read_text() == "ini bukan basis data\n"


def test_missing_db_for_export_and_rollback(tmp_path: Path):
    semua = [(*a, "--db", str(tmp_path / "tidak-ada.duckdb"))
             for a in (("rollback", "3"), ("export", "--year", "2024", "--out", str(tmp_path / "e")))]
    for args, r in zip(semua, _jalan_semua(*semua), strict=True):
        assert r.returncode == 2 and "tidak ditemukan" in r.stdout + r.stderr, args
    assert not (tmp_path / "tidak-ada.duckdb").exists()


def test_dry_run_writes_nothing_at_all(db: Path):
    sebelum = db.read_bytes()
    assert main([str(CORPUS / "baik_bps.csv"), "--kind", "bps", "--db", str(db), "--dry-run"]) == 0
    assert db.read_bytes() == sebelum and not Path(str(db) + ".wal").exists()


def test_every_command_refuses_a_locked_store_with_one_line(db: Path):
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(db)!r}); "
                               "print('ok', flush=True); time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        semua = [(*a, "--db", str(db)) for a in (
            ("ingest", str(CORPUS / "baik_bps.csv"), "--kind", "bps", "--dry-run"),
            ("ingest", str(CORPUS / "baik_bps.csv"), "--kind", "bps"), ("rollback", "2", "--dry-run"),
            ("rollback", "2"), ("export", "--year", "2024", "--out", str(db.parent / "e")),
            ("init",), ("export-parquet", "--out", str(db.parent / "p")))]
        for args, r in zip(semua, _jalan_semua(*semua), strict=True):
            teks = (r.stdout + r.stderr).strip()
            assert r.returncode == 2, (args, teks)
            assert "sedang dipakai oleh proses lain" in teks and len(teks.splitlines()) == 1, (args, teks)
    finally:
        holder.kill()
        holder.wait()


def test_rollback_command(db: Path, capsys: pytest.CaptureFixture[str]):
    kasus = CORPUS / "kasus"
    assert main([str(kasus / "bps_p0_9_99.csv"), "--kind", "bps", "--db", str(db), "--user", "ani"]) == 0
    bid = int(capsys.readouterr().out.split("Tersimpan sebagai batch ")[1].split(".")[0])
    sebelum = _hashes(db)
    assert rollback_main([str(bid), "--db", str(db), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "mengubah 3 sel" in out and "Kabupaten Banjar (63.03) · p0: 9,99 → 2,36" in out and "uji coba" in out
    assert "Kabupaten Banjar (63.03) · jenis sumber p0: bps → media_bps" in out  # P0's kind changes back too
    assert 'Kabupaten Banjar (63.03) · sumber p0: "Unggahan berkas bps_p0_9_99.csv" → "riceknews.id' in out
    assert _hashes(db) == sebelum
    assert rollback_main([str(bid), "--db", str(db), "--user", "budi", "--alasan", "salah kirim"]) == 0
    out = capsys.readouterr().out
    assert f"Batch {bid} dibatalkan; pembatalan dicatat sebagai batch" in out
    assert rollback_main([str(bid), "--db", str(db)]) == 2
    assert "sudah dibatalkan" in capsys.readouterr().out
    assert rollback_main(["1", "--db", str(db)]) == 2  # the reference batch (places) is not a data batch
    assert "tidak dapat dibatalkan" in capsys.readouterr().out
    assert rollback_main(["999", "--db", str(db)]) == 2
    assert "tidak ada" in capsys.readouterr().out


# --- review finding 9 -------------------------------------------------------------------------------------------

def test_rollback_batch_id_not_a_number_is_indonesian(db: Path):
    r = _jalan("rollback", "abc", "--db", str(db))
    assert r.returncode == 2, r
    assert r.stdout.strip() == "GALAT: BATCH_ID harus berupa angka, mis. 12", r
    assert "invalid" not in r.stdout + r.stderr


def test_argument_errors_are_indonesian(db: Path):
    r = _jalan("ingest", str(CORPUS / "baik_bps.csv"), "--kind", "foo", "--db", str(db))
    assert r.returncode == 2 and r.stdout.startswith("GALAT: --kind: pilihan 'foo' tidak dikenal"), r
    assert "invalid choice" not in r.stdout + r.stderr


def test_export_missing_db_says_galat(tmp_path: Path):
    r = _jalan("export", "--year", "2024", "--out", str(tmp_path / "e"), "--db", str(tmp_path / "tidak-ada.duckdb"))
    assert r.returncode == 2 and (r.stdout + r.stderr).startswith("GALAT: "), r


def test_summary_of_an_empty_file_does_not_look_fine(db: Path, capsys: pytest.CaptureFixture[str]):
    assert main([str(CORPUS / "salah_semua_kosong.csv"), "--kind", "indikator", "--db", str(db)]) == 2
    ringkas = capsys.readouterr().out.strip().splitlines()[-1]
    assert "galat berkas" in ringkas and " baik" not in ringkas and "0 bermasalah" not in ringkas, ringkas


def test_dry_run_changes_of_a_years_as_columns_table_name_year_and_place(db: Path,
                                                                          capsys: pytest.CaptureFixture[str]):
    f = str(CORPUS / "baik_bps_tabel_ribu_jiwa.csv")
    assert main([f, "--kind", "bps", "--db", str(db), "--dry-run"]) == 0
    baris = [b for b in capsys.readouterr().out.splitlines() if "→" in b and "baris" in b]
    assert baris, "no change lines"
    assert any("tahun 2024" in b and "Kabupaten Banjar" in b and "penduduk_miskin" in b for b in baris), baris
    assert all("tahun 20" in b for b in baris), baris
