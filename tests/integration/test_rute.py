"""Our HTTP routes (tkpk.ui.rute) through Starlette's test client: the ticket becomes a signed, expiring,
HttpOnly, SameSite=Strict cookie once; redirects stay on our own pages; security headers on every response."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.testclient import TestClient

from tkpk.sesi import NAMA_KUKI, UMUR_DETIK, Daftar
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
    tiket = daftar.tiket(tok)
    r = klien.get(f"/api/sesi?tiket={tiket}&lanjut=/unggah")
    assert r.status_code == 303 and r.headers["location"] == "/unggah"
    kuki = r.headers["set-cookie"]
    assert kuki.startswith(f"{NAMA_KUKI}=")
    for bagian in ("HttpOnly", "SameSite=strict", f"Max-Age={UMUR_DETIK}", "Path=/"):
        assert bagian.lower() in kuki.lower(), kuki
    assert "secure" not in kuki.lower(), "plain http on loopback: no Secure flag"
    assert daftar.dari_kuki(r.cookies[NAMA_KUKI]) == tok
    again = klien.get(f"/api/sesi?tiket={tiket}&lanjut=/unggah")
    assert again.status_code == 303 and "set-cookie" not in again.headers, "a ticket works once"


def test_secure_flag_over_https_and_behind_a_trusted_proxy(daftar: Daftar, monkeypatch: pytest.MonkeyPatch) -> None:
    app = Starlette(routes=buat_rute(daftar))
    https = TestClient(app, base_url="https://dasbor.banjarkab.go.id", follow_redirects=False)
    r = https.get(f"/api/sesi?tiket={daftar.tiket(daftar.buat('ani', 's'))}")
    assert "secure" in r.headers["set-cookie"].lower()
    lewat = TestClient(app, base_url="http://127.0.0.1", follow_redirects=False)
    tiket = daftar.tiket(daftar.buat("ani", "s"))
    r = lewat.get(f"/api/sesi?tiket={tiket}", headers={"X-Forwarded-Proto": "https"})
    assert "secure" not in r.headers["set-cookie"].lower(), "the header is not believed without TKPK_PROXY"
    monkeypatch.setenv("TKPK_PROXY", "127.0.0.1")  # the test client's made-up address counts as loopback
    tiket = daftar.tiket(daftar.buat("ani", "s"))
    r = lewat.get(f"/api/sesi?tiket={tiket}", headers={"X-Forwarded-Proto": "https"})
    assert "secure" in r.headers["set-cookie"].lower()


@pytest.mark.parametrize("lanjut", ["//evil.example", "https://evil.example", "/unggah/../../x", "/%2F%2Fevil",
                                    "javascript:alert(1)", "/Unggah"])
def test_redirect_never_leaves_our_pages(klien: TestClient, lanjut: str) -> None:
    r = klien.get("/api/sesi", params={"tiket": "x", "lanjut": lanjut})
    assert r.status_code == 303 and r.headers["location"] == "/"
    assert "set-cookie" not in r.headers


def test_logout_route_deletes_the_cookie(klien: TestClient) -> None:
    r = klien.get("/api/keluar?lanjut=/riwayat")
    assert r.status_code == 303 and r.headers["location"] == "/riwayat"
    assert r.headers["set-cookie"].startswith(f'{NAMA_KUKI}=""') and "max-age=0" in r.headers["set-cookie"].lower()


def test_security_headers(klien: TestClient) -> None:
    r = klien.get("/api/keluar")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "SAMEORIGIN"
    assert r.headers["referrer-policy"] == "same-origin"
