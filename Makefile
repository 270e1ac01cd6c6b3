# Quick start: `make run` (install into .venv, extract corpus/ into outputs/) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
OUT    ?= outputs
SHARED ?= ../shared

.PHONY: install run test eval bench lint check clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-* && touch $@

run: $(STAMP)
	$(BIN)/vnplan extract corpus/ --out $(OUT)/

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/vnplan eval --gold tests/gold --corpus corpus

bench: $(STAMP)
	$(BIN)/python -m extract.bench

lint: $(STAMP)
	$(BIN)/ruff check extract tests

# The contract check from ../shared on the last `make run` output.
check: $(STAMP)
	$(BIN)/python $(SHARED)/tools/check_contract.py $(OUT)/

clean:
	rm -rf $(VENV) $(OUT)/* .pytest_cache .ruff_cache
