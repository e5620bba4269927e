"""A sidebar select box, a title, one metric and one small Altair line chart."""

import altair as alt
import pandas as pd
import streamlit as st

tahun = st.sidebar.selectbox("Tahun", [2024, 2023, 2022])
st.title("Lantai")
st.metric("Persentase penduduk miskin", "2,36%", "-0,08 poin")
data = pd.DataFrame({"tahun": [2020, 2021, 2022, 2023, 2024], "p0": [2.68, 2.67, 2.55, 2.44, 2.36]})
st.altair_chart(alt.Chart(data).mark_line(point=True).encode(x="tahun:O", y="p0:Q").properties(height=220))
