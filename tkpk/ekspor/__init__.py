"""Exports for the rakor and the year-end report: chart images, the LP2KD/RPKD workbook, one-page PDF briefs.

No Streamlit here: the same code runs from the command line (``python -m tkpk export``) and behind the
dashboard's download buttons (:mod:`tkpk.ui.gambar`).
"""
