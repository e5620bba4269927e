"""The chart-download widget renders two buttons without rendering the image up front."""

from streamlit.testing.v1 import AppTest


def _app() -> None:
    import altair as alt
    import pandas as pd

    from tkpk.charts.tema import terapkan
    from tkpk.ui.gambar import tombol_gambar

    c = terapkan(alt.Chart(pd.DataFrame({"x": [1, 2], "y": [2, 3]})).mark_line().encode(x="x:Q", y="y:Q"))
    tombol_gambar(c, "uji", "BPS", True, key="g")


def test_two_download_buttons():
    at = AppTest.from_function(_app, default_timeout=60).run()
    assert not at.exception
    assert len(at.get("download_button")) == 2
