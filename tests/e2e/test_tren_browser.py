"""Tren page in a real browser: the Vega charts render, axes use Indonesian decimals on an en-US browser,
the URL state reopens the same view, and screenshots of both pages are kept for looking at."""

import pytest

from tests.e2e.conftest import CHART, shot, wait_for_app, wait_for_charts

pytestmark = pytest.mark.e2e


def test_tren_page_renders_charts_with_indonesian_numbers(page, server):
    external = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith(server) else None)
    page.set_viewport_size({"width": 1600, "height": 3200})
    page.goto(server + "/tren?indikator=p0&kabkota=63.71")
    wait_for_app(page)
    wait_for_charts(page, 4)
    page.get_by_text("Posisi Banjar di Kalimantan Selatan, 2024").wait_for(timeout=30_000)
    svg_text = page.eval_on_selector_all(f"{CHART} svg text", "els => els.map(e => e.textContent).join(' ')")
    assert "2,5" in svg_text or "3,0" in svg_text, svg_text[:500]  # axis labels with a decimal comma
    assert "2,36%" in svg_text  # the ranked bar's direct label
    assert "Kota Banjarmasin" in svg_text and "tidak ada data" in svg_text
    for teks in ("pangsa", "DATA CONTOH (sintetis)", "Unduh data (CSV)", "Unduh data (XLSX)"):
        page.get_by_text(teks).first.wait_for(timeout=30_000)
    assert page.get_by_role("link", name="Tren kemiskinan").count() >= 1  # the app's navigation, not the legacy one
    shot(page, "tren")
    external = [u for u in external if not u.startswith(("data:", "blob:"))]
    assert external == [], f"the app fetched from outside: {external}"


def test_home_page_shows_the_pillar_strip_and_freshness(page, server):
    page.set_viewport_size({"width": 1600, "height": 1900})
    page.goto(server + "/")
    wait_for_app(page)
    page.get_by_text("Kinerja pilar 2024").wait_for(timeout=30_000)
    for teks in ("2,36%", "Serapan anggaran", "4 dari 4 OPD melapor", "Data terakhir diperbarui", "0,326"):
        page.get_by_text(teks).first.wait_for(timeout=30_000)
    wait_for_app(page)
    metrik = page.eval_on_selector_all("[data-testid=stMetric]", "els => els.map(e => e.innerText)")
    serapan = [m for m in metrik if m.startswith("Serapan anggaran")]
    assert len(serapan) == 4 and all("%" in m for m in serapan), metrik  # one per pillar, a percentage each
    badan = page.inner_text("[data-testid=stMain]")
    assert "DATA CONTOH" in badan and "miliar" in badan
    page.wait_for_timeout(500)
    shot(page, "ringkasan_lengkap")
