"""Name folding (:func:`tkpk.ingest.tersimpan.lipat`): the ASCII kernels must fold exactly as the Unicode path."""

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from tkpk.ingest.tersimpan import _lipat_umum, lipat

_ASCII = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127), max_size=12)
_SEMUA = st.text(alphabet=st.sampled_from("aZ 09._-/()\t\u00a0ÉéßİΣ٣²Ⅻ"), max_size=10)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), _ASCII), max_size=30))
def test_ascii_names_fold_as_the_unicode_path_folds_them(nama: list[str | None]) -> None:
    arr = pa.array(nama, pa.string())
    assert lipat(arr).to_pylist() == _lipat_umum(arr).to_pylist()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), _SEMUA, _ASCII), max_size=30))
def test_any_names_fold_as_the_unicode_path_folds_them(nama: list[str | None]) -> None:
    arr = pa.array(nama, pa.string())
    assert lipat(arr).to_pylist() == _lipat_umum(arr).to_pylist()


def test_folds_named_cases() -> None:
    nama = ["Zakat  Produktif.", "", "   ", None, "RTLH-2024 (Tahap I)", "a\tb", "Ünggul", "x_y"]
    assert lipat(pa.array(nama)).to_pylist() == [
        "zakatproduktif", "", "", None, "rtlh2024tahapi", "ab", "ünggul", "xy"]
    assert lipat(pa.chunked_array([["A B"], ["C.d"]])).to_pylist() == ["ab", "cd"]
