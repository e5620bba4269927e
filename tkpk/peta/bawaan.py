"""The default rules, defined once: every page, slide, workbook, PDF and the CLI export read them from here.

Why a module of its own: the workbook once used 5 classes at kecamatan level while the map used 3, so the two
listed different pockets for the same year. Nothing else in the code base picks a number of classes, a pocket
rule, a targeting threshold or a status rule for the *default* view; a page may offer other choices, but what it
shows before anyone touches a widget is what these functions return, and so is every exported file.
"""

from __future__ import annotations

from tkpk.katalog import TINGKAT
from tkpk.peta.kantong import AturanKantong, AturanMoran

__all__ = ["FRAKSI_MEDIAN", "INDIKATOR", "K_KELAS", "SATUAN_KEBUTUHAN", "TINGKAT",
           "aturan_kantong", "aturan_moran"]

# Classes of the count × share rule per level: 20 kecamatan with 5 classes leave 4 per class and, in most years,
# nobody in the top class of both; 290 desa carry 5 classes (58 places each).
K_KELAS: dict[str, int] = {"kecamatan": 3, "desa": 5}
INDIKATOR = "persen_jiwa_desil_1_4"   # what the map shows first (a register share, not BPS)
SATUAN_KEBUTUHAN = "jiwa"            # targeting measured per 1.000 poor persons unless the user picks KK desil 1
FRAKSI_MEDIAN = 0.25                 # a pocket below 25% of the median interventions per 1.000 is "belum tersentuh"


def aturan_kantong(tingkat: str) -> AturanKantong:
    """The default pocket rule of a level: count × share, quantiles, :data:`K_KELAS` classes."""
    if tingkat not in K_KELAS:
        raise ValueError(f"tingkat harus 'kecamatan' atau 'desa', bukan {tingkat!r}.")
    return AturanKantong(k=K_KELAS[tingkat])


def aturan_moran() -> AturanMoran:
    """The default spatial rule: fuzzy contiguity, 9.999 permutations, FDR correction (see AturanMoran)."""
    return AturanMoran()
