"""Map features as one inline JSON string (``alt.Data(values="[...]", format={"type": "json"})``).

Why a string and not a list of dicts: Altair walks and deep-copies every nested list of a chart's inline data
on each ``layer``/``properties``/``configure_*`` step and again in ``to_dict``; for 290 desa outlines that
was about two seconds per page rerun. A string is one leaf for Altair, and Vega-Lite parses it in the browser
(and in vl-convert) into the very same features.
"""

from __future__ import annotations

import json
from typing import Any

import altair as alt

FORMAT_JSON = {"type": "json"}


def data_fitur(fitur: list[dict]) -> alt.Data:
    """Inline data for ``mark_geoshape``: GeoJSON features with their properties at the top level."""
    teks = json.dumps(fitur, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return alt.Data(values=teks, format=FORMAT_JSON)


def fitur_dari(data: dict[str, Any]) -> list[dict]:
    """The features back from a spec's ``data`` entry (for tests and exports that inspect a chart)."""
    values = data["values"]
    return json.loads(values) if isinstance(values, str) else list(values)
