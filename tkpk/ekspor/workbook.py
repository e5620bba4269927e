"""The LP2KD / RPKD annex workbook: one XLSX whose sheets follow the report's chapters.

Why this layout:
- sheet order is the chapter order of an RPKD/LP2KD (Profil kemiskinan → Lokasi prioritas → Program per
  pilar → Capaian per OPD) plus a sources sheet, so the analyst pastes each sheet into its chapter;
- numbers are stored as numbers with number formats (``#,##0``, ``0.00"%"``): Excel shows them with the
  separators of the PC's locale, so an id-ID PC shows ``2,36%`` and ``1.250.000`` and sums still work;
- every text cell passes :func:`tkpk.unduh.aman` (formula injection: OPD-typed program names end up here) and is
  written with data type "s", so openpyxl never turns a leading ``=`` into a formula;
- bold header on a dark fill, frozen header row, autofilter and column widths, so it prints and sorts as is;
- row 1 of every sheet is its title row: sheet, year, the store state (newest batch and date) and, when the sheet
  holds sample data, the DATA CONTOH label (:func:`tkpk.label.judul_lembar`), so a copied sheet keeps them;
- numbers are rounded to the precision their format shows; hidden small cells read "< 5"/"disamarkan".
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import pandas as pd

from tkpk import KODE_BANJAR, KODE_PROVINSI, SUMBER_CONTOH, katalog, mutu_sumber, sel_kecil
from tkpk.ekspor.rakor_lembar import LembarRakor
from tkpk.label import judul_lembar
from tkpk.peta.kantong import deskripsi_aturan
from tkpk.pilar import status
from tkpk.rakor.tahun import BahanTahun
from tkpk.tren.figur_bps import FIGUR
from tkpk.tren.ringkasan import NAMA_FIGUR
from tkpk.unduh import aman

LEMBAR = ["Dua angka", "Profil kemiskinan", "Target dan realisasi", "Lokasi prioritas", "Program per pilar",
          "Capaian per OPD", "Rencana aksi", "Tindak lanjut rakor", "Sumber"]
F_BULAT = "#,##0"
F_RUPIAH = '"Rp"#,##0'
F_PERSEN = '0.00"%"'
F_PERSEN_1 = '0.0"%"'
F_INDEKS = "0.000"
F_DESIMAL = "#,##0.00"
_DESIMAL = {F_BULAT: 0, F_RUPIAH: 0, F_PERSEN: 2, F_PERSEN_1: 1, F_INDEKS: 3, F_DESIMAL: 2, "0.0": 1, "0": 0}
_NAMA_PILAR = {p.kode: p.nama for p in katalog.PILAR}


def _sel(x: Any) -> Any:
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return None
    if hasattr(x, "item"):
        return x.item()
    return x


def profil(b: BahanTahun) -> pd.DataFrame:
    """Poverty series of Banjar, the province and every kab/kota: the real figures, each with its kind of source
    ("BPS" only for BPS's own release), its conflict note and its source."""
    d = b.bps.copy()
    d["urut"] = d["kode_wilayah"].map(lambda k: 0 if k == KODE_BANJAR else 1 if k == KODE_PROVINSI else 2)
    d = d.sort_values(["urut", "kode_wilayah", "tahun"])
    # versioning is per cell: every figure has its own kind of source (empty where there is no figure), and
    # the figures whose source is not P0's are named with it in "Sumber angka lain"
    jenis = {f"Jenis sumber {NAMA_FIGUR[f]}": _jenis_figur(d, f) for f in FIGUR[:6]}
    return pd.DataFrame({
        "Tahun": d["tahun"], "Kode wilayah": d["kode_wilayah"], "Wilayah": d["nama"],
        "P0 (%)": d["p0"], "Penduduk miskin (jiwa)": d["penduduk_miskin"],
        "Garis kemiskinan (Rp/kapita/bulan)": d["garis_kemiskinan"], "P1": d["p1"], "P2": d["p2"],
        "P0 ekstrem (%)": d["p0_ekstrem"] if "p0_ekstrem" in d.columns else None,
        **jenis,
        "Catatan": d["sumber"].map(lambda s: " ".join(mutu_sumber.catatan(s))),
        "Sumber": d["sumber"].map(mutu_sumber.tanpa_catatan),
        "Sumber angka lain": [_sumber_lain(r) for _, r in d.iterrows()],
    }).reset_index(drop=True)


def _jenis_figur(d: pd.DataFrame, f: str) -> pd.Series:
    """The short label of one figure's own kind of source, empty where the row has no such figure."""
    kolom = f"jenis_sumber_{f}" if f"jenis_sumber_{f}" in d.columns else "jenis_sumber"
    return pd.Series([mutu_sumber.label(j) if pd.notna(v) else "" for j, v in zip(d[kolom], d[f], strict=True)],
                     index=d.index)


def _sumber_lain(r: pd.Series) -> str:
    """"penduduk miskin, P0 ekstrem: Sambutan Bupati …" for every figure whose source is not P0's."""
    kelompok: dict[str, list[str]] = {}
    for f in FIGUR[1:]:
        s = r.get(f"sumber_{f}")
        if pd.notna(r.get(f)) and isinstance(s, str) and (pd.isna(r.get("p0")) or s != r.get("sumber")
                                                           or r.get(f"jenis_sumber_{f}") != r.get("jenis_sumber")):
            kelompok.setdefault(mutu_sumber.tanpa_catatan(s), []).append(NAMA_FIGUR[f])
    return "; ".join(f"{', '.join(fs)}: {s}" for s, fs in kelompok.items())


def lokasi_prioritas(b: BahanTahun) -> pd.DataFrame:
    """Pockets of the year at kecamatan and desa level (the map's default rule of each level), ranked, with their
    reasons and the year's interventions measured at the pocket's own level."""
    baris = []
    for tingkat, hasil, sasaran in (("kecamatan", b.kantong, b.sasaran_kec or b.sasaran),
                                    ("desa/kelurahan", b.kantong_desa, b.sasaran)):
        per_tempat = sasaran.tabel.set_index("kode")
        for r in hasil.kantong().itertuples(index=False):
            kec = ""
            if tingkat != "kecamatan":
                m = b.desa[b.desa["kode"] == r.kode]
                kec = str(m["nama_kecamatan"].iloc[0]) if not m.empty else ""
            iv = per_tempat.loc[r.kode] if r.kode in per_tempat.index else None
            baris.append({
                "Tahun": b.tahun, "Tingkat": tingkat, "Peringkat": _sel(r.peringkat), "Kode wilayah": r.kode,
                "Nama": r.nama, "Kecamatan": kec or r.nama, "% penduduk desil 1–4 (%)": _sel(r.persen),
                "Penduduk desil 1–4 (jiwa)": _sel(r.jumlah), "Skor komposit (0-100)": _sel(r.skor),
                "Alasan": r.alasan,
                "Intervensi tahun ini": _sel(iv["jumlah_intervensi"]) if iv is not None else None,
                "Pagu intervensi (Rp)": _sel(iv["pagu"]) if iv is not None else None,
                "Belum tersentuh": ("ya" if bool(iv["belum_tersentuh"]) else "tidak") if iv is not None else "",
            })
    kolom = ["Tahun", "Tingkat", "Peringkat", "Kode wilayah", "Nama", "Kecamatan", "% penduduk desil 1–4 (%)",
             "Penduduk desil 1–4 (jiwa)", "Skor komposit (0-100)", "Alasan", "Intervensi tahun ini",
             "Pagu intervensi (Rp)", "Belum tersentuh"]
    return pd.DataFrame(baris, columns=kolom)


def _lokasi_teks(b: BahanTahun) -> dict[tuple[str, str, str], str]:
    """Per program: its places by name ("Se-kabupaten" for rows without a place), for the program sheet."""
    out: dict[tuple[str, str, str], str] = {}
    if b.lokasi.empty:
        return out
    for kunci, g in b.lokasi.groupby(["kode_opd", "program", "satuan_output"], dropna=False):
        nama = sorted({str(n) for n in g["nama_wilayah"].dropna()})
        out[(str(kunci[0]), str(kunci[1]), str(kunci[2]))] = ", ".join(nama)
    return out


def _samar(p: pd.DataFrame, nilai: str, status: str) -> list:
    """A program column with its hidden cells as "< 5"/"disamarkan" (the rest stay numbers)."""
    return [sel_kecil.teks(s, None) if s else v for v, s in zip(p[nilai], p[status], strict=True)]


def program_per_pilar(b: BahanTahun) -> pd.DataFrame:
    """One row per program (pillar, OPD, program, output unit): the level at which outputs may be added."""
    p = b.skor_program
    if p.empty:
        return pd.DataFrame(columns=["Pilar", "OPD", "Program", "Pagu (Rp)"])
    lok = _lokasi_teks(b)
    return pd.DataFrame({
        "Tahun": b.tahun, "Pilar": p["pilar"].astype(int), "Nama pilar": p["pilar"].map(_NAMA_PILAR),
        "Kode OPD": p["kode_opd"], "OPD": p["kode_opd"].map(lambda k: katalog.NAMA_SINGKAT_OPD.get(k, k)),
        "Program": p["program"],
        "Pagu (Rp)": p["pagu"], "Realisasi (Rp)": p["realisasi"], "Serapan (%)": p["serapan_pct"],
        "Satuan output": p["satuan_output"], "Target output": _samar(p, "target_output", "target_output_samar"),
        "Capaian output": _samar(p, "capaian_output", "capaian_samar"), "Capaian (%)": p["capaian_pct"],
        "Satuan penerima": p["satuan_penerima"],
        "Target penerima": _samar(p, "target_penerima", "target_penerima_samar"),
        "Penerima": _samar(p, "penerima", "penerima_samar"),
        "Jumlah lokasi": p["jumlah_lokasi"], "Status": p["status_simbol"] + " " + p["status_label"],
        "Lokasi": [lok.get((str(a), str(c), str(d)), "") for a, c, d in
                   zip(p["kode_opd"], p["program"], p["satuan_output"], strict=True)],
    })


def capaian_opd(b: BahanTahun) -> pd.DataFrame:
    """One row per expected OPD (also those that did not report: "belum melapor" is a finding)."""
    o = b.skor_opd
    return pd.DataFrame({
        "Tahun": b.tahun, "Pilar": o["pilar"].astype(int), "Kode OPD": o["kode_opd"], "OPD": o["nama_lengkap"],
        "Melapor": o["belum_melapor"].map(lambda x: "belum melapor" if x else "ya"),
        "Jumlah program": o["jumlah_program"], "Pagu (Rp)": o["pagu"], "Realisasi (Rp)": o["realisasi"],
        "Serapan (%)": o["serapan_pct"], "Capaian output (%)": o["capaian_pct"],
        "Penerima/target (per satuan)": o["penerima_teks"], "Jumlah lokasi": o["jumlah_lokasi"],
        "Status": o["status_simbol"] + " " + o["status_label"],
    })


def sumber(b: BahanTahun, dibuat: datetime | None = None) -> pd.DataFrame:
    """Where each sheet's numbers come from and which rules made the pockets and the status lights."""
    baris = [("Dibuat", (dibuat or datetime.now()).strftime("%d-%m-%Y %H.%M")), ("Tahun laporan", str(b.tahun))]
    if b.keadaan is not None:
        baris.append(("Keadaan data", b.keadaan.teks))
    if b.sampel:
        baris.append(("PERHATIAN", f"{SUMBER_CONTOH}: data kecamatan/desa dan data program di berkas ini adalah "
                                   "data contoh buatan untuk uji coba, bukan data resmi."))
    baris.append(("Profil kemiskinan", "Kolom Jenis sumber: hanya 'BPS' yang dibaca dari rilis BPS sendiri; angka "
                                       "lain dikutip media atau pejabat (lihat Catatan)."))
    asal = {mutu_sumber.tanpa_catatan(x) for x in b.bps["sumber"].dropna()}
    baris += [("Profil kemiskinan", s) for s in sorted(asal)]
    baris.append(("Lokasi prioritas", "Indikator kecamatan/desa dari register DTSEN; % penduduk desil 1–4 "
                                      "adalah pangsa register penargetan, bukan angka BPS. " + b.sumber_program()))
    for tingkat, hasil in (("kecamatan", b.kantong), ("desa", b.kantong_desa)):
        baris += [(f"Aturan kantong {tingkat}", x.removeprefix("- ")) for x in
                  deskripsi_aturan(hasil=hasil).splitlines()]
    baris += [("Kantong belum tersentuh", x.removeprefix("- ")) for x in b.sasaran.deskripsi().splitlines()]
    baris.append(("Program per pilar", b.sumber_program()))
    baris.append(("Penerima manfaat", "Dijumlahkan per satuan (KK, jiwa, unit rumah, dokumen …), tidak pernah "
                                      "antarsatuan; kegiatan se-kabupaten dihitung terpisah."))
    baris.append(("Sel kecil", f"Jumlah rumah tangga atau orang 1–4 per desa/kecamatan ditulis \"< "
                               f"{sel_kecil.AMBANG}\"; sel pelengkap dan persentase dari sel tersembunyi ditulis "
                               f"\"{sel_kecil.TEKS_SAMAR}\", agar total dikurangi bagian lain tidak membukanya."))
    baris += [("Aturan status", x.removeprefix("- ")) for x in status.ATURAN_BAKU.deskripsi().splitlines()]
    return pd.DataFrame(baris, columns=["Bagian", "Keterangan"])


def _format_kolom(nama: str) -> str | None:
    n = nama.lower()
    if n in ("target", "realisasi", "nilai"):
        return None  # sheets that mix units row by row (the Satuan column): each value as published, unrounded
    if "(%)" in n:
        return F_PERSEN
    if "(rp" in n or n.startswith("garis kemiskinan"):
        return F_RUPIAH
    if n in ("p1", "p2"):
        return F_INDEKS
    if n.startswith("skor"):
        return "0.0"
    if n in ("tahun", "pilar", "peringkat"):
        return "0"
    if any(k in n for k in ("jiwa", "jumlah", "target", "capaian output", "penerima", "intervensi")):
        return F_DESIMAL if n in ("capaian output", "target output") else F_BULAT
    return None


def tulis_lembar(wb: Any, judul: str, df: pd.DataFrame, *, judul_baris: str, lebar_maks: int = 70) -> None:
    """One sheet: title row (``judul_baris``, see :func:`tkpk.label.judul_lembar`), header row, data rows."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(judul[:31])
    data = aman(df)
    ws.append([judul_baris])
    ws["A1"].font = Font(bold=True, size=12, color="A04000" if SUMBER_CONTOH in judul_baris else "1F3864")
    ws["A1"].data_type = "s"
    ws.append(list(data.columns))
    for sel in ws[2]:
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = PatternFill("solid", fgColor="1F3864")
        sel.alignment = Alignment(wrap_text=True, vertical="center")
    format_per_kolom: Sequence[str | None] = [_format_kolom(str(c)) for c in df.columns]
    for baris in data.itertuples(index=False):
        ws.append([_bulat(_sel(x), f) for x, f in zip(baris, format_per_kolom, strict=True)])
    for row in ws.iter_rows(min_row=3):
        for sel, f in zip(row, format_per_kolom, strict=False):
            if isinstance(sel.value, str):
                sel.data_type = "s"
            elif f and isinstance(sel.value, (int, float)):
                sel.number_format = f
    for sel in ws[2]:
        sel.data_type = "s"
    for i, kol in enumerate(data.columns, start=1):
        isi = [len(str(v)) for v in data.iloc[:, i - 1].head(300) if v is not None]
        lebar = max([min(len(str(kol)), 24), *isi]) + 2
        ws.column_dimensions[get_column_letter(i)].width = max(8, min(lebar_maks, lebar))
    ws.freeze_panes = "A3"
    if ws.max_row > 2:
        ws.auto_filter.ref = f"A2:{get_column_letter(ws.max_column)}{ws.max_row}"
    ws.row_dimensions[2].height = 32


def _bulat(x: Any, f: str | None) -> Any:
    """A number at the decimals its format shows (a download holds what the sheet shows)."""
    if f in _DESIMAL and isinstance(x, float) and not isinstance(x, bool) and math.isfinite(x):
        r = round(x, _DESIMAL[f])
        return int(r) if _DESIMAL[f] == 0 else r
    return x


def _sampel_bps(b: BahanTahun) -> bool:
    return bool(b.bps["sampel"].fillna(False).astype(bool).any()) if "sampel" in b.bps.columns else False


def buku_kerja(b: BahanTahun, dibuat: datetime | None = None, dua: pd.DataFrame | None = None,
               target: pd.DataFrame | None = None, rakor: LembarRakor | None = None) -> bytes:
    """The workbook's bytes; sheets in :data:`LEMBAR` order, each with its title row. ``dua`` and ``target`` are
    the finished "Dua angka" and "Target dan realisasi" sheets (:mod:`tkpk.ekspor.dua_angka_lembar`), ``rakor``
    the "Rencana aksi" and "Tindak lanjut rakor" sheets (:mod:`tkpk.ekspor.rakor_lembar`); without them those
    sheets say so."""
    from openpyxl import Workbook

    from tkpk.ekspor.dua_angka_lembar import lembar_dua_angka, lembar_target

    wb = Workbook()
    wb.remove(wb.active)
    kosong = pd.DataFrame({"Keterangan": ["Tidak disertakan dalam ekspor ini."]})
    isi = [dua if dua is not None else lembar_dua_angka(None), profil(b),
           target if target is not None else lembar_target(None, b.bps), lokasi_prioritas(b), program_per_pilar(b),
           capaian_opd(b), rakor.rencana if rakor else kosong, rakor.tindak_lanjut if rakor else kosong,
           sumber(b, dibuat)]
    # The two-numbers and target sheets hold real figures only (BPS, register, documents); the rest show sample
    # rows whenever the store holds them.
    sampel = [False, _sampel_bps(b), _sampel_bps(b), b.sampel, b.sampel, b.sampel,
              bool(rakor and rakor.sampel_rencana), bool(rakor and rakor.sampel_rakor), b.sampel]
    for judul, df, contoh in zip(LEMBAR, isi, sampel, strict=True):
        tulis_lembar(wb, judul, df, judul_baris=judul_lembar(judul, b.tahun, contoh, b.keadaan),
                     lebar_maks=120 if judul in ("Sumber", "Dua angka") else 70)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
