"""Presentasi rakor: forced projector mode, the whole agenda walked with "next", links restore slide and agenda."""

from tkpk import agenda as ag

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
