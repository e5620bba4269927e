"""Accessibility in a real browser: axe-core (``axe-playwright-python``, which bundles ``axe.min.js``: nothing is
fetched) on every page, in normal and in projector mode (``?mode=presentasi``), once the page has drawn what it
draws. No violation of impact "serious" or "critical" may remain except the ones in :data:`IZIN` below, each named
with its rule, its element and why our code cannot fix it. Rules this project fixed (:data:`DIPERBAIKI`) may not come
back at any impact. A per-page summary (rule, impact, count) is printed at the end of the run and written to
``bench/out/axe.md`` (git-ignored) for the closing note of issue 17."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.e2e.conftest import JS_TENANG, wait_for_app, wait_for_charts
from tests.e2e.test_peta_browser import JS_PETA_DIGAMBAR

pytestmark = pytest.mark.e2e

BERAT = ("serious", "critical")
MODE = "mode=presentasi"
RINGKASAN = ROOT / "bench" / "out" / "axe.md"


@dataclass(frozen=True)
class Izin:
    """One allowed serious/critical violation: the axe rule, the element (a piece of its HTML that only that kind
    of element has) and why it cannot be fixed from our code."""

    aturan: str
    elemen: str
    alasan: str


# Kept as short as honestly possible. Everything else serious or critical fails the test.
IZIN: tuple[Izin, ...] = (
    # Empty. Vega's geoshape outline layers (kecamatan borders, pocket and selection outlines, Banjar's outline on
    # the Kalsel map, the IDM outlines) had no accessible name (svg-img-alt); they are decoration over the named
    # fill layer and now carry ``aria=False`` (tkpk/charts/peta.py, kalsel.py, idm.py).
)

# Rules fixed in our code (issue 17): they must not come back, whatever impact axe gives them.
DIPERBAIKI = ("color-contrast", "heading-order")

# The same waits the page's own browser tests use, then Streamlit's status widget gone again.
Tunggu = Callable[[object], None]


def _teks(teks: str) -> Tunggu:
    return lambda page: page.get_by_text(teks).first.wait_for(timeout=60_000)


def _grafik(n: int, teks: str) -> Tunggu:
    def tunggu(page) -> None:
        wait_for_charts(page, n)
        page.get_by_text(teks).first.wait_for(timeout=60_000)
    return tunggu


def _buka_lalu_grafik(judul: str, n: int) -> Tunggu:
    """A chart drawn only once its expander is opened: open it, then wait for ``n`` charts."""
    def tunggu(page) -> None:
        wait_for_charts(page, n - 1)
        page.get_by_text(judul).first.click()
        wait_for_charts(page, n)
    return tunggu


def _skor(page) -> None:
    """Kinerja pilar's scorecard: on a desk its scatter is drawn when its box is opened, on the projector at once."""
    page.get_by_text("Kartu skor OPD").first.wait_for(timeout=60_000)
    wait_for_app(page)
    kotak = page.get_by_text("Grafik serapan anggaran dan capaian output per OPD")
    if kotak.count():
        kotak.first.click()
    wait_for_charts(page, 1)


def _peta(n_tempat: int) -> Tunggu:
    """A map tab: the map drawn with one path per place (20 kecamatan, 290 desa)."""
    def tunggu(page) -> None:
        page.wait_for_function(JS_PETA_DIGAMBAR, arg=n_tempat, timeout=90_000)
        wait_for_charts(page, 1)
    return tunggu


def _slide(page) -> None:
    page.locator(".nomor-slide").first.wait_for(timeout=60_000)
    wait_for_charts(page, 1)


def _slide_dua_angka(page) -> None:
    page.locator(".nomor-slide").first.wait_for(timeout=60_000)
    page.get_by_text("Ukuran BPS (Susenas)").first.wait_for(timeout=60_000)


def _slide_teks(teks: str) -> Tunggu:
    def tunggu(page) -> None:
        page.locator(".nomor-slide").first.wait_for(timeout=60_000)
        page.get_by_text(teks).first.wait_for(timeout=60_000)
    return tunggu


def _slide_peta(page) -> None:
    """The pocket map drawn with all 290 desa, its outline layers and the kecamatan names (labels come last)."""
    page.locator(".nomor-slide").first.wait_for(timeout=60_000)
    page.wait_for_function(JS_PETA_DIGAMBAR, arg=290, timeout=90_000)
    page.wait_for_function("() => document.querySelectorAll('[data-testid=stVegaLiteChart] svg g.mark-text text')"
                           ".length > 0", timeout=60_000)


# Every kind of rakor slide, alone in its agenda (``?agenda=``), at the two projector sizes it is sized for: the map,
# the headline chart and a pillar's chart differ between 1920×1080 and 1280×720 (font sizes, label placement), and
# the follow-up/decision slides split their rows differently. The four pillar slides share one builder: one stands
# for them. Run in projector mode only, as a rakor shows them.
SLIDE: dict[str, Tunggu] = {
    "headline": _slide,
    "tindaklanjut": _slide_teks("Sumber:"),
    "dua_angka": _slide_dua_angka,
    "peta": _slide_peta,
    "pilar1": _slide,
    "tersentuh": _slide_teks("Sumber:"),
    "keputusan": _slide_teks("Sumber:"),
}


HALAMAN: dict[str, Tunggu] = {
    "/": _teks("Data terakhir diperbarui"),
    "/tren": _grafik(1, "Banjar dan Kalimantan Selatan"),  # one tab drawn at a time (?bagian=)
    "/tren?bagian=Posisi+di+Kalsel": _grafik(2, "Posisi Banjar di Kalimantan Selatan"),
    "/tren?bagian=Per+kecamatan": _grafik(1, "Tren per kecamatan"),
    "/peta": _peta(20),  # one tab drawn at a time (?bagian=)
    "/peta?tingkat=desa": _peta(290),
    "/peta?bagian=Kantong+kemiskinan&tahun=2024": _grafik(1, "Kantong kemiskinan 2024"),
    "/peta?bagian=Tepat+sasaran": _peta(20),
    "/pilar": _skor,  # one tab drawn at a time (?bagian=); the scatter opened
    "/pilar?pilar=1": _buka_lalu_grafik("Grafik pagu dan realisasi per OPD", 1),  # the budget bars, opened
    "/pilar?bagian=Program+dan+lokasi": _teks("Kantong kemiskinan yang belum dijangkau"),
    "/pilar?bagian=Kandidat+penghargaan": _teks("Setiap komponen persen dibatasi 100"),
    "/presentasi": _slide,  # the other slides, at both projector sizes: test_axe_every_kind_of_slide
    "/tindak-lanjut": _teks("Keputusan Rakor"),
    "/unggah": _teks("Terkunci: belum ada akun analis"),
    "/riwayat": _teks("hanya untuk analis yang masuk"),
}

_hasil: dict[str, list[dict]] = {}


def _alamat(path: str, proyektor: bool) -> str:
    return path + (("&" if "?" in path else "?") + MODE if proyektor else "")


def _diizinkan(aturan: str, node: dict) -> Izin | None:
    return next((i for i in IZIN if i.aturan == aturan and i.elemen in node["html"]), None)


def ringkas(hasil: dict[str, list[dict]]) -> list[str]:
    """One line per page: every violated rule with its impact and node count, allowed ones marked."""
    baris = []
    for alamat, pelanggaran in hasil.items():
        if not pelanggaran:
            baris.append(f"| `{alamat}` | tidak ada pelanggaran |")
            continue
        bagian = []
        for v in pelanggaran:
            izin = sum(1 for n in v["nodes"] if _diizinkan(v["id"], n))
            catatan = f" (diizinkan {izin})" if izin else ""
            bagian.append(f"{v['id']} [{v['impact']}] ×{len(v['nodes'])}{catatan}")
        baris.append(f"| `{alamat}` | {'; '.join(bagian)} |")
    return baris


@pytest.fixture(scope="module", autouse=True)
def _tulis_ringkasan(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if not _hasil:
        return
    baris = ["| halaman | pelanggaran axe-core (aturan [dampak] ×jumlah elemen) |", "|---|---|", *ringkas(_hasil)]
    izin = [f"- `{i.aturan}` pada `{i.elemen}`: {i.alasan}" for i in IZIN]
    teks = "\n".join(["# axe-core per halaman", "", *baris, "", "Izin:", *izin, ""])
    try:
        RINGKASAN.parent.mkdir(parents=True, exist_ok=True)
        RINGKASAN.write_text(teks, encoding="utf-8")
    except OSError:
        pass
    # printed past pytest's capture, so the summary shows in a plain `pytest -q` run
    capman = request.config.pluginmanager.get_plugin("capturemanager")
    if capman is None:
        print("\n" + teks)
    else:
        with capman.global_and_fixture_disabled():
            print("\n" + teks)


@pytest.mark.parametrize("proyektor", [False, True], ids=["biasa", "proyektor"])
@pytest.mark.parametrize("path", list(HALAMAN))
def test_axe_no_serious_violation(browser, server, path: str, proyektor: bool) -> None:
    ukuran = {"width": 1920, "height": 1080} if proyektor else {"width": 1600, "height": 1000}
    _periksa(browser, server, _alamat(path, proyektor), ukuran, HALAMAN[path])


# The pages with static tables wider than a laptop screen with the sidebar open (the OPD scorecard, the rakor
# decisions): axe's scrollable-region-focusable applies only where a table really scrolls sideways, which the two
# sizes above never make it do. 1024 px is a 1280 px laptop at 125 % scaling; 1280×720 a small projector.
SEMPIT = ("/pilar", "/tindak-lanjut", "/")


@pytest.mark.parametrize("ukuran", [(1024, 768, False), (1280, 800, False), (1280, 720, True)],
                         ids=["1024", "1280", "proyektor-720"])
@pytest.mark.parametrize("path", SEMPIT)
def test_axe_on_a_laptop_screen(browser, server, path: str, ukuran: tuple[int, int, bool]) -> None:
    lebar, tinggi, proyektor = ukuran
    _periksa(browser, server, _alamat(path, proyektor), {"width": lebar, "height": tinggi}, HALAMAN[path])


SANDI = "sandi-axe-uji-42"


@pytest.fixture(scope="module")
def server_analis(store_path: Path, tmp_path_factory: pytest.TempPathFactory, chromium: str) -> Iterator[str]:
    """The app with an analyst account, for what only a logged-in analyst sees."""
    import shutil

    from tests.e2e.conftest import start_server, stop_server
    from tkpk.akun import lokal as auth

    kerja = tmp_path_factory.mktemp("axe_analis")
    shutil.copy(store_path, kerja / "tkpk.duckdb")
    auth.add_user(kerja / "secrets.toml", "analis_axe", SANDI)
    proc, url = start_server(kerja / "tkpk.duckdb", kerja / "streamlit.log",
                             {auth.ENV_SECRETS: str(kerja / "secrets.toml")})
    yield url
    stop_server(proc)


@pytest.mark.parametrize("lebar", [1280, 1600])
def test_axe_riwayat_logged_in(browser, server_analis: str, lebar: int) -> None:
    """Review finding (issue 17): logged in, Riwayat's rollback form had an h3 straight under the page's h1
    (heading-order); the tests had only opened the page logged out."""
    from axe_playwright_python.sync_playwright import Axe

    from tests.e2e import analis

    context = browser.new_context(viewport={"width": lebar, "height": 900}, locale="en-US")
    try:
        page = context.new_page()
        luar: list[str] = []
        page.on("request", lambda r: luar.append(r.url) if not r.url.startswith(
            (server_analis, "data:", "blob:")) else None)
        page.goto(server_analis + "/riwayat")
        wait_for_app(page)
        page.get_by_text("Analis: masuk di sini").click()
        analis.masuk(page, "analis_axe", SANDI)
        page.get_by_text("Lihat baris batch").first.wait_for(timeout=60_000)
        page.get_by_role("heading", name="Batalkan batch").first.wait_for(timeout=60_000)
        wait_for_app(page)
        page.evaluate(JS_TENANG)
        hasil = Axe().run(page)
    finally:
        context.close()
    _cek(f"/riwayat (analis, {lebar} px)", hasil.response["violations"], luar)


@pytest.mark.parametrize("layar", [1080, 720])
@pytest.mark.parametrize("slide", list(SLIDE))
def test_axe_every_kind_of_slide(browser, server, slide: str, layar: int) -> None:
    """Review finding (issue 17): the map slide's outline layers had no accessible name (svg-img-alt ×2) and the
    test only ever opened the first slide."""
    ukuran = {"width": round(layar * 16 / 9), "height": layar}
    _periksa(browser, server, f"/presentasi?agenda={slide}&tahun=2024&layar={layar}&{MODE}", ukuran, SLIDE[slide])


def _periksa(browser, server: str, alamat: str, ukuran: dict[str, int], tunggu: Tunggu) -> None:
    """Open ``alamat`` at ``ukuran``, wait for what it draws and until the DOM is quiet, run axe, check."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport=ukuran, locale="en-US")
    try:
        page = context.new_page()
        luar: list[str] = []
        page.on("request", lambda r: luar.append(r.url) if not r.url.startswith((server, "data:", "blob:"))
                else None)
        page.goto(server + alamat)
        wait_for_app(page)
        tunggu(page)
        wait_for_app(page)
        page.evaluate(JS_TENANG)
        hasil = Axe().run(page)
    finally:
        context.close()
    _cek(alamat, hasil.response["violations"], luar)


def _cek(alamat: str, pelanggaran: list[dict], luar: list[str]) -> None:
    _hasil[alamat] = pelanggaran
    assert luar == [], f"axe or the page fetched from outside: {luar}"
    sisa = [f"{v['id']} [{v['impact']}] {n['html'][:160]} :: {n.get('failureSummary', '')[:240]}"
            for v in pelanggaran if v["impact"] in BERAT or v["id"] in DIPERBAIKI
            for n in v["nodes"] if not _diizinkan(v["id"], n)]
    assert not sisa, f"{alamat}:\n" + "\n".join(sisa)


def test_izin_names_rule_element_and_reason() -> None:
    """Every allow-list entry is complete; and the list is empty now (issue 17): a new entry must say why."""
    for i in IZIN:
        assert i.aturan and i.elemen and len(i.alasan) > 20, i
    assert IZIN == (), "an allowed violation needs its reason in the closing note of its issue"


def test_ringkasan_lists_rules_by_impact() -> None:
    contoh = {"/x": [{"id": "color-contrast", "impact": "serious", "nodes": [{"html": "<p>a</p>"}] * 2}],
              "/y": []}
    assert ringkas(contoh) == ["| `/x` | color-contrast [serious] ×2 |", "| `/y` | tidak ada pelanggaran |"]
    assert Path(RINGKASAN).name == "axe.md"
