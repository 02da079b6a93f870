# Two commands do everything on a fresh machine:
#   make search   set up .venv/ and run a short real search on the built-in Digits data (~10 min)
#   make test     set up .venv/ and run the test suite
# The environment lives in .venv/ inside the project so tools can find .venv/bin/python.
export PIPENV_VENV_IN_PROJECT := 1
export PIPENV_NOSPIN := 1
export PIPENV_YES := 1
export TF_CPP_MIN_LOG_LEVEL ?= 2

PYTHON3 ?= python3
PIPENV := $(PYTHON3) -m pipenv
VENV_PY := .venv/bin/python
STAMP := .venv/.synced-$(shell sha256sum Pipfile.lock | cut -c1-16)

SEARCH_CONFIG ?= configs/cnn_digits_aging.py
SEARCH_NAME ?= digits
SEARCH_DIR ?= artifacts/cnn_digits

.PHONY: env test search benchmarks clean-env

env: $(STAMP)

# (Re)creates .venv/ whenever Pipfile.lock changes; installs pipenv itself if it is missing.
$(STAMP): Pipfile Pipfile.lock
	@$(PIPENV) --version >/dev/null 2>&1 || $(PYTHON3) -m pip install --quiet --user pipenv \
	  || $(PYTHON3) -m pip install --quiet pipenv
	$(PIPENV) sync --dev
	@rm -f .venv/.synced-*
	@touch $@

test: $(STAMP)
	$(VENV_PY) -m pytest test -q -rs -p no:cacheprovider

search: $(STAMP)
	$(VENV_PY) driver.py $(SEARCH_CONFIG) --name $(SEARCH_NAME) --checkpoint-dir $(SEARCH_DIR)
	$(VENV_PY) search_state_processor.py $(SEARCH_DIR)/$(SEARCH_NAME)_agingevosearch_state.json \
	  --plot-dir $(SEARCH_DIR)

benchmarks: $(STAMP)
	$(VENV_PY) benchmarks/bench_resource_models.py
	$(VENV_PY) benchmarks/bench_trainer.py
	$(VENV_PY) benchmarks/bench_search.py

clean-env:
	rm -rf .venv
