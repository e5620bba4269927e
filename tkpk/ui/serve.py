"""``python -m tkpk.ui.serve run app.py …``: the ``streamlit`` command, minus one relic.

Streamlit still treats a ``pages/`` folder beside the entry script as the old (v1) multipage layout until the
first script run calls ``st.navigation``. A shared link such as ``/tren`` opened as the very first request after
a restart would then run ``pages/tren.py`` on its own, without ``app.py``'s page config and navigation. Our pages
are declared explicitly with ``st.navigation`` in ``app.py``, so the flag is switched off before the server starts.
"""

from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli


def main() -> None:
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", *sys.argv[1:]]
    cli.main()


if __name__ == "__main__":
    main()
