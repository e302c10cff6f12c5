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
RUN_ENV := JJ_ALLOW_DEMO=1 JJ_MFA_REQUIRED=0 DJANGO_SECURE_COOKIES=0 DJANGO_SECRET_KEY="$$(cat $(CURDIR)/backend/.secret-key)" \
	JJ_AUDIT_HMAC_KEY="$$(cat $(CURDIR)/backend/.audit-key)"

.PHONY: help
help: ## Show the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

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

.PHONY: frontend-build
frontend-build: frontend-deps ## Build the frontend into frontend/dist (served by Django)
	cd frontend && $(NPM) run build

backend/.secret-key backend/.audit-key:
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	@chmod 600 $@

.PHONY: run
run: venv frontend-build backend/.secret-key backend/.audit-key ## Set up everything and serve API + frontend on http://127.0.0.1:8000 with demo data
	cd backend && $(RUN_ENV) $(PY) manage.py migrate --noinput
	cd backend && $(RUN_ENV) $(PY) manage.py collectstatic --noinput -v0
	cd backend && $(RUN_ENV) $(PY) manage.py seed_demo
	@echo ""
	@echo "Demo: the second factor (TOTP) is optional here (JJ_MFA_REQUIRED=0); a real installation requires it"
	@echo "for supervisors, administrators and oversight monitors. Anyone may enrol from the account menu."
	@echo "Serving on http://$(HOST):$(PORT)/  (API docs: http://$(HOST):$(PORT)/api/docs/; Ctrl-C to stop)"
	cd backend && $(RUN_ENV) DJANGO_ALLOWED_HOSTS=$(HOST),localhost $(abspath $(VENV))/bin/gunicorn config.wsgi \
		--bind $(HOST):$(PORT) --workers 1 --threads 8 --access-logfile - --config python:config.gunicorn_embedded

.PHONY: test
test: venv frontend-deps ## Run every test: backend (SQLite), rules coverage, deployment files, frontend unit, browser
	$(MAKE) test-backend
	$(MAKE) test-frontend
	$(MAKE) e2e

.PHONY: test-backend
test-backend: venv ## Backend tests on the database in DATABASE_URL (SQLite when unset), rules at 100% branch coverage
	cd backend && $(PY) -m pytest -n 2 --dist loadfile jj tests_deploy
	cd backend && $(PY) -m pytest jj/rules --cov=jj/rules --cov-branch --cov-report=term-missing:skip-covered \
		--cov-fail-under=100 -q --no-header

.PHONY: fuzz
fuzz: venv ## Longer API fuzzing: every operation, bodies included, 50 examples each (see docs/security.md)
	cd backend && JJ_FUZZ_METHODS=all JJ_FUZZ_EXAMPLES=$${JJ_FUZZ_EXAMPLES:-50} $(PY) -m pytest -n 2 jj/core/tests/test_fuzz_api.py -q

.PHONY: test-frontend
test-frontend: frontend-deps ## Frontend unit tests (vitest)
	cd frontend && $(NPM) test

.PHONY: chromium
chromium:
	@test -x $(CHROMIUM) || { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
		else echo "Browser tests need Debian's chromium: sudo apt-get install chromium"; exit 1; fi; }

.PHONY: e2e
e2e: venv frontend-build chromium ## Browser tests (Playwright + Debian's chromium) against a real backend
	cd frontend && CHROMIUM_PATH=$(CHROMIUM) $(NPM) run e2e

.PHONY: lint
lint: venv frontend-deps ## ruff (lint + format check) and eslint
	cd backend && $(PY) -m ruff check . && $(PY) -m ruff format --check .
	cd frontend && $(NPM) run lint

.PHONY: typecheck
typecheck: venv frontend-deps ## mypy (django-stubs) and tsc --strict
	cd backend && $(PY) -m mypy .
	cd frontend && $(NPM) run typecheck

.PHONY: docs
docs: venv ## Regenerate docs/rules.md from the rules registry
	cd backend && DJANGO_SETTINGS_MODULE=config.settings_test $(PY) manage.py rules_catalogue

.PHONY: bench
bench: venv ## Benchmarks (see docs/benchmarks.md)
	cd backend && $(PY) ../bench/run.py

.PHONY: lock
lock: venv ## Re-lock Python dependencies after editing backend/requirements/*.in
	cd backend/requirements && $(abspath $(VENV))/bin/pip-compile -q --strip-extras --no-header --no-emit-index-url --no-emit-find-links -o base.txt base.in
	cd backend/requirements && $(abspath $(VENV))/bin/pip-compile -q --strip-extras --no-header --no-emit-index-url --no-emit-find-links -o dev.txt dev.in

.PHONY: clean
clean: ## Remove the environments, builds and the local SQLite database
	rm -rf $(VENV) $(STAMPS) frontend/node_modules frontend/dist backend/staticfiles backend/db.sqlite3
