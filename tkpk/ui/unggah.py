"""The upload page's flow: messages, preview, "Simpan" with progress. The engine is :mod:`tkpk.ingest`."""

from __future__ import annotations

import duckdb
import pandas as pd
import streamlit as st

from tkpk.ingest import Hasil, periksa, simpan_hasil
from tkpk.ingest.batal import teks_sel
from tkpk.ingest.templat import templat_csv, templat_xlsx
from tkpk.ui.aman import galat_internal, md, tabel
from tkpk.ui.riwayat import kosongkan

JENIS_LABEL = {
    "intervensi": "Intervensi OPD (program, pagu, realisasi, capaian)",
    "indikator": "Indikator wilayah (per kecamatan/desa dan tahun)",
    "bps": "Angka kemiskinan BPS (per kabupaten/kota)",
    "target": "Target indikator (RPJMD/RPKD, per tahun dan wilayah)",
    "rencana": "Rencana aksi OPD (target output dan anggaran per triwulan)",
}
TINGKAT_LABEL = {"galat": "❌ Galat", "peringatan": "⚠️ Peringatan", "info": "ℹ️ Info"}
KUNCI_HASIL = "unggah_hasil"
MAKS_TAMPIL = 500


def templat(jenis: str) -> None:
    baris = st.container(horizontal=True)  # as wide as its buttons: labels never cut (tombol_unduh)
    baris.download_button("⬇️ Templat CSV", templat_csv(jenis), file_name=f"templat_{jenis}.csv", mime="text/csv",
                       key=f"templat_csv_{jenis}")
    baris.download_button("⬇️ Templat XLSX", templat_xlsx(jenis), file_name=f"templat_{jenis}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key=f"templat_xlsx_{jenis}", help="Lembar kedua menjelaskan setiap kolom.")


def tabel_pesan(hasil: Hasil) -> pd.DataFrame:
    return pd.DataFrame(
        [{"Tingkat": TINGKAT_LABEL[p.tingkat], "Baris": p.baris, "Kolom": p.kolom or "", "Nilai": p.nilai or "",
          "Pesan": p.teks} for p in hasil.pesan],
        columns=["Tingkat", "Baris", "Kolom", "Nilai", "Pesan"],
    ).astype({"Baris": "Int64"})


def periksa_berkas(con: duckdb.DuckDBPyConnection, data: bytes, nama_file: str, jenis: str, kunci: str) -> Hasil:
    """Check once per uploaded file (``kunci``: the uploader's file id and the kind); reruns reuse the verdict."""
    simpanan: dict[str, Hasil] = st.session_state.setdefault(KUNCI_HASIL, {})
    if kunci not in simpanan:
        simpanan.clear()
        with st.spinner("Memeriksa berkas…"):
            simpanan[kunci] = periksa(con, data, nama_file, jenis)
    return simpanan[kunci]


def tampil_pesan(hasil: Hasil) -> None:
    if hasil.ditolak:
        st.error(f"**DITOLAK — tidak ada yang disimpan.** {md(hasil.ringkasan(putusan=False))}")
        for p in [p for p in hasil.pesan if p.galat][:5]:
            st.markdown(f"- {md(p.teks)}")  # the message quotes the cell: shown as text, never as Markdown
    elif any(p.tingkat == "peringatan" for p in hasil.pesan):
        st.warning(f"Berkas dapat diterima, dengan peringatan. {md(hasil.ringkasan())}")
    else:
        st.info(md(hasil.ringkasan()))
    if hasil.pesan:
        st.markdown("**Pesan pemeriksaan** (baris seperti di Excel; baris judul = baris 1)")
        tabel(tabel_pesan(hasil), hide_index=True, width="stretch")


def tampil_catatan(hasil: Hasil) -> None:
    """What the analyst must not miss before saving: columns read in another unit (scaled), and program names
    close to stored ones. Shown as plain text: the names come from the file."""
    skala = [p for p in hasil.pesan if p.tingkat == "info" and "dikali" in p.teks]
    if skala:
        st.info("Satuan di judul kolom dibaca:")
        for p in skala:
            st.text(p.teks)
    mirip = [p for p in hasil.pesan if "mirip dengan" in p.teks]
    if mirip:
        st.warning("Nama program mirip dengan program tersimpan (periksa sebelum menyimpan):")
        for p in mirip:
            st.text(p.teks)


def tampil_pratinjau(hasil: Hasil) -> None:
    pra = hasil.pratinjau
    if pra is None:
        return
    st.subheader("Pratinjau")
    c1, c2, c3 = st.columns(3)
    c1.metric("Baris baru", f"{pra.baru:n}")
    c2.metric("Baris berubah", f"{pra.berubah:n}")
    c3.metric("Baris sama", f"{pra.sama:n}")
    if pra.berubah:
        st.markdown("**Sel yang berubah (lama → baru; sel kosong di berkas tidak mengubah apa pun)**")
        ubah = pra.perubahan().rename(columns={"baris": "Baris", "kolom": "Kolom", "lama": "Lama", "baru": "Baru"})
        ubah["Lama → baru"] = [f"{teks_sel(a)} → {teks_sel(b)}" for a, b in zip(ubah["Lama"], ubah["Baru"],
                                                                                strict=True)]
        tabel(ubah[["Baris", "Kolom", "Lama → baru"]].head(MAKS_TAMPIL), hide_index=True, width="stretch")
    if pra.baru:
        baru = pra.banding[pra.banding["status"] == "baru"]
        baru = baru[[c for c in baru.columns if not c.endswith("_lama") and c != "status"]]
        with st.expander(f"Baris baru ({pra.baru:n})", expanded=pra.baru <= 20):
            tabel(kosongkan(baru.rename(columns={"_baris": "Baris"}).head(MAKS_TAMPIL)), hide_index=True,
                  width="stretch")


def alur(con: duckdb.DuckDBPyConnection, oleh: str, jenis: str, data: bytes, nama_file: str, kunci: str) -> None:
    """Everything after a file is chosen: verdict, messages, preview, and the commit."""
    hasil = periksa_berkas(con, data, nama_file, jenis, kunci)
    if hasil.status == "diterima":
        st.success(f"✅ Tersimpan sebagai **batch {hasil.batch_id}** oleh {md(oleh)}. {md(hasil.ringkasan())} "
                   "Lihat atau batalkan di halaman Riwayat data.")
        return
    tampil_pesan(hasil)
    if hasil.ditolak:
        return
    tampil_catatan(hasil)
    tampil_pratinjau(hasil)
    if hasil.status == "tanpa_perubahan":
        st.info("Tidak ada perubahan: " + (md(hasil.pratinjau.ringkasan()) if hasil.pratinjau else "") +
                " Tidak ada yang perlu disimpan.")
        return
    if st.button("💾 Simpan", type="primary", key="simpan_unggah"):
        bar = st.progress(0.0, text="Menyimpan…")
        try:
            simpan_hasil(con, hasil, oleh, progres=lambda f, t: bar.progress(min(max(f, 0.0), 1.0), text=t))
        except Exception as exc:  # the transaction rolled back; never show a traceback
            bar.empty()
            galat_internal(exc, "menyimpan unggahan", "Penyimpanan gagal dan tidak ada yang disimpan.")
            return
        bar.empty()
        st.rerun()
