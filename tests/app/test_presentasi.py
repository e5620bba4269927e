"""Presentasi rakor: forced projector mode, the whole agenda walked with "next", links restore slide and agenda."""

import json
import re

from tkpk.rakor import agenda as ag

HALAMAN = "pages/presentasi.py"


def _css(at) -> str:
    return " ".join(m.value for m in at.markdown if "<style>" in m.value)


def _nomor(at) -> str:
    return next(m.value for m in at.markdown if "class=\"nomor-slide\"" in m.value)


def _q(at, k: str) -> str:
    v = at.query_params[k]
    return v[-1] if isinstance(v, list) else v


def test_projector_mode_is_forced_without_the_url_flag(run_page):
    at = run_page(HALAMAN)
    assert not at.exception
    css = _css(at)
    assert '[data-testid="stSidebar"]' in css and "display: none" in css and "font-size: 24px" in css
    assert f"1 / {len(ag.BAWAAN)}" in _nomor(at)


def test_walking_next_through_the_whole_agenda(run_page):
    at = run_page(HALAMAN)
    judul = []
    for i in range(1, len(ag.BAWAAN) + 1):
        assert not at.exception, at.exception
        assert f"{i} / {len(ag.BAWAAN)}" in _nomor(at)
        assert _q(at, "slide") == str(i)
        judul.append(at.title[0].value)
        assert any("Sumber:" in m.value for m in at.markdown), f"slide {i} has no source line"
        if i < len(ag.BAWAAN):
            at.button(key="slide_maju").click().run()
    assert judul == [ag.SLIDE[s] for s in ag.BAWAAN]
    assert at.button(key="slide_maju").disabled
    at.button(key="slide_mundur").click().run()
    assert f"{len(ag.BAWAAN) - 1} / {len(ag.BAWAAN)}" in _nomor(at)


def test_pillar_and_pocket_slides_draw_their_charts(run_page):
    at = run_page(HALAMAN, query={"agenda": "peta,pilar2", "tahun": "2024"})
    assert not at.exception
    assert len(at.get("vega_lite_chart")) >= 1
    assert "Peta kantong" in at.title[0].value
    at.button(key="slide_maju").click().run()
    assert not at.exception
    assert any("Serapan anggaran" in str(m.label) for m in at.metric)


def test_a_saved_link_reopens_the_agenda_at_its_slide(run_page):
    q = {"agenda": "tersentuh,headline", "tahun": "2023", "indikator": "penduduk_miskin", "slide": "2",
         "layar": "720"}
    at = run_page(HALAMAN, query=q)
    assert not at.exception
    assert "2 / 2" in _nomor(at)
    assert at.title[0].value == "Angka kemiskinan dan tren"
    assert _q(at, "agenda") == "tersentuh,headline" and _q(at, "tahun") == "2023"
    assert _q(at, "indikator") == "penduduk_miskin" and _q(at, "layar") == "720"
    at.button(key="slide_mundur").click().run()
    assert "Kantong belum tersentuh" in at.title[0].value
    assert _q(at, "slide") == "1"


def test_auto_advance_setting_is_kept_in_the_link(run_page):
    at = run_page(HALAMAN, query={"jeda": "30"})
    assert not at.exception
    assert _q(at, "jeda") == "30"


def test_two_numbers_slide_shows_both_real_figures_and_why(run_page):
    at = run_page(HALAMAN, query={"agenda": "dua_angka", "tahun": "2024"})
    assert not at.exception
    assert at.title[0].value == "Dua angka kemiskinan"
    nilai = {m.label: m.value for m in at.metric}
    assert nilai["◆ Susenas 2024: penduduk miskin"] == "14.461 jiwa"
    assert not any(k.startswith(("BPS", "◆ BPS")) for k in nilai)   # a figure via the media is not "BPS 2024"
    assert nilai["■ Satu Data 2024: penduduk miskin (register)"] == "161.726 jiwa"
    assert "sekitar 11 kali angka BPS" in " ".join(i.value for i in at.info)
    assert "hampir sama" in " ".join(w.value for w in at.warning)
    kaki = next(m.value for m in at.markdown if "class=\"kaki-slide\"" in m.value)
    assert "riceknews.id" in kaki and "Satu Data" in kaki


def test_headline_slide_ranks_only_with_enough_comparators_and_names_its_source(run_page):
    at = run_page(HALAMAN, query={"agenda": "headline", "tahun": "2019"})
    assert not at.exception
    rank = next(m for m in at.metric if m.label == "Peringkat Kalsel")
    assert rank.value == "–"  # 2019: Banjar and HST only
    text = " ".join(m.value for m in at.markdown)
    assert "Belum cukup pembanding (2 kab/kota)" in text and "dari 2" not in rank.value
    kaki = next(m.value for m in at.markdown if "class=\"kaki-slide\"" in m.value)
    assert "angka resmi" not in kaki and "angka BPS dikutip media" in kaki
    at2 = run_page(HALAMAN, query={"agenda": "headline", "tahun": "2024"})
    assert next(m for m in at2.metric if m.label == "Peringkat Kalsel").value == "1 dari 12"
    # the P0 trend on the slide draws the bundled 2021 target
    specs = [json.loads(c.proto.spec) for c in at2.get("vega_lite_chart")]
    garis = [lap for sp in specs for lap in sp.get("layer", []) if isinstance(lap.get("mark"), dict)]
    assert any(lap["mark"].get("strokeDash") == [8, 5] for lap in garis)


# --- review of issue 18, finding 9: the follow-up pages instead of hiding decisions at projector size ---

def _slide_teks(at) -> str:
    return " ".join(m.value for m in at.markdown if 'class="daftar-slide"' in m.value)


def test_the_follow_up_splits_into_slides_at_1280x720_so_no_decision_is_hidden(run_page):
    at = run_page(HALAMAN, {"slide": "2", "layar": "720"})
    assert not at.exception, at.exception
    total = len(ag.BAWAAN) + 1
    assert at.title[0].value == "Tindak lanjut rakor sebelumnya (1/2)" and f"2 / {total}" in _nomor(at)
    semua = " ".join(m.value for m in at.markdown)
    assert "lainnya" not in semua and "Bedah rumah" in _slide_teks(at) and "Sambungan air" not in _slide_teks(at)
    next(b for b in at.button if "Berikutnya" in b.label).click().run()
    assert at.title[0].value == "Tindak lanjut rakor sebelumnya (2/2)" and f"3 / {total}" in _nomor(at)
    assert "Sambungan air" in _slide_teks(at) and "Bedah rumah" not in _slide_teks(at)
    next(b for b in at.button if "Berikutnya" in b.label).click().run()
    assert at.title[0].value == ag.SLIDE[ag.DUA_ANGKA] and _q(at, "slide") == "4"
    next(b for b in at.button if "Sebelumnya" in b.label).click().run()
    assert at.title[0].value.endswith("(2/2)")
    # a link to the second follow-up page reopens it
    again = run_page(HALAMAN, {"slide": "3", "layar": "720"})
    assert again.title[0].value.endswith("(2/2)")


def test_at_1920x1080_the_six_decisions_fit_one_slide(run_page):
    at = run_page(HALAMAN, {"slide": "2", "layar": "1080"})
    assert not at.exception, at.exception
    assert at.title[0].value == "Tindak lanjut rakor sebelumnya" and f"2 / {len(ag.BAWAAN)}" in _nomor(at)
    assert "Bedah rumah" in _slide_teks(at) and "Sambungan air" in _slide_teks(at)
    assert "lainnya" not in " ".join(m.value for m in at.markdown)


def test_the_720_title_cannot_run_into_the_sample_box(run_page):
    css = _css(run_page(HALAMAN, {"slide": "2", "layar": "720"}))
    assert '[data-testid="stHeading"] [data-testid="stMarkdownContainer"] { margin-bottom: 0 !important; }' in css


def test_long_decisions_get_slides_of_their_own_and_a_cut_text_says_where_the_rest_is(tulis_env):
    """Review finding (issue 17): one ~700-character decision pushed the next ones below the bottom of a 1280×720
    follow-up slide (three a slide, whatever their length). Slides are now filled by the lines the texts need:
    every decision of the previous rakor is on exactly one follow-up slide, and a text too long for a slide of its
    own is cut at a word with "…" and a line saying where the whole text is."""
    from datetime import date

    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import buka_langsung
    from tests.conftest import ROOT
    from tkpk.rakor import keputusan as kp
    from tkpk.rakor.bahan import bahan_rakor
    from tkpk.toko.db import connect

    kalimat = "Dinas Sosial memverifikasi ulang data penerima bantuan di desa kantong kemiskinan. "
    con = connect(tulis_env)
    try:
        sebelumnya = int(kp.daftar_rakor(con)["rakor_id"].iloc[1])  # newest first: this rakor, the previous
        for teks in ((kalimat * 9)[:700].strip(), (kalimat * 13)[:1000].strip()):
            kp.catat_keputusan(con, sebelumnya, kp.IsiKeputusan(teks, kode_opd="DINSOS", tenggat=date(2030, 6, 30)),
                               oleh="uji")
        semua = len(bahan_rakor(con).tindak_lanjut)
    finally:
        con.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params.update({"agenda": "tindaklanjut", "layar": "720"})
    at = buka_langsung(at, HALAMAN)
    nomor, potong = [], 0
    while True:
        assert not at.exception, at.exception
        tabel = next(m.value for m in at.markdown if '<div class="daftar-slide">' in m.value)
        nomor += [int(x) for x in re.findall(r"<tr>\s*<td>(\d+)</td>", tabel)]
        potong += sum("Teks bertanda … dipotong" in m.value for m in at.markdown)
        if at.button(key="slide_maju").disabled:
            break
        at.button(key="slide_maju").click().run()
    assert nomor == list(range(1, semua + 1)) and semua == 8, nomor
    assert potong >= 1  # the 1.000-character decision does not fit a 720 slide whole
