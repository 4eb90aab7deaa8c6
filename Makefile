# Two commands set everything up: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
# The locking tool, pinned; `make lock` installs it into .tools/ on first use.
UV_VERSION := 0.13.9
UV := .tools/uv-$(UV_VERSION)/bin/uv

.PHONY: run test test-reliability minio minio-bin dex-bin list bench coverage api fmt lint lock clean

# The environment is only made with a Python that varlib supports (pip would refuse later anyway).
$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "error: varlib needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) -c 'import platform; print(platform.python_version())' 2>/dev/null || echo 'not found') (set PYTHON=python3.11)" >&2; \
	  exit 1; }
	$(PYTHON) -m venv $(VENV)

# Exact, hash-checked dependencies from the lock, then the project itself as an editable install that
# touches no dependency. --no-build-isolation builds it with the locked setuptools: nothing unhashed
# is downloaded. A change of the lock or of pyproject.toml reinstalls; otherwise the stamp says done.
$(VENV)/.runtime: requirements.lock pyproject.toml | $(PY)
	$(PY) -m pip install -q --require-hashes -r requirements.lock
	$(PY) -m pip install -q --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.lock
	$(PY) -m pip install -q --require-hashes -r requirements-dev.lock
	touch $@

## make run: the dashboard on the embedded local store (or MinIO when MINIO_ENDPOINT is set)
run: $(VENV)/.runtime
	$(PY) -m streamlit run app.py --server.port $(PORT) --server.address 127.0.0.1

## make api: the REST service on 127.0.0.1:$(API_PORT) (docs at /docs), same store as `make run`
API_PORT ?= 8000
API_WORKERS ?= 1
api: $(VENV)/.runtime
	$(PY) -m varlib serve --host 127.0.0.1 --port $(API_PORT) --workers $(API_WORKERS)

## make list NAME=var: the CLI's version list of model NAME in the configured store (NAME may be left out while it holds one model)
list: $(VENV)/.runtime
	$(PY) -m varlib list $(if $(NAME),--name '$(NAME)')

## make test: environment, a real MinIO server and a Dex OIDC provider (built once), the static checks, the whole suite
## in TEST_WORKERS processes (each with its own MinIO, Dex and Chromium; a test file stays in one process, so its
## servers start once); `make test TEST_WORKERS=1` runs it in one
TEST_WORKERS ?= 2
# With bytecode caches written, whatever the shell's PYTHONDONTWRITEBYTECODE says: the suite collects its test files
# once per process (each file's asserts rewritten and compiled: 33 s a collection without the caches, 12 s with them)
# and starts about a hundred interpreters (dashboards, CLI and API processes), each compiling the project's modules.
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(PY) -m pytest
test: lint minio-bin dex-bin
ifeq ($(TEST_WORKERS),1)
	$(PYTEST)
else
	$(PYTEST) -n $(TEST_WORKERS) --dist loadfile -m "not slow and not one_process"
	$(PYTEST) -m "one_process and not slow"
endif

## make fmt: apply ruff's safe fixes and its formatting (what `make lint` checks)
fmt: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## make lint: ruff (rules and formatting) over the repository, mypy over varlib/ (configured in pyproject.toml)
lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy varlib

## make lock: regenerate requirements-dev.lock and requirements.lock (every transitive dependency,
## with hashes, for Python 3.11+ on any platform) from pyproject.toml. Pins already in the locks
## are kept; `make lock UPGRADE=1` moves each to the newest version pyproject.toml allows.
## The runtime lock is constrained by the dev lock, so both name the same versions.
LOCK_FLAGS := --universal --python-version 3.11 --generate-hashes --group build --custom-compile-command "make lock" \
	$(if $(UPGRADE),--upgrade)
lock: $(UV)
	$(UV) pip compile -q pyproject.toml --extra dev $(LOCK_FLAGS) -o requirements-dev.lock
	$(UV) pip compile -q pyproject.toml -c requirements-dev.lock $(LOCK_FLAGS) -o requirements.lock

$(UV):
	$(PYTHON) -m venv .tools/uv-$(UV_VERSION)
	.tools/uv-$(UV_VERSION)/bin/python -m pip install -q uv==$(UV_VERSION)

## make test-reliability: every reliability suite at full size, slow cases included (about 15-20 min on 2 busy cores);
## figures in test-artifacts/reliability-*.json, summarised in docs/RELIABILITY.md
test-reliability: $(VENV)/.dev minio-bin
	$(PYTEST) -m "slow or not slow" tests/reliability

## make bench: product vs the original design on a real MinIO (~3-5 min); writes docs/BENCHMARKS.md
bench: $(VENV)/.dev minio-bin
	$(PY) -m bench --write docs/BENCHMARKS.md

## make coverage: interval coverage study, 48 designs x 2,000 replications (~15 min on 2 cores), then the
## cointegrated designs (VECM beside VARs in differences and levels, 9 x 2,000, ~2 min);
## writes docs/CORRECTNESS.md results, docs/coverage.png, studies/results/ (quick: python -m studies.coverage --quick)
coverage: $(VENV)/.dev
	$(PY) -m studies.coverage --jobs 2
	$(PY) -m studies.cointegrated --jobs 2

## make minio-bin: MinIO built once from its pinned source into .tools/bin/ (needs Go 1.24+; `make test` runs it)
minio-bin:
	./scripts/get-minio.sh

## make dex-bin: Dex, the OpenID Connect provider of the sign-in tests, built into .tools/bin/ (needs Go 1.25+)
dex-bin:
	./scripts/get-dex.sh

## make minio: a MinIO for people on 127.0.0.1:9100 (console 9101), data in .minio-data/
minio:
	./scripts/run-minio.sh

## make clean: remove the environment, test caches and artifacts, and build output (the stores are kept)
clean:
	rm -rf $(VENV) .pytest_cache test-artifacts build *.egg-info
