"""A decision's long runs without a space break when shown (:func:`tkpk.rakor.tabel.bisa_patah`), nothing else."""

from hypothesis import given
from hypothesis import strategies as st

from tkpk.rakor.tabel import PATAH_BATAS, PATAH_SETIAP, ZWSP, bisa_patah
from tkpk.teks_aman import md

URL = "https://satudata.banjarkab.go.id/dataset/penerima-bansos-desil-1-2025"


def test_ordinary_words_amounts_and_dates_are_left_whole() -> None:
    teks = ("Alokasikan Rp22.157.000.000 untuk 1.234 KPM sebelum 30-06-2030 (Kesejahteraan Sosial) "
            "mempertanggungjawabkan")
    assert bisa_patah(teks) == teks


def test_a_long_run_may_break_every_few_characters_and_reads_the_same() -> None:
    out = bisa_patah(f"Unggah ke {URL} sebelum rakor")
    assert isinstance(out, str) and out.replace(ZWSP, "") == f"Unggah ke {URL} sebelum rakor"
    bagian = out.split(" ")[2].split(ZWSP)
    assert len(bagian) == -(-len(URL) // PATAH_SETIAP) and all(len(b) <= PATAH_SETIAP for b in bagian)
    assert bisa_patah(None) is None and bisa_patah(3) == 3


def test_the_shown_text_still_cannot_become_a_link() -> None:
    # md() puts a word joiner inside "://", "www." and "@x"; a break inserted before it must not undo that
    for teks in (URL, "x" * 18 + URL, "y" * 22 + "www.contoh.invalid/abc/def", "z" * 24 + "a@contoh.invalid" * 3):
        shown = md(bisa_patah(teks))
        assert "://" not in shown and "www." not in shown.lower() and "@c" not in shown


@given(st.text(alphabet=st.sampled_from("ab1./:-@ w\u00e9"), max_size=80))
def test_only_runs_of_the_limit_or_longer_change(teks: str) -> None:
    out = bisa_patah(teks)
    assert out.replace(ZWSP, "") == teks
    for kata, asli in zip(out.split(" "), teks.split(" "), strict=True):
        assert (kata == asli) == (len(asli) < PATAH_BATAS)
