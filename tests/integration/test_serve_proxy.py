"""Finding 3 of the review of issue 15: uvicorn (under ``st.App``) trusted ``X-Forwarded-For`` from 127.0.0.1 by
default, so without ``TKPK_PROXY`` a visitor behind any local proxy, or on the machine itself, could claim any
client address and step around the login throttle. The server must hand the app the real peer address and
leave ``X-Forwarded-For`` to our own rule (:func:`tkpk.akun.pembatas.alamat_klien`).

Built through Streamlit's own serving path (``starlette_server._get_uvicorn_config_kwargs`` → ``uvicorn.Config``),
then driven as ASGI with a fake peer."""

from __future__ import annotations

import asyncio
import threading

import pytest
import uvicorn
from streamlit.web.server.starlette import starlette_server

from tkpk.ui import serve


def _peer_as_the_app_sees_it(kwargs: dict, peer: str, xff: str) -> tuple[str, str]:
    seen: dict[str, object] = {}

    async def app(scope, receive, send) -> None:
        seen["client"] = scope["client"]
        seen["headers"] = dict(scope["headers"])
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    cfg = uvicorn.Config(app, **kwargs)
    cfg.load()
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": "/", "raw_path": b"/", "query_string": b"", "root_path": "", "server": ("127.0.0.1", 8501),
             "client": (peer, 51000), "headers": [(b"host", b"127.0.0.1:8501"), (b"x-forwarded-for", xff.encode())]}

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        return None

    # in a thread of its own: Playwright's sync API may hold a running event loop in this one (e2e tests)
    benang = threading.Thread(target=lambda: asyncio.run(cfg.loaded_app(scope, receive, send)))
    benang.start()
    benang.join(timeout=30)
    client = seen["client"]
    assert isinstance(client, tuple)
    return str(client[0]), seen["headers"][b"x-forwarded-for"].decode()  # type: ignore[index]


@pytest.mark.parametrize("peer", ["127.0.0.1", "::1", "10.0.0.9"])
def test_uvicorn_hands_the_app_the_real_peer(monkeypatch: pytest.MonkeyPatch, peer: str) -> None:
    monkeypatch.delenv("TKPK_PROXY", raising=False)
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    # restored after the test: serve.buat_app() wraps Streamlit's uvicorn settings for this process
    monkeypatch.setattr(starlette_server, "_get_uvicorn_config_kwargs", starlette_server._get_uvicorn_config_kwargs)
    serve.buat_app()
    kwargs = starlette_server._get_uvicorn_config_kwargs()
    client, xff = _peer_as_the_app_sees_it(kwargs, peer, "203.0.113.7")
    assert client == peer, "X-Forwarded-For did not replace the connection's address"
    assert xff == "203.0.113.7", "the header still reaches the app, for the TKPK_PROXY rule"
