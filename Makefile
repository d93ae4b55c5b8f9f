# Knee Guide. `make serve` builds and serves the site; `make test` runs the whole suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(shell scripts/find-python.sh)
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup lock build serve test lint format check urls schema stdlib golden figures bench clean

help:
	@echo "make serve   build the site and serve it at http://127.0.0.1:8000"
	@echo "make build   write the site to site/"
	@echo "make test    lint, type-check and run the whole test suite (pytest and node --test)"
	@echo "make check   validate content/ only"
	@echo "make urls    add new page URLs to published-urls.txt (URLs are never removed)"
	@echo "make schema  rewrite schema/ (JSON Schema of each kind of content item)"
	@echo "make stdlib  record the standard-library files the calculator needs (after a Pyodide upgrade)"
	@echo "make golden  refresh the golden pages in tests/golden/"
	@echo "make figures photograph every exercise figure (phone, desktop; light, dark) into build/figures/"
	@echo "make bench   print performance figures"
	@echo "make lint    ruff, mypy; tsc --checkJs, ESLint and Prettier on the browser JavaScript"
	@echo "make format  rewrite Python (ruff) and JavaScript (Prettier) in the project's style"
	@echo "make lock    re-resolve requirements.lock from pyproject.toml (after changing a dependency)"

$(VENV)/.installed: pyproject.toml requirements.lock
	@if [ -z "$(PYTHON)" ]; then \
	  echo "Knee Guide needs Python 3.12 or newer (pyodide-build requires it)."; \
	  echo "Install one (for example 'pyenv install 3.12') and run make again."; exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed

# Every Python package at one version, with its hashes, for Python 3.12 and newer.
lock: setup
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.12 \
	  --generate-hashes --quiet -o requirements.lock

build: setup
	$(BIN)/mkdocs build

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

check: setup
	$(BIN)/python -m kneeguide check content

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	node_modules/.bin/tsc -p tsconfig.json
	node_modules/.bin/tsc -p tests/js/tsconfig.json
	node_modules/.bin/eslint .
	node_modules/.bin/prettier --check --log-level warn .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	node_modules/.bin/prettier --write --log-level warn .

test: setup lint
	node --test tests/js/
	scripts/ensure-chromium.sh
	$(BIN)/python -m pytest

urls: setup
	$(BIN)/python -m kneeguide urls --update published-urls.txt

schema: setup
	$(BIN)/python -m kneeguide schema --out schema

# After a Pyodide upgrade or a new import in calculator/: record the standard-library files the
# calculator uses (the build serves only those), then remake the browser's contract.
stdlib: setup
	$(BIN)/python scripts/stdlib_used.py
	$(BIN)/python -m kneeguide schema --out schema

golden: setup
	$(BIN)/python scripts/refresh_golden.py

figures: setup
	scripts/ensure-chromium.sh
	$(BIN)/python scripts/figures.py

scripts/lighthouse/node_modules/.installed: scripts/lighthouse/package.json scripts/lighthouse/package-lock.json
	npm ci --prefix scripts/lighthouse --no-audit --no-fund --loglevel=error
	touch $@

bench: setup scripts/lighthouse/node_modules/.installed
	scripts/ensure-chromium.sh
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site build .pytest_cache .mypy_cache .ruff_cache
