"""Our own HTTP routes beside Streamlit's (served by :mod:`tkpk.ui.serve` through ``st.App``).

- ``GET /api/sesi?tiket=…&lanjut=/unggah``: swaps the one-time ticket a login just made for the session cookie
  (signed, expiring, HttpOnly, SameSite=Strict; Secure when the request came over HTTPS) and sends the browser
  back to the page. Why a route: a Streamlit script cannot set an HttpOnly cookie.
- ``GET /api/keluar?lanjut=…``: deletes that cookie (the session itself was already ended server-side).
- A middleware adds headers every response should carry (no framing by other sites, no MIME sniffing, no
  referrer leaking the query string).

``lanjut`` is only ever one of our page paths, so these routes cannot redirect anywhere else.
"""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tkpk.pembatas import alamat_klien, proxy_tepercaya
from tkpk.sesi import DAFTAR, NAMA_KUKI, UMUR_DETIK, Daftar

_LANJUT = re.compile(r"^/[a-z_]{0,40}$")
HEADER_AMAN = {
    b"x-content-type-options": b"nosniff",
    b"x-frame-options": b"SAMEORIGIN",
    b"referrer-policy": b"same-origin",
}


def _lanjut(request: Request) -> str:
    nilai = request.query_params.get("lanjut", "/")
    return nilai if _LANJUT.match(nilai) else "/"


def _https(request: Request) -> bool:
    """HTTPS directly, or as a trusted reverse proxy says (``X-Forwarded-Proto``)."""
    if request.url.scheme == "https":
        return True
    jarak = request.client.host if request.client else None
    dari_proxy = alamat_klien(jarak, None, frozenset()) in proxy_tepercaya()
    return dari_proxy and request.headers.get("x-forwarded-proto", "").lower() == "https"


def buat_rute(daftar: Daftar = DAFTAR) -> list[Route]:
    async def sesi(request: Request) -> Response:
        nilai = daftar.tukar_tiket(request.query_params.get("tiket", ""))
        resp = RedirectResponse(_lanjut(request), status_code=303)
        if nilai is not None:
            resp.set_cookie(NAMA_KUKI, nilai, max_age=UMUR_DETIK, path="/", httponly=True, samesite="strict",
                            secure=_https(request))
        return resp

    async def keluar(request: Request) -> Response:
        resp = RedirectResponse(_lanjut(request), status_code=303)
        resp.delete_cookie(NAMA_KUKI, path="/", httponly=True, samesite="strict")
        return resp

    return [Route("/api/sesi", sesi, methods=["GET"]), Route("/api/keluar", keluar, methods=["GET"])]


class HeaderAman:
    """Pure ASGI middleware (works for streamed and websocket responses alike)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def kirim(message: Message) -> None:
            if message["type"] == "http.response.start":
                ada = {k.lower() for k, _ in message.get("headers", [])}
                tambahan = [(k, v) for k, v in HEADER_AMAN.items() if k not in ada]
                message = {**message, "headers": [*message.get("headers", []), *tambahan]}
            await send(message)

        await self.app(scope, receive, kirim)
