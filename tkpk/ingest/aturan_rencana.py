"""Row rules of action plans (rencana aksi): the key and the pillar/OPD rules of interventions, a target output and
a planned budget. Plans are small (a few hundred rows per OPD and year), so every row is read cell by cell."""

from __future__ import annotations

import pandas as pd

from tkpk.ingest.aturan import duplikat, sumber
from tkpk.ingest.aturan_intervensi import _pilar_opd, _tempat
from tkpk.ingest.konteks import Konteks
from tkpk.ingest.pemeriksa import GAGAL, Periksa
from tkpk.ingest.pesan import Pesan, pesan_baris, tampil_nilai
from tkpk.ingest.reader import Tabel
from tkpk.ingest.tempat import putuskan_nama_ganda
from tkpk.ingest.wilayah import Pencocok

KOLOM_RENCANA = ["tahun", "triwulan", "pilar", "kode_opd", "program", "kegiatan", "kode_wilayah", "satuan_output",
                 "target_output", "pagu_rencana", "keterangan", "sumber", "_baris"]
KUNCI_RENCANA = ["tahun", "triwulan", "kode_opd", "program", "kegiatan", "kode_wilayah"]


def rencana(ktx: Konteks, tabel: Tabel, mulai: int, pencocok: Pencocok,
            nama_file: str) -> tuple[pd.DataFrame, list[Pesan]]:
    """Plan rows. A row must plan something: a target output or a budget (an empty plan is not a plan)."""
    p = Periksa(ktx, pencocok)
    for wajib in ("tahun", "pilar", "opd", "program"):
        if not ktx.ada(wajib):
            p.pesan.append(Pesan("galat", f'Kolom wajib "{wajib}" tidak ada.', None, wajib))
    if not (ktx.ada("target_output") or ktx.ada("pagu_rencana")):
        p.pesan.append(Pesan("galat", 'Rencana aksi perlu kolom "target_output" atau "pagu_rencana".', None,
                             "target_output"))
    if any(x.galat for x in p.pesan):
        return pd.DataFrame(columns=KOLOM_RENCANA), p.pesan
    p.pesan += putuskan_nama_ganda(ktx, pencocok, tabel, mulai)
    rows: list[dict[str, object]] = []
    for row, n in tabel.urut(mulai):
        awal = len(p.pesan)
        r: dict[str, object] = {"tahun": p.tahun(row, n),
                                "triwulan": p.angka(row, n, "triwulan", bawah=1, atas=4, bulat=True)}
        r["pilar"], r["kode_opd"] = _pilar_opd(p, row, n)
        r["program"] = p.teks(row, "program") or p.galat(n, "program", "", "wajib diisi")
        r["kegiatan"] = p.teks(row, "kegiatan")
        r["kode_wilayah"] = _tempat(p, row, n)
        r["satuan_output"] = p.teks(row, "satuan_output")
        r["target_output"] = p.angka(row, n, "target_output")
        r["pagu_rencana"] = p.angka(row, n, "pagu_rencana")
        r["keterangan"] = p.teks(row, "keterangan")
        r["sumber"] = sumber(p, row, nama_file)
        r["_baris"] = n
        if any(x.galat for x in p.pesan[awal:]) or any(x is GAGAL for x in r.values()):
            continue
        if r["target_output"] is None and r["pagu_rencana"] is None:
            p.galat(n, "target_output" if ktx.ada("target_output") else "pagu_rencana", "",
                    "baris rencana tanpa target output maupun pagu rencana")
            continue
        rows.append(r)
    frame = pd.DataFrame(rows, columns=KOLOM_RENCANA)
    if not frame.empty:
        frame["triwulan"] = frame["triwulan"].astype("Float64").astype("Int64")
    p.pesan += duplikat(frame, KUNCI_RENCANA,
                        lambda r: f"Rencana \"{r['program']}\" ({r['kode_opd']}) tahun {r['tahun']} triwulan "
                                  f"{'setahun' if pd.isna(r['triwulan']) else r['triwulan']}")
    p.pesan += turun_per_triwulan(frame, ktx.judul("target_output") if ktx.ada("target_output") else "target_output")
    return frame, p.pesan


_SERI = ["kode_opd", "program", "kegiatan", "kode_wilayah", "tahun"]


def turun_per_triwulan(frame: pd.DataFrame, judul: str) -> list[Pesan]:
    """A warning for each plan series (same OPD, program, kegiatan, place and year) whose target output falls from
    one quarter to a later one: targets are read cumulative ("s.d. triwulan"), so a falling series is almost always
    per-quarter figures, which would make the year's target the last quarter's alone. A row without a quarter is
    the year's end (after Q4). One warning per series, on its first falling row, naming the rows."""
    if frame.empty or not frame["target_output"].notna().any():
        return []
    d = frame[frame["target_output"].notna()].assign(
        _q=pd.to_numeric(frame["triwulan"], errors="coerce").fillna(5).astype("float64"))
    pesan = []
    for _, g in d.groupby(_SERI, dropna=False, sort=False):
        if len(g) < 2:
            continue
        g = g.sort_values(["_q", "_baris"], kind="stable")
        nilai = g["target_output"].astype("float64").tolist()
        puncak = nilai[0]
        turun = None
        for i, v in enumerate(nilai[1:], 1):
            if v < puncak:
                turun = i
                break
            puncak = max(puncak, v)
        if turun is None:
            per_tw = g[g["_q"] <= 4]
            if len(per_tw) >= 3 and per_tw["target_output"].nunique() == 1 and nilai[0] > 0:
                r, v = per_tw.iloc[0], tampil_nilai(per_tw["target_output"].iloc[0])
                baris = ", ".join(str(int(b)) for b in per_tw["_baris"])
                pesan.append(pesan_baris(
                    "peringatan", int(r["_baris"]),
                    f"target {v} sama di setiap triwulan untuk program \"{r['program']}\" ({r['kode_opd']}) tahun "
                    f"{r['tahun']} (baris {baris}). Target rencana dibaca kumulatif (s.d. triwulan itu), jadi artinya "
                    f"seluruh {v} sudah tercapai di triwulan {int(r['_q'])} dan target tahun ini {v}. Bila {v} adalah "
                    "target per triwulan, tulis kumulatif (mis. 5, 5, 5, 5 menjadi 5, 10, 15, 20)", kolom=judul))
            continue
        r = g.iloc[turun]
        sebelum = g.iloc[[j for j in range(turun) if nilai[j] == puncak][-1]]

        def tw(x: float) -> str:
            return "setahun" if x == 5 else f"triwulan {int(x)}"

        baris = ", ".join(str(int(b)) for b in g["_baris"])
        pesan.append(pesan_baris(
            "peringatan", int(r["_baris"]),
            f"target {tw(r['_q'])} ({tampil_nilai(r['target_output'])}) lebih kecil dari target {tw(sebelum['_q'])} "
            f"({tampil_nilai(sebelum['target_output'])}, baris {int(sebelum['_baris'])}) untuk program "
            f"\"{r['program']}\" ({r['kode_opd']}) tahun {r['tahun']} (baris {baris}). Target rencana dibaca "
            "kumulatif (s.d. triwulan itu, sejak Januari); angka ini tampak per triwulan. Bila memang per triwulan, "
            "jumlahkan menjadi kumulatif (mis. 5, 5, 5, 5 menjadi 5, 10, 15, 20), agar target tahun tidak terbaca "
            "hanya sebesar target triwulan terakhir", kolom=judul))
    return pesan
