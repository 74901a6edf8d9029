import os

import pytest
from django.contrib.auth.models import User

PASSWORD = "correct-horse-battery-staple"


def pytest_configure(config):
    # Each pytest-xdist worker is a process with a test database of its own, whose user
    # ids start at 1 in every worker: a cache the workers share (CACHE_URL=redis://... or
    # db://...) would give one worker's alice the other's cached pages, and each test's
    # cache.clear() would empty it under the other. The default, locmem://, is per process.
    cache_url = os.environ.get("CACHE_URL", "")
    shared = cache_url and not cache_url.startswith(("locmem:", "dummy:"))
    if shared and config.getoption("numprocesses", None):
        raise pytest.UsageError(
            f"CACHE_URL={cache_url} would be one cache for every xdist worker: "
            "run the tests without -n, or without CACHE_URL."
        )


@pytest.fixture(scope="session")
def _static_root(tmp_path_factory):
    return tmp_path_factory.mktemp("static_root")


@pytest.fixture(autouse=True)
def _plain_static_storage(settings, _static_root):
    # Pages render without a collectstatic manifest; the static-files test
    # builds one of its own to check hashed names and cache headers.
    settings.STATIC_ROOT = _static_root
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # The production hasher is slow on purpose; tests make hundreds of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    # A rolled-back test can leave a user id to be reused by the next one (SQLite), so no
    # cached page may outlive its test.
    from django.core.cache import cache

    from journal.core.caching import Kept

    cache.clear()
    Kept.forget_all()
    yield
    cache.clear()
    Kept.forget_all()


def make_user(username: str, **extra) -> User:
    return User.objects.create_user(username=username, password=PASSWORD, **extra)


@pytest.fixture
def alice(db):
    return make_user("alice", email="alice@example.com")


@pytest.fixture
def bob(db):
    return make_user("bob", email="bob@example.com")


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture(autouse=True)
def _imports_in_process(settings, tmp_path):
    # Background tasks run where they are enqueued (one test runs the real
    # database worker), and uploads go to a folder of the test's own.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.IMPORT_UPLOAD_DIR = tmp_path / "imports"
