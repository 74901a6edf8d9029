# The two commands of the README: `make run` and `make test`. Both only need
# python3 (3.11+) and make, and both can be run again at any time.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-browser lint format lock bench clean

$(STAMP): requirements/dev.txt
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.txt
	touch $@

run: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DEBUG=1 $(BIN)/python manage.py seed_demo --if-empty
	@echo "Movement Journal: http://$(HOST):$(PORT)/ (imports run in manage.py db_worker beside it)"
	@# The import worker runs in the background and stops when runserver does.
	@DEBUG=1 $(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT); status=$$?; \
	kill $$worker 2>/dev/null; wait $$worker 2>/dev/null; exit $$status

# lint-imports checks the import contracts of pyproject.toml (journal/README.md).
# The browser tests run in a pytest process of their own: on SQLite, Django's
# live server shares the test database connection with its thread, and that
# sharing must not reach the other tests. The other tests run in one
# pytest-xdist worker per CPU (-n auto; PYTEST_XDIST_AUTO_NUM_WORKERS overrides
# it), each with its own test database. `--dist load` hands tests out in
# pytest-django's order, which puts the transactional tests (whose flush empties
# the seeded content) after every other test on each worker; worksteal could
# hand a worker ordinary tests after a flush. The browser tests stay in one process.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/pytest -m "not browser" -n auto --dist load
	$(BIN)/pytest -m browser

test-browser: $(STAMP)
	BROWSER_TESTS=1 $(BIN)/pytest -m browser

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerate the pinned, hashed requirements from pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements/base.txt
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements/dev.txt

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/imports.py

clean:
	rm -rf $(VENV) staticfiles .ruff_cache
