"""The history page's views: batch list (public), one batch's rows, and rollback (analysts only)."""

from __future__ import annotations

import duckdb
import pandas as pd
import streamlit as st

from tkpk.ingest import BatalGagal, baris_batch, batalkan, pratinjau_batal, riwayat
from tkpk.ingest.batal import sel_dibaca
from tkpk.ui.aman import galat_internal, md, tabel
from tkpk.ui.cache import baca

KOLOM = {"batch_id": "Batch", "jenis": "Jenis", "nama_file": "Berkas", "oleh": "Oleh", "waktu": "Waktu",
         "jumlah_baris": "Baris", "status": "Status", "keterangan": "Keterangan"}
JENIS_DATA = ("indikator", "intervensi", "bps", "target", "rencana")
KUNCI_BATAL = "riwayat_batal_terakhir"


def tabel_batch(df: pd.DataFrame) -> pd.DataFrame:
    out = df[list(KOLOM)].rename(columns=KOLOM).copy()
    out["Waktu"] = pd.to_datetime(out["Waktu"]).dt.strftime("%d-%m-%Y %H:%M")
    out.insert(len(out.columns) - 1, "Contoh", df["sampel"].map({True: "data contoh", False: ""}))
    return out


def daftar(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    df = riwayat(con)
    if df.empty:
        st.info("Belum ada batch data di basis data.")
        return df
    tabel(tabel_batch(df), hide_index=True, width="stretch")
    return df


def lihat_baris(con: duckdb.DuckDBPyConnection, df: pd.DataFrame) -> int | None:
    pilihan = [int(b) for b in df["batch_id"]]
    bid = st.selectbox("Lihat baris batch", pilihan, key="riwayat_batch",
                       format_func=lambda b: _label(df, b))
    if bid is None:
        return None
    rows = baris_batch(con, int(bid))
    if rows.empty:
        st.caption("Batch ini tidak membawa baris data (misalnya catatan pembatalan).")
    else:
        st.caption(f"{len(rows):n} baris pertama dari batch {bid}.")
        tabel(kosongkan(rows), hide_index=True, width="stretch")
    return int(bid)


def kosongkan(df: pd.DataFrame) -> pd.DataFrame:
    """Missing text cells show as blank, not "None"."""
    out = df.copy()
    for k in out.columns:
        if out[k].dtype == object or pd.api.types.is_string_dtype(out[k]):
            out[k] = out[k].astype(object).where(out[k].notna(), "")
    return out


def _label(df: pd.DataFrame, bid: int) -> str:
    b = df[df["batch_id"] == bid].iloc[0]
    return f"Batch {bid} — {b['jenis']}, {b['nama_file']} ({b['status']})"


def form_batal(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, bid: int, oleh: str) -> None:
    b = df[df["batch_id"] == bid].iloc[0]
    # a second-level heading: it comes straight under the page's title (axe heading-order)
    st.header(f"Batalkan batch {bid}")
    if b["status"] != "aktif":
        st.info(f"Batch {bid} berstatus **{b['status']}**; tidak ada yang dapat dibatalkan.")
        return
    if b["jenis"] not in JENIS_DATA:
        st.info(f"Batch {bid} berjenis {b['jenis']} dan tidak dapat dibatalkan.")
        return
    st.markdown(f"Membatalkan **{md(b['nama_file'])}** ({int(b['jumlah_baris']):n} baris, {b['jenis']}, oleh "
                f"{md(b['oleh'])}) mengembalikan setiap sel persis seperti bila batch ini tidak pernah dimuat; sel "
                "yang juga dilaporkan batch aktif yang lebih baru tetap. Pembatalan dicatat, dan berkasnya boleh "
                "dimuat lagi.")
    pratinjau_form(con, bid)
    alasan = st.text_input("Alasan pembatalan (wajib)", key=f"alasan_{bid}")
    yakin = st.checkbox(f"Ya, saya yakin ingin membatalkan batch {bid}.", key=f"yakin_{bid}")
    if st.button(f"Batalkan batch {bid}", type="primary", key=f"batal_{bid}",
                 disabled=not (yakin and alasan.strip())):
        try:
            rid = batalkan(con, bid, oleh, alasan.strip())
        except BatalGagal as exc:
            st.error(md(str(exc)))
            return
        except Exception as exc:  # never a traceback
            galat_internal(exc, f"membatalkan batch {bid}", "Pembatalan gagal; tidak ada yang berubah.")
            return
        st.session_state[KUNCI_BATAL] = (bid, rid)
        st.rerun()


def pratinjau_form(con: duckdb.DuckDBPyConnection, bid: int) -> None:
    """What the rollback will change, cell by cell (old → new), before the analyst confirms. The summary names
    the file and the uploader, which come from users: plain text."""
    try:
        pra = baca(pratinjau_batal, bid)  # per store version: a large batch is compared once, not on every rerun
    except BatalGagal as exc:
        st.error(md(str(exc)))
        return
    st.text(pra.ringkasan_sel())
    for p in pra.peringatan:  # the state after the rollback would break a plausibility rule
        st.warning(md(p))
    if pra.jumlah:
        sel = sel_dibaca(pra)[["Tahun", "Wilayah", "Rincian", "Kolom", "Lama → baru"]]
        tabel(sel, hide_index=True, width="stretch")  # cells hold uploaded text: the safe table
        if pra.jumlah > len(sel):
            st.caption(f"{len(sel):n} sel pertama dari {pra.jumlah:n}.")


def catatan_batal(con: duckdb.DuckDBPyConnection) -> None:
    terakhir = st.session_state.get(KUNCI_BATAL)
    if not terakhir:
        return
    bid, rid = terakhir
    st.success(f"✅ Batch {bid} dibatalkan; pembatalan dicatat sebagai batch {rid}.")
    df = riwayat(con)
    rec = df[df["batch_id"] == rid]
    if not rec.empty:
        tabel(tabel_batch(rec), hide_index=True, width="stretch")
