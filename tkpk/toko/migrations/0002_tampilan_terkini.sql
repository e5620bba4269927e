-- Views of the current state: only active batches, newest batch wins per natural key.

CREATE OR REPLACE VIEW v_kemiskinan_kabupaten AS
SELECT k.tahun, k.kode_wilayah, w.nama, w.tingkat, k.p0, k.penduduk_miskin, k.garis_kemiskinan, k.p1, k.p2,
       k.sumber, k.batch_id, b.sampel
FROM kemiskinan_kabupaten k
JOIN batch b USING (batch_id)
JOIN wilayah w ON w.kode = k.kode_wilayah
WHERE b.status = 'aktif'
QUALIFY row_number() OVER (PARTITION BY k.tahun, k.kode_wilayah ORDER BY k.batch_id DESC) = 1;

CREATE OR REPLACE VIEW v_nilai_tersimpan AS
SELECT n.tahun, n.kode_wilayah, n.indikator, n.nilai, n.sumber, n.batch_id, b.sampel
FROM nilai_indikator n
JOIN batch b USING (batch_id)
WHERE b.status = 'aktif'
QUALIFY row_number() OVER (PARTITION BY n.tahun, n.kode_wilayah, n.indikator ORDER BY n.batch_id DESC) = 1;

-- Stored values plus derived shares (100 * numerator / denominator), defined by the catalogue.
CREATE OR REPLACE VIEW v_nilai_indikator AS
SELECT tahun, kode_wilayah, indikator, nilai, sumber, batch_id, sampel
FROM v_nilai_tersimpan
UNION ALL
SELECT a.tahun, a.kode_wilayah, i.kode AS indikator,
       CASE WHEN b.nilai IS NULL OR b.nilai = 0 THEN NULL ELSE 100.0 * a.nilai / b.nilai END AS nilai,
       CASE WHEN a.sumber = b.sumber THEN a.sumber ELSE a.sumber || '; ' || b.sumber END AS sumber,
       greatest(a.batch_id, b.batch_id) AS batch_id,
       a.sampel OR b.sampel AS sampel
FROM indikator i
JOIN v_nilai_tersimpan a ON a.indikator = i.pembilang
JOIN v_nilai_tersimpan b ON b.indikator = i.penyebut AND b.tahun = a.tahun AND b.kode_wilayah = a.kode_wilayah
WHERE i.pembilang IS NOT NULL;

CREATE OR REPLACE VIEW v_target_indikator AS
SELECT t.* FROM target_indikator t JOIN batch b USING (batch_id)
WHERE b.status = 'aktif'
QUALIFY row_number() OVER (PARTITION BY t.tahun, t.kode_wilayah, t.indikator ORDER BY t.batch_id DESC) = 1;

CREATE OR REPLACE VIEW v_intervensi AS
SELECT i.*, b.sampel
FROM intervensi i
JOIN batch b USING (batch_id)
WHERE b.status = 'aktif'
QUALIFY row_number() OVER (
    PARTITION BY i.tahun, i.triwulan, i.kode_opd, i.program, i.kegiatan, i.kode_wilayah
    ORDER BY i.batch_id DESC) = 1;
