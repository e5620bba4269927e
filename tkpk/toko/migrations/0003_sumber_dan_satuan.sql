-- Columns several pieces of work need at once, added together so they share one schema:
-- * jenis_sumber: what kind of source a figure comes from (vocabulary in tkpk/katalog.py JENIS_SUMBER), so the UI
--   says "BPS" only for BPS and marks figures quoted by officials or by the media;
-- * p0_ekstrem, penduduk_miskin_ekstrem: BPS's extreme-poverty rate (%) and count (jiwa) beside P0;
-- * target_indikator gains the source of each target (a target is a figure too);
-- * intervensi.satuan_penerima: beneficiaries are totalled per unit (KK, jiwa, unit rumah, dokumen ...).
-- All new columns are nullable, so existing rows and files stay valid.

ALTER TABLE kemiskinan_kabupaten ADD COLUMN IF NOT EXISTS jenis_sumber VARCHAR;
ALTER TABLE kemiskinan_kabupaten ADD COLUMN IF NOT EXISTS p0_ekstrem DOUBLE;
ALTER TABLE kemiskinan_kabupaten ADD COLUMN IF NOT EXISTS penduduk_miskin_ekstrem DOUBLE;
ALTER TABLE nilai_indikator ADD COLUMN IF NOT EXISTS jenis_sumber VARCHAR;
ALTER TABLE target_indikator ADD COLUMN IF NOT EXISTS sumber VARCHAR;
ALTER TABLE target_indikator ADD COLUMN IF NOT EXISTS jenis_sumber VARCHAR;
ALTER TABLE target_indikator ADD COLUMN IF NOT EXISTS rincian VARCHAR;
ALTER TABLE intervensi ADD COLUMN IF NOT EXISTS satuan_penerima VARCHAR;

CREATE OR REPLACE VIEW v_kemiskinan_kabupaten AS
SELECT k.tahun, k.kode_wilayah, w.nama, w.tingkat, k.p0, k.penduduk_miskin, k.garis_kemiskinan, k.p1, k.p2,
       k.p0_ekstrem, k.penduduk_miskin_ekstrem, k.sumber, k.jenis_sumber, k.batch_id, b.sampel
FROM kemiskinan_kabupaten k
JOIN batch b USING (batch_id)
JOIN wilayah w ON w.kode = k.kode_wilayah
WHERE b.status = 'aktif'
QUALIFY row_number() OVER (PARTITION BY k.tahun, k.kode_wilayah ORDER BY k.batch_id DESC) = 1;

CREATE OR REPLACE VIEW v_nilai_tersimpan AS
SELECT n.tahun, n.kode_wilayah, n.indikator, n.nilai, n.sumber, n.jenis_sumber, n.batch_id, b.sampel
FROM nilai_indikator n
JOIN batch b USING (batch_id)
WHERE b.status = 'aktif'
QUALIFY row_number() OVER (PARTITION BY n.tahun, n.kode_wilayah, n.indikator ORDER BY n.batch_id DESC) = 1;

CREATE OR REPLACE VIEW v_nilai_indikator AS
SELECT tahun, kode_wilayah, indikator, nilai, sumber, jenis_sumber, batch_id, sampel
FROM v_nilai_tersimpan
UNION ALL
SELECT a.tahun, a.kode_wilayah, i.kode AS indikator,
       CASE WHEN b.nilai IS NULL OR b.nilai = 0 THEN NULL ELSE 100.0 * a.nilai / b.nilai END AS nilai,
       CASE WHEN a.sumber = b.sumber THEN a.sumber ELSE a.sumber || '; ' || b.sumber END AS sumber,
       CASE WHEN a.jenis_sumber IS NOT DISTINCT FROM b.jenis_sumber THEN a.jenis_sumber ELSE 'turunan' END
           AS jenis_sumber,
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
