"""Sample material for the rakor loop: the OPDs' quarterly reports of 2025, action plans for 2024–2025, and a rakor.

All of it is DATA CONTOH (sintetis), generated deterministically from the sample interventions so that the loop has
something true to show: some plans met, some behind, some never reported; some reports on time, some late; a
rakor of December 2024 whose decisions the 2025 reports partly honour, and the rakor of December 2025 that follows
them up.

Why the reports come as several files: "reporting by the deadline" is read from when a report was loaded (the
batch's time), so each quarter's reports are one batch stamped a few days before its deadline, and the late OPDs'
reports a second batch stamped weeks after it (:data:`JADWAL`). The stamps are part of the sample, like its numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

from tkpk import SUMBER_CONTOH, fmt, katalog
from tkpk.contoh.program import PROGRAM
from tkpk.contoh.register import SEED, baris_program, bingkai_intervensi
from tkpk.rakor.penghargaan import batas_lapor
from tkpk.rakor.saran import Saran, saran_satu

TAHUN_TRIWULAN = 2025
# Share of the year's output and spending reached by the end of each quarter (reports are "s.d. triwulan").
PORSI_LAPOR = {1: 0.18, 2: 0.45, 3: 0.72, 4: 1.0}
PORSI_RENCANA = {1: 0.2, 2: 0.5, 3: 0.8, 4: 1.0}
TERLAMBAT: dict[int, tuple[str, ...]] = {2: ("DISHUB",), 3: ("DKPP", "DISHUB"), 4: ("DPMPTSP",)}
TIDAK_MELAPOR_2025 = ("BPBD",)            # planned, never reported: "belum ada progres"
BERHENTI_SETELAH: dict[str, int] = {"DISBUDPORAPAR": 2}   # reports stop after Q2: the plan falls behind
OLEH_CONTOH = "sistem (data contoh)"
KOLOM_RENCANA = ["tahun", "triwulan", "pilar", "opd", "program", "kegiatan", "kode_wilayah", "satuan_output",
                 "target_output", "pagu_rencana", "keterangan", "sumber"]
KOLOM_KEPUTUSAN = ["rakor", "keputusan", "teks", "kode_opd", "tenggat", "kode_wilayah", "program", "indikator",
                   "target", "status", "catatan", "oleh", "waktu"]
RAKOR = pd.DataFrame({
    "rakor": [1, 2],
    "tanggal": ["2024-12-18", "2025-12-17"],
    "judul": ["Rakor TKPK Kabupaten Banjar Desember 2024", "Rakor TKPK Kabupaten Banjar Desember 2025"],
    "tempat": ["Aula Bappedalitbang, Martapura", "Aula Bappedalitbang, Martapura"],
})


def nama_berkas_laporan(q: int, terlambat: bool) -> str:
    return f"laporan_{TAHUN_TRIWULAN}_tw{q}{'_susulan' if terlambat else ''}_contoh.csv"


def jadwal(q: int, terlambat: bool) -> datetime:
    """When a quarter's sample reports are loaded: 3 days before the deadline, or 3 weeks after it."""
    batas = batas_lapor(TAHUN_TRIWULAN, q)
    hari = batas + (timedelta(days=21) if terlambat else -timedelta(days=3))
    return datetime(hari.year, hari.month, hari.day, 10, 0)


@dataclass(frozen=True)
class ContohRakor:
    laporan: dict[str, pd.DataFrame]   # file name → quarterly report rows (the intervention template)
    rencana: pd.DataFrame              # action plans 2024–2025 (the rencana template)
    rakor: pd.DataFrame                # meetings
    keputusan: pd.DataFrame            # decision events (a decision's first event, then its changes)


def _kumulatif(nilai: float, porsi: float, akhir: bool) -> float:
    return nilai if akhir else math.floor(nilai * porsi)


def laporan_triwulan(indikator: pd.DataFrame, seed: int = SEED) -> dict[str, pd.DataFrame]:
    """2025's reports per quarter, cumulative to the quarter ("s.d. triwulan"), split on time / late."""
    rng = np.random.default_rng(seed + 3)
    tahunan = bingkai_intervensi(baris_program(rng, TAHUN_TRIWULAN, indikator, TIDAK_MELAPOR_2025))
    kode_opd = {o.nama_singkat: o.kode for o in katalog.OPD}
    out: dict[str, pd.DataFrame] = {}
    for q, porsi in PORSI_LAPOR.items():
        d = tahunan.copy()
        kode = d["opd"].map(kode_opd)
        d = d[[BERHENTI_SETELAH.get(k, 4) >= q for k in kode]]
        kode = d["opd"].map(kode_opd)
        d["triwulan"] = pd.array([q] * len(d), dtype="Int64")
        for c in ("capaian_output", "realisasi"):
            d[c] = [_kumulatif(float(x), porsi, q == 4) for x in d[c]]
        d["realisasi"] = (d["realisasi"] / 1000).round() * 1000
        per_output = {p.program: p.penerima_per_output for p in PROGRAM}
        d["penerima"] = pd.array([round(c * per_output[p]) or None for c, p in zip(d["capaian_output"], d["program"],
                                                                                     strict=True)], dtype="Int64")
        telat = kode.isin(TERLAMBAT.get(q, ()))
        out[nama_berkas_laporan(q, False)] = d[~telat.to_numpy()].reset_index(drop=True)
        out[nama_berkas_laporan(q, True)] = d[telat.to_numpy()].reset_index(drop=True)
    return out


def _rencana_opd(prog_rows: pd.DataFrame, rng: np.random.Generator) -> tuple[float, float]:
    """A plan's year target and budget: what was delivered and spent, scaled by how ambitious the plan was (about
    half the plans end up met)."""
    faktor = rng.uniform(0.8, 1.3)
    return (float(round(prog_rows["capaian_output"].sum() * faktor)),
            float(round(prog_rows["realisasi"].sum() * faktor, -6)))


def rencana(intervensi: pd.DataFrame, laporan: dict[str, pd.DataFrame], seed: int = SEED) -> pd.DataFrame:
    """Kabupaten-wide plans for every program of every OPD: 2024 for the whole year, 2025 per quarter."""
    rng = np.random.default_rng(seed + 4)
    opd = katalog.OPD_BY_KODE
    q4 = pd.concat([d for nama, d in laporan.items() if "_tw4" in nama], ignore_index=True)
    tahun_ini = {2024: intervensi[intervensi["tahun"] == 2024], TAHUN_TRIWULAN: q4}
    rows = []
    for tahun, data in tahun_ini.items():
        for prog in PROGRAM:
            o = opd[prog.opd]
            d = data[(data["opd"] == o.nama_singkat) & (data["program"] == prog.program)]
            if d.empty:  # an OPD that did not report still had a plan: a typical year's volume
                lokasi = (prog.lokasi[0] + prog.lokasi[1]) / 2
                per = (prog.output_per_lokasi[0] + prog.output_per_lokasi[1]) / 2
                target, pagu = float(round(lokasi * per)), float(round(lokasi * per * prog.biaya_satuan, -6))
            else:
                target, pagu = _rencana_opd(d, rng)
            kuartal = [None] if tahun == 2024 else list(PORSI_RENCANA)
            for q in kuartal:
                porsi = 1.0 if q is None else PORSI_RENCANA[q]
                rows.append({"tahun": tahun, "triwulan": q, "pilar": o.pilar, "opd": o.nama_singkat,
                             "program": prog.program, "kegiatan": prog.kegiatan, "kode_wilayah": None,
                             "satuan_output": prog.satuan, "target_output": float(round(target * porsi)),
                             "pagu_rencana": float(round(pagu * porsi, -3)), "keterangan": None,
                             "sumber": SUMBER_CONTOH})
    out = pd.DataFrame(rows, columns=KOLOM_RENCANA)
    out["triwulan"] = out["triwulan"].astype("Int64")
    return out


def _capaian_kecamatan(q4: pd.DataFrame, opd: str, program: str) -> pd.Series:
    """Year-end output of one program per kecamatan (desa rows counted in their kecamatan)."""
    d = q4[(q4["opd"] == katalog.OPD_BY_KODE[opd].nama_singkat) & (q4["program"] == program)]
    d = d[d["kode_wilayah"].notna()]
    return d.groupby(d["kode_wilayah"].str[:8])["capaian_output"].sum().sort_values(ascending=False)


def keputusan(laporan: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The December 2024 rakor's decisions, set against what 2025's reports show (met, behind, never reported)."""
    q4 = pd.concat([d for nama, d in laporan.items() if "_tw4" in nama], ignore_index=True)
    rtlh = _capaian_kecamatan(q4, "DISPERKIMLH", "Rehabilitasi RTLH")
    adminduk = _capaian_kecamatan(q4, "DISDUKCAPIL", "Jemput bola adminduk")
    pkh = _capaian_kecamatan(q4, "DINSOS", "Pendampingan PKH dan bansos daerah")
    spam = _capaian_kecamatan(q4, "PUPRP", "SPAM perdesaan")
    nama = {r.kode_wilayah: r.nama_wilayah for r in q4.itertuples(index=False) if isinstance(r.kode_wilayah, str)}

    def kec(s: pd.Series, i: int = 0) -> str:
        return str(s.index[min(i, len(s) - 1)])

    def nm(kode: str) -> str:
        return nama.get(kode, kode)

    rakor = date(2024, 12, 18)
    # (no, text, OPD, deadline, place, program, indicator, target, status updates): an update is a time at which the
    # secretariat recorded what the reports loaded by then suggest (:func:`_saran_pada`), so every recorded status
    # agrees with the data of its day; a decision without OPD and place is updated by hand ("status", "note").
    baris = [
        (1, f"Bedah rumah tidak layak huni di Kecamatan {nm(kec(rtlh))} sedikitnya "
            f"{math.floor(rtlh.iloc[0] * 0.8)} unit pada 2025", "DISPERKIMLH", "2025-09-30", kec(rtlh),
         "Rehabilitasi RTLH", None, float(math.floor(rtlh.iloc[0] * 0.8)), ()),
        (2, f"Jemput bola perekaman KTP-el dan akta bagi warga miskin di Kecamatan {nm(kec(adminduk, 1))}",
         "DISDUKCAPIL", "2025-06-30", kec(adminduk, 1), "Jemput bola adminduk", None,
         float(math.ceil(adminduk.iloc[min(1, len(adminduk) - 1)] * 1.5)), ("2025-07-10 09:00:00",)),
        (3, "Siapkan paket logistik banjir untuk desa rawan di Kecamatan Aluh Aluh sebelum musim hujan",
         "BPBD", "2025-09-30", "63.03.01", "Bantuan logistik korban bencana", None, 200.0, ()),
        (4, f"Perluas pendampingan PKH ke keluarga desil 1 di Kecamatan {nm(kec(pkh))}", "DINSOS", "2025-12-31",
         kec(pkh), "Pendampingan PKH dan bansos daerah", None, float(math.floor(pkh.iloc[0] * 0.9)),
         ("2025-10-20 09:00:00", "2026-01-13 09:00:00")),
        (5, "Sekretariat TKPK menyusun RAT 2025 berbasis kantong kemiskinan dan membagikannya ke semua OPD",
         None, "2025-03-31", None, None, None, None,
         (("2025-03-20 09:00:00", "selesai", "diperbarui dari laporan Sekretariat TKPK (Bappedalitbang): RAT 2025 "
           "dibagikan ke semua OPD"),)),
        (6, f"Sambungan air minum (SPAM) untuk kantong kemiskinan di Kecamatan {nm(kec(spam))}", "PUPRP",
         "2025-12-31", kec(spam), "SPAM perdesaan", None, float(math.ceil(spam.iloc[0] * 1.1)), ()),
    ]
    peristiwa = []
    for no, teks, opd, tenggat, tempat, program, indikator, target, pembaruan in baris:
        peristiwa.append({"rakor": 1, "keputusan": no, "teks": teks, "kode_opd": opd, "tenggat": tenggat,
                          "kode_wilayah": tempat, "program": program, "indikator": indikator, "target": target,
                          "status": "baru", "catatan": None, "oleh": OLEH_CONTOH,
                          "waktu": f"{rakor.isoformat()} 11:{no:02d}:00"})
        for u in pembaruan:  # each later status update, by the secretariat, kept as its own event
            if isinstance(u, tuple):
                waktu, status, catatan = u
            else:
                waktu = u
                s = _saran_pada(laporan, peristiwa[-1], rakor, datetime.fromisoformat(u))
                if s.status is None or s.status == peristiwa[-1]["status"]:
                    continue
                status = s.status
                catatan = (f"diperbarui dari laporan {katalog.OPD_BY_KODE[str(opd)].nama_singkat}: "
                           f"{fmt.angka(s.capaian)} dari target {fmt.angka(target)}")
            peristiwa.append({**peristiwa[-1], "status": status, "catatan": catatan, "waktu": waktu})
    return pd.DataFrame(peristiwa, columns=KOLOM_KEPUTUSAN)


def _saran_pada(laporan: dict[str, pd.DataFrame], keputusan: dict[str, object], rakor: date,
                waktu: datetime) -> Saran:
    """What the suggestion rule (:func:`tkpk.rakor.saran.saran_satu`) said for a decision with the reports loaded
    by ``waktu`` (each file at its :func:`jadwal` time)."""
    dimuat = [d for q in PORSI_LAPOR for telat in (False, True)
              if jadwal(q, telat) <= waktu and not (d := laporan[nama_berkas_laporan(q, telat)]).empty]
    kode = {o.nama_singkat: o.kode for o in katalog.OPD}
    lapor = pd.concat(dimuat, ignore_index=True) if dimuat else pd.DataFrame(columns=["opd", "tahun", "triwulan"])
    lapor = lapor.assign(kode_opd=lapor["opd"].map(kode), sampel=True)
    for c in ("kode_wilayah", "program", "kegiatan", "capaian_output", "satuan_output"):
        if c not in lapor.columns:
            lapor[c] = None
    return saran_satu(pd.Series(keputusan), lapor, pd.DataFrame(), rakor)


def generate(indikator: pd.DataFrame, intervensi: pd.DataFrame, seed: int = SEED) -> ContohRakor:
    laporan = laporan_triwulan(indikator, seed)
    return ContohRakor(laporan=laporan, rencana=rencana(intervensi, laporan, seed), rakor=RAKOR.copy(),
                       keputusan=keputusan(laporan))

