"""Checks of an upload against what the store holds, run before the preview and again inside the commit.

* Names: a program or kegiatan equal to a stored one after folding case, spaces and punctuation takes the
  stored spelling (one program, not two with the pagu counted twice); a near match (rapidfuzz) to a stored
  program of the same OPD is a warning, "mirip dengan …", never a silent merge.
* Plausibility against stored figures (:mod:`tkpk.ingest.kewajaran_tersimpan`), run from
  :func:`periksa_tersimpan` with the name checks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz import fuzz, process

from tkpk import katalog
from tkpk.ingest.kewajaran import PASANGAN, angka_teks
from tkpk.ingest.kewajaran_tersimpan import garis_kemiskinan_terdekat, kewajaran, kewajaran_intervensi
from tkpk.ingest.pesan import Pesan, pesan_baris, pesan_sel
from tkpk.toko.queries import lepas, sql

# rapidfuzz ratio (0–100) of the folded names at or above which a new program is "mirip dengan" a stored one.
BATAS_MIRIP = 85.0


_BUKAN_HURUF = r"[^\p{L}\p{N}]+"


def lipat(arr: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Names folded for comparison: lower case, letters and digits only ("Zakat  Produktif." -> "zakatproduktif").
    Most names hold only letters, digits and single spaces, which a plain replace folds; the regular expression
    (several times slower on a million names) runs on the others only. Names all in ASCII (the common upload)
    take byte-wise kernels, which give the same folds: :func:`_lipat_umum` is the reference."""
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if not pc.all(pc.string_is_ascii(arr)).as_py():
        return _lipat_umum(arr)
    # in ASCII, utf8_lower is ascii_lower and [^\p{L}\p{N} ] is a character ascii_is_alnum refuses (on an empty
    # text it says false, so the empty ones are let through); a third of the time on a million kegiatan names
    kecil = pc.ascii_lower(arr)
    out = pc.replace_substring(kecil, " ", "")
    lain = pc.and_(pc.invert(pc.ascii_is_alnum(out)), pc.greater(pc.binary_length(out), 0)).fill_null(False)
    return _ganti_lain(kecil, out, lain)


def _lipat_umum(arr: pa.Array) -> pa.Array:
    """:func:`lipat` for any text (Unicode letters and digits, lower case as Unicode does it)."""
    kecil = pc.utf8_lower(arr)
    lain = pc.match_substring_regex(kecil, r"[^\p{L}\p{N} ]").fill_null(False)
    out = pc.replace_substring(kecil, " ", "")
    return _ganti_lain(kecil, out, lain)


def _ganti_lain(kecil: pa.Array, out: pa.Array, lain: pa.Array) -> pa.Array:
    """``out`` with the rows marked ``lain`` (holding more than letters, digits and spaces) folded by the regex."""
    if pc.any(lain).as_py():
        idx = pc.indices_nonzero(lain)
        out = pc.replace_with_mask(out, lain, pc.replace_substring_regex(kecil.take(idx), _BUKAN_HURUF, ""))
    return out


def _teks(kolom: pd.Series) -> pa.Array:
    arr = pa.array(kolom.astype("string"), pa.string())
    return arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr


def _lipat_berulang(arr: pa.Array) -> pa.Array:
    """:func:`lipat`, once per distinct value when the values repeat (a program name on thousands of rows)."""
    if len(arr) >= 50_000 and pc.count_distinct(arr.slice(0, 20_000)).as_py() < 2_000:
        enc = arr.dictionary_encode()
        return lipat(enc.dictionary).take(enc.indices)
    return lipat(arr)


@dataclass
class Lipatan:
    """Names folded once for all the checks of one upload (:func:`ejaan`, then :func:`mirip`): the stored names of
    the upload's OPDs with their folds, and the fold of each upload row's program and kegiatan. A new spelling
    from :func:`ejaan` folds the same (it is chosen among names of the same fold), so the row folds still hold."""

    opd: tuple[str, ...] = ()
    tersimpan: dict[str, pa.Array] | None = None
    np: pa.Array | None = None
    nk: pa.Array | None = None


def _tersimpan_dilipat(cur: duckdb.DuckDBPyConnection, opd: list[str], lipatan: Lipatan | None) -> dict[str, pa.Array]:
    """The stored names of ``opd`` (:func:`_nama_tersimpan`) plus ``np``/``nk``, their folds; once per upload."""
    if lipatan is not None and lipatan.tersimpan is not None and lipatan.opd == tuple(opd):
        return lipatan.tersimpan
    s = _nama_tersimpan(cur, opd)
    s = {**s, "np": _lipat_berulang(s["program"]), "nk": lipat(s["kegiatan"])}
    if lipatan is not None:
        lipatan.opd, lipatan.tersimpan = tuple(opd), s
    return s


def ejaan(cur: duckdb.DuckDBPyConnection, data: pd.DataFrame, lipatan: Lipatan | None = None) -> pd.DataFrame:
    """The upload with program and kegiatan names in their stored (or first) spelling; the same object when no
    name changes (the common case, found without rewriting a million names)."""
    if data.empty:
        return data
    program, kegiatan, opd = (_teks(data[k]) for k in ("program", "kegiatan", "kode_opd"))
    nama = pa.table({"_i": np.arange(len(data)), "kode_opd": opd, "program": program, "kegiatan": kegiatan,
                     "np": _lipat_berulang(program), "nk": _lipat_berulang(kegiatan)})
    if lipatan is not None:
        lipatan.np, lipatan.nk = nama.column("np"), nama.column("nk")
    s = _tersimpan_dilipat(cur, sorted(set(opd.unique().to_pylist())), lipatan)
    simpan = pa.table({k: s[k] for k in ("kode_opd", "program", "kegiatan", "b", "np", "nk")})
    cur.register("_ejaan", nama)
    cur.register("_simpan", simpan)
    try:
        perlu = cur.execute(sql("ingest_ejaan_perlu")).fetchall()  # all rows: the result must be finished
        if not perlu or not perlu[0][0]:
            return data
        ganti = cur.execute(sql("ingest_ejaan_intervensi")).df()
    finally:
        lepas(cur, "_ejaan", "_simpan")
    if ganti.empty:
        return data
    out = data.copy()
    i = ganti["_i"].to_numpy()
    for k in ("program", "kegiatan"):
        kolom = out[k].astype(object).to_numpy(copy=True)
        kolom[i] = ganti[k].astype(object).where(ganti[k].notna(), None).to_numpy()
        out[k] = pd.array(kolom, dtype="string") if isinstance(data[k].dtype, pd.StringDtype) else kolom
    return out


def _nama_tersimpan(cur: duckdb.DuckDBPyConnection, opd: list[str]) -> dict[str, pa.Array]:
    """``ingest_nama_tersimpan`` as Arrow columns (kode_opd, program, kegiatan as text, b as int64): a store with a
    million names costs seconds as a pandas frame of Python strings."""
    t = cur.sql(sql("ingest_nama_tersimpan"), params={"opd": opd}).to_arrow_table()
    out = {}
    for k, jenis in (("kode_opd", pa.string()), ("program", pa.string()), ("kegiatan", pa.string()),
                     ("b", pa.int64())):
        c = t.column(k).cast(jenis)
        out[k] = c.combine_chunks() if isinstance(c, pa.ChunkedArray) else c
    return out


def _nama_opd(kode: str) -> str:
    return katalog.OPD_BY_KODE[kode].nama_singkat if kode in katalog.OPD_BY_KODE else kode


def _pertama_tabel(data: pd.DataFrame, kunci: list[str]) -> pa.Table:
    """Each distinct combination of ``kunci`` with the first Excel row it appears on, in the order of first
    appearance (a single-threaded group-by keeps it)."""
    return pa.table({**{k: pa.array(data[k].astype("string"), pa.string()) for k in kunci},
                     "_baris": pa.array(data["_baris"].to_numpy(dtype="int64"))}).group_by(
        kunci, use_threads=False).aggregate([("_baris", "min")]).rename_columns([*kunci, "_baris"])


def _pertama(data: pd.DataFrame, kunci: list[str]) -> pd.DataFrame:
    return _pertama_tabel(data, kunci).to_pandas()


def _dekat(kunci: str, pilihan: dict[str, str]) -> list[str]:
    """The stored spellings closest to (not equal to) a folded name, in ``pilihan``'s order; all of them when several
    are as close, since naming one of a series ("tahap 1", "tahap 2" beside a new "tahap 3") would point the analyst
    at an arbitrary one (review finding, issue 17). Empty when none is close."""
    if not pilihan or kunci in pilihan:
        return []
    hasil = process.extract(kunci, list(pilihan), scorer=fuzz.ratio, score_cutoff=BATAS_MIRIP, limit=None)
    return [pilihan[nama] for nama, skor, _ in hasil if skor == hasil[0][1]]  # ties keep pilihan's order


def _nama_mirip(lain: list[str]) -> str:
    """'"A"', '"A" atau "B"', '"A", "B", "C" atau 4 nama lain yang sama dekatnya'."""
    kutip = [f'"{n}"' for n in lain[:3]]
    if len(lain) > 3:
        return f"{', '.join(kutip)} atau {len(lain) - 3} nama lain yang sama dekatnya"
    return kutip[0] if len(kutip) == 1 else f"{', '.join(kutip[:-1])} atau {kutip[-1]}"


def _saran_mirip(lain: list[str], jenis: str) -> str:
    """The way out: write the stored name exactly, if that is what was meant."""
    if len(lain) == 1:
        return f'Bila yang dimaksud {jenis} yang sama, tulis persis "{lain[0]}" agar pagunya tidak terhitung dua kali'
    return "Bila yang dimaksud salah satunya, tulis persis nama itu agar pagunya tidak terhitung dua kali"


def _lipat_daftar(nama: pd.Series) -> list[str]:
    return lipat(pa.array(nama.astype(str).tolist(), pa.string())).to_pylist()


def _calon_mirip(cur: duckdb.DuckDBPyConnection, unggah: pa.Table, simpan: pa.Table) -> pa.Table:
    """The rows of ``unggah`` (kode_opd, p, lk: folded program and kegiatan, _k: position) that can be "mirip": their
    OPD and folded program have stored kegiatan and their folded kegiatan is not one of them (:func:`_dekat` says
    nothing for the others). Two joins in DuckDB, not a loop over a million names; ordered by ``_k``."""
    cur.register("_mirip_unggah", unggah)
    cur.register("_mirip_simpan", simpan.select(["kode_opd", "p", "lk"]))
    try:
        return cur.sql(sql("ingest_mirip_calon")).to_arrow_table()
    finally:
        lepas(cur, "_mirip_unggah", "_mirip_simpan")


def mirip(cur: duckdb.DuckDBPyConnection, data: pd.DataFrame, judul: Callable[[str], str],
          lipatan: Lipatan | None = None) -> list[Pesan]:
    """A warning for each new program name close to, but not the same as, a stored one of its OPD, and for each
    new kegiatan name close to a stored kegiatan of the same (folded) program and OPD ("Modal usaha mustahiq"
    beside "Modal usaha mustahik" would count the pagu twice)."""
    if data.empty:
        return []
    pertama = _pertama(data, ["kode_opd", "program"])
    opd = sorted(set(pertama["kode_opd"].astype(str)))
    tersimpan = cur.execute(sql("ingest_program_opd"), {"opd": opd}).df()
    per_opd = {k: dict(zip(_lipat_daftar(g["program"]), g["program"], strict=True))
               for k, g in tersimpan.groupby("kode_opd")}
    pesan = []
    for (kode, program, n), kunci in zip(pertama.itertuples(index=False, name=None), _lipat_daftar(
            pertama["program"]), strict=True):
        lain = _dekat(kunci, per_opd.get(kode, {}))
        if lain:
            pesan.append(pesan_sel(
                "peringatan", int(n), judul("program"), program,
                f"mirip dengan {_nama_mirip(lain)} yang sudah tersimpan untuk {_nama_opd(kode)}; disimpan sebagai "
                f"program baru. {_saran_mirip(lain, 'program')}"))
    if "kegiatan" not in data.columns or not data["kegiatan"].notna().any():
        return pesan
    ada_keg = data["kegiatan"].notna()
    kunci_keg = ["kode_opd", "program", "kegiatan"]
    nama = _tersimpan_dilipat(cur, opd, lipatan)
    simpan = pa.table({"kode_opd": nama["kode_opd"], "p": nama["np"], "kegiatan": nama["kegiatan"],
                       "lk": nama["nk"], "b": nama["b"]}).filter(pc.is_valid(nama["kegiatan"]))
    if lipatan is not None and lipatan.np is not None and lipatan.nk is not None and len(lipatan.np) == len(data):
        # with the folds of every row at hand, the rows are sifted before any grouping: rows of one name share its
        # folds, so a name is a candidate when its rows are, and only the candidates (usually none) are grouped
        pilih = pa.array(np.flatnonzero(ada_keg.to_numpy()))
        sub = data[ada_keg]
        baris = _calon_mirip(cur, pa.table({"kode_opd": pa.array(sub["kode_opd"].astype("string"), pa.string()),
                                            "p": lipatan.np.take(pilih), "lk": lipatan.nk.take(pilih),
                                            "_k": pa.array(np.arange(len(sub), dtype=np.int64))}), simpan)
        if baris.num_rows == 0:
            return pesan
        r = baris.column("_k")
        keg = pa.table({**{k: pa.array(sub[k].astype("string"), pa.string()).take(r) for k in kunci_keg},
                        "_baris": pa.array(sub["_baris"].to_numpy(dtype="int64")).take(r), "_r": r}).group_by(
            kunci_keg, use_threads=False).aggregate([("_baris", "min"), ("_r", "min")]).rename_columns(
            [*kunci_keg, "_baris", "_r"]).sort_by("_r")  # in the order of first appearance in the file
        wakil = pilih.take(keg.column("_r"))
        calon = pa.table({"_k": pa.array(np.arange(keg.num_rows, dtype=np.int64)), "kode_opd": keg.column("kode_opd"),
                          "p": lipatan.np.take(wakil), "lk": lipatan.nk.take(wakil)})
    else:
        keg = _pertama_tabel(data[ada_keg], kunci_keg)
        calon = _calon_mirip(cur, pa.table({
            "kode_opd": keg.column("kode_opd"), "p": _lipat_berulang(keg.column("program").combine_chunks()),
            "lk": _lipat_berulang(keg.column("kegiatan").combine_chunks()),
            "_k": pa.array(np.arange(keg.num_rows, dtype=np.int64))}), simpan)
        if calon.num_rows == 0:
            return pesan
    # the stored names of those programs only, in folded alphabetical order and, for one fold, the newest batch's
    # spelling first (as ejaan keeps it): the query's GROUP BY gives no order, and a name as close to two stored
    # ones (_dekat names all equally close ones, in this order) must get the same warning on every run
    perlu = simpan.join(calon.select(["kode_opd", "p"]), ["kode_opd", "p"], join_type="left semi").sort_by(
        [("kode_opd", "ascending"), ("p", "ascending"), ("lk", "ascending"), ("b", "descending"),
         ("kegiatan", "ascending")])
    per_program: dict[tuple[str, str], dict[str, str]] = {}
    for kode, p, k, lk in zip(*(perlu.column(c).to_pylist() for c in ("kode_opd", "p", "kegiatan", "lk")),
                              strict=True):
        per_program.setdefault((kode, p), {}).setdefault(lk, k)
    pilih = calon.column("_k")
    for kode, program, kegiatan, n, p, kunci in zip(
            *(keg.column(c).take(pilih).to_pylist() for c in ("kode_opd", "program", "kegiatan", "_baris")),
            calon.column("p").to_pylist(), calon.column("lk").to_pylist(), strict=True):
        lain = _dekat(kunci, per_program.get((kode, p), {}))
        if lain:
            pesan.append(pesan_sel(
                "peringatan", int(n), judul("kegiatan"), kegiatan,
                f'mirip dengan {_nama_mirip(lain)} yang sudah tersimpan untuk program "{program}" '
                f"{_nama_opd(kode)}; disimpan sebagai kegiatan baru. {_saran_mirip(lain, 'kegiatan')}"))
    return pesan


def triwulan_tertinggal(cur: duckdb.DuckDBPyConnection, data: pd.DataFrame, judul: Callable[[str], str]) -> list[Pesan]:
    """A warning for each plan series (OPD, program, kegiatan, place, year) whose stored targets include periods
    this file does not restate: a corrected annual plan does not remove the quarters an earlier file gave, and the
    table would show both. Names the periods, their targets and batches, and the way out (roll the old batch back)."""
    if data.empty or "target_output" not in data.columns or not data["target_output"].notna().any():
        return []
    d = data[data["target_output"].notna()]
    lama = cur.execute(sql("ingest_rencana_triwulan"), {
        "opd": sorted(set(d["kode_opd"].astype(str))), "tahun": sorted({int(t) for t in d["tahun"]})}).df()
    if lama.empty:
        return []

    def kunci(f: pd.DataFrame) -> list[tuple]:
        return list(zip(f["tahun"].astype(int), f["kode_opd"].astype(str), _lipat_daftar(f["program"]),
                        _lipat_daftar(f["kegiatan"].fillna("")), f["kode_wilayah"].fillna("").astype(str),
                        strict=True))

    def tw(x: object) -> int:
        return 5 if pd.isna(x) else int(x)  # 5: the year row

    di_berkas: dict[tuple, tuple[set[int], int]] = {}
    for k, q, n in zip(kunci(d), d["triwulan"], d["_baris"], strict=True):
        periode, pertama = di_berkas.get(k, (set(), int(n)))
        di_berkas[k] = (periode | {tw(q)}, min(pertama, int(n)))
    sisa: dict[tuple, list[tuple[int, float, int]]] = {}
    for k, q, v, b in zip(kunci(lama), lama["triwulan"], lama["target_output"], lama["batch_id"], strict=True):
        if k in di_berkas and tw(q) not in di_berkas[k][0]:
            sisa.setdefault(k, []).append((tw(q), float(v), int(b)))
    pesan = []
    for k, tertinggal in sisa.items():
        tertinggal.sort()
        nama = ", ".join("setahun" if q == 5 else str(q) for q, _, _ in tertinggal)
        nilai = ", ".join(angka_teks(v) for _, v, _ in tertinggal)
        batch = ", ".join(str(b) for b in sorted({b for _, _, b in tertinggal}))
        pesan.append(pesan_baris(
            "peringatan", di_berkas[k][1],
            f"rencana tersimpan untuk program ini tahun {k[0]} ({_nama_opd(k[1])}) juga memuat target triwulan "
            f"{nama} ({nilai}; batch {batch}) yang tidak diubah berkas ini, sehingga tabel rencana menampilkan "
            "angka lama itu bersama angka berkas ini. Bila berkas ini menggantikan rencana lama, batalkan batch "
            f"{batch} di Riwayat data, atau tulis ulang triwulan itu di berkas ini", kolom=judul("target_output")))
    return pesan


def program_rencana(cur: duckdb.DuckDBPyConnection, data: pd.DataFrame, judul: Callable[[str], str]) -> list[Pesan]:
    """Warnings on plan rows that cannot meet a report: a program (folded) the OPD has never reported nor planned
    before, in any year (a plan under another name than the reports stays "belum ada progres" forever), and a
    ``satuan_output`` other than the unit the OPD's reports use for that program (capaian against the plan would
    compare different units). Both name the first row and the column; the "mirip dengan …" warning of
    :func:`mirip` comes beside the first when a near name exists. An OPD the store holds nothing for (a new store,
    plans loaded before any report) gets no "belum pernah dilaporkan": there is nothing to compare with yet."""
    if data.empty:
        return []
    pertama = _pertama(data, ["kode_opd", "program"])
    opd = sorted(set(pertama["kode_opd"].astype(str)))
    tersimpan = cur.execute(sql("ingest_program_opd"), {"opd": opd}).df()
    dikenal = {(k, p) for k, p in zip(tersimpan["kode_opd"], _lipat_daftar(tersimpan["program"]), strict=True)}
    pesan = []
    for (kode, program, n), kunci in zip(pertama.itertuples(index=False, name=None),
                                         _lipat_daftar(pertama["program"]), strict=True):
        if (kode, kunci) not in dikenal and kode in set(tersimpan["kode_opd"]):
            pesan.append(pesan_sel(
                "peringatan", int(n), judul("program"), program,
                f"belum pernah dilaporkan oleh OPD ini ({_nama_opd(kode)}) pada tahun mana pun, dan belum ada di "
                "rencana aksi sebelumnya. Rencana ini hanya dapat dibandingkan dengan laporan bila laporan OPD "
                "memakai nama program yang sama"))
    if "satuan_output" not in data.columns or not data["satuan_output"].notna().any():
        return pesan
    lapor = cur.execute(sql("ingest_satuan_program"), {"opd": opd}).df()
    satuan: dict[tuple[str, str], dict[str, str]] = {}
    for kode, p, s, ls in zip(lapor["kode_opd"], _lipat_daftar(lapor["program"]), lapor["satuan_output"],
                              _lipat_daftar(lapor["satuan_output"]), strict=True):
        satuan.setdefault((kode, p), {}).setdefault(ls, s)
    ada = _pertama(data[data["satuan_output"].notna()], ["kode_opd", "program", "satuan_output"])
    for (kode, program, sat, n), p, ls in zip(ada.itertuples(index=False, name=None), _lipat_daftar(ada["program"]),
                                              _lipat_daftar(ada["satuan_output"]), strict=True):
        dipakai = satuan.get((kode, p), {})
        if dipakai and ls not in dipakai:
            lain = ", ".join(f'"{v}"' for v in dipakai.values())
            pesan.append(pesan_sel(
                "peringatan", int(n), judul("satuan_output"), sat,
                f"berbeda dari satuan laporan {_nama_opd(kode)} untuk program \"{program}\" ({lain}); capaian "
                "laporan tidak dapat dibandingkan dengan target rencana ini. Pakai satuan yang sama dengan laporan"))
    return pesan


def periksa_tersimpan(cur: duckdb.DuckDBPyConnection, jenis: str, data: pd.DataFrame,
                      judul: Callable[[str], str], label: Callable[[str], str]) -> tuple[pd.DataFrame, list[Pesan]]:
    """Every check against the store for one upload: (the upload as it will be stored, messages)."""
    from tkpk.ingest.aturan import duplikat

    pesan: list[Pesan] = []
    if jenis in ("intervensi", "rencana") and not data.empty:
        lipatan = Lipatan()
        # a plan's program takes the spelling of the OPD's stored program, so plan and delivery meet
        baku = ejaan(cur, data, lipatan)
        if baku is not data:  # a spelling changed: two rows of the file may now be the same program row
            kunci = ["tahun", "triwulan", "kode_opd", "program", "kegiatan", "kode_wilayah"]
            pesan += duplikat(baku, kunci, lambda r: f"Program \"{r['program']}\" ({r['kode_opd']}) tahun "
                                                     f"{r['tahun']} (nama yang sama setelah huruf besar/kecil, spasi "
                                                     "dan tanda baca disamakan)")
        data = baku
        if jenis == "rencana":
            pesan += program_rencana(cur, data, judul)
            pesan += triwulan_tertinggal(cur, data, judul)
        pesan += mirip(cur, data, judul, lipatan)
        if jenis == "intervensi":
            pesan += kewajaran_intervensi(cur, data, judul)
    elif jenis in PASANGAN:
        pesan += kewajaran(cur, jenis, data, judul, label)
    if jenis == "bps":
        pesan += garis_kemiskinan_terdekat(cur, data, judul, label)
    return data, pesan
