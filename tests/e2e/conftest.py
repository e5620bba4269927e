"""Real-browser layer: the app server (``python -m tkpk.ui.serve``) on a free port with its own copy of the store,
driven by Playwright through Debian's chromium (``playwright install`` cannot download a browser here)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = os.environ.get("TKPK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
SHOTS = ROOT / "screenshots"


def toko_keputusan(store_path: Path, tujuan: Path, isi: Callable[[bool], Iterable[object]]) -> Path:
    """A copy of the bundled store at ``tujuan`` with decisions recorded on this rakor and on the previous one:
    ``isi(ini)`` gives the ``tkpk.rakor.keputusan.IsiKeputusan`` for this rakor (True) or the previous (False)."""
    from tkpk.rakor import keputusan as kp
    from tkpk.toko.db import connect

    shutil.copy(store_path, tujuan)
    con = connect(tujuan)
    try:
        rakor = kp.daftar_rakor(con)["rakor_id"].astype(int).tolist()  # newest first: this rakor, the previous
        for r in rakor[:2]:
            for k in isi(r == rakor[0]):
                kp.catat_keputusan(con, r, k, oleh="uji")  # type: ignore[arg-type]
    finally:
        con.close()
    return tujuan


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def chromium() -> str:
    if not Path(CHROMIUM).exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but no browser at {CHROMIUM} (apt-get install chromium)")
        pytest.skip(f"no browser at {CHROMIUM}; set REQUIRE_BROWSER=1 to make this a failure")
    return CHROMIUM


def start_server(store: Path, log: Path, extra_env: dict[str, str] | None = None,
                 port: int | None = None) -> tuple[subprocess.Popen, str]:
    """The app as ``make run`` starts it (``python -m tkpk.ui.serve``, st.App), on loopback."""
    port = port or _free_port()
    env = {**os.environ, "TKPK_DB": str(store), **(extra_env or {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tkpk.ui.serve", "--port", str(port), "--address", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_healthy(proc, url, log)
    return proc, url


def stop_server(proc: subprocess.Popen) -> None:
    """Stop a server started by :func:`start_server`: terminate, then kill if it has not gone in 10 s."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def wait_healthy(proc: subprocess.Popen, url: str, log: Path) -> None:
    """Until ``/_stcore/health`` answers; the server's log in the error when it exits or never answers."""
    deadline = time.monotonic() + 150  # the server warms its caches before it answers (tkpk/ui/panas.py)
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"streamlit did not become healthy:\n{log.read_text()}")


@pytest.fixture(scope="session")
def server(store_path: Path, tmp_path_factory: pytest.TempPathFactory, chromium: str) -> Iterator[str]:
    """The app served from its own copy of the bundled store (one process per DuckDB file)."""
    work = tmp_path_factory.mktemp("e2e")
    store = work / "tkpk.duckdb"
    shutil.copy(store_path, store)
    proc, url = start_server(store, work / "streamlit.log")
    yield url
    stop_server(proc)


@pytest.fixture(scope="session")
def browser(chromium: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="en-US")
    pg = context.new_page()
    yield pg
    context.close()


def wait_for_app(page) -> None:
    """Streamlit has rendered when its status widget stops saying it is running."""
    page.wait_for_selector("[data-testid=stApp]", timeout=30_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=30_000
    )


# Resolves once the DOM has not changed for 1 s (``page.evaluate(JS_TENANG)``): what arrives after a page's first
# marks (labels, legends, tables, the end of a rerun) is in place.
JS_TENANG = """
() => new Promise(selesai => {
  let t;
  const o = new MutationObserver(() => { clearTimeout(t); t = setTimeout(akhir, 1000); });
  const akhir = () => { o.disconnect(); selesai(true); };
  o.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  t = setTimeout(akhir, 1000);
})
"""

CHART = "[data-testid=stVegaLiteChart]"


def wait_for_charts(page, n: int, timeout: int = 90_000) -> None:
    """Until ``n`` Vega charts have drawn their marks (SVG, or a canvas). The deadline allows for a page that is
    the first to compute its data on a cold server under load (a loaded CI runner took over 45 s)."""
    page.wait_for_function(
        f"() => document.querySelectorAll('{CHART} svg.marks, {CHART} canvas').length >= {n}", timeout=timeout)


def wait_for_tab(page, heading: str, charts: int | None = None) -> None:
    """After a click on a tab, or a link to one (``?bagian=``): its section's heading shown and the other tab's
    elements gone, with ``charts`` exactly that many charts drawn. During the rerun Streamlit keeps the other tab's
    elements, marked ``data-stale``, until the run ends; its status widget shows only on a slow run, so
    :func:`wait_for_app` alone can return early."""
    page.get_by_role("heading", name=heading).first.wait_for(timeout=60_000)
    wait_for_app(page)
    jumlah = f" && document.querySelectorAll('{CHART}').length === {charts}" if charts is not None else ""
    page.wait_for_function(f"() => !document.querySelector('[data-stale=true]'){jumlah}", timeout=60_000)
    if charts:
        wait_for_charts(page, charts)


def assert_projector_mode(page) -> None:
    """``?mode=presentasi`` as a projector shows it: no sidebar, the title at 52 px and body text at 24 px
    (tkpk.ui.chrome.CSS_PRESENTASI), and the way out of the mode on the page itself."""
    assert page.locator("[data-testid=stSidebar]").is_hidden()
    ukuran = page.evaluate("() => [getComputedStyle(document.querySelector('.stApp h1')).fontSize, "
                           "getComputedStyle(document.querySelector('.stApp [data-testid=stMarkdownContainer] p'))"
                           ".fontSize]")
    assert ukuran == ["52px", "24px"], ukuran
    assert page.get_by_text("Keluar dari mode presentasi").count() == 1


def shot(page, name: str) -> Path:
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
