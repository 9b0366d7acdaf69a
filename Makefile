# ianote — two commands for a new user: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint lab clean install

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## make run: install if needed, then run every notebook on the embedded dossier
run: $(STAMP)
	$(BIN)/ianote run $(ARGS)

## make lint: ruff, then the import graph of ianote_lib (no cycle, no import back up the layers)
lint: $(STAMP)
	$(BIN)/ruff check ianote_lib tests benchmarks tools
	$(BIN)/python tools/import_graph.py

## make test: install if needed (Chromium too, for the browser tests, when it can), then lint
## and run the test suite
test: lint
	sh tools/ensure_chromium.sh
	$(BIN)/python -m pytest -q

## make lab: open the notebooks in JupyterLab (installs JupyterLab on first use)
lab: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,lab]'
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf data/processed figures reports .ianote-cache.json .pytest_cache .ruff_cache
