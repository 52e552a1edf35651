# The two commands a new user needs: `make serve` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
SOURCE ?= source/cnipa-2022-work-plan.zh-Hans.txt
PORT ?= 8000
export PYTHONPATH := $(CURDIR)/scripts

ROOT ?= $(CURDIR)

# --- Python -------------------------------------------------------------------------------------------
# Supported: CPython 3.11 (from 3.11.5, pymdown-extensions' floor), 3.12, 3.13. Without PYTHON=..., the
# first of PYTHON_CANDIDATES that RUNS and reports a supported version is used: pyenv (and others) put
# shims on PATH for versions that are not active, which exist and fail when run. PYTHON=name-or-path is
# probed the same way and refused with a reason when it does not qualify.
PYTHON_MIN := 3.11.5
PYTHON_BELOW := 3.14
PYTHON_CANDIDATES := python3.13 python3.12 python3.11 python3
# Prints "<version> <sys.executable>"; exits non-zero outside the supported range.
PY_PROBE := import sys; v = sys.version_info[:3]; print("%d.%d.%d" % v, sys.executable); \
  sys.exit(not tuple(map(int, "$(PYTHON_MIN)".split("."))) <= v < tuple(map(int, "$(PYTHON_BELOW)".split("."))))
ifeq ($(origin PYTHON),undefined)
# "<version> <executable> <name> <skipped>..." or "none - - <skipped>...", where skipped names are on
# PATH but do not run, or run an unsupported version (shown as name(version)).  The candidates are
# probed side by side (a pyenv shim takes a few tenths of a second to fail), each on its own file
# descriptor (3, 4, ...), then read in order; shell builtins only, as PATH may hold nothing else.
PY_PAIRS = $(join $(PYTHON_CANDIDATES),$(addprefix :,$(wordlist 1,$(words $(PYTHON_CANDIDATES)),3 4 5 6 7 8 9)))
PY_PICK_CMD = probe() { out=$$("$$1" -I -S -c '$(PY_PROBE)' 2>/dev/null); echo "$$? $$out"; }; \
  exec $(foreach pair,$(PY_PAIRS),$(word 2,$(subst :, ,$(pair)))< <(probe $(word 1,$(subst :, ,$(pair))))); \
  skipped=; for pair in $(PY_PAIRS); do p=$${pair%%:*}; read -r -u $${pair\#\#*:} status out; \
  if [ "$$status" = 0 ]; then echo "$$out $$p $$skipped"; exit 0; fi; \
  if [ -n "$$out" ]; then skipped="$$skipped $$p($${out%% *})"; \
  elif command -v "$$p" >/dev/null 2>&1; then skipped="$$skipped $$p"; fi; done; echo "none - - $$skipped"
# Probed once, and only by the targets that need a Python (make help, clean, checkers do not).
PY_PICK = $(eval PY_PICK := $(shell $(PY_PICK_CMD)))$(PY_PICK)
PY_FOUND = $(if $(filter-out none,$(word 1,$(PY_PICK))),$(wordlist 1,2,$(PY_PICK)))
PY_SKIPPED = $(wordlist 4,99,$(PY_PICK))
PY_HOW = picked as the newest supported $(word 3,$(PY_PICK)) that runs$(if $(PY_SKIPPED),; skipped (on PATH$(,) but do not run or are unsupported): $(PY_SKIPPED))
PY_ERROR = no supported Python runs here (tried $(PYTHON_CANDIDATES)$(if $(PY_SKIPPED),; on PATH but not running or unsupported: $(PY_SKIPPED))): install Python $(PYTHON_MIN)+, 3.12 or 3.13, or name one with PYTHON=/path/to/python3.x
else
# "<exit status> <version> <executable>"
PY_PROBED = $(eval PY_PROBED := $(shell out=$$("$(PYTHON)" -I -S -c '$(PY_PROBE)' 2>/dev/null); echo "$$? $$out"))$(PY_PROBED)
PY_FOUND = $(if $(filter 0,$(word 1,$(PY_PROBED))),$(wordlist 2,3,$(PY_PROBED)))
PY_HOW = given as PYTHON=$(PYTHON)
PY_ERROR = PYTHON=$(PYTHON) $(if $(word 2,$(PY_PROBED)),is Python $(word 2,$(PY_PROBED)),does not run): use Python $(PYTHON_MIN)+, 3.12 or 3.13 (PYTHON=/path/to/python3.x), or leave PYTHON unset to pick one
endif
, := ,
PY_VERSION = $(word 1,$(PY_FOUND))
PY_EXE = $(word 2,$(PY_FOUND))
define say-python
	@[ -n "$(PY_EXE)" ] || { echo "make: $(PY_ERROR)" >&2; exit 1; }
	@echo "Python $(PY_VERSION) ($(PY_EXE)), $(PY_HOW)"
endef

# --- Requirements -------------------------------------------------------------------------------------
# requirements/build.in  what `make site`/`make serve` need;  requirements/test.in  what tests add.
# requirements/*.txt     their locks (every package pinned, with hashes, valid on every supported
#                        Python and platform), written by `make lock`; installed with --require-hashes.
UV_VERSION := 0.13.9
LOCK_TOOLS := .cache/lock-tools
UV_COMPILE = $(LOCK_TOOLS)/bin/uv pip compile --quiet --universal --python-version $(PYTHON_MIN) \
  --generate-hashes --custom-compile-command "make lock"
VENV_ARGS ?=
PIP_INSTALL = $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes
define no-requirements-txt
	@[ ! -e requirements.txt ] || { echo "requirements.txt: no longer read; move its lines into requirements/build.in (to build) or requirements/test.in (only for tests), delete it, then run make lock" >&2; exit 1; }
endef

.PHONY: help venv test-venv python-info lock no-requirements-txt checkers docs pages site serve test test-fast lint bench clean manifest snapshot builder FORCE

help:
	@echo "make serve    live preview at http://127.0.0.1:$(PORT)/: rebuilds and reloads on every edit"
	@echo "make site     build everything into site/, downloads too (SOURCE=path/to/plan.txt for another plan)"
	@echo "make pages    build the pages and data of every edition, without the heavy downloads"
	@echo "make docs     write the Markdown of every edition into docs/ only"
	@echo "make builder BUILDER=properdocs|zensical|mkdocs  build docs/ with another builder (README)"
	@echo "make test     lint, then every test (the browser tests and gates need \`make checkers\`, Java and Chromium)"
	@echo "make test-fast  the tests without a browser or a checker gate: an answer in about a minute"
	@echo "make lint     ruff (check and format) for Python, ESLint for our scripts"
	@echo "make checkers install Lighthouse, axe-core and the Nu HTML Checker from npm (node_modules/)"
	@echo "make bench    run the benchmarks in scripts/"
	@echo "make lock     re-generate requirements/build.txt and test.txt from the .in files (uv)"
	@echo "make python-info  which Python the Makefile uses, and why (PYTHON=... to choose)"

python-info:
	$(say-python)

# .venv records the interpreter it was made with (path and version). The stamp is rewritten only when
# that changes, and then .venv is made again, so a change of Python reinstalls everything.
$(VENV)/.interpreter: FORCE
	$(no-requirements-txt)
	$(say-python)
	@if [ "$$(cat $@ 2>/dev/null)" != "$(PY_EXE) $(PY_VERSION)" ]; then \
	  if [ -e $(VENV) ]; then echo "$(VENV) was made with $$(cat $@ 2>/dev/null || echo an unrecorded Python); making it again"; rm -rf $(VENV); fi; \
	  "$(PY_EXE)" -m venv $(VENV_ARGS) $(VENV) && echo "$(PY_EXE) $(PY_VERSION)" > $@; \
	fi

venv: $(VENV)/.build-installed
test-venv: $(VENV)/.test-installed

# The locked pip first (requirements/pip.txt): the pip a Python or python3-venv brings may be too old
# for the locks (3.11.7's 23.2.1 cannot take an extra such as fonttools[woff] with --require-hashes).
$(VENV)/.pip-installed: requirements/pip.txt $(VENV)/.interpreter
	$(PIP_INSTALL) -r requirements/pip.txt
	@touch $@

$(VENV)/.build-installed: requirements/build.txt $(VENV)/.pip-installed
	$(PIP_INSTALL) -r requirements/build.txt
	@touch $@

$(VENV)/.test-installed: requirements/test.txt $(VENV)/.pip-installed
	$(PIP_INSTALL) -r requirements/test.txt
	@touch $@ $(VENV)/.build-installed

lock: no-requirements-txt $(LOCK_TOOLS)/bin/uv
	$(UV_COMPILE) requirements/pip.in -o requirements/pip.txt
	$(UV_COMPILE) requirements/test.in -o requirements/test.txt
	$(UV_COMPILE) requirements/build.in -c requirements/test.txt -o requirements/build.txt
	@echo "Locks written: commit requirements/*.in and requirements/*.txt"

no-requirements-txt:
	$(no-requirements-txt)

$(LOCK_TOOLS)/bin/uv:
	$(say-python)
	"$(PY_EXE)" -m venv $(LOCK_TOOLS)
	$(LOCK_TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

checkers: node_modules/.installed

docs: venv
	$(BIN)/python -m workplan --source "$(SOURCE)" --docs-only

BUILDER ?= properdocs
builder: test-venv docs
	$(BIN)/python -m workplan.other_builders $(BUILDER)

site: venv
	$(BIN)/python -m workplan --source "$(SOURCE)" --root "$(ROOT)"

pages: venv
	$(BIN)/python -m workplan --source "$(SOURCE)" --root "$(ROOT)" --pages-only

serve: venv
	$(BIN)/python -m workplan.serve --source "$(SOURCE)" --root "$(ROOT)" --port $(PORT)

# The whole suite; -p no:cacheprovider: CI's clean clone and a maintainer's tree run it alike.
test: lint
	$(BIN)/python -m pytest -p no:cacheprovider

test-fast: test-venv
	$(BIN)/python -m pytest -p no:cacheprovider -m "not browser and not gate"

lint: test-venv node_modules/.installed
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	node_modules/.bin/eslint overrides/assets/javascripts scripts eslint.config.js

snapshot: venv
	$(BIN)/python scripts/update_snapshot.py

manifest: test-venv site
	$(BIN)/python scripts/update_manifest.py

node_modules/.installed: package.json package-lock.json
	CHROMEDRIVER_SKIP_DOWNLOAD=true PUPPETEER_SKIP_DOWNLOAD=true npm install --no-audit --no-fund --loglevel=error
	@touch $@

bench: test-venv node_modules/.installed
	$(BIN)/python scripts/bench_anchor.py
	$(BIN)/python scripts/bench_preview.py
	$(BIN)/python scripts/bench_lighthouse.py
	$(BIN)/python scripts/bench_lighthouse.py --desktop
	$(BIN)/python scripts/bench_budget.py
	$(BIN)/python scripts/bench_sw_cache.py
	$(BIN)/python scripts/bench_linker.py
	$(BIN)/python scripts/bench_convert.py
	$(BIN)/python scripts/bench_search_latency.py
	$(BIN)/python scripts/compare_search.py

clean:
	rm -rf site site.new site.old docs.new docs.old .pytest_cache site-mkdocs site-properdocs
	find docs -mindepth 1 ! -name README.md -delete
