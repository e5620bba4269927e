"""Decisions on slides (:mod:`tkpk.rakor.halaman`): split by the lines their rows need, a text too long for a
slide of its own cut at a word.

Review findings (issue 17): slides held a fixed 3 or 6 decisions, and one ~700-character decision pushed the next
ones below the bottom of a 1280×720 projector; then (second review) a flat three lines a row still ran below the
screen with long place names and deadlines, the "cut" line showed where nothing was cut, the Keputusan slide
showed a balanced share instead of what fits, and typed line breaks showed as a literal backslash-n.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from tkpk.rakor import halaman as hl

TL720, TL1080 = hl.TINDAK_LANJUT[720], hl.TINDAK_LANJUT[1080]
PENDEK = "Perbaiki data DTSEN desil 1 di Kecamatan Aluh Aluh"
KALIMAT = "Dinas Sosial memverifikasi ulang data penerima bantuan di desa kantong kemiskinan. "
BARIS = {"No": "1", "OPD": "Dinas Sosial P3AP2KB", "Lokasi": "Aluh Aluh (kec.)", "Tenggat": "30 Juni 2030",
         "Status": "○ Baru", "Saran dari data": "–"}


def _tabel(teks: list[str], **lain: str) -> pd.DataFrame:
    return pd.DataFrame([{**BARIS, **lain, "No": str(i + 1), "Keputusan": t} for i, t in enumerate(teks)],
                        columns=[*BARIS, "Keputusan"])


def test_cells_wrap_at_their_words() -> None:
    assert hl.baris_teks("31 Desember 2031", 9) == 3  # "31" / "Desember" / "2031", as the browser drew it
    assert hl.baris_teks("Dinas Sosial P3AP2KB", 9) == 3
    assert hl.baris_teks("", 9) == 1 and hl.baris_teks("x" * 20, 9) == 3
    row = {**BARIS, "Keputusan": PENDEK}
    assert hl.garis(row, TL720) == 3 + hl.RUANG_BARIS  # the OPD name is the tallest cell
    desa = {**row, "Lokasi": "Sungai Alang (Karang Intan), Pematang Danau (Mataraman)"}
    assert hl.garis(desa, TL720) > hl.garis(row, TL720)


def test_short_decisions_split_as_the_count_rule_did() -> None:
    """Short decisions leave the narrow columns room: 3 a slide at 720, 5 or 6 at 1080, split evenly."""
    def bagi(n: int, u: hl.Ukuran) -> list[slice]:
        return hl.untuk_slide(_tabel([PENDEK] * n), u).bagian

    assert [len(bagi(n, TL720)) for n in (0, 3, 4, 6, 7)] == [1, 1, 2, 2, 3]
    assert bagi(7, TL720) == [slice(0, 3), slice(3, 6), slice(6, 7)]
    assert bagi(6, TL720) == [slice(0, 3), slice(3, 6)]
    assert [len(bagi(n, TL1080)) for n in (6, 7)] == [1, 2]
    assert bagi(7, TL1080) == [slice(0, 4), slice(4, 7)]  # balanced: not 6 + 1


def test_a_long_decision_squeezes_the_narrow_columns_of_its_slide() -> None:
    """With a long text on the slide, "Dinas Sosial P3AP2KB" and "31 Desember 2031" wrap to three lines (second
    review: rows costed at three lines ran off the screen with long place names and deadlines)."""
    row = {**BARIS, "Keputusan": PENDEK, "Tenggat": "31 Desember 2031"}
    assert hl.garis(row, TL720, lega=True) == 2 + hl.RUANG_BARIS
    assert hl.garis(row, TL720) == 3 + hl.RUANG_BARIS
    s = hl.untuk_slide(_tabel([PENDEK, PENDEK, (KALIMAT * 3)[:200]], Tenggat="31 Desember 2031"), TL720)
    assert s.biaya.beban(0, 2) == 2 * (2 + hl.RUANG_BARIS)  # the two short ones alone: roomy
    assert s.biaya.beban(0, 3) > s.biaya.beban(0, 2) + 4  # with the long one: all squeezed
    assert s.bagian == [slice(0, 2), slice(2, 3)]


def test_a_long_decision_takes_the_room_of_several() -> None:
    """The first reviewer's case: a ~700-character decision no longer shares a 720 slide; at 1080 it is whole."""
    t = _tabel([PENDEK, (KALIMAT * 9)[:700], PENDEK, PENDEK])
    s = hl.untuk_slide(t, TL720)
    assert s.dipotong == [False, True, False, False]
    assert s.bagian == [slice(0, 1), slice(1, 2), slice(2, 4)]
    s = hl.untuk_slide(t, TL1080)
    assert not any(s.dipotong) and s.bagian == [slice(0, 4)]


def test_a_text_too_long_for_one_slide_is_cut_at_a_word_to_what_fits() -> None:
    teks = (KALIMAT * 13)[:1000].strip()
    potong = hl.potong(teks, TL720)
    assert potong.endswith(hl.ELIPSIS) and teks.startswith(potong[:-1])
    assert teks[len(potong) - 1] in " ,.", "cut inside a word"
    row = {**BARIS, "Keputusan": potong}
    assert hl.garis(row, TL720) + hl.GARIS_CATATAN <= TL720.garis  # with the line saying it was cut
    assert hl.potong(teks, TL1080) == teks  # the 1920×1080 slide holds the longest text the form takes
    tanpa_spasi = "x" * 2000
    assert hl.potong(tanpa_spasi, TL720).endswith(hl.ELIPSIS)
    assert hl.baris_teks(hl.potong(tanpa_spasi, TL720), TL720.huruf) + hl.GARIS_CATATAN < TL720.garis


def test_only_a_row_really_cut_is_marked_and_typed_line_breaks_become_spaces() -> None:
    t = _tabel(["Catatan yang diketik dengan elipsis di akhir…", "Baris satu\nBaris dua\n\nBaris  tiga",
                KALIMAT * 20])
    s = hl.untuk_slide(t, TL720)
    assert s.dipotong == [False, False, True]
    assert s.tabel["Keputusan"].iloc[1] == "Baris satu Baris dua Baris tiga"
    assert not s.ada_potong(slice(0, 2)) and s.ada_potong(slice(2, 3))
    assert t["Keputusan"].iloc[2] == KALIMAT * 20  # the caller's table (the download's) is left as typed


def test_the_keputusan_slide_shows_what_fits_not_a_balanced_share() -> None:
    """Second review: five short decisions at 1080 showed 3 (a balanced share of two slides) where 4 fit."""
    u = hl.KEPUTUSAN[1080]
    kolom = ["No", "Keputusan", "OPD", "Lokasi", "Acuan target", "Tenggat"]
    t = _tabel([PENDEK] * 5).assign(**{"Acuan target": "–"})[kolom]
    _, bagian = hl.keputusan_slide(t, u)
    assert bagian == slice(0, 4)
    assert hl.keputusan_slide(t.head(0), u)[1] == slice(0, 0)


@given(st.lists(st.floats(min_value=1.15, max_value=20), max_size=25), st.sampled_from([720, 1080]))
def test_every_decision_on_exactly_one_slide_in_order_within_the_room(biaya: list[float], layar: int) -> None:
    u = hl.TINDAK_LANJUT[layar]
    bagian = hl.bagi(biaya, u)
    assert [i for b in bagian for i in range(b.start, b.stop)] == list(range(len(biaya)))
    for b in bagian:
        n = b.stop - b.start
        assert n <= u.maks
        assert n == 1 or sum(biaya[b]) <= u.garis, (biaya, bagian)
    assert len(bagian) == (len(hl._isi(hl.Biaya.tetap(biaya), u.garis, u.maks)) if biaya else 1)


def test_third_review_round_capitals_long_titles_and_programs() -> None:
    """Second review: a three-line summary (a long rakor name and place) and decisions typed in capitals ran 47 px
    below a 720 slide; a 300-character place made a six-line summary; a 1.500-character program was never cut."""
    kecil = (KALIMAT * 2)[:100]
    assert hl.baris_teks(kecil.upper(), 70, kapital=True) > hl.baris_teks(kecil, 70, kapital=True)
    assert hl.baris_teks("Dinas Sosial P3AP2KB", 13) == 2  # short cells: abbreviations are allowed for
    ekor = " — 18 keputusan: 2 selesai, 1 berjalan, 15 baru; 16 terlambat."
    judul = "Rakor TKPK " + "Aula Bappedalitbang " * 15
    potong = hl.judul_slide(judul, ekor, TL720)
    assert potong.endswith(hl.ELIPSIS) and judul.startswith(potong[:-1])
    assert hl.baris_teks(potong + ekor, TL720.huruf_ringkas) <= 3
    assert hl.judul_slide("Rakor TKPK Desember 2024", ekor, TL720) == "Rakor TKPK Desember 2024"
    assert hl.ukuran(hl.TINDAK_LANJUT, 720, "x " * 60).garis == TL720.garis  # two lines: counted in the budget
    assert hl.ukuran(hl.TINDAK_LANJUT, 720, "x " * 140).garis == TL720.garis - hl.GARIS_RINGKAS
    program = "Program peningkatan kesejahteraan sosial terpadu lintas OPD " * 25 + ": 1.500"
    acuan = hl.potong_acuan(program.replace(" : ", ": "))
    assert len(acuan) <= hl.MAKS_ACUAN and acuan.endswith("…: 1.500")
    t = _tabel([PENDEK]).assign(**{"Acuan target": program})
    assert hl.untuk_slide(t, hl.KEPUTUSAN[720]).dipotong == [True]  # the slide says where the whole text is
