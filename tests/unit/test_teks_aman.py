"""Text from files and users is shown as text: Markdown and HTML escaped, tables neutralised like the exports."""

from __future__ import annotations

import html as html_mod
import re

import pandas as pd
import pytest
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


# --- finding 10 of the review: Streamlit's Markdown turns shortcodes into icons, emoji, a logo and arrows ----------
# What StreamlitMarkdown.js (1.67) does, in order: on the raw source ":material/" -> ":material_"; then, on the text
# nodes (escapes resolved): /:material_(\w+):/ -> a Material icon, /:streamlit:/ -> the logo, remark-emoji's
# /:\+1:|:-1:|:[\w-]+:/ -> an emoji, and the typographic pairs "->", "<-", "<->", "--", ">=", "<=", "~=" between
# spaces -> arrows and signs.

KODE_PENDEK = [":material/verified:", ":material_verified:", ":streamlit:", ":smile:", ":+1:", ":-1:",
               "Program :material/home: bantuan :tada: :streamlit:", "a -> b", "x <- y", "a <-> b", "ya -- tidak",
               "nilai >= 5", "nilai <= 5", "kira ~= 3", "Bantuan:material/x:", "a:b:c:"]
_ESC = re.compile(r"\\([!-/:-@\[-`{-~])")
_TIPOGRAFI = re.compile(r"(^|\s)(<->|->|<-|--|>=|<=|~=)(\s|$)")


def _streamlit_teks(sumber: str, konteks: str = "md") -> str:
    """The text Streamlit's Markdown renderer produces from ``sumber``, with each substitution it would make
    marked as [IKON]/[LOGO]/[EMOJI]/[PANAH]. ``konteks``: "md" (Markdown text), "html_blok" (inside a raw HTML
    block: only the source rewrite runs, the browser decodes the entities) or "html_inline" (text between inline
    tags: entities decoded into the text nodes, then every plugin)."""
    mentah = sumber.replace(":material/", ":material_")
    teks = _ESC.sub(r"\1", mentah) if konteks == "md" else html_mod.unescape(mentah)
    if konteks == "html_blok":
        return teks
    teks = re.sub(r":material_(\w+):", "[IKON]", teks, flags=re.ASCII)
    teks = teks.replace(":streamlit:", "[LOGO]")
    teks = re.sub(r":\+1:|:-1:|:[\w-]+:", "[EMOJI]", teks, flags=re.ASCII)
    return _TIPOGRAFI.sub(r"\1[PANAH]\3", teks)


@pytest.mark.parametrize("teks", KODE_PENDEK)
def test_md_shows_shortcodes_and_arrows_as_typed(teks: str) -> None:
    tampil = _streamlit_teks(md(teks))
    assert tampil.replace(WJ, "") == teks, (md(teks), tampil)


@pytest.mark.parametrize("teks", KODE_PENDEK)
def test_html_shows_shortcodes_as_typed(teks: str) -> None:
    """Slide footers: a raw HTML block (only the source rewrite applies) or inline HTML (all of it)."""
    assert _streamlit_teks(html(teks), "html_blok").replace(WJ, "") == teks
    assert _streamlit_teks(html(teks), "html_inline").replace(WJ, "") == teks


@given(st.text(alphabet=st.sampled_from(list(":material/smile_+-<>=~ streamlit\n")), max_size=40))
def test_md_never_makes_an_icon_emoji_or_arrow(s: str) -> None:
    assert _streamlit_teks(md(s)).replace(WJ, "") == bersih(s).replace(WJ, "")
