"""Decisions on slides (:mod:`tkpk.rakor.halaman`): split by the lines their texts need, a text too long for a
slide of its own cut at a word.

Review finding (issue 17): slides held a fixed 3 or 6 decisions, and one ~700-character decision pushed the next
ones below the bottom of a 1280×720 projector.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from tkpk.rakor import halaman as hl

TL720, TL1080 = hl.TINDAK_LANJUT[720], hl.TINDAK_LANJUT[1080]
PENDEK = "Perbaiki data DTSEN desil 1 di Kecamatan Aluh Aluh"  # one line of the Keputusan column
KALIMAT = "Dinas Sosial memverifikasi ulang data penerima bantuan di desa kantong kemiskinan. "


def _biaya(teks: list[str], u: hl.Ukuran) -> list[int]:
    return [hl.garis(hl.potong(t, u), "", u) for t in teks]


def test_short_decisions_split_by_count_as_before() -> None:
    """Texts of up to three lines: 3 a slide at 720, 6 at 1080, split evenly (what the count rule gave)."""
    def jumlah(n: int, u: hl.Ukuran) -> int:
        return len(hl.bagi([3] * n, u))

    assert [jumlah(n, TL720) for n in (0, 3, 4, 6, 7)] == [1, 1, 2, 2, 3]
    assert [jumlah(n, TL1080) for n in (6, 7)] == [1, 2]
    assert hl.bagi([3] * 7, TL720) == [slice(0, 3), slice(3, 6), slice(6, 7)]
    assert hl.bagi([3] * 6, TL720) == [slice(0, 3), slice(3, 6)]
    assert hl.bagi([3] * 7, TL1080) == [slice(0, 4), slice(4, 7)]
    assert hl.bagi([], TL720) == [slice(0, 0)]


def test_a_long_decision_takes_the_room_of_several() -> None:
    """The reviewer's case: a ~700-character decision among short ones no longer shares a 720 slide with two more;
    at 1080 it is shown whole."""
    teks = [PENDEK, (KALIMAT * 9)[:700], PENDEK, PENDEK]
    t = pd.DataFrame({"Keputusan": teks, "Lokasi": ["–"] * 4})
    s = hl.untuk_slide(t, TL720)
    assert s.bagian == [slice(0, 1), slice(1, 2), slice(2, 4)]  # the count rule gave [0, 3), [3, 4)
    assert hl.untuk_slide(t, TL1080).bagian == [slice(0, 4)] and not hl.untuk_slide(t, TL1080).dipotong
    biaya = _biaya(teks, TL1080)
    assert biaya[1] == 7 and sum(biaya) <= TL1080.garis


def test_a_text_too_long_for_one_slide_is_cut_at_a_word() -> None:
    teks = (KALIMAT * 13)[:1000].strip()
    potong = hl.potong(teks, TL720)
    assert potong.endswith(hl.ELIPSIS) and len(potong) <= (TL720.garis - 1 - hl.GARIS_CATATAN) * TL720.huruf
    assert teks.startswith(potong[:-1]) and teks[len(potong) - 1] in " ,.", "cut inside a word"
    assert hl.garis(potong, "", TL720) + hl.GARIS_CATATAN <= TL720.garis  # with the line saying it was cut
    assert hl.potong(teks, TL1080) == teks  # the 1920×1080 slide holds it whole
    tanpa_spasi = "x" * 2000
    assert hl.potong(tanpa_spasi, TL720) == "x" * ((TL720.garis - 1 - hl.GARIS_CATATAN) * TL720.huruf - 1) + hl.ELIPSIS


def test_a_long_place_list_costs_lines_too() -> None:
    lokasi = ", ".join(f"Desa Contoh {i} (Sungai Tabuk)" for i in range(6))
    assert hl.garis(PENDEK, lokasi, TL720) > hl.garis(PENDEK, "Aluh Aluh (kec.)", TL720) == hl.GARIS_MIN


def test_for_slides_the_shown_table_is_cut_and_flagged() -> None:
    t = pd.DataFrame({"No": [1, 2], "Keputusan": [PENDEK, KALIMAT * 20], "Lokasi": ["–", "–"]})
    s = hl.untuk_slide(t, TL720)
    assert s.dipotong and s.tabel["Keputusan"].iloc[0] == PENDEK and s.tabel["Keputusan"].iloc[1].endswith("…")
    assert t["Keputusan"].iloc[1] == KALIMAT * 20  # the caller's table (the download's) is left as typed
    assert not hl.untuk_slide(t.head(1), TL720).dipotong
    # the cut text and its note do not share a 720 slide with another decision
    assert hl.untuk_slide(pd.concat([t, t.head(1)]), TL720).bagian == [slice(0, 1), slice(1, 2), slice(2, 3)]


@given(st.lists(st.integers(min_value=3, max_value=20), max_size=25), st.sampled_from([720, 1080]))
def test_every_decision_on_exactly_one_slide_in_order_within_the_room(biaya: list[int], layar: int) -> None:
    u = hl.TINDAK_LANJUT[layar]
    bagian = hl.bagi(biaya, u)
    assert [i for b in bagian for i in range(b.start, b.stop)] == list(range(len(biaya)))
    for b in bagian:
        n = b.stop - b.start
        assert n <= u.maks
        assert n == 1 or sum(biaya[b]) <= u.garis, (biaya, bagian)
    assert len(bagian) == len(hl._isi(biaya, u.garis, u.maks)) if biaya else len(bagian) == 1
