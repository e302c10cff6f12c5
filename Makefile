# Juvenile justice case management: `make run` serves the demo, `make test` runs every test.
# Everything installs itself on first use; see `make help`.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(abspath $(VENV))/bin/python
STAMPS := .stamps
NPM ?= npm
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
# make run: production settings on the embedded default (SQLite, in-process tasks), plain HTTP on localhost.
# Host names make run answers to. HOST=0.0.0.0 listens on every interface, so a browser on another machine reaches
# it by an address or name this Makefile cannot know: any Host is accepted then (a demo on plain HTTP; set
# RUN_ALLOWED_HOSTS=cases.lan,192.168.1.5 to restrict it). Otherwise only HOST itself and localhost.
comma := ,
RUN_ALLOWED_HOSTS ?= $(if $(filter 0.0.0.0 ::,$(HOST)),*,$(HOST)$(comma)localhost)
RUN_ENV := JJ_ALLOW_DEMO=1 JJ_MFA_REQUIRED=0 DJANGO_SECURE_COOKIES=0 LOG_FORMAT=$${LOG_FORMAT:-plain} \
	DJANGO_SECRET_KEY="$$(cat $(CURDIR)/backend/.secret-key)" JJ_AUDIT_HMAC_KEY="$$(cat $(CURDIR)/backend/.audit-key)" \
	JJ_RECORDS_MASTER_KEY="$$(cat $(CURDIR)/backend/.records-key)"

.PHONY: help
help: ## Show the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z0-9_-]+:.*## / {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMPS):
	@mkdir -p $(STAMPS)

$(STAMPS)/venv: backend/requirements/dev.txt | $(STAMPS)
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -r backend/requirements/dev.txt
	@touch $@

.PHONY: venv
venv: $(STAMPS)/venv ## Create the Python environment with the locked dependencies

$(STAMPS)/npm: frontend/package-lock.json | $(STAMPS)
	cd frontend && $(NPM) ci --no-audit --no-fund --loglevel=error
	@touch $@

.PHONY: frontend-deps
frontend-deps: $(STAMPS)/npm ## Install the frontend's locked dependencies

# The build is redone only when a source changed (make run no longer rebuilds an unchanged frontend).
FRONTEND_SOURCES := $(shell find frontend/src frontend/public -type f 2>/dev/null) frontend/index.html \
	frontend/package-lock.json frontend/vite.config.ts frontend/tsconfig.json frontend/tsconfig.node.json

# The built index.html is the stamp: written last by the build, and missing when the build is.
frontend/dist/index.html: $(STAMPS)/npm $(FRONTEND_SOURCES)
	cd frontend && $(NPM) run build
	@touch $@

.PHONY: frontend-build
frontend-build: frontend/dist/index.html ## Build the frontend into frontend/dist (served by Django), when a source changed

backend/.secret-key backend/.audit-key backend/.records-key:
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	@chmod 600 $@

.PHONY: run
run: venv frontend-build backend/.secret-key backend/.audit-key backend/.records-key ## Set up everything and serve API + frontend on http://127.0.0.1:8000 with demo data
	cd backend && $(RUN_ENV) $(PY) manage.py migrate --noinput
	cd backend && $(RUN_ENV) $(PY) manage.py collectstatic --noinput -v0
	cd backend && $(RUN_ENV) $(PY) manage.py seed_demo
	@echo ""
	@echo "Demo: the second factor (TOTP) is optional here (JJ_MFA_REQUIRED=0); a real installation requires it"
	@echo "for supervisors, administrators and oversight monitors. Anyone may enrol from the account menu."
	@echo "Serving on http://$(HOST):$(PORT)/  (API docs: http://$(HOST):$(PORT)/api/docs/; Ctrl-C to stop)"
	cd backend && $(RUN_ENV) DJANGO_ALLOWED_HOSTS='$(RUN_ALLOWED_HOSTS)' $(abspath $(VENV))/bin/gunicorn config.wsgi \
		--bind $(HOST):$(PORT) --workers 1 --threads 8 --config python:config.gunicorn_embedded

# Backups of the database in DATABASE_URL (SQLite at backend/db.sqlite3 when unset), encrypted when JJ_BACKUP_KEY
# is set. Production runs the same commands in the web container (docs/deployment.md, "Backups").
BACKUP_DIR ?= $(CURDIR)/backups
OPS_ENV := DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat $(CURDIR)/backend/.secret-key 2>/dev/null)}" \
	JJ_AUDIT_HMAC_KEY="$${JJ_AUDIT_HMAC_KEY:-$$(cat $(CURDIR)/backend/.audit-key 2>/dev/null)}" \
	JJ_RECORDS_MASTER_KEY="$${JJ_RECORDS_MASTER_KEY:-$$(cat $(CURDIR)/backend/.records-key 2>/dev/null)}"

.PHONY: backup
backup: venv ## Back up the database to backups/ (pg_dump or SQLite's online backup; JJ_BACKUP_KEY encrypts)
	@mkdir -p $(BACKUP_DIR) && chmod 700 $(BACKUP_DIR)
	cd backend && $(OPS_ENV) $(PY) manage.py backup --output "$(BACKUP_DIR)/jj-$$(date -u +%Y%m%dT%H%M%SZ).backup"

.PHONY: restore
restore: venv ## Restore BACKUP=file into the (empty) database in DATABASE_URL or SQLITE_PATH, then verify the audit chain
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=backups/jj-....backup (into an empty database)"; exit 2; }
	cd backend && $(OPS_ENV) $(PY) manage.py restore "$(abspath $(BACKUP))"
	cd backend && $(OPS_ENV) $(PY) manage.py audit_verify

.PHONY: test
test: venv frontend-deps ## Run every test: backend (SQLite), rules coverage, deployment files, frontend unit, browser
	$(MAKE) test-backend
	$(MAKE) test-frontend
	$(MAKE) e2e

.PHONY: test-backend
test-backend: venv ## Backend tests on the database in DATABASE_URL (SQLite when unset), rules at 100% branch coverage
	cd backend && $(PY) -m pytest -n 2 --dist loadfile -m "not worker" jj tests_deploy
	cd backend && $(PY) -m pytest jj/rules --cov=jj/rules --cov-branch --cov-report=term-missing:skip-covered \
		--cov-fail-under=100 -q --no-header

.PHONY: fuzz-rules
fuzz-rules: venv ## The invariants INV-1..INV-9 over 100,000 random sequences of real actions (long; random seed)
	cd backend && JJ_STATEFUL_EXAMPLES=$${JJ_STATEFUL_EXAMPLES:-100000} JJ_STATEFUL_STEPS=$${JJ_STATEFUL_STEPS:-30} \
		JJ_FUZZ_RANDOM=1 JJ_STATEFUL_STATS=1 $(PY) -m pytest -q -p no:xdist --log-cli-level=INFO \
		jj/custody/tests/test_inv_1_9_state_machine.py

# The worker tests need PostgreSQL and Redis: DATABASE_URL when it names PostgreSQL, else a local database.
WORKER_DATABASE_URL ?= $(if $(filter postgres%,$(DATABASE_URL)),$(DATABASE_URL),postgres://postgres@127.0.0.1:5432/jj_worker)
TEST_CELERY_BROKER_URL ?= redis://127.0.0.1:6379/15

.PHONY: test-worker
test-worker: venv ## Real processes: Celery workers on Redis + PostgreSQL (one killed mid-task), a streaming replica
	cd backend && DATABASE_URL=$(WORKER_DATABASE_URL) TEST_CELERY_BROKER_URL=$(TEST_CELERY_BROKER_URL) \
		$(PY) -m pytest -m worker tests_deploy

.PHONY: fuzz
fuzz: venv ## Longer API fuzzing: every operation as two roles, bodies included, 50 examples each (see docs/security.md)
	cd backend && JJ_FUZZ_WRITE_ROLES=caseworker,supervisor JJ_FUZZ_EXAMPLES=$${JJ_FUZZ_EXAMPLES:-50} JJ_FUZZ_WRITE_EXAMPLES=$${JJ_FUZZ_EXAMPLES:-50} $(PY) -m pytest -n 2 jj/core/tests/test_fuzz_api.py -q

.PHONY: test-frontend
test-frontend: frontend-deps ## Frontend unit tests (vitest)
	cd frontend && $(NPM) test

.PHONY: chromium
chromium:
	@test -x $(CHROMIUM) || { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
		else echo "Browser tests need Debian's chromium: sudo apt-get install chromium"; exit 1; fi; }

.PHONY: e2e
e2e: venv frontend-build chromium ## Browser tests (Playwright + Debian's chromium) against a real backend, whose log must hold no name
	cd frontend && CHROMIUM_PATH=$(CHROMIUM) $(NPM) run e2e

.PHONY: lint
lint: venv frontend-deps ## ruff (lint + format check), layers (import-linter), every model change has its migration, eslint (with jsx-a11y)
	cd backend && $(PY) -m ruff check . && $(PY) -m ruff format --check .
	cd backend && $(abspath $(VENV))/bin/lint-imports
	cd backend && DJANGO_SETTINGS_MODULE=config.settings_test $(PY) manage.py makemigrations --check --dry-run
	cd frontend && $(NPM) run lint

.PHONY: typecheck
typecheck: venv frontend-deps ## mypy (django-stubs) and tsc --strict
	cd backend && $(PY) -m mypy .
	cd frontend && $(NPM) run typecheck

# pip-audit asks PyPI's advisory API (or OSV's) about every pinned package, npm audit asks the registry's advisory
# endpoint: neither works without the internet. --strict makes an unreachable service a failure, not a quiet
# "no known vulnerabilities" with every package skipped. Its own throwaway virtualenv, pinned: not a project dependency.
PIP_AUDIT_VERSION := 2.10.1
AUDIT_VENV := $(CURDIR)/.venv-audit

# Where only the package registries answer (this project's build and CI machines), the advisory endpoints do not:
# PyPI's per-release JSON is 404 and the npm registry's audit endpoints answer 405. The probe says so and stops with
# exit code 2 ("not checked"), never a false "no known vulnerabilities". What CI checks offline instead:
# backend/tests_deploy/test_dependency_locks.py (docs/security.md).
AUDIT_PROBE := https://pypi.org/pypi/django/$(shell sed -n 's/^django==//p' backend/requirements/base.txt)/json

.PHONY: audit-deps
audit-deps: ## Known vulnerabilities in the pinned Python and npm dependencies (needs the internet; high severity fails)
	@curl -fsS -m 15 -o /dev/null "$(AUDIT_PROBE)" || { echo "audit-deps: PyPI's vulnerability API does not answer here: NOT CHECKED (run where the internet is reachable)"; exit 2; }
	test -x $(AUDIT_VENV)/bin/pip-audit || ($(PYTHON) -m venv $(AUDIT_VENV) && $(AUDIT_VENV)/bin/pip install -q pip-audit==$(PIP_AUDIT_VERSION))
	$(AUDIT_VENV)/bin/pip-audit --strict --no-deps --disable-pip -r backend/requirements/base.txt -r backend/requirements/dev.txt
	cd frontend && $(NPM) audit --audit-level=high

.PHONY: docs
docs: venv frontend-deps $(STAMPS) ## Regenerate docs/rules.md, docs/data-inventory.md, docs/roles-and-permissions.md and the frontend's API types
	cd backend && DJANGO_SETTINGS_MODULE=config.settings_test $(PY) manage.py rules_catalogue
	cd backend && DJANGO_SETTINGS_MODULE=config.settings_test $(PY) manage.py data_inventory
	cd backend && DJANGO_SETTINGS_MODULE=config.settings_test $(PY) manage.py capabilities_catalogue
	# The TypeScript types of every request and response (frontend/src/api/schema.generated.ts), from the schema.
	cd backend && DJANGO_SETTINGS_MODULE=config.settings_test $(PY) manage.py api_schema \
		--file $(abspath $(STAMPS))/openapi.json > $(abspath $(STAMPS))/openapi.digest
	cd frontend && npx openapi-typescript $(abspath $(STAMPS))/openapi.json -o $(abspath $(STAMPS))/schema.ts --enum-values --silent
	cat $(STAMPS)/openapi.digest $(STAMPS)/schema.ts > frontend/src/api/schema.generated.ts

SIZE ?= 10k
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/jj_bench
BENCH_PORT ?= 8812

.PHONY: bench-data
bench-data: venv ## Generate the benchmark dataset into PostgreSQL: make bench-data SIZE=10k|100k|national
	cd backend && BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) ../bench/data.py --size $(SIZE)

.PHONY: bench
bench: venv ## HTTP benchmark on the bench-data dataset beside a bare DRF reference; writes docs/benchmarks.md
	cd backend && BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) ../bench/load.py --port $(BENCH_PORT)

.PHONY: bench-simulation
bench-simulation: venv ## Time a policy impact simulation (one year, minimum age 12 -> 14) on the bench-data dataset
	cd backend && BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) ../bench/simulation.py

.PHONY: bench-indicators
bench-indicators: venv ## Time the oversight statistics (15 indicators, compliance, disparity, occupancy) on the bench-data dataset
	cd backend && BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) ../bench/indicators.py

.PHONY: bench-micro
bench-micro: venv ## In-process benchmarks: audit cost on writes, chain verification (see docs/benchmarks.md)
	cd backend && $(PY) ../bench/run.py

.PHONY: lock
lock: venv ## Re-lock Python dependencies after editing backend/requirements/*.in
	cd backend/requirements && $(abspath $(VENV))/bin/pip-compile -q --strip-extras --no-header --no-emit-index-url --no-emit-find-links -o base.txt base.in
	cd backend/requirements && $(abspath $(VENV))/bin/pip-compile -q --strip-extras --no-header --no-emit-index-url --no-emit-find-links -o dev.txt dev.in

.PHONY: clean
clean: ## Remove the environments, builds and the local SQLite database
	rm -rf $(VENV) $(STAMPS) frontend/node_modules frontend/dist backend/staticfiles backend/db.sqlite3
