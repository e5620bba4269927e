"""Benchmarks for issue 8 (``make bench``): national-scale store, page reruns, ingest, browser, memory.

Nothing here is a unit test: figures depend on the machine, so they are written to ``bench/RESULTS.md`` with the
machine, date and commit, and never asserted in ``make test``.
"""
