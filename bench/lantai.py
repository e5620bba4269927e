"""The floor page: only a title. Its warm rerun is what Streamlit itself costs per interaction here."""

import streamlit as st

st.title("Lantai")
