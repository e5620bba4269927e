"""Pocket map in a real browser: the desa map renders as SVG, clicking a polygon opens that place's profile, the
kecamatan map writes the names, nothing is fetched from outside; screenshots are kept for looking at."""

import pytest

from tests.e2e.conftest import CHART, assert_projector_mode, shot, wait_for_app, wait_for_charts, wait_for_tab

pytestmark = pytest.mark.e2e

# The first point inside the first map whose topmost element is a filled polygon of the base layer.
JS_TITIK = """
() => {
  const svg = document.querySelector('[data-testid=stVegaLiteChart] svg.marks');
  const groups = svg.querySelectorAll('g.mark-shape');
  const paths = Array.from(groups[0].querySelectorAll('path'));
  for (let i = 0; i < paths.length; i += 7) {
    const r = paths[i].getBoundingClientRect();
    if (r.width < 12 || r.height < 12) continue;
    for (const [fx, fy] of [[0.5, 0.5], [0.4, 0.4], [0.6, 0.6], [0.5, 0.3], [0.3, 0.6]]) {
      const x = r.left + r.width * fx, y = r.top + r.height * fy;
      if (document.elementFromPoint(x, y) === paths[i]) return [x, y, i];
    }
  }
  return null;
}
"""


# The map is the first chart; it is drawn when its shapes hold a path per place (20 kecamatan, 290 desa).
JS_PETA_DIGAMBAR = """
n => {
  const svg = document.querySelector('[data-testid=stVegaLiteChart] svg.marks');
  return !!svg && svg.querySelectorAll('g.mark-shape path').length >= n;
}
"""


def _open(page, server: str, path: str) -> None:
    """Open ``path`` and wait until the map is drawn, not merely until its SVG exists."""
    page.goto(server + path)
    wait_for_app(page)
    n = 290 if "tingkat=desa" in path else 20
    page.wait_for_function(JS_PETA_DIGAMBAR, arg=n, timeout=45_000)
    wait_for_app(page)


def _teks_grafik(page, ada: tuple[str, ...]) -> str:
    """The text of every chart once all of ``ada`` are drawn (labels are drawn after the shapes)."""
    js = ("ada => { const t = Array.from(document.querySelectorAll('[data-testid=stVegaLiteChart] svg text'))"
          ".map(e => e.textContent).join('|'); return ada.every(a => t.includes(a)) ? t : null; }")
    return page.wait_for_function(js, arg=list(ada), timeout=30_000).json_value()


def test_desa_map_click_opens_profile(page, server):
    external = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith(server) else None)
    page.set_viewport_size({"width": 1600, "height": 1300})
    _open(page, server, "/peta?tingkat=desa&tahun=2024")
    page.get_by_text("Persentase penduduk desil 1–4 (DTSEN) per desa, 2024").wait_for(timeout=30_000)
    page.get_by_text("DATA CONTOH (sintetis)").first.wait_for(timeout=30_000)
    n_paths = page.locator(f"{CHART} svg.marks").first.locator("g.mark-shape path").count()
    assert n_paths >= 290, n_paths
    shot(page, "peta_desa_2024")
    titik = page.evaluate(JS_TITIK)
    assert titik is not None, "no clickable polygon found"
    page.mouse.click(titik[0], titik[1])
    wait_for_app(page)
    judul = page.locator("h3", has_text=", Kecamatan ")
    judul.first.wait_for(timeout=30_000)
    assert "tempat=63.03." in page.url
    page.get_by_text("Intervensi OPD 2024 di sini").wait_for(timeout=30_000)
    page.wait_for_timeout(800)
    shot(page, "peta_desa_profil")
    external = [u for u in external if not u.startswith(("data:", "blob:"))]
    assert external == [], f"the app fetched from outside: {external}"


def test_kecamatan_map_names_and_profile_from_link(page, server):
    page.set_viewport_size({"width": 1600, "height": 1300})
    _open(page, server, "/peta?tingkat=kecamatan&tahun=2024&tempat=63.03.17")
    page.locator("h3", has_text="Kecamatan Paramasan").wait_for(timeout=30_000)
    teks = _teks_grafik(page, ("Paramasan", "Martapura", "Aluh Aluh"))
    assert "Paramasan" in teks and "Martapura" in teks and "Aluh Aluh" in teks
    shot(page, "peta_kecamatan_2024")


def _tab(page, nama: str, judul: str) -> None:
    """Open one of the page's tabs; until its header shows and the other tab's stale elements are gone."""
    page.get_by_role("tab", name=nama).click()
    wait_for_tab(page, judul)


def test_map_page_in_projector_mode(page, server):
    """Each tab in projector mode: the map alone at first sight; the pockets with the quadrant; the ratio map."""
    page.set_viewport_size({"width": 1920, "height": 1080})
    _open(page, server, "/peta?tingkat=kecamatan&tahun=2024&mode=presentasi")
    assert_projector_mode(page)
    assert page.locator(CHART).count() == 1, "only the open tab's chart is drawn"
    shot(page, "peta_presentasi")
    _tab(page, "Kantong kemiskinan", "Kantong kemiskinan 2024")
    wait_for_charts(page, 1)  # the quadrant
    assert "bagian=Kantong" in page.url, page.url
    assert page.locator(CHART).count() == 1
    shot(page, "peta_presentasi_kantong")
    _tab(page, "Tepat sasaran", "Tepat sasaran 2024")
    page.wait_for_function(JS_PETA_DIGAMBAR, arg=20, timeout=45_000)  # the interventions-per-need map
    assert page.locator(CHART).count() == 1
    shot(page, "peta_presentasi_sasaran")


def test_small_cells_read_less_than_five_on_the_map(page, server):
    """RTLH per desa: hidden cells have their own grey legend entry, never a class of their own value; the place's
    trend says "< 5" in the years it is hidden."""
    page.set_viewport_size({"width": 1600, "height": 2000})
    _open(page, server, "/peta?tingkat=desa&tahun=2024&indikator=rtlh&tempat=63.03.06.2015")
    page.get_by_text("Sel kecil dilindungi").first.wait_for(timeout=30_000)
    teks = _teks_grafik(page, ("disamarkan (sel kecil)",))
    assert "disamarkan (sel kecil)" in teks
    page.locator("h3", has_text="Awang Bangkal Timur").wait_for(timeout=30_000)
    wait_for_charts(page, 2)
    semua = _teks_grafik(page, ("< 5 unit",))
    assert "< 5 unit" in semua
    shot(page, "peta_desa_rtlh_sel_kecil")


def test_moran_explanation_counts_before_and_after_correction(page, server):
    page.set_viewport_size({"width": 1600, "height": 1300})
    page.goto(server + "/peta?tingkat=desa&tahun=2024&aturan=moran&bagian=Kantong+kemiskinan")  # a link to the tab
    wait_for_app(page)
    page.get_by_text("Signifikan sebelum koreksi").first.wait_for(timeout=60_000)
    badan = page.inner_text("[data-testid=stMain]")
    assert "setelah koreksi FDR (Benjamini–Hochberg)" in badan and "9.999 permutasi" in badan
    page.get_by_text("Signifikan sebelum koreksi").first.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    shot(page, "peta_desa_moran_fdr")
