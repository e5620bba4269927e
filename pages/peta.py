"""Peta kantong kemiskinan: Di mana kantong kemiskinan, mengapa, dan apakah program menjangkaunya?"""

from tkpk.ui import chrome

chrome.halaman("Peta kantong kemiskinan", "Di mana kantong kemiskinan, mengapa, dan apakah program menjangkaunya?")
chrome.belum_tersedia("peta koroplet kecamatan/desa dan aturan kantong kemiskinan")
