"""A plain in-memory model of the versioning rule (README, "Versi data"), for the model-based test.

Batches hold rows as stored: key, value cells (``None`` = not reported), and the row's source. The current state
is computed cell by cell: each cell's value comes from the newest active batch that reported it. Nothing here
reads SQL: the model is built from the raw tables once and then only from what the test uploads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tkpk import katalog

KUNCI = {
    "indikator": ("tahun", "kode_wilayah", "indikator"),
    "bps": ("tahun", "kode_wilayah"),
    "intervensi": ("tahun", "triwulan", "kode_opd", "program", "kegiatan", "kode_wilayah"),
    "target": ("tahun", "kode_wilayah", "indikator"),
    "rencana": ("tahun", "triwulan", "kode_opd", "program", "kegiatan", "kode_wilayah"),
}
NILAI = {
    "indikator": ("nilai",),
    "bps": ("p0", "penduduk_miskin", "garis_kemiskinan", "p1", "p2", "p0_ekstrem", "penduduk_miskin_ekstrem"),
    "intervensi": ("pilar", "pagu", "realisasi", "satuan_output", "target_output", "capaian_output",
                   "target_penerima", "penerima", "sumber_dana", "keterangan", "satuan_penerima"),
    "target": ("nilai", "dokumen", "sumber", "jenis_sumber", "rincian"),
    "rencana": ("pilar", "satuan_output", "target_output", "pagu_rencana", "keterangan"),
}
TABEL = {"indikator": "nilai_indikator", "bps": "kemiskinan_kabupaten", "intervensi": "intervensi",
         "target": "target_indikator", "rencana": "rencana_aksi"}
# Kinds versioned like interventions (a row's source lists every batch that gives one of its cells).
SEPERTI_INTERVENSI = ("intervensi", "rencana")


@dataclass
class Batch:
    batch_id: int
    jenis: str
    sampel: bool
    rows: list[dict[str, Any]]
    aktif: bool = True


@dataclass
class Model:
    wilayah: dict[str, tuple[str, str]]  # kode -> (nama, tingkat)
    batches: dict[int, Batch] = field(default_factory=dict)

    def aktif(self, jenis: str, kecuali: int | None = None) -> list[Batch]:
        return sorted((b for b in self.batches.values() if b.jenis == jenis and b.aktif and b.batch_id != kecuali),
                      key=lambda b: b.batch_id)

    def sel(self, jenis: str, kecuali: int | None = None) -> dict[tuple, dict[str, tuple[Any, Batch, dict]]]:
        """key -> column -> (value, batch, row) of the newest active batch that reported that cell."""
        out: dict[tuple, dict[str, tuple[Any, Batch, dict]]] = {}
        for b in self.aktif(jenis, kecuali):
            for r in b.rows:
                k = tuple(r[c] for c in KUNCI[jenis])
                for c in NILAI[jenis]:
                    if r.get(c) is not None:
                        out.setdefault(k, {})[c] = (r[c], b, r)
        return out

    # ---- the v_* views, as the README defines them -----------------------------------------------------------
    def v_nilai_tersimpan(self, kecuali: int | None = None) -> dict[tuple, tuple]:
        return {k: (s["nilai"][0], s["nilai"][2]["sumber"], s["nilai"][2].get("jenis_sumber"), s["nilai"][1].batch_id,
                    s["nilai"][1].sampel) for k, s in self.sel("indikator", kecuali).items() if "nilai" in s}

    def v_nilai_indikator(self) -> dict[tuple, tuple]:
        simpan = self.v_nilai_tersimpan()
        out = dict(simpan)
        for ind in katalog.INDIKATOR:
            if ind.pembilang is None:
                continue
            for (t, w, i), a in simpan.items():
                if i != ind.pembilang or (t, w, ind.penyebut) not in simpan:
                    continue
                b = simpan[(t, w, ind.penyebut)]
                nilai = None if b[0] == 0 else 100.0 * a[0] / b[0]
                sumber = a[1] if a[1] == b[1] else f"{a[1]}; {b[1]}"
                jenis = a[2] if a[2] == b[2] else "turunan"
                out[(t, w, ind.kode)] = (nilai, sumber, jenis, max(a[3], b[3]), a[4] or b[4])
        return out

    def v_kemiskinan_kabupaten(self, kecuali: int | None = None) -> dict[tuple, dict[str, Any]]:
        out = {}
        for k, s in self.sel("bps", kecuali).items():
            if k[1] not in self.wilayah:
                continue
            r: dict[str, Any] = {"nama": self.wilayah[k[1]][0], "tingkat": self.wilayah[k[1]][1]}
            for c in NILAI["bps"]:
                v = s.get(c)
                r[c] = None if v is None else v[0]
                r[f"sumber_{c}"] = None if v is None else v[2]["sumber"]
                r[f"jenis_sumber_{c}"] = None if v is None else v[2].get("jenis_sumber")
                r[f"batch_id_{c}"] = None if v is None else v[1].batch_id
            # P0's batch, else the newest batch that reported any figure of the row
            utama = s["p0"] if "p0" in s else max(s.values(), key=lambda x: x[1].batch_id)
            r["sumber"], r["jenis_sumber"], r["batch_id"] = (utama[2]["sumber"], utama[2].get("jenis_sumber"),
                                                            utama[1].batch_id)
            r["sampel"] = any(v[1].sampel for v in s.values())
            out[k] = r
        return out

    def v_target_indikator(self, kecuali: int | None = None) -> dict[tuple, dict[str, Any]]:
        out = {}
        for k, s in self.sel("target", kecuali).items():
            r = {c: (s[c][0] if c in s else None) for c in NILAI["target"]}
            r["batch_id"] = max(v[1].batch_id for v in s.values())
            r["sampel"] = any(v[1].sampel for v in s.values())
            out[k] = r
        return out

    def v_intervensi(self, kecuali: int | None = None, jenis: str = "intervensi") -> dict[tuple, dict[str, Any]]:
        out = {}
        for k, s in self.sel(jenis, kecuali).items():
            r = {c: (s[c][0] if c in s else None) for c in NILAI[jenis]}
            pemberi = sorted({(v[1].batch_id, id(v[2])): v for v in s.values()}.items())
            sumber: list[str] = []
            for _, v in pemberi:
                if v[2]["sumber"] not in sumber:
                    sumber.append(v[2]["sumber"])
            r["sumber"] = "; ".join(sumber)
            r["batch_id"] = max(v[1].batch_id for v in s.values())
            r["sampel"] = any(v[1].sampel for v in s.values())
            out[k] = r
        return out

    def tampilan(self, jenis: str, kecuali: int | None = None) -> dict[tuple, Any]:
        if jenis == "rencana":
            return self.v_intervensi(kecuali, "rencana")
        return {"indikator": self.v_nilai_tersimpan, "bps": self.v_kemiskinan_kabupaten,
                "intervensi": self.v_intervensi, "target": self.v_target_indikator}[jenis](kecuali)

    # ---- uploads and rollbacks ------------------------------------------------------------------------------
    def berubah(self, jenis: str, rows: list[dict[str, Any]]) -> bool:
        """Would storing these rows change any cell (a new key, or a reported cell with another value)?"""
        sekarang = self.sel(jenis)
        for r in rows:
            k = tuple(r[c] for c in KUNCI[jenis])
            if k not in sekarang:
                return True
            if any(r.get(c) is not None and (c not in sekarang[k] or sekarang[k][c][0] != r[c])
                   for c in NILAI[jenis]):
                return True
            # BPS figures and indicator values carry their own source: a restated figure under another source
            # or kind of source is a change (the screens name it)
            if jenis in SUMBER_PER_SEL and any(
                    r.get(c) is not None and c in sekarang[k] and _asal_berubah(sekarang[k][c][2], r)
                    for c in NILAI[jenis]):
                return True
        return False

    def ejaan(self, kode_opd: str, nama: str, lapangan: str, program: str | None = None) -> str | None:
        """The stored spelling of a program (or of a kegiatan of a program) equal after folding, if any, in
        interventions and action plans alike (a plan and its delivery name one program)."""
        def lipat(x: str) -> str:
            return "".join(c for c in x.lower() if c.isalnum())
        terbaik: tuple[int, str] | None = None
        for b in [*self.aktif("intervensi"), *self.aktif("rencana")]:
            for r in b.rows:
                if r["kode_opd"] != kode_opd or r.get(lapangan) is None:
                    continue
                if program is not None and lipat(r["program"]) != lipat(program):
                    continue
                if lipat(r[lapangan]) == lipat(nama) and (terbaik is None or b.batch_id >= terbaik[0]):
                    terbaik = (b.batch_id, r[lapangan])
        return None if terbaik is None else terbaik[1]

    def pratinjau_batal(self, batch_id: int) -> set[tuple]:
        """(tahun, kode_wilayah, rincian_kunci, kolom, lama, baru) of every cell a rollback changes."""
        b = self.batches[batch_id]
        jenis = b.jenis
        kunci = {tuple(r[c] for c in KUNCI[jenis]) for r in b.rows}
        kini, nanti = self.tampilan(jenis), self.tampilan(jenis, kecuali=batch_id)
        out = set()
        for k in kunci:
            for c in NILAI[jenis]:
                if jenis == "indikator":
                    lama, baru = (kini[k][0] if k in kini else None), (nanti[k][0] if k in nanti else None)
                else:
                    lama = kini[k][c] if k in kini else None
                    baru = nanti[k][c] if k in nanti else None
                if lama != baru:
                    out.add((k[0], k[5] if jenis in SEPERTI_INTERVENSI else k[1], rincian_kunci(jenis, k), c, lama,
                             baru))
                if jenis in SUMBER_PER_SEL and lama is not None and baru is not None:
                    if jenis == "indikator":
                        a, b, nama = kini[k][1:3], nanti[k][1:3], "sumber"
                    else:
                        a = (kini[k][f"sumber_{c}"], kini[k][f"jenis_sumber_{c}"])
                        b = (nanti[k][f"sumber_{c}"], nanti[k][f"jenis_sumber_{c}"])
                        nama = f"sumber {c}"
                    if a[1] != b[1]:  # the kind of source, on a line of its own
                        out.add((k[0], k[1], rincian_kunci(jenis, k), f"jenis {nama}", a[1] or "(tidak dicatat)",
                                 b[1] or "(tidak dicatat)"))
                    if a[0] != b[0]:  # the source text, also when the kind changes too
                        out.add((k[0], k[1], rincian_kunci(jenis, k), nama, a[0], b[0]))
        return out


# Kinds whose every figure carries the source of the batch that reported it (README, "Versi data").
SUMBER_PER_SEL = ("indikator", "bps")


def _asal_berubah(lama: dict[str, Any], baru: dict[str, Any]) -> bool:
    """Another kind of source, or another source text that the file names itself (the default "Unggahan berkas
    <file>" claims no new source)."""
    if lama.get("jenis_sumber") != baru.get("jenis_sumber"):
        return True
    teks = baru.get("sumber")
    return lama.get("sumber") != teks and not (isinstance(teks, str) and teks.startswith("Unggahan berkas "))


def rincian_kunci(jenis: str, k: tuple) -> str | None:
    """The key beyond year and place, as the rollback preview names it."""
    if jenis in ("indikator", "target"):
        return k[2]
    if jenis in SEPERTI_INTERVENSI:
        _, triwulan, opd, program, kegiatan, _ = k
        awal = ("rencana",) if jenis == "rencana" else ()
        return " · ".join(x for x in (*awal, opd, program, kegiatan,
                                      None if triwulan is None else f"triwulan {triwulan}") if x is not None)
    return None
