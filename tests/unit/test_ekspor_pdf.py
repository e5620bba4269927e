"""PDF briefs: latin-1 safe text for the core font, one page however long a table is, shapes for status."""

from tkpk.ekspor import pdf
from tkpk.status import Status


def test_latin1_replaces_typographic_characters():
    assert pdf.latin1("−0,08 poin – capaian ≥ 90% ● ▲ ■ ○") == "-0,08 poin - capaian >= 90%"
    assert pdf.latin1("Aluh–Aluh … 5 × 3") == "Aluh-Aluh ... 5 x 3"
    pdf.latin1("漢字").encode("latin-1")  # never raises


def test_a_long_table_is_cut_to_one_page():
    b = pdf.Brief("Judul − uji", "sub", sampel=True)
    baris = [[f"Program {i}", "1", "2"] for i in range(300)]
    b.tabel(["Program", "A", "B"], [100, 40, 40], baris, status=[Status.MERAH.kode] * 300)
    b.kaki(["sumber " * 400])
    data = b.ke_bytes()
    assert pdf.satu_halaman(data) == 1


def test_every_status_shape_draws():
    b = pdf.Brief("Status", "sub", sampel=False)
    for s in Status:
        b.baris_status(s.kode, s.label, "serapan 80,0%, capaian 90,0%")
    b.kaki(["uji"])
    assert pdf.satu_halaman(b.ke_bytes()) == 1
