"""Plausibility of an upload against what the store holds, run by :func:`tkpk.ingest.tersimpan.periksa_tersimpan`.

The part-of-whole rules (:mod:`tkpk.ingest.kewajaran`) on the file combined with the stored figures of the same
place and year, realisasi and capaian against the stored pagu and target, and the poverty line against the nearest
other year. A violation against a real stored figure is an error naming the row, the column and the stored value;
against sample data (DATA CONTOH) it is a warning, so real files are never refused because of made-up numbers.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import numpy as np
import pandas as pd

from tkpk.ingest.kewajaran import PASANGAN, angka_teks, lebar
from tkpk.ingest.pesan import Pesan, Tingkat, pesan_sel
from tkpk.toko.queries import lepas, sql


def kewajaran(cur: duckdb.DuckDBPyConnection, jenis: str, data: pd.DataFrame,
              judul: Callable[[str], str], label: Callable[[str], str]) -> list[Pesan]:
    """The part-of-whole rules on the file combined with the stored figures of the same place and year: for a
    pair with one side in the file and the other only in the store (both in the file: checked in validation)."""
    if data.empty or jenis not in PASANGAN:
        return []
    f_nilai, f_baris = lebar(data, jenis)
    kunci = data[["tahun", "kode_wilayah"]].drop_duplicates()
    cur.register("_kunci", kunci)
    try:
        simpan = cur.execute(sql("ingest_tersimpan_nilai" if jenis == "indikator"
                                 else "ingest_tersimpan_kemiskinan")).df()
    finally:
        lepas(cur, "_kunci")
    if simpan.empty:
        return []
    s = simpan.drop_duplicates(["tahun", "kode_wilayah", "indikator"]).set_index(
        ["tahun", "kode_wilayah", "indikator"])
    pesan = []
    for p in PASANGAN[jenis]:
        for di_berkas, di_simpan in ((p.bagian, p.keseluruhan), (p.keseluruhan, p.bagian)):
            if di_berkas not in f_nilai or di_simpan not in s.index.get_level_values(2):
                continue
            nilai_f = f_nilai[di_berkas].dropna()
            if di_simpan in f_nilai:  # both sides in the file for these keys: the file's own check
                nilai_f = nilai_f[f_nilai.loc[nilai_f.index, di_simpan].isna()]
            lain = s.xs(di_simpan, level="indikator")
            gabung = nilai_f.to_frame("nilai_f").join(lain, how="inner")
            for key, r in gabung.iterrows():
                bagian, utuh = (r["nilai_f"], r["nilai"]) if di_berkas == p.bagian else (r["nilai"], r["nilai_f"])
                if not bagian > utuh:
                    continue
                contoh = bool(r["sampel"])
                tingkat: Tingkat = "peringatan" if contoh or p.tingkat == "peringatan" else "galat"
                arah = "lebih besar dari" if di_berkas == p.bagian else "lebih kecil dari"
                asal = (f"batch {int(r['batch_id'])}, DATA CONTOH (sintetis) — hanya peringatan" if contoh
                        else f"batch {int(r['batch_id'])}, berkas {r['nama_file']}")
                pesan.append(pesan_sel(tingkat, int(f_baris.loc[key, di_berkas]), judul(di_berkas), r["nilai_f"],
                                       f"{arah} {di_simpan} tersimpan {angka_teks(r['nilai'])} ({asal}) untuk "
                                       f"tahun {key[0]} wilayah {label(key[1])}"))
    return pesan


def kewajaran_intervensi(cur: duckdb.DuckDBPyConnection, data: pd.DataFrame,
                         judul: Callable[[str], str]) -> list[Pesan]:
    """Realisasi above the stored pagu, capaian above twice the stored target, for rows that report one side
    only (warnings, as within a file)."""
    if data.empty:
        return []
    perlu = (data["realisasi"].notna() & data["pagu"].isna()) | \
            (data["capaian_output"].notna() & data["target_output"].isna())
    if not perlu.any():
        return []
    sub = data[perlu]
    kunci = sub[["tahun", "triwulan", "kode_opd", "program", "kegiatan", "kode_wilayah"]].assign(
        _i=np.flatnonzero(perlu.to_numpy()))
    cur.register("_kunci", kunci)
    try:
        simpan = cur.execute(sql("ingest_tersimpan_intervensi")).df().set_index("_i")
    finally:
        lepas(cur, "_kunci")
    pesan = []
    for i, s in simpan.iterrows():
        r = data.iloc[int(i)]
        n = int(r["_baris"])
        if pd.isna(r["pagu"]) and pd.notna(r["realisasi"]) and pd.notna(s["pagu"]) and r["realisasi"] > s["pagu"]:
            pesan.append(pesan_sel("peringatan", n, judul("realisasi"), r["realisasi"],
                                   f"melebihi pagu tersimpan ({angka_teks(s['pagu'])})"))
        if pd.isna(r["target_output"]) and pd.notna(r["capaian_output"]) and pd.notna(s["target_output"]) \
                and r["capaian_output"] > 2 * s["target_output"]:
            pesan.append(pesan_sel("peringatan", n, judul("capaian_output"), r["capaian_output"],
                                   f"lebih dari 2 × target tersimpan ({angka_teks(s['target_output'])}); periksa "
                                   "satuan"))
    return pesan


# Garis kemiskinan rises a few percent a year; a change beyond this factor from the nearest year is a unit slip
# ("605,312" read as Rp605) or a wrong column, never a real change. Within JARAK_GK years that holds even for the
# slowest and fastest rises seen (Banjar 2015–2024: ×1,7 in nine years).
FAKTOR_GK = 2.0
JARAK_GK = 8


def garis_kemiskinan_terdekat(cur: duckdb.DuckDBPyConnection, data: pd.DataFrame, judul: Callable[[str], str],
                              label: Callable[[str], str]) -> list[Pesan]:
    """GK more than :data:`FAKTOR_GK` times above or below the GK of the same place in the nearest other year
    (before or after, at most :data:`JARAK_GK` years away; the file's own rows first, else the store): an error
    naming that value, a warning when it is sample data."""
    if data.empty or "garis_kemiskinan" not in data.columns or not data["garis_kemiskinan"].notna().any():
        return []
    gk = data[data["garis_kemiskinan"].notna()][["tahun", "kode_wilayah", "garis_kemiskinan", "_baris"]]
    tersimpan = cur.execute(sql("ingest_gk_tersimpan"), {"wilayah": sorted({str(w) for w in gk["kode_wilayah"]})}).df()
    di_berkas = {(int(t), str(w)): (float(v), int(n)) for t, w, v, n in gk.itertuples(index=False, name=None)}
    pembanding: dict[str, dict[int, tuple[float, str, bool]]] = {}
    for r in tersimpan.itertuples(index=False):
        asal = f"tersimpan, batch {int(r.batch_id)}, berkas {r.nama_file}" + (
            ", DATA CONTOH (sintetis) — hanya peringatan" if r.sampel else "")
        pembanding.setdefault(str(r.kode_wilayah), {})[int(r.tahun)] = (float(r.nilai), asal, bool(r.sampel))
    for (t, w), (v, n) in di_berkas.items():  # the file's own rows win over the store's for the same year
        pembanding.setdefault(w, {})[t] = (v, f"baris {n} berkas ini", False)
    pesan = []
    for (t, w), (v, n) in di_berkas.items():
        lain = [x for x in pembanding.get(w, {}) if x != t and abs(x - t) <= JARAK_GK]
        if not lain:
            continue
        dekat = min(lain, key=lambda x: (abs(x - t), x > t))  # the year before wins a tie
        sebelum, asal, contoh = pembanding[w][dekat]
        if sebelum <= 0 or 1 / FAKTOR_GK <= v / sebelum <= FAKTOR_GK:
            continue
        pesan.append(pesan_sel(
            "peringatan" if contoh else "galat", n, judul("garis_kemiskinan"), v,
            f"berbeda lebih dari {FAKTOR_GK:g} kali lipat dari garis kemiskinan tahun {dekat} wilayah {label(w)}: "
            f"Rp{angka_teks(sebelum)} ({asal}); garis kemiskinan hanya naik beberapa persen setahun. Periksa satuan "
            "dan tanda desimal (Rp605.312, bukan 605,312)"))
    return pesan
