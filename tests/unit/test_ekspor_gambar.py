"""Chart frames for exported images: title kept, source and sample label baked in, fixed widths, PNG header."""

import altair as alt
import pandas as pd
import pytest

from tkpk.charts.tema import terapkan
from tkpk.ekspor import gambar


def _chart(judul: str | None = "Judul grafik") -> alt.Chart:
    c = alt.Chart(pd.DataFrame({"x": [1, 2], "y": [3, 4]})).mark_line().encode(x="x:Q", y="y:Q")
    c = c.properties(width="container", height=200)
    return terapkan(c.properties(title=judul) if judul else c)


def test_frame_moves_config_up_and_puts_sources_at_the_bottom():
    spec = gambar.bingkai(_chart(), sumber=["BPS", "laporan OPD"], sampel=False)
    assert "config" in spec and "locale" in spec["config"]
    assert "config" not in spec["vconcat"][0]
    assert spec["vconcat"][0]["title"] == "Judul grafik"
    assert spec["title"]["orient"] == "bottom"
    assert spec["title"]["text"] == ["Sumber: BPS; laporan OPD"]


def test_sample_label_on_top_and_in_the_footer():
    spec = gambar.bingkai(_chart(), sumber="x", sampel=True)
    assert gambar.LABEL_SAMPEL in spec["title"]["text"]
    assert spec["vconcat"][0]["data"]["values"][0]["t"].endswith(gambar.LABEL_SAMPEL)


def test_title_added_only_when_missing():
    assert gambar.bingkai(_chart(None), judul="Baru")["vconcat"][0]["title"] == "Baru"
    assert gambar.bingkai(_chart(), judul="Lain")["vconcat"][0]["title"] == "Judul grafik"


def test_container_width_becomes_fixed_and_the_chart_is_not_modified():
    c = _chart()
    spec = gambar.bingkai(c, lebar=640)
    assert spec["vconcat"][0]["width"] == 640
    assert c.to_dict()["width"] == "container"


def test_long_sources_wrap():
    baris = gambar.baris_kaki("a " * 200, sampel=False)
    assert len(baris) > 1 and all(len(b) <= 150 for b in baris)


def test_png_header_parsing():
    header = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + (1234).to_bytes(4, "big") + (567).to_bytes(4, "big")
    assert gambar.ukuran_png(header) == (1234, 567)
    with pytest.raises(ValueError):
        gambar.ukuran_png(b"GIF89a" + b"\x00" * 30)


def test_png_scale_below_one_is_refused():
    with pytest.raises(ValueError):
        gambar.ke_png(_chart(), skala=0.5)
