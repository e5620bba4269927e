"""Text from files and users, made safe to show: never Markdown or HTML, never a spreadsheet formula.

Why: an OPD's cell, a file name, a batch note or an account name travels into messages, captions and tables. In
Streamlit's Markdown a cell ``[Klik](http://…)`` would become a live link and ``![](http://…/x.png)`` a request
from every visitor's browser; in a table, ``=HYPERLINK(…)`` would run as a formula in Excel after the toolbar's
"Download as CSV". So text is escaped where it meets Markdown (:func:`md`) or HTML (:func:`html`), and tables are
neutralised exactly as the project's own exports are (:func:`tabel`, which is :func:`tkpk.unduh.aman`).
Nothing here imports Streamlit; :mod:`tkpk.ui.aman` draws with these.
"""

from __future__ import annotations

import html as _html
import re

import pandas as pd

from tkpk.unduh import aman as _netral

# Characters that start Markdown, HTML or Streamlit syntax get a backslash (CommonMark allows it before any ASCII
# punctuation): links and images need "[", raw HTML and <autolinks> "<", directives ":red[…]" / ":material/…:" ":",
# math "$". Parentheses are left alone: without an unescaped "]" before them they cannot form a link.
_TANDA_MD = re.compile(r"([\\`*_{}\[\]#+\-.!|<>~$:&])")
# Control characters and bidi overrides (a file name "gpj.exe" shown as "exe.jpg") are replaced.
_KENDALI = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")
_BARIS = re.compile(r"\s*[\r\n]+\s*")
WJ = "\u2060"  # WORD JOINER: zero width, no line break
_AUTOLINK = re.compile(r"://|@.|(?i:www)\.")
# Streamlit's Markdown (1.67, StreamlitMarkdown.js) rewrites text that backslash escapes cannot protect, because
# it works on the raw source or on the text after escapes are resolved: ":material/" -> ":material_" in the
# source, then ":material_x:" -> an icon, ":streamlit:" -> its logo, ":smile:" / ":+1:" -> an emoji
# (remark-emoji), and "->", "<-", "<->", "--", ">=", "<=", "~=" between spaces -> arrows and signs. A word
# joiner after the opening ":" of anything shaped like a shortcode, and inside each such pair, breaks them all.
_KODE_PENDEK = re.compile(r":(?=[\w+\-][\w/+\-]*:)")
_TIPOGRAFI = re.compile(r"(?<!\S)(?:<->|->|<-|--|>=|<=|~=)(?!\S)")


def bersih(teks: object) -> str:
    """One line of plain text: control and direction characters replaced, line breaks folded to spaces."""
    s = "" if teks is None else str(teks)
    return _BARIS.sub(" ", _KENDALI.sub("\ufffd", s))


def _polos(teks: object) -> str:
    """:func:`bersih`, with an invisible word joiner inside every pattern Streamlit's Markdown rewrites after
    escapes are resolved (autolink literals, icon/emoji/logo shortcodes, typographic arrows)."""
    polos = _AUTOLINK.sub(lambda m: m.group(0)[:-1] + WJ + m.group(0)[-1], bersih(teks))
    polos = _KODE_PENDEK.sub(":" + WJ, polos)
    return _TIPOGRAFI.sub(lambda m: m.group(0)[0] + WJ + m.group(0)[1:], polos)


def md(teks: object) -> str:
    """Text to embed in a Markdown string (``st.markdown``, ``st.error``, captions, widget labels) literally.

    Backslash escapes stop links, images, emphasis, HTML and Streamlit's directives. GFM's autolink literals
    ("http://…", "www.…", "a@b.co"), Streamlit's shortcodes (":material/x:", ":streamlit:", ":smile:") and its
    typographic arrows ("->") are found in the source or in the parsed text, after escapes are gone, so an
    invisible word joiner is put inside each; the text reads the same."""
    return _TANDA_MD.sub(r"\\\1", _polos(teks))


def html(teks: object) -> str:
    """Text to embed in our own HTML (``unsafe_allow_html``) literally, whether it lands in an HTML block or
    between inline tags of a Markdown paragraph (where the shortcode and arrow rewrites still run)."""
    return _html.escape(_polos(teks), quote=True)


def tabel(df: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells and headers cannot run as formulas when downloaded (numbers stay numbers)."""
    return _netral(df)
