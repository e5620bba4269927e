"""Workbook sheets for the two poverty numbers and for targets against realisation.

Why separate from :mod:`tkpk.ekspor.workbook`: these sheets read the store beyond the year bundle (register facts,
targets), so they are built from :mod:`tkpk.tren.dua_angka` and :mod:`tkpk.tren.target` and handed to the workbook as
finished tables. Ranks follow the same rule as the screens (:func:`tkpk.tren.ringkasan.teks_peringkat`).
"""

from __future__ import annotations

import pandas as pd

from tkpk import mutu_sumber
from tkpk.tren import dua_angka as da
from tkpk.tren.target import StatusTarget, target_realisasi

KOLOM_DUA = ["Bagian", "Tahun", "Nilai", "Satuan", "Keterangan", "Jenis sumber", "Sumber"]


def lembar_dua_angka(d: da.DuaAngka | None, target_p0: StatusTarget | None = None,
                     target_ekstrem: StatusTarget | None = None) -> pd.DataFrame:
    """BPS beside the register, the rank (or why there is none), targets, why they differ, the conflicts."""
    if d is None:
        return pd.DataFrame([{"Bagian": "Dua angka", "Keterangan": "tidak tersedia pada ekspor ini"}],
                            columns=KOLOM_DUA)
    b = d.bps
    jenis_bps = mutu_sumber.label(b.jenis("p0"))
    # each figure with its own kind and source: versioning is per cell, so the count may not share P0's
    sm = b.sumber_dari("penduduk_miskin")
    baris = [
        {"Bagian": "Susenas: persentase penduduk miskin (P0)", "Tahun": d.tahun, "Nilai": b.p0, "Satuan": "%",
         "Keterangan": " ".join(mutu_sumber.catatan(b.sumber_dari("p0"))), "Jenis sumber": jenis_bps,
         "Sumber": mutu_sumber.tanpa_catatan(b.sumber_dari("p0"))},
        {"Bagian": "Susenas: jumlah penduduk miskin", "Tahun": d.tahun, "Nilai": b.penduduk_miskin, "Satuan": "jiwa",
         "Keterangan": " ".join(mutu_sumber.catatan(sm)) if sm != b.sumber_dari("p0") else "",
         "Jenis sumber": mutu_sumber.label(b.jenis("penduduk_miskin")) if b.penduduk_miskin is not None else "",
         "Sumber": mutu_sumber.tanpa_catatan(sm) if b.penduduk_miskin is not None else ""},
        {"Bagian": "Susenas: posisi P0 di Kalimantan Selatan", "Tahun": d.tahun, "Nilai": b.peringkat,
         "Satuan": "peringkat", "Keterangan": b.peringkat_teks, "Jenis sumber": jenis_bps, "Sumber": ""},
        {"Bagian": "Susenas (BPS): apa dan untuk apa", "Keterangan": f"{da.BPS_APA} {da.BPS_UNTUK}"},
    ]
    for t in (target_p0, target_ekstrem):
        if t is not None:
            nama = "kemiskinan ekstrem" if t.indikator == "p0_ekstrem" else "P0"
            baris.append({"Bagian": f"Target {nama}", "Tahun": t.tahun, "Nilai": t.target, "Satuan": "%",
                          "Keterangan": t.teks,
                          "Jenis sumber": mutu_sumber.label_target(t.jenis_sumber) if t.ada else "",
                          "Sumber": t.sumber})
    baris += [{"Bagian": f"Register: {r.nama}", "Tahun": r.tahun, "Nilai": r.nilai, "Satuan": r.satuan,
               "Keterangan": "", "Jenis sumber": mutu_sumber.label(r.jenis_sumber), "Sumber": r.sumber}
              for r in d.register]
    baris.append({"Bagian": "Register: apa dan untuk apa", "Keterangan": f"{da.REGISTER_APA} {da.REGISTER_UNTUK}"})
    baris.append({"Bagian": "Mengapa berbeda", "Nilai": round(d.rasio, 1) if d.rasio else None,
                  "Satuan": "kali" if d.rasio else "", "Keterangan": d.mengapa_beda})
    baris += [{"Bagian": "Konflik di angka register", "Keterangan": k} for k in d.konflik]
    return pd.DataFrame(baris, columns=KOLOM_DUA)


def lembar_target(targets: pd.DataFrame | None, bps: pd.DataFrame) -> pd.DataFrame:
    """Every stored target beside its realisation (tercapai / belum tercapai / no realisation yet)."""
    if targets is None:
        return pd.DataFrame([{"Tahun": None, "Status": "tabel target tidak tersedia pada ekspor ini"}])
    return target_realisasi(targets, bps)
