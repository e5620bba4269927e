"""Scorecard arithmetic for the pillar page: budget, output, beneficiaries, targeting and reporting discipline.

Input frames have the columns of ``intervensi`` / ``v_intervensi`` (``sampel`` optional). Everything here is a
pure pandas function so it can be tested on hand-made rows and checked against a direct SQL sum:

- money and counts are plain sums, NULL when every row is NULL (as SQL ``SUM``), so a total on the page equals
  ``SELECT SUM(pagu) ...`` over the same rows; an unreported realisasi is therefore not credited;
- a ratio whose denominator is 0 or missing is NaN ("–" on the page), never 0 or inf;
- outputs are only added within one (program, satuan_output); above that, see :class:`AturanStatus`;
- beneficiaries are only added within one unit, kabupaten-wide rows apart (:mod:`tkpk.intervensi.penerima`); an OPD or a
  pillar has a text per unit (``penerima_teks``), never one number across units; counts of 1–4 per place are
  hidden with their complements, computed on the whole period's rows (pass ``lindung`` when ``df`` is a subset).

The status rules and their wording live in :mod:`tkpk.pilar.status`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd
from babel.numbers import format_decimal

from tkpk import katalog
from tkpk.intervensi import penerima as pn
from tkpk.intervensi.periode import pilih_periode
from tkpk.pilar.status import ATURAN_BAKU, AturanStatus, Status, persen_kolom, tambah_kolom_status

__all__ = [
    "ATURAN_BAKU", "KUNCI_PROGRAM", "AturanStatus", "Status", "bandingkan_tahun", "deskripsi_tepat_sasaran",
    "kantong_kuantil_atas", "kantong_tanpa_intervensi", "label_tahun", "lokasi_program", "pilih_periode", "skor_opd",
    "skor_pilar", "skor_program", "tahun_berjalan", "tepat_sasaran",
]

KUNCI_PROGRAM = pn.KUNCI_PROGRAM
_UANG = ["pagu", "realisasi"]
_JUMLAH = ["pagu", "realisasi", "target_output", "capaian_output", "target_penerima", "penerima"]
_STATUS = ["status", "status_label", "status_simbol", "status_warna"]
_KANTONG = ["kantong_jumlah_pct", "kantong_pagu_pct", "kantong_cakupan_pct"]
_PANJANG_KODE_KEC = 8  # "63.03.05"


def _siapkan(df: pd.DataFrame) -> pd.DataFrame:
    """Numbers as float64 (NaN for NULL) and codes as strings, whatever DuckDB or a CSV handed us; the
    beneficiaries' effective unit (:func:`tkpk.intervensi.penerima.siapkan`)."""
    df = pn.siapkan(df)
    baru = {c: pd.to_numeric(df[c], errors="coerce").astype("float64") for c in _JUMLAH if c in df.columns}
    baru["pilar"] = pd.to_numeric(df["pilar"], errors="coerce").astype("int64")
    baru["kode_wilayah"] = df["kode_wilayah"].astype("str")
    if "sampel" in df.columns:
        baru["sampel"] = df["sampel"].fillna(False).astype(bool)
    return df.assign(**baru)


def _tambah_rasio(df: pd.DataFrame) -> pd.DataFrame:
    out = df.assign(serapan_pct=persen_kolom(df["realisasi"], df["pagu"]))
    if "penerima" in df.columns:
        out["penerima_pct"] = persen_kolom(df["penerima"], df["target_penerima"])
    return out


def _teks_penerima(d: pd.DataFrame, kunci: list[str], lindung: pn.Perlindungan) -> pd.DataFrame:
    """``penerima_teks`` per group of ``kunci``: beneficiaries per unit (see
    :func:`tkpk.intervensi.penerima.ringkas`)."""
    if d.empty:
        return pd.DataFrame(columns=[*kunci, "penerima_teks"])
    baris = [(*(k if isinstance(k, tuple) else (k,)), pn.ringkas(g, lindung))
             for k, g in d.groupby(kunci, dropna=False, sort=True)]
    return pd.DataFrame(baris, columns=[*kunci, "penerima_teks"])


def _program(d: pd.DataFrame, kunci: list[str]) -> pd.DataFrame:
    g = d.groupby(kunci, dropna=False, sort=True)
    out = g[_JUMLAH].sum(min_count=1)
    out["jumlah_baris"] = g.size()
    out["jumlah_lokasi"] = g["kode_wilayah"].nunique()
    if "sampel" in d.columns:
        out["sampel"] = g["sampel"].any()
    out = _tambah_rasio(out.reset_index())
    return out.assign(capaian_pct=persen_kolom(out["capaian_output"], out["target_output"]))


def skor_program(df: pd.DataFrame, aturan: AturanStatus = ATURAN_BAKU,
                 lindung: pn.Perlindungan | None = None) -> pd.DataFrame:
    """One row per (pilar, kode_opd, program, satuan_output), the level at which outputs may be added.

    ``capaian_pct`` is not capped here: over-achievement is shown as it is; the cap applies only when
    programs are averaged (:func:`skor_opd`, :func:`skor_pilar`). ``penerima`` is the program's total in its one
    unit (``satuan_penerima``), NaN when hidden (``penerima_samar``) or when its rows disagree on the unit.
    """
    d = _siapkan(df)
    lindung = lindung or pn.lindungi(d)
    out = pn.samarkan_program(_program(d, KUNCI_PROGRAM), lindung)
    out.loc[out["satuan_penerima"].eq(pn.CAMPURAN), ["penerima", "target_penerima", "penerima_pct"]] = float("nan")
    out = out.merge(_teks_penerima(d, KUNCI_PROGRAM, lindung), on=KUNCI_PROGRAM, how="left")
    kolom = [*KUNCI_PROGRAM, "pagu", "realisasi", "serapan_pct", "target_output", "capaian_output", "capaian_pct",
             "satuan_penerima", "target_penerima", "penerima", "penerima_pct", "penerima_samar", "penerima_teks",
             "target_penerima_samar", "capaian_samar", "target_output_samar", "jumlah_lokasi", "jumlah_baris"]
    kolom += ["sampel"] if "sampel" in out.columns else []
    return tambah_kolom_status(out[kolom], aturan)


def _ringkas(prog: pd.DataFrame, d: pd.DataFrame, kunci: list[str], aturan: AturanStatus) -> pd.DataFrame:
    """Totals of program rows per ``kunci``, with capaian by the aggregation rule of :class:`AturanStatus`."""
    cap = prog["capaian_pct"].clip(upper=aturan.batas_capaian_agregat)
    bobot = prog["pagu"].where((prog["pagu"] > 0) & cap.notna())
    h = prog[kunci].assign(_cw=cap * bobot, _w=bobot, _c=cap)
    g = h.groupby(kunci, sort=True)
    berbobot = g["_cw"].sum(min_count=1) / g["_w"].sum(min_count=1)
    capaian = berbobot.fillna(g["_c"].mean())

    gp = prog.groupby(kunci, sort=True)
    out = gp[_UANG].sum(min_count=1)
    out["capaian_pct"] = capaian
    out["jumlah_program"] = gp.size()
    out["jumlah_baris"] = gp["jumlah_baris"].sum()
    out["jumlah_lokasi"] = d.groupby(kunci)["kode_wilayah"].nunique()
    if "sampel" in prog.columns:
        out["sampel"] = gp["sampel"].any()
    return _tambah_rasio(out.reset_index())


def _daftar_opd(opd_list: Iterable[katalog.Opd]) -> pd.DataFrame:
    rows = [{"pilar": int(o.pilar), "kode_opd": o.kode, "nama_singkat": o.nama_singkat,
             "nama_lengkap": o.nama_lengkap, "urutan": i} for i, o in enumerate(opd_list)]
    kolom = ["pilar", "kode_opd", "nama_singkat", "nama_lengkap", "urutan"]
    return pd.DataFrame(rows, columns=kolom).astype({"pilar": "int64", "urutan": "int64"})


def skor_opd(df: pd.DataFrame, opd_list: Iterable[katalog.Opd], aturan: AturanStatus = ATURAN_BAKU,
             lindung: pn.Perlindungan | None = None) -> pd.DataFrame:
    """One row per OPD expected in ``opd_list`` plus any OPD that reported without being expected.

    An expected OPD with no rows is kept with ``belum_melapor=True`` and status ``abu``: at the rakor a
    missing report is itself a finding, so it must not silently drop out of the table. Unexpected OPDs are
    kept (``diharapkan=False``) so the table still sums to the rows given.
    """
    d = _siapkan(df)
    kunci = ["pilar", "kode_opd"]
    r = _ringkas(_program(d, KUNCI_PROGRAM), d, kunci, aturan)
    r = r.merge(_teks_penerima(d, kunci, lindung or pn.lindungi(d)), on=kunci, how="left")
    out = _daftar_opd(opd_list).merge(r, on=kunci, how="outer")
    out["diharapkan"] = out["urutan"].notna()
    out["belum_melapor"] = out["jumlah_baris"].isna()
    for c in ("jumlah_program", "jumlah_baris", "jumlah_lokasi"):
        out[c] = out[c].fillna(0).astype("int64")
    if "sampel" in out.columns:
        out["sampel"] = out["sampel"].fillna(False).astype(bool)
    for c in ("nama_singkat", "nama_lengkap"):
        dikenal = out["kode_opd"].map(lambda k, c=c: getattr(katalog.OPD_BY_KODE.get(k), c, k))
        out[c] = out[c].fillna(dikenal).astype("str")
    out = out.sort_values(["pilar", "diharapkan", "urutan", "kode_opd"], ascending=[True, False, True, True])
    out["penerima_teks"] = out["penerima_teks"].fillna("–").astype("str")
    kolom = ["pilar", "kode_opd", "nama_singkat", "nama_lengkap", "diharapkan", "belum_melapor", "jumlah_program",
             "pagu", "realisasi", "serapan_pct", "capaian_pct", "penerima_teks", "jumlah_lokasi", "jumlah_baris"]
    kolom += ["sampel"] if "sampel" in out.columns else []
    return tambah_kolom_status(out[kolom].reset_index(drop=True), aturan)


def skor_pilar(df: pd.DataFrame, opd_list: Iterable[katalog.Opd], aturan: AturanStatus = ATURAN_BAKU,
               lindung: pn.Perlindungan | None = None) -> pd.DataFrame:
    """One row per pillar (those of ``opd_list`` and any in ``df``), with how many expected OPDs reported."""
    opd = _daftar_opd(opd_list)
    d = _siapkan(df)
    r = _ringkas(_program(d, KUNCI_PROGRAM), d, ["pilar"], aturan)
    r = r.merge(_teks_penerima(d, ["pilar"], lindung or pn.lindungi(d)), on="pilar", how="left")
    melapor = opd.merge(d[["pilar", "kode_opd"]].drop_duplicates(), on=["pilar", "kode_opd"])
    hitung = pd.DataFrame({
        "opd_diharapkan": opd.groupby("pilar").size(),
        "opd_melapor": melapor.groupby("pilar").size(),
    }).rename_axis("pilar").reset_index()
    out = hitung.merge(r, on="pilar", how="outer").sort_values("pilar").reset_index(drop=True)
    for c in ("opd_diharapkan", "opd_melapor", "jumlah_program", "jumlah_baris", "jumlah_lokasi"):
        out[c] = out[c].fillna(0).astype("int64")
    if "sampel" in out.columns:
        out["sampel"] = out["sampel"].fillna(False).astype(bool)
    nama = {p.kode: p for p in katalog.PILAR}
    out["nama_pilar"] = out["pilar"].map(lambda k: getattr(nama.get(k), "nama", f"Pilar {k}")).astype("str")
    out["nama_singkat"] = out["pilar"].map(lambda k: getattr(nama.get(k), "nama_singkat", f"Pilar {k}")).astype("str")
    out["penerima_teks"] = out["penerima_teks"].fillna("–").astype("str")
    kolom = ["pilar", "nama_pilar", "nama_singkat", "opd_melapor", "opd_diharapkan", "jumlah_program", "pagu",
             "realisasi", "serapan_pct", "capaian_pct", "penerima_teks", "jumlah_lokasi", "jumlah_baris"]
    kolom += ["sampel"] if "sampel" in out.columns else []
    return tambah_kolom_status(out[kolom], aturan)


def _kantong_baris(kode: pd.Series, kantong: set[str]) -> tuple[pd.Series, pd.Series]:
    """Per row: the pocket it sits in itself, and the pocket kecamatan a desa row lies inside (else NaN)."""
    kec = kode.str.slice(0, _PANJANG_KODE_KEC)
    diri = kode.where(kode.isin(kantong))
    induk = kec.where((kode.str.len() > _PANJANG_KODE_KEC) & kec.isin(kantong))
    return diri, induk


def tepat_sasaran(df: pd.DataFrame, kantong_kode: Iterable[str], per: Sequence[str] = (),
                  ukur_kecamatan: bool | None = None) -> pd.DataFrame:
    """Share of located interventions (rows with a kode_wilayah) in poverty pockets, by count and by pagu.

    A desa row is in a pocket when its desa is a pocket or its kecamatan is one. A kecamatan row (a program for
    a whole kecamatan) is measured against the kecamatan pockets, never against desa pockets (we cannot tell
    which desa it reached): with ``ukur_kecamatan`` (default: when ``kantong_kode`` holds kecamatan codes) it is
    in a pocket when its kecamatan is one; without, it is left out of the shares and counted in
    ``jumlah_tidak_diukur``. ``jumlah_tingkat_kecamatan`` counts the kecamatan rows either way. Kabupaten-wide
    rows (kode_wilayah NULL) cannot be placed and are reported separately (``jumlah_tanpa_lokasi``). Coverage
    (``cakupan_pct``) is the share of pockets touched by at least one row: the untouched pockets are the
    headline (:func:`kantong_tanpa_intervensi`). Without any pocket (a year with no register figures) the three
    shares are NaN: targeting is not assessed, rather than 0%. One row per group of ``per``, or a single row.
    """
    kantong = {str(k) for k in kantong_kode}
    if ukur_kecamatan is None:
        ukur_kecamatan = any(len(k) <= _PANJANG_KODE_KEC for k in kantong)
    d = _siapkan(df)
    kunci = list(per) or ["_semua"]
    d = d.assign(_semua=1) if not per else d
    diri, induk = _kantong_baris(d["kode_wilayah"], kantong)
    terlokasi = d["kode_wilayah"].notna()
    tingkat_kec = terlokasi & (d["kode_wilayah"].str.len() <= _PANJANG_KODE_KEC).fillna(False)
    tidak_diukur = tingkat_kec & (not ukur_kecamatan)
    diukur = terlokasi & ~tidak_diukur
    di = diukur & (diri.notna() | induk.notna())
    pagu = d["pagu"].fillna(0.0)
    h = d[kunci].assign(
        jumlah_terlokasi=diukur.astype("int64"), jumlah_di_kantong=di.astype("int64"),
        jumlah_tanpa_lokasi=(~terlokasi).astype("int64"), jumlah_tingkat_kecamatan=tingkat_kec.astype("int64"),
        jumlah_tidak_diukur=tidak_diukur.astype("int64"),
        pagu_terlokasi=pagu.where(diukur, 0.0), pagu_di_kantong=pagu.where(di, 0.0),
        pagu_tanpa_lokasi=pagu.where(~terlokasi, 0.0),
    )
    out = h.groupby(kunci, sort=True).sum()
    sentuh = pd.concat([d[kunci].assign(_k=diri), d[kunci].assign(_k=induk)]).dropna(subset=["_k"])
    out["kantong_terjangkau"] = sentuh.groupby(kunci)["_k"].nunique()
    out = out.reset_index()
    out["kantong_terjangkau"] = out["kantong_terjangkau"].fillna(0).astype("int64")
    out["jumlah_kantong"] = len(kantong)
    out = out.assign(
        kantong_jumlah_pct=persen_kolom(out["jumlah_di_kantong"], out["jumlah_terlokasi"]),
        kantong_pagu_pct=persen_kolom(out["pagu_di_kantong"], out["pagu_terlokasi"]),
        kantong_cakupan_pct=persen_kolom(out["kantong_terjangkau"], out["jumlah_kantong"]),
    )
    if not kantong:  # no pockets for the year (no register figures): not assessed, never "0% tepat sasaran"
        out[_KANTONG] = float("nan")
    return out.drop(columns=["_semua"]) if not per else out


def kantong_tanpa_intervensi(df: pd.DataFrame, kantong_kode: Iterable[str]) -> list[str]:
    """Pockets no row of ``df`` reached, sorted by code: the finding to read out first."""
    kantong = {str(k) for k in kantong_kode}
    diri, induk = _kantong_baris(_siapkan(df)["kode_wilayah"], kantong)
    return sorted(kantong - set(diri.dropna()) - set(induk.dropna()))


def kantong_kuantil_atas(df_persen_jiwa_desil_1_4: pd.DataFrame, q: float = 0.8,
                         kolom: str = "persen_jiwa_desil_1_4") -> set[str]:
    """Fallback pocket rule until the map's rule is plugged in: the top ``1 - q`` of places by ``kolom``.

    Kecamatan and desa are ranked separately (by code length), since a desa share and a kecamatan share are
    not comparable; places without a value are never pockets. Ties at the threshold are included.
    """
    d = df_persen_jiwa_desil_1_4[["kode_wilayah", kolom]].dropna()
    d = d.assign(_nilai=pd.to_numeric(d[kolom], errors="coerce").astype("float64"),
                 _tingkat=d["kode_wilayah"].astype("str").str.len() > _PANJANG_KODE_KEC)
    ambang = d.groupby("_tingkat")["_nilai"].transform(lambda s: s.quantile(q))
    return set(d.loc[d["_nilai"] >= ambang, "kode_wilayah"].astype("str"))


def deskripsi_tepat_sasaran(q: float | None = 0.8) -> str:
    """The targeting rule in Indonesian, to print under the tepat-sasaran figures.

    ``q`` names the fallback quantile rule (:func:`kantong_kuantil_atas`); pass None when the map's pocket
    rule is used and describe that rule next to it.
    """
    baris = [
        "Intervensi tepat sasaran bila lokasinya berada di kantong kemiskinan: desa yang menjadi kantong, atau "
        "desa di dalam kecamatan yang menjadi kantong. Intervensi untuk satu kecamatan utuh diukur terhadap "
        "kantong tingkat kecamatan, tidak pernah dihitung meleset di tingkat desa.",
        "Persentase dihitung dari intervensi yang berlokasi (per baris lokasi dan per pagu); intervensi "
        "se-kabupaten tanpa lokasi dilaporkan terpisah.",
        "Cakupan kantong = kantong (desa dan kecamatan) yang menerima sedikitnya satu intervensi ÷ seluruh kantong.",
    ]
    if q is not None:
        atas = format_decimal(round((1 - q) * 100, 6), locale="id_ID")
        baris.append(f"Kantong sementara: {atas}% wilayah teratas menurut % penduduk desil 1–4 (register "
                     "sasaran, bukan angka BPS), kecamatan dan desa diurutkan terpisah.")
    return "\n".join(f"- {b}" for b in baris)


def lokasi_program(df: pd.DataFrame, kantong_kode: Iterable[str] = (),
                   lindung: pn.Perlindungan | None = None) -> pd.DataFrame:
    """Drill-down: the places each program reached (kabupaten-wide rows have kode_wilayah NaN); beneficiaries
    and people-counted outputs of 1–4 per place hidden (``penerima_samar``, ``capaian_samar``)."""
    d = _siapkan(df)
    lindung = lindung or pn.lindungi(d)
    kantong = {str(k) for k in kantong_kode}
    diri, induk = _kantong_baris(d["kode_wilayah"], kantong)
    d = d.assign(di_kantong=diri.notna() | induk.notna())
    kunci = [*KUNCI_PROGRAM, "kode_wilayah"]
    out = _program(d, kunci)
    out["di_kantong"] = d.groupby(kunci, dropna=False, sort=True)["di_kantong"].any().to_numpy()
    out["tingkat"] = out["kode_wilayah"].str.len().map({8.0: "kecamatan"}).fillna("desa").where(
        out["kode_wilayah"].notna(), "kabupaten").astype("str")
    return pn.samarkan_lokasi(out.drop(columns=["jumlah_lokasi"]), lindung)


def _triwulan_sd(d: pd.DataFrame) -> dict[int, float]:
    """Per year: the latest quarter reported when it is before the fourth, else NaN (a full year). A year of year
    reports (triwulan NULL) is full; so is a year whose latest report is the fourth quarter, even if a program
    stopped reporting earlier (a missing report, not a year in progress; judging such a year "belum setahun" read
    "s.d. triwulan 4 (belum setahun)", review of issue 17)."""
    if "triwulan" not in d.columns:
        return {}
    tw = pd.to_numeric(d["triwulan"], errors="coerce")
    out: dict[int, float] = {}
    for th, q in tw.groupby(d["tahun"]):
        akhir = float(q.max()) if q.notna().any() else float("nan")
        out[int(th)] = akhir if akhir < 4 else float("nan")  # NaN < 4 is False: a year of year reports is full
    return out


def tahun_berjalan(perbandingan: pd.DataFrame) -> dict[int, int]:
    """The years of a :func:`bandingkan_tahun` table still in progress, with the quarter they reached: the one
    reading of ``triwulan_sd`` behind the table's year label, the chart's axis and subtitle, and the caption."""
    if "triwulan_sd" not in perbandingan.columns:
        return {}
    return {int(t): int(q) for t, q in zip(perbandingan["tahun"], perbandingan["triwulan_sd"], strict=True)
            if not pd.isna(q)}


def label_tahun(tahun: int, berjalan: Mapping[int, int]) -> str:
    """"2026 (s.d. TW2)" for a year in progress (``berjalan``: :func:`tahun_berjalan`), "2025" for a whole year."""
    q = berjalan.get(int(tahun))
    return str(int(tahun)) if q is None else f"{int(tahun)} (s.d. TW{q})"


def bandingkan_tahun(
    df: pd.DataFrame,
    kantong_kode: Iterable[str] | Mapping[int, Iterable[str]] | None = None,
    aturan: AturanStatus = ATURAN_BAKU,
    lindung: Mapping[int, pn.Perlindungan] | None = None,
) -> pd.DataFrame:
    """Year rows for one pillar or OPD (filter ``df`` first), with the change from the year before in poin.

    Changes are against ``tahun - 1`` only; after a gap they are NaN rather than silently spanning years. A year
    still in progress (its latest report is a quarter before the fourth, "s.d. TW2") has its latest
    quarter in ``triwulan_sd`` (NaN for a full year) and no change against a full year (NaN), since cumulative
    figures to mid-year are not comparable with a whole year's.
    ``kantong_kode`` may differ by year (a mapping), since pockets are re-drawn when the register updates.
    Beneficiaries are a text per unit per year (``penerima_teks``); ``lindung`` gives each year's protection
    (computed on that year's rows of every pillar), else it is computed from ``df``.
    """
    d = _siapkan(df)
    kunci = ["tahun"]
    d = d.assign(tahun=pd.to_numeric(d["tahun"], errors="coerce").astype("int64"))
    out = _ringkas(_program(d, ["tahun", *KUNCI_PROGRAM]), d, kunci, aturan)
    teks = {int(th): pn.ringkas(rows, (lindung or {}).get(int(th)) or pn.lindungi(rows))
            for th, rows in d.groupby("tahun")}
    out["penerima_teks"] = out["tahun"].map(teks).astype("str")
    if kantong_kode is not None:
        bagian = []
        for th, rows in d.groupby("tahun"):
            k = kantong_kode.get(int(th), ()) if isinstance(kantong_kode, Mapping) else kantong_kode
            bagian.append(tepat_sasaran(rows, k).assign(tahun=int(th)))
        kolom_k = ["tahun", *_KANTONG]
        ts = pd.concat(bagian)[kolom_k] if bagian else pd.DataFrame(columns=kolom_k)
        out = out.merge(ts.astype({"tahun": "int64"}), on="tahun", how="left")
    out = tambah_kolom_status(out.sort_values("tahun").reset_index(drop=True), aturan)
    out["triwulan_sd"] = out["tahun"].map(_triwulan_sd(d)).astype("float64")
    sebelum = out.set_index("tahun").reindex(out["tahun"] - 1).reset_index(drop=True)
    setahun = out["triwulan_sd"].isna() & sebelum["triwulan_sd"].isna()
    for c in ["serapan_pct", "capaian_pct", *_KANTONG]:
        if c in out.columns:
            out[f"perubahan_{c.removesuffix('_pct')}_poin"] = (out[c] - sebelum[c]).where(setahun).astype("float64")
    depan = ["tahun", "pagu", "realisasi", "serapan_pct", "capaian_pct", "penerima_teks",
             *[c for c in _KANTONG if c in out.columns]]
    return out[depan + [c for c in out.columns if c not in depan]]
