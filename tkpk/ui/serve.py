"""The server: ``python -m tkpk.ui.serve [--port N] [--address A]`` serves ``app.py`` through ``st.App``.

Why ``st.App`` (Streamlit 1.67 on Starlette/uvicorn) rather than the ``streamlit`` command:
- our own routes (:mod:`tkpk.ui.rute`: the session cookie after a login) and middleware (security headers);
- a lifespan hook, where the log format is set and the caches are warmed (:mod:`tkpk.ui.panas`);
- ``on_script_error``: an exception a page did not catch becomes "galat internal" with a reference id that the
  server log also holds, never a traceback or an English message on screen;
- the accounts file named by ``TKPK_SECRETS`` (tests, odd deployments) is handed to ``st.secrets`` too, so the
  ``[auth]`` OIDC settings and the ``[tkpk]`` allow-list come from the same file as the local accounts.

uvicorn's own reading of ``X-Forwarded-For``/``X-Forwarded-Proto`` is switched off (:func:`abaikan_header_proxy`):
by default it believes them from 127.0.0.1, so a visitor on the server itself, or behind any local proxy, could
claim any client address and step around the login throttle. The app sees the real peer, and only our own rule
(``TKPK_PROXY``, :func:`tkpk.akun.pembatas.alamat_klien`) decides when the header counts.

One relic is switched off: Streamlit treats a ``pages/`` folder beside the entry script as the old (v1)
multipage layout until the first script run calls ``st.navigation``, so a shared link such as ``/tren`` opened
as the very first request after a restart would run ``pages/tren.py`` alone, without ``app.py``'s page config
and navigation. Our pages are declared with ``st.navigation`` in ``app.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import tomllib
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import streamlit as st
from starlette.middleware import Middleware
from streamlit.runtime.pages_manager import PagesManager

from tkpk.akun import lokal as auth
from tkpk.config import ROOT
from tkpk.ui import panas
from tkpk.ui.aman import pesan_internal, rujukan
from tkpk.ui.koneksi import conn_latar
from tkpk.ui.rute import HeaderAman, buat_rute

LOG = logging.getLogger("tkpk.server")
FORMAT_LOG = "%(asctime)s %(levelname)s %(name)s %(message)s"


def atur_log() -> None:
    """Our loggers (``tkpk.*``: logins, internal errors) write to the server's stderr with a timestamp."""
    log = logging.getLogger("tkpk")
    if not log.handlers:
        h = logging.StreamHandler(sys.stderr)
        h.setFormatter(logging.Formatter(FORMAT_LOG))
        log.addHandler(h)
        log.setLevel(logging.INFO)
        log.propagate = False


def _rahasia_berkas() -> dict[str, Any] | None:
    """The accounts file's content for ``st.secrets`` (None when absent or unreadable: Streamlit's own reading
    then decides, and the gates treat broken secrets as "not configured")."""
    path = auth.secrets_path()
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError):
        return None


def saat_galat(exc: Exception) -> bool:
    """``on_script_error``: log under a reference id and show only that id."""
    ref = rujukan(exc, "menjalankan halaman")
    with contextlib.suppress(Exception):  # nothing more can be shown; the log has it
        st.error(pesan_internal(ref))
    return True


@asynccontextmanager
async def _hayat(_app: Any) -> AsyncIterator[None]:
    atur_log()
    LOG.info("server mulai; login lokal dan daftar sesi berada di memori proses ini")
    panas.mulai(conn_latar)  # before the first visit is accepted
    yield
    LOG.info("server berhenti; semua sesi login berakhir")


def abaikan_header_proxy() -> None:
    """Start uvicorn with ``proxy_headers=False`` through ``st.App``'s serving path (Streamlit 1.67 builds its
    ``uvicorn.Config`` from ``starlette_server._get_uvicorn_config_kwargs``; there is no public option). If a
    later Streamlit moves that function, refuse to start rather than silently trust the header."""
    from streamlit.web.server.starlette import starlette_server

    asli = getattr(starlette_server, "_get_uvicorn_config_kwargs", None)
    if asli is None:
        raise RuntimeError("Streamlit tidak lagi menyediakan _get_uvicorn_config_kwargs; periksa tkpk/ui/serve.py "
                           "agar X-Forwarded-For tidak dipercaya begitu saja.")
    if getattr(asli, "tanpa_header_proxy", False):
        return

    def opsi() -> dict[str, Any]:
        return {**asli(), "proxy_headers": False, "forwarded_allow_ips": ""}

    opsi.tanpa_header_proxy = True  # type: ignore[attr-defined]
    starlette_server._get_uvicorn_config_kwargs = opsi


def buat_app() -> st.App:
    PagesManager.uses_pages_directory = False
    abaikan_header_proxy()
    opsi: dict[str, Any] = {"routes": buat_rute(), "middleware": [Middleware(HeaderAman)], "lifespan": _hayat,
                            "on_script_error": saat_galat}
    try:
        return st.App(ROOT / "app.py", secrets=_rahasia_berkas(), **opsi)
    except TypeError:  # a value st.secrets cannot hold (e.g. a TOML date): Streamlit reads the file itself
        LOG.warning("isi %s tidak dapat diteruskan ke st.secrets; memakai pembacaan Streamlit", auth.ENV_SECRETS)
        return st.App(ROOT / "app.py", **opsi)


def _argumen(argv: Sequence[str]) -> dict[str, Any]:
    p = argparse.ArgumentParser(prog="python -m tkpk.ui.serve", description="Jalankan dasbor TKPK.")
    p.add_argument("--port", type=int, default=None, help="port (bawaan: server.port di .streamlit/config.toml)")
    p.add_argument("--address", default=None, help="alamat (bawaan: 127.0.0.1; 0.0.0.0 untuk jaringan kantor)")
    args = p.parse_args(list(argv))
    cfg: dict[str, Any] = {}
    if args.port is not None:
        cfg["server.port"] = args.port
    if args.address is not None:
        cfg["server.address"] = args.address
    return cfg


def main(argv: Sequence[str] | None = None) -> None:
    cfg = _argumen(sys.argv[1:] if argv is None else argv)
    atur_log()
    buat_app().run(config=cfg)


if __name__ == "__main__":
    main()
