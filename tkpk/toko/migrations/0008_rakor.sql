-- The rakor loop: action plans (rencana aksi), meetings (rakor) and their decisions (keputusan).
--
-- Action plans are data like interventions: uploaded per OPD (upload kind "rencana"), versioned per cell by batch,
-- rolled back like any batch.
-- Meetings and decisions are NOT upload batches: they are typed in by an analyst during or after the meeting and
-- edited later, so they are append-only event logs. Every change (a status, a deadline, a corrected typo) is a new
-- event with who and when; the current state is the newest event per id, and the history is the whole log.

CREATE TABLE IF NOT EXISTS rencana_aksi (
    tahun          INTEGER NOT NULL,
    triwulan       INTEGER,              -- target quarter; NULL = the whole year
    pilar          INTEGER NOT NULL,
    kode_opd       VARCHAR NOT NULL,
    program        VARCHAR NOT NULL,
    kegiatan       VARCHAR,
    kode_wilayah   VARCHAR,              -- kecamatan or desa; NULL = kabupaten-wide
    satuan_output  VARCHAR,
    target_output  DOUBLE,
    pagu_rencana   DOUBLE,
    keterangan     VARCHAR,
    sumber         VARCHAR NOT NULL,
    batch_id       INTEGER NOT NULL
);

CREATE SEQUENCE IF NOT EXISTS peristiwa_rakor_seq START 1;
CREATE SEQUENCE IF NOT EXISTS rakor_seq START 1;
CREATE SEQUENCE IF NOT EXISTS keputusan_seq START 1;

CREATE TABLE IF NOT EXISTS rakor_peristiwa (
    peristiwa_id INTEGER PRIMARY KEY,    -- from peristiwa_rakor_seq: orders every event of the loop
    rakor_id     INTEGER NOT NULL,
    tanggal      DATE NOT NULL,
    judul        VARCHAR NOT NULL,
    tempat       VARCHAR,
    sampel       BOOLEAN NOT NULL DEFAULT FALSE,
    dihapus      BOOLEAN NOT NULL DEFAULT FALSE,   -- withdrawn (entered by mistake); kept in the history
    oleh         VARCHAR NOT NULL,
    waktu        TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS keputusan_peristiwa (
    peristiwa_id INTEGER PRIMARY KEY,
    keputusan_id INTEGER NOT NULL,
    rakor_id     INTEGER NOT NULL,
    teks         VARCHAR NOT NULL,
    kode_opd     VARCHAR,                -- the OPD responsible
    tenggat      DATE,                   -- deadline; "terlambat" is derived from it, never stored
    kode_wilayah VARCHAR,                -- optional place (kecamatan or desa)
    program      VARCHAR,                -- optional program of that OPD ...
    indikator    VARCHAR,                -- ... or indicator (catalogue code) the target refers to
    target       DOUBLE,
    status       VARCHAR NOT NULL CHECK (status IN ('baru', 'berjalan', 'selesai')),
    catatan      VARCHAR,
    dihapus      BOOLEAN NOT NULL DEFAULT FALSE,
    sampel       BOOLEAN NOT NULL DEFAULT FALSE,
    oleh         VARCHAR NOT NULL,
    waktu        TIMESTAMP NOT NULL
);

CREATE OR REPLACE VIEW v_rakor AS
SELECT r.rakor_id, r.tanggal, r.judul, r.tempat, r.sampel, r.oleh AS diubah_oleh, r.waktu AS diubah_waktu
FROM rakor_peristiwa r
QUALIFY row_number() OVER (PARTITION BY r.rakor_id ORDER BY r.peristiwa_id DESC) = 1 AND NOT r.dihapus;

CREATE OR REPLACE VIEW v_keputusan AS
WITH terakhir AS (
    SELECT k.*
    FROM keputusan_peristiwa k
    QUALIFY row_number() OVER (PARTITION BY k.keputusan_id ORDER BY k.peristiwa_id DESC) = 1
), pertama AS (
    SELECT keputusan_id, min(waktu) AS dibuat_waktu, arg_min(oleh, peristiwa_id) AS dibuat_oleh,
           count(*) AS jumlah_peristiwa
    FROM keputusan_peristiwa GROUP BY keputusan_id
)
SELECT t.keputusan_id, t.rakor_id, t.teks, t.kode_opd, t.tenggat, t.kode_wilayah, t.program, t.indikator,
       t.target, t.status, t.catatan, t.sampel, p.dibuat_oleh, p.dibuat_waktu, t.oleh AS diubah_oleh,
       t.waktu AS diubah_waktu, p.jumlah_peristiwa
FROM terakhir t
JOIN pertama p USING (keputusan_id)
JOIN v_rakor r USING (rakor_id)
WHERE NOT t.dihapus;

-- Action plans are versioned per cell like interventions (migration 0004, README "Versi data"): each cell's value is
-- the one from the newest active batch that reported it; an empty cell never hides an older value. The macro leaves
-- one batch out for the rollback preview.
CREATE OR REPLACE MACRO rencana_per_sel(kecuali) AS TABLE
WITH aktif AS (
    SELECT r.*, b.sampel,
           count(*) OVER (PARTITION BY r.tahun, r.triwulan, r.kode_opd, r.program, r.kegiatan, r.kode_wilayah) AS n
    FROM rencana_aksi r
    JOIN batch b USING (batch_id)
    WHERE b.status = 'aktif' AND r.batch_id IS DISTINCT FROM kecuali
), sel AS (
    SELECT tahun, triwulan, kode_opd, program, kegiatan, kode_wilayah,
           arg_max(pilar, batch_id) AS pilar,
           arg_max(satuan_output, batch_id) AS satuan_output,
           arg_max(target_output, batch_id) AS target_output,
           arg_max(pagu_rencana, batch_id) AS pagu_rencana,
           arg_max(keterangan, batch_id) AS keterangan,
           [max(batch_id) FILTER (WHERE pilar IS NOT NULL),
            max(batch_id) FILTER (WHERE satuan_output IS NOT NULL),
            max(batch_id) FILTER (WHERE target_output IS NOT NULL),
            max(batch_id) FILTER (WHERE pagu_rencana IS NOT NULL),
            max(batch_id) FILTER (WHERE keterangan IS NOT NULL)] AS bs,
           list(batch_id ORDER BY batch_id) AS bl,
           list(sumber ORDER BY batch_id) AS sl,
           list(sampel ORDER BY batch_id) AS pl
    FROM aktif
    WHERE n > 1
    GROUP BY tahun, triwulan, kode_opd, program, kegiatan, kode_wilayah
)
SELECT tahun, triwulan, pilar, kode_opd, program, kegiatan, kode_wilayah, satuan_output, target_output,
       pagu_rencana, keterangan,
       array_to_string(list_filter(sf, lambda x, i: list_position(sf, x) = i), '; ') AS sumber,
       list_max(bs) AS batch_id,
       coalesce(list_bool_or(list_filter(pl, lambda x, i: list_contains(bs, bl[i]))), FALSE) AS sampel
FROM (SELECT *, list_filter(sl, lambda x, i: list_contains(bs, bl[i])) AS sf FROM sel)
UNION ALL
SELECT tahun, triwulan, pilar, kode_opd, program, kegiatan, kode_wilayah, satuan_output, target_output,
       pagu_rencana, keterangan, sumber, batch_id, sampel
FROM aktif
WHERE n = 1;

CREATE OR REPLACE VIEW v_rencana_aksi AS SELECT * FROM rencana_per_sel(NULL);
