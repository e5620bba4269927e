"""``python -m tkpk ingest`` / ``add-user`` through :func:`tkpk.ingest.cli.main`: output and exit codes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import table_hashes
from tests.integration import test_ingest_corpus as korpus
from tkpk import auth
from tkpk.db import connect
from tkpk.ingest.cli import add_user_main, main

CORPUS = korpus.CORPUS
ref_store = korpus.ref_store


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


def test_internal_error_is_exit_1(db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    import tkpk.ingest.proses as proses

    def boom(*_a: object, **_k: object) -> None:
        raise OSError("disk rusak")

    monkeypatch.setattr(proses, "simpan_hasil", boom)
    assert main([str(CORPUS / "baik_bps.csv"), "--kind", "bps", "--db", str(db)]) == 1
    assert "Kesalahan internal" in capsys.readouterr().out


def test_add_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "secrets.toml"
    monkeypatch.setenv("TKPK_PASSWORD", "sandi-uji-panjang")
    assert add_user_main(["ani", "--secrets", str(path)]) == 0
    assert auth.verify(path, "ani", "sandi-uji-panjang")
    monkeypatch.setenv("TKPK_PASSWORD", "pendek")
    assert add_user_main(["budi", "--secrets", str(path)]) == 2
    assert "minimal" in capsys.readouterr().out
