"""Kinerja pilar page through AppTest on the bundled store: the headline totals equal a direct SQL sum over the
same rows (every pillar and period: tests/integration/test_pilar_sql.py), missing reports are named, status lights
carry symbol+label+numbers, and the URL restores the view."""

from __future__ import annotations

import duckdb
import pytest

from tests.app.conftest import buka_kotak, tabel_tampil
from tkpk import fmt
from tkpk.pilar import tabel
from tkpk.ui import pilar as ui_pilar

# Direct sums over the rows of the period, in SQL: yearly rows, and for a program with quarterly reports only its
# latest quarter (reports are cumulative "s.d. triwulan"; the sample's 2025 has quarters only).
SQL_TOTAL = """
WITH d AS (
    SELECT *, bool_or(triwulan IS NULL) OVER (PARTITION BY pilar, kode_opd, program) AS ada_tahunan,
           max(triwulan) OVER (PARTITION BY pilar, kode_opd, program) AS tw_akhir
    FROM v_intervensi WHERE pilar = ? AND tahun = ?
)
SELECT sum(pagu), sum(realisasi)
FROM d WHERE triwulan IS NULL OR (NOT ada_tahunan AND triwulan = tw_akhir)
"""


def _totals(store_path, pilar: int, tahun: int) -> tuple:
    con = duckdb.connect(str(store_path))  # same configuration as the app's cached connection
    try:
        return con.execute(SQL_TOTAL, [pilar, tahun]).fetchone()
    finally:
        con.close()


def _teks(at) -> str:
    bagian = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.value for e in at.error]
    bagian += [f"{m.label}={m.value}" for m in at.metric]
    return "\n".join(bagian)


@pytest.mark.lambat  # the only fast test of 2025 (12 s); the same sums per pillar and period: test_pilar_sql.py
def test_the_headline_totals_shown_equal_sql(run_page, store_path):
    """One page run (pillar 1, the quarter-reported 2025): the strip shows the SQL sums, formatted id-ID.
    Every pillar and period is checked on the calls this strip draws (``pilar_kartu.kartu_skor``,
    ``kinerja_tabel.teks_ringkasan``) in tests/integration/test_pilar_sql.py."""
    pilar, tahun = 1, 2025
    at = run_page("pages/pilar.py", {"pilar": str(pilar), "tahun": str(tahun)})
    # AppTest enters through Ringkasan, which keeps only its own (BPS) years in the address: pick the year here
    next(s for s in at.selectbox if s.label == "Tahun").set_value(tahun).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(h.value.startswith(f"Pilar {pilar}: ") and h.value.endswith(f"— {tahun}") for h in at.header)
    pagu, realisasi = _totals(store_path, pilar, tahun)
    metric = {m.label: m.value for m in at.metric}
    teks = _teks(at)
    assert metric["Pagu"] == fmt.rupiah_ringkas(pagu)
    assert fmt.rupiah(pagu) in teks and fmt.rupiah(realisasi) in teks
    assert metric["Realisasi"] == fmt.rupiah_ringkas(realisasi)
    assert metric["Serapan anggaran"] == fmt.persen(100 * realisasi / pagu, 1)
    # beneficiaries per unit (the exact sums per unit are checked in tests/integration/test_pilar_sql.py)
    assert "Penerima manfaat" not in metric and "**Penerima manfaat / target**" in teks
    assert "DATA CONTOH (sintetis)" in teks  # sample label on the page and in each table's source


def _kartu(store_path, pilar: int, tahun: int):
    """The scorecard as the page computes it, read straight from the store (so the test follows the sample)."""
    from tkpk.pilar import kartu as pilar_kartu

    con = duckdb.connect(str(store_path))
    try:
        return pilar_kartu.kartu_skor(con, pilar, tahun)
    finally:
        con.close()


def test_pillar_2_2024_names_missing_reports_and_shows_lights_with_numbers(run_page, store_path):
    k = _kartu(store_path, 2, 2024)
    at = run_page("pages/pilar.py", {"pilar": "2", "tahun": "2024"})
    assert not at.exception
    belum = " ".join(e.value for e in at.error)
    assert "Belum melapor untuk 2024" in belum and "Dishub" in belum and "DPMPTSP" in belum
    assert {m.label: m.value for m in at.metric}["OPD melapor"] == "3 dari 5"
    status = next(m.value for m in at.markdown if m.value.startswith("### Status pilar"))
    r = k.ringkas
    assert f"{r['status_simbol']} {r['status_label']}" in status
    assert f"capaian output {fmt.persen(r['capaian_pct'], 1)}" in status
    assert f"serapan {fmt.persen(r['serapan_pct'], 1)}" in status
    # issue 17: the scorecard's table is static HTML (no grid at first sight), its cells as the grid showed them
    assert not at.dataframe
    opd = tabel_tampil(at.table[0])
    assert list(opd.columns[:3]) == ["Status", "OPD", "Laporan"]
    # each OPD's name links to this page for that OPD (same pillar and year)
    tautan = opd["OPD"].str.extract(r"^\[(?P<nama>.+)\]\((?P<url>[^)]+)\)$")
    assert tautan.notna().all().all(), opd["OPD"].tolist()
    assert dict(zip(tautan["nama"], tautan["url"], strict=True))["DisperkimLH"] == \
        "/pilar?pilar=2&tahun=2024&opd=DISPERKIMLH"
    opd["OPD"] = tautan["nama"]
    baris = opd.set_index("OPD")
    opd_k = k.opd.set_index("nama_singkat")
    assert baris.loc["DisperkimLH", "Status"] == f"{opd_k.loc['DisperkimLH', 'status_simbol']} " \
                                                 f"{opd_k.loc['DisperkimLH', 'status_label']}"
    # the numbers beside it, at the precision shown (one decimal, id-ID), also in the download
    assert baris.loc["DisperkimLH", "Serapan (%)"] == fmt.persen(opd_k.loc["DisperkimLH", "serapan_pct"], 1)
    assert baris.loc["DisperkimLH", "Pagu (Rp)"] == fmt.rupiah(opd_k.loc["DisperkimLH", "pagu"])
    assert baris.loc["Dishub", "Pagu (Rp)"] == "–"
    assert baris.loc["Dishub", "Status"] == "○ Tidak ada data" and baris.loc["Dishub", "Laporan"] == "Belum melapor"
    for s in opd["Status"]:
        assert s[0] in "●▲■○" and len(s) > 2  # symbol + label, never colour alone
    assert "Hijau (Baik)" in "\n".join(m.value for m in at.markdown)  # the rules are printed
    assert any("aturan sementara" in m.value or "Kantong kecamatan:" in m.value for m in at.markdown)


def test_drill_down_places_have_names_and_map_links(run_page, store_path):
    at = run_page("pages/pilar.py", {"pilar": "2", "tahun": "2024", "opd": "DISPERKIMLH",
                                     "program": "DISPERKIMLH|Rehabilitasi RTLH|unit", "bagian": "Program dan lokasi"})
    assert not at.exception
    program = next(d.value for d in at.dataframe if "Satuan output" in d.value.columns)
    assert set(program["OPD"]) == {"DisperkimLH"}
    lokasi = next(d.value for d in at.dataframe if "Desa/kelurahan" in d.value.columns)
    con = duckdb.connect(str(store_path))
    n = con.execute("SELECT count(DISTINCT kode_wilayah) FROM v_intervensi WHERE tahun = 2024 AND kode_opd = "
                    "'DISPERKIMLH' AND program = 'Rehabilitasi RTLH'").fetchone()[0]
    con.close()
    assert len(lokasi) == n > 0
    assert lokasi["Desa/kelurahan"].str.len().gt(1).all()  # names, not codes
    assert lokasi["Profil di peta"].str.match(r"^/peta\?tempat=63\.03\.\d\d\.\d{4}$").all()
    assert "Rehabilitasi RTLH" in "\n".join(m.value for m in at.markdown)


def test_url_params_restore_pillar_year_and_opd(run_page):
    at = run_page("pages/pilar.py", {"pilar": "3", "tahun": "2021", "opd": "DKPP", "bagian": "Antartahun"})
    assert not at.exception
    pilih = {s.label: s.value for s in at.selectbox}
    assert pilih["Pilar"] == 3 and pilih["Tahun"] == 2021 and pilih["OPD (rincian dan perbandingan)"] == "DKPP"
    assert at.query_params["pilar"] == ["3"] or at.query_params["pilar"] == "3"
    assert any("Pilar 3: Peningkatan pendapatan dan pemberdayaan masyarakat — 2021" in h.value for h in at.header)
    assert any("Perbandingan antartahun (DKPP)" in h.value for h in at.subheader)


def test_the_antartahun_tab_shows_the_chosen_opds_years(run_page, store_path, unduhan):
    """Review finding: the tab's heading named the OPD while its figures could be the whole pillar's; each year's
    pagu in the tab's table must be that OPD's own (``antartahun`` with ``opd_fokus``), not the pillar's."""
    from tkpk.pilar import kartu as pilar_kartu

    con = duckdb.connect(str(store_path))
    try:
        opd = pilar_kartu.antartahun(con, 2, opd_fokus="DISPERKIMLH").perbandingan
        semua = pilar_kartu.antartahun(con, 2).perbandingan
    finally:
        con.close()
    at = run_page("pages/pilar.py", {"pilar": "2", "opd": "DISPERKIMLH", "bagian": "Antartahun"})
    assert not at.exception, at.exception
    # its files say whose years they hold (the pillar's own are pilar2_antartahun.*)
    nama = [str(u["nama"]) for u in unduhan]
    assert nama and all(n.startswith("pilar2_antartahun_DISPERKIMLH.") for n in nama), nama
    shown = next(d.value for d in at.dataframe if "Pagu (Rp)" in d.value.columns and "Tahun" in d.value.columns)
    pagu = dict(zip(shown["Tahun"].astype(str).str[:4].astype(int), shown["Pagu (Rp)"], strict=True))
    assert pagu == pytest.approx(dict(zip(opd["tahun"].astype(int), opd["pagu"], strict=True)))
    assert pagu != pytest.approx(dict(zip(semua["tahun"].astype(int), semua["pagu"], strict=True)))


def test_each_tab_draws_only_its_own_section(run_page):
    """Issue 17: under the headline strip one tab is drawn at a time; the scorecard first."""
    at = run_page("pages/pilar.py", {"pilar": "4", "tahun": "2024"})
    assert not at.exception
    assert [t.label for t in at.tabs] == list(tabel.BAGIAN)
    assert [s.value for s in at.subheader] == ["Kartu skor OPD"]
    # the table, static (issue 17: no grid's JavaScript and canvas at first sight); no chart until one is opened
    assert len(at.table) == 1 and not at.dataframe and not at.get("vega_lite_chart")
    assert at.metric, "the headline strip is above the tabs, always drawn"
    # the scatter, then the budget bars, are drawn only once their expander is opened
    assert [e.label for e in at.expander if e.label in (ui_pilar.JUDUL_SKOR, ui_pilar.JUDUL_ANGGARAN)] == \
        [ui_pilar.JUDUL_SKOR, ui_pilar.JUDUL_ANGGARAN]
    buka_kotak(at, ui_pilar.KUNCI_SKOR)
    assert len(at.get("vega_lite_chart")) == 1 and len(at.table) == 1   # the scatter; the table
    assert [b for b in at.get("download_button") if "gambar" in b.proto.label]   # its PNG and SVG
    buka_kotak(at, ui_pilar.KUNCI_ANGGARAN)
    assert len(at.get("vega_lite_chart")) == 2 and len(at.table) == 1   # the scatter, the budget bars; table


def test_the_scatter_is_drawn_at_once_in_projector_mode(run_page):
    """Issue 17: on a desk the scorecard's scatter waits for its box; on the projector the room reads it at once."""
    at = run_page("pages/pilar.py", {"pilar": "4", "tahun": "2024", "mode": "presentasi"})
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 1 and not [e for e in at.expander if e.label == ui_pilar.JUDUL_SKOR]


def test_every_table_has_downloads(run_page):
    tabel_semua, gambar_semua = 0, 0
    for bagian in tabel.BAGIAN:
        at = run_page("pages/pilar.py", {"pilar": "4", "tahun": "2024", "bagian": bagian})
        assert not at.exception, (bagian, at.exception)
        if bagian == tabel.BAGIAN[0]:
            buka_kotak(at, ui_pilar.KUNCI_SKOR)   # the scatter and its image buttons: drawn when opened
        tombol = [b for b in at.get("download_button")]
        gambar = [b for b in tombol if "gambar" in b.proto.label]
        n_tabel = len(at.dataframe) + len(at.table)  # grids, and the scorecard's static table
        assert len(tombol) - len(gambar) == 2 * n_tabel, bagian  # CSV + XLSX under every table
        tabel_semua += n_tabel
        gambar_semua += len(gambar)
    assert gambar_semua == 2  # PNG + SVG of the OPD chart
    assert tabel_semua == 7  # with the plan and award tables


def test_the_plan_caption_is_marked_as_sample_and_the_award_says_which_target_it_uses(run_page):
    """Review of issue 18: the plan table's caption carries DATA CONTOH like every other caption (finding 10), and
    the award states beside its weights that capaian is measured against the plan's target (finding 5)."""
    # opened by link (pillar 2, 2025): choosing them in the sidebar computed pillar 1 and 2's 2024 cards first
    at = run_page("pages/pilar.py", {"pilar": "2", "tahun": "2025", "bagian": "Rencana aksi"})
    assert not at.exception, at.exception
    caption = next(c.value for c in at.caption if "rencana aksi OPD dan laporan intervensi OPD" in c.value)
    assert "DATA CONTOH" in caption
    at = run_page("pages/pilar.py", {"pilar": "2", "tahun": "2025", "bagian": "Kandidat penghargaan"})
    assert not at.exception, at.exception
    teks = " ".join(m.value for m in at.markdown)
    assert "Target capaian output:" in teks and "target rencana aksi" in teks
    peringkat = next(d.value for d in at.dataframe if "Skor (0–100)" in d.value.columns)
    assert peringkat["Target capaian (program)"].str.startswith("rencana aksi").any()


def test_a_link_to_a_year_without_reports_says_which_year_is_shown(run_page):
    """Review finding (issue 17): a rakor decision's OPD link carries its deadline's year; a year without reports
    (2027) silently opened the newest year instead. The page now says so."""
    at = run_page("pages/pilar.py", {"pilar": "4", "tahun": "2027", "opd": "DISDIK"})
    assert not at.exception, at.exception
    assert [i.value for i in at.info if "tidak tersedia" in i.value] == ["Tahun 2027 tidak tersedia; ditampilkan 2025."]
    at = run_page("pages/pilar.py", {"pilar": "4", "tahun": "2025"})
    assert not [i.value for i in at.info if "tidak tersedia" in i.value]


def test_the_projector_scorecard_keeps_the_rooms_columns_and_the_desk_keeps_all(run_page):
    """On a projector the scorecard shows the columns the room reads (status, OPD, budget, absorption, output,
    places in pockets) and says where the rest are; the desk view and the download keep all thirteen."""
    proyektor = run_page("pages/pilar.py", {"pilar": "2", "tahun": "2024", "mode": "presentasi"})
    meja = run_page("pages/pilar.py", {"pilar": "2", "tahun": "2024"})
    assert not proyektor.exception and not meja.exception
    kecil, penuh = tabel_tampil(proyektor.table[0]), tabel_tampil(meja.table[0])
    assert list(kecil.columns) == list(tabel.KOLOM_PROYEKTOR)
    assert len(penuh.columns) == 13 and set(kecil.columns) < set(penuh.columns)
    # the same OPDs with the same cells; the links keep the projector mode, and an OPD without a report says so in
    # its status (the "Laporan" column is not there to say it)
    penuh["OPD"] = penuh["OPD"].str.replace(r"\)$", "&mode=presentasi)", regex=True)
    penuh.loc[penuh["Laporan"] == "Belum melapor", "Status"] = tabel.BELUM_MELAPOR
    assert (kecil["Status"] == tabel.BELUM_MELAPOR).sum() == 2  # Dishub and DPMPTSP sent no report for 2024
    assert kecil.to_dict("list") == penuh[list(kecil.columns)].to_dict("list")
    assert ui_pilar.KOLOM_LENGKAP in [c.value for c in proyektor.caption]
    assert ui_pilar.KOLOM_LENGKAP not in [c.value for c in meja.caption]
