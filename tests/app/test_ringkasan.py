"""Home page: the real 2024 headline, its source, and the year choice kept in the URL."""


def _metric(at, label_start):
    return next(m for m in at.metric if m.label.startswith(label_start))


def test_home_shows_the_2024_headline_with_source(run_page):
    at = run_page()
    assert not at.exception
    p0 = _metric(at, "Persentase penduduk miskin (P0)")
    assert p0.value == "2,36%"
    assert "2024" in p0.label
    assert p0.delta == "-0,08 poin"
    assert "turun 0,08 poin" in " ".join(m.value for m in at.markdown)
    assert _metric(at, "Jumlah penduduk miskin").value == "14.461 jiwa"
    assert _metric(at, "Garis kemiskinan").value == "Rp589.164"
    captions = " ".join(c.value for c in at.caption)
    assert "Sumber:" in captions and "BPS" in captions
    text = " ".join(m.value for m in at.markdown)
    assert "terendah** dari 12 kab/kota" in text


def test_changing_the_year_changes_the_headline(run_page):
    at = run_page()
    at.selectbox(key="url_tahun").set_value(2023).run()
    assert _metric(at, "Persentase penduduk miskin (P0)").value == "2,44%"
    assert at.query_params["tahun"] == ["2023"] or at.query_params["tahun"] == "2023"


def test_query_parameter_restores_the_year(run_page):
    at = run_page(query={"tahun": "2021"})
    assert _metric(at, "Persentase penduduk miskin (P0)").value == "3,04%"


def test_home_shows_pillar_strip_freshness_and_map_link(run_page):
    at = run_page()
    assert not at.exception
    assert any(h.value == "Kinerja pilar 2024" for h in at.header)
    assert len([m for m in at.metric if m.label == "Serapan anggaran"]) == 4
    assert all("%" in m.value for m in at.metric if m.label == "Serapan anggaran")
    assert any("DATA CONTOH" in w.value for w in at.warning)
    text = " ".join(m.value for m in at.markdown)
    assert "OPD melapor" in text and "miliar" in text
    assert any(s.value == "Data terakhir diperbarui" for s in at.subheader)
    assert len(at.dataframe) >= 1


def test_home_shows_p1_and_p2_when_published(run_page):
    at = run_page()
    assert _metric(at, "Indeks kedalaman (P1)").value == "0,326"
    assert _metric(at, "Indeks keparahan (P2)").value == "0,067"
