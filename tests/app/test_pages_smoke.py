"""Every page runs on the bundled store without an exception and shows its own title."""

import pytest

JUDUL = {"pages/ringkasan.py": "Kemiskinan Kabupaten Banjar", "pages/tren.py": "Tren kemiskinan",
         "pages/peta.py": "Peta kantong kemiskinan", "pages/pilar.py": "Kinerja pilar",
         "pages/unggah.py": "Unggah data", "pages/riwayat.py": "Riwayat data",
         "pages/presentasi.py": None, "pages/tindak_lanjut.py": "Tindak lanjut rakor"}


@pytest.mark.parametrize("page", list(JUDUL))
def test_page_runs(run_page, page):
    """Also the check of ``run_page`` itself, which opens a page directly: each test sees the page it asked for,
    including the one whose URL differs from its file name (``tindak-lanjut``)."""
    at = run_page(page)
    assert not at.exception, at.exception
    assert at.title, "every page has a title"
    if JUDUL[page]:
        assert at.title[0].value == JUDUL[page]
    else:   # the slides: their title is the agenda's, and the deck is in the session
        assert "agenda_rakor" in at.session_state and at.title[0].value not in JUDUL.values()
