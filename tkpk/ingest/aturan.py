"""Row rules of the kinds read row by row (indikator, bps, target): types, ranges, units, places, duplicates and
the within-file plausibility checks. Interventions, which arrive by the million, are in
:mod:`tkpk.ingest.aturan_intervensi`.

Each rule function returns store-shaped rows (with ``_baris``) and its messages; rows with an error are left
out of the frame, which matters only for the preview of a refused file. An empty value cell stays empty (NULL):
it means "not reported in this file" (README, "Versi data").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import duckdb
import pandas as pd
import pyarrow as pa

from tkpk import fmt, katalog
from tkpk.ingest import kewajaran
from tkpk.ingest import kolom as kol
from tkpk.ingest.kewajaran import angka_teks
from tkpk.ingest.konteks import Konteks
from tkpk.ingest.pemeriksa import GAGAL, Periksa
from tkpk.ingest.pesan import MAKS_GALAT, Pesan, pesan_baris, pesan_berkas
from tkpk.ingest.reader import Sel, Tabel
from tkpk.ingest.satuan import jenis_indikator
from tkpk.ingest.tabel_bps import TabelBps
from tkpk.ingest.tempat import putuskan_nama_ganda
from tkpk.ingest.wilayah import TINGKAT_BANJAR, TINGKAT_KABKOTA, Pencocok
from tkpk.toko.queries import sql

# Indicators a target may name: the BPS figures and every catalogue code (derived shares included).
INDIKATOR_TARGET = (*(i.kode for i in katalog.INDIKATOR_BPS), "p0_ekstrem", "penduduk_miskin_ekstrem",
                    *(i.kode for i in katalog.INDIKATOR))
KOLOM_BPS = ("p0", "penduduk_miskin", "garis_kemiskinan", "p1", "p2", "p0_ekstrem", "penduduk_miskin_ekstrem")


# From this many rows on, :func:`tanpa_ganda` looks first (a million-row intervention file: 0,2-0,3 s against
# 0,6-0,9 s for pandas' duplicated, which then runs only when it finds a repeat).
BARIS_HASH = 50_000


def tanpa_ganda(frame: pd.DataFrame, kunci: list[str]) -> bool:
    """True when no key repeats, told by one count of distinct row hashes in DuckDB: distinct hashes are distinct
    keys, so a True is exact; a repeat (or a hash collision) says False and pandas finds the rows. Keys of text
    and integers only: pandas reads 0,0 and -0,0 as one key, a hash might not."""
    if not all(pd.api.types.is_integer_dtype(frame[k]) or pd.api.types.is_string_dtype(frame[k]) for k in kunci):
        return False
    try:  # Arrow-backed text columns are not copied; a text Arrow cannot encode (a lone surrogate) is left to pandas
        kolom = pa.Table.from_pandas(frame[kunci], preserve_index=False).to_struct_array()
    except (pa.ArrowException, UnicodeError):
        return False
    cur = _memori().cursor()  # a cursor per call: its registered table is its own, safe across upload threads
    try:
        cur.register("_kunci", pa.table({"k": kolom}))
        n = cur.execute(sql("ingest_tanpa_ganda")).fetchall()[0][0]
    finally:
        cur.close()
    return int(n) == len(frame)


@lru_cache(maxsize=1)
def _memori() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB for computations on an upload that need no store (a new database costs 25 ms)."""
    return duckdb.connect()


def duplikat(frame: pd.DataFrame, kunci: list[str], label: Callable[[dict[str, object]], str]) -> list[Pesan]:
    """Every repeat of a key after its first row; vectorised, a large file may repeat a lot."""
    if frame.empty or (len(frame) >= BARIS_HASH and tanpa_ganda(frame, kunci)):
        return []
    ulang = frame.duplicated(kunci, keep="first")
    if not ulang.any():
        return []
    pertama = frame.groupby(kunci, dropna=False, sort=False)["_baris"].transform("first")
    kolom = [*kunci, "_baris"]
    pesan = []
    ulang_baris = frame.loc[ulang, kolom].head(MAKS_GALAT)  # more repeats would say the same thing again
    for nilai, awal in zip(ulang_baris.itertuples(index=False, name=None), pertama[ulang].head(MAKS_GALAT),
                           strict=True):
        r = dict(zip(kolom, nilai, strict=True))
        pesan.append(pesan_baris("galat", int(r["_baris"]), f"{label(r)} sudah ada di baris {int(awal)} "
                                                            "(kunci ganda dalam berkas)"))
    if (lain := int(ulang.sum()) - len(pesan)) > 0:
        pesan.append(pesan_berkas("galat", f"... dan {fmt.angka(lain)} baris lain dengan kunci ganda"))
    return pesan


def sumber(p: Periksa, row: list[Sel], nama_file: str) -> str:
    """The row's source: its own cell, else the table's footnote ("Sumber: BPS …"), else the file's name."""
    return p.teks(row, "sumber") or p.ktx.sumber_catatan or f"Unggahan berkas {nama_file}"


def jenis_sumber(p: Periksa, row: list[Sel], n: int, bawaan: str) -> object:
    """A value of katalog.JENIS_SUMBER (its code or its label), or the kind's default when empty."""
    v = p.ktx.sel(row, "jenis_sumber")
    if isinstance(v, str) and not v.strip():
        return bawaan
    k = kol.kunci(v)
    for kode, label in katalog.JENIS_SUMBER.items():
        if k in (kol.kunci(kode), kol.kunci(label)):
            return kode
    return p.galat(n, "jenis_sumber", v, "bukan jenis sumber yang dikenal; pilihan: "
                   + ", ".join(katalog.JENIS_SUMBER))


def cek_kolom_tempat(p: Periksa, nama: tuple[str, ...]) -> None:
    if not any(p.ktx.ada(k) for k in nama):
        p.pesan.append(Pesan("galat", "Kolom wilayah tidak ada: isi kolom kode_wilayah (kode Kemendagri) atau "
                                      "nama_wilayah/kecamatan/desa."))


def indikator(ktx: Konteks, tabel: Tabel, mulai: int, pencocok: Pencocok,
              nama_file: str) -> tuple[pd.DataFrame, list[Pesan]]:
    p = Periksa(ktx, pencocok)
    panjang = ktx.ada("indikator") or ktx.ada("nilai")
    lebar = dict(ktx.peta.lebar)
    cek_kolom_tempat(p, ("kode_wilayah", "kode_kec", "nama_wilayah", "kecamatan", "desa"))
    if panjang and not (ktx.ada("indikator") and ktx.ada("nilai")):
        p.pesan.append(Pesan("galat", 'Bentuk panjang butuh kolom "indikator" dan "nilai" sekaligus.'))
    if not panjang and not lebar:
        p.pesan.append(Pesan("galat", "Tidak ada kolom indikator. Bentuk lebar: satu kolom per indikator (mis. "
                                      "penduduk, penduduk_miskin, kk_desil_1, rtlh); bentuk panjang: kolom "
                                      "indikator dan nilai."))
    for kode in list(lebar):
        if katalog.INDIKATOR_BY_KODE[kode].turunan:
            ind = katalog.INDIKATOR_BY_KODE[kode]
            p.pesan.append(Pesan("galat", f'Kolom "{ktx.judul(kode)}" adalah indikator turunan ({ind.pembilang} / '
                                          f"{ind.penyebut} × 100) yang dihitung otomatis; hapus kolom ini dan "
                                          "unggah pembilang dan penyebutnya.", None, ktx.judul(kode)))
            del lebar[kode]
    if any(x.galat for x in p.pesan):
        return pd.DataFrame(), p.pesan
    p.pesan += putuskan_nama_ganda(ktx, pencocok, tabel, mulai)
    peta_ind = kol.indikator_lebar()
    rows: list[dict[str, object]] = []
    for row, n in tabel.urut(mulai):
        tahun = p.tahun(row, n)
        tempat = p.tempat(row, n, TINGKAT_BANJAR)
        if tempat is None:
            tempat = p.galat(n, "kode_wilayah", "", "wajib diisi (atau isi nama wilayah)")
        src, jenis = sumber(p, row, nama_file), jenis_sumber(p, row, n, "unggahan")
        nilai: list[tuple[str, object]] = []
        if panjang:
            v = ktx.sel(row, "indikator")
            kode = peta_ind.get(kol.kunci(v))
            if kode is None:
                nilai.append(("", p.galat(n, "indikator", v, "bukan kode indikator katalog; pilihan: "
                                          + ", ".join(katalog.INDIKATOR_TERSIMPAN))))
            elif katalog.INDIKATOR_BY_KODE[kode].turunan:
                nilai.append(("", p.galat(n, "indikator", v, "indikator turunan, dihitung otomatis; jangan diunggah")))
            else:
                nilai.append((kode, p.angka(row, n, "nilai", jenis=jenis_indikator(kode))))
        else:
            for kode, i in lebar.items():
                v = row[i] if i < len(row) else ""
                nilai.append((kode, p.angka(row, n, kode, v=v)))
        if tahun is GAGAL or tempat is GAGAL or jenis is GAGAL:
            continue
        for kode, x in nilai:
            if x is not GAGAL and x is not None:
                rows.append({"tahun": tahun, "kode_wilayah": tempat, "indikator": kode, "nilai": x,
                             "sumber": src, "jenis_sumber": jenis, "_baris": n})
    frame = pd.DataFrame(rows, columns=["tahun", "kode_wilayah", "indikator", "nilai", "sumber", "jenis_sumber",
                                        "_baris"])
    nama_ind = katalog.INDIKATOR_BY_KODE
    p.pesan += duplikat(frame, ["tahun", "kode_wilayah", "indikator"], lambda r: (
        f"Data {nama_ind[r['indikator']].nama} tahun {r['tahun']} wilayah {r['kode_wilayah']}"))
    p.pesan += kewajaran.cek_berkas(frame, "indikator", lambda k: ktx.judul("nilai" if panjang else k))
    return frame, p.pesan


# BPS figures no real row can hold: the lowest garis kemiskinan of any kab/kota is far above Rp100.000 per
# kapita per bulan (Banjar 2024: Rp589.164), and no kab/kota of Kalimantan Selatan has a million poor (Banjar:
# 14.461). A value beyond these is a unit or decimal-mark slip ("605,312" read as Rp605; "14.461" ribu as
# 14.461.000), so it is refused rather than shown.
GK_MIN = 100_000
GK_MAKS = 5_000_000  # the highest GK of any province is about Rp1 juta; 5× that is a slip, not a place
MISKIN_KABKOTA_MAKS = 1_000_000


def besaran(p: Periksa, row: list[Sel], n: int, r: dict[str, object]) -> None:
    """Magnitude checks of one BPS row (values already scaled by their headers' units)."""
    gk, miskin, tempat = r.get("garis_kemiskinan"), r.get("penduduk_miskin"), r.get("kode_wilayah")
    if isinstance(gk, float) and gk < GK_MIN:
        r["garis_kemiskinan"] = p.galat(n, "garis_kemiskinan", p.ktx.sel(row, "garis_kemiskinan"), (
            f"garis kemiskinan Rp{angka_teks(gk)} per kapita per bulan tidak masuk akal (di bawah "
            f"Rp{angka_teks(GK_MIN)}); mungkin tanda desimal salah baca: tulis rupiah penuh, mis. 605.312 atau "
            "605312"))
    if isinstance(gk, float) and gk > GK_MAKS:
        r["garis_kemiskinan"] = p.galat(n, "garis_kemiskinan", p.ktx.sel(row, "garis_kemiskinan"), (
            f"garis kemiskinan Rp{angka_teks(gk)} per kapita per bulan tidak masuk akal (di atas "
            f"Rp{angka_teks(GK_MAKS)}); periksa satuan di judul kolom (ribu rupiah?) dan tanda desimal"))
    if isinstance(miskin, float) and miskin > MISKIN_KABKOTA_MAKS and isinstance(tempat, str) \
            and tempat.count(".") == 1:
        r["penduduk_miskin"] = p.galat(n, "penduduk_miskin", p.ktx.sel(row, "penduduk_miskin"), (
            f"{angka_teks(miskin)} penduduk miskin untuk satu kabupaten/kota tidak masuk akal (lebih dari "
            f"{angka_teks(MISKIN_KABKOTA_MAKS)}); periksa satuan di judul kolom (ribu jiwa) dan tanda desimal"))


def bps(ktx: Konteks, tabel: Tabel, mulai: int, pencocok: Pencocok,
        nama_file: str) -> tuple[pd.DataFrame, list[Pesan]]:
    p = Periksa(ktx, pencocok)
    if isinstance(tabel, TabelBps):  # BPS's per-year layout: what reshaping it found (a repeated year ...)
        p.pesan += tabel.pesan_bentuk
        if any(x.galat for x in p.pesan):
            return pd.DataFrame(), p.pesan
    if not ktx.ada("tahun") and ktx.tahun_judul is None:
        p.pesan.append(Pesan("galat", 'Kolom wajib "tahun" tidak ada (dan judul tabel tidak menyebut satu tahun).',
                             None, "tahun"))
    cek_kolom_tempat(p, ("kode_kab", "kabupaten"))
    if any(x.galat for x in p.pesan):
        return pd.DataFrame(), p.pesan
    rows: list[dict[str, object]] = []
    for row, n in tabel.urut(mulai):
        r: dict[str, object] = {"tahun": p.tahun(row, n)}
        tempat = p.tempat(row, n, TINGKAT_KABKOTA)
        r["kode_wilayah"] = tempat if tempat is not None else p.galat(n, "kode_kab", "", "wajib diisi")
        for k in KOLOM_BPS:
            r[k] = p.angka(row, n, k, atas=100 if k in ("p0", "p1", "p2", "p0_ekstrem") else None)
        besaran(p, row, n, r)
        r["sumber"] = sumber(p, row, nama_file)
        r["jenis_sumber"] = jenis_sumber(p, row, n, "bps")
        r["_baris"] = n
        if any(x is GAGAL for x in r.values()):
            continue
        if all(r[k] is None for k in KOLOM_BPS):
            p.pesan.append(pesan_baris("peringatan", n, "tidak ada angka kemiskinan; baris dilewati"))
            continue
        rows.append(r)
    frame = pd.DataFrame(rows, columns=["tahun", "kode_wilayah", *KOLOM_BPS, "sumber", "jenis_sumber", "_baris"])
    p.pesan += duplikat(frame, ["tahun", "kode_wilayah"],
                        lambda r: f"Data tahun {r['tahun']} wilayah {r['kode_wilayah']}")
    p.pesan += kewajaran.cek_berkas(frame, "bps", ktx.judul)
    return frame, p.pesan


def target(ktx: Konteks, tabel: Tabel, mulai: int, pencocok: Pencocok,
           nama_file: str) -> tuple[pd.DataFrame, list[Pesan]]:
    """Targets (RPJMD/RPKD …): one value per year, place and indicator, each with its document and source. A
    row without a place is about Kabupaten Banjar."""
    p = Periksa(ktx, pencocok)
    for wajib in ("tahun", "indikator", "nilai", "dokumen", "sumber"):
        if not ktx.ada(wajib):
            p.pesan.append(Pesan("galat", f'Kolom wajib "{wajib}" tidak ada.', None, wajib))
    if any(x.galat for x in p.pesan):
        return pd.DataFrame(), p.pesan
    p.pesan += putuskan_nama_ganda(ktx, pencocok, tabel, mulai)
    peta_ind = {kol.kunci(k): k for k in INDIKATOR_TARGET} | {kol.kunci(i.nama): i.kode for i in katalog.INDIKATOR}
    rows: list[dict[str, object]] = []
    for row, n in tabel.urut(mulai):
        r: dict[str, object] = {"tahun": p.tahun(row, n)}
        tempat = p.tempat(row, n, TINGKAT_BANJAR)
        r["kode_wilayah"] = kol.KODE_KABUPATEN if tempat is None else tempat
        v = ktx.sel(row, "indikator")
        kode = peta_ind.get(kol.kunci(v)) if not (isinstance(v, str) and not v.strip()) else None
        if kode is None:
            r["indikator"] = p.galat(n, "indikator", v, "wajib diisi" if isinstance(v, str) and not v.strip()
                                     else "bukan kode indikator; pilihan: " + ", ".join(INDIKATOR_TARGET))
            r["nilai"] = None
        else:
            r["indikator"] = kode
            jenis = jenis_indikator(kode)
            r["nilai"] = p.angka(row, n, "nilai", wajib=True, jenis=jenis, atas=100 if jenis == "persen" else None)
        for k in ("dokumen", "sumber"):
            r[k] = p.teks(row, k) or p.galat(n, k, "", "wajib diisi")
        r["jenis_sumber"] = jenis_sumber(p, row, n, "dokumen_resmi")
        r["rincian"] = p.teks(row, "rincian")
        r["_baris"] = n
        if any(x is GAGAL for x in r.values()):
            continue
        rows.append(r)
    frame = pd.DataFrame(rows, columns=["tahun", "kode_wilayah", "indikator", "nilai", "dokumen", "sumber",
                                        "jenis_sumber", "rincian", "_baris"])
    p.pesan += duplikat(frame, ["tahun", "kode_wilayah", "indikator"],
                        lambda r: f"Target {r['indikator']} tahun {r['tahun']} wilayah {r['kode_wilayah']}")
    return frame, p.pesan
