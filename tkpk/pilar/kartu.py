"""The pillar scorecard page's domain glue: read one pillar's rows, score them with :mod:`tkpk.pilar.skor`, name places.

Why a separate module: the page must stay "widgets → one call → draw", and the numbers on it must be the ones
``tkpk.pilar.skor`` computes (the home page strip uses the same functions), so this module only loads rows through
named SQL, picks the period, chooses the pocket rule (:func:`kantong_tahun`, the one place to switch it) and
bundles the results in :class:`KartuSkor`. Display tables live in :mod:`tkpk.pilar.tabel`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd

from tkpk import SUMBER_CONTOH, katalog
from tkpk.pilar import skor
from tkpk.pilar.status import ATURAN_BAKU, AturanStatus, Status
from tkpk.toko.queries import fetch
from tkpk.toko.tahun import intervensi_tahun, perlindungan

# Fallback pocket rule: the top 20% of kecamatan and of desa by persen_jiwa_desil_1_4 (see skor.kantong_kuantil_atas).
Q_KANTONG = 0.8
NAMA_TRIWULAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Kantong:
    """The poverty pockets of one year (desa and kecamatan codes) and the words that explain how they were chosen."""

    tahun: int
    kode: frozenset[str]
    aturan: str          # one line: which rule
    deskripsi: str       # Markdown bullets: how tepat sasaran is computed with it
    sampel: bool
    ukur_kecamatan: bool = True  # rows for a whole kecamatan are measured against kecamatan pockets


def _kantong_peta(con: duckdb.DuckDBPyConnection, tahun: int) -> Kantong | None:
    """The map page's default rule at both levels (:func:`tkpk.peta.data.kantong_bawaan`) when it can be computed."""
    from tkpk.peta.data import kantong_bawaan

    k = kantong_bawaan(con, tahun)
    desa, kec = k["desa"], k["kecamatan"]
    if not desa.ada_data and not kec.ada_data:
        return None  # no figures for this year: let the fallback say so
    aturan = (f"aturan halaman peta: {desa.aturan}; {kec.aturan} (untuk kegiatan satu kecamatan utuh)")
    deskripsi = skor.deskripsi_tepat_sasaran(None) + f"\n- Kantong desa: {desa.aturan}\n- Kantong kecamatan: " \
        f"{kec.aturan}"
    return Kantong(tahun, desa.kode | kec.kode, aturan, deskripsi, desa.sampel or kec.sampel,
                   ukur_kecamatan=kec.ada_data)


def kantong_tahun(con: duckdb.DuckDBPyConnection, tahun: int) -> Kantong:
    """Pockets (kecamatan and desa codes) for ``tahun``: THE switch between the map's rule and the fallback.

    Uses the map page's default rule at both levels, else the top quantile of persen_jiwa_desil_1_4, so the pillar
    page never waits for the map and both pages agree once the rule exists.
    """
    dari_peta = _kantong_peta(con, tahun)
    if dari_peta is not None:
        return dari_peta
    df = fetch(con, "persen_desil_banjar_tahun", {"tahun": tahun})
    kode = frozenset(skor.kantong_kuantil_atas(df, q=Q_KANTONG)) if not df.empty else frozenset()
    atas = round((1 - Q_KANTONG) * 100)
    aturan = (f"aturan sementara: {atas}% kecamatan dan {atas}% desa teratas menurut % penduduk desil 1–4 "
              "(proksi data sasaran), sampai aturan kantong halaman peta tersedia")
    return Kantong(tahun, kode, aturan, skor.deskripsi_tepat_sasaran(Q_KANTONG),
                   bool(df["sampel"].any()) if not df.empty else False)


def pilihan_periode(con: duckdb.DuckDBPyConnection) -> dict[int, list[int]]:
    """Years with program rows, newest last, each with the quarters some OPD reported (often none)."""
    df = fetch(con, "periode_intervensi")
    out: dict[int, list[int]] = {}
    for th, tw in zip(df["tahun"], df["triwulan"], strict=True):
        daftar = out.setdefault(int(th), [])
        if not pd.isna(tw):
            daftar.append(int(tw))
    return out


def label_periode(tahun: int, triwulan: int | None) -> str:
    return str(tahun) if triwulan is None else f"{tahun} triwulan {NAMA_TRIWULAN.get(triwulan, triwulan)}"


def pilar_katalog(kode: int) -> katalog.Pilar:
    return next(p for p in katalog.PILAR if p.kode == kode)


def opd_pilar(kode_pilar: int) -> list[katalog.Opd]:
    """The OPDs honoured under the pillar at the rakor: the ones expected to report."""
    return [o for o in katalog.OPD if o.pilar == kode_pilar]


def id_program(kode_opd: object, program: object, satuan: object) -> str:
    """A stable, URL-safe-enough key for one program row (outputs are only added within one unit)."""
    return f"{kode_opd}|{program}|{'' if pd.isna(satuan) else satuan}"  # type: ignore[arg-type]


@dataclass(frozen=True)
class KartuSkor:
    """Everything the pillar page shows for one pillar and period; each frame comes straight from tkpk.pilar.skor."""

    pilar: katalog.Pilar
    tahun: int
    triwulan: int | None
    opd_fokus: str | None
    aturan: AturanStatus
    baris: pd.DataFrame          # the period's rows: every total on the page is a sum over exactly these
    ringkas: pd.Series           # skor_pilar row
    opd: pd.DataFrame            # skor_opd, expected OPDs first, with belum_melapor
    program: pd.DataFrame        # skor_program + id_program
    lokasi: pd.DataFrame         # lokasi_program with place names
    tepat: pd.Series             # tepat_sasaran of the whole pillar
    tepat_opd: pd.DataFrame      # tepat_sasaran per OPD
    kantong: Kantong
    kantong_tanpa: pd.DataFrame  # pockets the pillar did not reach, with names
    sumber: list[str] = field(default_factory=list)

    @property
    def ada_data(self) -> bool:
        return not self.baris.empty

    @property
    def baris_sampel(self) -> bool:
        return bool(self.baris["sampel"].fillna(False).astype(bool).any()) if self.ada_data else False

    @property
    def kantong_sampel(self) -> bool:
        """The pockets behind "tepat sasaran" and the untouched-pocket list are drawn from sample figures."""
        return self.ada_data and bool(self.kantong.kode) and self.kantong.sampel

    @property
    def sampel(self) -> bool:
        """A figure of the period's scorecard rests on sample data: its report rows, or the pockets."""
        return self.baris_sampel or self.kantong_sampel

    @property
    def belum_melapor(self) -> pd.DataFrame:
        """Expected OPDs without a single row for the period: read out at the rakor as a finding."""
        return self.opd[self.opd["diharapkan"] & self.opd["belum_melapor"]]

    @property
    def status(self) -> Status:
        return Status.dari_kode(str(self.ringkas["status"])) if self.ada_data else Status.ABU

    @property
    def periode(self) -> str:
        return label_periode(self.tahun, self.triwulan)


def _kosong(kolom: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="float64") for c in kolom})


def nama_wilayah(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return fetch(con, "nama_wilayah_banjar")


def _beri_nama(df: pd.DataFrame, wilayah: pd.DataFrame) -> pd.DataFrame:
    """Adds ``nama_wilayah`` and ``nama_kecamatan`` (joined on code, never on names)."""
    w = wilayah[["kode_wilayah", "nama", "nama_kecamatan"]].rename(columns={"nama": "nama_wilayah"})
    out = df.merge(w, on="kode_wilayah", how="left")
    out["nama_wilayah"] = out["nama_wilayah"].where(out["kode_wilayah"].notna(), "Se-kabupaten")
    return out


def _sumber(rows: pd.DataFrame) -> list[str]:
    if rows.empty:
        return []
    pasangan = rows[["sumber", "batch_id"]].drop_duplicates().sort_values("batch_id")
    daftar = []
    for s, grup in pasangan.groupby("sumber", sort=False):
        batch = ", ".join(str(int(b)) for b in grup["batch_id"])
        daftar.append(f"batch {batch}" if s == SUMBER_CONTOH else f"{s} (batch {batch})")
    return daftar


def kartu_skor(
    con: duckdb.DuckDBPyConnection,
    pilar: int,
    tahun: int,
    triwulan: int | None = None,
    opd_fokus: str | None = None,
    aturan: AturanStatus = ATURAN_BAKU,
) -> KartuSkor:
    """The scorecard of one pillar and period (its year comparison is :func:`antartahun`).

    Rows come from :func:`tkpk.toko.tahun.intervensi_tahun` (the loader the map, the slides and the files use) and
    beneficiaries are protected with the whole period's :func:`tkpk.toko.tahun.perlindungan`, so this page hides
    the same cells and shows the same totals as the workbook."""
    baris = intervensi_tahun(con, tahun, triwulan=triwulan)
    baris = baris[baris["pilar"] == pilar].reset_index(drop=True)
    lindung = perlindungan(con, tahun, triwulan=triwulan)
    daftar_opd = opd_pilar(pilar)
    kantong = kantong_tahun(con, tahun)
    wilayah = nama_wilayah(con)

    opd = skor.skor_opd(baris, daftar_opd, aturan, lindung)
    opd = opd[opd["pilar"] == pilar].reset_index(drop=True)
    ringkas_df = skor.skor_pilar(baris, daftar_opd, aturan, lindung)
    ringkas = ringkas_df[ringkas_df["pilar"] == pilar].iloc[0]

    if baris.empty:
        program = _kosong([*skor.KUNCI_PROGRAM, "id_program"])
        lokasi = _kosong([*skor.KUNCI_PROGRAM, "kode_wilayah", "id_program", "nama_wilayah", "nama_kecamatan"])
        tepat = pd.Series({"jumlah_terlokasi": 0, "jumlah_di_kantong": 0, "kantong_terjangkau": 0,
                           "jumlah_kantong": len(kantong.kode), "jumlah_tingkat_kecamatan": 0,
                           "jumlah_tidak_diukur": 0, "kantong_jumlah_pct": float("nan"),
                           "kantong_pagu_pct": float("nan"), "kantong_cakupan_pct": float("nan")})
        tepat_opd = _kosong(["kode_opd", "kantong_jumlah_pct", "kantong_pagu_pct"])
    else:
        program = skor.skor_program(baris, aturan, lindung)
        program["id_program"] = [id_program(*r) for r in
                                 program[["kode_opd", "program", "satuan_output"]].itertuples(index=False)]
        lokasi = skor.lokasi_program(baris, kantong.kode, lindung)
        lokasi["id_program"] = [id_program(*r) for r in
                                lokasi[["kode_opd", "program", "satuan_output"]].itertuples(index=False)]
        lokasi = _beri_nama(lokasi, wilayah)
        tepat = skor.tepat_sasaran(baris, kantong.kode, ukur_kecamatan=kantong.ukur_kecamatan).iloc[0]
        tepat_opd = skor.tepat_sasaran(baris, kantong.kode, per=["kode_opd"], ukur_kecamatan=kantong.ukur_kecamatan)

    tanpa = pd.DataFrame({"kode_wilayah": skor.kantong_tanpa_intervensi(baris, kantong.kode)}, dtype="str")
    tanpa = _beri_nama(tanpa, wilayah)

    return KartuSkor(
        pilar=pilar_katalog(pilar), tahun=tahun, triwulan=triwulan, opd_fokus=opd_fokus, aturan=aturan,
        baris=baris, ringkas=ringkas, opd=opd, program=program, lokasi=lokasi, tepat=tepat, tepat_opd=tepat_opd,
        kantong=kantong, kantong_tanpa=tanpa, sumber=_sumber(baris),
    )


@dataclass(frozen=True)
class Antartahun:
    """One pillar (or one of its OPDs) year by year: :func:`tkpk.pilar.skor.bandingkan_tahun` over every year."""

    pilar: int
    opd_fokus: str | None
    perbandingan: pd.DataFrame   # one row per year with reports
    sumber_perbandingan: list[str] = field(default_factory=list)  # the batches behind every year compared

    @property
    def sampel_perbandingan(self) -> bool:
        """Some year of the year comparison rests on sample data (its reports or its pockets)."""
        p = self.perbandingan
        return bool(p["sampel"].fillna(False).astype(bool).any()) if "sampel" in p.columns else False


def antartahun(con: duckdb.DuckDBPyConnection, pilar: int, opd_fokus: str | None = None,
               aturan: AturanStatus = ATURAN_BAKU) -> Antartahun:
    """The year comparison, apart from :func:`kartu_skor`: it reads every year's reports, their small-cell
    protection and their pockets (about 6,5 of the 8 s a first scorecard took with it), yet only the page's
    Antartahun tab shows it, and it does not depend on the year or quarter chosen."""
    perbandingan = pd.DataFrame()
    bagian, lindung_tahun, peta, kantong_contoh = [], {}, {}, {}
    for th in sorted(pilihan_periode(con)):
        rows = intervensi_tahun(con, th)
        rows = rows[(rows["pilar"] == pilar) & ((rows["kode_opd"] == opd_fokus) if opd_fokus else True)]
        if rows.empty:
            continue
        bagian.append(rows)
        lindung_tahun[th] = perlindungan(con, th)
        kt = kantong_tahun(con, th)
        peta[th] = kt.kode
        kantong_contoh[th] = bool(kt.kode) and kt.sampel
    if bagian:
        perbandingan = skor.bandingkan_tahun(pd.concat(bagian, ignore_index=True), peta, aturan, lindung_tahun)
        # a year is sample when its reports or the pockets behind its "di kantong" figures are
        perbandingan["sampel"] = (perbandingan["sampel"].fillna(False).astype(bool)
                                  | perbandingan["tahun"].map(kantong_contoh).fillna(False).astype(bool))
    return Antartahun(pilar, opd_fokus, perbandingan,
                      _sumber(pd.concat(bagian, ignore_index=True)) if bagian else [])


def teks_sumber(k: KartuSkor, periode: str | None = None) -> str:
    """The caption under every table (after "Sumber: "), with the sample label when the rows are sample."""
    asal = "; ".join(k.sumber) if k.sumber else "belum ada laporan"
    teks = f"laporan program/intervensi OPD, periode {periode or k.periode} — {asal}"
    if k.kantong_sampel and not k.baris_sampel:
        teks += f"; kantong kemiskinan {k.tahun} (tepat sasaran) dari data contoh"
    return f"{teks}. ⚠️ {SUMBER_CONTOH}, bukan data resmi." if k.sampel else f"{teks}."


def teks_sumber_perbandingan(k: Antartahun) -> str:
    """The year comparison's caption (after "Sumber: "): every year's batches, the years still in progress, and the
    sample label when any year compared rests on sample data (naming those years)."""
    p = k.perbandingan
    if p.empty:
        return "belum ada laporan."
    tahun = p["tahun"].astype(int)
    teks = (f"laporan program/intervensi OPD {tahun.min()}–{tahun.max()} (per tahun: laporan tahunan, atau "
            f"triwulan terakhir yang dilaporkan) — {'; '.join(k.sumber_perbandingan)}")
    berjalan = skor.tahun_berjalan(p)
    if berjalan:
        jalan = ", ".join(f"{t} baru s.d. triwulan {q}" for t, q in berjalan.items())
        teks += f". Tahun berjalan ({jalan}) tidak dibandingkan sebagai tahun penuh"
    if not k.sampel_perbandingan:
        return f"{teks}."
    contoh = [int(t) for t, s in zip(tahun, p["sampel"].fillna(False).astype(bool), strict=True) if s]
    return f"{teks}. ⚠️ {SUMBER_CONTOH}, bukan data resmi (tahun {_rentang(contoh)})."


def _rentang(tahun: list[int]) -> str:
    """[2018, 2019, 2020, 2023] → "2018–2020, 2023"."""
    bagian: list[str] = []
    for t in sorted(tahun):
        if bagian and t == int(bagian[-1].split("–")[-1]) + 1:
            bagian[-1] = f"{bagian[-1].split('–')[0]}–{t}"
        else:
            bagian.append(str(t))
    return ", ".join(bagian)
