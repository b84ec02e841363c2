# Set-up and everyday commands; the README's quick start and .ci/run use these targets.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= lagebild.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo test

# The stamp makes `make test` and `make demo` cheap when nothing changed.
$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/lagebild ingest --db $(DB) examples/articles
	$(BIN)/lagebild serve --db $(DB) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest -q

