# Quick start: `make run` (ingest the bundled samples) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format install clean fixtures bench font corpus

$(STAMP): pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/budget-etl ingest

# pytest exits 5 when it collects no tests; that is not a failure of the product. The lint runs
# first (seconds): CI fails on a line ruff would change.
test: $(STAMP) lint
	$(BIN)/pytest -q || [ $$? -eq 5 ]

# ruff (pyproject.toml [tool.ruff]): the linter and the formatter's check; `make format` rewrites.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# One line per document of the real corpus and the samples, in a scratch warehouse (budget-etl corpus --help).
CORPUS ?= ../shared/corpus
corpus: $(STAMP)
	$(BIN)/budget-etl corpus $(CORPUS) data/samples --markdown corpus_report.md

# Figures, not pass/fail: text and PDF extraction, the nightly flow over 2,000 synthetic documents,
# analyst queries over 10M facts, load throughput (bench/__main__.py; options: .venv/bin/python -m bench --help).
bench: $(STAMP) font
	$(BIN)/python -m bench

# The PDF fixtures are committed; rebuild them after changing a sample or the renderer.
FONT := /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
font:
	@test -f $(FONT) || (apt-get install -y -q fonts-wqy-zenhei || sudo apt-get install -y -q fonts-wqy-zenhei)

fixtures: $(STAMP) font
	@command -v soffice >/dev/null || (apt-get install -y -q --no-install-recommends libreoffice-calc-nogui \
		|| sudo apt-get install -y -q --no-install-recommends libreoffice-calc-nogui)
	$(BIN)/python tests/fixtures/pdf/render.py
	$(BIN)/python tests/fixtures/pdf/stream_headers.py

clean:
	rm -rf $(VENV) data/warehouse.duckdb data/warehouse.duckdb.wal data/prefect
