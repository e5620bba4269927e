"""The second page of the floor app: only a title."""

import streamlit as st

st.title("Dua")
