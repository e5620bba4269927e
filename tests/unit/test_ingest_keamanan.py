"""Formula injection: text that Excel would run is neutralised; numbers stay numbers."""

from __future__ import annotations

import pandas as pd

from tkpk.ingest.keamanan import netralkan_rumus


def test_neutralises_text_only():
    df = pd.DataFrame({"teks": ["=1+1", "+62", "-x", "@SUM(A1)", "\tA", "biasa", None],
                       "angka": [-1, 2, 3, 4, 5, 6, 7]})
    out = netralkan_rumus(df)
    assert list(out["teks"][:6]) == ["'=1+1", "'+62", "'-x", "'@SUM(A1)", "'\tA", "biasa"]
    assert pd.isna(out["teks"].iloc[6])
    assert out["angka"].tolist() == df["angka"].tolist() and out["angka"].dtype == df["angka"].dtype
    assert df["teks"].iloc[0] == "=1+1"  # the input is not modified
