"""Sample data (DATA CONTOH): deterministic, labelled, consistent with the real kabupaten totals."""
