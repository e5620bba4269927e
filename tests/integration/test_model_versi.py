"""Model-based test of versioning (issue 13): random sequences of uploads of every kind (empty cells, restated
values, overlapping keys, units in headers, names spelt differently) and rollbacks, applied to the real store and
to the plain model of tests/integration/model_versi.py; after every step every v_* view must equal the model, and
every rollback preview must list exactly the cells the rollback then changes.

``make test`` runs 5 examples of 12 steps, ``make test-full`` (``TKPK_UJI_PENUH=1``) 30; ``TKPK_MODEL_CONTOH=2000``
runs more (see README, "Uji").
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from tests.conftest import jumlah_contoh
from tests.integration.model_versi import KUNCI, NILAI, TABEL, Batch, Model
from tkpk.ingest import batalkan, ingest_file, pratinjau_batal
from tkpk.toko.db import connect

CONTOH = int(os.environ.get("TKPK_MODEL_CONTOH", jumlah_contoh(cepat=5, penuh=30)))
LANGKAH = int(os.environ.get("TKPK_MODEL_LANGKAH", "12"))


def _lipat(x: str) -> str:
    return "".join(c for c in x.lower() if c.isalnum())


def _angka(x: int, titik: bool) -> str:
    return f"{x:,}".replace(",", ".") if titik else str(x)


def _koma(x: float, desimal: int) -> str:
    return f"{x:.{desimal}f}".replace(".", ",")


# ---- strategies: one file per draw, as (kind, header, rows of cells, rows as the model expects them) -------------
IND = {"penduduk": (10_000, 20_000), "jiwa_desil_1_4": (0, 5_000), "kk": (3_000, 5_000), "kk_desil_1": (0, 400),
       "kk_desil_1_4": (500, 2_000), "rtlh": (0, 100)}
NAMA_IND = {"penduduk": "Jumlah Penduduk", "kk_desil_1": "KK Desil 1", "rtlh": "RTLH"}


@st.composite
def berkas_indikator(draw: st.DrawFn) -> dict[str, Any]:
    kunci = draw(st.lists(st.tuples(st.sampled_from([2020, 2021]), st.sampled_from(
        ["63.03.01", "63.03.05", "63.03.05.1001"])), min_size=1, max_size=4, unique=True))
    ind = draw(st.lists(st.sampled_from(list(IND)), min_size=1, max_size=4, unique=True))
    sumber = draw(st.sampled_from([None, "DTSEN TW I", "Dinsos"]))
    jenis = draw(st.sampled_from([None, "register", "instansi"]))
    judul = ["tahun", "kode_wilayah", *[NAMA_IND.get(i, i) if draw(st.booleans()) else i for i in ind]]
    judul += ["sumber"] * (sumber is not None) + ["jenis_sumber"] * (jenis is not None)
    baris = []
    for t, w in kunci:
        nilai = {i: draw(st.none() | st.integers(*IND[i])) for i in ind}
        sel = [str(t), w, *["" if nilai[i] is None else _angka(nilai[i], draw(st.booleans())) for i in ind]]
        sel += [sumber] * (sumber is not None) + [jenis] * (jenis is not None)
        baris.append((sel, {"tahun": t, "kode_wilayah": w, "nilai": nilai}))
    return {"jenis": "indikator", "judul": judul, "baris": baris, "sumber": sumber, "jenis_sumber": jenis}


@st.composite
def berkas_bps(draw: st.DrawFn) -> dict[str, Any]:
    kunci = draw(st.lists(st.tuples(st.sampled_from([2023, 2024]), st.sampled_from(["63.03", "63.72", "63"])),
                          min_size=1, max_size=3, unique=True))
    ribu = draw(st.booleans())  # BPS's "Jumlah Penduduk Miskin (ribu jiwa)"
    persen = draw(st.booleans())
    judul = ["Tahun", "kode_kab", "P0 (%)" if persen else "p0",
             "Jumlah Penduduk Miskin (ribu jiwa)" if ribu else "penduduk_miskin", "garis_kemiskinan", "p1", "p2",
             "p0_ekstrem", "penduduk_miskin_ekstrem"]
    baris = []
    for t, w in kunci:
        v = {"p0": draw(st.none() | st.integers(200, 999)),
             "penduduk_miskin": draw(st.none() | st.integers(10_000, 20_000)),
             "garis_kemiskinan": draw(st.none() | st.integers(400_000, 700_000)),
             "p1": draw(st.none() | st.integers(100, 900)), "p2": draw(st.none() | st.integers(10, 200)),
             "p0_ekstrem": draw(st.none() | st.integers(0, 100)),
             "penduduk_miskin_ekstrem": draw(st.none() | st.integers(0, 999))}
        sel = [str(t), w, "" if v["p0"] is None else _koma(v["p0"] / 100, 2) + ("%" if draw(st.booleans()) else ""),
               "" if v["penduduk_miskin"] is None else (_koma(v["penduduk_miskin"] / 1000, 3) if ribu
                                                        else _angka(v["penduduk_miskin"], True)),
               "" if v["garis_kemiskinan"] is None else _angka(v["garis_kemiskinan"], draw(st.booleans())),
               "" if v["p1"] is None else _koma(v["p1"] / 1000, 3), "" if v["p2"] is None else _koma(v["p2"] / 1000, 3),
               "" if v["p0_ekstrem"] is None else _koma(v["p0_ekstrem"] / 100, 2),
               "" if v["penduduk_miskin_ekstrem"] is None else str(v["penduduk_miskin_ekstrem"])]
        nilai = {"p0": None if v["p0"] is None else float(_koma(v["p0"] / 100, 2).replace(",", ".")),
                 "penduduk_miskin": None if v["penduduk_miskin"] is None else float(v["penduduk_miskin"]),
                 "garis_kemiskinan": None if v["garis_kemiskinan"] is None else float(v["garis_kemiskinan"]),
                 "p1": None if v["p1"] is None else float(_koma(v["p1"] / 1000, 3).replace(",", ".")),
                 "p2": None if v["p2"] is None else float(_koma(v["p2"] / 1000, 3).replace(",", ".")),
                 "p0_ekstrem": None if v["p0_ekstrem"] is None
                 else float(_koma(v["p0_ekstrem"] / 100, 2).replace(",", ".")),
                 "penduduk_miskin_ekstrem": None if v["penduduk_miskin_ekstrem"] is None
                 else float(v["penduduk_miskin_ekstrem"])}
        baris.append((sel, {"tahun": t, "kode_wilayah": w, **nilai}))
    return {"jenis": "bps", "judul": judul, "baris": baris, "sumber": None, "jenis_sumber": None}


PROGRAM = {"BAZNAS": (1, ["Zakat produktif", "Zakat Produktif", "zakat  produktif."]),
           "DINSOS": (4, ["Bantuan sosial"]), "DISPERKIMLH": (2, ["Bedah rumah", "Bedah Rumah"])}


@st.composite
def berkas_intervensi(draw: st.DrawFn) -> dict[str, Any]:
    def kunci_lipat(x: tuple) -> tuple:
        return (x[0], x[1], x[2], _lipat(x[3]), None if x[4] is None else _lipat(x[4]), x[5])

    kunci = draw(st.lists(st.tuples(
        st.sampled_from([2024, 2025]), st.sampled_from([None, 1, 2]), st.sampled_from(list(PROGRAM)),
        st.integers(0, 2), st.sampled_from([None, "Tahap 1", "tahap 1"]),
        st.sampled_from([None, "63.03.01", "63.03.05"])),
        min_size=1, max_size=4).map(lambda xs: [(t, tw, o, PROGRAM[o][1][p % len(PROGRAM[o][1])], k, w)
                                                for t, tw, o, p, k, w in xs]).filter(
        lambda xs: len({kunci_lipat(x) for x in xs}) == len(xs)))
    judul = ["tahun", "triwulan", "pilar", "opd", "program", "kegiatan", "kode_wilayah", "pagu", "realisasi",
             "satuan_output", "target_output", "capaian_output", "target_penerima", "penerima", "sumber_dana",
             "keterangan", "satuan_penerima"]
    baris = []
    for t, tw, o, program, kegiatan, w in kunci:
        v = {"pagu": draw(st.none() | st.integers(1, 9).map(lambda x: x * 100_000_000)),
             "realisasi": draw(st.none() | st.integers(0, 9).map(lambda x: x * 50_000_000)),
             "satuan_output": draw(st.sampled_from([None, "unit", "paket"])),
             "target_output": draw(st.none() | st.integers(1, 50)),
             "capaian_output": draw(st.none() | st.integers(0, 50)),
             "target_penerima": draw(st.none() | st.integers(1, 90)), "penerima": draw(st.none() | st.integers(0, 90)),
             "sumber_dana": draw(st.sampled_from([None, "APBD", "DAK"])),
             "keterangan": draw(st.sampled_from([None, "tahap awal"])),
             "satuan_penerima": draw(st.sampled_from([None, "KK", "jiwa"]))}
        sel = [str(t), "" if tw is None else str(tw), str(PROGRAM[o][0]), o, program, kegiatan or "", w or "",
               *["" if v[k] is None else (_angka(v[k], True) if isinstance(v[k], int) else v[k]) for k in judul[7:]]]
        nilai = {k: (float(x) if isinstance(x, int) else x) for k, x in v.items()}
        baris.append((sel, {"tahun": t, "triwulan": tw, "kode_opd": o, "program": program, "kegiatan": kegiatan,
                            "kode_wilayah": w, "pilar": PROGRAM[o][0], **nilai}))
    return {"jenis": "intervensi", "judul": judul, "baris": baris, "sumber": None, "jenis_sumber": None}


@st.composite
def berkas_target(draw: st.DrawFn) -> dict[str, Any]:
    kunci = draw(st.lists(st.tuples(st.sampled_from([2025, 2026]), st.sampled_from([None, "63.03.01"]),
                                    st.sampled_from(["p0", "persen_jiwa_desil_1_4", "rtlh"])), min_size=1, max_size=4,
                          unique=True))
    judul = ["tahun", "kode_wilayah", "indikator", "nilai", "dokumen", "sumber", "jenis_sumber", "rincian"]
    baris = []
    for t, w, i in kunci:
        if i == "rtlh":
            x = draw(st.integers(0, 500))
            teks, nilai = str(x), float(x)
        else:
            x = draw(st.integers(100, 500 if i == "p0" else 3000))
            teks = _koma(x / 100, 2)
            nilai = float(teks.replace(",", "."))
        dok = draw(st.sampled_from(["RPJMD 2021–2026", "RPKD 2022-2026"]))
        src = draw(st.sampled_from(["Perda 1/2021", "Perbup 5/2022"]))
        jenis = draw(st.sampled_from([None, "dokumen_resmi", "kutipan_pejabat"]))
        rincian = draw(st.sampled_from([None, "target akhir"]))
        sel = [str(t), w or "", i, teks, dok, src, jenis or "", rincian or ""]
        baris.append((sel, {"tahun": t, "kode_wilayah": w or "63.03", "indikator": i, "nilai": nilai, "dokumen": dok,
                            "sumber": src, "jenis_sumber": jenis or "dokumen_resmi", "rincian": rincian}))
    return {"jenis": "target", "judul": judul, "baris": baris, "sumber": None, "jenis_sumber": None}

@st.composite
def berkas_rencana(draw: st.DrawFn) -> dict[str, Any]:
    """Action plans share the intervention key and the program spellings (a plan names the program it delivers)."""
    def kunci_lipat(x: tuple) -> tuple:
        return (x[0], x[1], x[2], _lipat(x[3]), None if x[4] is None else _lipat(x[4]), x[5])

    kunci = draw(st.lists(st.tuples(
        st.sampled_from([2024, 2025]), st.sampled_from([None, 1, 2]), st.sampled_from(list(PROGRAM)),
        st.integers(0, 2), st.sampled_from([None, "Tahap 1", "tahap 1"]), st.sampled_from([None, "63.03.01"])),
        min_size=1, max_size=4).map(lambda xs: [(t, tw, o, PROGRAM[o][1][p % len(PROGRAM[o][1])], k, w)
                                                for t, tw, o, p, k, w in xs]).filter(
        lambda xs: len({kunci_lipat(x) for x in xs}) == len(xs)))
    judul = ["tahun", "triwulan", "pilar", "opd", "program", "kegiatan", "kode_wilayah", "satuan_output",
             "target_output", "pagu_rencana", "keterangan"]
    baris = []
    for t, tw, o, program, kegiatan, w in kunci:
        v = {"satuan_output": draw(st.sampled_from([None, "unit", "paket"])),
             "target_output": draw(st.none() | st.integers(0, 50)),
             "pagu_rencana": draw(st.none() | st.integers(1, 9).map(lambda x: x * 100_000_000)),
             "keterangan": draw(st.sampled_from([None, "prioritas"]))}
        if v["target_output"] is None and v["pagu_rencana"] is None:
            v["target_output"] = draw(st.integers(0, 50))  # a plan row plans something (else the row is refused)
        sel = [str(t), "" if tw is None else str(tw), str(PROGRAM[o][0]), o, program, kegiatan or "", w or "",
               *["" if v[k] is None else (_angka(v[k], True) if isinstance(v[k], int) else v[k]) for k in judul[7:]]]
        nilai = {k: (float(x) if isinstance(x, int) else x) for k, x in v.items()}
        baris.append((sel, {"tahun": t, "triwulan": tw, "kode_opd": o, "program": program, "kegiatan": kegiatan,
                            "kode_wilayah": w, "pilar": PROGRAM[o][0], **nilai}))
    return {"jenis": "rencana", "judul": judul, "baris": baris, "sumber": None, "jenis_sumber": None}


BERKAS = st.one_of(berkas_indikator(), berkas_bps(), berkas_intervensi(), berkas_target(), berkas_rencana())


def tulis_csv(spec: dict[str, Any]) -> bytes:
    rows = [";".join(spec["judul"]), *(";".join(sel) for sel, _ in spec["baris"])]
    return ("\r\n".join(rows) + "\r\n").encode("utf-8")


class MesinVersi(RuleBasedStateMachine):
    """The store and the model side by side."""

    ref: Path
    # how much was exercised (printed at the end: run with -s to see it)
    jumlah_contoh = 0
    jumlah_langkah = 0
    jumlah_unggah = 0
    jumlah_batal = 0

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="tkpk-model-"))
        shutil.copy(self.ref, self.dir / "t.duckdb")
        self.con = connect(self.dir / "t.duckdb")
        self.model = Model(wilayah={k: (n, t) for k, n, t in self.con.execute(
            "SELECT kode, nama, tingkat FROM wilayah").fetchall()})
        self.unggahan: list[dict[str, Any]] = []
        self.nomor = 0

    def teardown(self) -> None:
        MesinVersi.jumlah_contoh += 1
        self.con.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def _baris_tabel(self, tabel: str) -> list[dict[str, Any]]:
        cur = self.con.execute(f"SELECT * FROM {tabel}")  # fixed table names
        nama = [d[0] for d in cur.description]
        return [dict(zip(nama, r, strict=True)) for r in cur.fetchall()]

    @initialize()
    def muat_awal(self) -> None:
        """The store's own batches (reference data) enter the model from the raw tables."""
        for bid, jenis, sampel, status in self.con.execute(
                "SELECT batch_id, jenis, sampel, status FROM batch").fetchall():
            if jenis in TABEL:
                rows = [r for r in self._baris_tabel(TABEL[jenis]) if r["batch_id"] == bid]
                self.model.batches[bid] = Batch(bid, jenis, bool(sampel), rows, status == "aktif")

    # ---- what the file says, as stored -------------------------------------------------------------------------
    def _harapan(self, spec: dict[str, Any], nama_file: str) -> list[dict[str, Any]]:
        jenis, bawaan = spec["jenis"], f"Unggahan berkas {nama_file}"
        out: list[dict[str, Any]] = []
        if jenis == "indikator":
            for _, r in spec["baris"]:
                for ind, x in r["nilai"].items():
                    if x is not None:
                        out.append({"tahun": r["tahun"], "kode_wilayah": r["kode_wilayah"], "indikator": ind,
                                    "nilai": float(x), "sumber": spec["sumber"] or bawaan,
                                    "jenis_sumber": spec["jenis_sumber"] or "unggahan"})
        elif jenis == "bps":
            for _, r in spec["baris"]:
                if any(r[c] is not None for c in NILAI["bps"]):
                    out.append({**r, "sumber": bawaan, "jenis_sumber": "bps"})
        elif jenis == "target":
            out = [dict(r) for _, r in spec["baris"]]
        else:  # intervensi, rencana
            pertama_p: dict[tuple, str] = {}
            pertama_k: dict[tuple, str] = {}
            for _, r in spec["baris"]:
                r = {**r, "sumber": bawaan}
                o = r["kode_opd"]
                kp = (o, _lipat(r["program"]))
                r["program"] = self.model.ejaan(o, r["program"], "program") or pertama_p.setdefault(kp, r["program"])
                if r["kegiatan"] is not None:
                    kk = (*kp, _lipat(r["kegiatan"]))
                    r["kegiatan"] = (self.model.ejaan(o, r["kegiatan"], "kegiatan", program=r["program"])
                                     or pertama_k.setdefault(kk, r["kegiatan"]))
                out.append(r)
        return out

    def _ada_nilai(self, jenis: str, rows: list[dict[str, Any]]) -> bool:
        return any(r.get(c) is not None for r in rows for c in NILAI[jenis] if c != "pilar")

    def _muat(self, spec: dict[str, Any], data: bytes, nama_file: str) -> None:
        jenis = spec["jenis"]
        MesinVersi.jumlah_langkah += 1
        rows = self._harapan(spec, nama_file)
        hasil = ingest_file(self.con, data, nama_file, jenis, "model")
        teks = "\n".join(hasil.baris_teks())
        if not self._ada_nilai(jenis, rows):
            assert hasil.status == "ditolak" and "satu pun nilai" in teks, teks
            return
        harap = "diterima" if self.model.berubah(jenis, rows) else "tanpa_perubahan"
        assert hasil.status == harap, teks
        assert not any(p.galat for p in hasil.pesan), teks
        if hasil.status == "diterima":
            MesinVersi.jumlah_unggah += 1
            assert hasil.batch_id is not None and hasil.batch_id > max(self.model.batches)
            self.model.batches[hasil.batch_id] = Batch(hasil.batch_id, jenis, False, rows)

    @rule(spec=BERKAS)
    def unggah(self, spec: dict[str, Any]) -> None:
        self.nomor += 1
        nama = f"berkas-{self.nomor}.csv"
        data = tulis_csv(spec)
        self.unggahan.append({"spec": spec, "data": data, "nama": nama})
        self._muat(spec, data, nama)

    @precondition(lambda self: bool(self.unggahan))
    @rule(data=st.data())
    def unggah_ulang(self, data: st.DataObject) -> None:
        """The same bytes again: nothing changes while the file is active; after a rollback it loads again."""
        u = data.draw(st.sampled_from(self.unggahan))
        self._muat(u["spec"], u["data"], u["nama"])

    @precondition(lambda self: any(b.aktif for b in self.model.batches.values()))
    @rule(data=st.data())
    def batal(self, data: st.DataObject) -> None:
        bid = data.draw(st.sampled_from(sorted(b.batch_id for b in self.model.batches.values() if b.aktif)))
        pra = pratinjau_batal(self.con, bid)
        dari_store = {(r["tahun"], _nilai(r["kode_wilayah"], None), _nilai(r["rincian_kunci"], None), r["kolom"],
                       _nilai(r["lama"], r["lama_teks"]), _nilai(r["baru"], r["baru_teks"]))
                      for r in pra.sel.to_dict("records")}
        assert pra.jumlah == len(pra.sel) == len(dari_store)
        assert dari_store == self.model.pratinjau_batal(bid)
        batalkan(self.con, bid, "model", "uji model")
        self.model.batches[bid].aktif = False
        MesinVersi.jumlah_langkah += 1
        MesinVersi.jumlah_batal += 1

    @invariant()
    def tampilan_sama_dengan_model(self) -> None:
        if not self.model.batches:
            return
        m = self.model
        assert _baca(self.con, "v_nilai_tersimpan", KUNCI["indikator"], ("nilai", "sumber", "jenis_sumber",
                                                                          "batch_id", "sampel")) == \
            {k: v for k, v in m.v_nilai_tersimpan().items()}
        turunan = _baca(self.con, "v_nilai_indikator", KUNCI["indikator"], ("nilai", "sumber", "jenis_sumber",
                                                                            "batch_id", "sampel"))
        harap = m.v_nilai_indikator()
        assert turunan.keys() == harap.keys()
        for k, v in harap.items():
            assert turunan[k][1:] == v[1:] and turunan[k][0] == pytest.approx(v[0], rel=1e-12), k
        for jenis, view in (("bps", "v_kemiskinan_kabupaten"), ("target", "v_target_indikator"),
                            ("intervensi", "v_intervensi"), ("rencana", "v_rencana_aksi")):
            harap_v = m.tampilan(jenis)
            kolom = tuple(next(iter(harap_v.values())).keys()) if harap_v else ("batch_id",)
            assert _baca(self.con, view, KUNCI[jenis], kolom) == {k: tuple(v.values()) for k, v in harap_v.items()}


def _nilai(angka: Any, teks: Any) -> Any:
    """A preview cell from pandas (NULL arrives as NaN or None): its text, else its number, else None."""
    if teks is not None and teks == teks:
        return teks
    return None if angka is None or angka != angka else angka


def _baca(con: duckdb.DuckDBPyConnection, view: str, kunci: tuple[str, ...], kolom: tuple[str, ...]) -> dict:
    cur = con.execute(f"SELECT {', '.join(kunci + kolom)} FROM {view}")  # fixed names
    return {r[:len(kunci)]: r[len(kunci):] for r in cur.fetchall()}


@pytest.mark.uji_penuh
def test_versi_per_sel_sama_dengan_model(ref_store: Path):
    MesinVersi.ref = ref_store
    MesinVersi.jumlah_contoh = MesinVersi.jumlah_langkah = MesinVersi.jumlah_unggah = MesinVersi.jumlah_batal = 0
    run_state_machine_as_test(MesinVersi, settings=settings(
        max_examples=CONTOH, stateful_step_count=LANGKAH, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large]))
    print(f"\nmodel versi: {MesinVersi.jumlah_contoh} contoh (max_examples={CONTOH}), {MesinVersi.jumlah_langkah} "
          f"unggahan dan pembatalan, {MesinVersi.jumlah_unggah} batch tersimpan, {MesinVersi.jumlah_batal} dibatalkan")
    assert MesinVersi.jumlah_contoh >= CONTOH
