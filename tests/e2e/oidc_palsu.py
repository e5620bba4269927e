"""A tiny OpenID Connect provider on loopback, for testing ``st.login`` end to end without the internet.

It serves the discovery document, ``/authorize`` (no login screen: it signs in whoever the test put in
:attr:`PenyediaPalsu.berikut`), ``/token`` (checks the client secret and the PKCE verifier, returns an RS256 ID
token with the nonce) and the JWKS of an RSA key made at start. Streamlit's real OIDC path (Authlib) does the
rest: discovery, redirect, state, code exchange, signature and claim checks.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import socket
import threading
import time
from typing import Any
from urllib.parse import urlencode

import uvicorn
from joserfc import jwt
from joserfc.jwk import RSAKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

CLIENT_ID = "dasbor-tkpk-uji"
CLIENT_SECRET = secrets.token_urlsafe(24)


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PenyediaPalsu:
    def __init__(self) -> None:
        self.port = port_bebas()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.kunci = RSAKey.generate_key(2048, parameters={"kid": "uji-1", "use": "sig", "alg": "RS256"})
        self.berikut: dict[str, Any] = {}  # claims of whoever signs in next
        self._kode: dict[str, dict[str, Any]] = {}
        self.token_diminta = 0
        app = Starlette(routes=[
            Route("/.well-known/openid-configuration", self._discovery),
            Route("/authorize", self._authorize),
            Route("/token", self._token, methods=["POST"]),
            Route("/jwks", self._jwks),
        ])
        self._server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self._benang = threading.Thread(target=self._server.run, daemon=True)

    @property
    def metadata_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    def __enter__(self) -> PenyediaPalsu:
        self._benang.start()
        batas = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > batas:
                raise RuntimeError("fake OIDC provider did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._benang.join(timeout=10)

    async def _discovery(self, request: Request) -> Response:
        return JSONResponse({
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "scopes_supported": ["openid", "email", "profile"],
        })

    async def _jwks(self, request: Request) -> Response:
        return JSONResponse({"keys": [self.kunci.as_dict(private=False)]})

    async def _authorize(self, request: Request) -> Response:
        q = request.query_params
        if q.get("client_id") != CLIENT_ID or q.get("response_type") != "code":
            return Response("permintaan salah", status_code=400)
        kode = secrets.token_urlsafe(16)
        self._kode[kode] = {"klaim": dict(self.berikut), "nonce": q.get("nonce"), "redirect_uri": q["redirect_uri"],
                            "challenge": q.get("code_challenge")}
        return RedirectResponse(f"{q['redirect_uri']}?{urlencode({'code': kode, 'state': q['state']})}", 302)

    async def _token(self, request: Request) -> Response:
        form = await request.form()
        auth = request.headers.get("authorization", "")
        if auth.startswith("Basic "):
            cid, _, rahasia = base64.b64decode(auth[6:]).decode().partition(":")
        else:
            cid, rahasia = str(form.get("client_id")), str(form.get("client_secret"))
        if cid != CLIENT_ID or rahasia != CLIENT_SECRET:
            return JSONResponse({"error": "invalid_client"}, status_code=401)
        isi = self._kode.pop(str(form.get("code")), None)
        if isi is None or form.get("redirect_uri") != isi["redirect_uri"]:
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        if isi["challenge"]:
            hitung = base64.urlsafe_b64encode(hashlib.sha256(str(form.get("code_verifier")).encode()).digest())
            if hitung.rstrip(b"=").decode() != isi["challenge"]:
                return JSONResponse({"error": "invalid_grant", "error_description": "pkce"}, status_code=400)
        self.token_diminta += 1
        sekarang = int(time.time())
        klaim = {"iss": self.issuer, "aud": CLIENT_ID, "iat": sekarang, "exp": sekarang + 3600,
                 "nonce": isi["nonce"], **isi["klaim"]}
        id_token = jwt.encode({"alg": "RS256", "kid": "uji-1"}, klaim, self.kunci)
        return JSONResponse({"access_token": secrets.token_urlsafe(16), "token_type": "Bearer", "expires_in": 3600,
                             "id_token": id_token, "scope": "openid email profile"})


def secrets_toml(penyedia: PenyediaPalsu, port_app: int, analis: list[str], nama: str | None = None) -> str:
    """The ``secrets.toml`` an operator would write for this provider, with the allow-list; with ``nama`` the
    provider gets its own section ``[auth.<nama>]`` (Streamlit's per-provider layout)."""
    daftar = ", ".join(f'"{a}"' for a in analis)
    return (
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port_app}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_urlsafe(32)}"\n'
        + (f"\n[auth.{nama}]\n" if nama else "")
        + f'client_id = "{CLIENT_ID}"\n'
        f'client_secret = "{CLIENT_SECRET}"\n'
        f'server_metadata_url = "{penyedia.metadata_url}"\n'
        "\n[tkpk]\n"
        f"analis = [{daftar}]\n"
    )
