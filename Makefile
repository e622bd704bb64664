# The two commands: `make run` and `make test`. Each sets up what it needs, idempotently.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MAP ?= maps/afghanistan-debate.argmap.json

.PHONY: run test lint typecheck pytest bench eval train setup system-libs clean screenshots

# With no display, stop after the hint: Qt would abort with a misleading message.
run: setup
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY$$QT_QPA_PLATFORM" ]; then \
	  echo "No display found (DISPLAY/WAYLAND_DISPLAY unset): the window needs a desktop session."; \
	  echo "Without one, try: make screenshots  (renders every bundled map to out/*.png)"; \
	  exit 1; fi
	@./scripts/ensure-system-libs.sh --window || true
	$(BIN)/argmap-gui $(MAP)

test: setup lint typecheck pytest

setup: system-libs $(STAMP)

system-libs:
	@./scripts/ensure-system-libs.sh

# Re-install when the project's dependencies change; pip is upgraded first because the
# pip that venv ships mis-resolves extras.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck:
	$(BIN)/mypy

# pytest exits 5 when no test ran, which fails this target as it should.
pytest:
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q -p no:cacheprovider

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

eval: setup
	$(BIN)/argmap eval

# Retrain the proposer's learnt weights (argmap/extract/weights.py, thresholds.py) from the
# tuning parts of ../shared/data and the seed maps: the one recipe for them (TUNING.md).
train: setup
	$(BIN)/python scripts/train_extract.py

# Render every bundled map as the app shows it, with no display needed.
screenshots: setup
	mkdir -p out
	for map in maps/*.argmap.json; do \
	  name=$$(basename $$map .argmap.json); \
	  QT_QPA_PLATFORM=offscreen $(BIN)/argmap-gui $$map --screenshot out/$$name.png || exit 1; \
	done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .benchmarks
