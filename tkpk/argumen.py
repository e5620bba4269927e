"""Command-line argument errors in Indonesian, one "GALAT:" line and exit 2, like every other CLI refusal.

argparse words its errors in English ("invalid int value: 'abc'"); an analyst who mistypes a batch number should
read what to type instead.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

# argparse's English messages (Python 3.11–3.13) and their Indonesian wording.
_TERJEMAH: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.+)", r"argumen wajib belum diisi: \1"),
    (r"argument (\S+): invalid choice: (.+?) \(choose from (.+)\)",
     r"\1: pilihan \2 tidak dikenal; pilih salah satu: \3"),
    (r"argument (\S+): expected one argument", r"\1 perlu satu nilai"),
    (r"argument (\S+): invalid (\w+) value: (.+)", r"\1: nilai \3 tidak sah"),
    (r"unrecognized arguments: (.+)", r"argumen tidak dikenal: \1"),
)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one Indonesian line on stdout ("GALAT: …") and exit code 2."""

    def error(self, message: str) -> NoReturn:
        m = re.match(r"argument \S+: (.+)", message)
        if m and m.group(1).startswith(tuple(_MILIK)):  # our own type functions' messages, as written
            print(f"GALAT: {m.group(1)}")
        else:
            teks = next((re.sub(pola, ganti, message) for pola, ganti in _TERJEMAH if re.fullmatch(pola, message)),
                        message)
            print(f"GALAT: {teks}. Lihat {self.prog} --help.")
        sys.exit(2)


_MILIK: list[str] = []


def nomor_batch(teks: str) -> int:
    """A batch number as the history page shows it."""
    try:
        return int(teks)
    except ValueError:
        raise argparse.ArgumentTypeError(PESAN_BATCH) from None


PESAN_BATCH = "BATCH_ID harus berupa angka, mis. 12"
_MILIK.append(PESAN_BATCH)
