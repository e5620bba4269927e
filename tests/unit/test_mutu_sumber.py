"""Kinds of source: only BPS's own release is introduced as "BPS"; other kinds carry a marker and their note."""

import pandas as pd
import pytest

from tkpk import SUMBER_CONTOH, mutu_sumber
from tkpk.katalog import JENIS_SUMBER

SUMBER = ('riceknews.id, "BPS: Angka Kemiskinan" (Plt Kepala BPS Banjar) https://riceknews.id/x | also databoks '
          "https://d.example [catatan: Varian 14.460 jiwa.]")


def test_only_bps_kind_is_called_bps():
    assert mutu_sumber.sebut("Berita Resmi Statistik No. 39", "bps") == "BPS: Berita Resmi Statistik No. 39"
    for jenis in set(JENIS_SUMBER) - {"bps", "contoh"}:
        teks = mutu_sumber.sebut(SUMBER, jenis)
        assert not teks.startswith("BPS"), jenis
        assert teks.startswith(mutu_sumber.PENANDA[jenis]), jenis
    harap = '◆ angka BPS dikutip media: riceknews.id, "BPS: Angka Kemiskinan" (Plt Kepala BPS Banjar)'
    assert mutu_sumber.sebut(SUMBER, "media_bps") == harap


def test_unknown_kind_is_marked_not_trusted():
    assert mutu_sumber.sebut("uji", None) == "⚠ jenis sumber tidak dicatat: uji"
    assert mutu_sumber.penanda("xx") == "⚠" and not mutu_sumber.resmi_bps("xx")


def test_sample_rows_always_read_as_sample():
    assert mutu_sumber.sebut(SUMBER_CONTOH, None) == SUMBER_CONTOH
    assert mutu_sumber.sebut("apa saja", "contoh") == SUMBER_CONTOH


def test_conflict_notes_travel_and_can_be_removed():
    assert mutu_sumber.catatan(SUMBER) == ["Varian 14.460 jiwa."]
    assert "[catatan" not in mutu_sumber.tanpa_catatan(SUMBER)
    ket = mutu_sumber.keterangan("kutipan_pejabat", SUMBER)
    assert ket.startswith("▲ Dikutip pejabat (tidak langsung dari BPS): riceknews.id")
    assert ket.endswith("Catatan: Varian 14.460 jiwa.")
    # the caller labels it "Sumber:" (chrome.sumber), so the sentence does not: no "Sumber: Sumber:"
    assert mutu_sumber.keterangan("bps", "BRS 2013").startswith("BRS 2013 (publikasi BPS)")


def test_markers_are_distinct_and_print_without_symbols():
    tanda = [v for v in mutu_sumber.PENANDA.values() if v]
    assert len(set(tanda)) == len(tanda)  # one shape per kind ("⚠" is sample data, and any unrecorded kind)
    assert "◆" not in mutu_sumber.sebut(SUMBER, "media_bps", dengan_penanda=False)


@pytest.mark.parametrize(("jenis", "harap"), [
    (["bps", "media_bps"], "◆ = angka BPS dikutip media"), (["bps"], ""),
    ([None, "register"], "■ = register sosial, bukan angka BPS")])
def test_legend_lists_only_the_kinds_drawn(jenis, harap):
    assert mutu_sumber.legenda(jenis) == harap


def test_download_column_of_kinds():
    df = pd.DataFrame({"jenis_sumber": ["bps", "kutipan_pejabat", None]})
    assert mutu_sumber.kolom_jenis(df).tolist() == ["BPS", "dikutip pejabat, bukan dari tabel BPS",
                                                    "jenis sumber tidak dicatat"]
