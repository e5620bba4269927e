"""Charts in a real browser expose their text alternative: Vega renders the spec's ``description`` as the
``aria-label`` of the drawn chart, which is what a screen reader announces (issue 17, accessible)."""

import pytest

from tests.e2e.conftest import CHART, wait_for_app, wait_for_charts

pytestmark = pytest.mark.e2e

# Vega puts role="graphics-document" and the aria-label on the element it renders into (Streamlit's chart div)
_LABEL = f"""() => Array.from(document.querySelectorAll('{CHART}')).map(c => {{
  const q = '[role=graphics-document][aria-label]';
  const el = c.matches(q) ? c : c.querySelector(q);
  return el ? el.getAttribute('aria-label') : null;
}})"""


def test_every_tren_chart_carries_its_description_as_aria_label(page, server):
    page.set_viewport_size({"width": 1600, "height": 3200})
    page.goto(server + "/tren?bagian=Posisi+di+Kalsel")  # the Kalsel tab: the map and the ranking
    wait_for_app(page)
    wait_for_charts(page, 2)
    label = page.evaluate(_LABEL)
    assert len(label) == 2 and all(label), label
    assert label[0].startswith("Peta 13 kab/kota Kalimantan Selatan"), label[0]
    assert "Grafik batang 13 kab/kota" in label[1], label[1]
    page.goto(server + "/tren")  # the first tab: the trend
    wait_for_app(page)
    wait_for_charts(page, 1)
    label = page.evaluate(_LABEL)
    assert len(label) == 1 and all(label), label
    assert label[0].startswith("Grafik garis Persentase penduduk miskin") and "Banjar dari " in label[0], label[0]
    # the table switch sits under each chart and draws its table only when turned on
    sebelum = page.locator("[data-testid=stDataFrame]").count()
    page.get_by_text("Lihat sebagai tabel").first.click()
    page.wait_for_function(f"() => document.querySelectorAll('[data-testid=stDataFrame]').length > {sebelum}",
                           timeout=30_000)
