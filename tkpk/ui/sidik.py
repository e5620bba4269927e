"""One digest for every page cache key: blake2b of the pickled parts.

Why not Streamlit's own hasher: it walks arguments such as a pocket rule, a list of place codes, a DataFrame or
290 desa outlines element by element, which cost more per rerun than the pickle does. Two inputs with the same
pickle are the same input, so a hit never serves another input's result; equal inputs that pickle differently
only cost a miss. A part with no value to pickle (a lambda, a local function) is a ``TypeError`` naming what to
pass instead, not a pickling traceback from inside the cache.
"""

from __future__ import annotations

import hashlib
import pickle


def sidik(*bagian: object) -> str:
    h = hashlib.blake2b(digest_size=20)
    try:
        data = pickle.dumps(bagian, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, AttributeError, TypeError) as e:
        raise TypeError("kunci cache harus bernilai (tanpa lambda atau fungsi lokal): pakai fungsi bernama atau "
                        f"tkpk.fmt.Format — {e}") from e
    h.update(data)
    return h.hexdigest()
