"""Text from files and users is shown as text: Markdown and HTML escaped, tables neutralised like the exports."""

from __future__ import annotations

import re

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from tkpk.teks_aman import bersih, html, md, tabel
from tkpk.unduh import aman

SERANGAN = ["[Klik untuk verifikasi ulang](http://contoh.invalid/)", "![](http://contoh.invalid/beacon.png)",
            "<img src=x onerror=alert(1)>", ":red[merah] :material/home: :smile:", "$x^2$", "**tebal** _miring_",
            "www.contoh.invalid", "# Judul", "&lt;b&gt;", "`kode`", "a\nb\r\nc"]


def test_md_escapes_every_markdown_construct() -> None:
    for s in SERANGAN:
        e = md(s)
        assert not re.search(r"(?<!\\)[\[\]()<>*_`#$:&!]", e), (s, e)
        assert "\n" not in e and "\r" not in e
    assert md("Baris 7, kolom \"pagu\"") == 'Baris 7, kolom "pagu"'  # ordinary words stay readable


@given(st.text(max_size=80))
def test_md_keeps_the_text(s: str) -> None:
    """Removing the escapes gives back the text (with line breaks folded and control characters replaced)."""
    assert re.sub(r"\\(.)", r"\1", md(s)) == bersih(s)


def test_html_and_control_characters() -> None:
    assert html('<b onclick="x">') == "&lt;b onclick=&quot;x&quot;&gt;"
    assert bersih("gpj\u202e.exe") == "gpj\ufffd.exe"  # a right-to-left override cannot disguise a file name


def test_tables_are_neutralised_like_the_exports() -> None:
    df = pd.DataFrame({"program": ["=HYPERLINK(\"http://x\",\"klik\")", "+cmd|' /C calc'!A0", "@SUM(1)",
                                   "-2+3", "PBI JK"], "pagu": [-1.5, 2.0, 3.0, 4.0, 5.0]})
    out = tabel(df)
    assert out.equals(aman(df))
    assert all(not v.startswith(("=", "+", "-", "@")) for v in out["program"])
    assert out["program"].iloc[4] == "PBI JK"
    assert out["pagu"].tolist() == [-1.5, 2.0, 3.0, 4.0, 5.0], "numbers stay numbers"
