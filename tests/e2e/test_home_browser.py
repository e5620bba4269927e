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
    page.get_by_text("14.461 jiwa").first.wait_for(timeout=30_000)  # the page fills in as it runs
    page.get_by_text("161.726 jiwa").first.wait_for(timeout=30_000)  # and the register beside it
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


def test_a_shared_link_works_as_the_first_request_after_a_restart(browser, store_path, tmp_path):
    """Regression: with a pages/ folder, Streamlit's v1 layout used to answer the first request (see serve.py).
    And the server warms its caches at start (tkpk/ui/panas.py) without an error in its log."""
    import shutil

    from tests.e2e.conftest import start_server

    store = tmp_path / "kosong.duckdb"
    shutil.copy(store_path, store)
    proc, url = start_server(store, tmp_path / "log.txt")
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.goto(url + "/tren")
        wait_for_app(page)
        page.locator("h1").first.wait_for(timeout=30_000)
        assert page.locator("h1").first.inner_text().startswith("Tren")
        assert page.get_by_role("link", name="Peta kantong kemiskinan").count() >= 1
        context.close()
        # the server warmed itself before it answered (tkpk/ui/panas.py): imports, then the newest year's cache
        teks = (tmp_path / "log.txt").read_text()
        assert "pemanasan: impor modul selesai" in teks and "pemanasan cache selesai" in teks, teks[-2000:]
        assert "gagal" not in teks and "missing ScriptRunContext" not in teks
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_ringkasan_has_its_own_address(page, server):
    """Finding 13 of the review: /ringkasan (the home page's url_path, used in shared links) opened Streamlit's
    English "Page not found" dialog, because the default page lives at "/". The query string is kept."""
    page.goto(server + "/ringkasan?tahun=2024")
    wait_for_app(page)
    page.get_by_text("2,36%").first.wait_for(timeout=30_000)
    wait_for_app(page)
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator("[role=dialog]").count() == 0
    assert page.url == server + "/?tahun=2024"
