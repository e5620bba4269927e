"""A suggested status for a rakor decision, from what OPDs reported after the meeting.

Why only a suggestion: the data say what was reported, not whether the decision was honoured (a report can be late,
a decision can be met by another program). So the follow-up slide shows the suggestion beside the recorded status,
and only an analyst's confirmation writes it (a new event in the decision's log).

The rule, stated in :data:`ATURAN_SARAN` and shown beside the suggestions:

- a suggestion needs an OPD and a place: without them nothing in the data can speak for the decision;
- reports count when they cover a period after the meeting: a later year, or a later quarter of the meeting's year
  (a whole-year row of the meeting's year mostly covers months before it, so it does not count); quarterly rows
  are cumulative, so each place counts with its latest report of a year;
- the place counts with everything inside it (a kecamatan decision is met by reports from its desa);
- with a program, only that program of that OPD counts (names compared without case, spaces or punctuation);
- with a target on a program: ``selesai`` when the reported output reaches it, ``berjalan`` when some output is
  reported, ``baru`` when none; without a target, ``berjalan`` at best (done is the analyst's call);
- with a target on an indicator: ``selesai`` when the place's newest value after the meeting meets it (at or below
  it when higher is worse), else ``berjalan`` when a value exists, else no suggestion.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import pandas as pd

from tkpk import fmt, katalog
from tkpk.nama import kunci_nama

ATURAN_SARAN = (
    "Saran status dihitung dari laporan intervensi OPD yang sama di lokasi keputusan (termasuk desa di dalam "
    "kecamatannya) untuk periode sesudah rakor: selesai bila capaian output mencapai target keputusan, berjalan "
    "bila sudah ada capaian, baru bila belum ada laporan. Tanpa target, saran paling jauh \"berjalan\". Analis "
    "yang memutuskan; saran tidak mengubah status sebelum dikonfirmasi."
)


@dataclass(frozen=True)
class Saran:
    status: str | None     # None: no suggestion possible
    alasan: str
    capaian: float | None
    sampel: bool           # the suggestion rests on sample data


def triwulan_dari(tanggal: date) -> int:
    return (tanggal.month - 1) // 3 + 1


def sesudah_rakor(tahun: pd.Series, triwulan: pd.Series, tanggal_rakor: date) -> pd.Series:
    """True for report periods wholly after the meeting's quarter (see the module's rule)."""
    t = pd.to_numeric(tahun, errors="coerce")
    q = pd.to_numeric(triwulan, errors="coerce")
    tahun_rakor, q_rakor = tanggal_rakor.year, triwulan_dari(tanggal_rakor)
    return (t > tahun_rakor) | ((t == tahun_rakor) & q.notna() & (q > q_rakor))


def _di_dalam(kode: pd.Series, tempat: str) -> pd.Series:
    """Rows at ``tempat`` or inside it (a desa code starts with its kecamatan's code and a dot)."""
    k = kode.astype("string")
    return (k == tempat) | k.str.startswith(tempat + ".").fillna(False)


def _kosong(x: object) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA or (isinstance(x, str) and not x)


def saran_satu(keputusan: pd.Series, intervensi: pd.DataFrame, nilai: pd.DataFrame, tanggal_rakor: date) -> Saran:
    """The suggestion for one decision (a row of ``v_keputusan``)."""
    opd, tempat = keputusan.get("kode_opd"), keputusan.get("kode_wilayah")
    if _kosong(opd) or _kosong(tempat):
        return Saran(None, "Tanpa OPD dan lokasi: tidak ada saran otomatis.", None, False)
    target = None if _kosong(keputusan.get("target")) else float(keputusan["target"])
    indikator = None if _kosong(keputusan.get("indikator")) else str(keputusan["indikator"])
    if indikator is not None and target is not None:
        return _saran_indikator(indikator, str(tempat), target, nilai, tanggal_rakor)

    d = intervensi[(intervensi["kode_opd"] == opd) & _di_dalam(intervensi["kode_wilayah"], str(tempat))
                   & sesudah_rakor(intervensi["tahun"], intervensi["triwulan"], tanggal_rakor)]
    program = keputusan.get("program")
    if not _kosong(program):
        d = d[d["program"].map(kunci_nama) == kunci_nama(program)]
    d = _terakhir_per_tempat(d)
    sampel = bool(d["sampel"].any()) if "sampel" in d.columns and len(d) else False
    if d.empty:
        return Saran("baru", "Belum ada laporan intervensi OPD ini di lokasi ini sesudah rakor.", None, False)
    capaian = pd.to_numeric(d["capaian_output"], errors="coerce").sum(min_count=1)
    capaian_f = None if pd.isna(capaian) else float(capaian)
    satuan = next((str(s) for s in d["satuan_output"].dropna().unique()), "") if "satuan_output" in d else ""
    teks_capaian = f"{fmt.angka(capaian_f)} {satuan}".strip() if capaian_f is not None else "tanpa angka capaian"
    laporan = f"{len(d)} laporan sesudah rakor, capaian {teks_capaian}"
    if target is None:
        return Saran("berjalan", f"{laporan}; keputusan tanpa target, selesai diputuskan analis.", capaian_f, sampel)
    if capaian_f is not None and capaian_f >= target:
        return Saran("selesai", f"{laporan} dari target {fmt.angka(target)}: tercapai.", capaian_f, sampel)
    if capaian_f is not None and capaian_f > 0:
        return Saran("berjalan", f"{laporan} dari target {fmt.angka(target)}.", capaian_f, sampel)
    return Saran("baru", f"{laporan} dari target {fmt.angka(target)}: belum ada capaian.", capaian_f, sampel)


def _terakhir_per_tempat(d: pd.DataFrame) -> pd.DataFrame:
    """Each place's latest report per year: quarterly rows are cumulative ("s.d. triwulan"), so adding them would
    count the same output twice; a year row (no quarter) wins over that year's quarterly rows."""
    kunci = {
        "_q": pd.to_numeric(d["triwulan"], errors="coerce").fillna(5),
        "_p": d["program"].map(kunci_nama),
        "_k": d["kegiatan"].astype("string").fillna("") if "kegiatan" in d else "",
        "_w": d["kode_wilayah"].astype("string").fillna(""),
    }
    return d.assign(**kunci).sort_values("_q").groupby(["tahun", "_p", "_k", "_w"]).tail(1)


def _saran_indikator(indikator: str, tempat: str, target: float, nilai: pd.DataFrame, tanggal_rakor: date) -> Saran:
    d = nilai[(nilai["indikator"] == indikator) & (nilai["kode_wilayah"] == tempat)
              & (pd.to_numeric(nilai["tahun"], errors="coerce") > tanggal_rakor.year)].dropna(subset=["nilai"])
    if d.empty:
        return Saran(None, f"Belum ada angka {indikator} di lokasi ini sesudah rakor.", None, False)
    baris = d.sort_values("tahun").iloc[-1]
    ind = katalog.INDIKATOR_BY_KODE.get(indikator) or katalog.INDIKATOR_BPS_BY_KODE[indikator]
    lebih_buruk = ind.lebih_tinggi_lebih_buruk
    x = float(baris["nilai"])
    tercapai = x <= target if lebih_buruk else x >= target
    sampel = bool(baris.get("sampel", False))
    teks = f"Angka {int(baris['tahun'])}: {fmt.angka(x, 2)} terhadap target {fmt.angka(target, 2)}"
    return Saran("selesai" if tercapai else "berjalan", teks + (": tercapai." if tercapai else "."), x, sampel)


def saran_status(keputusan: pd.DataFrame, intervensi: pd.DataFrame, nilai: pd.DataFrame,
                 tanggal_rakor: date) -> pd.DataFrame:
    """``keputusan`` plus ``saran``, ``alasan_saran``, ``capaian_saran``, ``saran_sampel`` and ``saran_beda``.

    ``saran_beda`` is True where the suggestion differs from the recorded status: what the analyst should look at.
    """
    hasil = [saran_satu(r, intervensi, nilai, tanggal_rakor) for _, r in keputusan.iterrows()]
    out = keputusan.assign(
        saran=[h.status for h in hasil], alasan_saran=[h.alasan for h in hasil],
        capaian_saran=[h.capaian for h in hasil], saran_sampel=[h.sampel for h in hasil],
    )
    return out.assign(saran_beda=out["saran"].notna() & (out["saran"] != out["status"]))
