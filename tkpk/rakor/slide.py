"""What each rakor slide shows, as data: the tiles' labels and values, the lists, the footer lines, and the sizes
that depend on the projector (:attr:`tkpk.rakor.agenda.Agenda.layar`).

Why separate from the page: a slide is drawn by :mod:`tkpk.ui.presentasi`; every figure, fallback and sentence
on it is made here, pure, so it is tested without Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from tkpk import fmt
from tkpk.mutu_sumber import legenda, sebut
from tkpk.peta.sasaran import HasilSasaran
from tkpk.rakor.agenda import Agenda, tinggi_grafik
from tkpk.rakor.tahun import BahanTahun
from tkpk.tren.data import SeriBps
from tkpk.tren.dua_angka import DuaAngka
from tkpk.tren.ringkasan import NAMA_FIGUR, AngkaUtama, tahun_tersedia

__all__ = [
    "KAKI_PETA",
    "KAKI_PROGRAM_CONTOH",
    "KAKI_RAKOR",
    "Ubin",
    "besar",
    "daftar_kantong",
    "daftar_tersentuh",
    "kaki_angka_utama",
    "kaki_dua_angka",
    "kaki_tersentuh",
    "tahun_bps",
    "teks_aturan_kantong",
    "teks_belum_tersentuh",
    "tinggi_titik_opd",
    "ubin_angka_utama",
    "ubin_pilar",
]

KAKI_PETA = "indikator desa dari data sasaran (DTSEN/P3KE), proksi, bukan angka BPS"
KAKI_RAKOR = "keputusan rakor dicatat analis TKPK; saran status dari laporan intervensi OPD"
KAKI_PROGRAM_CONTOH = "laporan program/intervensi OPD"
_FIGUR_UBIN = ("penduduk_miskin", "garis_kemiskinan")  # the tiles beside P0; other figures are not on the slide


@dataclass(frozen=True)
class Ubin:
    """One metric tile: label, value, and optionally Streamlit's delta and a help text."""

    label: str
    nilai: str
    delta: str | None = None
    bantuan: str | None = None


def besar(a: Agenda) -> bool:
    """A 1920×1080 projector (else 1280×720, where units move into labels and lists get shorter)."""
    return a.layar >= 1080


def tahun_bps(seri: pd.DataFrame, tahun: int) -> int:
    """The BPS year the headline slide shows for the agenda's year: the newest not after it, or else the
    newest there is (BPS publishes a year later than the program data)."""
    semua = tahun_tersedia(seri)
    return ([t for t in semua if t <= tahun] or semua)[0]


def ubin_angka_utama(h: AngkaUtama, a: Agenda) -> list[Ubin]:
    """The four tiles of the headline slide, each figure with its own source marker."""
    tm, tg = h.penanda_figur("penduduk_miskin"), h.penanda_figur("garis_kemiskinan")
    p0 = Ubin(f"{h.penanda} P0 {h.tahun}".strip(), fmt.persen(h.p0), fmt.delta_metrik(h.perubahan_poin))
    if besar(a):
        tengah = [Ubin(f"{tm} Penduduk miskin".strip(), fmt.jiwa(h.penduduk_miskin)),
                  Ubin(f"{tg} Garis kemiskinan".strip(), fmt.rupiah(h.garis_kemiskinan))]
    else:  # a 1280×720 column holds ~7 characters at 64 px: the unit moves into the label
        tengah = [Ubin(f"{tm} Penduduk miskin (jiwa)".strip(), fmt.angka(h.penduduk_miskin)),
                  Ubin(f"{tg} Garis kemiskinan (Rp)".strip(), fmt.angka(h.garis_kemiskinan),
                       bantuan="Rupiah per kapita per bulan.")]
    # A rank with fewer than 5 kab/kota to compare says nothing: the tile then says so instead of "1 dari 1".
    peringkat = Ubin("Peringkat Kalsel", h.peringkat_singkat if h.peringkat is not None else "–",
                     bantuan="1 = P0 terendah di antara kab/kota yang datanya tersedia (minimal 5)")
    return [p0, *tengah, peringkat]


def kaki_angka_utama(h: AngkaUtama, s: SeriBps) -> str:
    """The headline slide's source line: P0's source, the other tiles' own sources, the markers shown."""
    tanda = legenda({h.jenis(f) for f in ("p0", *_FIGUR_UBIN) if getattr(h, f) is not None}
                    | set(s.data.loc[s.data["nilai"].notna(), "jenis_sumber"].dropna()))
    lain = "".join(f"; {', '.join(NAMA_FIGUR[f] for f in fs if f in _FIGUR_UBIN)}: {sebut(sumber, jenis, 90)}"
                   for fs, sumber, jenis in h.sumber_lain if set(fs) & set(_FIGUR_UBIN))
    return f"{h.sumber_teks} ({h.tahun}){lain}; {tanda + '; ' if tanda else ''}sumber tiap tahun di halaman Tren"


def kaki_dua_angka(d: DuaAngka) -> str:
    return (f"Susenas {d.tahun}: {d.sumber_bps_teks}; register: Satu Data Kabupaten Banjar dan SIKS-NG "
            f"(dikutip media); {legenda({*d.jenis_bps, 'register'})}")


def _kecamatan(b: BahanTahun, kode: pd.Series) -> pd.Series:
    return kode.map(b.desa.set_index("kode")["nama_kecamatan"])


def _persen1(x: float | None) -> str:
    return fmt.persen(x, 1)


def _angka1(x: float | None) -> str:
    return fmt.angka(x, 1)


def daftar_kantong(b: BahanTahun, a: Agenda) -> tuple[pd.DataFrame, int]:
    """The pocket slide's list (worst first, as many rows as the projector holds) and how many more there are."""
    k = b.kantong_desa.kantong()
    n = 9 if besar(a) else 5
    daftar = pd.DataFrame({"#": k["peringkat"].head(n).astype(int), "Desa": k["nama"].head(n),
                           "Kecamatan": _kecamatan(b, k["kode"].head(n)),
                           "% desil 1–4": k["persen"].head(n).map(_persen1),
                           "Jiwa desil 1–4": k["jumlah"].head(n).map(fmt.angka)})
    return daftar, max(0, len(k) - n)


def teks_aturan_kantong(b: BahanTahun) -> str:
    return (f"**Aturan:** kelas teratas % penduduk desil 1–4 **dan** kelas teratas jumlah jiwa desil 1–4 "
            f"(di atas {fmt.persen(b.kantong_desa.ambang_persen, 1)} dan "
            f"{fmt.angka(b.kantong_desa.ambang_jumlah)} jiwa).")


def tinggi_titik_opd(a: Agenda, sampel: bool) -> int:
    """Height of the pillar slide's OPD chart: at 1280×720 the sample label takes room from it."""
    return tinggi_grafik(a, 0.42 if besar(a) else (0.22 if sampel else 0.3))


def ubin_pilar(r: pd.Series, a: Agenda) -> list[Ubin]:
    """The four tiles of a pillar slide (``r``: the pillar's row of :attr:`BahanTahun.skor_pilar`)."""
    return [Ubin("Pagu", fmt.rupiah_ringkas(r["pagu"], pendek=not besar(a))),
            Ubin("Serapan anggaran", fmt.persen(r["serapan_pct"], 1)),
            Ubin("Capaian output", fmt.persen(r["capaian_pct"], 1)),
            Ubin("OPD melapor", f"{int(r['opd_melapor'])} dari {int(r['opd_diharapkan'])}")]


def teks_belum_tersentuh(s: HasilSasaran) -> str:
    return (f"Belum tersentuh = kantong tanpa intervensi, atau di bawah {fmt.angka(s.fraksi_median * 100)}% "
            f"median ({fmt.angka(s.ambang_rasio, 2)} intervensi per 1.000 jiwa desil 1–4).")


def _status(belum: bool) -> str:
    return "■ BELUM TERSENTUH" if belum else "tersentuh"


def daftar_tersentuh(b: BahanTahun, a: Agenda) -> pd.DataFrame:
    """The pockets with the fewest interventions per need (most in need first among equals)."""
    t = b.sasaran.tabel
    t = t[t["termasuk_kantong"]].sort_values(["intervensi_per_1000", "kebutuhan"], ascending=[True, False])
    n = 10 if besar(a) else 6
    return pd.DataFrame({
        "Desa kantong": t["nama"].head(n), "Kecamatan": _kecamatan(b, t["kode"].head(n)),
        "Jiwa desil 1–4": t["kebutuhan"].head(n).map(fmt.angka),
        "Intervensi": t["jumlah_intervensi"].head(n).map(fmt.angka),
        "Per 1.000 jiwa": t["intervensi_per_1000"].head(n).map(_angka1),
        "Status": t["belum_tersentuh"].head(n).map(_status),
    })


def kaki_tersentuh(b: BahanTahun) -> str:
    return "intervensi OPD tahun " + str(b.tahun) + " dibanding jiwa desil 1–4 (register DTSEN, bukan BPS)"
