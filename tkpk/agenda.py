"""The rakor agenda as a slideshow: which slides, in which order, for which year and indicator, and where we are.

Why pure and URL-shaped: the secretariat prepares the agenda before the meeting and sends the link; the
projector PC opens it and shows exactly that. So the whole state (slides, year, indicator, auto-advance
interval, screen size, current slide) round-trips through query parameters (:func:`dari_query` /
:func:`ke_query`), and a broken or hand-edited link falls back to defaults instead of failing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from tkpk.katalog import INDIKATOR_BPS_BY_KODE

HEADLINE, DUA_ANGKA, PETA, TERSENTUH = "headline", "dua_angka", "peta", "tersentuh"
PILAR = ("pilar1", "pilar2", "pilar3", "pilar4")
SLIDE: dict[str, str] = {
    HEADLINE: "Angka kemiskinan dan tren",
    DUA_ANGKA: "Dua angka kemiskinan",
    PETA: "Peta kantong kemiskinan",
    **{p: f"Kinerja pilar {p[-1]}" for p in PILAR},
    TERSENTUH: "Kantong belum tersentuh",
}
BAWAAN: tuple[str, ...] = (HEADLINE, DUA_ANGKA, PETA, *PILAR, TERSENTUH)
JEDA = (0, 15, 30, 60, 120)   # seconds; 0 = no auto-advance
LAYAR = (1080, 720)           # projector heights the charts are sized for
INDIKATOR_BAWAAN = "p0"


@dataclass(frozen=True)
class Agenda:
    slide: tuple[str, ...]
    tahun: int
    indikator: str = INDIKATOR_BAWAAN
    jeda: int = 0
    layar: int = 1080
    posisi: int = 0  # 0-based index into ``slide``

    @property
    def jumlah(self) -> int:
        return len(self.slide)

    @property
    def sekarang(self) -> str:
        return self.slide[self.posisi]

    @property
    def nomor(self) -> str:
        """``3 / 7``: what the corner of the slide shows."""
        return f"{self.posisi + 1} / {self.jumlah}"

    @property
    def judul(self) -> str:
        return SLIDE[self.sekarang]

    @property
    def pertama(self) -> bool:
        return self.posisi == 0

    @property
    def terakhir(self) -> bool:
        return self.posisi == self.jumlah - 1

    def maju(self, putar: bool = False) -> Agenda:
        """Next slide; at the end stay (buttons) or go back to the first (``putar``: auto-advance loops)."""
        if self.terakhir:
            return replace(self, posisi=0) if putar else self
        return replace(self, posisi=self.posisi + 1)

    def mundur(self) -> Agenda:
        return replace(self, posisi=max(0, self.posisi - 1))

    def ke(self, posisi: int) -> Agenda:
        return replace(self, posisi=min(max(0, posisi), self.jumlah - 1))


def _int(teks: str | None, bawaan: int) -> int:
    try:
        return int(str(teks).strip())
    except (TypeError, ValueError):
        return bawaan


def _satu(nilai: object) -> str | None:
    """A query value may come as a string or (AppTest, repeated keys) a list: take the last."""
    if isinstance(nilai, list):
        return str(nilai[-1]) if nilai else None
    return None if nilai is None else str(nilai)


def dari_query(q: Mapping[str, object], tahun_tersedia: Sequence[int]) -> Agenda:
    """Read an agenda from query parameters; unknown slides are dropped, out-of-range values fall back."""
    tahun_ok = sorted({int(t) for t in tahun_tersedia}, reverse=True)
    tahun_bawaan = tahun_ok[0] if tahun_ok else 0
    mentah = _satu(q.get("agenda"))
    slide = tuple(dict.fromkeys(s for s in (mentah or "").split(",") if s in SLIDE)) or BAWAAN
    tahun = _int(_satu(q.get("tahun")), tahun_bawaan)
    tahun = tahun if tahun in tahun_ok else tahun_bawaan
    indikator = _satu(q.get("indikator")) or INDIKATOR_BAWAAN
    indikator = indikator if indikator in INDIKATOR_BPS_BY_KODE else INDIKATOR_BAWAAN
    jeda = _int(_satu(q.get("jeda")), 0)
    jeda = jeda if jeda in JEDA else 0
    layar = _int(_satu(q.get("layar")), LAYAR[0])
    layar = layar if layar in LAYAR else LAYAR[0]
    posisi = _int(_satu(q.get("slide")), 1) - 1
    return Agenda(slide, tahun, indikator, jeda, layar).ke(posisi)


def ke_query(a: Agenda) -> dict[str, str]:
    """The agenda as query parameters (slide numbers 1-based, as people say them)."""
    return {"agenda": ",".join(a.slide), "tahun": str(a.tahun), "indikator": a.indikator, "jeda": str(a.jeda),
            "layar": str(a.layar), "slide": str(a.posisi + 1)}


def tautan(a: Agenda, dasar: str = "/presentasi") -> str:
    """A shareable relative link that reopens this agenda at this slide."""
    from urllib.parse import urlencode

    return f"{dasar}?{urlencode(ke_query(a))}"


def tinggi_grafik(a: Agenda, bagian: float) -> int:
    """Chart height in pixels as a share of the projector's height (the rest is title, figures and footer)."""
    return round(a.layar * bagian)
