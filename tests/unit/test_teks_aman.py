"""Text from files and users is shown as text: Markdown and HTML escaped, tables neutralised like the exports."""

from __future__ import annotations

import re

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from tkpk.teks_aman import WJ, bersih, html, md, tabel
from tkpk.unduh import aman

SERANGAN = ["nama@banjarkab.go.id", "https://contoh.invalid", "[Klik untuk verifikasi ulang](http://contoh.invalid/)", "![](http://contoh.invalid/beacon.png)",
            "<img src=x onerror=alert(1)>", ":red[merah] :material/home: :smile:", "$x^2$", "**tebal** _miring_",
            "www.contoh.invalid", "# Judul", "&lt;b&gt;", "`kode`", "a\nb\r\nc"]


def balik(e: str) -> str:
    """What a Markdown renderer shows for md()'s output, less the invisible word joiners."""
    return re.sub(r"\\(.)", r"\1", e).replace(WJ, "")


def test_md_escapes_every_markdown_construct() -> None:
    for s in SERANGAN:
        e = md(s)
        assert not re.search(r"(?<!\\)[\[\]<>*_`#$:&!.]", e), (s, e)
        assert "\n" not in e and "\r" not in e
        terbaca = re.sub(r"\\(.)", r"\1", e)  # the parsed text GFM's autolink literals are looked for in
        assert not re.search(r"https?://|www\.|@[\w-]", terbaca, re.IGNORECASE), (s, terbaca)
    assert md("Baris 7, kolom \"pagu\" (rupiah)") == 'Baris 7, kolom "pagu" (rupiah)'  # ordinary text stays readable


@given(st.text(max_size=80))
def test_md_keeps_the_text(s: str) -> None:
    """Rendered, the escaped text reads as the original (with line breaks folded and control characters replaced)."""
    assert balik(md(s)) == bersih(s).replace(WJ, "")


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
