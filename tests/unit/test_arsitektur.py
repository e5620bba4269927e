"""The architecture a newcomer reads in README, checked where import-linter cannot: pages are thin leaves.

Why a test and not a contract: ``pages/`` is not a package (Streamlit runs its files as scripts), so import-linter
does not see it. A page imported by another module would run its widgets at import time; a page that grows
computation or CSS is where logic hides from the unit tests.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HALAMAN = sorted((ROOT / "pages").glob("*.py"))
MAKS_BARIS = 120


def _python_berkas() -> list[Path]:
    return [p for p in ROOT.rglob("*.py")
            if not any(bagian in {".venv", ".git", "node_modules", "out"} for bagian in p.relative_to(ROOT).parts)]


def _impor(path: Path) -> set[str]:
    nama: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            nama.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            nama.add(node.module)
    return nama


def test_pages_are_never_imported() -> None:
    assert len(HALAMAN) >= 8 and not (ROOT / "pages" / "__init__.py").exists()
    berkas = _python_berkas()
    assert any(p.name == "pilar.py" and p.parent.name == "pages" for p in berkas)
    pengimpor = {str(p.relative_to(ROOT)): m for p in berkas
                 for m in _impor(p) if m == "pages" or m.startswith("pages.")}
    assert pengimpor == {}, f"a page is imported: {pengimpor}"


def test_pages_are_thin() -> None:
    panjang = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in [*HALAMAN, ROOT / "app.py"]}
    assert max(panjang.values()) <= MAKS_BARIS, panjang


def test_pages_hold_no_sql_css_or_store_access() -> None:
    for p in [*HALAMAN, ROOT / "app.py"]:
        teks = p.read_text(encoding="utf-8")
        impor = _impor(p)
        assert "<style" not in teks, f"{p.name}: CSS belongs in tkpk/ui"
        assert "duckdb" not in impor, f"{p.name}: the store is read through tkpk"
        assert not impor & {"tkpk.toko.db", "tkpk.toko.queries"}, f"{p.name}: no SQL or connection in pages"
        for kata in ("SELECT ", "INSERT ", "UPDATE ", "DELETE "):
            assert kata not in teks, f"{p.name}: SQL belongs in tkpk/toko/sql"
