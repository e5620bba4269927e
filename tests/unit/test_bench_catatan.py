"""``make bench`` rewrites bench/RESULTS.md; the hand-kept comparisons between the markers must survive it."""

from bench.__main__ import CATATAN_AKHIR, CATATAN_MULAI, catatan_tangan


def test_the_hand_notes_are_carried_over_with_their_markers():
    catatan = f"{CATATAN_MULAI}\n### (f) before and after\n\n| a | b |\n{CATATAN_AKHIR}"
    lama = f"# Benchmark results\n\n## (a)\n\nold table\n\n{catatan}\n"
    assert catatan_tangan(lama) == [catatan, ""]


def test_a_results_file_without_notes_gives_none():
    assert catatan_tangan("# Benchmark results\n\n## (a)\n") == []
    assert catatan_tangan(f"{CATATAN_AKHIR}\n{CATATAN_MULAI}\n") == []  # markers out of order: nothing to keep
    assert catatan_tangan("") == []


def test_the_current_results_file_keeps_its_notes():
    from pathlib import Path

    teks = (Path(__file__).resolve().parents[2] / "bench" / "RESULTS.md").read_text(encoding="utf-8")
    (catatan, _) = catatan_tangan(teks)
    assert "## (f) Ingest in-process against `read_csv`" in catatan
