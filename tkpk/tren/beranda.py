"""Home-page extras beyond the BPS headline: a strip per pillar and data freshness (the pocket count is the map's
own :func:`tkpk.peta.data.ringkasan_kantong`).

Why here and not in the page: the numbers an official sees on the home page must be the same ones the pillar
page computes, so this module only gathers them (from SQL and :mod:`tkpk.pilar.skor`) and never invents its own
rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb
import pandas as pd

from tkpk import SUMBER_CONTOH, fmt, katalog
from tkpk.pilar import skor
from tkpk.toko.queries import fetch

NAMA_JENIS = {
    "bps": "Angka kemiskinan BPS",
    "indikator": "Indikator wilayah",
    "intervensi": "Data program/intervensi",
    "referensi": "Kode dan batas wilayah",
    "target": "Target RPJMD/RPKD",
    "rencana": "Rencana aksi OPD",
}


@dataclass(frozen=True)
class RingkasPilar:
    pilar: int
    nama: str
    nama_singkat: str
    pagu: float | None
    realisasi: float | None
    serapan: float | None        # realisasi / pagu × 100
    capaian: float | None        # output achieved vs target, %
    opd_lapor: int
    opd_diharapkan: int
    sampel: bool
    status: str = ""             # the scorecard's light, e.g. "▲ Perlu perhatian" (from tkpk.pilar.skor)

    @property
    def ada_data(self) -> bool:
        return self.opd_lapor > 0


def _angka(x: Any) -> float | None:
    return None if x is None or pd.isna(x) else float(x)


def _capaian_skor(con: duckdb.DuckDBPyConnection, tahun: int) -> dict[int, tuple[float | None, str]]:
    """Per-pillar capaian and status light by the scorecard's own rule (:func:`tkpk.pilar.skor.skor_pilar`)."""
    df = fetch(con, "intervensi_banjar_tahun", {"tahun": tahun})
    hasil = skor.skor_pilar(df, list(katalog.OPD))
    status = hasil["status_simbol"].astype(str) + " " + hasil["status_label"].astype(str)
    return {int(p): (_angka(v), s) for p, v, s in zip(hasil["pilar"], hasil["capaian_pct"], status, strict=True)}


def strip_pilar(con: duckdb.DuckDBPyConnection, tahun: int) -> list[RingkasPilar]:
    """Budget, spending, absorption, output achievement and OPDs reporting, per pillar, for one year."""
    df = fetch(con, "jumlah_per_pilar", {"tahun": tahun})
    dari_skor = _capaian_skor(con, tahun)
    out = []
    for r in df.itertuples(index=False):
        pagu, realisasi = _angka(r.pagu), _angka(r.realisasi)
        capaian, status = _angka(r.capaian_persen), ""
        if int(r.pilar) in dari_skor:
            capaian, status = dari_skor[int(r.pilar)]
        out.append(RingkasPilar(
            pilar=int(r.pilar), nama=str(r.nama), nama_singkat=str(r.nama_singkat), pagu=pagu, realisasi=realisasi,
            serapan=100.0 * realisasi / pagu if pagu and realisasi is not None else None, capaian=capaian,
            opd_lapor=int(r.opd_lapor), opd_diharapkan=int(r.opd_diharapkan), sampel=bool(r.sampel),
            status=status if r.opd_lapor else "",
        ))
    return out


def teks_pilar(p: RingkasPilar) -> dict[str, str]:
    """The strip's figures as id-ID text, so the page only lays them out."""
    return {
        "pagu": fmt.rupiah_ringkas(p.pagu),
        "realisasi": fmt.rupiah_ringkas(p.realisasi),
        "serapan": fmt.persen(p.serapan, 1),
        "capaian": fmt.persen(p.capaian, 1),
        "opd": f"{p.opd_lapor} dari {p.opd_diharapkan} OPD melapor",
    }


def kartu_pilar_md(p: RingkasPilar, t: dict[str, str]) -> str:
    """A pillar card's lines under its metric as one Markdown block: one element for the browser to draw where
    four were (the home page drew some forty)."""
    baris = [f"Pagu **{t['pagu']}** · realisasi **{t['realisasi']}**", f"Capaian output **{t['capaian']}**",
             t["opd"]]
    if p.status:
        baris.append(f"Status: **{p.status}**")
    return "  \n".join(baris)


def pembaruan(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """"Data terakhir diperbarui": newest active batch per kind, with an Indonesian label and date."""
    df = fetch(con, "batch_terbaru_per_jenis")
    if df.empty:
        return pd.DataFrame(columns=["Data", "Diperbarui", "Berkas", "Baris", "Keterangan"])
    return pd.DataFrame({
        "Data": df["jenis"].map(lambda j: NAMA_JENIS.get(j, j)),
        "Diperbarui": df["waktu"].map(lambda w: fmt.tanggal(pd.Timestamp(w).to_pydatetime()
                                                            if not isinstance(w, datetime) else w)),
        "Berkas": df["nama_file"].fillna("–"),
        "Baris": df["jumlah_baris"].map(fmt.angka),
        "Keterangan": df["sampel"].map(lambda s: SUMBER_CONTOH if s else "data nyata"),
    })
