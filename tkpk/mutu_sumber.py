"""What kind of source a figure has, said the same way on every screen and in every file.

Why one module: a figure quoted by a Bupati in a speech and a figure read from a BPS release look the same on a
projector unless the dashboard says otherwise. So every place that names a source asks here: only ``bps`` rows
are introduced as "BPS"; every other kind gets a visible marker and its short label, and the Indonesian conflict
note stored with the row (``[catatan: …]`` at the end of its ``sumber``) travels with it.
"""

from __future__ import annotations

import re

import pandas as pd

from tkpk import SUMBER_CONTOH
from tkpk.katalog import JENIS_SUMBER

# Short labels for a source line; the catalogue's JENIS_SUMBER holds the long definitions.
LABEL: dict[str, str] = {
    "bps": "BPS",
    "media_bps": "angka BPS dikutip media",
    "kutipan_pejabat": "dikutip pejabat, bukan dari tabel BPS",
    "dokumen_resmi": "dokumen resmi",
    "register": "register sosial, bukan angka BPS",
    "instansi": "data instansi",
    "unggahan": "unggahan analis",
    "contoh": SUMBER_CONTOH,
    "turunan": "turunan beberapa sumber",
}
# Markers that survive a black-and-white printout and a projector: shapes, not colours.
PENANDA: dict[str, str] = {
    "bps": "",
    "media_bps": "◆",
    "kutipan_pejabat": "▲",
    "dokumen_resmi": "§",
    "register": "■",
    "instansi": "□",
    "unggahan": "●",
    "contoh": "⚠",
    "turunan": "◇",
}
TIDAK_DIKETAHUI = "jenis sumber tidak dicatat"
_CATATAN = re.compile(r"\[catatan:\s*([^\]]+)\]")
_POTONG = re.compile(r"\s\||\shttps?://|\s\[")


def _jenis(jenis: object) -> str | None:
    return jenis if isinstance(jenis, str) and jenis in JENIS_SUMBER else None


def resmi_bps(jenis: object) -> bool:
    """True only for figures read from BPS's own table or release."""
    return _jenis(jenis) == "bps"


def label(jenis: object) -> str:
    """"BPS", "angka BPS dikutip media", ... or a plain statement that the kind was not recorded."""
    j = _jenis(jenis)
    return LABEL[j] if j else TIDAK_DIKETAHUI


def label_target(jenis: object) -> str:
    """The kind of a target's source, said without BPS words (a target is not a BPS figure)."""
    j = _jenis(jenis)
    return {"kutipan_pejabat": "dikutip pejabat", "media_bps": "dikutip media"}.get(j or "", label(j))


def penanda(jenis: object) -> str:
    """The marker shown beside a figure ("" for BPS itself, "⚠" where nothing is known)."""
    j = _jenis(jenis)
    return PENANDA[j] if j else "⚠"


def catatan(sumber: object) -> list[str]:
    """The Indonesian conflict or soft-spot notes stored with a row (``[catatan: …]``), in order."""
    if not isinstance(sumber, str):
        return []
    return [c.strip() for c in _CATATAN.findall(sumber)]


def tanpa_catatan(sumber: object) -> str:
    """The source text without its ``[catatan: …]`` notes (they are shown on their own line)."""
    return _CATATAN.sub("", sumber).strip() if isinstance(sumber, str) else ""


def inti(sumber: object, batas: int = 90) -> str:
    """The first clause of a source note without URLs or bracketed notes, short enough for a tooltip."""
    if not isinstance(sumber, str) or not sumber.strip():
        return ""
    if sumber.startswith(SUMBER_CONTOH):
        return SUMBER_CONTOH
    pertama = _POTONG.split(sumber, maxsplit=1)[0].strip(" ,;")
    return pertama if len(pertama) <= batas else pertama[: batas - 1].rstrip() + "…"


def sebut(sumber: object, jenis: object, batas: int = 90, *, dengan_penanda: bool = True) -> str:
    """One source line: ``BPS: …`` for BPS, otherwise ``◆ angka BPS dikutip media: …`` (marker, kind, source);
    ``dengan_penanda=False`` for print in a core font that has no such symbols (the kind is then said in words)."""
    j = _jenis(jenis)
    asal = inti(sumber, batas)
    if j == "contoh" or asal == SUMBER_CONTOH:
        return SUMBER_CONTOH
    if j == "bps":
        return f"BPS: {asal}" if asal else "BPS"
    kepala = f"{penanda(j) if dengan_penanda else ''} {label(j)}".strip()
    return f"{kepala}: {asal}" if asal else kepala


def keterangan(jenis: object, sumber: object) -> str:
    """A sentence for under a headline figure: what kind of source it is and its conflict notes, if any."""
    j = _jenis(jenis)
    if j == "bps":
        teks = f"{inti(sumber, 160)} (publikasi BPS)."  # the caller's "Sumber:" label precedes it
    else:
        teks = f"{penanda(j)} {JENIS_SUMBER.get(j or '', TIDAK_DIKETAHUI)}: {inti(sumber, 160)}."
    notes = catatan(sumber)
    if notes:
        teks += " Catatan: " + " ".join(notes)
    return teks


def kolom_jenis(df: pd.DataFrame, kolom: str = "jenis_sumber") -> pd.Series:
    """The ``Jenis sumber`` column of a download or workbook sheet: the short label of each row's kind."""
    if kolom not in df.columns:
        return pd.Series(TIDAK_DIKETAHUI, index=df.index)
    return df[kolom].map(label)


def legenda(jenis: list[object] | set[object]) -> str:
    """One line explaining the markers that appear on a chart or table ("◆ = angka BPS dikutip media; …")."""
    bagian = [f"{PENANDA[j]} = {LABEL[j]}" for j in JENIS_SUMBER
              if j in {x for x in jenis if isinstance(x, str)} and PENANDA[j]]
    return "; ".join(bagian)
