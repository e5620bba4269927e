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
