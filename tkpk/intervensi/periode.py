"""Which rows of a year's reports one period reads. Its own module because the scorecards (:mod:`tkpk.pilar.skor`) and
the
small-cell protection of beneficiaries (:mod:`tkpk.intervensi.penerima`) both need it, and skor builds on penerima.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["pilih_periode"]


def pilih_periode(df: pd.DataFrame, tahun: int, triwulan: int | None = None) -> pd.DataFrame:
    """Rows of one reporting period, so no program is counted twice.

    With ``triwulan`` given: that quarter's rows. Without: yearly rows (triwulan NULL), and for programs that
    only sent quarterly reports, their latest quarter (quarterly realisation is reported cumulatively,
    "s.d. triwulan", so adding quarters would double-count).
    """
    d = df[pd.to_numeric(df["tahun"], errors="coerce") == tahun]
    tw = pd.to_numeric(d["triwulan"], errors="coerce")
    if triwulan is not None:
        return d[tw == triwulan]
    kunci = ["pilar", "kode_opd", "program"]
    tahunan, kuartal = d[tw.isna()], d[tw.notna()]
    punya = pd.MultiIndex.from_frame(kuartal[kunci]).isin(pd.MultiIndex.from_frame(tahunan[kunci]))
    kuartal = kuartal[~punya]
    tw_k = pd.to_numeric(kuartal["triwulan"], errors="coerce")
    terakhir = tw_k.groupby([kuartal[k] for k in kunci]).transform("max")
    return pd.concat([tahunan, kuartal[tw_k == terakhir]]).sort_index()
