"""Plan against delivery for one OPD: per program, the planned cumulative output by quarter and what was reported.

Why bars for delivery and a dashed line with points for the plan: the question at the rakor is "did the reports
reach the plan each quarter?", read as the bar meeting the line; shape and dash (not colour alone) tell them apart.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from tkpk import fmt
from tkpk.charts import deskripsi as ds
from tkpk.charts.tema import OKABE_ITO, terapkan

BELUM_LAPOR = "Belum dilaporkan"


def data_rencana(t: pd.DataFrame) -> pd.DataFrame:
    """Long rows (program, triwulan, jenis, nilai, teks) from :func:`tkpk.rakor.rencana.rencana_vs_realisasi`."""
    rows = []
    for r in t.itertuples(index=False):
        nama = f"{r.program} ({r.satuan_output})" if isinstance(r.satuan_output, str) else str(r.program)
        for q in (1, 2, 3, 4):
            for jenis, kolom in (("Rencana (kumulatif)", f"rencana_q{q}"), ("Laporan (kumulatif)", f"capaian_q{q}")):
                x = getattr(r, kolom)
                if pd.notna(x):
                    rows.append({"program": nama, "triwulan": f"TW {q}", "jenis": jenis, "nilai": float(x),
                                 "teks": fmt.jumlah(x)})
                elif jenis.startswith("Laporan") and pd.notna(getattr(r, f"rencana_q{q}")):
                    # not reported: a "–" at the baseline, so it never reads as a zero bar
                    rows.append({"program": nama, "triwulan": f"TW {q}", "jenis": BELUM_LAPOR, "nilai": 0.0,
                                 "teks": "–"})
    return pd.DataFrame(rows, columns=["program", "triwulan", "jenis", "nilai", "teks"])


def deskripsi_rencana(d: pd.DataFrame, judul: str = "", maks: int = 4) -> str:
    """Per program, the last quarter with a plan: "P: laporan 30 dari rencana 40 (TW 2)"."""
    per = []
    for program, g in d.groupby("program", sort=False):
        r = g[g["jenis"] == "Rencana (kumulatif)"]
        if r.empty:
            continue
        tw = r["triwulan"].iloc[-1]
        lap = g[(g["triwulan"] == tw) & (g["jenis"] != "Rencana (kumulatif)")]
        teks_lap = "belum dilaporkan" if lap.empty or lap["jenis"].iloc[0] == BELUM_LAPOR else \
            f"laporan {lap['teks'].iloc[0]}"
        per.append(f"{program}: {teks_lap} dari rencana {r['teks'].iloc[-1]} ({tw})")
    n = d["program"].nunique()
    lebih = f"; dan {len(per) - maks} program lain" if len(per) > maks else ""
    return ds.kalimat(f"Grafik batang laporan dan garis rencana kumulatif per triwulan, {n} program"
                      + (f" ({ds.satu_baris(judul)})" if judul else ""), "; ".join(per[:maks]) + lebih)


def rencana_vs_laporan(t: pd.DataFrame, *, judul: str = "", besar: bool = False, lebar: int = 260,
                       sampel: bool = False) -> Any:
    """Small multiples, one panel per program (each in its own unit, so y scales are independent); ``sampel``:
    sample data (said in the description)."""
    d = data_rencana(t)
    dasar = alt.Chart(d).encode(x=alt.X("triwulan:O", title=None, sort=["TW 1", "TW 2", "TW 3", "TW 4"],
                                        axis=alt.Axis(labelAngle=0)))
    tip = [alt.Tooltip("program:N", title="Program"), alt.Tooltip("triwulan:O", title="Triwulan"),
           alt.Tooltip("jenis:N", title="Jenis"), alt.Tooltip("teks:N", title="Nilai")]
    batang = dasar.transform_filter(alt.datum.jenis == "Laporan (kumulatif)").mark_bar(
        color=OKABE_ITO[0], opacity=0.85, width={"band": 0.6}).encode(
        y=alt.Y("nilai:Q", title=None), tooltip=tip)
    garis = dasar.transform_filter(alt.datum.jenis == "Rencana (kumulatif)").mark_line(
        color="#111111", strokeDash=[6, 4], strokeWidth=2.5, point=alt.OverlayMarkDef(
            shape="diamond", size=90, filled=True, color="#111111")).encode(y="nilai:Q", tooltip=tip)
    angka = dasar.transform_filter(
        (alt.datum.jenis == "Laporan (kumulatif)") | (alt.datum.jenis == BELUM_LAPOR)).mark_text(
        dy=-8, fontSize=13, fontWeight="bold", color="#111111").encode(y="nilai:Q", text="teks:N", tooltip=tip)
    chart = alt.layer(batang, garis, angka).properties(width=lebar, height=170).facet(
        facet=alt.Facet("program:N", title=None), columns=3).resolve_scale(y="independent").properties(
        title=alt.TitleParams(judul or "Rencana dan laporan per triwulan",
                              subtitle="Batang dan angka = laporan OPD (kumulatif s.d. triwulan; \"–\" = belum "
                                       "dilaporkan); garis putus-putus dengan belah ketupat = rencana aksi "
                                       "(kumulatif)"))
    return terapkan(chart, besar=besar, deskripsi=deskripsi_rencana(d, judul), sampel=sampel)
