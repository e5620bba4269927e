"""Row rules of action plans (rencana aksi): the key and the pillar/OPD rules of interventions, a target output and
a planned budget. Plans are small (a few hundred rows per OPD and year), so every row is read cell by cell."""

from __future__ import annotations

import pandas as pd

from tkpk.ingest.aturan import duplikat, sumber
from tkpk.ingest.aturan_intervensi import _pilar_opd, _tempat
from tkpk.ingest.pemeriksa import GAGAL, Periksa
from tkpk.ingest.pesan import Pesan
from tkpk.ingest.reader import Tabel
from tkpk.ingest.tempat import putuskan_nama_ganda
from tkpk.ingest.validasi import Konteks
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
    return frame, p.pesan
