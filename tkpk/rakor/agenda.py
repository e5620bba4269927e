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

# The headline slide keeps the key "headline" in links (?agenda=headline,...) shared before it was renamed in code.
ANGKA_UTAMA, DUA_ANGKA, PETA, TERSENTUH = "headline", "dua_angka", "peta", "tersentuh"
TINDAK_LANJUT, KEPUTUSAN = "tindaklanjut", "keputusan"
PILAR = ("pilar1", "pilar2", "pilar3", "pilar4")
SLIDE: dict[str, str] = {
    ANGKA_UTAMA: "Angka kemiskinan dan tren",
    TINDAK_LANJUT: "Tindak lanjut rakor sebelumnya",
    DUA_ANGKA: "Dua angka kemiskinan",
    PETA: "Peta kantong kemiskinan",
    **{p: f"Kinerja pilar {p[-1]}" for p in PILAR},
    TERSENTUH: "Kantong belum tersentuh",
    KEPUTUSAN: "Keputusan rakor",
}
# The meeting opens on what happened to the last one's decisions, and closes by recording its own.
BAWAAN: tuple[str, ...] = (ANGKA_UTAMA, TINDAK_LANJUT, DUA_ANGKA, PETA, *PILAR, TERSENTUH, KEPUTUSAN)
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
    posisi: int = 0  # 0-based index into the deck (:attr:`dek`): the follow-up may take several slides
    rakor: int | None = None  # the rakor on the agenda; None = the latest by date
    halaman_tl: int = 1  # slides the follow-up takes (:func:`tkpk.rakor.halaman.bagi`, from its decisions)

    @property
    def dek(self) -> tuple[tuple[str, int], ...]:
        """The slides as shown, (slide, page): the follow-up repeated once per page, so next/previous reach all."""
        return tuple((s, k) for s in self.slide
                     for k in (range(1, self.halaman_tl + 1) if s == TINDAK_LANJUT else (1,)))

    @property
    def jumlah(self) -> int:
        return len(self.dek)

    @property
    def sekarang(self) -> str:
        return self.dek[self.posisi][0]

    @property
    def halaman(self) -> int:
        """The page of the current slide (1 unless the follow-up is split)."""
        return self.dek[self.posisi][1]

    @property
    def nomor(self) -> str:
        """``3 / 7``: what the corner of the slide shows."""
        return f"{self.posisi + 1} / {self.jumlah}"

    @property
    def judul(self) -> str:
        if self.sekarang == TINDAK_LANJUT and self.halaman_tl > 1:
            return f"{SLIDE[self.sekarang]} ({self.halaman}/{self.halaman_tl})"
        return SLIDE[self.sekarang]

    def dengan_halaman_tl(self, n: int) -> Agenda:
        """The same agenda with the follow-up split in ``n`` slides, staying on the slide shown (the last follow-up
        page when the current page no longer exists)."""
        n = max(1, int(n))
        if n == self.halaman_tl:
            return self
        slide, k = self.dek[self.posisi]
        baru = replace(self, halaman_tl=n, posisi=0)
        return replace(baru, posisi=baru.dek.index((slide, min(k, n) if slide == TINDAK_LANJUT else 1)))

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


def dari_query(q: Mapping[str, object], tahun_tersedia: Sequence[int], halaman_tl: int = 1) -> Agenda:
    """Read an agenda from query parameters; unknown slides are dropped, out-of-range values fall back. The slide
    number counts the follow-up's ``halaman_tl`` pages."""
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
    rakor = _int(_satu(q.get("rakor")), 0) or None
    return Agenda(slide, tahun, indikator, jeda, layar, rakor=rakor, halaman_tl=max(1, halaman_tl)).ke(posisi)


def ke_query(a: Agenda) -> dict[str, str]:
    """The agenda as query parameters (slide numbers 1-based, as people say them)."""
    q = {"agenda": ",".join(a.slide), "tahun": str(a.tahun), "indikator": a.indikator, "jeda": str(a.jeda),
         "layar": str(a.layar), "slide": str(a.posisi + 1)}
    if a.rakor is not None:
        q["rakor"] = str(a.rakor)
    return q


def tautan(a: Agenda, dasar: str = "/presentasi") -> str:
    """A shareable relative link that reopens this agenda at this slide."""
    from urllib.parse import urlencode

    return f"{dasar}?{urlencode(ke_query(a))}"


def nama_jeda(jeda: int) -> str:
    """The auto-advance choice as the secretariat reads it: "tidak", "setiap 30 detik"."""
    return "tidak" if jeda == 0 else f"setiap {jeda} detik"


def nama_layar(tinggi: int) -> str:
    """A projector height as its 16:9 size: 1080 → "1920×1080"."""
    return f"{round(tinggi * 16 / 9)}×{tinggi}"


def tinggi_grafik(a: Agenda, bagian: float) -> int:
    """Chart height in pixels as a share of the projector's height (the rest is title, figures and footer)."""
    return round(a.layar * bagian)
