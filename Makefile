# newsfacts — two commands from a fresh clone: `make run` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# the optional extras (Spark, transformers) live in their own environment: pyspark pins pandas<3,
# and the core is tested on pandas 3 in .venv and on pandas 2 in .venv-extras
XVENV ?= .venv-extras
XBIN := $(XVENV)/bin
XSTAMP := $(XVENV)/.installed
EVAL ?= ../shared/eval
PIP := pip install -q --disable-pip-version-check

.PHONY: install install-extras run test test-core test-extras test-fast lint bench models screenshots clean train

$(STAMP): pyproject.toml models/requirements-en.txt models/requirements-es.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/$(PIP) -e '.[test]'
	$(BIN)/$(PIP) --no-deps -r models/requirements-en.txt
	$(BIN)/$(PIP) --no-deps -r models/requirements-es.txt
	touch $(STAMP)

$(XSTAMP): pyproject.toml models/requirements-en.txt models/requirements-es.txt
	test -x $(XBIN)/python || $(PY) -m venv $(XVENV)
	$(XBIN)/$(PIP) torch==2.13.0
	$(XBIN)/$(PIP) -e '.[test,spark,transformers]'
	$(XBIN)/$(PIP) --no-deps -r models/requirements-en.txt
	$(XBIN)/$(PIP) --no-deps -r models/requirements-es.txt
	touch $(XSTAMP)

install: $(STAMP)

install-extras: $(XSTAMP)

run: install
	$(BIN)/newsfacts extract corpus/ -o out/
	$(BIN)/newsfacts show out/ --limit 15
	$(BIN)/newsfacts report out/ -o out/report.html

# the whole suite: core on pandas 3, then the Spark and transformers tests (and the core again
# on pandas 2) in the extras environment
test: test-core test-extras

test-core: install
	$(BIN)/ruff check pipeline tests bench
	$(BIN)/pytest -q

test-extras: install-extras
	PYSPARK_PYTHON=$(abspath $(XBIN))/python $(XBIN)/pytest -q \
		tests/test_spark.py tests/test_transformers_ner.py tests/test_ingest.py tests/test_extract.py \
		tests/test_sources.py

test-fast: install
	$(BIN)/pytest -q -m "not slow"

lint: install
	$(BIN)/ruff check pipeline tests bench

bench: install
	$(BIN)/python bench/run.py --eval $(EVAL)

# the statement scorer shipped in pipeline/data/statement_scorer/ (docs/training.md); 4-10 min on 2 CPUs,
# the candidates are cached in .cache/train/ so a second run only refits (seconds)
train: install
	$(BIN)/newsfacts train --task attribution $(EVAL)/attribution/polnear_en/train.jsonl \
		$(EVAL)/attribution/de_wikinews/train.jsonl -o pipeline/data/statement_scorer

# optional pipelines and backends in the main environment (Spanish is part of `install`)
models: install
	$(BIN)/$(PIP) ja-ginza==5.3.0 ginza==5.3.0
	$(BIN)/$(PIP) torch==2.13.0
	$(BIN)/$(PIP) -e '.[transformers]'

# docs/report.png and docs/seed.png, shown in the README: corpus/ -> report -> headless Chromium
screenshots: install
	$(BIN)/python docs/screenshots.py

clean:
	rm -rf out .pytest_cache
