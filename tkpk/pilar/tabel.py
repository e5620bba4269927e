"""The pillar page's tables and headline texts, built from a :class:`tkpk.pilar.kartu.KartuSkor`.

Why one frame per table for both screen and download: what an official downloads must be exactly what the
table showed. Frames keep real numbers (so sorting and Excel work); :func:`format_kolom` gives the id-ID text
for the screen. A status column always carries symbol and label ("● Baik"), and the numbers it came from sit
in the neighbouring columns, so colour is never the only cue.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

import pandas as pd

from tkpk import fmt, sel_kecil
from tkpk.pilar import skor
from tkpk.pilar.kartu import Antartahun, KartuSkor
from tkpk.pilar.status import Status
from tkpk.teks_aman import md
from tkpk.unduh import bulat

WARNA_MARKDOWN = {"hijau": "green", "kuning": "orange", "merah": "red", "abu": "gray"}
STATUS = "Status"
PROFIL = "Profil di peta"
PENERIMA = "Penerima/target (per satuan)"


# The page's sections (tabs) under its headline strip; a label is also the value of ``?bagian=`` in a shared link.
BAGIAN = ("Kartu skor OPD", "Rencana aksi", "Program dan lokasi", "Antartahun", "Kandidat penghargaan")


def tautan_peta(kode: object) -> str | None:
    """The map page's place profile (the map page reads ``?tempat=``)."""
    return None if kode is None or pd.isna(kode) else f"/peta?tempat={kode}"  # type: ignore[arg-type]


def tautan_opd(pilar: int, tahun: int | None, triwulan: int | None, kode: object) -> str | None:
    """This page for one OPD of the pillar (its programs and years: the sidebar's "OPD (rincian dan
    perbandingan)"), same pillar and period; without ``tahun`` the page opens its newest year."""
    if kode is None or pd.isna(kode):  # type: ignore[arg-type]
        return None
    q: dict[str, object] = {"pilar": pilar, **({"tahun": tahun} if tahun else {}),
                            **({"triwulan": triwulan} if triwulan else {}), "opd": kode}
    return "/pilar?" + urlencode(q)


def teks_status(kode: str) -> str:
    return Status.dari_kode(kode).teks


def status_markdown(s: Status) -> str:
    """A coloured, bold ``● Baik`` for st.markdown: the symbol and the word carry the meaning, colour helps."""
    return f":{WARNA_MARKDOWN[s.kode]}[**{s.teks}**]"


def css_status(teks: object) -> str:
    """Cell style for a status column: its Okabe–Ito colour, bold (symbol and words are in the cell text)."""
    for s in Status:
        if isinstance(teks, str) and teks.startswith(s.simbol):
            return f"color: {s.warna}; font-weight: 700"
    return ""


def css_status_statis(teks: object) -> str:
    """Cell style for a status column of a static HTML table: the band's colour as a bar at the cell's edge, the
    words dark and bold. Why not the coloured text of :func:`css_status`: on white, orange (2,3:1) and green
    (3,4:1) text fail the 4,5:1 contrast an HTML cell is held to (axe ``color-contrast``)."""
    for s in Status:
        if isinstance(teks, str) and teks.startswith(s.simbol):
            return f"border-left: 6px solid {s.warna} !important; font-weight: 700"
    return ""


def _desimal(kolom: str) -> int | None:
    """Decimals a numeric column is shown with (and downloaded at), chosen by its name."""
    if kolom == "Tahun":
        return None
    if "(Rp)" in kolom:
        return 0
    if "(poin)" in kolom or "(%)" in kolom or kolom.startswith("Skor"):
        return 1
    return 2 if kolom.startswith(("Target output", "Capaian output")) else 0


def format_kolom(df: pd.DataFrame) -> dict[str, fmt.Format]:
    """id-ID text for each numeric column of a table from this module, chosen by its name. Scores get one decimal
    (two OPDs a tenth apart must not look tied); outputs may be fractional (2,5 km): up to two decimals, none for
    whole numbers."""
    out: dict[str, fmt.Format] = {}
    for c in df.columns:
        if df[c].dtype == object and any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in df[c]):
            out[c] = fmt.PECAHAN_2   # counts beside "< 5"/"disamarkan" cells (text is shown as it is)
            continue
        if not pd.api.types.is_numeric_dtype(df[c]) or pd.api.types.is_bool_dtype(df[c]) or c == "Tahun":
            continue
        if "(Rp)" in c:
            out[c] = fmt.RUPIAH
        elif "(poin)" in c:
            out[c] = fmt.POIN_1
        elif "(%)" in c:
            out[c] = fmt.PERSEN_1
        elif c.startswith("Skor"):
            out[c] = fmt.ANGKA_1
        elif _desimal(c) == 2:
            out[c] = fmt.PECAHAN_2
        else:
            out[c] = fmt.ANGKA
    return out


def bulatkan(df: pd.DataFrame) -> pd.DataFrame:
    """Every numeric column at the precision :func:`format_kolom` shows it, so a download holds what the table
    showed (``4,3``, not ``4,255532862356447``; ``29867``, not ``29867,0``)."""
    out = df.copy()
    for c in out.columns:
        if pd.api.types.is_numeric_dtype(out[c]) and not pd.api.types.is_bool_dtype(out[c]):
            d = _desimal(str(c))
            if d is not None:
                out[c] = bulat(out[c], d)
    return out


@dataclass(frozen=True)
class Tabel:
    """A table ready to draw: the frame at the precision it is shown and downloaded with (:func:`bulatkan`), and
    its id-ID formats (:func:`format_kolom`). Built once with the result it comes from, so a page rerun does not
    round and inspect the same frame again (bench/RESULTS.md, page reruns)."""

    df: pd.DataFrame
    format: dict[str, fmt.Format]


def siap(df: pd.DataFrame) -> Tabel:
    """``df`` rounded as shown, with its formats."""
    d = bulatkan(df)
    return Tabel(d, format_kolom(d))


# The scorecard's columns on a projector: the room's three questions (delivering? spending? in the pockets?) per
# OPD. All thirteen did not fit a 1280 px projector (the last ones were behind a sideways scroll nobody in the
# room can use); the rest (report, programs, realisation, beneficiaries, places, full name, code) stay in the desk
# view and in the download.
KOLOM_PROYEKTOR = (STATUS, "OPD", "Pagu (Rp)", "Serapan (%)", "Capaian output (%)", "Lokasi di kantong (%)")


LAPORAN_BELUM = "Belum melapor"  # the "Laporan" cell of an OPD that sent no report
BELUM_MELAPOR = f"{Status.ABU.simbol} {LAPORAN_BELUM}"


def untuk_proyektor(t: Tabel) -> Tabel:
    """``t`` cut to :data:`KOLOM_PROYEKTOR` (those it has), in that order, with their formats. Without the "Laporan"
    column, an OPD that sent no report says so in its status ("○ Belum melapor"), where "○ Tidak ada data" would
    also fit one that reported without numbers to judge (review finding)."""
    kolom = [c for c in KOLOM_PROYEKTOR if c in t.df.columns]
    df = t.df[kolom]
    if STATUS in df.columns and "Laporan" in t.df.columns:
        df = df.assign(**{STATUS: df[STATUS].where(t.df["Laporan"] != LAPORAN_BELUM, BELUM_MELAPOR)})
    return Tabel(df, {k: v for k, v in t.format.items() if k in kolom})


def _teks_sel(nilai: pd.Series, status: pd.Series) -> list[object]:
    """A per-place count as the table holds it: the number (whole, or at the two decimals a fractional output is
    shown with), "< 5" or "disamarkan". Numbers stay numbers, so an XLSX download stores them as numbers and the
    CSV writes them as the number columns are written (:mod:`tkpk.unduh`); :func:`format_kolom` shows them."""
    out: list[object] = []
    for v, s in zip(nilai, status, strict=True):
        if s:
            out.append(sel_kecil.teks(s, None))
        elif pd.isna(v):
            out.append(None)
        else:
            x = float(v)
            out.append(int(x) if x.is_integer() else round(x, 2))
    return out


def tabel_opd(k: KartuSkor) -> pd.DataFrame:
    """One row per OPD of the pillar, those that did not report included (status ○, "Belum melapor")."""
    o = k.opd
    tepat = k.tepat_opd.set_index("kode_opd")["kantong_jumlah_pct"] if not k.tepat_opd.empty else pd.Series()
    return pd.DataFrame({
        STATUS: o["status"].map(teks_status),
        "OPD": o["nama_singkat"],
        "Laporan": o["belum_melapor"].map({True: LAPORAN_BELUM, False: "Melapor"}),
        "Program": o["jumlah_program"],
        "Pagu (Rp)": o["pagu"],
        "Realisasi (Rp)": o["realisasi"],
        "Serapan (%)": o["serapan_pct"],
        "Capaian output (%)": o["capaian_pct"],
        PENERIMA: o["penerima_teks"],
        "Lokasi": o["jumlah_lokasi"],
        "Lokasi di kantong (%)": o["kode_opd"].map(tepat).astype("float64"),
        "Nama lengkap": o["nama_lengkap"],
        "Kode OPD": o["kode_opd"],
    }).pipe(bulatkan)


def tabel_program(k: KartuSkor, kode_opd: str | None = None) -> pd.DataFrame:
    """Program rows of the pillar (or of one OPD): output with its unit, budget, beneficiaries, status."""
    p = k.program if kode_opd is None or k.program.empty else k.program[k.program["kode_opd"] == kode_opd]
    if p.empty:
        return pd.DataFrame(columns=[STATUS, "OPD", "Program", "Satuan output"])
    nama = dict(zip(k.opd["kode_opd"], k.opd["nama_singkat"], strict=True))
    return pd.DataFrame({
        STATUS: p["status"].map(teks_status),
        "OPD": p["kode_opd"].map(lambda x: nama.get(x, x)),
        "Program": p["program"],
        "Satuan output": p["satuan_output"],
        "Target output": _teks_sel(p["target_output"], p["target_output_samar"]),
        "Capaian output": _teks_sel(p["capaian_output"], p["capaian_samar"]),
        "Capaian output (%)": p["capaian_pct"],
        "Pagu (Rp)": p["pagu"],
        "Realisasi (Rp)": p["realisasi"],
        "Serapan (%)": p["serapan_pct"],
        PENERIMA: p["penerima_teks"],
        "Lokasi": p["jumlah_lokasi"],
    }).reset_index(drop=True).pipe(bulatkan)


def pilihan_program(k: KartuSkor, kode_opd: str | None = None) -> dict[str, str]:
    """``id_program`` → "OPD · program (satuan)", for the drill-down picker."""
    p = k.program if kode_opd is None or k.program.empty else k.program[k.program["kode_opd"] == kode_opd]
    nama = dict(zip(k.opd["kode_opd"], k.opd["nama_singkat"], strict=True))
    return {r.id_program: f"{nama.get(r.kode_opd, r.kode_opd)} · {r.program} ({r.satuan_output})"
            for r in p.itertuples(index=False)}


_SEL = ("Target output", "Capaian output", "Target penerima", "Penerima")  # _teks_sel columns of tabel_lokasi


def _lokasi_mentah(k: KartuSkor, d: pd.DataFrame) -> pd.DataFrame:
    """:func:`tabel_lokasi`'s frame of the rows ``d`` of ``k.lokasi``, before typing (:func:`_ketik`) and rounding:
    the count columns hold :func:`_teks_sel`'s values as they are (object), so a cut of it types alike."""
    d = d.sort_values(["nama_kecamatan", "nama_wilayah"], na_position="first")
    kec = d["nama_kecamatan"].where(d["tingkat"] != "kabupaten", "Se-kabupaten")

    def sel(nilai: str, status: str) -> pd.Series:
        return pd.Series(_teks_sel(d[nilai], d[status]), index=d.index, dtype=object)

    return pd.DataFrame({
        "Kecamatan": kec,
        "Desa/kelurahan": d["nama_wilayah"].where(d["tingkat"] == "desa", "–"),
        PROFIL: d["kode_wilayah"].map(tautan_peta),
        "Tingkat": d["tingkat"],
        "Di kantong kemiskinan": d["di_kantong"].map({True: "Ya", False: "Tidak"}),
        "Target output": sel("target_output", "target_output_samar"),
        "Capaian output": sel("capaian_output", "capaian_samar"),
        "Capaian output (%)": d["capaian_pct"],
        "Pagu (Rp)": d["pagu"],
        "Realisasi (Rp)": d["realisasi"],
        "Target penerima": sel("target_penerima", "target_penerima_samar"),
        "Penerima": sel("penerima", "penerima_samar"),
        "Kode wilayah": d["kode_wilayah"],
        "id_program": d["id_program"],
    }).reset_index(drop=True)


def _ketik(d: pd.DataFrame) -> pd.DataFrame:
    """One program's location rows typed by their own values, then rounded: counts are numbers where none is
    hidden (so they sort by value) and numbers in a text column beside "< 5"; profile links from its own codes."""
    d = d.drop(columns="id_program").reset_index(drop=True)
    return d.assign(**{c: pd.Series(d[c].tolist(), index=d.index) for c in _SEL},
                    **{PROFIL: d["Kode wilayah"].map(tautan_peta)}).pipe(bulatkan)


def tabel_lokasi(k: KartuSkor, id_prog: str) -> pd.DataFrame:
    """The places one program reached, by name, each with a link to its profile on the map page. Counts stay
    numbers where no cell of the program is hidden (so they sort by value), and beside "< 5" cells they are
    numbers in a text column (:func:`_teks_sel`)."""
    d = k.lokasi[k.lokasi["id_program"] == id_prog] if not k.lokasi.empty else k.lokasi
    if d.empty:
        return pd.DataFrame(columns=["Kecamatan", "Desa/kelurahan", "Tingkat", PROFIL])
    return _ketik(_lokasi_mentah(k, d))


def lokasi_per_program(k: KartuSkor, program: list[str]) -> dict[str, Tabel]:
    """:func:`tabel_lokasi` of every ``id_program`` in ``program`` (the keys of :func:`pilihan_program`), built in
    one pass over the places and cut per program; each cut is typed by its own values (:func:`_ketik`), as
    :func:`tabel_lokasi` types one program."""
    per: dict[str, pd.DataFrame] = {}
    if not k.lokasi.empty:
        semua = _lokasi_mentah(k, k.lokasi[k.lokasi["id_program"].isin(program)])
        per = {str(i): _ketik(d) for i, d in semua.groupby("id_program", sort=False)}
    return {i: siap(per[i]) if i in per else siap(tabel_lokasi(k, i)) for i in program}


def tabel_kantong_tanpa(k: KartuSkor) -> pd.DataFrame:
    """Pockets this pillar did not reach in the period: the headline finding on targeting."""
    t = k.kantong_tanpa
    return pd.DataFrame({
        "Wilayah": t["nama_wilayah"],
        "Tingkat": t["kode_wilayah"].map(lambda x: "kecamatan" if len(str(x)) <= 8 else "desa/kelurahan"),
        "Kecamatan": t["nama_kecamatan"],
        PROFIL: t["kode_wilayah"].map(tautan_peta),
        "Kode wilayah": t["kode_wilayah"],
    })


def tabel_perbandingan(k: Antartahun) -> pd.DataFrame:
    """Year by year for the pillar (or the chosen OPD), with the change from the year before in poin."""
    b = k.perbandingan
    if b.empty:
        return pd.DataFrame(columns=["Tahun"])
    kol = {
        "tahun": "Tahun", "status": STATUS, "pagu": "Pagu (Rp)", "realisasi": "Realisasi (Rp)",
        "serapan_pct": "Serapan (%)", "perubahan_serapan_poin": "Δ serapan (poin)",
        "capaian_pct": "Capaian output (%)", "perubahan_capaian_poin": "Δ capaian (poin)",
        "penerima_teks": PENERIMA,
        "kantong_jumlah_pct": "Lokasi di kantong (%)", "perubahan_kantong_jumlah_poin": "Δ di kantong (poin)",
        "kantong_pagu_pct": "Pagu di kantong (%)", "kantong_cakupan_pct": "Cakupan kantong (%)",
    }
    out = b[[c for c in kol if c in b.columns]].rename(columns=kol)
    out[STATUS] = out[STATUS].map(teks_status)
    berjalan = skor.tahun_berjalan(b)
    if berjalan:
        # a year in progress: named as such, its status not judged against a whole year's thresholds
        out = out.reset_index(drop=True)
        out.loc[out["Tahun"].astype(int).isin(berjalan), STATUS] = BELUM_SETAHUN
        out["Tahun"] = [skor.label_tahun(t, berjalan) for t in out["Tahun"]]
    return out.reset_index(drop=True).pipe(bulatkan)


TIDAK_DINILAI = "Tidak dinilai"  # targeting in a year without pockets
BELUM_SETAHUN = "◌ Belum setahun"  # a year in progress in the year comparison: not judged as a whole year


def _nan(x: object) -> float | None:
    return None if pd.isna(x) else float(x)  # type: ignore[arg-type]


def teks_ringkasan(k: KartuSkor) -> dict[str, str]:
    """The headline strip as id-ID text: short Rupiah for the big number, the exact sum beside it."""
    r, t = k.ringkas, k.tepat

    def nilai(nama: str) -> float | None:
        x = r.get(nama)
        return None if x is None or pd.isna(x) else float(x)

    pagu, realisasi = nilai("pagu"), nilai("realisasi")
    terjangkau, jumlah_kantong = int(t["kantong_terjangkau"]), int(t["jumlah_kantong"])
    lokasi_teks = (f"{int(t['jumlah_di_kantong'])} dari {int(t['jumlah_terlokasi'])} lokasi"
                   + (f" ({int(t['jumlah_tidak_diukur'])} kegiatan tingkat kecamatan tidak diukur)"
                      if int(t.get("jumlah_tidak_diukur", 0) or 0) else ""))
    return {
        "pagu": fmt.rupiah_ringkas(pagu), "pagu_penuh": fmt.rupiah(pagu),
        "realisasi": fmt.rupiah_ringkas(realisasi), "realisasi_penuh": fmt.rupiah(realisasi),
        "serapan": fmt.persen(nilai("serapan_pct"), 1),
        "capaian": fmt.persen(nilai("capaian_pct"), 1),
        "penerima": str(r.get("penerima_teks", fmt.TIDAK_ADA)),
        "opd": f"{int(r['opd_melapor'])} dari {int(r['opd_diharapkan'])}",
        "tepat": fmt.persen(None if pd.isna(t["kantong_jumlah_pct"]) else float(t["kantong_jumlah_pct"]), 1)
                 if jumlah_kantong else TIDAK_DINILAI,
        "tepat_keterangan": (f"{lokasi_teks}; {fmt.persen(_nan(t['kantong_pagu_pct']), 1)} dari pagu berlokasi; "
                             f"menjangkau {terjangkau} dari {jumlah_kantong} kantong") if jumlah_kantong else
                            f"belum ada kantong kemiskinan {k.tahun} (belum ada data indikator desa/kecamatan tahun "
                            "itu); bobotnya di kandidat penghargaan dibagi ke komponen lain",
        "tepat_pagu": fmt.persen(None if pd.isna(t["kantong_pagu_pct"]) else float(t["kantong_pagu_pct"]), 1),
        "tepat_lokasi": lokasi_teks,
        "cakupan": f"{terjangkau} dari {jumlah_kantong} kantong",
        "status": status_markdown(k.status),
        "status_angka": f"capaian output {fmt.persen(nilai('capaian_pct'), 1)}, serapan "
                        f"{fmt.persen(nilai('serapan_pct'), 1)}",
    }


def teks_belum_melapor(k: KartuSkor) -> str:
    """"○ DPMPTSP (Dinas …), ○ Dishub (…)": the missing reports, named in full."""
    b = k.belum_melapor
    return ", ".join(f"{Status.ABU.simbol} **{s}** ({lengkap})" for s, lengkap in
                     zip(b["nama_singkat"], b["nama_lengkap"], strict=True))


def nama_periode(triwulan: int) -> str:
    """The period picker's names: 0 = the year (its latest report), else the quarter."""
    return "Tahunan (laporan terakhir)" if triwulan == 0 else f"Triwulan {triwulan}"


def teks_lokasi(program: str, lokasi: pd.DataFrame) -> str:
    """The line above a program's locations (:func:`tabel_lokasi`): how many places, kecamatan and pockets."""
    di_kantong = int((lokasi.get("Di kantong kemiskinan") == "Ya").sum())
    return (f"**{md(program)}** menjangkau **{len(lokasi)} lokasi** di {lokasi['Kecamatan'].nunique()} kecamatan; "
            f"{di_kantong} di kantong kemiskinan. Klik *Buka profil* untuk profil tempat di halaman peta.")
