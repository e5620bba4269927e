-- Whether the sample rakor was ever loaded (withdrawn or not): the sample is loaded once, never again.
SELECT count(*) > 0 FROM rakor_peristiwa WHERE sampel;
