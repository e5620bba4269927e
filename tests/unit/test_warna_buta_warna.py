"""Colour-blind safety of the palettes that carry meaning: simulated deuteranopia and protanopia (Machado, Oliveira
& Fernandes 2009, severity 1, applied in linear sRGB) and CIEDE2000 distances (CIELAB, D65).

Thresholds (stated here, asserted below), for normal vision and both simulations:

- categories that stand for different things (status lamps, the quadrant's pocket kinds, map outlines, hollow
  sample against filled real markers, the print map's pocket fill): every pair ΔE00 ≥ 10, clearly apart at a
  glance (1 is a just-noticeable difference);
- neighbouring classes of a sequential map scale (and each class against the two greys, "tidak ada data" and a
  hidden small cell), and each outline against every fill it is drawn over: ΔE00 ≥ 7. Adjacent classes of one hue
  cannot all be 10 apart when seven of them must fit between near-white and dark red.

The status lamps, outlines and sample markers also differ in shape, width or dash, so colour is never the only cue.
"""

from __future__ import annotations

import itertools
import math

import pytest

from tkpk.charts import idm, kecil, peta, peta_cetak, tema
from tkpk.peta import klasifikasi
from tkpk.pilar.status import Status

MACHADO = {
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
}
PENGLIHATAN = [None, "deuteranopia", "protanopia"]
AMBANG_KATEGORI = 10.0
AMBANG_KELAS = 7.0


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _srgb(c: float) -> float:
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def _rgb(h: str) -> tuple[float, float, float]:
    h = h.lstrip("#")[:6]
    return int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255


def simulasi(h: str, jenis: str | None) -> tuple[float, ...]:
    """sRGB (0..1) as seen with ``jenis`` (None: normal vision)."""
    if jenis is None:
        return _rgb(h)
    lin = [_linear(c) for c in _rgb(h)]
    m = MACHADO[jenis]
    return tuple(_srgb(min(1.0, max(0.0, sum(m[i][j] * lin[j] for j in range(3))))) for i in range(3))


def lab(rgb: tuple[float, ...]) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in rgb)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def ciede2000(p: tuple[float, float, float], q: tuple[float, float, float]) -> float:
    """CIEDE2000 (Sharma, Wu & Dalal 2005), kL = kC = kH = 1."""
    (l1, a1, b1), (l2, a2, b2) = p, q
    cb = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(cb ** 7 / (cb ** 7 + 25 ** 7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1, h2 = math.degrees(math.atan2(b1, a1)) % 360, math.degrees(math.atan2(b2, a2)) % 360
    dl, dc = l2 - l1, c2 - c1
    if c1 * c2 == 0:
        dh = 0.0
    elif abs(h2 - h1) <= 180:
        dh = h2 - h1
    else:
        dh = h2 - h1 - 360 if h2 - h1 > 180 else h2 - h1 + 360
    dhh = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    lb, cbp = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        hb = h1 + h2
    elif abs(h1 - h2) <= 180:
        hb = (h1 + h2) / 2
    else:
        hb = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hb - 30)) + 0.24 * math.cos(math.radians(2 * hb))
         + 0.32 * math.cos(math.radians(3 * hb + 6)) - 0.20 * math.cos(math.radians(4 * hb - 63)))
    dth = 30 * math.exp(-(((hb - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cbp ** 7 / (cbp ** 7 + 25 ** 7))
    sl = 1 + 0.015 * (lb - 50) ** 2 / math.sqrt(20 + (lb - 50) ** 2)
    sc, sh = 1 + 0.045 * cbp, 1 + 0.015 * cbp * t
    rt = -math.sin(math.radians(2 * dth)) * rc
    return math.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dhh / sh) ** 2 + rt * (dc / sc) * (dhh / sh))


def jarak(a: str, b: str, jenis: str | None) -> float:
    return ciede2000(lab(simulasi(a, jenis)), lab(simulasi(b, jenis)))


def terdekat(pasangan: list[tuple[str, str]]) -> tuple[float, str, str, str]:
    """(distance, colour, colour, vision) of the closest pair over all three kinds of vision."""
    return min((jarak(a, b, j), a, b, j or "normal") for a, b in pasangan for j in PENGLIHATAN)


def test_ciede2000_matches_sharma_reference_pairs() -> None:
    # Sharma, Wu & Dalal (2005), table 1, pairs 1 and 17
    assert ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492, abs=1e-4)


def test_machado_keeps_grey_grey() -> None:
    for j in MACHADO:
        r, g, b = simulasi("#777777", j)
        assert max(r, g, b) - min(r, g, b) < 0.02


def test_status_lamps_apart() -> None:
    warna = [s.warna for s in Status]
    d = terdekat(list(itertools.combinations(warna, 2)))
    assert d[0] >= AMBANG_KATEGORI, d


@pytest.mark.parametrize("k", sorted(klasifikasi._ORRD))
def test_map_classes_neighbours_apart(k: int) -> None:
    kelas = klasifikasi._ORRD[k]
    abu = [klasifikasi.WARNA_TANPA_DATA, peta.WARNA_SAMAR]
    pasangan = list(itertools.pairwise(kelas)) + [(c, g) for c in kelas for g in abu] + [tuple(abu)]
    d = terdekat(pasangan)
    assert d[0] >= AMBANG_KELAS, d


def test_map_outlines_apart_and_visible_on_every_fill() -> None:
    garis = [peta.WARNA_KANTONG, peta.WARNA_TERPILIH, idm.WARNA_IDM, "#4d4d4d"]  # pockets, selected, IDM, kecamatan
    assert terdekat(list(itertools.combinations(garis, 2)))[0] >= AMBANG_KATEGORI
    isi = sorted({c for k in klasifikasi._ORRD.values() for c in k}
                 | {klasifikasi.WARNA_TANPA_DATA, peta.WARNA_SAMAR})
    d = terdekat([(g, c) for g in garis for c in isi])
    assert d[0] >= AMBANG_KELAS, d


def test_quadrant_kinds_apart() -> None:
    assert terdekat(list(itertools.combinations(peta.WARNA_KUADRAN.values(), 2)))[0] >= AMBANG_KATEGORI


def test_sample_and_real_markers_apart() -> None:
    # hollow (white) = sample year, filled = real, in each chart that splices both
    pasangan = [("#ffffff", tema.WARNA_PROVINSI), ("#ffffff", tema.OKABE_ITO[3]),
                (peta_cetak.WARNA_KANTONG, peta_cetak.WARNA_BUKAN), (tema.WARNA_BANJAR, tema.WARNA_PROVINSI)]
    assert kecil.WARNA_SOROT == tema.WARNA_BANJAR
    assert terdekat(pasangan)[0] >= AMBANG_KATEGORI


def _campur(a: str, b: str, t: float) -> str:
    """A colour between two stops (sRGB, as a scale interpolates them), as hex."""
    ra, rb = _rgb(a), _rgb(b)
    return "#" + "".join(f"{round(255 * (x + (y - x) * t)):02x}" for x, y in zip(ra, rb, strict=True))


@pytest.mark.parametrize("lebih_buruk", [True, False], ids=["naik_buruk", "turun_buruk"])
def test_kalsel_scales_apart_from_no_data(lebih_buruk: bool) -> None:
    """Review finding (issue 17): the Kalsel map's Vega ``blues`` starts at #cfe1f2, 8,2–9,0 from the no-data grey.
    Every colour of both Kalsel scales (their stops and the colours between them) is ΔE00 ≥ 10 from that grey."""
    import geopandas as gpd
    from shapely.geometry import box

    from tkpk.charts.kalsel import peta_kalsel

    gdf = gpd.GeoDataFrame({"kode_wilayah": ["63.03", "63.06"], "label": ["Banjar", "HSS"], "nilai": [1.0, None],
                            "nilai_teks": ["1", "tidak ada data"], "sumber_ringkas": ["BPS", "–"],
                            "peringkat_teks": ["–", "–"], "banjar": [True, False]},
                           geometry=[box(114.5, -3.7, 115.5, -2.8), box(114.9, -2.9, 115.6, -2.5)], crs="EPSG:4326")
    spec = peta_kalsel(gdf, judul="x", satuan="%", lebih_tinggi_lebih_buruk=lebih_buruk).to_dict()
    skala = spec["layer"][0]["encoding"]["color"]["scale"]
    assert "scheme" not in skala and len(skala.get("range", [])) >= 3, skala
    henti = skala["range"]
    warna = [_campur(a, b, t / 8) for a, b in itertools.pairwise(henti) for t in range(9)]
    d = terdekat([(c, tema.WARNA_TANPA_DATA) for c in warna])
    assert d[0] >= AMBANG_KATEGORI, d
    # and the scale still reads light to dark (lightness alone carries the order)
    terang = [lab(_rgb(c))[0] for c in henti]
    assert terang == sorted(terang, reverse=True)
