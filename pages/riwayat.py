"""Riwayat data: Siapa memuat data apa, kapan?"""

from tkpk.ui import chrome

chrome.halaman("Riwayat data", "Siapa memuat data apa, kapan?")
chrome.belum_tersedia("daftar batch dan pembatalan")
