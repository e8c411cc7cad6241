# Two commands on a fresh machine: `make demo` and `make test`. Each makes .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck schemas examples bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

DEMO_AUDIT := $(BIN)/bitcheck audit examples/sager.xlsx --tariffs examples/takstkatalog.xlsx \
	--timelogs examples/doegnskemaer --as-of 2026-11-24

demo: $(STAMP)
	mkdir -p out
	$(DEMO_AUDIT)
	$(DEMO_AUDIT) -o out/rapport.xlsx
	@echo "The Excel report is in out/rapport.xlsx"

test: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks
	$(BIN)/ruff format --check src tests examples benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

schemas: $(STAMP)
	$(BIN)/bitcheck schema -o schemas

examples: $(STAMP)
	$(BIN)/python examples/generate.py --out examples

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
