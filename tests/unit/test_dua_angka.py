"""The register's inner conflicts are found in the figures themselves, and the ratio is computed, not typed."""

from tkpk.tren.dua_angka import AngkaRegister, DuaAngka, konflik_register
from tkpk.tren.ringkasan import AngkaUtama


def _r(kode: str, tahun: int, nilai: float) -> AngkaRegister:
    return AngkaRegister(kode, kode, tahun, nilai, "jiwa", "uji", "register")


def test_shifted_year_labels_and_differing_counts_are_reported():
    reg = [_r("reg_miskin_satudata", 2024, 161726), _r("reg_miskin_satudata", 2025, 172697),
           _r("reg_miskin_siksng", 2024, 172702), _r("reg_fakir_miskin_satudata", 2025, 154893),
           _r("reg_fakir_miskin_siksng", 2024, 154893)]
    k = konflik_register(reg)
    assert any("Satu Data 2025 (172.697) hampir sama" in x and "untuk 2024 (172.702)" in x for x in k)
    assert any("Tahun 2024: Satu Data mencatat 161.726 penduduk miskin" in x for x in k)
    assert any("fakir miskin Satu Data 2025 (154.893) sama dengan" in x for x in k)
    assert konflik_register([_r("reg_miskin_satudata", 2024, 1000)]) == []


def test_ratio_only_for_the_same_year():
    h = AngkaUtama(2024, 2.36, None, None, None, 14461.0, 589164.0, None, None, 1, 12, "uji", "media_bps")
    d = DuaAngka(2024, h, [_r("reg_miskin_satudata", 2024, 161726)])
    assert round(d.rasio, 2) == 11.18 and "sekitar 11 kali angka BPS" in d.mengapa_beda
    d2 = DuaAngka(2024, h, [_r("reg_miskin_satudata", 2025, 172697)])
    assert d2.rasio is None and d2.register_utama.tahun == 2025


def test_the_survey_figure_is_called_bps_only_when_it_is_bps():
    # review finding 10: the tile and the PDF subtitle said "BPS 2014" for a figure a Bupati quoted
    reg = [_r("reg_miskin_satudata", 2024, 161726)]
    for jenis, kata in (("kutipan_pejabat", "dikutip pejabat"), ("media_bps", "angka BPS dikutip media"),
                        (None, "jenis sumber tidak dicatat")):
        h = AngkaUtama(2014, 2.74, None, None, None, 12345.0, None, None, None, None, 1, "uji", jenis)
        d = DuaAngka(2014, h, reg)
        assert "BPS" not in d.label_angka_bps and "Susenas 2014" in d.label_angka_bps
        assert kata in d.jenis_angka_bps
        assert not d.judul_angka_bps.startswith("Angka BPS") and kata in d.judul_angka_bps
    h = AngkaUtama(2024, 2.36, None, None, None, 14461.0, None, None, None, 1, 12, "uji", "bps")
    d = DuaAngka(2024, h, reg)
    assert d.label_angka_bps == "BPS 2024: penduduk miskin" and d.jenis_angka_bps == "Jenis sumber: BPS"
    assert d.judul_angka_bps == "Angka BPS (Susenas Maret 2024)"

