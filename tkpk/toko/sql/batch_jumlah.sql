-- How many loads the store has seen; zero means a fresh store.
SELECT count(*) FROM batch;
