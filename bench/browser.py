"""Browser figures: navigation to a rendered desa-level map in chromium, and the server's peak memory.

Why through a real browser: the map's cost is split between the server (SQL, classification, GeoJSON) and the
browser (Vega drawing every polygon as SVG); only the sum is what an official at a rakor waits for.
"""

from __future__ import annotations

import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
MAP_SELECTOR = "[data-testid=stVegaLiteChart] svg.marks"
PAGES = ["/", "/tren", "/peta", "/pilar", "/presentasi", "/unggah", "/riwayat"]


def map_target() -> tuple[str, str, str]:
    """(path, selector, what) for the desa map, or the home page when the map page is not built yet."""
    src = (ROOT / "pages" / "peta.py").read_text(encoding="utf-8")
    if "belum_tersedia" in src or ("altair" not in src and "cp." not in src):
        return "/", "text=2,36%", "beranda (halaman peta belum dibangun)"
    return "/peta?tingkat=desa", MAP_SELECTOR, "peta tingkat desa"


def vm_hwm_mb(pid: int) -> float:
    """Peak resident memory of a process (VmHWM in /proc; psutil is not installed)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _wait_idle(page) -> None:
    page.wait_for_selector("[data-testid=stApp]", timeout=120_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=120_000)


def measure(db: Path, log: Path, runs: int = 3) -> dict[str, object]:
    """Start a server on ``db``; visit every page once (warm-up), then time ``runs`` navigations to the map."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import start_server

    path, selector, what = map_target()
    proc, url = start_server(db, log)
    out: dict[str, object] = {"what": what, "path": path}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            ctx = browser.new_context(viewport={"width": 1600, "height": 1000})
            page = ctx.new_page()
            errors = []
            for p in PAGES:
                page.goto(url + p)
                _wait_idle(page)
                errors += [p] * page.locator("[data-testid=stException]").count()
            page.goto(url + path)
            page.wait_for_selector(selector, timeout=180_000)
            times = []
            for _ in range(runs):
                fresh = browser.new_context(viewport={"width": 1600, "height": 1000})
                pg = fresh.new_page()
                t = time.perf_counter()
                pg.goto(url + path)
                pg.wait_for_selector(selector, timeout=180_000)
                times.append(time.perf_counter() - t)
                if selector == MAP_SELECTOR:
                    out["paths_in_svg"] = pg.locator(f"{MAP_SELECTOR} path").count()
                fresh.close()
            ctx.close()
            browser.close()
        out.update({"s": times, "median_s": statistics.median(times), "page_errors": errors,
                    "rss_peak_mb": vm_hwm_mb(proc.pid)})
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    return out
