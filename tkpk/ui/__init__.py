"""Streamlit glue: the only part of ``tkpk`` that may import streamlit."""
