"""The rakor material every artefact shows alike: the current meeting, the previous one, and the follow-up.

Why one function: the follow-up slide, the Tindak lanjut page, the workbook sheet and the minutes PDF must list the
same decisions with the same statuses and suggestions, so they all read :func:`bahan_rakor`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import pandas as pd

from tkpk.rakor import keputusan as kp
from tkpk.rakor.saran import saran_status
from tkpk.toko.queries import fetch


@dataclass(frozen=True)
class BahanRakor:
    hari_ini: date
    sekarang: dict[str, Any] | None         # the rakor on the agenda (latest by date unless chosen)
    sebelumnya: dict[str, Any] | None       # the one before it
    keputusan: pd.DataFrame                 # decisions of the current rakor
    tindak_lanjut: pd.DataFrame             # decisions of the previous rakor, with suggestions (saran_status)
    daftar: pd.DataFrame                    # every rakor, newest first

    @property
    def sampel(self) -> bool:
        """True when anything shown rests on sample data (see the two parts below)."""
        return self.sampel_keputusan or self.sampel_tindak_lanjut

    @property
    def sampel_keputusan(self) -> bool:
        """The decisions slide: the current rakor is a sample one, or one of its decisions is."""
        ada = [bool(self.sekarang["sampel"])] if self.sekarang is not None else []
        ada += self.keputusan["sampel"].astype(bool).tolist() if "sampel" in self.keputusan else []
        return any(ada)

    @property
    def sampel_tindak_lanjut(self) -> bool:
        """The follow-up: a decision followed up is sample (so is every decision of a sample rakor), or its
        suggestion rests on sample reports. A sample previous rakor without any decision labels nothing."""
        ada: list[bool] = []
        for c in ("sampel", "saran_sampel"):
            if c in self.tindak_lanjut:
                ada += self.tindak_lanjut[c].astype(bool).tolist()
        if self.sebelumnya is not None and len(self.tindak_lanjut):
            ada.append(bool(self.sebelumnya["sampel"]))
        return any(ada)

    @property
    def terlambat(self) -> int:
        return int(self.tindak_lanjut["terlambat"].sum()) if "terlambat" in self.tindak_lanjut else 0


def judul_rakor(r: dict[str, Any] | None) -> str:
    """"Rakor TKPK Desember 2024 (18 Desember 2024, Aula Bappedalitbang)"."""
    if r is None:
        return "–"
    from tkpk import fmt

    tempat = f", {r['tempat']}" if r.get("tempat") and not pd.isna(r.get("tempat")) else ""
    return f"{r['judul']} ({fmt.tanggal(pd.Timestamp(r['tanggal']).date())}{tempat})"


def _tindak_lanjut(con: duckdb.DuckDBPyConnection, rakor: dict[str, Any], hari_ini: date) -> pd.DataFrame:
    k = kp.keputusan_rakor(con, int(rakor["rakor_id"]), hari_ini)
    tanggal = pd.Timestamp(rakor["tanggal"]).date()
    intervensi = fetch(con, "rakor_intervensi_sejak", {"tahun": tanggal.year})
    indikator = sorted({str(x) for x in k["indikator"].dropna()}) if len(k) else []
    nilai = fetch(con, "rakor_nilai_sejak", {"tahun": tanggal.year, "indikator": indikator or [""]})
    return saran_status(k, intervensi, nilai, tanggal)


def bahan_rakor(con: duckdb.DuckDBPyConnection, rakor_id: int | None = None, hari_ini: date | None = None
                ) -> BahanRakor:
    """The current rakor (``rakor_id`` or the latest), its decisions, and the previous rakor's follow-up."""
    hari_ini = hari_ini or date.today()
    daftar = kp.daftar_rakor(con)
    pasangan = kp.pilih_rakor(daftar, rakor_id)
    kosong = kp.tandai_terlambat(fetch(con, "rakor_keputusan", {"rakor_id": -1}), hari_ini)
    keputusan = kp.keputusan_rakor(con, int(pasangan.sekarang["rakor_id"]), hari_ini) \
        if pasangan.sekarang is not None else kosong
    tindak = _tindak_lanjut(con, pasangan.sebelumnya, hari_ini) if pasangan.sebelumnya is not None \
        else saran_status(kosong, pd.DataFrame(), pd.DataFrame(), hari_ini)
    return BahanRakor(hari_ini, pasangan.sekarang, pasangan.sebelumnya, keputusan, tindak, daftar)
