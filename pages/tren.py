"""Tren kemiskinan: Bagaimana tren kemiskinan Banjar dibanding provinsi dan kab/kota lain?"""

from tkpk.ui import chrome

chrome.halaman("Tren kemiskinan", "Bagaimana tren kemiskinan Banjar dibanding provinsi dan kab/kota lain?")
chrome.belum_tersedia("grafik tren BPS, peta Kalsel dan tren per kecamatan")
