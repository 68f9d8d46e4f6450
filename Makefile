# Quick start: `make run` (ingest the bundled samples) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install clean

$(STAMP): pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/budget-etl ingest

# pytest exits 5 when it collects no tests; that is not a failure of the product.
test: $(STAMP)
	$(BIN)/pytest -q || [ $$? -eq 5 ]

clean:
	rm -rf $(VENV) data/warehouse.duckdb data/warehouse.duckdb.wal
