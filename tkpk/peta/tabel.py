"""Display and download tables of the map page, and the parsing of thresholds typed by the user.

Why separate: the page must stay "widgets → one call → draw". Column names here are the Indonesian headers the
officials read; the same frames go to CSV/XLSX, so the file holds exactly what the screen shows.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import duckdb
import pandas as pd

from tkpk import fmt
from tkpk.peta.kantong import AturanKantong, AturanMoran, HasilKantong
from tkpk.peta.perubahan import PerubahanKantong
from tkpk.peta.sasaran import HasilSasaran
from tkpk.unduh import bulat

__all__ = ["FORMAT_INTERVENSI", "ambang_awal", "baca_ambang", "format_kantong", "format_sasaran", "hanya_berubah",
           "tabel_desa", "tabel_kantong", "tabel_perubahan", "tabel_sasaran",
           "tabel_tersentuh"]


def baca_ambang(teks: str) -> list[float]:
    """Thresholds typed the Indonesian way: ``"2,5; 5; 10"`` → ``[2.5, 5.0, 10.0]``.

    ``;`` (or a space, or "|") separates numbers; a comma is the decimal mark and a dot a thousands separator
    (``1.250`` = 1250). Raises ValueError with an Indonesian message on anything else.
    """
    bagian = [b for b in re.split(r"[;|\s]+", teks.strip()) if b]
    if not bagian:
        raise ValueError("Ketik ambang kelas, dipisah titik koma, mis. 2; 4,5; 7.")
    out = []
    for b in bagian:
        bersih = b.replace(".", "").replace(",", ".")
        try:
            x = float(bersih)
        except ValueError:
            raise ValueError(f"'{b}' bukan angka. Contoh: 2; 4,5; 7 (koma untuk desimal).") from None
        if not math.isfinite(x):
            raise ValueError(f"'{b}' bukan angka yang dapat dipakai.")
        out.append(x)
    return sorted(set(out))


def ambang_awal(nilai: pd.Series, n: int = 3) -> str:
    """A starting suggestion for fixed thresholds: quartile-like cut points of the data, rounded, id-ID text."""
    x = pd.to_numeric(nilai, errors="coerce").dropna()
    if x.empty:
        return "1; 2; 3"
    q = x.quantile([(i + 1) / (n + 1) for i in range(n)]).to_numpy()
    desimal = 0 if x.max() >= 100 else 1
    teks = sorted({fmt.angka(round(v, desimal), desimal) for v in q}, key=lambda s: float(s.replace(".", "")
                                                                                          .replace(",", ".")))
    return "; ".join(teks) if len(teks) >= 2 else "; ".join([fmt.angka(x.min()), fmt.angka(x.max())])


def _nama_kec(hasil: HasilKantong, lebar: pd.DataFrame) -> pd.Series:
    peta = dict(zip(lebar["kode"].astype("str"), lebar["nama_kecamatan"], strict=False))
    return hasil.tabel["kode"].astype("str").map(peta)


def tabel_kantong(hasil: HasilKantong, lebar: pd.DataFrame, tingkat: str, semua: bool = False) -> pd.DataFrame:
    """Ranked pockets (or every place with ``semua``) with their reasons in plain words; p-values for Moran."""
    t = hasil.tabel.assign(nama_kecamatan=_nama_kec(hasil, lebar).to_numpy())
    if not semua:
        t = t[t["termasuk_kantong"]]
    out = pd.DataFrame({"Peringkat": t["peringkat"].astype("Int64"), "Kode": t["kode"], "Wilayah": t["nama"]})
    if tingkat == "desa":
        out["Kecamatan"] = t["nama_kecamatan"]
    out["Status"] = [str(j) if isinstance(j, str) else "bukan kantong" for j in t["jenis"]]
    out["Persen (%)"] = bulat(t["persen"], 2)
    if isinstance(hasil.aturan, AturanMoran):
        out["Rata-rata tetangga (%)"] = bulat(t["lag_persen"], 2)
        out["Kuadran"] = t["kuadran"]
        out["Nilai p"] = bulat(t["p_sim"], 4)
        ya = {True: "ya", False: "tidak"}
        out["Signifikan tanpa koreksi"] = t["signifikan_mentah"].map(ya).where(t["p_sim"].notna(), "")
        if hasil.aturan.koreksi != "tanpa":
            out["Signifikan setelah koreksi"] = t["signifikan"].map(ya).where(t["p_sim"].notna(), "")
    else:
        out["Jumlah"] = bulat(t["jumlah"])
        out["Skor (0–100)"] = bulat(t["skor"], 1)
    out["Alasan"] = t["alasan"]
    return out.reset_index(drop=True)


def format_kantong() -> dict[str, fmt.Format]:
    """id-ID cell formats of :func:`tabel_kantong` columns (the numbers underneath stay sortable)."""
    return {"Persen (%)": fmt.PERSEN_2, "Rata-rata tetangga (%)": fmt.PERSEN_2, "Nilai p": fmt.NILAI_P,
            "Jumlah": fmt.ANGKA, "Skor (0–100)": fmt.ANGKA_1}


def tabel_perubahan(p: PerubahanKantong, nama_tahun: tuple[int, int]) -> pd.DataFrame:
    """Entered / left rows (the ones worth talking about), then the ones that stayed."""
    lama, baru = nama_tahun
    urut = {"masuk": 0, "keluar": 1, "tetap": 2}
    t = p.tabel.assign(_u=p.tabel["status"].map(urut)).sort_values(["_u", "kode"], kind="mergesort")
    teks = {"masuk": f"masuk ({baru}, bukan kantong {lama})", "keluar": f"keluar (kantong {lama}, bukan {baru})",
            "tetap": f"tetap (kantong {lama} dan {baru})"}
    return pd.DataFrame({"Kode": t["kode"], "Wilayah": t["nama"], "Perubahan": t["status"].map(teks),
                         f"Peringkat {lama}": t["peringkat_lama"].astype("Int64"),
                         f"Peringkat {baru}": t["peringkat_baru"].astype("Int64")}).reset_index(drop=True)


def tabel_sasaran(s: HasilSasaran, lebar: pd.DataFrame, tingkat: str) -> pd.DataFrame:
    """Per place: need, interventions, ratios in ONE unit (the column names carry it), pocket flags."""
    t = s.tabel
    kec = dict(zip(lebar["kode"].astype("str"), lebar["nama_kecamatan"], strict=False))
    out = pd.DataFrame({"Kode": t["kode"], "Wilayah": t["nama"]})
    if tingkat == "desa":
        out["Kecamatan"] = t["kode"].map(kec)
    out[f"Kebutuhan ({s.label_kebutuhan})"] = bulat(t["kebutuhan"])
    out["Jumlah intervensi"] = t["jumlah_intervensi"]
    out[s.label_rasio] = bulat(t["intervensi_per_1000"], 2)
    out["Pagu (Rp)"] = bulat(t["pagu"])
    out[s.label_pagu] = bulat(t["pagu_per_unit"])
    out["Realisasi (Rp)"] = bulat(t["realisasi"])
    out["Kantong"] = t["termasuk_kantong"].map({True: "ya", False: ""})
    out["Belum tersentuh"] = t["belum_tersentuh"].map({True: "YA", False: ""})
    return out


def tabel_tersentuh(s: HasilSasaran, lebar: pd.DataFrame, tingkat: str) -> pd.DataFrame:
    """The headline list: pockets with no or little intervention, least reached first."""
    b = s.belum_tersentuh()
    kec = dict(zip(lebar["kode"].astype("str"), lebar["nama_kecamatan"], strict=False))
    out = pd.DataFrame({"Wilayah": b["nama"]})
    if tingkat == "desa":
        out["Kecamatan"] = b["kode"].map(kec)
    out[f"Kebutuhan ({s.label_kebutuhan})"] = [fmt.angka(x) for x in b["kebutuhan"]]
    out["Intervensi"] = b["jumlah_intervensi"]
    out[s.label_rasio] = b["intervensi_per_1000_teks"]
    out["Pagu"] = [fmt.rupiah(x) for x in b["pagu"]]
    out["Kode"] = b["kode"]
    return out


@dataclass(frozen=True)
class TabelKantong:
    """The pocket tables of the map page for one level, year and pocket rule."""

    kantong: pd.DataFrame            # the pockets, ranked
    semua: pd.DataFrame              # every place with its pocket reasons (download, Moran p-values)
    perubahan: pd.DataFrame | None   # entered / left against the year before; None without that year


@dataclass(frozen=True)
class TabelSasaran:
    """The targeting tables of the map page, for the same choice plus the unit of need."""

    tersentuh: pd.DataFrame          # pockets without (enough) intervention
    sasaran: pd.DataFrame            # interventions per need, every place


# Why these two: the page caches each as one call; rebuilding five tables with pandas was a fifth of every map
# rerun (bench/RESULTS.md). Their inputs come from tkpk.peta.data, which caches the costly ones (Moran, the data).

def tabel_kantong_halaman(con: duckdb.DuckDBPyConnection, tingkat: str, tahun: int,
                          aturan: AturanKantong | AturanMoran) -> TabelKantong:
    from tkpk.peta import data as peta

    data = peta.data_tingkat(con, tingkat, tahun)
    hasil = peta.hitung_kantong(con, tingkat, tahun, aturan)
    ubah = peta.perubahan(con, tingkat, tahun, aturan)
    return TabelKantong(
        kantong=tabel_kantong(hasil, data.lebar, tingkat),
        semua=tabel_kantong(hasil, data.lebar, tingkat, semua=True),
        perubahan=None if ubah is None else tabel_perubahan(ubah, (tahun - 1, tahun)),
    )


def tabel_sasaran_halaman(con: duckdb.DuckDBPyConnection, tingkat: str, tahun: int,
                          aturan: AturanKantong | AturanMoran, satuan: str) -> TabelSasaran:
    from tkpk.peta import data as peta

    data = peta.data_tingkat(con, tingkat, tahun)
    hasil = peta.hitung_kantong(con, tingkat, tahun, aturan)
    s = peta.sasaran(con, tingkat, tahun, satuan, hasil.kode_kantong)
    return TabelSasaran(tersentuh=tabel_tersentuh(s, data.lebar, tingkat),
                        sasaran=tabel_sasaran(s, data.lebar, tingkat))


# Cell formats of the other tables of the map page (named functions: a format spec stays hashable and readable).
FORMAT_INTERVENSI: dict[str, object] = {"Pagu (Rp)": fmt.rupiah_ringkas, "Realisasi (Rp)": fmt.rupiah_ringkas}


def format_sasaran(df: pd.DataFrame) -> dict[str, object]:
    """id-ID formats of :func:`tabel_sasaran`'s number columns: Rupiah, ratios per 1.000 with two decimals,
    counts."""
    return {c: (fmt.rupiah if "Rp" in c else fmt.ANGKA_2 if "1.000" in c else fmt.angka) for c in df.columns
            if df[c].dtype.kind in "fi"}


def tabel_desa(desa: pd.DataFrame) -> pd.DataFrame:
    """The desa of a selected kecamatan (profile), worst first, with the headers the page shows."""
    return desa[["nama", "nilai_teks", "peringkat_teks"]].rename(columns={
        "nama": "Desa", "nilai_teks": "Nilai", "peringkat_teks": "Peringkat di kabupaten"})


def hanya_berubah(perubahan: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`tabel_perubahan` that entered or left (not the ones that stayed), without the code."""
    return perubahan[~perubahan["Perubahan"].str.startswith("tetap")].drop(columns=["Kode"])
