"""Domain package of the TKPK Kabupaten Banjar dashboard.

Everything except :mod:`tkpk.ui` is free of Streamlit so it can be used from the CLI, tests and benchmarks.
"""

SUMBER_CONTOH = "DATA CONTOH (sintetis)"
KODE_PROVINSI = "63"
KODE_BANJAR = "63.03"

__all__ = ["KODE_BANJAR", "KODE_PROVINSI", "SUMBER_CONTOH"]
