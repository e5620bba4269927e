"""Where a row is, from every place column it fills; all of them must agree.

A row may name its place by Kemendagri code (``kode_wilayah``), by the code of its kecamatan (``kode_kec``), by
kecamatan and desa names, or by a generic name (``nama_wilayah``). Each filled column says something about the
place, and a row whose columns disagree (code 63.03.05 with kecamatan "Aluh Aluh", a desa code with another
kecamatan's name) is an error for that row: either column may be the wrong one, and only the analyst knows which.
A desa name is looked up inside the kecamatan the row names, so ``Kode Kecamatan; Kecamatan; Desa`` files work
and desa names that repeat across kecamatan are told apart. The place is the most specific one named.

A generic name that is both a kecamatan and a desa inside it (Gambut, Aranio, Pengaron, …) is decided once for
the whole file (:func:`putuskan_nama_ganda`): when every other place the file names is a kecamatan, it is the
kecamatan; when the file names desa (a desa column, desa codes, desa names), it is the desa. A warning names the
choice; only when nothing in the file decides is it an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tkpk.ingest.pesan import Pesan, pesan_sel
from tkpk.ingest.reader import Sel, Tabel
from tkpk.ingest.wilayah import Cocok, Pencocok, _kode_baku, kunci_nama

if TYPE_CHECKING:
    from tkpk.ingest.konteks import Konteks
    from tkpk.ingest.pemeriksa import Periksa

KOLOM_BANJAR = ("kode_wilayah", "kode_kec", "nama_wilayah", "kecamatan", "desa")
KOLOM_KABKOTA = ("kode_kab", "kabupaten")
_DESA = frozenset({"desa", "kelurahan"})
_KEC = frozenset({"kecamatan"})


def _isi(p: Periksa, row: list[Sel], nama: str) -> Sel | None:
    v = p.ktx.sel(row, nama)
    return None if isinstance(v, str) and not v.strip() else v


def _catat(p: Periksa, n: int, nama: str, v: Sel, cocok: Cocok) -> None:
    if cocok.catatan:
        p.pesan.append(pesan_sel("info", n, p.ktx.judul(nama), v, cocok.catatan))


def _tidak_cocok(p: Periksa, n: int, nama: str, v: Sel, kode: str, asal: str) -> object:
    t = p.pencocok.tempat[kode]
    return p.galat(n, nama, v, f'tidak cocok dengan {asal} {kode} ({t.nama}) di baris yang sama; perbaiki salah '
                               "satunya")


def tempat_banjar(p: Periksa, row: list[Sel], n: int, tingkat: frozenset[str]) -> object:
    """Code of the row's place (kabupaten, kecamatan or desa), ``None`` when no place column is filled, or GAGAL."""
    c = p.pencocok
    kv, kk, nw, kn, dn = (_isi(p, row, k) for k in KOLOM_BANJAR)
    kode: str | None = None  # from kode_wilayah
    kec: str | None = None  # the kecamatan the row names, and which column named it first
    asal_kec = ""
    if kv is not None:
        hasil = c.cari_kode(kv, tingkat)
        if hasil.kode is None:
            return p.galat(n, "kode_wilayah", kv, hasil.alasan or "tidak dikenal")
        kode = hasil.kode
        t = c.tempat[kode]
        kec = kode if t.tingkat == "kecamatan" else t.kode_kec if t.tingkat in _DESA else None
        asal_kec = "kode"
    if kk is not None:
        hasil = c.cari_kode(kk, _KEC)
        if hasil.kode is None:
            return p.galat(n, "kode_kec", kk, hasil.alasan or "bukan kode kecamatan")
        if kode is not None and kec != hasil.kode:
            return _tidak_cocok(p, n, "kode_kec", kk, kode, "kode")
        kec, asal_kec = hasil.kode, asal_kec or "kode kecamatan"
    if kn is not None:
        hasil = c.cari_nama(kn, _KEC)
        if hasil.kode is None:
            return p.galat(n, "kecamatan", kn, hasil.alasan or "tidak dikenal")
        if kec is not None and hasil.kode != kec:
            return _tidak_cocok(p, n, "kecamatan", kn, kode if asal_kec == "kode" and kode else kec, asal_kec)
        if kode is not None and kec is None:  # a kabupaten code beside a kecamatan name
            return _tidak_cocok(p, n, "kecamatan", kn, kode, "kode")
        _catat(p, n, "kecamatan", kn, hasil)
        kec, asal_kec = hasil.kode, asal_kec or "kecamatan"
    desa: str | None = None
    if dn is not None:
        hasil = c.cari_nama(dn, _DESA, kode_kec=kec)
        if hasil.kode is None:
            lain = c.cari_nama(dn, _DESA) if kec is not None else None
            if lain is not None and lain.kode is not None:
                return p.galat(n, "desa", dn, f"tidak ada di kecamatan {c.tempat[kec].nama} ({kec}) yang disebut "  # type: ignore[index]
                                              f"baris ini; desa bernama ini ada di {c.label(c.tempat[lain.kode])}")
            return p.galat(n, "desa", dn, hasil.alasan or "tidak dikenal")
        if kode is not None and c.tempat[kode].tingkat in _DESA and kode != hasil.kode:
            return _tidak_cocok(p, n, "desa", dn, kode, "kode")
        if kode is not None and c.tempat[kode].tingkat == "kabupaten":
            return _tidak_cocok(p, n, "desa", dn, kode, "kode")
        _catat(p, n, "desa", dn, hasil)
        desa = hasil.kode
    tepat = desa or kode  # the most specific place named so far
    if nw is not None:
        if tepat is not None:  # the name must name the place already given (its name or an old name of it)
            t = c.tempat[tepat]
            alias = [a.kode for a in c.alias.get(kunci_nama(nw), [])]
            if kunci_nama(nw) != kunci_nama(t.nama) and tepat not in alias:
                return _tidak_cocok(p, n, "nama_wilayah", nw, tepat, "kode" if tepat == kode else "desa")
            if tepat in alias and kunci_nama(nw) != kunci_nama(t.nama):
                p.pesan.append(pesan_sel("info", n, p.ktx.judul("nama_wilayah"), nw,
                                         f"nama lama; dipakai nama Kemendagri 2025 {t.nama}"))
        else:
            pilihan = p.ktx.nama_ganda.get(kunci_nama(nw))
            hasil = c.cari_nama(nw, tingkat, kode_kec=kec, utamakan=pilihan)
            if hasil.kode is None and kec is not None and c.cari_nama(nw, tingkat, utamakan=pilihan).kode is not None:
                return _tidak_cocok(p, n, "nama_wilayah", nw, kec, "kecamatan")
            if hasil.kode is None:
                return p.galat(n, "nama_wilayah", nw, hasil.alasan or "tidak dikenal")
            _catat(p, n, "nama_wilayah", nw, hasil)
            tepat = hasil.kode
    return tepat or kec


def tempat_kabkota(p: Periksa, row: list[Sel], n: int, tingkat: frozenset[str]) -> object:
    """Code of a kab/kota or the province; the code and the name, when both are filled, must agree."""
    c = p.pencocok
    kv, nv = _isi(p, row, "kode_kab"), _isi(p, row, "kabupaten")
    kode = None
    if kv is not None:
        hasil = c.cari_kode(kv, tingkat)
        if hasil.kode is None:
            return p.galat(n, "kode_kab", kv, hasil.alasan or "tidak dikenal")
        kode = hasil.kode
    if nv is not None:
        hasil = c.cari_nama(nv, tingkat)
        if hasil.kode is None:
            return p.galat(n, "kabupaten", nv, hasil.alasan or "tidak dikenal")
        if kode is not None and hasil.kode != kode:
            return _tidak_cocok(p, n, "kabupaten", nv, kode, "kode")
        _catat(p, n, "kabupaten", nv, hasil)
        kode = hasil.kode
    return kode


def putuskan_nama_ganda(ktx: Konteks, pencocok: Pencocok, tabel: Tabel, mulai: int) -> list[Pesan]:
    """Decide, once for the file, what a generic place name shared by a kecamatan and a desa inside it means;
    sets ``ktx.nama_ganda`` and returns one warning per name decided (none when nothing decides: each row with
    the name is then an error from :func:`tempat_banjar`)."""
    j = ktx.peta.kolom.get("nama_wilayah")
    if j is None:
        return []
    nilai = [v for v in tabel.teks(j, mulai).unique().to_pylist() if v and v.strip()]
    ganda: dict[str, str] = {}  # key -> the name as first written
    ada_kec = ada_desa = False
    for v in nilai:
        calon = pencocok.indeks.get(kunci_nama(v), []) or pencocok.alias.get(kunci_nama(v), [])
        kec = {t.kode for t in calon if t.tingkat == "kecamatan"}
        desa = [t for t in calon if t.tingkat in _DESA]
        if kec and any(t.kode_kec in kec for t in desa):
            ganda.setdefault(kunci_nama(v), v)
        elif calon and all(t.tingkat == "kecamatan" for t in calon):
            ada_kec = True
        elif calon and all(t.tingkat in _DESA for t in calon):
            ada_desa = True
    if not ganda:
        return []
    ada_desa = ada_desa or ktx.ada("desa") or _kode_desa(ktx, tabel, mulai)
    if ada_kec == ada_desa:
        return []  # nothing decides (or the file names both levels): each such row is an error
    pilih = "desa" if ada_desa else "kecamatan"
    alasan = ("berkas ini juga menyebut desa (kolom desa, kode desa atau nama yang hanya desa)" if ada_desa
              else "semua wilayah lain di berkas ini kecamatan")
    pesan = []
    for k, v in ganda.items():
        ktx.nama_ganda[k] = pilih
        t = next(t for t in pencocok.indeks.get(k, []) or pencocok.alias.get(k, [])
                 if (t.tingkat == "kecamatan") == (pilih == "kecamatan"))
        kolom = ktx.judul("nama_wilayah")
        pesan.append(Pesan("peringatan", f'Kolom "{kolom}": "{v}" adalah nama kecamatan sekaligus desa di dalamnya; '
                                         f"dibaca sebagai {pilih} {pencocok.label(t)} karena {alasan}. Isi "
                                         "kode_wilayah bila yang dimaksud lain.", None, kolom, v))
    return pesan


def _kode_desa(ktx: Konteks, tabel: Tabel, mulai: int) -> bool:
    """Does any row give a desa code in kode_wilayah?"""
    j = ktx.peta.kolom.get("kode_wilayah")
    if j is None:
        return False
    return any(_kode_baku(v).count(".") == 3 for v in tabel.teks(j, mulai).unique().to_pylist() if v)
