"""The rakor agenda: URL round trip, tolerant parsing, navigation and slide numbers."""

from tkpk.rakor import agenda as ag

TAHUN = [2018, 2019, 2024]


def test_defaults_when_the_link_is_empty():
    a = ag.dari_query({}, TAHUN)
    assert a.slide == ag.BAWAAN and a.tahun == 2024 and a.indikator == "p0"
    assert a.jeda == 0 and a.layar == 1080 and a.posisi == 0
    assert a.nomor == f"1 / {len(ag.BAWAAN)}"


def test_round_trip_through_query_parameters():
    a = ag.Agenda(("peta", "pilar2", "tersentuh"), 2019, "penduduk_miskin", 30, 720, 2)
    assert ag.dari_query(ag.ke_query(a), TAHUN) == a
    assert "agenda=peta%2Cpilar2%2Ctersentuh" in ag.tautan(a)


def test_bad_values_fall_back():
    a = ag.dari_query({"agenda": "peta,xx,peta,pilar9", "tahun": "1990", "indikator": "nope", "jeda": "7",
                       "layar": "abc", "slide": "99"}, TAHUN)
    assert a.slide == ("peta",)
    assert (a.tahun, a.indikator, a.jeda, a.layar, a.posisi) == (2024, "p0", 0, 1080, 0)


def test_list_values_from_repeated_keys():
    assert ag.dari_query({"slide": ["1", "3"]}, TAHUN).posisi == 2


def test_navigation_stops_at_the_ends_and_auto_advance_loops():
    a = ag.dari_query({"agenda": "headline,peta,tersentuh"}, TAHUN)
    assert a.mundur().posisi == 0
    b = a.maju().maju()
    assert b.terakhir and b.nomor == "3 / 3" and b.judul == "Kantong belum tersentuh"
    assert b.maju().posisi == 2
    assert b.maju(putar=True).posisi == 0
    assert a.ke(-5).posisi == 0 and a.ke(10).posisi == 2


def test_every_slide_has_a_title_and_heights_follow_the_screen():
    assert set(ag.BAWAAN) == set(ag.SLIDE)
    a = ag.Agenda(ag.BAWAAN, 2024, layar=720)
    assert ag.tinggi_grafik(a, 0.5) == 360


def test_the_follow_up_takes_as_many_slides_as_its_decisions_need():
    """The split itself: tests/unit/test_rakor_halaman.py."""
    a = ag.Agenda(ag.BAWAAN, 2024, layar=720, posisi=2)   # "Dua angka", after a one-page follow-up
    b = a.dengan_halaman_tl(2)
    assert b.jumlah == a.jumlah + 1 and b.sekarang == ag.DUA_ANGKA and b.posisi == 3
    c = b.ke(2)
    assert c.sekarang == ag.TINDAK_LANJUT and c.halaman == 2 and c.judul.endswith("(2/2)")
    assert c.dengan_halaman_tl(1).sekarang == ag.TINDAK_LANJUT and c.dengan_halaman_tl(1).judul == \
        ag.SLIDE[ag.TINDAK_LANJUT]
    assert ag.dari_query({"slide": "3", "layar": "720"}, [2024], halaman_tl=2).judul.endswith("(2/2)")
