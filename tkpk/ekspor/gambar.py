"""Charts as PNG (scale ≥ 2) and SVG files, rendered on the server by vl-convert, offline.

Why the frame: a chart image travels without the page around it (into a Word report, a WhatsApp group, a
slide), so its title, its source and, for sample data, the "DATA CONTOH" label must be inside the image.
Altair refuses to put a configured chart (our theme) inside a concat, so the frame works on the Vega-Lite
dict instead: the chart's own spec goes into a one-element ``vconcat`` whose bottom-oriented title carries the
source lines; config and named datasets move to the top level, where Vega-Lite looks for them.

``width: "container"`` (used on pages so charts fill the column) has no meaning without a page; it becomes a
fixed width here, so the file has a predictable size.
"""

from __future__ import annotations

import copy
import struct
import textwrap
from typing import Any

import altair as alt

from tkpk.label import LABEL_SAMPEL
from tkpk.toko.tahun import KeadaanData

SKALA_BAKU = 2
LEBAR_BAKU = 900
_HURUF_PER_BARIS = 150


def _spec(chart: Any) -> dict[str, Any]:
    """A Vega-Lite dict from an Altair chart or a dict (copied, never changed in place)."""
    return copy.deepcopy(chart if isinstance(chart, dict) else chart.to_dict())


def _lebar_tetap(node: Any, lebar: int) -> None:
    """Replace every ``"container"`` width/height with fixed pixels, recursively."""
    if isinstance(node, dict):
        for kunci, nilai in list(node.items()):
            if kunci == "width" and nilai == "container":
                node[kunci] = lebar
            elif kunci == "height" and nilai == "container":
                node[kunci] = round(lebar * 0.5)
            else:
                _lebar_tetap(nilai, lebar)
    elif isinstance(node, list):
        for x in node:
            _lebar_tetap(x, lebar)


def baris_kaki(sumber: str | list[str], sampel: bool, keadaan: KeadaanData | None = None) -> list[str]:
    """The footer lines: "Sumber: …" wrapped to a readable width, the store state, then the sample label."""
    daftar = [sumber] if isinstance(sumber, str) else list(sumber)
    teks = "; ".join(s for s in daftar if s) or "tidak disebutkan"
    baris = textwrap.wrap(f"Sumber: {teks}", _HURUF_PER_BARIS) or ["Sumber: –"]
    if keadaan is not None:
        baris.append(f"Keadaan data: {keadaan.teks}")
    if sampel:
        baris.append(LABEL_SAMPEL)
    return baris


def bingkai(chart: Any, *, judul: str = "", sumber: str | list[str] = "", sampel: bool = False,
            lebar: int = LEBAR_BAKU, keadaan: KeadaanData | None = None) -> dict[str, Any]:
    """The chart's spec with title (kept, or ``judul`` when it has none), source footer and sample label."""
    spec = _spec(chart)
    _lebar_tetap(spec, lebar)
    atas = {k: spec.pop(k) for k in ("$schema", "config", "datasets", "background", "padding", "autosize")
            if k in spec}
    if judul and "title" not in spec:
        spec["title"] = judul
    kaki = baris_kaki(sumber, sampel, keadaan)
    luar: dict[str, Any] = {
        # A label, never fetched: vl-convert reads the Vega-Lite version from it offline. Altair's own, as every
        # chart built by tkpk.charts already carries it.
        "$schema": atas.get("$schema", alt.SCHEMA_URL),
        "vconcat": [spec],
        "title": {"text": kaki, "orient": "bottom", "anchor": "start", "fontSize": 13, "fontWeight": "normal",
                  "color": "#222222", "offset": 14, "subtitle": "", "lineHeight": 17},
        "background": atas.get("background", "#ffffff"),
        "padding": 16,
    }
    if sampel:
        # The label also goes on top, in the warning colour, so a cropped image still carries it.
        luar["vconcat"].insert(0, {
            "data": {"values": [{"t": f"⚠ {LABEL_SAMPEL}"}]}, "mark": {"type": "text", "align": "left",
                                                                        "baseline": "top", "fontSize": 14,
                                                                        "fontWeight": "bold", "color": "#A04000"},
            "encoding": {"text": {"field": "t", "type": "nominal"}, "x": {"value": 0}, "y": {"value": 0}},
            "width": 10, "height": 18,
        })
    for k in ("config", "datasets", "autosize"):
        if k in atas:
            luar[k] = atas[k]
    return luar


def ke_png(chart: Any, *, judul: str = "", sumber: str | list[str] = "", sampel: bool = False,
           skala: float = SKALA_BAKU, lebar: int = LEBAR_BAKU, keadaan: KeadaanData | None = None) -> bytes:
    """PNG bytes at ``skala`` × the chart's pixel size (2 = sharp on paper and on a 4K projector)."""
    import vl_convert as vlc

    if skala < 1:
        raise ValueError("skala PNG minimal 1")
    spec = bingkai(chart, judul=judul, sumber=sumber, sampel=sampel, lebar=lebar, keadaan=keadaan)
    png = bytes(vlc.vegalite_to_png(spec, scale=skala))
    return dengan_keterangan(png, "\n".join(baris_kaki(sumber, sampel, keadaan)))


def dengan_keterangan(png: bytes, teks: str) -> bytes:
    """The PNG with its source lines (and the sample label) also as a text chunk ("Description"), so a program
    reading the file, not only a person looking at it, finds them. An iTXt chunk (UTF-8), right after the header."""
    import zlib

    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("bukan berkas PNG")
    data = b"Description\x00\x00\x00id\x00\x00" + teks.encode("utf-8")
    chunk = struct.pack(">I", len(data)) + b"iTXt" + data + struct.pack(">I", zlib.crc32(b"iTXt" + data))
    ihdr_akhir = 8 + 4 + 4 + 13 + 4
    return png[:ihdr_akhir] + chunk + png[ihdr_akhir:]


def keterangan_png(png: bytes) -> dict[str, str]:
    """The text chunks of a PNG (keyword → text), for tests and for checking a downloaded file."""
    out, i = {}, 8
    while i < len(png):
        (n,) = struct.unpack(">I", png[i:i + 4])
        jenis, isi = png[i + 4:i + 8], png[i + 8:i + 8 + n]
        if jenis == b"tEXt":
            kunci, _, teks = isi.partition(b"\x00")
            out[kunci.decode("latin-1")] = teks.decode("latin-1")
        elif jenis == b"iTXt":
            kunci, _, sisa = isi.partition(b"\x00")
            out[kunci.decode("latin-1")] = sisa[2:].split(b"\x00", 2)[2].decode("utf-8")
        i += 12 + n
    return out


def ke_svg(chart: Any, *, judul: str = "", sumber: str | list[str] = "", sampel: bool = False,
           lebar: int = LEBAR_BAKU, keadaan: KeadaanData | None = None) -> str:
    """SVG text (vector: for reports that are edited or printed large)."""
    import vl_convert as vlc

    return str(vlc.vegalite_to_svg(bingkai(chart, judul=judul, sumber=sumber, sampel=sampel, lebar=lebar,
                                           keadaan=keadaan)))


def ukuran_png(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG header, without an imaging library."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("bukan berkas PNG")
    lebar, tinggi = struct.unpack(">II", data[16:24])
    return int(lebar), int(tinggi)


def png_polos(chart: Any, *, skala: float = SKALA_BAKU, lebar: int = LEBAR_BAKU) -> bytes:
    """PNG without the source frame, for embedding where the page around it already names the source (PDFs)."""
    import vl_convert as vlc

    spec = _spec(chart)
    _lebar_tetap(spec, lebar)
    return bytes(vlc.vegalite_to_png(spec, scale=skala))
