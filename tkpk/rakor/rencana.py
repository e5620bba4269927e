"""Action plans (rencana aksi) against reported delivery, per OPD, program and quarter.

Both sides are read the way OPDs fill them in: cumulative to a quarter ("s.d. triwulan"). A report row of quarter
q holds the output and spending so far that year (as :func:`tkpk.pilar.skor.pilih_periode` assumes); a plan row of
quarter
q holds what should be reached by the end of quarter q, and a plan or report without a quarter is the year's
end. So for every place of a program the value at quarter q is the one of its latest row at or before q, and the
program's value is the sum over its places. Places are not matched between plan and report (a plan is often made
for the whole kabupaten and delivered in desa): the comparison is per program.

Status per program, as of the latest quarter the OPD reported for it:

- ``belum ada progres``: the plan has no report at all that year;
- ``tercapai``: reported output reaches the year's planned output;
- ``sesuai rencana``: reported output reaches what was planned by the latest reported quarter;
- ``tertinggal``: it does not, and the year is not reported to its end yet;
- ``tidak tercapai``: the year's last report (Q4, or a year report) falls short of the year's plan;
- ``tanpa target output``: reported, but the plan states a budget only, so its output cannot be judged;
- ``terlambat lapor``: it would be ``sesuai rencana``, but a later quarter's reporting deadline
  (:func:`tkpk.rakor.periode.batas_lapor`) has passed without a report, so "on track" is stale: the label names the
  quarter ("◌ Terlambat lapor TW3"). A plan ``tertinggal`` stays so, its label says the report is late too.

Once the deadline of the year's Q4 report has passed (:func:`tkpk.rakor.periode.tahun_ditutup`, as of an injected
``hari_ini``) the year is over whatever was reported: a plan behind or on track but short of the year's target is
``tidak tercapai``, and a plan never reported is ``tidak melapor`` (see :func:`_tutup_tahun`); when the OPD stopped
reporting before Q4 the label says so ("■ Tidak tercapai · berhenti melapor sesudah TW2", :func:`_catatan_lapor`).

Quarters after the latest quarter the OPD reported for a program are not reported: their delivery is NaN ("–"),
never the last value carried forward or 0, and so are the year's delivery and realisation until Q4 is reported.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from tkpk.nama import kunci_nama
from tkpk.rakor.periode import batas_lapor, tahun_ditutup

TRIWULAN = (1, 2, 3, 4)
TAHUNAN = 5  # sort key of a row without a quarter: after Q4, and it wins over quarterly rows of the same place

BELUM, TERCAPAI, SESUAI = "belum ada progres", "tercapai", "sesuai rencana"
TERTINGGAL, TIDAK_TERCAPAI = "tertinggal", "tidak tercapai"
TANPA_TARGET = "tanpa target output"  # a plan of budget only: its output cannot be judged
TIDAK_MELAPOR = "tidak melapor"
TERLAMBAT_LAPOR = "terlambat lapor"  # on track as of its latest report, but a later quarter's report is overdue
LABEL_STATUS = {BELUM: "○ Belum ada progres", TERCAPAI: "● Tercapai", SESUAI: "◐ Sesuai rencana",
                TERTINGGAL: "▲ Tertinggal", TIDAK_TERCAPAI: "■ Tidak tercapai", TIDAK_MELAPOR: "✕ Tidak melapor",
                TANPA_TARGET: "◇ Tanpa target output", TERLAMBAT_LAPOR: "◌ Terlambat lapor"}
URUTAN_STATUS = {TIDAK_MELAPOR: -1, BELUM: 0, TIDAK_TERCAPAI: 1, TERTINGGAL: 2, TERLAMBAT_LAPOR: 3, SESUAI: 4,
                 TERCAPAI: 5, TANPA_TARGET: 6}
KUNCI = ["pilar", "kode_opd", "program_kunci", "satuan_kunci"]
_TEMPAT = ["kegiatan", "kode_wilayah"]


def _siapkan(df: pd.DataFrame, nilai: dict[str, str], tahun: int) -> pd.DataFrame:
    """One year's rows with a sortable quarter, name keys and the value columns renamed to a common pair."""
    d = df[pd.to_numeric(df["tahun"], errors="coerce") == tahun].copy()
    tw = pd.to_numeric(d["triwulan"], errors="coerce")
    d["q"] = tw.fillna(TAHUNAN).astype("int64")
    d["pilar"] = pd.to_numeric(d["pilar"], errors="coerce").astype("int64")
    d["program_kunci"] = d["program"].map(kunci_nama)
    d["satuan_kunci"] = d["satuan_output"].fillna("").map(kunci_nama)
    for c in _TEMPAT:
        d[c] = d[c].astype("string").fillna("")
    for asal, tujuan in nilai.items():
        d[tujuan] = pd.to_numeric(d[asal], errors="coerce").astype("float64")
    if "sampel" not in d.columns:
        d["sampel"] = False
    return d


def _kumulatif(d: pd.DataFrame, kolom: list[str]) -> dict[int, pd.DataFrame]:
    """Per quarter 1–4, per program: the sum over its places of each place's latest value at or before that quarter.

    A row without a quarter counts from Q4 on (the year's end). Each value column is taken on its own, from the
    latest row that fills it: an empty cell is "not stated" (README, "Versi data"), so a year row bringing only a
    budget keeps the Q4 output target.
    """
    hasil = {}
    for q in TRIWULAN:
        sampai = d[(d["q"] <= q) | ((d["q"] == TAHUNAN) & (q == 4))].sort_values("q", kind="stable")
        bagian = []
        for c in kolom:
            isi = sampai[sampai[c].notna()]
            terakhir = isi.groupby([*KUNCI, *_TEMPAT], dropna=False).tail(1)
            bagian.append(terakhir.groupby(KUNCI, dropna=False)[c].sum(min_count=1))
        hasil[q] = pd.concat(bagian, axis=1).reindex(columns=kolom) if bagian else pd.DataFrame(columns=kolom)
    return hasil


def _nama_asli(d: pd.DataFrame) -> pd.DataFrame:
    """The spelling to show for each program key: the first one seen in the plan."""
    return d.groupby(KUNCI, dropna=False).agg(program=("program", "first"), satuan_output=("satuan_output", "first"))


def rencana_vs_realisasi(rencana: pd.DataFrame, intervensi: pd.DataFrame, tahun: int,
                         hari_ini: date | None = None) -> pd.DataFrame:
    """One row per planned program of ``tahun``: plan and delivery per quarter, the year, and a status as of
    ``hari_ini`` (today by default; tests inject it).

    Columns: ``pilar, kode_opd, program, satuan_output``; ``rencana_q1..4`` and ``capaian_q1..4`` (cumulative
    output), ``target_tahun``, ``capaian_tahun``, ``capaian_pct``, ``pagu_rencana``, ``realisasi``,
    ``serapan_rencana_pct``, ``triwulan_lapor`` (latest reported quarter, 4 for a year report, NaN when none),
    ``status``, ``catatan_lapor`` ("terlambat lapor TW3", "berhenti melapor sesudah TW2" or ""), ``status_label``,
    ``sampel``.
    """
    r = _siapkan(rencana, {"target_output": "target", "pagu_rencana": "uang"}, tahun)
    i = _siapkan(intervensi, {"capaian_output": "target", "realisasi": "uang"}, tahun)
    kolom = [*KUNCI[:2], "program", "satuan_output", *(f"rencana_q{q}" for q in TRIWULAN),
             *(f"capaian_q{q}" for q in TRIWULAN), "target_tahun", "capaian_tahun", "capaian_pct", "pagu_rencana",
             "realisasi", "serapan_rencana_pct", "triwulan_lapor", "status", "catatan_lapor", "status_label", "sampel"]
    if r.empty:
        return pd.DataFrame(columns=kolom)
    i = i.merge(r[KUNCI].drop_duplicates(), on=KUNCI, how="inner")
    plan = _kumulatif(r, ["target", "uang"])
    lapor = _kumulatif(i, ["target", "uang"])
    out = _nama_asli(r)
    for q in TRIWULAN:
        out[f"rencana_q{q}"] = plan[q]["target"].reindex(out.index)
        out[f"capaian_q{q}"] = lapor[q]["target"].reindex(out.index)
    out["target_tahun"] = out["rencana_q4"]
    out["capaian_tahun"] = out["capaian_q4"]
    out["pagu_rencana"] = plan[4]["uang"].reindex(out.index)
    out["realisasi"] = lapor[4]["uang"].reindex(out.index)
    q_lapor = i.groupby(KUNCI, dropna=False)["q"].max().clip(upper=4)
    out["triwulan_lapor"] = q_lapor.reindex(out.index).astype("float64")
    out["capaian_pct"] = _persen(out["capaian_tahun"], out["target_tahun"])
    out["serapan_rencana_pct"] = _persen(out["realisasi"], out["pagu_rencana"])
    out["status"] = [_status(row) for _, row in out.iterrows()]
    hari_ini = hari_ini or date.today()
    if tahun_ditutup(tahun, hari_ini):
        out["status"] = [_tutup_tahun(s, row) for s, (_, row) in zip(out["status"], out.iterrows(), strict=True)]
    out["catatan_lapor"] = [_catatan_lapor(s, q, tahun, hari_ini) for s, q in
                            zip(out["status"], out["triwulan_lapor"], strict=True)]
    out.loc[(out["status"] == SESUAI) & (out["catatan_lapor"] != ""), "status"] = TERLAMBAT_LAPOR
    out = _kosongkan_sesudah_lapor(out)
    out["status_label"] = [label_status(s, c) for s, c in zip(out["status"], out["catatan_lapor"], strict=True)]
    sampel = pd.concat([r.groupby(KUNCI, dropna=False)["sampel"].any(),
                        i.groupby(KUNCI, dropna=False)["sampel"].any()], axis=1).any(axis=1)
    out["sampel"] = sampel.reindex(out.index).fillna(False).astype(bool)
    out = out.reset_index()
    out = out.sort_values(["pilar", "kode_opd", "program"], key=_urut).reset_index(drop=True)
    return out[kolom]


def _urut(s: pd.Series) -> pd.Series:
    return s.map(kunci_nama) if s.dtype == object or str(s.dtype).startswith("string") else s


def _persen(pembilang: pd.Series, penyebut: pd.Series) -> pd.Series:
    p = pd.to_numeric(penyebut, errors="coerce")
    return (100.0 * pd.to_numeric(pembilang, errors="coerce") / p.where(p > 0)).astype("float64")


def _status(row: pd.Series) -> str:
    q = row["triwulan_lapor"]
    if pd.isna(q):
        return BELUM
    if all(pd.isna(row[f"rencana_q{k}"]) for k in TRIWULAN):
        return TANPA_TARGET
    target, capaian = row["target_tahun"], row["capaian_tahun"]
    if pd.notna(target) and pd.notna(capaian) and capaian >= target:
        return TERCAPAI
    if int(q) == 4:
        return TIDAK_TERCAPAI
    rencana_q, capaian_q = row[f"rencana_q{int(q)}"], row[f"capaian_q{int(q)}"]
    if pd.isna(rencana_q):
        return SESUAI  # nothing planned by that quarter yet
    return SESUAI if pd.notna(capaian_q) and capaian_q >= rencana_q else TERTINGGAL


# --- the year's end and unreported quarters (issue 18 review, finding 4); kept apart from _status on purpose ---


def _tutup_tahun(status: str, row: pd.Series) -> str:
    """A status once the year's Q4 deadline has passed: short of a target is not met, never reported is
    ``tidak melapor``; statuses this rule does not know (e.g. a plan without an output target) stay as they are."""
    if status == BELUM:
        return TIDAK_MELAPOR
    if status in (SESUAI, TERTINGGAL) and pd.notna(row["target_tahun"]):
        return TIDAK_TERCAPAI
    return status


def triwulan_jatuh_tempo(tahun: int, hari_ini: date) -> int:
    """The latest quarter of ``tahun`` whose reporting deadline has passed by ``hari_ini`` (0 when none)."""
    return max((q for q in TRIWULAN if hari_ini > batas_lapor(tahun, q)), default=0)


def _catatan_lapor(status: str, triwulan_lapor: object, tahun: int, hari_ini: date) -> str:
    """What the status alone would hide about reporting: a quarter due but not reported while the plan reads on track
    or behind ("terlambat lapor TW3", "TW2–TW3" when more than one), or, once the year is closed, a plan not met
    because the OPD stopped reporting ("berhenti melapor sesudah TW2"). "" otherwise."""
    if pd.isna(triwulan_lapor):  # type: ignore[arg-type]
        return ""
    q = int(triwulan_lapor)  # type: ignore[arg-type]
    if q >= 4:
        return ""
    if status == TIDAK_TERCAPAI:
        return f"berhenti melapor sesudah TW{q}" if tahun_ditutup(tahun, hari_ini) else ""
    jatuh = triwulan_jatuh_tempo(tahun, hari_ini)
    if status in (SESUAI, TERTINGGAL) and jatuh > q:
        return f"terlambat lapor TW{q + 1}" + (f"–TW{jatuh}" if jatuh > q + 1 else "")
    return ""


def label_status(status: str, catatan: str = "") -> str:
    """"◐ Sesuai rencana", "◌ Terlambat lapor TW3", "▲ Tertinggal · terlambat lapor TW3": what a cell shows."""
    if status == TERLAMBAT_LAPOR and catatan:
        return f"{LABEL_STATUS[status].split(' ', 1)[0]} {catatan[0].upper()}{catatan[1:]}"
    dasar = LABEL_STATUS.get(status, status)
    return f"{dasar} · {catatan}" if catatan else dasar


def teks_status(status: str, catatan: str = "") -> str:
    """The status as words without its symbol, for sheets: "tercapai", "terlambat lapor TW3",
    "tidak tercapai · berhenti melapor sesudah TW2"."""
    if status == TERLAMBAT_LAPOR and catatan:
        return catatan
    return f"{status} · {catatan}" if catatan else status


def _kosongkan_sesudah_lapor(out: pd.DataFrame) -> pd.DataFrame:
    """NaN for the delivery of quarters after the program's latest reported quarter, and for the year's delivery,
    realisation and their shares until Q4 is reported: not reported is not zero. Runs after the status, which reads
    the latest reported quarter itself."""
    out = out.copy()
    q_lapor = out["triwulan_lapor"].fillna(0)
    for q in TRIWULAN:
        out.loc[q_lapor < q, f"capaian_q{q}"] = float("nan")
    belum_akhir = q_lapor < 4
    for c in ("capaian_tahun", "capaian_pct", "realisasi", "serapan_rencana_pct"):
        out.loc[belum_akhir, c] = float("nan")
    return out


def ringkas_status(tabel: pd.DataFrame) -> dict[str, int]:
    """How many planned programs are in each status: the line a pillar card can show."""
    hitung = tabel["status"].value_counts()
    return {s: int(hitung.get(s, 0)) for s in URUTAN_STATUS}
