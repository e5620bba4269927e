"""Issue 17: when is each page complete in a real browser, warm and on the first visit after server start?

"Complete" is the moment of the last DOM change after the page's title (``h1``) appears, confirmed by
:data:`TENANG_S` without any change while the script is not running (Streamlit's ``data-test-script-state``); the
quiet window itself is not counted. Without that condition a first visit that computed for seconds on the server
was taken as complete at its title (the Kinerja pilar page: "3,1 s" where the tables came at 10 s). Each visit is
a fresh browser context (nothing cached in the browser). The floor is ``bench/lantai_tema/``: a two-page
``st.navigation`` app in the project's theme with a sidebar select box, a title, one metric and one small Altair
line chart.

Run alone (``python -m bench.selesai [STORE]``), it measures and rewrites its own section of ``bench/RESULTS.md``;
``make bench`` runs it as section (e). Other processes on this 2-core machine double the figures: measure alone.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
TENANG_S = 1.5
BATAS_S = 90.0
KUNJUNGAN = 3
HALAMAN = [("Ringkasan", "/"), ("Tren kemiskinan", "/tren"), ("Peta, kecamatan", "/peta"),
           ("Peta, desa", "/peta?tingkat=desa"), ("Kinerja pilar", "/pilar"), ("Presentasi rakor", "/presentasi"),
           ("Tindak lanjut rakor", "/tindak-lanjut"), ("Unggah data", "/unggah"), ("Riwayat data", "/riwayat")]
GOAL_HALAMAN, GOAL_DESA, GOAL_DINGIN = 1.5, 2.0, 2.0
MULAI, AKHIR = "<!-- bench.selesai: mulai -->", "<!-- bench.selesai: akhir -->"

# Runs before any page script: the time (ms since navigation start) of the last DOM change once a title exists.
PENGAMAT = """
window.__selesai = {judul: false, akhir: 0};
new MutationObserver(() => {
  if (!window.__selesai.judul && !document.querySelector('h1')) return;
  window.__selesai.judul = true;
  window.__selesai.akhir = performance.now();
}).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""


@dataclass
class Hasil:
    nama: str
    path: str
    dingin_s: float = math.nan
    hangat_s: list[float] = field(default_factory=list)
    galat: str = ""

    @property
    def hangat(self) -> float:
        ok = [x for x in self.hangat_s if not math.isnan(x)]
        return statistics.median(ok) if ok else math.nan


def _port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server(perintah: list[str], env: dict[str, str], log: Path) -> tuple[subprocess.Popen, str]:
    """``perintah`` ends with its port option; a free port is appended."""
    port = _port()
    from tests.e2e.conftest import wait_healthy

    proc = subprocess.Popen([*perintah, str(port)],
                            cwd=ROOT, env={**os.environ, **env}, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    wait_healthy(proc, url, log)
    return proc, url


def _henti(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def kunjungi(browser: Browser, url: str) -> float:
    """Seconds from navigation start to the last DOM change, in a fresh context; NaN if never quiet."""
    ctx = browser.new_context(viewport={"width": 1600, "height": 1000})
    try:
        pg = ctx.new_page()
        pg.add_init_script(PENGAMAT)
        pg.goto(url, wait_until="commit")
        batas = time.monotonic() + BATAS_S
        while time.monotonic() < batas:
            judul, akhir, kini, jalan = pg.evaluate(
                "() => [window.__selesai ? window.__selesai.judul : false, "
                "window.__selesai ? window.__selesai.akhir : 0, performance.now(), "
                "(document.querySelector('[data-testid=stApp]') || {dataset: {}}).dataset.testScriptState || '']")
            jalan = jalan in ("", "initial", "running", "rerunRequested")
            # quiet only counts once the script has finished (``data-test-script-state`` of Streamlit's app root): a
            # page still computing on the server draws nothing for seconds, and was taken for complete before
            if judul and not jalan and kini - akhir >= TENANG_S * 1000:
                if pg.locator("[data-testid=stException]").count():
                    raise RuntimeError(f"galat di halaman {url}")
                return akhir / 1000
            time.sleep(0.05)
        return math.nan
    finally:
        ctx.close()


def ukur(perintah: list[str], env: dict[str, str], nama: str, path: str, browser: Browser, log: Path) -> Hasil:
    """A fresh server, the first visit of ``path`` (cold), then KUNJUNGAN visits (warm)."""
    h = Hasil(nama, path)
    proc, url = _server(perintah, env, log)
    try:
        h.dingin_s = kunjungi(browser, url + path)
        h.hangat_s = [kunjungi(browser, url + path) for _ in range(KUNJUNGAN)]
    except Exception as exc:  # a broken page is a finding of the bench, not a crash of it
        h.galat = f"{type(exc).__name__}: {exc}"[:200]
    finally:
        _henti(proc)
    return h


def measure(db: Path) -> list[Hasil]:
    from playwright.sync_api import sync_playwright

    kerja = Path(tempfile.mkdtemp(prefix="bench-selesai-"))
    store = kerja / "tkpk.duckdb"
    shutil.copy(db, store)
    app = [sys.executable, "-m", "tkpk.ui.serve", "--address", "127.0.0.1", "--port"]  # the port follows
    lantai = [sys.executable, "-m", "streamlit", "run", "bench/lantai_tema/app.py", "--server.address",
              "127.0.0.1", "--server.headless", "true", "--server.port"]
    out: list[Hasil] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            lantai_env = {"STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
            out.append(_lantai(lantai, lantai_env, browser, kerja / "lantai.log"))
            for nama, path in HALAMAN:
                print(f"  {nama}…", flush=True)
                out.append(ukur(app, {"TKPK_DB": str(store)}, nama, path, browser, kerja / "server.log"))
            browser.close()
    finally:
        shutil.rmtree(kerja, ignore_errors=True)
    return out


def _lantai(perintah: list[str], env: dict[str, str], browser: Browser, log: Path) -> Hasil:
    return ukur(perintah, env, "lantai (floor)", "/", browser, log)


def _s(x: float) -> str:
    return "–" if math.isnan(x) else f"{x:.1f}".replace(".", ",")


def tabel(hasil: list[Hasil]) -> tuple[str, list[str]]:
    lantai = hasil[0].hangat
    baris = ["| halaman | hangat: s (3 kunjungan) | median | × lantai | pertama sesudah start: s | ÷ hangat | "
             "sasaran |", "|---|---|---:|---:|---:|---:|:-:|"]
    meleset = []
    for h in hasil:
        rasio = h.hangat / lantai if lantai else math.nan
        dingin = h.dingin_s / h.hangat if h.hangat else math.nan
        if h is hasil[0]:
            ok = "—"
        else:
            goal = GOAL_DESA if "desa" in h.path else GOAL_HALAMAN
            ok = "ya" if rasio <= goal and dingin <= GOAL_DINGIN else "**tidak**"
            if ok != "ya":
                meleset.append(f"{h.nama}: {rasio:.1f}× lantai (sasaran {goal:g}×), pertama {dingin:.1f}× hangat")
        nama = h.nama + (f" (galat: {h.galat})" if h.galat else "")
        baris.append(f"| {nama} (`{h.path}`) | {' / '.join(_s(x) for x in h.hangat_s)} | {_s(h.hangat)} | "
                     f"{_s(rasio)} | {_s(h.dingin_s)} | {_s(dingin)} | {ok} |")
    return "\n".join(baris), meleset


def bagian(hasil: list[Hasil], komit: str) -> str:
    isi, meleset = tabel(hasil)
    return "\n".join([
        MULAI, "## (e) Browser: each page complete (issue 17)", "",
        f"Measured {datetime.now():%Y-%m-%d %H:%M}, commit {komit}, by `python -m bench.selesai`. \"Complete\": the "
        f"last DOM change after the title appears, confirmed by {_s(TENANG_S)} s without change (not counted); each "
        "visit a fresh chromium context at 1600×1000; warm = visits 2–4 after a server start, first = visit 1. "
        "Goals: every page ≤ 1,5× the floor (desa map ≤ 2×), the first visit ≤ 2× warm.", "",
        isi, "", *(["Goals: all met."] if not meleset else ["Goals missed:", *[f"- {m}" for m in meleset]]),
        AKHIR])


def tulis(teks: str) -> None:
    """Replace this section of RESULTS.md (or append it), leaving the other sections as ``make bench`` wrote them."""
    lama = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    pola = re.compile(re.escape(MULAI) + ".*?" + re.escape(AKHIR), re.S)
    baru = pola.sub(lambda _m: teks, lama) if pola.search(lama) else lama.rstrip("\n") + "\n\n" + teks + "\n"
    RESULTS.write_text(baru, encoding="utf-8")


def komit() -> str:
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                          check=False).stdout.strip()


def main(argv: list[str]) -> int:
    db = Path(argv[0]) if argv else ROOT / "data" / "tkpk.duckdb"
    if not db.exists():
        print(f"Basis data {db} tidak ada; jalankan dulu: python -m tkpk init --db {db}")
        return 2
    teks = bagian(measure(db), komit())
    tulis(teks)
    print(teks)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
