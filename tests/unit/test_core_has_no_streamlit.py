"""The domain package must work without Streamlit: only tkpk/ui may import it."""

import pkgutil
import subprocess
import sys

import tkpk


def _core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(tkpk.__path__, prefix="tkpk."):
        if info.name == "tkpk.ui" or info.name.startswith("tkpk.ui.") or info.name == "tkpk.__main__":
            continue
        names.append(info.name)
    return names


def test_core_modules_import_without_streamlit():
    modules = _core_modules()
    assert "tkpk.toko.db" in modules and "tkpk.contoh.register" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m == 'streamlit' or m.startswith('streamlit.')]\n"
        "print(len(bad))\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
