# Two commands: `make run` (install, ingest the examples, serve on 127.0.0.1:8000) and
# `make test` (install, lint, run the whole suite). Both are safe to run again.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
STORE  ?= oxigraph:./data/store
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install run test lint bench clean browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/conflict-kg --store '$(STORE)' ingest examples/
	$(BIN)/conflict-kg --store '$(STORE)' stats
	$(BIN)/conflict-kg --store '$(STORE)' serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .

# Headless Chromium for the browser test of /view (tests/e2e/test_view.py); CI runs as root.
browser:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

test: install lint browser
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python benchmarks/eval_extraction.py
	$(BIN)/python benchmarks/wire_stories.py
	$(BIN)/python benchmarks/eval_resolution.py
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/store.py
	$(BIN)/python benchmarks/serve.py
	$(BIN)/python benchmarks/network_budget.py
	$(BIN)/python benchmarks/lookups_scale.py
	$(BIN)/python benchmarks/long_article.py
	$(BIN)/python benchmarks/reads_during_write.py
	$(BIN)/python benchmarks/reliability.py

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache *.egg-info
