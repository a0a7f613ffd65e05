# participatie — run `make help` for the targets.
SHELL := /bin/bash
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 5000
export PORT
PYTEST_ARGS ?=
export FLASK_APP := participatie

.DEFAULT_GOAL := help

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	touch $@

# The JavaScript linter (eslint) comes from npm, at the versions package-lock.json records.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 or newer (Debian: apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(BIN)/.installed node_modules/.installed ## Create .venv and node_modules and install the app with its development tools

translations: install ## Compile the message catalogues (fails on any warning)
	$(BIN)/python scripts/i18n.py compile

run: install translations ## Serve the demo on http://127.0.0.1:$(PORT) (SQLite, demo data loaded)
	$(BIN)/participatie db upgrade
	$(BIN)/participatie demo
	$(BIN)/gunicorn --config deploy/gunicorn.conf.py --bind 127.0.0.1:$(PORT) wsgi:app

test: install translations ## Run the whole test suite
	$(BIN)/pytest $(PYTEST_ARGS)

bench: install translations ## Run the benchmarks (writes bench/RESULTS.md)
	$(BIN)/python -m bench.run

constraints: install ## Record the installed versions in constraints.txt (after a green make test)
	@(echo "# Exact versions the suite last passed with; 'make install' applies them (pip -c). Refresh with"; \
	  echo "# 'make constraints' after changing pyproject.toml and running 'make test'."; \
	  $(BIN)/pip freeze --exclude-editable | grep -v '^participatie') > constraints.txt

lint: install ## ruff, ruff format, mypy (strict, app and tests), the import layers (import-linter) and eslint
	$(BIN)/ruff check .
	$(BIN)/ruff format --check participatie tests
	$(BIN)/lint-imports
	$(BIN)/mypy
	node_modules/.bin/eslint .

extract: install ## Extract strings into translations/messages.pot and update all catalogues
	$(BIN)/python scripts/i18n.py extract
	$(BIN)/python scripts/i18n.py update

i18n-check: install ## All translation checks (template up to date, 100% translated, placeholders, tags, script, plurals)
	$(BIN)/python scripts/i18n.py check

.PHONY: help install translations run test bench lint extract constraints i18n-check
