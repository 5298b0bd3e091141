# Two commands: `make run` (install, ingest the examples, serve on 127.0.0.1:8000) and
# `make test` (install, lint, run the whole suite). Both are safe to run again.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
STORE  ?= oxigraph:./data/store
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install run test lint bench bench-scale clean browser virtuoso virtuoso-install virtuoso-stop train

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

# Virtuoso Open Source for the tests marked `virtuoso` (tests/graph/test_remote_stores.py),
# from Debian; CI runs as root. Those tests start their own server unless
# CONFLICT_KG_TEST_VIRTUOSO names one (`make virtuoso` prints the line to export).
virtuoso-install:
	command -v virtuoso-t >/dev/null || (apt-get update && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y virtuoso-opensource)

VIRTUOSO_DIR := test-artifacts/virtuoso

# A throwaway Virtuoso on free local ports, its database under test-artifacts/ (ignored).
virtuoso: install virtuoso-install
	@mkdir -p $(VIRTUOSO_DIR)
	@test ! -s $(VIRTUOSO_DIR)/pid || ! kill -0 $$(cat $(VIRTUOSO_DIR)/pid) 2>/dev/null || \
	  (echo "already running (make virtuoso-stop first)"; false)
	@nohup $(BIN)/python tests/virtuoso_server.py $(VIRTUOSO_DIR)/db \
	  > $(VIRTUOSO_DIR)/url 2> $(VIRTUOSO_DIR)/server.err & echo $$! > $(VIRTUOSO_DIR)/pid
	@for i in $$(seq 120); do test -s $(VIRTUOSO_DIR)/url && break; \
	  kill -0 $$(cat $(VIRTUOSO_DIR)/pid) 2>/dev/null || break; sleep 1; done
	@test -s $(VIRTUOSO_DIR)/url || (cat $(VIRTUOSO_DIR)/server.err; false)
	@echo "export CONFLICT_KG_TEST_VIRTUOSO='$$(cat $(VIRTUOSO_DIR)/url)'"

virtuoso-stop:
	-kill $$(cat $(VIRTUOSO_DIR)/pid) && rm -f $(VIRTUOSO_DIR)/pid $(VIRTUOSO_DIR)/url

test: install lint browser virtuoso-install
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
	$(BIN)/python benchmarks/scale.py --articles 2000

# Retrain the learned incident classifier shipped in extract/models/incident/ (`make test`
# never retrains): training files from the TUNE half of ../shared/eval only, written under
# build/ (git-ignored), `spacy train` with benchmarks/train_incident.cfg (seed 16, fixed epochs,
# every setting chosen by `python benchmarks/cv_incident.py`, 5-fold CV inside the tune half),
# then the last model's weights (no vocabulary) copied into the package. See
# docs/extraction.md, "Learned component".
LEARNED ?= build/learned
train: install
	$(BIN)/python benchmarks/train_incident.py prepare --out $(LEARNED)
	$(BIN)/python -m spacy train benchmarks/train_incident.cfg --output $(LEARNED)/model \
	  --paths.train $(LEARNED)/train.spacy --paths.dev $(LEARNED)/dev.spacy \
	  --code extract/nlp/bow_lower.py
	$(BIN)/python benchmarks/train_incident.py install --model $(LEARNED)/model/model-last

# Streaming ingest, Dask workers, bulk load and incremental resolution at scale (prints a
# table; ARTICLES=10000 for the issue's full size).
ARTICLES ?= 2000
bench-scale: install
	$(BIN)/python benchmarks/scale.py --articles $(ARTICLES)

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache *.egg-info
