"""A failure we did not foresee while reading or checking an upload reaches the analyst as a reference code, never
as a Python class name or message, and the traceback is in the server log under that same code (issue 15, review
finding 7)."""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb
import pytest

from tkpk.ingest import proses
from tkpk.ingest.wilayah import Pencocok

ROOT = Path(__file__).resolve().parents[2]
CSV = b"tahun;kode_wilayah;rtlh\n2024;63.03.01;5\n"


class RahasiaError(RuntimeError):
    pass


def _gagal(*_a: object, **_k: object) -> None:
    raise RahasiaError("/srv/tkpk/data/tkpk.duckdb: internal detail")


@pytest.mark.parametrize("tempat", ["baca", "validasi"])
def test_an_unforeseen_failure_shows_a_reference_code_and_logs_the_traceback(
        tempat: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture):
    monkeypatch.setattr(proses, tempat, _gagal)
    p = Pencocok.dari_csv(ROOT / "data" / "wilayah_banjar.csv")
    with caplog.at_level(logging.ERROR, logger="tkpk.galat"):
        h = proses.periksa(duckdb.connect(), CSV, "x.csv", "indikator", pencocok=p)
    assert h.ditolak and len(h.pesan) == 1
    teks = h.pesan[0].teks
    assert "RahasiaError" not in teks and "/srv" not in teks and "internal detail" not in teks
    ref = teks.split("kode rujukan ")[1].split(")")[0]
    assert len(ref) == 8 and ref in teks.split(")", 1)[1]  # the code is repeated where the analyst is told to send it
    catatan = [r for r in caplog.records if ref in r.getMessage()]
    assert len(catatan) == 1 and catatan[0].exc_info and catatan[0].exc_info[0] is RahasiaError
