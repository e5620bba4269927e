"""Login throttling per (account, client): growing delay after 3 failures, a 15-minute lock after 10, never
across clients; the client address; at most a few argon2 checks at once."""

from __future__ import annotations

import threading
import time

import pytest

from tkpk.akun import pembatas
from tkpk.akun.pembatas import (
    BATAS_KLIEN,
    BATAS_KUNCI,
    JENDELA_KLIEN,
    LAMA_KUNCI,
    Pembatas,
    alamat_klien,
    proxy_tepercaya,
)


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
    from tkpk.akun import gerbang
    from tkpk.akun import lokal as auth

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


# --- review of issue 15, findings 2 and 4: tries in flight, and one client trying many account names -------------

class HitungIzin(Pembatas):
    """A Pembatas that tells the test how many tries have been judged (the decision, not the password check)."""

    def __init__(self) -> None:
        super().__init__(Jam())
        self.dinilai = 0
        self.cv = threading.Condition()

    def izin(self, akun: str, klien: str):  # type: ignore[override]
        hasil = super().izin(akun, klien)
        with self.cv:
            self.dinilai += 1
            self.cv.notify_all()
        return hasil

    def tunggu(self, n: int) -> None:
        with self.cv:
            assert self.cv.wait_for(lambda: self.dinilai >= n, timeout=30), self.dinilai


@pytest.fixture
def akun_ani(tmp_path, monkeypatch: pytest.MonkeyPatch):
    """An account "ani"; the password check is replaced by one that blocks wrong passwords until ``gerbang``
    is opened (the slow 64 MiB argon2 check, stretched), and counts how many checks ran."""
    from tkpk.akun import gerbang
    from tkpk.akun import lokal as auth

    path = tmp_path / "s.toml"
    auth.add_user(path, "ani", "sandi-benar-ani")
    buka = threading.Event()
    dicek: list[str] = []

    def periksa(p, nama, sandi):
        dicek.append(sandi)
        if sandi == "sandi-benar-ani" and nama == "ani":
            return "ok"
        buka.wait(30)
        return "gagal"

    monkeypatch.setattr(auth, "periksa_sandi", periksa)
    monkeypatch.setattr(gerbang, "SEMAFOR", threading.BoundedSemaphore(64))  # the throttle is under test here
    return path, buka, dicek


def test_parallel_tries_cannot_outrun_the_lock(akun_ani) -> None:
    """29 wrong passwords sent at once, then the right one while they are still being checked: refused, and
    no more than one check of that pair ran at a time (before: all 30 were checked and the right one got in)."""
    from tkpk.akun import gerbang

    path, buka, dicek = akun_ani
    p = HitungIzin()
    hasil: dict[int, object] = {}

    def coba(i: int, sandi: str) -> None:
        hasil[i] = gerbang.coba_masuk(path, "ani", sandi, "10.0.0.5", pembatas=p)

    salah = [threading.Thread(target=coba, args=(i, f"tebakan-{i:02d}")) for i in range(29)]
    for b in salah:
        b.start()
    p.tunggu(29)  # every wrong try has been judged; those let through are still being checked
    coba(29, "sandi-benar-ani")
    buka.set()
    for b in salah:
        b.join()
    benar = hasil[29]
    assert not benar.berhasil and benar.hasil in ("kunci", "tunda"), benar  # type: ignore[attr-defined]
    assert len(dicek) == 1, f"{len(dicek)} checks ran for one pair at once"
    assert p.izin("ani", "10.0.0.5").keadaan == "kunci", "the hammering locked the pair"
    assert not gerbang.coba_masuk(path, "ani", "sandi-benar-ani", "10.0.0.5", pembatas=p).berhasil
    assert gerbang.coba_masuk(path, "ani", "sandi-benar-ani", "10.0.0.7", pembatas=p).berhasil, \
        "the analyst's own PC is not locked out"


def test_thirty_concurrent_tries_right_one_last_refused(akun_ani) -> None:
    """The reviewer's case in threads: 30 tries at once, the right password last, no waiting in between."""
    from tkpk.akun import gerbang

    path, buka, _ = akun_ani
    p = HitungIzin()
    mulai = threading.Barrier(29)
    hasil: list[object] = []

    def coba(sandi: str) -> None:
        mulai.wait()
        hasil.append(gerbang.coba_masuk(path, "ani", sandi, "10.0.0.5", pembatas=p))

    benang = [threading.Thread(target=coba, args=(f"salah-{i:02d}",)) for i in range(29)]
    for b in benang:
        b.start()
    p.tunggu(29)  # all judged; any let through are blocked in the (stretched) password check
    akhir = gerbang.coba_masuk(path, "ani", "sandi-benar-ani", "10.0.0.5", pembatas=p)
    buka.set()
    for b in benang:
        b.join()
    assert not akhir.berhasil and akhir.hasil == "kunci", akhir


def test_a_reservation_is_released_when_no_check_slot_is_free(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A try told the server is busy neither counts as a failure nor leaves the pair blocked."""
    from tkpk.akun import gerbang

    monkeypatch.setattr(gerbang, "SEMAFOR", threading.BoundedSemaphore(1))
    monkeypatch.setattr(gerbang, "TUNGGU_SLOT", 0.01)
    gerbang.SEMAFOR.acquire()
    p = Pembatas(Jam())
    assert gerbang.coba_masuk(tmp_path / "s.toml", "ani", "x" * 12, "k", pembatas=p).hasil == "sibuk"
    gerbang.SEMAFOR.release()
    assert p.izin("ani", "k").keadaan == "boleh"


def test_one_client_trying_many_names_gets_a_cheap_refusal(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Random account names are each a fresh (account, client) pair; the client's own budget stops them before
    any argon2 check, says so in Indonesian, and leaves other clients (the analyst elsewhere) alone."""
    from tkpk.akun import gerbang
    from tkpk.akun import lokal as auth

    path = tmp_path / "s.toml"
    auth.add_user(path, "ani", "sandi-benar-ani")
    dicek: list[str] = []
    asli = auth.periksa_sandi

    def hitung(p, nama, sandi):
        dicek.append(nama)
        # the random names fail without their argon2 check (30 of them cost 8 s); what is counted is the call
        return "gagal" if nama.startswith("acak") else asli(p, nama, sandi)

    monkeypatch.setattr(auth, "periksa_sandi", hitung)
    jam = Jam()
    p = Pembatas(jam)
    for i in range(BATAS_KLIEN):
        assert gerbang.coba_masuk(path, f"acak{i}", "x" * 12, "10.0.0.66", pembatas=p).hasil == "gagal"
        jam.t += 1
    assert len(dicek) == BATAS_KLIEN
    for nama in ("acak-lagi", "ani"):
        h = gerbang.coba_masuk(path, nama, "sandi-benar-ani", "10.0.0.66", pembatas=p)
        assert not h.berhasil and h.hasil == "klien", h
        assert "perangkat ini" in h.pesan and "menit" in h.pesan, h.pesan
    assert len(dicek) == BATAS_KLIEN, "refused before any password check"
    assert gerbang.coba_masuk(path, "ani", "sandi-benar-ani", "10.0.0.5", pembatas=p).berhasil, \
        "another client is not affected"
    jam.t += JENDELA_KLIEN
    assert gerbang.coba_masuk(path, "acak-baru", "x" * 12, "10.0.0.66", pembatas=p).hasil == "gagal", \
        "the budget refills after the window"


def test_client_budget_holds_against_parallel_random_names(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tkpk.akun import gerbang
    from tkpk.akun import lokal as auth

    buka = threading.Event()
    dicek: list[str] = []

    def lambat(p, nama, sandi):
        dicek.append(nama)
        buka.wait(30)
        return "gagal"

    monkeypatch.setattr(auth, "periksa_sandi", lambat)
    monkeypatch.setattr(gerbang, "SEMAFOR", threading.BoundedSemaphore(200))
    p = HitungIzin()
    benang = [threading.Thread(target=gerbang.coba_masuk, args=(tmp_path / "s.toml", f"acak{i}", "x" * 12, "k"),
                               kwargs={"pembatas": p}) for i in range(3 * BATAS_KLIEN)]
    for b in benang:
        b.start()
    p.tunggu(3 * BATAS_KLIEN)
    buka.set()
    for b in benang:
        b.join()
    assert len(dicek) == BATAS_KLIEN, "in-flight checks count against the client's budget too"


def test_ipv6_clients_share_a_budget_per_64_network() -> None:
    p = Pembatas(Jam())
    for i in range(BATAS_KLIEN):
        assert p.izin(f"acak{i}", f"2001:db8::{i + 1:x}").keadaan == "boleh"
        p.gagal(f"acak{i}", f"2001:db8::{i + 1:x}")
    assert p.izin("ani", "2001:db8::ffff").keadaan == "klien", "a new address in the same /64 is the same client"
    assert p.izin("ani", "2001:db8:0:1::1").keadaan == "boleh"
