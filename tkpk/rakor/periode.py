"""Reporting periods of a year: quarters, their last day and their reporting deadline.

Why one module: the follow-up suggestion (what was delivered since a meeting, by a deadline), the plan status (is
the year over?) and the award ranking (was a report on time?) must agree on when a period ends and when its report
is due. A report without a quarter is a year report and counts as the fourth quarter.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

BATAS_LAPOR_HARI = 15


def triwulan_dari(tanggal: date) -> int:
    return (tanggal.month - 1) // 3 + 1


def triwulan_periode(triwulan: object) -> int:
    """1–4; a year report (no quarter) is the fourth quarter."""
    return 4 if triwulan is None or pd.isna(triwulan) else int(triwulan)  # type: ignore[arg-type]


def akhir_periode(tahun: int, triwulan: object) -> date:
    """The last day of a quarter (of the year for a year report)."""
    q = triwulan_periode(triwulan)
    return (date(tahun + 1, 1, 1) if q == 4 else date(tahun, 3 * q + 1, 1)) - timedelta(days=1)


def batas_lapor(tahun: int, triwulan: object) -> date:
    """The deadline of a period: :data:`BATAS_LAPOR_HARI` days after the quarter's end (the year's end without one)."""
    return akhir_periode(tahun, triwulan) + timedelta(days=BATAS_LAPOR_HARI)


def tahun_ditutup(tahun: int, hari_ini: date) -> bool:
    """True once the deadline of the year's last report has passed: a plan not met by then is not met."""
    return hari_ini > batas_lapor(tahun, 4)
