"""How two spellings of one program, activity or OPD name are recognised as the same name."""

from __future__ import annotations

import re
import unicodedata


def kunci_nama(teks: object) -> str:
    """A name compared the way people mean it: no case, accents, punctuation or extra spaces.

    "Zakat Produktif", "zakat  produktif" and "Zakat-produktif" give the same key.
    """
    s = unicodedata.normalize("NFKD", str(teks)).encode("ascii", "ignore").decode("ascii").casefold()
    return re.sub(r"[\W_]+", " ", s).strip()
