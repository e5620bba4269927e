"""The home page in a real browser: the 2024 headline in Indonesian format, navigation, nothing from outside."""

import pytest

from tests.e2e.conftest import shot, wait_for_app

pytestmark = pytest.mark.e2e


def test_home_shows_headline_and_navigation(page, server):
    external = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith(server) else None)
    page.goto(server + "/")
    wait_for_app(page)
    page.get_by_text("2,36%").first.wait_for(timeout=30_000)
    body = page.inner_text("body")
    assert "14.461 jiwa" in body
    assert "Sumber:" in body
    for label in ("Ringkasan", "Tren kemiskinan", "Peta kantong kemiskinan", "Kinerja pilar", "Unggah data"):
        assert page.get_by_role("link", name=label).count() >= 1, label
    shot(page, "ringkasan")
    external = [u for u in external if not u.startswith(("data:", "blob:"))]
    assert external == [], f"the app fetched from outside: {external}"


def test_navigation_reaches_every_page(page, server):
    page.goto(server + "/")
    wait_for_app(page)
    page.get_by_role("link", name="Tren kemiskinan").first.click()
    page.wait_for_url("**/tren**", timeout=20_000)
    wait_for_app(page)
    assert page.locator("h1").first.inner_text().startswith("Tren")
