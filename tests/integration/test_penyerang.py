"""The attacker: everything public for 2024 (the CLI export, every download of the map and pillar pages, the
trend page's kecamatan downloads, the map's tooltips) is read back from the files themselves, turned into facts
(shown values, "< 5"/"disamarkan" bounds, shares × denominators, totals = sums of parts) and solved as integer
programs. No hidden count of people or households, small or complementary, may come out as one value."""

from __future__ import annotations

import contextlib
import io
import math
import re
import shutil
import zlib
from collections.abc import Iterator
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from tests.penyerang import Penyerang
from tkpk import katalog, sel_kecil
from tkpk.intervensi.penerima import satuan_efektif
from tkpk.peta import data as peta
from tkpk.peta import tabel as pt
from tkpk.peta.kantong import DEPRIVASI, AturanKantong, AturanMoran
from tkpk.pilar import kartu as pilar_kartu
from tkpk.pilar import tabel as kt
from tkpk.toko.db import connect
from tkpk.tren import data as tren
from tkpk.unduh import ke_csv

# Slow (minutes on 2 cores: whole-store exports, attacker models or award years): `make test-full` runs it.
pytestmark = pytest.mark.lambat

TAHUN = 2024
HITUNGAN = list(katalog.INDIKATOR_TERSIMPAN)
TURUNAN = {i.kode: i for i in katalog.INDIKATOR if i.turunan}


def angka(teks: object) -> float | None:
    """id-ID text back to a number ("1.234" → 1234, "4,26%" → 4.26); None when it is not a plain number."""
    s = str(teks).strip().removesuffix("%").replace("Rp", "").strip()
    s = re.sub(r"\s*(jiwa|KK|unit)$", "", s)
    if not re.fullmatch(r"−?-?[\d.]+(,\d+)?", s):
        return None
    return float(s.replace(".", "").replace(",", ".").replace("−", "-"))


def baca_csv(df: pd.DataFrame) -> pd.DataFrame:
    """A table as its CSV download holds it (every cell as the file's text)."""
    return pd.read_csv(io.BytesIO(ke_csv(df)), sep=";", dtype=str, encoding="utf-8-sig", keep_default_na=False)


@pytest.fixture(scope="module")
def publik(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    from tkpk.ekspor import cli

    salinan = tmp_path_factory.mktemp("penyerang") / "tkpk.duckdb"
    shutil.copy(store_path, salinan)
    out = tmp_path_factory.mktemp("penyerang_ekspor")
    assert cli.main(["--year", str(TAHUN), "--out", str(out), "--db", str(salinan), "--tanpa-gambar"]) == 0
    con = connect(salinan, read_only=True)
    yield con, out
    con.close()


_STATUS: dict[tuple[str, str], str] = {}   # (indicator, place) → protection status, filled by _fakta_wilayah


def _sel_wilayah(p: Penyerang, ind: str, kode: str, teks: str) -> None:
    """One place's count as shown: exact, "< 5" (1–4) or "disamarkan": at least 5 for a complement (the attacker
    is told which hidden cells are complements, more than the text says), at least 1 for a count hidden with a
    linked one (``sel_kecil.TERKAIT``: jiwa beside a "< 5" KK)."""
    if teks.startswith("< 5"):
        p.antara((ind, kode), 1, 4)
    elif teks == sel_kecil.TEKS_SAMAR:
        p.antara((ind, kode), 1 if _STATUS.get((ind, kode)) == sel_kecil.TERKAIT else 5)
    elif (x := angka(teks)) is not None:
        p.tahu((ind, kode), x)


def _fakta_wilayah(con: duckdb.DuckDBPyConnection, out: Path) -> dict[str, Penyerang]:
    """Per stored count: a model of what the public files say about every kecamatan and desa."""
    data = {t: peta.data_tingkat(con, t, TAHUN) for t in ("kecamatan", "desa")}
    for d in data.values():
        for c in HITUNGAN:
            _STATUS.update({(c, k): v for k, v in zip(d.samar["kode"], d.samar[c], strict=True) if v})
    model = {c: Penyerang() for c in HITUNGAN}
    semua = pd.concat([data["kecamatan"].lebar, data["desa"].lebar])
    mentah = con.execute("SELECT n.kode_wilayah, n.indikator, n.nilai FROM v_nilai_tersimpan n WHERE n.tahun = ? "
                         "AND n.kode_wilayah LIKE '63.03.%'", [TAHUN]).df()
    benar = {(r.indikator, r.kode_wilayah): r.nilai for r in mentah.itertuples()}
    for c, p in model.items():
        # totals: a kecamatan is the sum of its desa; the kabupaten (assumed known) the sum of its kecamatan
        for kec in data["kecamatan"].lebar["kode"]:
            desa = semua.loc[semua["kode_kec"].eq(kec) & semua["tingkat"].ne("kecamatan"), "kode"]
            p.jumlah((c, kec), [(c, d) for d in desa])
        kab = sum(benar.get((c, k), 0) for k in data["kecamatan"].lebar["kode"])
        p.jumlah(kab, [(c, k) for k in data["kecamatan"].lebar["kode"]])
    # 1. the map's tooltips: every indicator, both levels
    for d in data.values():
        for ind in katalog.INDIKATOR:
            n = peta.nilai_peta(d, ind.kode)
            for kode, teks in zip(n["kode"], n["nilai_teks"], strict=True):
                if ind.kode in model:
                    _sel_wilayah(model[ind.kode], ind.kode, kode, teks)
                elif (x := angka(teks)) is not None:   # a share with two decimals × a shown denominator
                    den = d.lebar.set_index("kode").loc[kode, ind.penyebut]
                    if not math.isnan(den) and den > 0:
                        model[ind.pembilang].persen((ind.pembilang, kode), float(den), x, 2)
    # 2. the map page's downloads: both levels, both rules and measures, every deprivation weighted
    for tingkat in ("kecamatan", "desa"):
        for pers, jml in (("persen_jiwa_desil_1_4", "jiwa_desil_1_4"), ("persen_kk_desil_1", "kk_desil_1")):
            for aturan in (AturanKantong(kolom_persen=pers, kolom_jumlah=jml, k=peta.K_BAWAAN[tingkat],
                                         bobot={c: 1.0 for c in DEPRIVASI}), AturanMoran(kolom_persen=pers)):
                t = baca_csv(pt.tabel_kantong_halaman(con, tingkat, TAHUN, aturan).semua)
                for r in t.itertuples(index=False):
                    r = r._asdict()
                    if "Jumlah" in r:
                        _sel_wilayah(model[jml], jml, r["Kode"], r["Jumlah"])
                    for c in DEPRIVASI:   # counts quoted in the reasons
                        if m := re.search(rf"(?:^|; )([\d.]+|< 5) {re.escape(pt_frasa(c))}(?:;|$)", r["Alasan"]):
                            _sel_wilayah(model[c], c, r["Kode"], m.group(1))
        for satuan, kolom in (("jiwa", "jiwa_desil_1_4"), ("KK", "kk_desil_1")):
            hasil = peta.hitung_kantong(con, tingkat, TAHUN)
            t = baca_csv(pt.tabel_sasaran_halaman(con, tingkat, TAHUN, peta.aturan_bawaan(tingkat), satuan).sasaran)
            keb = next(k for k in t.columns if k.startswith("Kebutuhan"))
            for kode, v in zip(t["Kode"], t[keb], strict=True):
                if v:
                    model[kolom].tahu((kolom, kode), angka(v))
            assert hasil.kode_kantong is not None
    # 3. the trend page's kecamatan downloads (every indicator, this year)
    for ind in katalog.INDIKATOR:
        t = baca_csv(tren.tren_kecamatan(con, ind.kode).unduhan())
        t = t[t["Tahun"] == str(TAHUN)]
        for kode, v in zip(t["Kode wilayah"], t["Nilai"], strict=True):
            if ind.kode in model and v:
                model[ind.kode].tahu((ind.kode, kode), angka(v))
    # 4. the workbook and the kecamatan PDFs
    ws = openpyxl.load_workbook(out / f"lp2kd_rpkd_{TAHUN}.xlsx")["Lokasi prioritas"]
    kepala = [c.value for c in ws[2]]
    for r in ws.iter_rows(min_row=3, values_only=True):
        v = r[kepala.index("Penduduk desil 1–4 (jiwa)")]
        if isinstance(v, (int, float)):
            model["jiwa_desil_1_4"].tahu(("jiwa_desil_1_4", r[kepala.index("Kode wilayah")]), v)
    for pdf in (out / "pdf").glob("kecamatan_*.pdf"):
        kode = pdf.stem.removeprefix("kecamatan_").removesuffix(f"_{TAHUN}").replace("_", ".")
        token = teks_pdf(pdf.read_bytes())
        for label, c in (("Penduduk desil 1-4 (jiwa)", "jiwa_desil_1_4"), ("KK desil 1", "kk_desil_1"),
                         ("RTLH", "rtlh")):
            i = token.index(label)
            _sel_wilayah(model[c], c, kode, token[i + 1])
    return model


def pt_frasa(c: str) -> str:
    from tkpk.peta.kantong import _FRASA_JUMLAH

    return _FRASA_JUMLAH[c]


def teks_pdf(data: bytes) -> list[str]:
    """The strings a PDF draws, in order."""
    teks = b""
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        with contextlib.suppress(zlib.error):
            teks += zlib.decompress(m.group(1))
    potong = re.findall(rb"\(((?:[^()\\]|\\.)*)\) ?Tj", teks)
    return [re.sub(r"\\(.)", r"\1", p.decode("latin-1")) for p in potong]


def test_no_hidden_region_count_can_be_recovered(publik):
    con, out = publik
    model = _fakta_wilayah(con, out)
    tersembunyi = 0
    for t in ("kecamatan", "desa"):
        d = peta.data_tingkat(con, t, TAHUN)
        for c in HITUNGAN:
            kode = d.samar.loc[d.samar[c].isin([sel_kecil.KECIL, sel_kecil.PELENGKAP, sel_kecil.TERKAIT]), "kode"]
            if kode.empty:
                continue
            tersembunyi += len(kode)
            rentang = model[c].rentang([(c, k) for k in kode])
            pulih = {k: r for k, r in rentang.items() if r[0] == r[1]}
            assert not pulih, f"{c}: recovered {pulih}"
    assert tersembunyi > 0, "the bundled sample must have hidden cells, else this test proves nothing"


def _jumlah_teks(p: Penyerang, teks: str, program: dict[tuple, list], baris: pd.DataFrame) -> None:
    """"1.234/1.500 KK; 310/320 jiwa (se-kabupaten)": each number is the sum of the places of the programs in
    that unit (located places, or the kabupaten-wide rows)."""
    for jumlah, satuan_p, sekab in re.findall(r"([\d.]+)/[\d.]+ (\w+)( \(se-kabupaten\))?", teks):
        bagian = []
        for prog, kode in program.items():
            rows = baris[(baris["kode_opd"] == prog[1]) & (baris["program"] == prog[2])]
            if satuan_efektif(rows["satuan_penerima"].iloc[0], prog[3]) == satuan_p:
                bagian += [(prog, x) for x in sorted(set(kode)) if (x == "") == bool(sekab)]
        if bagian:
            p.jumlah(angka(jumlah), bagian)


def _sel_program(p: Penyerang, kunci: tuple, v: str, samar_min: float = 0) -> bool:
    """One program cell as its download shows it; True when it is hidden ("disamarkan": at least ``samar_min``,
    5 for a beneficiary count, else only not negative: an output or target hidden with its beneficiaries)."""
    if v.startswith("< 5"):
        p.antara(kunci, 1, 4)
        return True
    if v == sel_kecil.TEKS_SAMAR:
        p.antara(kunci, samar_min)
        return True
    if (x := angka(v)) is not None:
        p.tahu(kunci, x)
    return False


def _rasio(pasangan: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Beneficiaries per output unit of one program, as a reader learns it from the places it shows
    (``penerima = round(r × output)``): the interval of r every shown place allows, or None."""
    lo, hi = 0.0, math.inf
    for pen, out in pasangan:
        if out > 0:
            lo, hi = max(lo, (pen - 0.5) / out), min(hi, (pen + 0.5) / out)
    return (lo, hi) if pasangan and lo <= hi and not math.isinf(hi) else None


def test_no_hidden_beneficiary_count_can_be_recovered(publik):
    """Beneficiaries per place, and beside them the output, the targets and the rates of the same program and
    place (the reviewer's finding 2: a shown output of 3 houses gave back "< 5" KK at one KK per house)."""
    con, out = publik
    lindung = pilar_kartu.perlindungan(con, TAHUN)
    p = Penyerang()
    baris = pilar_kartu.intervensi_tahun(con, TAHUN)
    sel: dict[tuple, list] = {}
    for r in baris.itertuples(index=False):
        prog = (int(r.pilar), r.kode_opd, r.program, r.satuan_output)
        sel.setdefault(prog, []).append(r.kode_wilayah if isinstance(r.kode_wilayah, str) else "")
    # program totals from the workbook: "Penerima" = Σ its places, and so are outputs and targets
    ws = openpyxl.load_workbook(out / f"lp2kd_rpkd_{TAHUN}.xlsx")["Program per pilar"]
    kepala = [c.value for c in ws[2]]
    col = {k: kepala.index(k) for k in ("Pilar", "Kode OPD", "Program", "Satuan output", "Penerima",
                                         "Capaian output", "Target output", "Target penerima")}
    for r in ws.iter_rows(min_row=3, values_only=True):
        prog = (int(r[col["Pilar"]]), r[col["Kode OPD"]], r[col["Program"]], r[col["Satuan output"]])
        tempat = sorted(set(sel.get(prog, [])))
        for kolom, awal in (("Penerima", ()), ("Capaian output", ("c",)), ("Target output", ("t",)),
                            ("Target penerima", ("tp",))):
            v = r[col[kolom]]
            if isinstance(v, (int, float)):
                p.jumlah(float(v), [(*awal, prog, k) for k in tempat])
    # every place of every program, as the pillar page's "Lokasi program" download shows it
    target = []
    for pilar in (1, 2, 3, 4):
        k = pilar_kartu.kartu_skor(con, pilar, TAHUN)
        for idp in kt.pilihan_program(k):
            t = baca_csv(kt.tabel_lokasi(k, idp))
            opd, program, satuan = idp.split("|")
            prog = (pilar, opd, program, satuan or None)
            tampak_c, tampak_t = [], []
            for r in t.to_dict("records"):
                kode = r["Kode wilayah"]
                kunci = (prog, kode)
                if _sel_program(p, kunci, r["Penerima"], 5):
                    target.append(kunci)
                c_samar = _sel_program(p, ("c", prog, kode), r["Capaian output"])
                t_samar = _sel_program(p, ("t", prog, kode), r["Target output"])
                _sel_program(p, ("tp", prog, kode), r["Target penerima"])
                # a rate shown with one decimal: output = rate × target within half a unit of the last digit
                if (x := angka(r["Capaian output (%)"])) is not None and (y := angka(r["Target output"])):
                    p.persen(("c", prog, kode), y, x, 1)
                if not c_samar and (pen := angka(r["Penerima"])) is not None:
                    tampak_c.append((pen, angka(r["Capaian output"])))
                if not t_samar and (tp := angka(r["Target penerima"])) is not None:
                    tampak_t.append((tp, angka(r["Target output"])))
            # beneficiaries per output unit, learnt from the shown places, applied to the hidden ones
            for awal_p, awal_o, pasangan in (((), "c", tampak_c), (("tp",), "t", tampak_t)):
                rr = _rasio([(a, b) for a, b in pasangan if b is not None])
                if rr is None:
                    continue
                for kode in t["Kode wilayah"]:
                    pen, o = (*awal_p, prog, kode), (awal_o, prog, kode)
                    p.linear({pen: 1.0, o: -rr[1]}, -math.inf, 0.5 + 1e-9)
                    p.linear({pen: 1.0, o: -rr[0]}, -0.5 - 1e-9, math.inf)
        # OPD and pillar totals per unit ("40/80 KK; …"): Σ of their programs' places in that unit
        for kode_opd, teks in zip(k.opd["kode_opd"], kt.tabel_opd(k)[kt.PENERIMA], strict=True):
            _jumlah_teks(p, teks, {pr: x for pr, x in sel.items() if pr[1] == kode_opd}, baris)
        _jumlah_teks(p, str(k.ringkas["penerima_teks"]), {pr: x for pr, x in sel.items() if pr[0] == pilar}, baris)
    assert target, "the bundled sample must have hidden beneficiary cells, else this test proves nothing"
    assert lindung.status
    rentang = p.rentang(target)
    pulih = {k: r for k, r in rentang.items() if r[0] == r[1]}
    assert not pulih, f"recovered: {pulih}"
