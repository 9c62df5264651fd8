# The commands the README names. Everything runs from the project's own .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
LOCALES := -l uz -l ru -l en
VNU_VERSION := 26.9.27
# Node tools each in their own folder: npm prunes what a shared folder's package.json lacks.
VNU := .tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar
LIGHTHOUSE := .tools/lighthouse/node_modules/.bin/lighthouse

.PHONY: run test test-fast lint format serve deploy-check bench bench-cost bench-certificate audit backup restore messages guide-images clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test,dev]"
	touch $@

run: export DJANGO_DEBUG ?= true
# Links made outside a request (emails) point at the port runserver listens on.
run: export PORT
run: $(VENV)/.installed
	$(MANAGE) migrate --noinput
	$(MANAGE) load_seed
	$(MANAGE) ensure_local_admin
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# Tests run with debug off (as pytest-django does); the variable only lets settings load
# without a production SECRET_KEY. test-fast leaves out the browser journeys and the system
# tests (the project in other processes: gunicorn, manage.py, a private PostgreSQL).
# The whole suite (browser journeys and system tests included).
test:
test-fast: MARKERS := -m "not browser and not system"
test test-fast: export DJANGO_DEBUG ?= true
test test-fast: export DJANGO_ALLOW_ASYNC_UNSAFE ?= true
test test-fast: $(VENV)/.installed-test $(VNU)
	$(BIN)/pytest -n 2 --dist loadfile $(MARKERS) $(PYTEST_ARGS)

# The Nu HTML Checker for the HTML validity tests (Java runs it; no Node at test time).
$(VNU):
	@if command -v npm >/dev/null; then \
		npm install --prefix .tools/vnu --no-save --no-audit --no-fund --ignore-scripts \
			-E vnu-jar@$(VNU_VERSION); \
	else echo "npm not found: the HTML validity test will be skipped"; fi

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The production way, locally: debug off, hashed static files, gunicorn. Needs SECRET_KEY;
# SITE_URL defaults to the address it serves.
serve: export DJANGO_DEBUG = false
serve: export SITE_URL ?= http://127.0.0.1:$(PORT)
serve: $(VENV)/.installed
	$(MANAGE) check --deploy --fail-level ERROR
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) render_error_pages --verbosity 0
	$(MANAGE) migrate --noinput
	$(BIN)/gunicorn samsmu_intl.wsgi --bind 127.0.0.1:$(PORT) --worker-class gthread \
		--workers 2 --threads 4 --no-control-socket --access-logfile -

# The files in deploy/ filled in with this machine's paths, checked by `nginx -t` (run as any
# user, in a folder of its own) and `systemd-analyze verify`.
deploy-check: $(VENV)/.installed
	$(BIN)/python deploy/local.py

# One archive with the database content and the uploaded files; restore it into an empty
# database and media folders: make restore FILE=backups/samsmu-intl-....tar.gz
backup: $(VENV)/.installed
	$(MANAGE) backup_site $(if $(FILE),--output $(FILE))

restore: $(VENV)/.installed
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/....tar.gz"; exit 1; }
	$(MANAGE) migrate --noinput
	$(MANAGE) restore_site $(FILE)

# Load benchmark of the production setup, gunicorn alone and behind nginx (needs wrk and nginx:
# apt-get install -y wrk nginx). See bench/README.md.
bench: $(VENV)/.installed
	@command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
	@PATH="$$PATH:/usr/sbin" command -v nginx >/dev/null || { echo "nginx is missing: apt-get install -y nginx"; exit 1; }
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# What one uncached request costs, in-process: the numbers behind the bench's ratios.
bench-cost: $(VENV)/.installed
	$(BIN)/python bench/cost.py

# What one certificate's PDF costs to draw (WeasyPrint), in each language.
bench-certificate: $(VENV)/.installed
	$(BIN)/python bench/certificate.py

# Lighthouse scores (mobile) of three page types, served the production way.
audit: $(VENV)/.installed $(LIGHTHOUSE)
	$(BIN)/python bench/audit.py

$(LIGHTHOUSE):
	npm install --prefix .tools/lighthouse --no-save --no-audit --no-fund -E lighthouse@12.2.3

# After changing interface strings: update the catalogues, translate, then compile.
messages: export DJANGO_DEBUG ?= true
messages: $(VENV)/.installed
	$(MANAGE) makemessages $(LOCALES) --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=.tools --ignore=tests
	$(MANAGE) compilemessages $(LOCALES) --ignore=.venv

# The editors' guide's screenshots of the admin, in each language, from a site of their own (a
# temporary database with the seed and sample data): run after changing the admin, and commit.
guide-images: export DJANGO_ALLOW_ASYNC_UNSAFE ?= true
guide-images: $(VENV)/.installed-test
	$(BIN)/python -m samsmu_intl.editorial.guide_images

clean:
	rm -rf $(VENV) staticfiles
