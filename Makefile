# Two commands do everything on a fresh machine:
#   make search   set up .venv/ and run a short real search on the built-in Digits data (80
#                 candidates; measured time and result: benchmarks/results/make_search.txt)
#   make test     set up .venv/ and the Cortex-M4 firmware tools (the Debian packages
#                 gcc-arm-none-eabi, libnewlib-arm-none-eabi, libstdc++-arm-none-eabi-newlib and
#                 qemu-system-arm, installed with apt-get when missing and running as root; TFLM
#                 built once per kernel set into ~/.cache/unas-tflm), then run the test suite
# `make benchmarks`, `make record-search` and `make record-test` keep their output, with the date,
# machine and load, in benchmarks/results/ (the README's figures come from there).
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

RECORD := $(VENV_PY) benchmarks/record.py

.PHONY: env mcu test search benchmarks record-search record-test clean-env

env: $(STAMP)

# (Re)creates .venv/ whenever Pipfile.lock changes; installs pipenv itself if it is missing.
$(STAMP): Pipfile Pipfile.lock
	@$(PIPENV) --version >/dev/null 2>&1 || $(PYTHON3) -m pip install --quiet --user pipenv \
	  || $(PYTHON3) -m pip install --quiet pipenv
	$(PIPENV) sync --dev
	@rm -f .venv/.synced-*
	@touch $@

# The Cortex-M4 firmware harness's set-up (mcu/prepare.py): seconds once done.
mcu: $(STAMP)
	$(VENV_PY) -m mcu.prepare

test: $(STAMP) mcu
	$(VENV_PY) -m pytest test -q -rs -p no:cacheprovider

search: $(STAMP)
	$(VENV_PY) driver.py $(SEARCH_CONFIG) --name $(SEARCH_NAME) --checkpoint-dir $(SEARCH_DIR)
	$(VENV_PY) search_state_processor.py $(SEARCH_DIR)/$(SEARCH_NAME)_agingevosearch_state.json \
	  --plot-dir $(SEARCH_DIR)

benchmarks: $(STAMP)
	$(RECORD) bench_resource_models -- $(VENV_PY) benchmarks/bench_resource_models.py
	$(RECORD) bench_trainer -- $(VENV_PY) benchmarks/bench_trainer.py --repeats 5
	$(RECORD) bench_search -- $(VENV_PY) benchmarks/bench_search.py --rounds 16

record-search: $(STAMP)
	$(RECORD) make_search -- $(MAKE) --no-print-directory search

record-test: $(STAMP)
	$(RECORD) make_test -- $(MAKE) --no-print-directory test

clean-env:
	rm -rf .venv
