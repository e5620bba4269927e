"""The pillar page's SQL and glue on real stores: the bundled one (totals equal direct SQL, belum melapor,
named places) and a fresh empty one (the page's call still works)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tkpk import fmt
from tkpk.intervensi.penerima import SEKAB, TANPA, satuan_efektif
from tkpk.peta import data as peta
from tkpk.pilar import kartu as pilar_kartu
from tkpk.pilar import tabel
from tkpk.toko.db import connect
from tkpk.toko.queries import fetch


@pytest.fixture
def con(store_path: Path):
    c = connect(store_path)
    yield c
    c.close()


def test_periods_are_the_sample_years_and_2025_by_quarter(con):
    # 2018–2024 are reported per year; the sample's 2025 per quarter (issue 18)
    assert pilar_kartu.pilihan_periode(con) == {**{th: [] for th in range(2018, 2025)}, 2025: [1, 2, 3, 4]}


@pytest.mark.parametrize("pilar", [1, 2, 3, 4])
def test_scorecard_totals_equal_sql_sums(con, pilar: int):
    k = pilar_kartu.kartu_skor(con, pilar, 2024)
    pagu, realisasi, baris = con.execute(
        "SELECT sum(pagu), sum(realisasi), count(*) FROM v_intervensi WHERE pilar = ? AND tahun = 2024",
        [pilar]).fetchone()
    assert len(k.baris) == baris
    assert k.ringkas["pagu"] == pytest.approx(pagu) and k.ringkas["realisasi"] == pytest.approx(realisasi)
    # beneficiaries: one sum per unit (SQL sum of the rows of that unit), located and kabupaten-wide apart
    rows = con.execute("SELECT satuan_penerima, satuan_output, kode_wilayah IS NULL, penerima, target_penerima "
                       "FROM v_intervensi WHERE pilar = ? AND tahun = 2024", [pilar]).fetchall()
    per: dict[tuple[str, bool], list[float]] = {}
    for sp, so, sekab, pen, tgt in rows:
        u = satuan_efektif(sp, so)
        if u != TANPA:
            a = per.setdefault((u, sekab), [0.0, 0.0])
            a[0] += pen or 0
            a[1] += tgt or 0
    teks = k.ringkas["penerima_teks"]
    for (u, sekab), (pen, tgt) in per.items():
        assert f"{fmt.angka(pen)}/{fmt.angka(tgt)} {u}" + (f" ({SEKAB})" if sekab else "") in teks, teks
    assert tabel.tabel_opd(k)["Pagu (Rp)"].sum() == pytest.approx(pagu)
    assert tabel.tabel_program(k)["Pagu (Rp)"].sum() == pytest.approx(pagu)
    assert k.lokasi["pagu"].sum() == pytest.approx(pagu)


# Direct sums over the rows of a period, in SQL: yearly rows, and for a program with quarterly reports only its
# latest quarter (reports are cumulative "s.d. triwulan"; the sample's 2025 has quarters only).
SQL_TOTAL_PERIODE = """
WITH d AS (
    SELECT *, bool_or(triwulan IS NULL) OVER (PARTITION BY pilar, kode_opd, program) AS ada_tahunan,
           max(triwulan) OVER (PARTITION BY pilar, kode_opd, program) AS tw_akhir
    FROM v_intervensi WHERE pilar = ? AND tahun = ?
)
SELECT sum(pagu), sum(realisasi)
FROM d WHERE triwulan IS NULL OR (NOT ada_tahunan AND triwulan = tw_akhir)
"""


def test_every_pillar_and_period_sums_the_rows_sql_sums(con):
    """Moved here from the app layer, which ran the whole page for all 32 pillars and years to compare its headline
    with these sums: the rows every pillar's scorecard sums for a period (``tkpk.toko.tahun.intervensi_tahun``, the
    loader of ``pilar_kartu.kartu_skor``) give the SQL totals, for every year; the scorecard and the strip's text are
    checked on the quarter-reported 2025 for every pillar below, on 2024 above, and drawn on the page in
    tests/app/test_pilar.py::test_the_headline_totals_shown_equal_sql."""
    from tkpk import katalog
    from tkpk.toko.tahun import intervensi_tahun

    tahun = [r[0] for r in con.execute("SELECT DISTINCT tahun FROM v_intervensi ORDER BY 1").fetchall()]
    assert tahun == list(range(2018, 2026))  # the sample programs run to 2025 (issue 18)
    for th in tahun:
        baris = intervensi_tahun(con, th)
        for p in katalog.PILAR:
            pagu, realisasi = con.execute(SQL_TOTAL_PERIODE, [p.kode, th]).fetchone()
            dari_pilar = baris[baris["pilar"] == p.kode]
            assert dari_pilar["pagu"].sum() == pytest.approx(pagu), (p.kode, th)
            assert dari_pilar["realisasi"].sum() == pytest.approx(realisasi), (p.kode, th)


@pytest.mark.parametrize("pilar", [1, 2, 3, 4])
def test_the_quarter_reported_year_shows_the_sql_totals(con, pilar: int):
    """2025 is reported per quarter only: the scorecard takes each program's latest cumulative quarter, and the
    headline strip the page draws (``teks_ringkasan``) says those sums in id-ID."""
    k = pilar_kartu.kartu_skor(con, pilar, 2025)
    pagu, realisasi = con.execute(SQL_TOTAL_PERIODE, [pilar, 2025]).fetchone()
    assert k.ringkas["pagu"] == pytest.approx(pagu) and k.ringkas["realisasi"] == pytest.approx(realisasi)
    t = tabel.teks_ringkasan(k)
    assert t["pagu"] == fmt.rupiah_ringkas(pagu) and t["pagu_penuh"] == fmt.rupiah(pagu)
    assert t["realisasi"] == fmt.rupiah_ringkas(realisasi) and t["realisasi_penuh"] == fmt.rupiah(realisasi)
    assert t["serapan"] == fmt.persen(100 * realisasi / pagu, 1)
    assert k.sampel and "DATA CONTOH (sintetis)" in pilar_kartu.teks_sumber(k)


def test_pillar_2_2024_belum_melapor_and_pockets(con):
    k = pilar_kartu.kartu_skor(con, 2, 2024)
    assert set(k.belum_melapor["nama_singkat"]) == {"Dishub", "DPMPTSP"}
    assert len(k.kantong.kode) > 0 and k.kantong.sampel
    # the map page's default rule at both levels: desa pockets, and kecamatan pockets for whole-kecamatan rows
    bawaan = peta.kantong_bawaan(con, 2024)
    assert k.kantong.kode == bawaan["desa"].kode | bawaan["kecamatan"].kode and k.kantong.ukur_kecamatan
    assert bawaan["kecamatan"].kode and all(len(x) == 8 for x in bawaan["kecamatan"].kode)
    assert k.kantong.aturan.startswith("aturan halaman peta")
    # kecamatan-wide rows are measured against kecamatan pockets, not counted as desa misses
    t = k.tepat
    assert t["jumlah_tidak_diukur"] == 0 and t["jumlah_terlokasi"] == (k.baris["kode_wilayah"].notna()).sum()
    assert k.lokasi["nama_wilayah"].notna().all()


def test_opd_focus_changes_only_the_comparison(con):
    semua = pilar_kartu.kartu_skor(con, 4, 2024)
    dinkes = pilar_kartu.kartu_skor(con, 4, 2024, opd_fokus="DINKES")
    assert semua.ringkas["pagu"] == dinkes.ringkas["pagu"]
    # the period's rows: yearly rows, or a quarter-only program's latest quarter (reports are cumulative)
    sql = con.execute("SELECT tahun, sum(pagu) FROM v_intervensi i WHERE kode_opd = 'DINKES' AND (triwulan IS NULL "
                      "OR triwulan = (SELECT max(triwulan) FROM v_intervensi j WHERE j.tahun = i.tahun AND "
                      "j.kode_opd = i.kode_opd AND j.program = i.program)) GROUP BY 1 ORDER BY 1"
                      ).fetchall()
    b = pilar_kartu.antartahun(con, 4, opd_fokus="DINKES").perbandingan
    assert [(int(t), pytest.approx(p)) for t, p in sql] == list(zip(b["tahun"].astype(int), b["pagu"], strict=True))


def test_wilayah_names_cover_every_kecamatan_and_desa(con):
    w = fetch(con, "nama_wilayah_banjar")
    assert len(w) == 310 and w["nama_kecamatan"].notna().all()


def test_empty_store_gives_an_empty_scorecard(fresh_con):
    assert pilar_kartu.pilihan_periode(fresh_con) == {}
    k = pilar_kartu.kartu_skor(fresh_con, 2, 2024)
    assert not k.ada_data and len(k.belum_melapor) == 5 and pilar_kartu.antartahun(fresh_con, 2).perbandingan.empty
    assert tabel.teks_ringkasan(k)["opd"] == "0 dari 5"


def _baca(teks: str) -> float | None:
    """Screen text back to a number: "Rp1.234", "78,1%", "−1,3 poin", "12.345" (None for "–")."""
    s = teks.replace("Rp", "").replace("%", "").replace(" poin", "").replace("−", "-").strip()
    return None if s in ("–", "") else float(s.replace(".", "").replace(",", "."))


@pytest.mark.parametrize("pilar", [1, 2, 3, 4])
def test_downloads_hold_exactly_the_precision_the_table_shows(con, pilar: int):
    """Every number a pillar table holds (and so every CSV/XLSX cell) reads back from its own screen text."""
    k = pilar_kartu.kartu_skor(con, pilar, 2024)
    tabel_semua = [tabel.tabel_opd(k), tabel.tabel_program(k),
                   tabel.tabel_perbandingan(pilar_kartu.antartahun(con, pilar))]
    tabel_semua += [tabel.tabel_lokasi(k, i) for i in list(tabel.pilihan_program(k))[:3]]
    for df in tabel_semua:
        for kolom, f in tabel.format_kolom(df).items():
            for x in df[kolom].dropna():
                if isinstance(x, str):   # "< 5"/"disamarkan" beside the counts of a place: shown as they are
                    assert f(x) == x
                    continue
                assert _baca(f(x)) == pytest.approx(float(x), abs=1e-9), (kolom, x, f(x))


@pytest.mark.parametrize(("pilar", "tahun", "triwulan", "opd"),
                         [(1, 2024, None, None),
                          pytest.param(2, 2024, None, "DISPERKIMLH", marks=pytest.mark.lambat),
                          pytest.param(3, 2025, 2, None, marks=pytest.mark.lambat),
                          pytest.param(4, 2023, None, None, marks=pytest.mark.lambat)])
def test_page_bundle_holds_the_tables_built_one_by_one(con, pilar: int, tahun: int, triwulan: int | None,
                                                       opd: str | None):
    """``halaman_pilar`` (the page's one cached call) draws exactly what the table builders give: rounded as
    shown, with the same formats, and every program's places, in the same order, from one pass."""
    from pandas.testing import assert_frame_equal

    from tkpk.pilar.halaman import halaman_antartahun, halaman_pilar

    h = halaman_pilar(con, pilar, tahun, triwulan, opd)
    k = pilar_kartu.kartu_skor(con, pilar, tahun, triwulan, opd_fokus=opd)
    ha = halaman_antartahun(con, pilar, opd)   # the Antartahun tab's own call
    # each table as the page holds it, beside the same table built on its own
    pasangan = {"opd": (h.opd, tabel.tabel_opd(k)), "program": (h.program, tabel.tabel_program(k, opd)),
                "kantong_tanpa": (h.kantong_tanpa, tabel.tabel_kantong_tanpa(k)),
                "antartahun": (ha.tabel, tabel.tabel_perbandingan(pilar_kartu.antartahun(con, pilar, opd)))}
    for nama, (t, df) in pasangan.items():
        assert_frame_equal(t.df, tabel.bulatkan(df), obj=nama)
        assert t.format == tabel.format_kolom(tabel.bulatkan(df)), nama
    assert h.teks == tabel.teks_ringkasan(k) and h.pilihan_program == tabel.pilihan_program(k, opd)
    assert list(h.lokasi) == list(h.pilihan_program) and h.lokasi
    for i, t in h.lokasi.items():
        df = tabel.tabel_lokasi(k, i)
        assert_frame_equal(t.df, df, obj=i)
        assert t.format == tabel.format_kolom(df), i


def test_rakor_sections_carry_their_display_tables(con):
    """The plan and award tables of the pillar page come built with their results (one cached call each)."""
    from datetime import date

    from pandas.testing import assert_frame_equal

    from tkpk import katalog
    from tkpk.rakor import tabel as rt
    from tkpk.rakor.pilar import kandidat_penghargaan, rencana_pilar

    r = rencana_pilar(con, 2, 2025, hari_ini=date(2026, 2, 1))
    assert r.ada
    t = rt.tabel_rencana(r.tabel, {o.kode: o.nama_singkat for o in katalog.OPD})
    assert_frame_equal(r.layar.df, tabel.bulatkan(t))
    p = kandidat_penghargaan(con, 2, 2025, hari_ini=date(2026, 2, 1))
    assert_frame_equal(p.layar.df, tabel.bulatkan(rt.tabel_penghargaan(p.tabel)))
    assert p.layar.format == tabel.format_kolom(tabel.bulatkan(rt.tabel_penghargaan(p.tabel)))


def test_location_counts_stay_numbers_where_no_cell_is_hidden(con):
    """Review of a9bf352: a program's location counts reach the table as numbers when none of its cells is hidden,
    so a click on the column header sorts 48 before 104 (as text it did not), and whole counts stay whole."""
    from tkpk.pilar.halaman import halaman_pilar

    h = halaman_pilar(con, 2, 2024, None, "PUPRP")
    t = h.lokasi["PUPRP|SPAM perdesaan|SR"].df
    for kolom in ("Target output", "Capaian output", "Target penerima", "Penerima"):
        if not t[kolom].map(lambda v: isinstance(v, str)).any():
            assert pd.api.types.is_numeric_dtype(t[kolom]), (kolom, t[kolom].dtype)
    assert str(t["Penerima"].dtype) == "Int64"
