"""Failures we did not foresee, told to the user without internals: a short reference id on screen, the same id
beside the full traceback in the server log, so an analyst can quote it and the operator can find it."""

from __future__ import annotations

import logging
import secrets

__all__ = ["pesan_internal", "rujukan"]

LOG = logging.getLogger("tkpk.galat")


def rujukan(exc: BaseException | None, konteks: str) -> str:
    """Log ``exc`` (with its traceback) under a new short reference id and return the id."""
    ref = secrets.token_hex(4).upper()
    LOG.error("galat internal ref=%s saat %s", ref, konteks, exc_info=exc)
    return ref


def pesan_internal(ref: str, akibat: str = "") -> str:
    return (f"Terjadi galat internal (kode rujukan **{ref}**). {akibat} Sampaikan kode ini kepada pengelola "
            "server; rinciannya ada di log server.").replace("  ", " ")
