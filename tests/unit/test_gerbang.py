"""The login log (finding 12 of the review of issue 15): a password typed into the name field must not reach the
server log. Names of existing accounts are logged as typed; any other name only as a short keyed fingerprint and
its length (the same name gives the same fingerprint while the server runs, so repeated tries still show)."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from tkpk.akun import gerbang
from tkpk.akun import lokal as auth
from tkpk.akun.pembatas import Pembatas


@pytest.fixture
def berkas(tmp_path: Path) -> Path:
    path = tmp_path / "s.toml"
    auth.add_user(path, "ani", "sandi-benar-ani")
    path.write_text(path.read_text() + '"nonaktif" = ""\n')
    return path


def _log(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "tkpk.masuk"]


def test_unknown_names_are_logged_as_a_fingerprint_only(berkas: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="tkpk.masuk")
    p = Pembatas()
    rahasia = "Sandi-Rahasia-Ani-2024!"  # typed into the name field by mistake
    gerbang.coba_masuk(berkas, rahasia, "apa-saja-panjang", "10.0.0.5", pembatas=p)
    gerbang.coba_masuk(berkas, rahasia, "apa-saja-panjang", "10.0.0.5", pembatas=p)
    gerbang.coba_masuk(berkas, "budi", "apa-saja-panjang", "10.0.0.5", pembatas=p)
    baris = _log(caplog)
    assert len(baris) == 3
    assert not any(rahasia in b or rahasia[:8] in b or "budi" in b for b in baris), baris
    sidik = [re.search(r"akun=tak-dikenal\(sidik=([0-9a-f]{8}),panjang=(\d+)\)", b) for b in baris]
    assert all(sidik), baris
    assert sidik[0].group(1) == sidik[1].group(1) != sidik[2].group(1), "one name, one fingerprint"  # type: ignore[union-attr]
    assert sidik[0].group(2) == str(len(rahasia)) and sidik[2].group(2) == "4"  # type: ignore[union-attr]


def test_existing_accounts_are_logged_by_name(berkas: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="tkpk.masuk")
    p = Pembatas()
    gerbang.coba_masuk(berkas, "ani", "salah-sandi-panjang", "10.0.0.5", pembatas=p)
    gerbang.coba_masuk(berkas, "ani", "sandi-benar-ani", "10.0.0.5", pembatas=p)
    gerbang.coba_masuk(berkas, "nonaktif", "apa-saja-panjang", "10.0.0.5", pembatas=p)
    baris = _log(caplog)
    assert baris == ["masuk akun='ani' klien=10.0.0.5 hasil=gagal", "masuk akun='ani' klien=10.0.0.5 hasil=berhasil",
                     "masuk akun='nonaktif' klien=10.0.0.5 hasil=nonaktif"]
    assert not any("salah-sandi" in b or "sandi-benar" in b for b in baris)
