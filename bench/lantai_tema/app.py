"""The browser floor (issue 17): what any two-page Streamlit app in the project's theme costs a browser to show,
so each page's time can be read as a multiple of it. Served from the project root, so `.streamlit/config.toml`
(theme, offline settings) applies as it does to the app."""

import streamlit as st

st.set_page_config(page_title="Lantai", page_icon="📊", layout="wide")
st.navigation([st.Page("satu.py", title="Satu", default=True, url_path="satu"),
               st.Page("dua.py", title="Dua", url_path="dua")]).run()
