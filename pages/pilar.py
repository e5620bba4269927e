"""Kinerja pilar: Apakah setiap strategi menghasilkan output terukur di tempat yang tepat?"""

from tkpk.ui import chrome

chrome.halaman("Kinerja pilar", "Apakah setiap strategi menghasilkan output terukur di tempat yang tepat?")
chrome.belum_tersedia("kartu skor per pilar, OPD dan program")
