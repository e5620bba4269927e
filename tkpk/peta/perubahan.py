"""Which places entered, left or stayed in the pocket list between two years.

Why apart from :mod:`tkpk.peta.kantong`: the rules decide a year's pockets; this only compares two decided lists,
for the map page's "what changed" table.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from tkpk.peta.kantong import HasilKantong


@dataclass(frozen=True)
class PerubahanKantong:
    """Pockets that entered, left or stayed between two years (codes sorted)."""

    masuk: list[str]
    keluar: list[str]
    tetap: list[str]
    # kode, nama, status ('masuk'|'keluar'|'tetap'), jenis_lama, jenis_baru, peringkat_lama, peringkat_baru
    tabel: pd.DataFrame

    def ringkasan(self) -> str:
        """One sentence for the page: how many entered and left."""
        return f"{len(self.masuk)} wilayah masuk daftar kantong, {len(self.keluar)} keluar, {len(self.tetap)} tetap."


def bandingkan_kantong(lama: HasilKantong | pd.DataFrame, baru: HasilKantong | pd.DataFrame) -> PerubahanKantong:
    """Compare two years' pocket lists (from the same rule and level, else the comparison means nothing).

    Parameters
    ----------
    lama, baru : HasilKantong or pd.DataFrame
        Results of the earlier and later year, or tables with kode, nama, termasuk_kantong (jenis, peringkat optional).
    """
    def _kantong(h: HasilKantong | pd.DataFrame) -> pd.DataFrame:
        t = h.tabel if isinstance(h, HasilKantong) else h
        t = t[t["termasuk_kantong"].astype(bool)].assign(kode=lambda x: x["kode"].astype("str"))
        return t.reindex(columns=["kode", "nama", "jenis", "peringkat"])

    a, b = _kantong(lama), _kantong(baru)
    m = a.merge(b, on="kode", how="outer", suffixes=("_lama", "_baru"), indicator=True)
    m["nama"] = m["nama_baru"].combine_first(m["nama_lama"])
    m["status"] = m["_merge"].map({"left_only": "keluar", "right_only": "masuk", "both": "tetap"}).astype("str")
    tabel = m.sort_values(["status", "kode"], kind="mergesort")[
        ["kode", "nama", "status", "jenis_lama", "jenis_baru", "peringkat_lama", "peringkat_baru"]
    ].reset_index(drop=True)
    daftar = {s: sorted(tabel.loc[tabel["status"] == s, "kode"]) for s in ("masuk", "keluar", "tetap")}
    return PerubahanKantong(masuk=daftar["masuk"], keluar=daftar["keluar"], tetap=daftar["tetap"], tabel=tabel)
