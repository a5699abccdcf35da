# Two commands a newcomer needs: `make run` (portal with demo data) and `make test`; `make check` is the quick
# half of `make test` a developer runs on every change (docs/testing.md).
# The venv's interpreter: the distribution's own CPython 3.11+ where it can make a venv (Debian's python3-venv),
# else the first python3 on PATH. Debian builds its CPython with PGO and LTO into one static binary; pyenv's
# default build (these machines' python3) has neither: the same isolation tests took 35.4–38.0 s on Debian's
# 3.11.2 against 47.1–47.4 s on pyenv's 3.11.7, one process, run alternately.
PY ?= $(shell /usr/bin/python3 -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' \
  2>/dev/null && echo /usr/bin/python3 || echo python3)
# Python keeps what it compiled (__pycache__, as pip's installs do for the venv): these machines set
# PYTHONDONTWRITEBYTECODE, and every worker, manage.py and bench then compiled Django, the apps and the
# rewritten tests anew (pytest's collection 16 s a process instead of 6). Empty is unset to Python.
export PYTHONDONTWRITEBYTECODE :=
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/cdd4
REDIS ?= redis://127.0.0.1:6379/15

.PHONY: a11y screenshots run check test test-services lint format bench bench-latency bench-rush migrate clean rehearse rehearse-stop bench-deadline messages compilemessages

# `make run` needs the runtime packages only; the test and lint tools come with `make test`.
# uv (from PyPI, into the venv) installs the same pinned packages as pip in seconds where pip took about a
# minute on a fresh clone; if uv cannot be had, pip installs them. uv leaves them uncompiled: Python compiles
# what a process imports and keeps it (above); compiling every package first took 9 s of the 12.
PIP := $(BIN)/pip install -q --disable-pip-version-check
UV_VERSION := 0.13.8
define install
	$(BIN)/uv pip install --python $(BIN)/python -q -r $(1) || $(PIP) -r $(1)
endef
$(BIN)/.installed-run: requirements.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	test -x $(BIN)/uv || $(PIP) uv==$(UV_VERSION) || true
	$(call install,requirements.txt)
	touch $@

$(BIN)/.installed: $(BIN)/.installed-run requirements-dev.txt
	$(call install,requirements-dev.txt)
	touch $@

# pdf.js, pinned in tests/pdfjs (tests/processes/awards read the award PDFs as Firefox does); npm writes the stamp.
PDFJS := tests/pdfjs/node_modules/.package-lock.json
$(PDFJS): tests/pdfjs/package.json tests/pdfjs/package-lock.json
	npm ci --prefix tests/pdfjs --no-audit --no-fund

# oidc-provider, pinned in tests/oidc_standin: a certified OpenID provider the digital ID's tests run locally as
# ThaID (tests/digital_id_standin.py); npm writes the stamp.
OIDC := tests/oidc_standin/node_modules/.package-lock.json
$(OIDC): tests/oidc_standin/package.json tests/oidc_standin/package-lock.json
	npm ci --prefix tests/oidc_standin --no-audit --no-fund

# tus-js-client (the page's uploads resume after a broken link), pinned in assets/ and copied with its source map
# into static/vendor/ (not in git) by the image's own build script. Without npm the page still uploads, in one
# request per file, as before (static/js/upload.js).
TUS := static/vendor/tus/tus.min.js.map
$(TUS): assets/package.json assets/package-lock.json deploy/build-app.sh
	deploy/build-app.sh assets

# The translations (docs/translations.md): each .mo is compiled from its .po when the .po is newer (compilemessages
# skips the rest). The .mo files are committed as well, so a machine without gettext's msgfmt still shows the
# portal in Thai; tests/test_locale.py fails when a committed .mo does not hold what its .po says.
I18N_IGNORE := --ignore .venv --ignore node_modules --ignore var --ignore tests --ignore tools --ignore static --ignore bench
compilemessages: $(BIN)/.installed-run
	@if command -v msgfmt >/dev/null; then $(BIN)/python manage.py compilemessages -v 0 $(I18N_IGNORE); \
	else echo "msgfmt (gettext) ไม่มีในเครื่อง: ใช้ .mo ที่อยู่ใน git / no msgfmt: the committed .mo files are used"; fi

# After adding or changing words in the code: the message ids into locale/th/LC_MESSAGES/django.po (new ones
# with an empty Thai that tests/test_locale.py asks for), then the .mo.
messages: $(BIN)/.installed-run
	$(BIN)/python manage.py makemessages --locale th --no-location --no-obsolete $(I18N_IGNORE)
	@$(MAKE) --no-print-directory compilemessages

# A second start on existing data skips the demo load: it runs when migrate has just built or changed the
# database, or when the demo's sources are newer than the last load (var/demo.loaded).
VAR := $(or $(CDD4_VAR_DIR),var)
DEMO_SOURCES := ops/management/commands/bootstrap.py scoring/demo.py stages/demo.py committee/demo.py committee/demo_files.py contests/data rubrics/rubric_files
run: $(BIN)/.installed-run compilemessages
	@deploy/system-packages.sh run
	@command -v npm >/dev/null && $(MAKE) --no-print-directory $(TUS) \
	  || echo "npm ไม่มีในเครื่อง: ส่งไฟล์ได้แต่ต่อจากที่ค้างไม่ได้ / no npm: uploads work, without resuming"
	@mkdir -p $(VAR)
	@out=$$($(BIN)/python manage.py migrate --noinput) || { echo "$$out"; exit 1; }; echo "$$out"; \
	if echo "$$out" | grep -q "No migrations to apply" && [ -f $(VAR)/demo.loaded ] \
	  && [ -z "$$(find $(DEMO_SOURCES) -newer $(VAR)/demo.loaded | head -1)" ]; then \
	  echo "ข้อมูลตัวอย่างโหลดไว้แล้ว / demo data already loaded"; $(BIN)/python manage.py demo_logins; \
	else $(BIN)/python manage.py bootstrap --demo && touch $(VAR)/demo.loaded; fi
	@echo "พอร์ทัล / portal: http://localhost:$(PORT)/   ผู้ดูแล / admin: http://localhost:$(PORT)/admin/"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The whole suite on SQLite, one xdist worker per core (each its own test database). A third worker on 2
# cores was slower once browser tests no longer sat out networkidle (425 s against 396–411 s), and no faster
# since (452 s against 437–491 s, 2026-11-28); it loaded the live servers enough for Schemathesis to see a
# connection dropped once. In CI (CI=true)
# the service suite runs too, against PostgreSQL and Redis, beside the SQLite suite rather than after it: alone
# it keeps the 2 cores busy about half the time (377 CPU-s of its processes in 337 s), waiting on the servers,
# workers and rehearsal it starts, and the SQLite suite fills those waits (491 + 337 s one after the other,
# 692 s side by side, on one machine at a loop of 0.08 s). Its output follows the SQLite suite's.
JOBS ?= auto
# The Python packages and the three npm trees install side by side (-j 3; -O keeps each one's output together,
# -s the commands): a fresh clone's npm (2.6 s) runs while uv fetches.
# First the distribution's packages the suite needs (deploy/system-packages.txt): installed as root, else named
# with the command that installs them before anything runs.
test:
	@deploy/system-packages.sh run test $(if $(or $(CI),$(CDD4_SERVICES)),services)
	@$(MAKE) --no-print-directory -s -j 3 -O $(BIN)/.installed $(PDFJS) $(OIDC) $(TUS)
	@$(MAKE) --no-print-directory lint
	$(BIN)/python manage.py makemigrations --check --dry-run
	@$(MAKE) --no-print-directory compilemessages
	@if [ -z "$$CI" ] && [ -z "$$CDD4_SERVICES" ]; then $(BIN)/pytest -n $(JOBS) --dist worksteal; else \
	  mkdir -p var; $(MAKE) --no-print-directory test-services > var/test-services.log 2>&1 & services=$$!; \
	  $(BIN)/pytest -n $(JOBS) --dist worksteal; sqlite=$$?; \
	  wait $$services; rc=$$?; echo "--- the service suite (var/test-services.log) ---"; cat var/test-services.log; \
	  [ $$sqlite -eq 0 ] && [ $$rc -eq 0 ]; fi

# What a developer runs on every change: ruff, the import layers, and the quick tier: every test outside the
# tier folders (tests/browser, processes, scale, whole, bench, services: docs/testing.md), whose modules it does
# not import. mypy stays in `make lint`: 26 CPU-s from nothing (55 s on 2 shared cores), 3 from its cache.
# Target: 240 s on this machine kind (docs/testing.md).
check: $(BIN)/.installed
	@deploy/system-packages.sh run test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo
	$(BIN)/pytest -n $(JOBS) --dist worksteal -m "not full"

# On PostgreSQL only what depends on the engine, the `pg` marker (pyproject.toml): queries counted, real
# commits (transactional_db), tests of a services.py (transactions, select_for_update), database constraints;
# and the service tests. Everything else already passed on SQLite: its outcome does not depend on the engine.
# Two workers, each its own test database (test_cdd4_gw0, …) and Redis database (/15, /14: tests/conftest.py);
# the service tests start their own ports, clusters and tmpfs.
test-services: $(BIN)/.installed
	DATABASE_URL=$(PG_URL) REDIS_URL=$(REDIS) CDD4_REQUIRE_SERVICES=1 \
	  $(BIN)/pytest -m "pg or service" -p no:cacheprovider -n 2 --dist worksteal

# lint-imports: every import points down the layers (pyproject.toml, docs/architecture.md). mypy with
# django-stubs checks the type hints (pyproject.toml, [tool.mypy]); its cache in .mypy_cache makes a second
# run a few seconds (measured on 2 cores shared at a load of 12: 57 s, 16 s of CPU, from nothing; 5 s, 1.2 s
# of CPU, again).
lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo
	$(BIN)/mypy

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The accessibility walk: every page each demo role reaches, axe-core's WCAG 2.1 A and AA rules at 1366 and 390 px
# (tests/browser/pages/test_every_page_axe.py; about 106 CPU-s, 17–20 minutes on 2 shared cores, so not part of `make test`).
a11y: $(BIN)/.installed
	$(BIN)/pytest -m walk -n 0 -p no:cacheprovider tests/browser/pages/test_every_page_axe.py

# The browser tests again, keeping a picture of each page they check under var/screenshots/ (the roles walk's
# every page at both widths in roles/): for a person to look at; `make test` checks the same pages without them.
screenshots: $(BIN)/.installed
	CDD4_SCREENSHOTS=1 $(BIN)/pytest -m "browser and not service and not walk" -n $(JOBS) --dist worksteal -p no:cacheprovider

# Every benchmark in bench/ (embedded SQLite and the real PostgreSQL/Redis), one log each in var/bench/,
# then bench/RESULTS.md from their RESULT lines. A failing bench is reported, it does not stop the others.
BENCH_LOG := var/bench
bench: $(BIN)/.installed
	mkdir -p $(BENCH_LOG) && rm -f $(BENCH_LOG)/*.log
	-$(BIN)/python bench/recompute.py 2>&1 | tee $(BENCH_LOG)/recompute.log
	-DATABASE_URL=$(PG_URL) $(BIN)/python bench/recompute.py 2>&1 | tee $(BENCH_LOG)/recompute-pg.log
	-$(BIN)/python bench/contest.py 2>&1 | tee $(BENCH_LOG)/contest.log
	-DATABASE_URL=$(PG_URL) $(BIN)/python bench/contest.py 2>&1 | tee $(BENCH_LOG)/contest-pg.log
	-$(BIN)/python bench/import.py 2>&1 | tee $(BENCH_LOG)/import.log
	-DATABASE_URL=$(PG_URL) $(BIN)/python bench/import.py 2>&1 | tee $(BENCH_LOG)/import-pg.log
	-$(BIN)/python bench/upload.py 2>&1 | tee $(BENCH_LOG)/upload.log
	-$(BIN)/python bench/resumable.py 2>&1 | tee $(BENCH_LOG)/resumable.log
	-$(BIN)/python bench/resumable.py --store s3 2>&1 | tee $(BENCH_LOG)/resumable-s3.log
	-$(BIN)/python bench/pdf.py 2>&1 | tee $(BENCH_LOG)/pdf.log
	-$(BIN)/python bench/content_checks.py 2>&1 | tee $(BENCH_LOG)/content_checks.log
	-$(BIN)/python bench/builder.py 2>&1 | tee $(BENCH_LOG)/builder.log
	-$(BIN)/python bench/rubric_worst.py 2>&1 | tee $(BENCH_LOG)/rubric_worst.log
	-$(BIN)/python bench/deadline_move.py 2>&1 | tee $(BENCH_LOG)/deadline-move.log
	-DATABASE_URL=$(PG_URL) $(BIN)/python bench/deadline_move.py --subdistricts 7255 2>&1 | tee $(BENCH_LOG)/deadline-move-pg.log
	-DATABASE_URL=$(PG_URL) $(BIN)/python bench/reminders.py 2>&1 | tee $(BENCH_LOG)/reminders-pg.log
	-DATABASE_URL=$(PG_URL) REDIS_URL=redis://127.0.0.1:6379/14 $(BIN)/python bench/latency.py 2>&1 | tee $(BENCH_LOG)/latency.log
	-DATABASE_URL=$(PG_URL) REDIS_URL=redis://127.0.0.1:6379/13 $(BIN)/python bench/rush.py 2>&1 | tee $(BENCH_LOG)/rush.log
	-DATABASE_URL=$(PG_URL) REDIS_URL=redis://127.0.0.1:6379/12 $(BIN)/python bench/broadcast.py 2>&1 | tee $(BENCH_LOG)/broadcast-pg.log
	-DATABASE_URL=$(PG_URL) REDIS_URL=redis://127.0.0.1:6379/11 $(BIN)/python bench/line_evidence.py 2>&1 | tee $(BENCH_LOG)/line-evidence-pg.log
	PG_URL=$(PG_URL) $(BIN)/python bench/report.py $(BENCH_LOG)

# Real worker + Redis + PostgreSQL: event accepted → standings updated (target p95 ≤ 1.5 s).
bench-latency: $(BIN)/.installed
	DATABASE_URL=$(PG_URL) REDIS_URL=redis://127.0.0.1:6379/14 $(BIN)/python bench/latency.py

# 1,500 uploads of 1 MB from 16 clients against gunicorn + worker (bounded; stops by itself).
bench-rush: $(BIN)/.installed
	DATABASE_URL=$(PG_URL) REDIS_URL=redis://127.0.0.1:6379/13 $(BIN)/python bench/rush.py

# Production rehearsed on this machine (deploy/rehearse.py): docker-compose.yml's services as plain processes from
# the same settings and commands (its own PostgreSQL cluster, Redis, moto for MinIO, the migrate job, two gunicorn
# web machines, worker, beat, nginx from deploy/nginx.conf) at http://127.0.0.1:$(REHEARSE_PORT)/, data kept in
# var/rehearse. Ctrl-C, or `make rehearse-stop` from another shell, stops them all. DEMO=1 loads the demo data.
REHEARSE_PORT ?= 8088
rehearse: $(BIN)/.installed $(TUS)
	@deploy/system-packages.sh run test services
	$(BIN)/python deploy/rehearse.py --port $(REHEARSE_PORT) $(if $(DEMO),--demo)

# A deadline day with Locust against the running rehearsal (`make rehearse DEMO=1` in another shell first):
# bench/deadline_locust.py runs bench/locustfile_deadline.py headless for MINUTES (office staff uploading by form
# and over tus with cut links, the committee scoring, central staff on the dashboard, the public verifying), kills
# web2 and the worker on the way, then checks nothing was lost and the standings caught up; figures by hand into
# bench/RESULTS.md. The rehearsal's folder is REHEARSE_DIR.
MINUTES ?= 5
REHEARSE_DIR ?= var/rehearse
bench-deadline: $(BIN)/.installed
	$(BIN)/python bench/deadline_locust.py --dir $(REHEARSE_DIR) --minutes $(MINUTES)

rehearse-stop:
	@if [ -f var/rehearse/rehearse.pid ]; then kill -TERM $$(cat var/rehearse/rehearse.pid); \
	else echo "ไม่มีการซ้อมที่ทำงานอยู่ / no rehearsal is running"; fi

migrate: $(BIN)/.installed
	$(BIN)/python manage.py migrate --noinput

clean:
	rm -rf var .pytest_cache

# Afresh: the embedded database and every uploaded file (var/) go, then `make run` loads the demo again.
.PHONY: reset
reset:
	rm -rf var
	$(MAKE) --no-print-directory run
