"""Unggah data: Unggah berkas CSV/XLSX dari OPD"""

from tkpk.ui import chrome

chrome.halaman("Unggah data", "Unggah berkas CSV/XLSX dari OPD")
chrome.belum_tersedia("unggah, validasi, pratinjau dan simpan data")
