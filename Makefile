# Two commands on a fresh machine: `make demo` and `make test`. Each makes .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck schemas examples bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/bitcheck validate examples/sager.xlsx examples/takstkatalog.xlsx examples/doegnskemaer

test: $(STAMP)
	$(BIN)/ruff check src tests examples
	$(BIN)/ruff format --check src tests examples
	$(BIN)/mypy
	$(BIN)/pytest

schemas: $(STAMP)
	$(BIN)/bitcheck schema -o schemas

examples: $(STAMP)
	$(BIN)/python examples/generate.py --out examples

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
