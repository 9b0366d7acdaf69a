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

## make test: install if needed (Chromium too, for the browser tests, when it can), then lint
## and run the test suite
test: $(STAMP)
	sh tools/ensure_chromium.sh
	$(BIN)/ruff check ianote_lib tests benchmarks tools
	$(BIN)/python -m pytest -q

## make lab: open the notebooks in JupyterLab (installs JupyterLab on first use)
lab: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,lab]'
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf data/processed figures reports .ianote-cache.json .pytest_cache .ruff_cache
