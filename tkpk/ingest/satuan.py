"""Units written in headers, read instead of ignored.

BPS publishes "Jumlah Penduduk Miskin (ribu jiwa)" and budget tables say "Pagu (juta rupiah)": a unit in a header
changes what every number under it means. ``ribu``, ``juta`` and ``miliar`` scale the column; ``%`` or ``persen``
marks a share; ``Rp``/``rupiah`` marks an amount of money. A unit that cannot fit the column (a share where an amount
or a count belongs, a scale on a share) refuses the file: converting a share into rupiah would need a figure the
file does not give, and a guess on the projector is the worst failure this product can have.

Every value column has a kind (:data:`JENIS_NILAI`): ``jumlah`` (whole counts of people, households, houses),
``keluaran`` (output volumes, may be fractional: 2,5 km), ``rupiah``, ``persen`` (0–100) or ``indeks`` (P1, P2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from tkpk import katalog

SKALA = {"ribu": 1_000, "ribuan": 1_000, "rb": 1_000, "000": 1_000, "juta": 1_000_000, "jt": 1_000_000,
         "jutaan": 1_000_000, "miliar": 1_000_000_000, "milyar": 1_000_000_000}
NAMA_SKALA = {1_000: "ribu", 1_000_000: "juta", 1_000_000_000: "miliar"}
_RUPIAH = {"rp", "rupiah"}
_PERSEN = {"%", "persen", "persentase", "pct"}
# Words that may trail a header as its unit ("Pagu dalam juta rupiah", "Realisasi persen"); removed only when the
# header is not known with them, so "Jumlah KK" keeps its KK.
KATA_SATUAN = {*SKALA, *_RUPIAH, *_PERSEN, "dalam", "jiwa", "orang", "kk", "keluarga", "unit", "rumah"}

JENIS_NILAI: dict[str, str] = {
    # bps
    "p0": "persen", "p0_ekstrem": "persen", "penduduk_miskin": "jumlah", "penduduk_miskin_ekstrem": "jumlah",
    "garis_kemiskinan": "rupiah", "p1": "indeks", "p2": "indeks",
    # intervensi
    "pagu": "rupiah", "realisasi": "rupiah", "target_output": "keluaran", "capaian_output": "keluaran",
    "target_penerima": "jumlah", "penerima": "jumlah",
    # indikator (wide columns are catalogue codes; all stored indicators are counts)
    **{i.kode: ("persen" if i.satuan == "%" else "jumlah") for i in katalog.INDIKATOR},
}
LABEL_JENIS = {"jumlah": "jumlah (bilangan bulat, mis. jiwa atau KK)", "keluaran": "volume keluaran",
               "rupiah": "rupiah", "persen": "persentase (0–100)", "indeks": "indeks"}


def jenis_indikator(kode: str) -> str:
    """Kind of a target's or a long-form row's value, from the indicator it names."""
    if kode in katalog.INDIKATOR_BPS_BY_KODE or kode in ("p0_ekstrem", "penduduk_miskin_ekstrem"):
        return JENIS_NILAI.get(kode, "indeks")
    return JENIS_NILAI.get(kode, "jumlah")


@dataclass(frozen=True)
class Satuan:
    """The unit a header states: scale factor, share or money marker, and the words as written."""

    faktor: int = 1
    persen: bool = False
    rupiah: bool = False
    teks: str = ""

    @property
    def kosong(self) -> bool:
        return self.faktor == 1 and not self.persen and not self.rupiah

    def catatan(self, judul: str) -> str:
        """``kolom "X" dibaca dalam ribu jiwa, dikali 1.000``."""
        kali = f"{self.faktor:,}".replace(",", ".")
        return f'Kolom "{judul}" dibaca dalam {self.teks or NAMA_SKALA[self.faktor]}, dikali {kali}'


def _kata(teks: str) -> list[str]:
    return re.findall(r"%|[a-z0-9]+", teks.lower())


def baca_satuan(judul: str) -> tuple[str, Satuan]:
    """(header without its bracketed parts, unit). Units are read from brackets ("(ribu jiwa)", "[Rp]") and from a
    "%" anywhere; unit words outside brackets are handled by :func:`tanpa_satuan_akhir`."""
    dalam = " ".join(a or b for a, b in re.findall(r"\(([^)]*)\)|\[([^\]]*)\]", judul))
    kata = _kata(dalam)
    faktor = next((SKALA[k] for k in kata if k in SKALA), 1)
    persen = "%" in judul or any(k in _PERSEN for k in kata)
    rupiah = any(k in _RUPIAH for k in kata)
    if faktor == 1:
        teks = dalam.strip()
    elif all(k in SKALA or k in _RUPIAH for k in kata):  # "(Rp 000)", "(juta Rp)"
        teks = NAMA_SKALA[faktor] + (" rupiah" if rupiah else "")
    else:
        teks = " ".join(k for k in dalam.lower().split() if k != "dalam")
    sisa = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", judul)
    return sisa, Satuan(faktor, persen, rupiah, teks)


def tanpa_satuan_akhir(judul: str) -> tuple[str, Satuan] | None:
    """"Pagu dalam juta rupiah" -> ("Pagu", juta rupiah); ``None`` when no unit word trails the header."""
    kata = re.findall(r"%|[^\s%]+", re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", judul))
    buang = 0
    while buang < len(kata) - 1 and re.sub(r"[^a-z0-9%]", "", kata[-1 - buang].lower()) in KATA_SATUAN:
        buang += 1
    if buang == 0:
        return None
    inti, ekor = " ".join(kata[:-buang]), " ".join(kata[-buang:])
    _, satuan = baca_satuan(f"{inti} ({ekor})")
    return inti, satuan


def galat_judul(satuan: Satuan, jenis: str, nama: str) -> str | None:
    """Why a header's unit cannot fit the column's kind, or ``None``."""
    label = LABEL_JENIS.get(jenis, jenis)
    if satuan.persen and jenis != "persen":
        saran = (" Isi nilai rupiahnya (persentase serapan dihitung otomatis dari realisasi dan pagu)"
                 if jenis == "rupiah" else " Untuk persentase penduduk miskin gunakan kolom p0"
                 if nama.startswith("penduduk_miskin") else "")
        return f"berisi persentase, padahal {nama} diisi {label}; persentase tidak dikonversi.{saran}"
    if satuan.rupiah and jenis not in ("rupiah",):
        return f"bersatuan rupiah, padahal {nama} diisi {label}"
    if satuan.faktor != 1 and jenis in ("persen", "indeks"):
        return f"berskala {NAMA_SKALA[satuan.faktor]}, padahal {nama} adalah {label} yang tidak diskalakan"
    return None


def galat_sel(persen: bool, rupiah: bool, jenis: str) -> str | None:
    """Why a cell's own unit ("12%", "Rp5.000") cannot fit the column's kind, or ``None``."""
    if persen and jenis != "persen":
        return f"adalah persentase, padahal kolom ini berisi {LABEL_JENIS.get(jenis, jenis)}"
    if rupiah and jenis != "rupiah":
        return f"bertanda Rp, padahal kolom ini berisi {LABEL_JENIS.get(jenis, jenis)}"
    return None


def skala(nilai: np.ndarray | float, faktor: int) -> np.ndarray | float:
    """``nilai × faktor`` without binary noise (14,46 ribu = 14460 exactly); the row path and the column path use
    this same function, so both give the same number."""
    if faktor == 1:
        return nilai
    return np.round(np.asarray(nilai, dtype=float) * faktor, 6) if isinstance(nilai, np.ndarray) else \
        float(np.round(np.float64(nilai) * faktor, 6))
