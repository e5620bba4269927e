import altair as alt
import pandas as pd

from tkpk.charts.tema import LOCALE_ID, OKABE_ITO, terapkan


def test_theme_carries_the_indonesian_locale_in_the_spec():
    chart = terapkan(alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_line().encode(x="x:Q", y="x:Q"))
    spec = chart.to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["locale"]["number"]["thousands"] == "."
    assert spec["config"]["locale"]["time"]["months"][2] == "Maret"
    assert spec["config"]["range"]["category"] == OKABE_ITO
    assert LOCALE_ID["number"]["currency"] == ["Rp", ""]


def test_projector_theme_is_larger():
    base = alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x:Q")
    normal = terapkan(base).to_dict()["config"]["title"]["fontSize"]
    besar = terapkan(base, besar=True).to_dict()["config"]["title"]["fontSize"]
    assert besar > normal >= 20
