# One command to run the service, one to run every test. Both set up .venv first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup browser run today test lint bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q neutral_timeline  # as pip does for an installed package: fast starts
	touch $(STAMP)

setup: $(STAMP)

today: $(STAMP)
	$(BIN)/neutral-timeline today

run: $(STAMP)
	$(BIN)/neutral-timeline serve

lint: $(STAMP)
	$(BIN)/ruff check neutral_timeline tests bench scripts
	$(BIN)/ruff format --check neutral_timeline tests bench scripts
	$(BIN)/mypy

# Browser tests drive Debian's Chromium with Playwright (never a downloaded browser).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

test: $(STAMP) browser
	$(BIN)/neutral-timeline validate calendars
	$(MAKE) lint
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
