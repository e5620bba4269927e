"""Which BPS figures of a poverty row may be shown as BPS figures, each with its own source.

Why: versioning is per cell (migration 0004), so one row of ``v_kemiskinan_kabupaten`` can hold P0 from a BPS
release, the count of poor from a speech and the extreme-poverty rate from a register. The row's ``sumber`` and
``jenis_sumber`` are P0's; every other figure must be read with its own (``sumber_<f>``, ``jenis_sumber_<f>``),
and a figure from a register, from sample data or from a sample batch is not a BPS figure at all: it never
reaches a BPS headline, a BPS chart or a target's realisation. This module holds that rule once, so the
Ringkasan, the slides, the two-numbers card, the Tren charts and the workbook cannot disagree.
"""

from __future__ import annotations

import pandas as pd

# Every BPS figure of the poverty table, in display order.
FIGUR: tuple[str, ...] = ("p0", "penduduk_miskin", "garis_kemiskinan", "p1", "p2", "p0_ekstrem",
                          "penduduk_miskin_ekstrem")
# Kinds of source that are never a BPS figure, whatever column they were filed under.
BUKAN_BPS: frozenset[str] = frozenset({"contoh", "register"})


def boleh(jenis: object, sampel: object) -> bool:
    """True when a figure of this kind, from a batch with this sample flag, may be shown as a BPS figure."""
    return not (isinstance(jenis, str) and jenis in BUKAN_BPS) and not (sampel is True or sampel == 1)


def saring_satu(df: pd.DataFrame, f: str) -> pd.DataFrame:
    """Null figure ``f`` (and its source) wherever its own kind or its own batch makes it not a BPS figure.
    Columns ``sumber_<f>``, ``jenis_sumber_<f>`` and ``sampel_<f>`` are used when present; a frame without
    them (hand-built tests, old snapshots) falls back to the row's own source and sample flag."""
    df = df.copy()
    jenis = df[f"jenis_sumber_{f}"] if f"jenis_sumber_{f}" in df.columns else df.get("jenis_sumber")
    sampel = df[f"sampel_{f}"] if f"sampel_{f}" in df.columns else df.get("sampel")
    jenis = jenis if jenis is not None else pd.Series(None, index=df.index, dtype=object)
    sampel = sampel if sampel is not None else pd.Series(False, index=df.index)
    ok = pd.Series([boleh(j, s) for j, s in zip(jenis, sampel, strict=True)], index=df.index, dtype=bool)
    if f in df.columns:
        df[f] = df[f].where(ok)
    for k in (f"sumber_{f}", f"jenis_sumber_{f}"):
        if k in df.columns:
            df[k] = df[k].astype(object).where(ok & df[f].notna() if f in df.columns else ok)
    return df


def saring(df: pd.DataFrame) -> pd.DataFrame:
    """The BPS series with every figure that is not a BPS figure nulled, each on its own source; the row's
    ``sumber``/``jenis_sumber`` stay P0's (empty when P0 is gone), ``sampel`` becomes False (what is left is
    real), and rows left without any figure are dropped."""
    for f in FIGUR:
        df = saring_satu(df, f)
    if "p0" in df.columns and "sumber_p0" in df.columns:
        df["sumber"] = df["sumber_p0"]
        df["jenis_sumber"] = df["jenis_sumber_p0"]
    if "sampel" in df.columns:
        df["sampel"] = False
    ada = [f for f in FIGUR if f in df.columns]
    return df[df[ada].notna().any(axis=1)].reset_index(drop=True) if ada else df
