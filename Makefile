# The two commands a new user needs: `make serve` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SOURCE ?= source/cnipa-2022-work-plan.zh-Hans.txt
PORT ?= 8000
export PYTHONPATH := $(CURDIR)/scripts

ROOT ?= $(CURDIR)

.PHONY: help venv checkers docs pages site serve test bench clean manifest snapshot

help:
	@echo "make serve    live preview at http://127.0.0.1:$(PORT)/: rebuilds and reloads on every edit"
	@echo "make site     build everything into site/, downloads too (SOURCE=path/to/plan.txt for another plan)"
	@echo "make pages    build the pages and data of every edition, without the heavy downloads"
	@echo "make docs     write the Markdown of every edition into docs/ only"
	@echo "make test     run the tests (the checker gates need \`make checkers\`, Java and Chromium)"
	@echo "make checkers install Lighthouse, axe-core and the Nu HTML Checker from npm (node_modules/)"
	@echo "make bench    run the benchmarks in scripts/"

venv: $(BIN)/.installed

$(BIN)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is needed (PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

checkers:
	CHROMEDRIVER_SKIP_DOWNLOAD=true PUPPETEER_SKIP_DOWNLOAD=true npm install --no-audit --no-fund --loglevel=error

docs: venv
	$(BIN)/python -m workplan --source "$(SOURCE)" --docs-only

site: venv
	$(BIN)/python -m workplan --source "$(SOURCE)" --root "$(ROOT)"

pages: venv
	$(BIN)/python -m workplan --source "$(SOURCE)" --root "$(ROOT)" --pages-only

serve: venv
	$(BIN)/python -m workplan.serve --source "$(SOURCE)" --root "$(ROOT)" --port $(PORT)

test: venv
	$(BIN)/python -m pytest

snapshot: venv
	$(BIN)/python scripts/update_snapshot.py

manifest: site
	$(BIN)/python scripts/update_manifest.py

bench: venv
	$(BIN)/python scripts/bench_anchor.py
	$(BIN)/python scripts/bench_preview.py
	$(BIN)/python scripts/bench_budget.py
	$(BIN)/python scripts/bench_linker.py
	$(BIN)/python scripts/bench_convert.py

clean:
	rm -rf site site.new site.old docs.new docs.old .pytest_cache
	find docs -mindepth 1 ! -name README.md -delete
