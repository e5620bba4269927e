"""A suggested status for a rakor decision, from what OPDs reported after the meeting.

Why only a suggestion: the data say what was reported, not whether the decision was honoured (a report can be late,
a decision can be met by another program). So the follow-up slide shows the suggestion beside the recorded status,
and only an analyst's confirmation writes it (a new event in the decision's log).

The rule, stated in :data:`ATURAN_SARAN` and shown beside the suggestions:

- a suggestion needs an OPD and a place: without them nothing in the data can speak for the decision (the reason
  names which is missing);
- a program name the OPD never reported at that place is said to be not found, with the nearest name it did report
  there ("mirip: Rehabilitasi RTLH"), so a misspelling is not read as "no report";
- a count of 1–4 people or households since the meeting at a desa or kecamatan reads "< 5" (it is the difference
  of two cumulative reports, protected like a published count), and no status is suggested against a target inside
  1–4, which would narrow it down;
- reports are cumulative from January ("s.d. triwulan"), so what was delivered since the meeting is, per place,
  program and activity, the latest cumulative value minus the base: the last cumulative value of the meeting's
  year reported for a period ending on or before the end of the meeting's quarter (0 without one; a year row
  counts as Q4). The meeting's own quarter is part of the base because its cumulative figure cannot be split at
  the meeting date: the figure is a lower bound, never more than was delivered (a rakor on 20 May with Q2
  cumulative 5 and Q4 cumulative 14 counts 9). Later years count in full (their cumulation restarts in January);
- the place counts with everything inside it (a kecamatan decision is met by reports from its desa);
- with a program, only that program of that OPD counts (names compared without case, spaces or punctuation);
- with a target on a program: ``selesai`` when the output since the meeting reaches it, ``berjalan`` when some
  output is reported, ``baru`` when none; without a target, ``berjalan`` at best (done is the analyst's call);
- with a deadline: the suggestion is still ``selesai`` when the target was reached only by a report of a period
  ending after the deadline, but the reason says "tercapai sesudah tenggat … terlambat" (the period that reached
  it is named), so the analyst sees the decision was met late;
- with a target on an indicator: ``selesai`` when the place's newest value after the meeting meets it (at or below
  it when higher is worse), else ``berjalan`` when a value exists, else no suggestion.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import pandas as pd
from rapidfuzz import fuzz, process

from tkpk import KODE_BANJAR, fmt, katalog, sel_kecil
from tkpk.intervensi.satuan import satuan_orang
from tkpk.nama import kunci_nama
from tkpk.rakor.periode import akhir_periode, triwulan_dari

__all__ = ["ATURAN_SARAN", "Saran", "saran_satu", "saran_status", "sesudah_rakor", "triwulan_dari"]

ATURAN_SARAN = (
    "Saran status dihitung dari laporan intervensi OPD yang sama di lokasi keputusan (termasuk desa di dalam "
    "kecamatannya). Laporan bersifat kumulatif sejak Januari, jadi capaian sejak rakor = laporan kumulatif terakhir "
    "dikurangi laporan s.d. triwulan rakor (di triwulan yang sama dengan rakor dianggap sebelum rakor). Selesai "
    "bila capaian sejak rakor mencapai target keputusan (ditandai terlambat bila baru tercapai pada laporan "
    "periode sesudah tenggat), berjalan bila sudah ada capaian, baru bila belum ada laporan. Tanpa target, saran "
    "paling jauh \"berjalan\". Capaian 1–4 orang atau KK di desa/kecamatan ditulis \"< 5\" (sel kecil). Analis yang "
    "memutuskan; saran tidak mengubah status sebelum dikonfirmasi."
)


@dataclass(frozen=True)
class Saran:
    status: str | None     # None: no suggestion possible
    alasan: str
    capaian: float | None
    sampel: bool           # the suggestion rests on sample data
    sesudah_tenggat: bool = False  # "selesai", but the target was reached only by a report after the deadline


def sesudah_rakor(tahun: pd.Series, triwulan: pd.Series, tanggal_rakor: date) -> pd.Series:
    """True for report periods after the meeting's quarter (a year row is Q4). Such a row is not by itself output
    since the meeting: it is cumulative from January, see :func:`_sejak_rakor`."""
    t = pd.to_numeric(tahun, errors="coerce")
    q = pd.to_numeric(triwulan, errors="coerce").fillna(4)
    tahun_rakor, q_rakor = tanggal_rakor.year, triwulan_dari(tanggal_rakor)
    return (t > tahun_rakor) | ((t == tahun_rakor) & (q > q_rakor))


def _di_dalam(kode: pd.Series, tempat: str) -> pd.Series:
    """Rows at ``tempat`` or inside it (a desa code starts with its kecamatan's code and a dot); for the whole
    kabupaten also the rows without a place (kabupaten-wide reports)."""
    k = kode.astype("string")
    dalam = (k == tempat) | k.str.startswith(tempat + ".").fillna(False)
    return dalam | k.isna() if tempat == KODE_BANJAR else dalam


def _kosong(x: object) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA or (isinstance(x, str) and not x)


def saran_satu(keputusan: pd.Series, intervensi: pd.DataFrame, nilai: pd.DataFrame, tanggal_rakor: date) -> Saran:
    """The suggestion for one decision (a row of ``v_keputusan``)."""
    opd, tempat = keputusan.get("kode_opd"), keputusan.get("kode_wilayah")
    if _kosong(opd) or _kosong(tempat):
        kurang = "OPD dan lokasi" if _kosong(opd) and _kosong(tempat) else ("OPD" if _kosong(opd) else "lokasi")
        return Saran(None, f"Tanpa {kurang}: tidak ada saran otomatis.", None, False)
    target = None if _kosong(keputusan.get("target")) else float(keputusan["target"])
    indikator = None if _kosong(keputusan.get("indikator")) else str(keputusan["indikator"])
    if indikator is not None and target is not None:
        return _saran_indikator(indikator, str(tempat), target, nilai, tanggal_rakor)

    d = intervensi[(intervensi["kode_opd"] == opd) & _di_dalam(intervensi["kode_wilayah"], str(tempat))
                   & (pd.to_numeric(intervensi["tahun"], errors="coerce") >= tanggal_rakor.year)]
    program = keputusan.get("program")
    if not _kosong(program):
        semua = d
        d = d[d["program"].map(kunci_nama) == kunci_nama(program)]
        if d.empty and not semua.empty:
            return Saran("baru", _program_tak_ditemukan(str(program), semua), None, False)
    sesudah = d[sesudah_rakor(d["tahun"], d["triwulan"], tanggal_rakor)]
    sampel = bool(sesudah["sampel"].any()) if "sampel" in sesudah.columns and len(sesudah) else False
    if sesudah.empty:
        return Saran("baru", "Belum ada laporan intervensi OPD ini di lokasi ini sesudah rakor.", None, False)
    jalan = _sejak_rakor(d, tanggal_rakor)
    capaian_f = None if jalan.empty or pd.isna(jalan.iloc[-1]) else float(jalan.iloc[-1])
    satuan = next((str(s) for s in sesudah["satuan_output"].dropna().unique()), "") if "satuan_output" in d else ""
    kecil = capaian_f is not None and _sel_kecil(capaian_f, satuan, str(tempat))
    if kecil:
        teks_capaian = sel_kecil.teks(sel_kecil.KECIL, capaian_f, satuan)
    else:
        teks_capaian = f"{fmt.jumlah(capaian_f)} {satuan}".strip() if capaian_f is not None else "tanpa angka capaian"
    (t_akhir, q_akhir) = jalan.index[-1]
    dikurangi = (f" dikurangi s.d. TW{triwulan_dari(tanggal_rakor)} {tanggal_rakor.year}"
                 if any(t == tanggal_rakor.year for t, _ in jalan.index) else "")
    laporan = (f"{len(sesudah)} laporan sesudah rakor (kumulatif s.d. TW{q_akhir} {t_akhir}{dikurangi}); "
               f"sejak rakor: {teks_capaian}")
    if kecil and target is not None and 1 < target < sel_kecil.AMBANG:
        # "selesai" or "berjalan" against a target inside 1–4 would narrow "< 5" down (to exactly 4 against 4)
        return Saran(None, f"{laporan}; target di bawah {sel_kecil.AMBANG} {satuan}: saran tidak diberikan agar angka "
                     "kecil tidak terbaca (periksa laporan OPD).", None, sampel)
    if kecil:
        capaian_f, capaian_tampil = None, capaian_f   # the hidden figure is not carried where a table could show it
    else:
        capaian_tampil = capaian_f
    if target is None:
        return Saran("berjalan", f"{laporan}; keputusan tanpa target, selesai diputuskan analis.", capaian_f, sampel)
    if capaian_tampil is not None and capaian_tampil >= target:
        kapan = _tepat_tenggat(jalan, target, keputusan.get("tenggat"))
        return Saran("selesai", f"{laporan} dari target {fmt.jumlah(target)}: {kapan}", capaian_f, sampel,
                     sesudah_tenggat=kapan.endswith("terlambat."))
    if capaian_tampil is not None and capaian_tampil > 0:
        return Saran("berjalan", f"{laporan} dari target {fmt.jumlah(target)}.", capaian_f, sampel)
    return Saran("baru", f"{laporan} dari target {fmt.jumlah(target)}: belum ada capaian.", capaian_f, sampel)


def _sel_kecil(capaian: float, satuan: str, tempat: str) -> bool:
    """A count of 1–4 people or households since the meeting at a desa or kecamatan: shown "< 5", like every small
    cell (README, small cells: one cumulative quarter minus another is protected like a published count)."""
    return tempat != KODE_BANJAR and satuan_orang(satuan) and 0 < capaian < sel_kecil.AMBANG


def _program_tak_ditemukan(program: str, laporan: pd.DataFrame) -> str:
    """The reason when the OPD reported at the place, but never under the decision's program name: the nearest
    name it did report, so a misspelling ("Rehab RTLH") is seen as such rather than as "no report"."""
    nama = {kunci_nama(p): str(p) for p in laporan["program"].dropna()}
    dekat = process.extractOne(kunci_nama(program), list(nama), scorer=fuzz.WRatio) if nama else None
    mirip = f" (mirip: {nama[dekat[0]]})" if dekat is not None else ""
    return (f"Program \"{program}\" tidak ditemukan di antara laporan OPD ini di lokasi ini{mirip}: saran dihitung "
            "dari nama program persis; perbaiki nama program keputusan bila yang dimaksud program itu.")


def _sejak_rakor(d: pd.DataFrame, tanggal_rakor: date) -> pd.Series:
    """Output delivered since the meeting as of each reported period after it, indexed by (year, quarter).

    Per place, program and activity, each year's value as of a period is its latest cumulative row at or before that
    period (a year row is Q4 and wins over a Q4 row); the meeting's year subtracts its base, the value as of the
    meeting's quarter (0 without one). A place's difference never goes below 0 (a correction cannot undo output
    elsewhere). The sum over places gives the figure; NaN when no row has a number.
    """
    q_rakor = triwulan_dari(tanggal_rakor)
    kunci = ["_p", "_k", "_w"]
    x = d.assign(
        _t=pd.to_numeric(d["tahun"], errors="coerce").astype("int64"),
        _urut=pd.to_numeric(d["triwulan"], errors="coerce").fillna(5).astype("int64"),
        _p=d["program"].map(kunci_nama),
        _k=d["kegiatan"].astype("string").fillna("") if "kegiatan" in d else "",
        _w=d["kode_wilayah"].astype("string").fillna(""),
        _v=pd.to_numeric(d["capaian_output"], errors="coerce"),
    ).sort_values(["_t", "_urut"])
    x["_q"] = x["_urut"].clip(upper=4)

    def nilai_per_tempat(t: int, q: int) -> pd.Series:
        baris = x[(x["_t"] == t) & (x["_q"] <= q)]
        return baris.groupby(kunci)["_v"].last()

    dasar = nilai_per_tempat(tanggal_rakor.year, q_rakor)
    periode = sorted({(int(t), int(q)) for t, q in zip(x["_t"], x["_q"], strict=True)
                      if (t, q) > (tanggal_rakor.year, q_rakor)})
    hasil = {}
    for t, q in periode:
        total, ada = 0.0, False
        for tahun in range(tanggal_rakor.year, t + 1):
            v = nilai_per_tempat(tahun, q if tahun == t else 4)
            if tahun == tanggal_rakor.year:
                v = (v - dasar.reindex(v.index).fillna(0.0)).clip(lower=0.0)
            ada = ada or bool(v.notna().any())
            total += float(v.sum())
        hasil[(t, q)] = total if ada else float("nan")
    return pd.Series(hasil, dtype="float64")


def _tepat_tenggat(jalan: pd.Series, target: float, tenggat: object) -> str:
    """"tercapai." or, with a deadline, whether the first report that reached the target was of a period ending by
    it ("tercapai sebelum tenggat …") or after it ("tercapai sesudah tenggat …: terlambat")."""
    if _kosong(tenggat) or pd.isna(tenggat):  # type: ignore[arg-type]
        return "tercapai."
    batas = pd.Timestamp(tenggat).date()  # type: ignore[arg-type]
    t, q = next(p for p, v in jalan.items() if pd.notna(v) and v >= target)
    kapan = f"laporan s.d. TW{q} {t}"
    if akhir_periode(t, q) <= batas:
        return f"tercapai ({kapan}), sebelum tenggat {fmt.tanggal(batas)}."
    return f"tercapai sesudah tenggat {fmt.tanggal(batas)} (baru pada {kapan}): terlambat."


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
        saran_sesudah_tenggat=[h.sesudah_tenggat for h in hasil],
    )
    return out.assign(saran_beda=out["saran"].notna() & (out["saran"] != out["status"]))
