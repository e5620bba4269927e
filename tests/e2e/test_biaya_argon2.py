"""The browser and resilience layers keep the deployed argon2 cost (tests/conftest.py ``argon2_murah``): the accounts
they write are checked by a served app, whose logins, lockouts and concurrent sessions must run at that cost."""

from pathlib import Path

import pytest

from tkpk.akun import lokal

pytestmark = pytest.mark.e2e


def test_accounts_for_a_served_app_are_hashed_at_the_deployed_cost(tmp_path: Path) -> None:
    """Review finding: the fast hasher of in-process tests (tests/conftest.py) also reached the accounts that
    browser and resilience tests give their servers, so their logins and lockouts were checked at m=8 KiB and an
    unknown name took longer than a known one. Those layers keep the deployed argon2 cost."""
    from argon2 import extract_parameters

    path = tmp_path / "secrets.toml"
    lokal.add_user(path, "analis", "sandi-browser-aman-42")
    p = extract_parameters(lokal.baca_users(path)["analis"])
    assert (p.memory_cost, p.time_cost) == (65536, 3)
    assert extract_parameters(lokal._HASH_PALSU) == p
