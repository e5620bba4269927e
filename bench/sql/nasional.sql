-- Synthetic national store, in the schema of tkpk/toko/migrations. Each statement starts with "-- name: X" and is
-- run with bound parameters by bench/nasional.py. Everything is derived from range() and hash(), so the
-- output is identical on every run. Province 63 (Kalimantan Selatan, with the real Banjar data) comes from
-- the bundled store; the synthetic places use the other two-digit codes and are named "... Sintetis ...".

-- name: tempat
-- Synthetic provinces, kab/kota, kecamatan and desa with grid cells: province cells 4°x4°, each split 4x4
-- for kab/kota (1°), again for kecamatan (0.25°) and for desa (0.0625°).
CREATE OR REPLACE TEMP TABLE _tempat AS
WITH prov AS (
    SELECT p, CASE WHEN p + 11 >= 63 THEN p + 12 ELSE p + 11 END AS kp FROM range($n_prov) t(p)
), kab AS (
    SELECT k, k * $n_prov // $n_kab AS p FROM range($n_kab) t(k)
), kab2 AS (
    SELECT k, p, row_number() OVER (PARTITION BY p ORDER BY k) - 1 AS nk FROM kab
), kec AS (
    SELECT c, c * $n_kab // $n_kec AS k FROM range($n_kec) t(c)
), kec2 AS (
    SELECT c, k, row_number() OVER (PARTITION BY k ORDER BY c) - 1 AS nc FROM kec
), des AS (
    SELECT d, d * $n_kec // $n_desa AS c FROM range($n_desa) t(d)
), des2 AS (
    SELECT d, c, row_number() OVER (PARTITION BY c ORDER BY d) - 1 AS nd FROM des
), kabkode AS (
    SELECT k2.k, k2.p, k2.nk, prov.kp,
           CASE WHEN k2.nk < 11 THEN 'kabupaten' ELSE 'kota' END AS tingkat,
           lpad(prov.kp::VARCHAR, 2, '0') || '.' ||
           lpad((CASE WHEN k2.nk < 11 THEN k2.nk + 1 ELSE k2.nk + 60 END)::VARCHAR, 2, '0') AS kode,
           95.0 + 4 * (k2.p % 7) + (k2.nk % 4) AS x, 6.0 - 4 * (k2.p // 7) - (k2.nk // 4) AS y
    FROM kab2 k2 JOIN prov USING (p)
), keckode AS (
    SELECT c2.c, c2.nc, kk.kode AS kode_kab, kk.kode || '.' || lpad((c2.nc + 1)::VARCHAR, 2, '0') AS kode,
           kk.x + 0.25 * (c2.nc % 4) AS x, kk.y - 0.25 * (c2.nc // 4) AS y
    FROM kec2 c2 JOIN kabkode kk USING (k)
)
SELECT 'provinsi' AS tingkat, lpad(kp::VARCHAR, 2, '0') AS kode, 'Provinsi Sintetis ' || kp AS nama,
       NULL AS kode_induk, NULL AS kode_kab, NULL AS kode_kec,
       95.0 + 4 * (p % 7) AS x, 6.0 - 4 * (p // 7) AS y, 4.0 AS s
FROM prov
UNION ALL
SELECT tingkat, kode, (CASE WHEN tingkat = 'kota' THEN 'Kota' ELSE 'Kabupaten' END) || ' Sintetis ' || kode,
       lpad(kp::VARCHAR, 2, '0'), kode, NULL, x, y, 1.0
FROM kabkode
UNION ALL
SELECT 'kecamatan', kode, 'Kecamatan Sintetis ' || kode, kode_kab, kode_kab, kode, x, y, 0.25 FROM keckode
UNION ALL
SELECT CASE WHEN d2.nd = 0 THEN 'kelurahan' ELSE 'desa' END,
       kc.kode || '.' || CASE WHEN d2.nd = 0 THEN '1001' ELSE (2000 + d2.nd)::VARCHAR END,
       'Desa Sintetis ' || kc.kode || '-' || (d2.nd + 1), kc.kode, kc.kode_kab, kc.kode,
       kc.x + 0.0625 * (d2.nd % 4), kc.y - 0.0625 * (d2.nd // 4), 0.0625
FROM des2 d2 JOIN keckode kc USING (c);

-- name: wilayah
INSERT INTO wilayah (kode, nama, tingkat, kode_induk, kode_kab, kode_kec, luas_km2, batch_id)
SELECT kode, nama, tingkat, kode_induk, kode_kab, kode_kec,
       round(s * s * 111.32 * 111.32 * cos(radians(y - s / 2)), 3), $batch
FROM _tempat;

-- name: batas
-- Rectangles with clockwise outer rings (Vega's orientation), as GeoJSON text.
INSERT INTO batas_wilayah (kode, geojson, sumber, batch_id)
SELECT kode,
       '{"type":"Polygon","coordinates":[[[' || x || ',' || y || '],[' || (x + s) || ',' || y || '],['
       || (x + s) || ',' || (y - s) || '],[' || x || ',' || (y - s) || '],[' || x || ',' || y || ']]]}',
       $sumber, $batch
FROM _tempat;

-- name: bps
INSERT INTO kemiskinan_kabupaten (tahun, kode_wilayah, p0, penduduk_miskin, garis_kemiskinan, p1, p2, sumber, batch_id)
SELECT y.tahun, t.kode,
       round(3 + (hash(t.kode) % 1500) / 100.0 - 0.15 * (y.tahun - $tahun_awal), 2) AS p0,
       50000 + hash(t.kode, 1) % 200000, 350000 + 15000 * (y.tahun - $tahun_awal) + hash(t.kode, 2) % 100000,
       round(0.3 + (hash(t.kode, 3) % 200) / 100.0, 3), round(0.05 + (hash(t.kode, 4) % 60) / 100.0, 3),
       $sumber, $batch
FROM _tempat t, range($tahun_awal, $tahun_akhir + 1) y(tahun)
WHERE t.tingkat IN ('provinsi', 'kabupaten', 'kota');

-- name: indikator_desa
-- Stored catalogue indicators per desa and year: counts with a per-place level and a gentle trend.
INSERT INTO nilai_indikator (tahun, kode_wilayah, indikator, nilai, sumber, batch_id)
WITH base AS (
    SELECT t.kode, y.tahun, 800 + hash(t.kode) % 6000 AS pend0,
           (3 + hash(t.kode, 7) % 30) / 100.0 AS share0, y.tahun - $tahun_awal AS dt
    FROM _tempat t, range($tahun_awal, $tahun_akhir + 1) y(tahun)
    WHERE t.tingkat IN ('desa', 'kelurahan')
), v AS (
    SELECT kode, tahun, round(pend0 * (1 + 0.01 * dt)) AS penduduk,
           greatest(0.01, share0 - 0.004 * dt) AS share, (hash(kode, tahun) % 100) / 100.0 AS u
    FROM base
)
SELECT tahun, kode, ind, round(val), $sumber, $batch
FROM (
    SELECT tahun, kode,
           unnest(['penduduk', 'jiwa_desil_1_4', 'kk', 'kk_desil_1', 'kk_desil_1_4', 'rtlh', 'kk_tanpa_air_layak',
                   'kk_tanpa_sanitasi_layak', 'anak_tidak_sekolah']) AS ind,
           unnest([penduduk, penduduk * share, penduduk / 3.6, penduduk / 3.6 * share * 0.8,
                   penduduk / 3.6 * least(0.9, share * 3), penduduk / 3.6 * share * (0.3 + 0.4 * u),
                   penduduk / 3.6 * share * (0.5 + 0.5 * u), penduduk / 3.6 * share * (0.6 + 0.4 * u),
                   penduduk * 0.2 * share * (0.2 + 0.3 * u)]) AS val
    FROM v
)
WHERE ind = ANY($indikator);

-- name: indikator_kecamatan
-- Kecamatan values are the sums of their desa, so the two levels agree as in real register data.
INSERT INTO nilai_indikator (tahun, kode_wilayah, indikator, nilai, sumber, batch_id)
SELECT n.tahun, t.kode_kec, n.indikator, sum(n.nilai), $sumber, $batch
FROM nilai_indikator n JOIN _tempat t ON t.kode = n.kode_wilayah
WHERE n.batch_id = $batch
GROUP BY ALL;

-- name: intervensi
INSERT INTO intervensi (tahun, triwulan, pilar, kode_opd, program, kegiatan, kode_wilayah, pagu, realisasi,
                        satuan_output, target_output, capaian_output, target_penerima, penerima, sumber_dana,
                        keterangan, sumber, batch_id)
WITH o AS (SELECT unnest($opd) AS kode_opd, unnest($pilar) AS pilar, generate_subscripts($opd, 1) - 1 AS n),
     w AS (SELECT kode, row_number() OVER (ORDER BY kode) - 1 AS n FROM _tempat
           WHERE tingkat IN ('kecamatan', 'desa', 'kelurahan')),
     nw AS (SELECT count(*) AS n FROM w),
     r AS (SELECT i, hash(i, 'intervensi') AS h FROM range($n_intervensi) t(i))
SELECT $tahun_awal + r.i % ($tahun_akhir - $tahun_awal + 1), NULL, o.pilar, o.kode_opd,
       'Program sintetis ' || (r.h % 60), 'Kegiatan sintetis ' || r.i, w.kode,
       (1 + r.h % 400) * 5000000.0, (1 + r.h % 400) * 5000000.0 * (0.6 + (r.h % 41) / 100.0),
       'paket', 5 + r.h % 95, (5 + r.h % 95) * (0.5 + (r.h % 61) / 100.0), 5 + r.h % 95,
       (5 + r.h % 95) * (0.5 + (r.h % 53) / 100.0), ['APBD', 'APBN', 'DAK', 'Dana Desa', 'CSR'][(1 + r.h % 5)::BIGINT],
       NULL, $sumber, $batch
FROM r, nw
JOIN o ON o.n = r.i % len($opd)
JOIN w ON w.n = (hash(r.i, 'tempat') % nw.n);
