"""Row rules of the three kinds: types, ranges, places, OPDs, duplicates and the plausibility warnings.

Each rule function returns store-shaped rows (with ``_baris``) and its messages; rows with an error are left
out of the frame, which matters only for the preview of a refused file.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tkpk import katalog
from tkpk.ingest import kolom as kol
from tkpk.ingest import lajur
from tkpk.ingest.pemeriksa import GAGAL, Periksa
from tkpk.ingest.pesan import Pesan, pesan_baris, pesan_sel
from tkpk.ingest.reader import Sel, Tabel
from tkpk.ingest.validasi import Konteks, _kosong
from tkpk.ingest.wilayah import TINGKAT_BANJAR, TINGKAT_KABKOTA, Pencocok, cari_opd, cari_pilar


def _duplikat(frame: pd.DataFrame, kunci: list[str], label: Callable[[dict[str, object]], str]) -> list[Pesan]:
    """Every repeat of a key after its first row; vectorised, a large file may repeat a lot."""
    if frame.empty:
        return []
    ulang = frame.duplicated(kunci, keep="first")
    if not ulang.any():
        return []
    pertama = frame.groupby(kunci, dropna=False, sort=False)["_baris"].transform("first")
    kolom = [*kunci, "_baris"]
    pesan = []
    for nilai, awal in zip(frame.loc[ulang, kolom].itertuples(index=False, name=None), pertama[ulang], strict=True):
        r = dict(zip(kolom, nilai, strict=True))
        pesan.append(pesan_baris("galat", int(r["_baris"]), f"{label(r)} sudah ada di baris {int(awal)} "
                                                            "(kunci ganda dalam berkas)"))
    return pesan


def _sumber(p: Periksa, row: list[Sel], nama_file: str) -> str:
    return p.teks(row, "sumber") or f"Unggahan berkas {nama_file}"


def indikator(ktx: Konteks, data: list[list[Sel]], nomor: list[int], pencocok: Pencocok,
              nama_file: str) -> tuple[pd.DataFrame, list[Pesan]]:
    p = Periksa(ktx, pencocok)
    panjang = ktx.ada("indikator") or ktx.ada("nilai")
    lebar = dict(ktx.peta.lebar)
    _cek_kolom_tempat(p, ("kode_wilayah", "kode_kec", "nama_wilayah", "kecamatan", "desa"))
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
    peta_ind = kol.indikator_lebar()
    rows: list[dict[str, object]] = []
    for row, n in zip(data, nomor, strict=True):
        tahun = p.tahun(row, n)
        tempat = p.tempat(row, n, TINGKAT_BANJAR, ("kode_wilayah", "kode_kec"),
                          ("desa", "nama_wilayah", "kecamatan"))
        if tempat is None:
            tempat = p.galat(n, "kode_wilayah", "", "wajib diisi (atau isi nama wilayah)")
        sumber = _sumber(p, row, nama_file)
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
                nilai.append((kode, p.angka(row, n, "nilai")))
        else:
            for kode, i in lebar.items():
                v = row[i] if i < len(row) else ""
                nilai.append((kode, p.angka(row, n, kode, v=v)))
        if tahun is GAGAL or tempat is GAGAL:
            continue
        for kode, x in nilai:
            if x is not GAGAL and x is not None:
                rows.append({"tahun": tahun, "kode_wilayah": tempat, "indikator": kode, "nilai": x,
                             "sumber": sumber, "_baris": n})
    frame = pd.DataFrame(rows, columns=["tahun", "kode_wilayah", "indikator", "nilai", "sumber", "_baris"])
    nama_ind = katalog.INDIKATOR_BY_KODE
    p.pesan += _duplikat(frame, ["tahun", "kode_wilayah", "indikator"], lambda r: (
        f"Data {nama_ind[r['indikator']].nama} tahun {r['tahun']} wilayah {r['kode_wilayah']}"))
    p.pesan += _cek_pembilang(frame)
    return frame, p.pesan


def _cek_kolom_tempat(p: Periksa, nama: tuple[str, ...]) -> None:
    if not any(p.ktx.ada(k) for k in nama):
        p.pesan.append(Pesan("galat", "Kolom wilayah tidak ada: isi kolom kode_wilayah (kode Kemendagri) atau "
                                      "nama_wilayah/kecamatan/desa."))


def _cek_pembilang(frame: pd.DataFrame) -> list[Pesan]:
    """A part cannot exceed its whole: penduduk_miskin ≤ penduduk, kk_desil_1 ≤ kk, ... (within the file)."""
    if frame.empty:
        return []
    lebar = frame.pivot_table(index=["tahun", "kode_wilayah"], columns="indikator", values="nilai", aggfunc="last")
    baris = frame.pivot_table(index=["tahun", "kode_wilayah"], columns="indikator", values="_baris", aggfunc="last")
    pesan = []
    for ind in katalog.INDIKATOR:
        if not ind.turunan or ind.pembilang not in lebar or ind.penyebut not in lebar:
            continue
        salah = lebar[lebar[ind.pembilang] > lebar[ind.penyebut]]
        tingkat = "peringatan" if ind.pembilang == "rtlh" else "galat"
        for key, r in salah.iterrows():
            n = int(baris.loc[key, ind.pembilang])
            pesan.append(pesan_sel(tingkat, n, ind.pembilang, r[ind.pembilang],
                                   f"lebih besar dari {ind.penyebut} ({r[ind.penyebut]:g}) untuk tahun {key[0]} "
                                   f"wilayah {key[1]}"))
    return pesan


ANGKA_INTERVENSI = ("pagu", "realisasi", "target_output", "capaian_output", "target_penerima", "penerima")
TEKS_INTERVENSI = ("satuan_output", "sumber_dana", "keterangan")
KOLOM_INTERVENSI = ["tahun", "triwulan", "pilar", "kode_opd", "program", "kegiatan", "kode_wilayah", "pagu",
                    "realisasi", "satuan_output", "target_output", "capaian_output", "target_penerima", "penerima",
                    "sumber_dana", "keterangan", "sumber", "_baris"]
_TEMPAT_KODE = ("kode_wilayah", "kode_kec")
_TEMPAT_NAMA = ("desa", "nama_wilayah", "kecamatan")


def _pilar_opd(p: Periksa, row: list[Sel], n: int) -> tuple[object, object]:
    """Pillar and OPD of a row, and whether the OPD belongs to that pillar."""
    ktx = p.ktx
    v = ktx.sel(row, "pilar")
    pilar, alasan = cari_pilar(v) if not _kosong(v) else (None, "wajib diisi")
    hasil_pilar = pilar if alasan is None else p.galat(n, "pilar", v, alasan)
    v = ktx.sel(row, "opd")
    opd = cari_opd(v) if not _kosong(v) else None
    if opd is None or opd.kode is None:
        return hasil_pilar, p.galat(n, "opd", v, "wajib diisi" if opd is None else opd.alasan or "tidak dikenal")
    o = katalog.OPD_BY_KODE[opd.kode]
    if isinstance(pilar, int) and o.pilar != pilar:
        p.galat(n, "pilar", ktx.sel(row, "pilar"),
                f"tidak sesuai: {o.nama_singkat} termasuk pilar {o.pilar} ({katalog.PILAR[o.pilar - 1].nama})")
    return hasil_pilar, opd.kode


def _tempat_intervensi(p: Periksa, row: list[Sel], n: int) -> object:
    tempat = p.tempat(row, n, TINGKAT_BANJAR, _TEMPAT_KODE, _TEMPAT_NAMA)
    return None if tempat == "63.03" else tempat  # the kabupaten itself = kabupaten-wide


def _baris_intervensi(p: Periksa, row: list[Sel], n: int, nama_file: str) -> dict[str, object] | None:
    """One row read cell by cell: its store values, or ``None`` when it has an error (the messages go to ``p``).

    This is the reference reading of a row; the vectorised path in :func:`intervensi` only decides which rows
    certainly pass it, and sends every other row here, so messages are worded and ordered as they always were.
    """
    ktx = p.ktx
    awal = len(p.pesan)
    r: dict[str, object] = {"tahun": p.tahun(row, n),
                            "triwulan": p.angka(row, n, "triwulan", bawah=1, atas=4, bulat=True)}
    r["pilar"], r["kode_opd"] = _pilar_opd(p, row, n)
    r["program"] = p.teks(row, "program") or p.galat(n, "program", "", "wajib diisi")
    r["kegiatan"] = p.teks(row, "kegiatan")
    r["kode_wilayah"] = _tempat_intervensi(p, row, n)
    for nama in ANGKA_INTERVENSI:
        r[nama] = p.angka(row, n, nama)
    for nama in TEKS_INTERVENSI:
        r[nama] = p.teks(row, nama)
    r["sumber"] = _sumber(p, row, nama_file)
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
    message (an error, a warning, a note) are read again cell by cell by :func:`_baris_intervensi`."""
    p = Periksa(ktx, pencocok)
    for wajib in ("tahun", "pilar", "opd", "program"):
        if not ktx.ada(wajib):
            p.pesan.append(Pesan("galat", f'Kolom wajib "{wajib}" tidak ada.', None, wajib))
    if any(x.galat for x in p.pesan):
        return pd.DataFrame(), p.pesan
    nomor = np.asarray(tabel.nomor[mulai:], dtype=np.int64)
    tahun = lajur.per_nilai(tabel, mulai, ktx, ("tahun",),
                            lajur.senyap(ktx, pencocok, lambda q, row: q.tahun(row, 0)))
    triwulan = lajur.per_nilai(tabel, mulai, ktx, ("triwulan",), lajur.senyap(
        ktx, pencocok, lambda q, row: q.angka(row, 0, "triwulan", bawah=1, atas=4, bulat=True)))
    pilar_opd = lajur.per_nilai(tabel, mulai, ktx, ("pilar", "opd"),
                                lajur.senyap(ktx, pencocok, lambda q, row: _pilar_opd(q, row, 0)))
    tempat = lajur.per_nilai(tabel, mulai, ktx, (*_TEMPAT_KODE, *_TEMPAT_NAMA),
                             lajur.senyap(ktx, pencocok, lambda q, row: _tempat_intervensi(q, row, 0)))
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
    sumber = teks["sumber"].take(ambil).fill_null(f"Unggahan berkas {nama_file}")
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
        **{k: teks[k].take(ambil).to_pandas() for k in ("sumber_dana", "keterangan")},
        "sumber": sumber.to_pandas(),
        "_baris": nomor[cepat],
    }, columns=KOLOM_INTERVENSI)
    lambat = [r for i in np.flatnonzero(~bersih).tolist()
              if (r := _baris_intervensi(p, tabel.baris_ke(mulai + i), int(nomor[i]), nama_file)) is not None]
    if lambat:
        frame = pd.concat([frame, pd.DataFrame(lambat, columns=KOLOM_INTERVENSI)], ignore_index=True)
        frame = frame.sort_values("_baris", kind="stable", ignore_index=True)
    if not frame.empty:
        frame["triwulan"] = frame["triwulan"].astype("Int64")
    kunci = ["tahun", "triwulan", "kode_opd", "program", "kegiatan", "kode_wilayah"]
    p.pesan += _duplikat(frame, kunci, lambda r: f"Program \"{r['program']}\" ({r['kode_opd']}) tahun {r['tahun']}")
    return frame, p.pesan


def _lebih(a: object, b: object) -> bool:
    return isinstance(a, float) and isinstance(b, float) and a > b


def bps(ktx: Konteks, data: list[list[Sel]], nomor: list[int], pencocok: Pencocok,
        nama_file: str) -> tuple[pd.DataFrame, list[Pesan]]:
    p = Periksa(ktx, pencocok)
    if not ktx.ada("tahun"):
        p.pesan.append(Pesan("galat", 'Kolom wajib "tahun" tidak ada.', None, "tahun"))
    _cek_kolom_tempat(p, ("kode_kab", "kabupaten"))
    if any(x.galat for x in p.pesan):
        return pd.DataFrame(), p.pesan
    rows: list[dict[str, object]] = []
    for row, n in zip(data, nomor, strict=True):
        r: dict[str, object] = {"tahun": p.tahun(row, n)}
        tempat = p.tempat(row, n, TINGKAT_KABKOTA, ("kode_kab",), ("kabupaten",))
        r["kode_wilayah"] = tempat if tempat is not None else p.galat(n, "kode_kab", "", "wajib diisi")
        r["p0"] = p.angka(row, n, "p0", atas=100)
        r["penduduk_miskin"] = p.angka(row, n, "penduduk_miskin")
        r["garis_kemiskinan"] = p.angka(row, n, "garis_kemiskinan")
        r["p1"] = p.angka(row, n, "p1", atas=100)
        r["p2"] = p.angka(row, n, "p2", atas=100)
        r["sumber"] = _sumber(p, row, nama_file)
        r["_baris"] = n
        if any(x is GAGAL for x in r.values()):
            continue
        if all(r[k] is None for k in ("p0", "penduduk_miskin", "garis_kemiskinan", "p1", "p2")):
            p.pesan.append(pesan_baris("peringatan", n, "tidak ada angka kemiskinan; baris dilewati"))
            continue
        pm = r["penduduk_miskin"]
        if isinstance(pm, float) and not pm.is_integer():
            p.peringatan(n, "penduduk_miskin", ktx.sel(row, "penduduk_miskin"),
                         "bukan bilangan bulat; isi dalam jiwa, bukan ribu jiwa")
        rows.append(r)
    frame = pd.DataFrame(rows, columns=["tahun", "kode_wilayah", "p0", "penduduk_miskin", "garis_kemiskinan", "p1",
                                        "p2", "sumber", "_baris"])
    p.pesan += _duplikat(frame, ["tahun", "kode_wilayah"],
                         lambda r: f"Data tahun {r['tahun']} wilayah {r['kode_wilayah']}")
    return frame, p.pesan


def _per_baris(aturan: Callable[[Konteks, list[list[Sel]], list[int], Pencocok, str],
                                tuple[pd.DataFrame, list[Pesan]]]) -> Aturan:
    """A rule that reads a list of rows, fed from the table's row view."""
    def jalankan(ktx: Konteks, tabel: Tabel, mulai: int, pencocok: Pencocok,
                 nama_file: str) -> tuple[pd.DataFrame, list[Pesan]]:
        return aturan(ktx, tabel.baris[mulai:], tabel.nomor[mulai:], pencocok, nama_file)
    return jalankan


Aturan = Callable[[Konteks, Tabel, int, Pencocok, str], tuple[pd.DataFrame, list[Pesan]]]
ATURAN: dict[str, Aturan] = {"indikator": _per_baris(indikator), "intervensi": intervensi, "bps": _per_baris(bps)}
