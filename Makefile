# Quick start: `make run` (install into .venv, extract corpus/ into outputs/) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
OUT    ?= outputs
SHARED ?= ../shared

.PHONY: install sysdeps bytecode run test eval bench lint check clean

# OCR (Tesseract with its Vietnamese model), LibreOffice for .doc and fixture PDFs, and
# poppler's pdftoppm. Installed with apt where we are root and apt exists; elsewhere the
# readers that need them say so in one line per file and the tests that need them skip.
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui poppler-utils fonts-dejavu-core
SYSDEPS_STAMP := $(VENV)/.sysdeps

install: $(STAMP) $(SYSDEPS_STAMP)

sysdeps: $(SYSDEPS_STAMP)

$(SYSDEPS_STAMP):
	@mkdir -p $(VENV)
	@if command -v tesseract >/dev/null && command -v soffice >/dev/null && command -v pdftoppm >/dev/null; then \
	  echo "system packages present"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  export DEBIAN_FRONTEND=noninteractive; (apt-get install -y -q --no-install-recommends $(APT_PACKAGES) >/dev/null 2>&1 || \
	   (apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $(APT_PACKAGES) >/dev/null)) \
	  || echo "warning: could not install $(APT_PACKAGES); OCR and .doc reading will be unavailable"; \
	else \
	  echo "note: not root or no apt-get; install $(APT_PACKAGES) for OCR and .doc reading"; \
	fi
	@touch $@

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-* && touch $@

# Byte-compiled once here: where PYTHONDONTWRITEBYTECODE is set (CI images) every run would
# otherwise compile the package again at start-up.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q extract

run: $(STAMP) $(SYSDEPS_STAMP) bytecode
	$(BIN)/vnplan extract corpus/ --out $(OUT)/

test: $(STAMP) $(SYSDEPS_STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/vnplan eval --gold tests/gold --corpus corpus
	@echo "held-out (written independently of the code):"
	$(BIN)/vnplan eval --gold heldout/gold --corpus heldout/corpus

bench: $(STAMP) bytecode
	$(BIN)/python -m extract.bench

lint: $(STAMP)
	$(BIN)/ruff check extract tests

# The contract check from ../shared on the last `make run` output.
check: $(STAMP)
	$(BIN)/python $(SHARED)/tools/check_contract.py $(OUT)/

clean:
	rm -rf $(VENV) $(OUT)/* .pytest_cache .ruff_cache
