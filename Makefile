# Two commands do everything on a fresh machine: `make run` and `make test` (`make test-all` adds the slow and
# browser layers that CI runs as well).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
export TKPK_DB ?= data/tkpk.duckdb
# Python keeps compiled modules (__pycache__, ignored by git) even where the environment says not to: without them
# every pytest worker, CLI subprocess and test server compiles the project and pytest rewrites every test module
# again (collection 13,9 s against 6,1 s on this machine). An empty value is "unset" to Python.
export PYTHONDONTWRITEBYTECODE :=

.PHONY: run test test-full test-all lint db sample bench clean-db fmt venv

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(BIN)/.installed

# The store is built from the bundled files only when it is missing; `python -m tkpk init` is idempotent.
$(TKPK_DB): | $(BIN)/.installed
	$(BIN)/python -m tkpk init --db $(TKPK_DB)

db: $(BIN)/.installed
	$(BIN)/python -m tkpk init --db $(TKPK_DB)

run: $(BIN)/.installed $(TKPK_DB)
	$(BIN)/python -m tkpk.ui.serve --port $(PORT)

# The fast loop (what to run after every change): lint, the architecture contracts, and the unit, integration and
# app layers on two workers. --dist worksteal: an idle worker takes tests from the other's queue, so a file of slow
# tests does not leave one worker alone at the end (a module fixture may then be built on both workers; 5m19s
# against 5m42s with loadfile, same commit and hour). Property and corpus tests run a reduced number of examples
# here (TKPK_UJI_PENUH).
PYTEST_WORKERS ?= 2
test: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist worksteal -m "not e2e and not resilience and not lambat"

# What the fast loop leaves out, all of which CI runs: the tests marked `lambat` (whole-store exports, attacker
# models, award years; minutes on 2 cores) on two workers, the browser layer (Playwright + /usr/bin/chromium;
# REQUIRE_BROWSER=1 makes a missing browser a failure), the resilience layer in its own process (each layer starts
# its own Playwright loop), then the property and corpus tests with their full example counts.
test-full: $(BIN)/.installed
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile -m lambat
	$(BIN)/python -m pytest -m "e2e and not resilience"
	$(BIN)/python -m pytest -m resilience
	TKPK_UJI_PENUH=1 $(BIN)/python -m pytest -m uji_penuh

test-all: test test-full

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/lint-imports

fmt: $(BIN)/.installed
	$(BIN)/ruff check --fix .

bench: $(BIN)/.installed
	$(BIN)/python -m bench

clean-db:
	rm -f $(TKPK_DB) $(TKPK_DB).wal
