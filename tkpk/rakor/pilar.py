"""The rakor's view of one pillar and year: action plans against delivery, and the award candidates.

Both read the same year the Kinerja pilar page reads (:func:`tkpk.pilar.kartu.kartu_skor` for the scores), so a rank
or a plan status never disagrees with the scorecard beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb
import pandas as pd

from tkpk import SUMBER_CONTOH, katalog
from tkpk.pilar import kartu as pilar_kartu
from tkpk.pilar.tabel import Tabel, siap
from tkpk.rakor import penghargaan as ph
from tkpk.rakor import rencana as rc
from tkpk.rakor import tabel as rt
from tkpk.toko.queries import fetch


@dataclass(frozen=True)
class RencanaPilar:
    pilar: int
    tahun: int
    tabel: pd.DataFrame          # rows of :func:`tkpk.rakor.rencana.rencana_vs_realisasi` for the pillar (and OPD)
    ringkas: dict[str, int]      # plans per status
    sampel: bool
    layar: Tabel = field(compare=False)  # the page's table (:func:`tkpk.rakor.tabel.tabel_rencana`), built once

    @property
    def ada(self) -> bool:
        return not self.tabel.empty

    def teks(self) -> str:
        """"12 program direncanakan: 6 tercapai, 1 sesuai rencana, 3 tertinggal, 2 belum ada progres"."""
        if not self.ada:
            return f"Belum ada rencana aksi tersimpan untuk {self.tahun}."
        urut = (rc.TERCAPAI, rc.SESUAI, rc.TERLAMBAT_LAPOR, rc.TERTINGGAL, rc.TIDAK_TERCAPAI, rc.BELUM,
                rc.TIDAK_MELAPOR, rc.TANPA_TARGET)
        bagian = ", ".join(f"{self.ringkas[s]} {s}" for s in urut if self.ringkas.get(s))
        return f"{len(self.tabel)} program direncanakan: {bagian}."

    def teks_sumber(self) -> str:
        """The plan table's caption (after "Sumber: "), with the sample label when plans or reports are sample, as
        every other caption of the page (:func:`tkpk.pilar.kartu.teks_sumber`)."""
        teks = f"rencana aksi OPD dan laporan intervensi OPD {self.tahun} (batch aktif terbaru)"
        return f"{teks}. ⚠️ {SUMBER_CONTOH}, bukan data resmi." if self.sampel else f"{teks}."


def rencana_pilar(con: duckdb.DuckDBPyConnection, pilar: int, tahun: int, opd: str | None = None,
                  hari_ini: date | None = None) -> RencanaPilar:
    """Plans of one pillar (one OPD when given) against the year's reports, as of ``hari_ini`` (today by default)."""
    rencana = fetch(con, "rakor_rencana_tahun", {"tahun": tahun})
    lapor = fetch(con, "rakor_intervensi_tahun", {"tahun": tahun})
    t = rc.rencana_vs_realisasi(rencana, lapor, tahun, hari_ini)
    t = t[t["pilar"] == pilar]
    if opd:
        t = t[t["kode_opd"] == opd]
    t = t.reset_index(drop=True)
    return RencanaPilar(pilar, tahun, t, rc.ringkas_status(t), bool(t["sampel"].any()) if len(t) else False,
                        layar=siap(rt.tabel_rencana(t, katalog.NAMA_SINGKAT_OPD)))


@dataclass(frozen=True)
class Penghargaan:
    pilar: int
    tahun: int
    tabel: pd.DataFrame   # ph.peringkat rows: nama_singkat, components, skor, peringkat, komponen_kosong
    sekaligus: bool       # the year's reports came in one load: timeliness not assessed
    sampel: bool          # a figure of the ranking rests on sample data (this pillar's reports, plans or pockets)
    layar: Tabel = field(compare=False)  # the page's table (:func:`tkpk.rakor.tabel.tabel_penghargaan`), built once
    tanpa_kantong: bool = False  # no poverty pockets for the year: targeting not assessed, weights rescaled


def kandidat_penghargaan(con: duckdb.DuckDBPyConnection, pilar: int, tahun: int, hari_ini: date | None = None
                         ) -> Penghargaan:
    """The OPDs of a pillar ranked by :data:`tkpk.rakor.penghargaan.BOBOT` for ``tahun`` (year view); timeliness
    counts every period due by ``hari_ini`` (today by default)."""
    k = pilar_kartu.kartu_skor(con, pilar, tahun)
    opd = k.opd[["pilar", "kode_opd", "nama_singkat", "belum_melapor", "serapan_pct", "sampel"]]
    opd = opd.assign(melapor=~opd["belum_melapor"].fillna(True).astype(bool))
    # capaian against the plan's target where the OPD planned the program (the plan table's own figure)
    rencana = rc.rencana_vs_realisasi(fetch(con, "rakor_rencana_tahun", {"tahun": tahun}),
                                      fetch(con, "rakor_intervensi_tahun", {"tahun": tahun}), tahun, hari_ini)
    capaian = ph.capaian_acuan(k.baris, rencana[rencana["pilar"] == pilar], k.aturan.batas_capaian_agregat)
    opd = opd.merge(capaian, on="kode_opd", how="left")
    tepat = pd.DataFrame(columns=["kode_opd", "tepat_sasaran_pct"])
    if k.tepat_opd is not None and not k.tepat_opd.empty:
        tepat = k.tepat_opd[["kode_opd", "kantong_jumlah_pct"]].rename(
            columns={"kantong_jumlah_pct": "tepat_sasaran_pct"})
    waktu = fetch(con, "rakor_waktu_lapor", {"tahun": tahun})
    lapor = ph.ketepatan_lapor(waktu, tahun, hari_ini or date.today(), opd["kode_opd"])
    d = opd.merge(tepat, on="kode_opd", how="left").merge(lapor, on="kode_opd", how="left")
    # sample when a figure shown rests on sample data: this pillar's reports or plans (another pillar's plans
    # are not shown), or the pockets behind "tepat sasaran" (when any OPD has a targeting figure)
    kantong_dipakai = bool(d["tepat_sasaran_pct"].notna().any())
    rencana_pilar_ini = rencana[rencana["pilar"] == pilar]
    sampel = (bool(d["sampel"].fillna(False).astype(bool).any()) or bool(rencana_pilar_ini["sampel"].any())
              or (kantong_dipakai and k.kantong.sampel))
    peringkat = ph.peringkat(d)
    return Penghargaan(pilar, tahun, peringkat, ph.sekaligus(waktu), sampel, siap(rt.tabel_penghargaan(peringkat)),
                       tanpa_kantong=not k.kantong.kode)
