"""The content of the three one-page briefs: per pillar, per OPD, per kecamatan.

Why the numbers come only from :class:`tkpk.rakor.tahun.BahanTahun`: a brief handed out at the rakor must show
the figures the dashboard and the workbook show, computed once by the scorecard and pocket functions.
"""

from __future__ import annotations

import altair as alt
import geopandas as gpd
import pandas as pd

from tkpk import fmt, katalog
from tkpk.charts import peta_cetak as peta
from tkpk.charts.tema import WARNA_BANJAR, terapkan
from tkpk.ekspor.gambar import png_polos
from tkpk.ekspor.pdf import BAWAH_ISI, LEBAR, TEPI, Brief, angka, persen, rupiah
from tkpk.intervensi import penerima
from tkpk.pilar import skor
from tkpk.pilar.status import ATURAN_BAKU, Status
from tkpk.rakor.tahun import BahanTahun

_NAMA_PILAR = {p.kode: p.nama for p in katalog.PILAR}
INDIKATOR_KECAMATAN = ["persen_jiwa_desil_1_4", "jiwa_desil_1_4", "kk_desil_1", "persen_kk_desil_1", "rtlh",
                       "kk_tanpa_air_layak", "kk_tanpa_sanitasi_layak", "anak_tidak_sekolah"]


def _status_angka(serapan: object, capaian: object) -> str:
    return f"serapan anggaran {persen(serapan)}, capaian output {persen(capaian)} (ambang baik: capaian >= " \
           f"{angka(ATURAN_BAKU.hijau_capaian)}% dan serapan >= {angka(ATURAN_BAKU.hijau_serapan)}%)"


def _peta_kecamatan(b: BahanTahun, rows: pd.DataFrame, judul: str) -> bytes:
    chart = peta.peta_nilai(b.batas_kec, peta.jumlah_per_kecamatan(rows), judul=judul,
                            label_nilai="Jumlah intervensi (baris lokasi)", lebar=430, tinggi=360)
    return png_polos(chart, skala=2, lebar=430)


def _tepat(b: BahanTahun, rows: pd.DataFrame) -> str:
    """Targeting of some rows against both levels' pockets: kecamatan-wide rows measured against kecamatan
    pockets, never counted as misses at desa level."""
    kantong = {*b.kantong_desa.kode_kantong, *b.kantong.kode_kantong}
    if rows.empty:
        return "Tidak ada baris intervensi."
    t = skor.tepat_sasaran(rows, kantong, ukur_kecamatan=True).iloc[0]
    kec = int(t["jumlah_tingkat_kecamatan"])
    return (f"Intervensi berlokasi: {int(t['jumlah_terlokasi'])} baris; {int(t['jumlah_di_kantong'])} di kantong "
            f"kemiskinan ({persen(t['kantong_jumlah_pct'])})"
            + (f", termasuk {kec} baris untuk satu kecamatan utuh yang diukur terhadap kantong kecamatan" if kec
               else "") + f". Se-kabupaten tanpa lokasi: {int(t['jumlah_tanpa_lokasi'])} baris.")


def _sumber(b: BahanTahun) -> list[str]:
    a = ATURAN_BAKU
    keadaan = [b.keadaan.teks] if b.keadaan is not None else []
    return [*keadaan, b.sumber_program(),
            f"aturan status: baik bila capaian >= {angka(a.hijau_capaian)}% dan serapan >= "
            f"{angka(a.hijau_serapan)}%; kritis bila capaian < {angka(a.merah_capaian)}% atau serapan < "
            f"{angka(a.merah_serapan)}%; selain itu perlu perhatian (lengkapnya di halaman Kinerja pilar)",
            f"kantong kemiskinan: {b.kantong_desa.aturan.kolom_persen} x {b.kantong_desa.aturan.kolom_jumlah}, "
            "kelas teratas keduanya (aturan bawaan halaman peta)",
            "penerima dijumlahkan per satuan; jumlah 1-4 per desa/kecamatan ditulis < 5 (sel kecil dilindungi)"]


def _tabel_program(pdf: Brief, prog: pd.DataFrame, batas_y: float = BAWAH_ISI, dengan_opd: bool = True) -> None:
    prog = prog.sort_values(["status", "pagu"], ascending=[True, False])
    kolom = ["Program", "OPD", "Pagu", "Serapan", "Capaian", "Penerima"] if dengan_opd else \
        ["Program", "Pagu", "Realisasi", "Serapan", "Capaian", "Penerima"]
    lebar = [78, 28, 20, 18, 18, 24] if dengan_opd else [82, 22, 22, 18, 18, 24]
    baris = []
    for r in prog.itertuples(index=False):
        kedua = katalog.NAMA_SINGKAT_OPD.get(r.kode_opd, r.kode_opd) if dengan_opd else rupiah(r.pagu)
        ketiga = rupiah(r.pagu) if dengan_opd else rupiah(r.realisasi)
        baris.append([f"{r.program} ({r.status_label.lower()})", kedua, ketiga, persen(r.serapan_pct),
                      persen(r.capaian_pct), str(r.penerima_teks)])
    pdf.tabel(kolom, lebar, baris, status=list(prog["status"]), batas_y=batas_y)


def brief_pilar(b: BahanTahun, pilar: int) -> bytes:
    """Pillar scorecard: budget and output figures, status light, OPDs with their lights, map, sources."""
    r = b.skor_pilar[b.skor_pilar["pilar"] == pilar].iloc[0]
    pdf = Brief(f"Kartu kinerja pilar {pilar}: {_NAMA_PILAR[pilar]}", f"Kabupaten Banjar, tahun {b.tahun}",
                b.sampel)
    pdf.kotak_angka([("Pagu", rupiah(r["pagu"])), ("Realisasi", rupiah(r["realisasi"])),
                     ("Serapan anggaran", persen(r["serapan_pct"])), ("Capaian output", persen(r["capaian_pct"])),
                     ("OPD melapor", f"{int(r['opd_melapor'])} dari {int(r['opd_diharapkan'])}")])
    pdf.baris_status(str(r["status"]), f"Status pilar: {r['status_label']}",
                     _status_angka(r["serapan_pct"], r["capaian_pct"]))
    pdf.paragraf(f"Penerima manfaat / target, per satuan: {r['penerima_teks']}.", 8.5, 4)
    opd = b.skor_opd[b.skor_opd["pilar"] == pilar]
    pdf.subjudul("Capaian per OPD")
    baris = [[f"{o.nama_singkat} ({'belum melapor' if o.belum_melapor else o.status_label.lower()})",
              rupiah(o.pagu), rupiah(o.realisasi), persen(o.serapan_pct), persen(o.capaian_pct),
              str(o.penerima_teks)] for o in opd.itertuples(index=False)]
    pdf.tabel(["OPD (status)", "Pagu", "Realisasi", "Serapan", "Capaian", "Penerima/target"],
              [56, 22, 22, 17, 17, 52], baris, status=list(opd["status"]))
    y = pdf.get_y()
    rows = b.intervensi[b.intervensi["pilar"] == pilar]
    pdf.gambar(_peta_kecamatan(b, rows, "Di mana pilar ini bekerja"), TEPI, y, 92)
    pdf.set_xy(TEPI + 96, y)
    tanpa = b.sasaran.belum_tersentuh()
    teks = (f"{_tepat(b, rows)}\n\n"
            f"Kantong belum tersentuh (semua pilar): {len(tanpa)} desa"
            + (": " + ", ".join(tanpa["nama"].head(8)) if len(tanpa) else "") + ".\n\n"
            "Peta: warna makin gelap = makin banyak baris intervensi di kecamatan itu (putih = tidak ada).")
    pdf.set_left_margin(TEPI + 96)
    pdf.paragraf(teks)
    pdf.set_left_margin(TEPI)
    pdf.kaki(_sumber(b))
    return pdf.ke_bytes()


def brief_opd(b: BahanTahun, kode_opd: str) -> bytes:
    """One OPD's report card: figures, light, programs with their lights, where it worked, sources."""
    o = b.skor_opd[b.skor_opd["kode_opd"] == kode_opd].iloc[0]
    pilar = int(o["pilar"])
    pdf = Brief(f"Kartu kinerja OPD: {o['nama_singkat']}",
                f"{o['nama_lengkap']} - pilar {pilar}, tahun {b.tahun}", b.sampel)
    pdf.kotak_angka([("Pagu", rupiah(o["pagu"])), ("Realisasi", rupiah(o["realisasi"])),
                     ("Serapan anggaran", persen(o["serapan_pct"])), ("Capaian output", persen(o["capaian_pct"])),
                     ("Program / lokasi", f"{int(o['jumlah_program'])} / {int(o['jumlah_lokasi'])}")])
    if bool(o["belum_melapor"]):
        pdf.baris_status(Status.ABU.kode, "Belum melapor", f"tidak ada laporan program untuk tahun {b.tahun}")
    else:
        pdf.baris_status(str(o["status"]), f"Status OPD: {o['status_label']}",
                         _status_angka(o["serapan_pct"], o["capaian_pct"]))
        pdf.paragraf(f"Penerima manfaat / target, per satuan: {o['penerima_teks']}.", 8.5, 4)
    prog = b.skor_program[b.skor_program["kode_opd"] == kode_opd] if not b.skor_program.empty else b.skor_program
    pdf.subjudul("Program")
    if prog.empty:
        pdf.paragraf("Tidak ada baris program untuk periode ini.")
    else:
        _tabel_program(pdf, prog, batas_y=150, dengan_opd=False)
    y = max(pdf.get_y(), 110)
    rows = b.intervensi[b.intervensi["kode_opd"] == kode_opd]
    pdf.gambar(_peta_kecamatan(b, rows, "Di mana OPD ini bekerja"), TEPI, y, 92)
    pdf.set_xy(TEPI + 96, y)
    lok = b.lokasi[b.lokasi["kode_opd"] == kode_opd] if not b.lokasi.empty else b.lokasi
    nama = sorted({str(n) for n in lok.get("nama_wilayah", pd.Series(dtype=str)).dropna()})
    pdf.set_left_margin(TEPI + 96)
    pdf.paragraf(f"{_tepat(b, rows)}\n\n"
                 f"Lokasi ({len(nama)}): " + ", ".join(nama[:40]) + (" ..." if len(nama) > 40 else ""))
    pdf.set_left_margin(TEPI)
    pdf.kaki(_sumber(b))
    return pdf.ke_bytes()


def _tren_kecamatan(b: BahanTahun, kode: str) -> bytes | None:
    d = b.nilai_kec[(b.nilai_kec["kode"] == kode) & (b.nilai_kec["indikator"] == "persen_jiwa_desil_1_4")]
    if d.empty:
        return None
    d = d[["tahun", "nilai"]].sort_values("tahun")
    x = alt.X("tahun:O", title=None, axis=alt.Axis(labelAngle=0))
    y = alt.Y("nilai:Q", title="% desil 1-4 (%)", scale=alt.Scale(zero=False), axis=alt.Axis(format=",.1f"))
    chart = alt.Chart(d).mark_line(color=WARNA_BANJAR, strokeWidth=3, point=alt.OverlayMarkDef(
        color="#000000", size=40)).encode(x=x, y=y).properties(width=380, height=150,
                                                                 title="Tren % desil 1-4 (register, bukan BPS)")
    return png_polos(terapkan(chart), skala=2, lebar=380)


def brief_kecamatan(b: BahanTahun, kode: str) -> bytes:
    """Kecamatan brief: indicators and trend, its pockets and why, interventions there by pillar, map."""
    kec = b.kecamatan[b.kecamatan["kode"] == kode]
    nama = str(kec["nama"].iloc[0]) if not kec.empty else kode
    pdf = Brief(f"Ringkasan kecamatan {nama}", f"Kabupaten Banjar, kode {kode}, tahun {b.tahun}", b.sampel)
    if not kec.empty:
        r = kec.iloc[0]
        lalu = b.nilai_kec[(b.nilai_kec["kode"] == kode) & (b.nilai_kec["tahun"] == b.tahun - 1)]
        lalu_p = lalu.loc[lalu["indikator"] == "persen_jiwa_desil_1_4", "nilai"]
        ubah = f" ({fmt.poin(float(r['persen_jiwa_desil_1_4'] - lalu_p.iloc[0]))})" \
            if len(lalu_p) and not pd.isna(lalu_p.iloc[0]) and not pd.isna(r["persen_jiwa_desil_1_4"]) else ""

        def sel(ind: str) -> str:
            """The protected cell as every other artefact shows it ("< 5", "disamarkan")."""
            if b.data_kec is not None:
                return b.data_kec.teks(kode, ind)
            return angka(r[ind])

        pdf.kotak_angka([("% penduduk desil 1-4 (register)", sel("persen_jiwa_desil_1_4") + ubah),
                         ("Penduduk desil 1-4 (jiwa)", sel("jiwa_desil_1_4")),
                         ("KK desil 1", sel("kk_desil_1")), ("RTLH", sel("rtlh"))])
    y = pdf.get_y()
    tren = _tren_kecamatan(b, kode)
    if tren:
        pdf.gambar(tren, TEPI, y, 98)
    kantong = b.kantong_desa.kantong()
    kantong = kantong[kantong["kode"].str.startswith(kode + ".")]
    pdf.set_xy(TEPI + 102, y)
    pdf.set_left_margin(TEPI + 102)
    pdf.subjudul(f"Desa kantong kemiskinan: {len(kantong)}")
    if kantong.empty:
        pdf.paragraf("Tidak ada desa di kecamatan ini yang memenuhi aturan kantong tahun ini.", 8.5, 4)
    for k in kantong.head(5).itertuples(index=False):
        pdf.paragraf(f"{k.nama}: {k.alasan}", 8.2, 3.8)
    if len(kantong) > 5:
        pdf.paragraf(f"... dan {len(kantong) - 5} desa lainnya (lihat buku kerja).", 8, 3.8)
    pdf.set_left_margin(TEPI)
    pdf.set_xy(TEPI, max(pdf.get_y(), y + 52) + 2)
    rows = b.intervensi[b.intervensi["kode_wilayah"].fillna("").str.startswith(kode)]
    pdf.subjudul(f"Intervensi di kecamatan ini per pilar ({len(rows)} baris)")
    per = rows.groupby("pilar").agg(n=("program", "size"), pagu=("pagu", "sum"), real=("realisasi", "sum"),
                                    opd=("kode_opd", "nunique"))
    lindung = b.lindung or penerima.lindungi(b.intervensi)
    baris = [[f"{p}. {_NAMA_PILAR[p]}", angka(per.loc[p, "n"]) if p in per.index else "0",
              str(int(per.loc[p, "opd"])) if p in per.index else "0",
              rupiah(per.loc[p, "pagu"]) if p in per.index else "-",
              rupiah(per.loc[p, "real"]) if p in per.index else "-",
              penerima.ringkas_tempat(rows[rows["pilar"] == p], lindung) if p in per.index else "-"]
             for p in sorted(_NAMA_PILAR)]
    pdf.tabel(["Pilar", "Baris", "OPD", "Pagu", "Realisasi", "Penerima (per satuan)"], [62, 12, 10, 20, 20, 62],
              baris)
    y = pdf.get_y()
    desa_kec = _desa_kecamatan(b, kode)
    if desa_kec is not None:
        chart = peta.peta_nilai(desa_kec, peta.jumlah_per_tempat(rows), judul=f"Desa di {nama}",
                                label_nilai="Jumlah intervensi", sorot=kantong["kode"], nama=False,
                                lebar=360, tinggi=300)
        pdf.gambar(png_polos(chart, skala=2, lebar=360), TEPI, y, 84, min(BAWAH_ISI - y - 2, 80))
    pdf.set_xy(TEPI + 96, y)
    pdf.set_left_margin(TEPI + 96)
    prog = rows.groupby(["pilar", "kode_opd", "program"]).size().reset_index(name="n").sort_values(
        ["pilar", "n"], ascending=[True, False])
    teks = "; ".join(f"P{r.pilar} {katalog.NAMA_SINGKAT_OPD.get(r.kode_opd, r.kode_opd)}: {r.program} ({r.n})"
                     for r in prog.head(14).itertuples(index=False))
    pdf.paragraf("Program di sini: " + (teks or "tidak ada") + ".\n\nPeta: desa makin gelap = makin banyak "
                 "intervensi; garis hitam tebal = desa kantong kemiskinan.", 8, 3.8)
    pdf.set_left_margin(TEPI)
    pdf.kaki(["indikator kecamatan/desa dari data sasaran (DTSEN/P3KE), proksi, bukan angka BPS",
              *_sumber(b)])
    return pdf.ke_bytes()


def _desa_kecamatan(b: BahanTahun, kode: str) -> gpd.GeoDataFrame | None:
    d = b.batas_desa[b.batas_desa["kode"].astype(str).str.startswith(kode + ".")]
    return d if not d.empty else None


__all__ = ["INDIKATOR_KECAMATAN", "LEBAR", "brief_kecamatan", "brief_opd", "brief_pilar"]
