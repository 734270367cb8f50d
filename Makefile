# One-command setup for newcomers and CI. Needs only Python 3.11+ and git
# (make test-postgres also needs Debian's postgresql package; .ci/run installs it).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_PORT ?= 25432

.PHONY: install demo serve test test-browser test-postgres lint format clean bench messages load-test audit

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-virtualenv -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	@echo "Serving http://127.0.0.1:8000/  (admin: http://127.0.0.1:8000/admin/)"
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# Runs on SQLite, or on PostgreSQL when DATABASE_URL points at one, in one process per
# core (pytest-xdist; tests/parallel.py keeps tests that share a costly fixture in one
# process). TEST_PROCESSES=0 runs everything in this process (e.g. for pdb).
TEST_PROCESSES ?= auto
PYTEST := $(BIN)/python -m pytest -n $(TEST_PROCESSES) --durations=10
test: install
	$(PYTEST) $(PYTEST_ARGS)

# Only the browser tests (headless Debian Chromium; also part of `make test`).
# Screenshots land in test-artifacts/screenshots/. BROWSER_LANGUAGES=all covers every language.
test-browser: install
	$(BIN)/python -m pytest tests/browser $(PYTEST_ARGS)

# A throwaway PostgreSQL 15 cluster for one test run, then removed.
test-postgres: install
	bash scripts/with-postgres.sh $(PG_PORT) $(PYTEST) $(PYTEST_ARGS)

# Benchmarks (figures in the README): the chain-scale content on PostgreSQL, then on
# SQLite. BENCH_SITE_DIR keeps the seeded SQLite site for the next run (seeding takes
# minutes); BENCH_ARGS passes more options (e.g. --modes cold --only search).
bench: install
	bash scripts/with-postgres.sh $(PG_PORT) $(BIN)/python bench/bench.py --database postgres $(BENCH_ARGS)
	$(BIN)/python bench/bench.py --database sqlite --no-memory \
		$(if $(BENCH_SITE_DIR),--site-dir $(BENCH_SITE_DIR)) $(BENCH_ARGS)

# Interface strings: extract into locale/*/LC_MESSAGES/django.po, then compile the .mo
# files (needs GNU gettext: apt-get install gettext). Both files are committed.
LANGS := es zh_Hans zh_Hant ru bn ht ko ar ur fr pl
messages: install
	$(BIN)/python manage.py makemessages $(foreach l,$(LANGS),-l $(l)) --no-obsolete \
		-i ".venv/*" -i "tests/*" -i "bench/*" -i "collected-static/*"
	$(BIN)/python manage.py compilemessages -i ".venv"

# Lighthouse (npm, pinned in package-lock.json) in Debian's Chromium on one page of each
# type in four languages, against gunicorn serving the demo: bench/results/<date>-audit.md.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

audit: install node_modules/.installed
	CHROME_PATH=/usr/bin/chromium $(BIN)/python bench/audit.py $(AUDIT_ARGS)

# 60 s of 32 connections on PostgreSQL: no 5xx, no error in the server log.
load-test: install
	bash scripts/with-postgres.sh $(PG_PORT) $(BIN)/python bench/load.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) collected-static node_modules
