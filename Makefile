# Two commands set everything up: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test test-reliability minio minio-bin list bench coverage api clean

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

## make run: the dashboard on the embedded local store (or MinIO when MINIO_ENDPOINT is set)
run: $(VENV)/.runtime
	$(PY) -m streamlit run app.py --server.port $(PORT) --server.address 127.0.0.1

## make api: the REST service on 127.0.0.1:$(API_PORT) (docs at /docs), same store as `make run`
API_PORT ?= 8000
API_WORKERS ?= 1
api: $(VENV)/.runtime
	$(PY) -m varlib serve --host 127.0.0.1 --port $(API_PORT) --workers $(API_WORKERS)

## make list: the CLI's version list for the configured store
list: $(VENV)/.runtime
	$(PY) -m varlib list

## make test: environment, a real MinIO server (built once), the whole suite
test: $(VENV)/.dev minio-bin
	$(PY) -m pytest

## make test-reliability: every reliability suite at full size, slow cases included (~15 min);
## figures in test-artifacts/reliability-*.json, summarised in docs/RELIABILITY.md
test-reliability: $(VENV)/.dev minio-bin
	$(PY) -m pytest -m "slow or not slow" tests/reliability

## make bench: product vs the original design on a real MinIO (~3-5 min); writes docs/BENCHMARKS.md
bench: $(VENV)/.dev minio-bin
	$(PY) -m bench --write docs/BENCHMARKS.md

## make coverage: interval coverage study, 48 designs x 2,000 replications (~15 min on 2 cores);
## writes docs/CORRECTNESS.md results, docs/coverage.png, studies/results/ (quick: python -m studies.coverage --quick)
coverage: $(VENV)/.dev
	$(PY) -m studies.coverage --jobs 2

minio-bin:
	./scripts/get-minio.sh

## make minio: a MinIO for people on 127.0.0.1:9100 (console 9101), data in .minio-data/
minio:
	./scripts/run-minio.sh

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
