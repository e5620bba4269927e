-- Base schema. Data tables are append-only and versioned by batch: the "current" value of a key is the one
-- from the newest active batch, so rolling a batch back restores exactly the previous state.

CREATE SEQUENCE IF NOT EXISTS batch_seq START 1;

CREATE TABLE IF NOT EXISTS batch (
    batch_id     INTEGER PRIMARY KEY,
    jenis        VARCHAR NOT NULL,      -- referensi | bps | indikator | intervensi | target | contoh
    nama_file    VARCHAR,
    sha256       VARCHAR,
    jumlah_baris INTEGER NOT NULL DEFAULT 0,
    oleh         VARCHAR NOT NULL,
    waktu        TIMESTAMP NOT NULL,
    status       VARCHAR NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif', 'dibatalkan')),
    sampel       BOOLEAN NOT NULL DEFAULT FALSE,
    keterangan   VARCHAR
);

CREATE TABLE IF NOT EXISTS wilayah (
    kode        VARCHAR PRIMARY KEY,    -- Kemendagri code as text: 63, 63.03, 63.03.05, 63.03.05.2001
    nama        VARCHAR NOT NULL,
    tingkat     VARCHAR NOT NULL CHECK (tingkat IN ('provinsi', 'kabupaten', 'kota', 'kecamatan', 'desa', 'kelurahan')),
    kode_induk  VARCHAR,
    kode_kab    VARCHAR,
    kode_kec    VARCHAR,
    luas_km2    DOUBLE,
    batch_id    INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS batas_wilayah (
    kode     VARCHAR PRIMARY KEY,
    geojson  VARCHAR NOT NULL,           -- GeoJSON geometry in EPSG:4326
    sumber   VARCHAR NOT NULL,
    batch_id INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS kemiskinan_kabupaten (
    tahun            INTEGER NOT NULL,
    kode_wilayah     VARCHAR NOT NULL,   -- 63 (provinsi) or a kab/kota code
    p0               DOUBLE,             -- persen penduduk miskin
    penduduk_miskin  DOUBLE,             -- jiwa
    garis_kemiskinan DOUBLE,             -- Rp/kapita/bulan
    p1               DOUBLE,
    p2               DOUBLE,
    sumber           VARCHAR NOT NULL,
    batch_id         INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS indikator (
    kode                     VARCHAR PRIMARY KEY,
    nama                     VARCHAR NOT NULL,
    satuan                   VARCHAR NOT NULL,
    tingkat                  VARCHAR NOT NULL,      -- lowest level the indicator is kept at
    lebih_tinggi_lebih_buruk BOOLEAN NOT NULL,
    deskripsi                VARCHAR NOT NULL,
    sumber_baku              VARCHAR NOT NULL,
    -- derived shares: value = 100 * pembilang / penyebut, computed in SQL, never stored
    pembilang                VARCHAR,
    penyebut                 VARCHAR,
    urutan                   INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS nilai_indikator (
    tahun        INTEGER NOT NULL,
    kode_wilayah VARCHAR NOT NULL,
    indikator    VARCHAR NOT NULL,
    nilai        DOUBLE,
    sumber       VARCHAR NOT NULL,
    batch_id     INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS target_indikator (
    tahun        INTEGER NOT NULL,
    kode_wilayah VARCHAR NOT NULL,
    indikator    VARCHAR NOT NULL,       -- p0, penduduk_miskin, ... or a catalogue code
    nilai        DOUBLE NOT NULL,
    dokumen      VARCHAR NOT NULL,       -- RPJMD / RPKD and its period
    batch_id     INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS pilar (
    kode         INTEGER PRIMARY KEY,
    nama         VARCHAR NOT NULL,
    nama_singkat VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS opd (
    kode         VARCHAR PRIMARY KEY,
    nama_singkat VARCHAR NOT NULL,
    nama_lengkap VARCHAR NOT NULL,
    pilar        INTEGER NOT NULL,
    urutan       INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS intervensi (
    tahun            INTEGER NOT NULL,
    triwulan         INTEGER,
    pilar            INTEGER NOT NULL,
    kode_opd         VARCHAR NOT NULL,
    program          VARCHAR NOT NULL,
    kegiatan         VARCHAR,
    kode_wilayah     VARCHAR,            -- kecamatan or desa; NULL = kabupaten-wide
    pagu             DOUBLE,
    realisasi        DOUBLE,
    satuan_output    VARCHAR,
    target_output    DOUBLE,
    capaian_output   DOUBLE,
    target_penerima  DOUBLE,
    penerima         DOUBLE,
    sumber_dana      VARCHAR,
    keterangan       VARCHAR,
    sumber           VARCHAR NOT NULL,
    batch_id         INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS idx_nilai_key ON nilai_indikator (indikator, tahun);
CREATE INDEX IF NOT EXISTS idx_intervensi_tahun ON intervensi (tahun, pilar);
