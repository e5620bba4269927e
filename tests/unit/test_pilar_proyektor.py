"""The scorecard cut for a projector (:func:`tkpk.pilar.tabel.untuk_proyektor`)."""

import pandas as pd

from tkpk.pilar import tabel


def test_the_cut_keeps_the_rooms_columns_in_order_with_their_formats() -> None:
    df = pd.DataFrame({"Kode OPD": ["A"], "Pagu (Rp)": [1.0e9], tabel.STATUS: ["● Baik"], "OPD": ["Baznas"],
                       "Realisasi (Rp)": [9.0e8], "Serapan (%)": [90.0], "Capaian output (%)": [95.0]})
    t = tabel.siap(df)
    cut = tabel.untuk_proyektor(t)
    # the columns it has, in the projector's order; "Lokasi di kantong (%)" is absent here and so left out
    assert list(cut.df.columns) == [tabel.STATUS, "OPD", "Pagu (Rp)", "Serapan (%)", "Capaian output (%)"]
    assert set(cut.format) == {"Pagu (Rp)", "Serapan (%)", "Capaian output (%)"}
    assert cut.format["Pagu (Rp)"] is t.format["Pagu (Rp)"]
    assert cut.df.iloc[0].tolist() == ["● Baik", "Baznas", 1.0e9, 90.0, 95.0]


def test_an_opd_without_a_report_says_so_in_its_status() -> None:
    df = pd.DataFrame({tabel.STATUS: ["● Baik", "○ Tidak ada data", "○ Tidak ada data"], "OPD": ["A", "B", "C"],
                       "Laporan": ["Melapor", "Belum melapor", "Melapor"], "Pagu (Rp)": [1.0, None, 2.0]})
    cut = tabel.untuk_proyektor(tabel.siap(df))
    # B sent nothing; C reported without numbers to judge, and keeps "Tidak ada data"
    assert cut.df[tabel.STATUS].tolist() == ["● Baik", "○ Belum melapor", "○ Tidak ada data"]
    assert tabel.css_status_statis("○ Belum melapor") == tabel.css_status_statis("○ Tidak ada data") != ""
    assert "Laporan" not in cut.df.columns and df[tabel.STATUS].tolist()[1] == "○ Tidak ada data"  # input untouched
