# Two commands for a new user: `make run` (the app on the embedded default, with demo data)
# and `make test` (lint and the whole test suite). Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.stamp-run
DEV_STAMP := $(VENV)/.stamp-dev
PORT ?= 8501
# Loopback by default: no lookup of an external address, nothing exposed by accident.
ADDRESS ?= 127.0.0.1
# The shared installation on this machine (docs/shared-installation.md): nginx' port.
STACK_PORT ?= 8500

.PHONY: run test lint bench stack stack-stop clean-venv

$(VENV)/bin/uv:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv

$(RUN_STAMP): requirements.txt | $(VENV)/bin/uv
	$(VENV)/bin/uv pip install --quiet --python $(PY) -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(VENV)/bin/uv
	$(VENV)/bin/uv pip install --quiet --python $(PY) -r requirements-dev.txt
	touch $(RUN_STAMP) $@

run: $(RUN_STAMP)
	$(PY) cli.py prepare
	$(PY) -m streamlit run server.py --server.address $(ADDRESS) --server.port $(PORT)

stack: $(RUN_STAMP)
	$(PY) -m deploy.stack start --port $(STACK_PORT)

stack-stop: $(RUN_STAMP)
	$(PY) -m deploy.stack stop

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy contracts metrics db services commands deploy

test: lint
	$(PY) -m pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "ingen tests fundet"; exit 0; fi; exit $$rc

bench: $(DEV_STAMP)
	$(PY) bench/metrics_bench.py
	$(PY) bench/pages_bench.py

clean-venv:
	rm -rf $(VENV)
