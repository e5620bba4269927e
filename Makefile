# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
export TKPK_DB ?= data/tkpk.duckdb

.PHONY: run test lint db sample bench clean-db fmt

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

# Resilience tests run in their own process: each layer starts its own Playwright loop.
test: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -m "not resilience"
	$(BIN)/python -m pytest -m resilience

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/lint-imports

fmt: $(BIN)/.installed
	$(BIN)/ruff check --fix .

bench: $(BIN)/.installed
	$(BIN)/python -m bench

clean-db:
	rm -f $(TKPK_DB) $(TKPK_DB).wal
