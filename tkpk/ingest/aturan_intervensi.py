"""Row rules of interventions: every column checked over the whole file at once; only rows that may carry a
message (an error, a warning, a note) are read again cell by cell by :func:`baris_intervensi`, the reference
reading, so messages are worded and ordered as they always were.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tkpk import katalog
from tkpk.ingest import lajur
from tkpk.ingest.aturan import duplikat, sumber
from tkpk.ingest.konteks import Konteks, kosong
from tkpk.ingest.pemeriksa import GAGAL, Periksa
from tkpk.ingest.pesan import Pesan
from tkpk.ingest.reader import Sel, Tabel
from tkpk.ingest.tempat import KOLOM_BANJAR, putuskan_nama_ganda
from tkpk.ingest.wilayah import TINGKAT_BANJAR, Pencocok, cari_opd, cari_pilar

ANGKA_INTERVENSI = ("pagu", "realisasi", "target_output", "capaian_output", "target_penerima", "penerima")
TEKS_INTERVENSI = ("satuan_output", "sumber_dana", "keterangan", "satuan_penerima")
KOLOM_INTERVENSI = ["tahun", "triwulan", "pilar", "kode_opd", "program", "kegiatan", "kode_wilayah", "pagu",
                    "realisasi", "satuan_output", "target_output", "capaian_output", "target_penerima", "penerima",
                    "sumber_dana", "keterangan", "satuan_penerima", "sumber", "_baris"]


def _pilar_opd(p: Periksa, row: list[Sel], n: int) -> tuple[object, object]:
    """Pillar and OPD of a row, and whether the OPD belongs to that pillar."""
    ktx = p.ktx
    v = ktx.sel(row, "pilar")
    pilar, alasan = cari_pilar(v) if not kosong(v) else (None, "wajib diisi")
    hasil_pilar = pilar if alasan is None else p.galat(n, "pilar", v, alasan)
    v = ktx.sel(row, "opd")
    opd = cari_opd(v) if not kosong(v) else None
    if opd is None or opd.kode is None:
        return hasil_pilar, p.galat(n, "opd", v, "wajib diisi" if opd is None else opd.alasan or "tidak dikenal")
    o = katalog.OPD_BY_KODE[opd.kode]
    if isinstance(pilar, int) and o.pilar != pilar:
        p.galat(n, "pilar", ktx.sel(row, "pilar"),
                f"tidak sesuai: {o.nama_singkat} termasuk pilar {o.pilar} ({katalog.PILAR[o.pilar - 1].nama})")
    return hasil_pilar, opd.kode


def _tempat(p: Periksa, row: list[Sel], n: int) -> object:
    tempat = p.tempat(row, n, TINGKAT_BANJAR)
    return None if tempat == "63.03" else tempat  # the kabupaten itself = kabupaten-wide


def _lebih(a: object, b: object) -> bool:
    return isinstance(a, float) and isinstance(b, float) and a > b


def baris_intervensi(p: Periksa, row: list[Sel], n: int, nama_file: str) -> dict[str, object] | None:
    """One row read cell by cell: its store values, or ``None`` when it has an error (the messages go to ``p``)."""
    ktx = p.ktx
    awal = len(p.pesan)
    r: dict[str, object] = {"tahun": p.tahun(row, n),
                            "triwulan": p.angka(row, n, "triwulan", bawah=1, atas=4, bulat=True)}
    r["pilar"], r["kode_opd"] = _pilar_opd(p, row, n)
    r["program"] = p.teks(row, "program") or p.galat(n, "program", "", "wajib diisi")
    r["kegiatan"] = p.teks(row, "kegiatan")
    r["kode_wilayah"] = _tempat(p, row, n)
    for nama in ANGKA_INTERVENSI:
        r[nama] = p.angka(row, n, nama)
    for nama in TEKS_INTERVENSI:
        r[nama] = p.teks(row, nama)
    r["sumber"] = sumber(p, row, nama_file)
    r["_baris"] = n
    if any(x.galat for x in p.pesan[awal:]) or any(x is GAGAL for x in r.values()):
        return None
    if _lebih(r["realisasi"], r["pagu"]):
        p.peringatan(n, "realisasi", ktx.sel(row, "realisasi"), f"melebihi pagu ({ktx.sel(row, 'pagu')})")
    if _lebih(r["capaian_output"], 2 * r["target_output"] if isinstance(r["target_output"], float) else None):
        p.peringatan(n, "capaian_output", ktx.sel(row, "capaian_output"),
                     f"lebih dari 2 × target ({ktx.sel(row, 'target_output')}); periksa satuan")
    return r


def intervensi(ktx: Konteks, tabel: Tabel, mulai: int, pencocok: Pencocok,
               nama_file: str) -> tuple[pd.DataFrame, list[Pesan]]:
    """Intervention rows: every column checked over the whole file at once; only rows that may carry a
    message are read again cell by cell by :func:`baris_intervensi`."""
    p = Periksa(ktx, pencocok)
    for wajib in ("tahun", "pilar", "opd", "program"):
        if not ktx.ada(wajib):
            p.pesan.append(Pesan("galat", f'Kolom wajib "{wajib}" tidak ada.', None, wajib))
    if any(x.galat for x in p.pesan):
        return pd.DataFrame(), p.pesan
    p.pesan += putuskan_nama_ganda(ktx, pencocok, tabel, mulai)
    nomor = np.asarray(tabel.nomor[mulai:], dtype=np.int64)
    tahun = lajur.per_nilai(tabel, mulai, ktx, ("tahun",),
                            lajur.senyap(ktx, pencocok, lambda q, row: q.tahun(row, 0)))
    triwulan = lajur.per_nilai(tabel, mulai, ktx, ("triwulan",), lajur.senyap(
        ktx, pencocok, lambda q, row: q.angka(row, 0, "triwulan", bawah=1, atas=4, bulat=True)))
    pilar_opd = lajur.per_nilai(tabel, mulai, ktx, ("pilar", "opd"),
                                lajur.senyap(ktx, pencocok, lambda q, row: _pilar_opd(q, row, 0)))
    tempat = lajur.per_nilai(tabel, mulai, ktx, KOLOM_BANJAR,
                             lajur.senyap(ktx, pencocok, lambda q, row: _tempat(q, row, 0)))
    bersih = tahun.bersih & triwulan.bersih & pilar_opd.bersih & tempat.bersih
    teks: dict[str, pa.Array] = {}
    for nama in ("program", "kegiatan", *TEKS_INTERVENSI, "sumber"):
        teks[nama], b = lajur.teks(tabel, mulai, ktx, nama)
        bersih &= b
    bersih &= pc.is_valid(teks["program"]).to_numpy(zero_copy_only=False)
    angka: dict[str, np.ndarray] = {}
    for nama in ANGKA_INTERVENSI:
        angka[nama], b = lajur.angka(tabel, mulai, ktx, pencocok, nama)
        bersih &= b
    with np.errstate(invalid="ignore"):
        bersih &= ~(angka["realisasi"] > angka["pagu"])  # these rows get a warning: the row path words it
        bersih &= ~(angka["capaian_output"] > 2 * angka["target_output"])
    cepat = np.flatnonzero(bersih)
    ambil = pa.array(cepat)
    bawaan = ktx.sumber_catatan or f"Unggahan berkas {nama_file}"
    frame = pd.DataFrame({
        "tahun": tahun.bulat(cepat),
        "triwulan": triwulan.pecahan(cepat),
        "pilar": pilar_opd.bulat(cepat, lambda x: x[0]),  # type: ignore[index]
        "kode_opd": pilar_opd.teks(cepat, lambda x: x[1]),  # type: ignore[index]
        "program": teks["program"].take(ambil).to_pandas(),
        "kegiatan": teks["kegiatan"].take(ambil).to_pandas(),
        "kode_wilayah": tempat.teks(cepat),
        **{k: angka[k][cepat] for k in ("pagu", "realisasi")},
        "satuan_output": teks["satuan_output"].take(ambil).to_pandas(),
        **{k: angka[k][cepat] for k in ("target_output", "capaian_output", "target_penerima", "penerima")},
        **{k: teks[k].take(ambil).to_pandas() for k in ("sumber_dana", "keterangan", "satuan_penerima")},
        "sumber": teks["sumber"].take(ambil).fill_null(bawaan).to_pandas(),
        "_baris": nomor[cepat],
    }, columns=KOLOM_INTERVENSI)
    lambat = [r for i in np.flatnonzero(~bersih).tolist()
              if (r := baris_intervensi(p, tabel.baris_ke(mulai + i), int(nomor[i]), nama_file)) is not None]
    if lambat:
        frame = pd.concat([frame, pd.DataFrame(lambat, columns=KOLOM_INTERVENSI)], ignore_index=True)
        frame = frame.sort_values("_baris", kind="stable", ignore_index=True)
    if not frame.empty:
        frame["triwulan"] = frame["triwulan"].astype("Int64")
    kunci = ["tahun", "triwulan", "kode_opd", "program", "kegiatan", "kode_wilayah"]
    p.pesan += duplikat(frame, kunci, lambda r: f"Program \"{r['program']}\" ({r['kode_opd']}) tahun {r['tahun']}")
    return frame, p.pesan
