"""Our HTTP routes (tkpk.ui.rute) through Starlette's test client: the ticket becomes a signed, expiring,
HttpOnly, SameSite=Strict cookie once; redirects stay on our own pages; security headers on every response."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route
from starlette.testclient import TestClient

from tkpk.akun.sesi import NAMA_KUKI, NAMA_KUKI_IKAT, UMUR_DETIK, Daftar
from tkpk.ui.rute import HeaderAman, buat_rute


@pytest.fixture
def daftar() -> Daftar:
    return Daftar()


@pytest.fixture
def klien(daftar: Daftar) -> TestClient:
    app = Starlette(routes=buat_rute(daftar), middleware=[Middleware(HeaderAman)])
    return TestClient(app, base_url="http://127.0.0.1", follow_redirects=False)


def test_ticket_sets_the_cookie_once(klien: TestClient, daftar: Daftar) -> None:
    tok = daftar.buat("ani", "s")
    tiket = daftar.tiket(tok, "ikat")
    r = klien.get(f"/api/sesi?tiket={tiket}&lanjut=/unggah", cookies={NAMA_KUKI_IKAT: "ikat"})
    assert r.status_code == 303 and r.headers["location"] == "/unggah"
    kuki = r.headers["set-cookie"]
    assert kuki.startswith(f"{NAMA_KUKI}=")
    for bagian in ("HttpOnly", "SameSite=strict", f"Max-Age={UMUR_DETIK}", "Path=/"):
        assert bagian.lower() in kuki.lower(), kuki
    assert "secure" not in kuki.lower(), "plain http on loopback: no Secure flag"
    assert daftar.dari_kuki(r.cookies[NAMA_KUKI]) == tok
    again = klien.get(f"/api/sesi?tiket={tiket}&lanjut=/unggah", cookies={NAMA_KUKI_IKAT: "ikat"})
    assert again.status_code == 303 and "set-cookie" not in again.headers, "a ticket works once"


def test_secure_flag_over_https_and_behind_a_trusted_proxy(daftar: Daftar, monkeypatch: pytest.MonkeyPatch) -> None:
    app = Starlette(routes=buat_rute(daftar))
    https = TestClient(app, base_url="https://dasbor.banjarkab.go.id", follow_redirects=False)
    r = https.get(f"/api/sesi?tiket={daftar.tiket(daftar.buat('ani', 's'), 'ikat')}",
                  cookies={NAMA_KUKI_IKAT: "ikat"})
    assert "secure" in r.headers["set-cookie"].lower()
    lewat = TestClient(app, base_url="http://127.0.0.1", follow_redirects=False)
    tiket = daftar.tiket(daftar.buat("ani", "s"), "ikat")
    r = lewat.get(f"/api/sesi?tiket={tiket}", headers={"X-Forwarded-Proto": "https"}, cookies={NAMA_KUKI_IKAT: "ikat"})
    assert "secure" not in r.headers["set-cookie"].lower(), "the header is not believed without TKPK_PROXY"
    monkeypatch.setenv("TKPK_PROXY", "127.0.0.1")  # the test client's made-up address counts as loopback
    tiket = daftar.tiket(daftar.buat("ani", "s"), "ikat")
    r = lewat.get(f"/api/sesi?tiket={tiket}", headers={"X-Forwarded-Proto": "https"}, cookies={NAMA_KUKI_IKAT: "ikat"})
    assert "secure" in r.headers["set-cookie"].lower()


@pytest.mark.parametrize("lanjut", ["//evil.example", "https://evil.example", "/unggah/../../x", "/%2F%2Fevil",
                                    "javascript:alert(1)", "/Unggah", "/presentasi?x=//evil.example",
                                    "/presentasi?x=a\r\nLocation: //evil", "/-/evil?", "/presentasi#x"])
def test_redirect_never_leaves_our_pages(klien: TestClient, lanjut: str) -> None:
    r = klien.get("/api/sesi", params={"tiket": "x", "lanjut": lanjut})
    assert r.status_code == 303 and r.headers["location"] == "/"
    assert "set-cookie" not in r.headers


@pytest.mark.parametrize("lanjut", ["/presentasi?agenda=headline,keputusan&slide=2&layar=720", "/tindak-lanjut",
                                    "/tindak-lanjut?rakor=2"])
def test_redirect_returns_to_the_page_and_its_choices(klien: TestClient, lanjut: str) -> None:
    r = klien.get("/api/sesi", params={"tiket": "x", "lanjut": lanjut})
    assert r.status_code == 303 and r.headers["location"] == lanjut


def test_logout_route_deletes_the_cookie(klien: TestClient) -> None:
    r = klien.get("/api/keluar?lanjut=/riwayat")
    assert r.status_code == 303 and r.headers["location"] == "/riwayat"
    assert r.headers["set-cookie"].startswith(f'{NAMA_KUKI}=""') and "max-age=0" in r.headers["set-cookie"].lower()


def test_security_headers(klien: TestClient) -> None:
    r = klien.get("/api/keluar")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "SAMEORIGIN"
    assert r.headers["referrer-policy"] == "same-origin"


# --- finding 11 of the review: login CSRF through the ticket; logout from another site -------------------------

@pytest.mark.parametrize("kepala", [{"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"},
                                    {"Origin": "http://evil.example"}, {"Referer": "http://evil.example/x"}])
def test_logout_refuses_cross_site_requests(klien: TestClient, kepala: dict[str, str]) -> None:
    r = klien.get("/api/keluar?lanjut=/riwayat", headers=kepala)
    assert r.status_code == 403 and "set-cookie" not in r.headers
    assert "ditolak" in r.text


@pytest.mark.parametrize("kepala", [{"Sec-Fetch-Site": "same-origin"}, {"Sec-Fetch-Site": "none"},
                                    {"Origin": "http://127.0.0.1"}, {}])
def test_logout_from_our_own_pages_still_works(klien: TestClient, kepala: dict[str, str]) -> None:
    r = klien.get("/api/keluar?lanjut=/riwayat", headers=kepala)
    assert r.status_code == 303 and r.headers["set-cookie"].startswith(f'{NAMA_KUKI}=""')


def test_ticket_only_works_in_the_browser_that_logged_in(klien: TestClient, daftar: Daftar) -> None:
    tok = daftar.buat("ani", "s")
    tiket = daftar.tiket(tok, "ikatan-browser-analis")
    lain = klien.get(f"/api/sesi?tiket={tiket}", cookies={NAMA_KUKI_IKAT: "ikatan-browser-lain"})
    assert lain.status_code == 303 and "set-cookie" not in lain.headers, "another browser's binding"
    tiket = daftar.tiket(tok, "ikatan-browser-analis")
    tanpa = klien.get(f"/api/sesi?tiket={tiket}")
    assert "set-cookie" not in tanpa.headers, "no binding cookie at all"
    tiket = daftar.tiket(tok, "ikatan-browser-analis")
    sendiri = klien.get(f"/api/sesi?tiket={tiket}", cookies={NAMA_KUKI_IKAT: "ikatan-browser-analis"})
    assert sendiri.headers["set-cookie"].startswith(f"{NAMA_KUKI}=")


def test_every_page_load_gives_the_browser_a_binding_cookie(daftar: Daftar) -> None:
    from starlette.responses import HTMLResponse

    async def halaman(request):  # stands in for Streamlit's index.html
        return HTMLResponse("<html></html>")

    app = Starlette(routes=[*buat_rute(daftar), Route("/unggah", halaman)], middleware=[Middleware(HeaderAman)])

    def baru() -> TestClient:  # a browser without cookies (TestClient keeps the ones it is given)
        return TestClient(app, base_url="http://127.0.0.1", follow_redirects=False)

    def ikat(r) -> list[str]:
        return [k for k in r.headers.get_list("set-cookie") if k.startswith(f"{NAMA_KUKI_IKAT}=")]

    r = baru().get("/unggah")
    kuki = ikat(r)[0]
    assert len(r.cookies[NAMA_KUKI_IKAT]) >= 40
    for bagian in ("HttpOnly", "SameSite=Strict", "Path=/"):
        assert bagian.lower() in kuki.lower(), kuki
    assert "max-age" not in kuki.lower() and "expires" not in kuki.lower(), "ends with the browser session"
    k = baru()
    k.cookies.set(NAMA_KUKI_IKAT, "sudah")
    assert ikat(k.get("/unggah")) == [], "kept, not replaced"
    assert ikat(baru().get("/api/keluar")) == [], "only page loads"
    assert ikat(baru().get("/api/keluar", headers={"Sec-Fetch-Dest": "document"})), "a page load answered 304"


@pytest.mark.parametrize(("alamat", "ke"), [("/ringkasan", "/"), ("/ringkasan?tahun=2024&mode=presentasi",
                                                                    "/?tahun=2024&mode=presentasi")])
def test_ringkasan_goes_to_the_home_page_with_its_query(klien: TestClient, alamat: str, ke: str) -> None:
    r = klien.get(alamat)
    assert r.status_code == 307 and r.headers["location"] == ke
