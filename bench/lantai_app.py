"""The floor app: the same page config and st.navigation as app.py, around a title-only page, so the ratio
page/floor measures the page's own work and not the navigation machinery both share."""

import streamlit as st

st.set_page_config(page_title="Lantai", page_icon="📊", layout="wide")
st.navigation([st.Page("lantai.py", title="Lantai", default=True)]).run()
