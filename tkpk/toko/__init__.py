"""The store: one DuckDB file, its migrations, named SQL, the build from bundled data, and reads of a year."""
