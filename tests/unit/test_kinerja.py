"""tkpk.pilar.kartu / kinerja_tabel on hand-made rows (SQL replaced by a fake ``fetch``): known totals, the
fallback pocket rule, belum melapor, place names and links, and the headline texts."""

from __future__ import annotations

import pandas as pd
import pytest

from tkpk.intervensi import penerima
from tkpk.pilar import kartu as pilar_kartu
from tkpk.pilar import skor, tabel
from tkpk.pilar.status import Status

KEC_A, KEC_B = "63.03.01", "63.03.02"
DESA_A1, DESA_B1 = "63.03.01.2001", "63.03.02.2001"


def baris(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "tahun": 2024, "triwulan": None, "pilar": 2, "kode_opd": "DISPERKIMLH", "program": "Rehabilitasi RTLH",
        "kegiatan": None, "kode_wilayah": DESA_A1, "pagu": 100.0, "realisasi": 90.0, "satuan_output": "unit",
        "target_output": 10.0, "capaian_output": 10.0, "target_penerima": 40.0, "penerima": 30.0,
        "satuan_penerima": "KK",
        "sumber_dana": "APBD", "keterangan": None, "sumber": "DATA CONTOH (sintetis)", "batch_id": 5,
        "sampel": True,
    }
    base.update(kw)
    return base


INTERVENSI = pd.DataFrame([
    baris(),                                                                   # in pocket desa A1
    baris(kode_wilayah=DESA_B1, pagu=300.0, realisasi=150.0, capaian_output=4.0, penerima=10.0),  # not a pocket
    baris(kode_opd="PUPRP", program="SPAM perdesaan", satuan_output="SR", kode_wilayah=None, pagu=0.0,
          realisasi=0.0, target_output=0.0, capaian_output=0.0, target_penerima=None, penerima=None,
          satuan_penerima=None),
    baris(tahun=2023, pagu=50.0, realisasi=50.0),
])
PERSEN = pd.DataFrame({
    "kode_wilayah": [KEC_A, KEC_B, DESA_A1, DESA_B1], "persen_jiwa_desil_1_4": [9.0, 1.0, 12.0, 2.0],
    "tingkat": ["kecamatan", "kecamatan", "desa", "desa"], "sumber": "x", "sampel": True,
})
WILAYAH = pd.DataFrame({
    "kode_wilayah": [KEC_A, KEC_B, DESA_A1, DESA_B1], "nama": ["Aluh Aluh", "Kertak Hanyar", "Bakambat", "Mekar Raya"],
    "tingkat": ["kecamatan", "kecamatan", "desa", "desa"], "kode_kec": [KEC_A, KEC_B, KEC_A, KEC_B],
    "nama_kecamatan": ["Aluh Aluh", "Kertak Hanyar", "Aluh Aluh", "Kertak Hanyar"],
})


@pytest.fixture
def kartu(monkeypatch: pytest.MonkeyPatch) -> pilar_kartu.KartuSkor:
    def fake_fetch(con: object, name: str, params: dict | None = None) -> pd.DataFrame:
        if name == "periode_intervensi":
            return pd.DataFrame({"tahun": [2023, 2024], "triwulan": [None, None]})
        if name == "persen_desil_banjar_tahun":
            return PERSEN.copy() if params["tahun"] in (2023, 2024) else PERSEN.iloc[0:0]
        if name == "nama_wilayah_banjar":
            return WILAYAH.copy()
        raise AssertionError(name)

    def fake_baris(con: object, tahun: int, kode_kab: str = "63.03", triwulan: int | None = None) -> pd.DataFrame:
        return penerima.siapkan(skor.pilih_periode(INTERVENSI, tahun, triwulan).reset_index(drop=True))

    monkeypatch.setattr(pilar_kartu, "fetch", fake_fetch)
    monkeypatch.setattr(pilar_kartu, "intervensi_tahun", fake_baris)
    monkeypatch.setattr(pilar_kartu, "perlindungan", lambda con, tahun, kode_kab="63.03", triwulan=None:
                        penerima.lindungi(fake_baris(con, tahun, triwulan=triwulan)))
    monkeypatch.setattr(pilar_kartu, "_kantong_peta", lambda con, tahun: None)
    return pilar_kartu.kartu_skor(None, 2, 2024)  # type: ignore[arg-type]


def test_totals_are_plain_sums_of_the_period_rows(kartu):
    assert len(kartu.baris) == 3  # 2023 row left out
    assert kartu.ringkas["pagu"] == 400.0 and kartu.ringkas["realisasi"] == 240.0
    assert kartu.ringkas["serapan_pct"] == pytest.approx(60.0)
    # beneficiaries per unit: 40 of 80 KK; the SPAM row has no unit and is counted, not added
    assert kartu.ringkas["penerima_teks"] == "40/80 KK; 1 program tanpa satuan penerima (tidak dijumlahkan)"
    t = tabel.teks_ringkasan(kartu)
    assert t["pagu_penuh"] == "Rp400" and t["serapan"] == "60,0%" and t["penerima"].startswith("40/80 KK")
    assert t["opd"] == "2 dari 5"


def test_fallback_pockets_are_the_top_fifth_and_the_rule_is_described(kartu):
    # top 20% of 2 kecamatan and of 2 desa (ties included): the higher one of each level
    assert kartu.kantong.kode == frozenset({KEC_A, DESA_A1})
    assert "aturan sementara" in kartu.kantong.aturan and "20%" in kartu.kantong.aturan
    assert "Kantong sementara" in kartu.kantong.deskripsi
    # located rows: A1 (pocket itself) and B1 (no) → 1 of 2; the kabupaten-wide row is not located
    assert kartu.tepat["jumlah_terlokasi"] == 2 and kartu.tepat["jumlah_di_kantong"] == 1
    assert tabel.teks_ringkasan(kartu)["tepat"] == "50,0%"
    assert tabel.teks_ringkasan(kartu)["tepat_pagu"] == "25,0%"  # 100 of 400 located pagu
    # both pockets touched: A1 directly, KEC_A through its desa
    assert tabel.teks_ringkasan(kartu)["cakupan"] == "2 dari 2 kantong" and kartu.kantong_tanpa.empty


def test_belum_melapor_lists_expected_opds_without_rows(kartu):
    assert set(kartu.belum_melapor["kode_opd"]) == {"DISHUB", "DISDUKCAPIL", "DPMPTSP"}
    teks = tabel.teks_belum_melapor(kartu)
    assert "○ **Dishub** (Dinas Perhubungan)" in teks
    opd = tabel.tabel_opd(kartu).set_index("Kode OPD")
    assert opd.loc["DISHUB", "Status"] == Status.ABU.teks and opd.loc["DISHUB", "Laporan"] == "Belum melapor"
    # PUPRP reported with pagu 0 and target 0: nothing measurable → grey, not 0% and not red
    assert pd.isna(opd.loc["PUPRP", "Serapan (%)"]) and opd.loc["PUPRP", "Status"] == Status.ABU.teks
    assert opd.loc["PUPRP", "Laporan"] == "Melapor"


def test_program_and_places_by_name_with_map_links(kartu):
    prog = tabel.tabel_program(kartu, "DISPERKIMLH")
    assert len(prog) == 1 and prog.loc[0, "Capaian output (%)"] == pytest.approx(70.0)  # 14 of 20 units
    # serapan 240/400 = 60% is not < 60 → not red; capaian 70 < 90 → kuning
    assert prog.loc[0, "Status"] == Status.KUNING.teks
    pilihan = tabel.pilihan_program(kartu)
    assert pilihan["DISPERKIMLH|Rehabilitasi RTLH|unit"] == "DisperkimLH · Rehabilitasi RTLH (unit)"
    lok = tabel.tabel_lokasi(kartu, "DISPERKIMLH|Rehabilitasi RTLH|unit")
    assert list(lok["Desa/kelurahan"]) == ["Bakambat", "Mekar Raya"]
    assert list(lok["Kecamatan"]) == ["Aluh Aluh", "Kertak Hanyar"]
    assert list(lok["Di kantong kemiskinan"]) == ["Ya", "Tidak"]
    assert list(lok[tabel.PROFIL]) == [f"/peta?tempat={DESA_A1}", f"/peta?tempat={DESA_B1}"]
    kab = tabel.tabel_lokasi(kartu, "PUPRP|SPAM perdesaan|SR")
    assert kab.loc[0, "Kecamatan"] == "Se-kabupaten" and kab.loc[0, tabel.PROFIL] is None


def test_year_comparison_has_both_years_and_the_change_in_poin(kartu):
    b = tabel.tabel_perbandingan(pilar_kartu.antartahun(None, 2))  # type: ignore[arg-type]  # fixture's fakes
    assert list(b["Tahun"]) == [2023, 2024]
    assert b.loc[0, "Serapan (%)"] == pytest.approx(100.0) and b.loc[1, "Serapan (%)"] == pytest.approx(60.0)
    assert b.loc[1, "Δ serapan (poin)"] == pytest.approx(-40.0)
    assert b.loc[0, "Lokasi di kantong (%)"] == pytest.approx(100.0)


def test_sources_and_sample_label(kartu):
    assert kartu.sampel and kartu.sumber == ["batch 5"]
    assert pilar_kartu.teks_sumber(kartu).endswith("DATA CONTOH (sintetis), bukan data resmi.")


def test_formats_and_status_styles():
    df = pd.DataFrame({"Pagu (Rp)": [1234567.0], "Serapan (%)": [78.06], "Δ serapan (poin)": [-1.26],
                       "Penerima": [12345.0], "Tahun": [2024], "OPD": ["x"]})
    f = tabel.format_kolom(df)
    assert set(f) == {"Pagu (Rp)", "Serapan (%)", "Δ serapan (poin)", "Penerima"}
    assert f["Pagu (Rp)"](1234567.0) == "Rp1.234.567" and f["Serapan (%)"](78.06) == "78,1%"
    assert f["Δ serapan (poin)"](-1.26) == "−1,3 poin" and f["Penerima"](12345.0) == "12.345"
    assert f["Serapan (%)"](float("nan")) == "–"
    assert tabel.css_status("● Baik").startswith("color: #009E73")
    assert tabel.css_status("Melapor") == ""
    assert tabel.status_markdown(Status.MERAH) == ":red[**■ Kritis**]"


def test_period_labels():
    assert pilar_kartu.label_periode(2024, None) == "2024"
    assert pilar_kartu.label_periode(2024, 2) == "2024 triwulan II"
    assert pilar_kartu.id_program("DINKES", "Iuran PBI", float("nan")) == "DINKES|Iuran PBI|"
