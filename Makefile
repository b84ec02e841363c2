# Set-up and everyday commands; the README's quick start and .ci/run use these targets.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= lagebild.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo test bench

# The stamp makes `make test` and `make demo` cheap when nothing changed.
$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test]'
	touch $@

# Front-end libraries (charts, network, map, API docs) from the npm registry, versions pinned by
# package-lock.json; `npm ci` runs only when node_modules is missing or older than the lock file.
# Without npm the pages still work, with tables instead of charts.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch $@; \
	else echo "npm not found: web pages will show tables without charts (apt-get install npm)"; fi

install: $(VENV)/.installed node_modules/.installed

demo: install
	$(BIN)/lagebild ingest --db $(DB) examples/articles
	$(BIN)/lagebild serve --db $(DB) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest -q

# Pipeline throughput on the 1,000 German Wikinews articles of ../shared/data; writes bench/RESULTS.md.
bench: install
	$(BIN)/python bench/run.py
