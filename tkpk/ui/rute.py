"""Our own HTTP routes beside Streamlit's (served by :mod:`tkpk.ui.serve` through ``st.App``).

- ``GET /api/sesi?tiket=…&lanjut=/unggah``: swaps the one-time ticket a login just made for the session cookie
  (signed, expiring, HttpOnly, SameSite=Strict; Secure when the request came over HTTPS) and sends the browser
  back to the page. Why a route: a Streamlit script cannot set an HttpOnly cookie.
  The ticket is swapped only for the browser that logged in: its binding cookie must match (:mod:`tkpk.akun.sesi`).
- ``GET /api/keluar?lanjut=…``: deletes that cookie (the session itself was already ended server-side).
- ``GET /ringkasan?…``: the home page's own name in shared links; Streamlit serves the default page only at
  "/" and answered this address with its English "Page not found" dialog, so it is sent to "/" with its query.
- Both login routes refuse a request another site started (``Sec-Fetch-Site``, else ``Origin``/``Referer``):
  our pages reach them only by a same-origin navigation.
- A middleware adds headers every response should carry (no framing by other sites, no MIME sniffing, no
  referrer leaking the query string), and gives every browser that loads a page its random binding cookie
  (``tkpk_ikat``: HttpOnly, SameSite=Strict, for this browser session).

``lanjut`` is only ever one of our page paths (with its query), so these routes cannot redirect anywhere else.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.requests import HTTPConnection, Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tkpk.akun.pembatas import alamat_klien, proxy_tepercaya
from tkpk.akun.sesi import DAFTAR, NAMA_KUKI, NAMA_KUKI_IKAT, UMUR_DETIK, Daftar

HALAMAN_UTAMA = "/ringkasan"  # url_path of the default page in app.py, which Streamlit serves at "/"
# One of our page paths, optionally with its query (a slideshow returns to its agenda and slide): a single "/"
# then lowercase letters, "_" or "-", and a query of URL-safe characters only, so no host can be named.
_LANJUT = re.compile(r"^/[a-z_-]{0,40}(\?[A-Za-z0-9_=&,.%+-]{0,400})?$")
HEADER_AMAN = {
    b"x-content-type-options": b"nosniff",
    b"x-frame-options": b"SAMEORIGIN",
    b"referrer-policy": b"same-origin",
}


def _lanjut(request: Request) -> str:
    nilai = request.query_params.get("lanjut", "/")
    return nilai if _LANJUT.match(nilai) else "/"


def _https(request: HTTPConnection) -> bool:
    """HTTPS directly, or as a trusted reverse proxy says (``X-Forwarded-Proto``)."""
    if request.url.scheme in ("https", "wss"):
        return True
    jarak = request.client.host if request.client else None
    dari_proxy = alamat_klien(jarak, None, frozenset()) in proxy_tepercaya()
    return dari_proxy and request.headers.get("x-forwarded-proto", "").lower() == "https"


def lintas_situs(headers: Mapping[str, str]) -> bool:
    """True when another site started this request. Browsers say so in ``Sec-Fetch-Site`` (only "same-origin",
    or "none" for an address typed or bookmarked, are ours); older ones are judged by ``Origin`` or ``Referer``
    against the ``Host`` the request was sent to."""
    situs = headers.get("sec-fetch-site")
    if situs is not None:
        return situs.lower() not in ("same-origin", "none")
    asal = headers.get("origin") or headers.get("referer")
    if not asal:
        return False
    return urlsplit(asal).netloc.lower() != headers.get("host", "").lower()


def _ditolak(apa: str) -> Response:
    return PlainTextResponse(f"{apa} ditolak: permintaan ini tidak datang dari halaman dasbor ini.",
                             status_code=403)


def buat_rute(daftar: Daftar = DAFTAR) -> list[Route]:
    async def sesi(request: Request) -> Response:
        if lintas_situs(request.headers):
            return _ditolak("Masuk")
        nilai = daftar.tukar_tiket(request.query_params.get("tiket", ""), request.cookies.get(NAMA_KUKI_IKAT))
        resp = RedirectResponse(_lanjut(request), status_code=303)
        if nilai is not None:
            resp.set_cookie(NAMA_KUKI, nilai, max_age=UMUR_DETIK, path="/", httponly=True, samesite="strict",
                            secure=_https(request))
        return resp

    async def keluar(request: Request) -> Response:
        if lintas_situs(request.headers):
            return _ditolak("Keluar")
        resp = RedirectResponse(_lanjut(request), status_code=303)
        resp.delete_cookie(NAMA_KUKI, path="/", httponly=True, samesite="strict")
        return resp

    async def beranda(request: Request) -> Response:
        query = request.url.query
        return RedirectResponse("/" + (f"?{query}" if query else ""), status_code=307)

    return [Route("/api/sesi", sesi, methods=["GET"]), Route("/api/keluar", keluar, methods=["GET"]),
            Route(HALAMAN_UTAMA, beranda, methods=["GET"])]


def kuki_ikat_baru(https: bool) -> bytes:
    """A ``Set-Cookie`` header value for a new random binding cookie (ends with the browser session)."""
    kuki: SimpleCookie = SimpleCookie()
    kuki[NAMA_KUKI_IKAT] = secrets.token_urlsafe(32)
    kuki[NAMA_KUKI_IKAT].update({"path": "/", "httponly": True, "samesite": "Strict", "secure": https})
    return kuki[NAMA_KUKI_IKAT].OutputString().encode("latin-1")


class HeaderAman:
    """Pure ASGI middleware (works for streamed and websocket responses alike)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        koneksi = HTTPConnection(scope)
        perlu_ikat = NAMA_KUKI_IKAT not in koneksi.cookies
        dokumen = koneksi.headers.get("sec-fetch-dest") == "document"  # a page load, even answered "304"

        async def kirim(message: Message) -> None:
            if message["type"] == "http.response.start":
                ada = {k.lower() for k, _ in message.get("headers", [])}
                tambahan = [(k, v) for k, v in HEADER_AMAN.items() if k not in ada]
                jenis = Headers(raw=message.get("headers", [])).get("content-type", "")
                if perlu_ikat and (dokumen or jenis.startswith("text/html")):  # the browser's binding cookie
                    tambahan.append((b"set-cookie", kuki_ikat_baru(_https(koneksi))))
                message = {**message, "headers": [*message.get("headers", []), *tambahan]}
            await send(message)

        await self.app(scope, receive, kirim)
