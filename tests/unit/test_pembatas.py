"""Login throttling per (account, client): growing delay after 3 failures, a 15-minute lock after 10, never
across clients; the client address; at most a few argon2 checks at once."""

from __future__ import annotations

import threading
import time

import pytest

from tkpk import pembatas
from tkpk.pembatas import BATAS_KUNCI, LAMA_KUNCI, Pembatas, alamat_klien, proxy_tepercaya


class Jam:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_delay_grows_after_three_failures_then_lock_after_ten() -> None:
    jam = Jam()
    p = Pembatas(jam)
    for _ in range(2):
        assert p.izin("ani", "10.0.0.5").keadaan == "boleh"
        assert p.gagal("ani", "10.0.0.5").keadaan == "boleh"
    jeda = []
    for _ in range(3, BATAS_KUNCI):
        assert p.izin("ani", "10.0.0.5").keadaan == "boleh"
        nxt = p.gagal("ani", "10.0.0.5")
        assert nxt.keadaan == "tunda"
        jeda.append(nxt.detik)
        jam.t += nxt.detik  # the patient guesser waits each delay out
    assert jeda == sorted(jeda) and jeda[0] == 1.0 and jeda[-1] > jeda[0]
    assert p.izin("ani", "10.0.0.5").keadaan == "boleh"
    kunci = p.gagal("ani", "10.0.0.5")  # the 10th failure
    assert kunci.keadaan == "kunci" and kunci.detik == LAMA_KUNCI
    jam.t += LAMA_KUNCI - 1
    assert p.izin("ani", "10.0.0.5").keadaan == "kunci"
    jam.t += 2
    assert p.izin("ani", "10.0.0.5").keadaan == "boleh"


def test_hammering_counts_and_locks_quickly() -> None:
    """25 tries in a row without waiting: the 10th locks, and the 26th (the right password) is refused unchecked."""
    p = Pembatas(Jam())
    keadaan = []
    for _ in range(25):
        izin = p.izin("ani", "10.0.0.5")
        keadaan.append(izin.keadaan if izin.keadaan != "boleh" else p.gagal("ani", "10.0.0.5").keadaan)
    assert keadaan.index("kunci") == BATAS_KUNCI - 1
    assert p.izin("ani", "10.0.0.5").keadaan == "kunci"


def test_other_clients_and_accounts_are_not_locked_out() -> None:
    p = Pembatas(Jam())
    for _ in range(30):
        if p.izin("ani", "10.0.0.66").keadaan == "boleh":
            p.gagal("ani", "10.0.0.66")
    assert p.izin("ani", "10.0.0.66").keadaan == "kunci"
    assert p.izin("ani", "10.0.0.5").keadaan == "boleh", "the analyst's own PC is not locked out"
    assert p.izin("budi", "10.0.0.66").keadaan == "boleh"


def test_success_clears_the_pair() -> None:
    p = Pembatas(Jam())
    for _ in range(2):
        p.gagal("ani", "k")
    p.berhasil("ani", "k")
    for _ in range(2):
        assert p.gagal("ani", "k").keadaan == "boleh"


def test_messages_are_indonesian() -> None:
    p = Pembatas(Jam())
    for _ in range(BATAS_KUNCI):
        izin = p.gagal("ani", "k")
    assert "dikunci" in izin.pesan() and "15 menit" in izin.pesan()
    p2 = Pembatas(Jam())
    for _ in range(3):
        izin = p2.gagal("ani", "k")
    assert izin.pesan().startswith("Terlalu banyak percobaan gagal. Tunggu 1 detik")


def test_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pembatas, "MAKS_PASANGAN", 50)
    p = Pembatas(Jam())
    for i in range(500):
        for _ in range(3):
            p.gagal(f"acak{i}", "k")
    assert len(p._catatan) <= 50


@pytest.mark.parametrize(("jauh", "xff", "proxy", "hasil"), [
    ("10.0.0.5", "1.2.3.4", "", "10.0.0.5"),                     # no proxy configured: the header is ignored
    ("10.0.0.5", "1.2.3.4", "10.0.0.9", "10.0.0.5"),             # not from the proxy: ignored
    ("10.0.0.9", "1.2.3.4", "10.0.0.9", "1.2.3.4"),              # from the proxy: believed
    ("10.0.0.9", "6.6.6.6, 1.2.3.4", "10.0.0.9", "1.2.3.4"),     # the client's own claim (left) is not
    ("10.0.0.9", "1.2.3.4, 10.0.0.8", "10.0.0.9,10.0.0.8", "1.2.3.4"),  # two proxies in a row
    ("10.0.0.9", "bukan-alamat", "10.0.0.9", "10.0.0.9"),       # malformed: trust nothing
    (None, "1.2.3.4", "", "127.0.0.1"),                         # Streamlit reports loopback as None
    (None, "1.2.3.4", "127.0.0.1", "1.2.3.4"),                  # a proxy on the same host
])
def test_client_address(jauh: str | None, xff: str, proxy: str, hasil: str) -> None:
    assert alamat_klien(jauh, xff, proxy_tepercaya(proxy)) == hasil


def test_proxy_setting_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TKPK_PROXY", " 10.0.0.9 , salah, ::1")
    assert proxy_tepercaya() == {"10.0.0.9", "::1"}


def test_at_most_a_few_argon2_checks_at_once(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Eight parallel tries on eight accounts: never more than ARGON2_SERENTAK password checks run together."""
    from tkpk import auth, gerbang

    aktif, puncak, kunci = [0], [0], threading.Lock()

    def lambat(path, nama, sandi):  # stands in for the 64 MiB argon2 check
        with kunci:
            aktif[0] += 1
            puncak[0] = max(puncak[0], aktif[0])
        time.sleep(0.2)
        with kunci:
            aktif[0] -= 1
        return "gagal"

    monkeypatch.setattr(auth, "periksa_sandi", lambat)
    p = Pembatas(Jam())
    hasil: list[str] = []
    benang = [threading.Thread(target=lambda i=i: hasil.append(
        gerbang.coba_masuk(tmp_path / "s.toml", f"akun{i}", "sandi-apa-saja", "k", pembatas=p).hasil))
        for i in range(8)]
    for b in benang:
        b.start()
    for b in benang:
        b.join()
    assert puncak[0] == pembatas.ARGON2_SERENTAK
    assert sorted(hasil) == ["gagal"] * 8
