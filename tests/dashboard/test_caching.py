from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from journal.core.caching import per_journal
from journal.models import Profile
from journal.views.common import templates_shown
from tests.conftest import make_user
from tests.factories import make_checkin
from tests.test_deploy import run_manage


class Counter:
    """A compute function that counts its calls and returns a fresh value each time."""

    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return {"call": self.calls}


@pytest.fixture
def profile(alice):
    return Profile.objects.get_or_create(user=alice)[0]


def test_a_repeat_read_is_served_from_the_cache(profile):
    compute = Counter()
    assert per_journal(profile, "charts", compute) == {"call": 1}
    assert per_journal(profile, "charts", compute) == {"call": 1}
    assert compute.calls == 1


def test_a_new_journal_version_computes_again(profile):
    compute = Counter()
    per_journal(profile, "charts", compute)
    profile.journal_version += 1
    assert per_journal(profile, "charts", compute) == {"call": 2}


def test_names_and_people_never_share_an_entry(profile, bob):
    compute = Counter()
    per_journal(profile, "charts:3m", compute)
    per_journal(profile, "charts:1y", compute)
    per_journal(Profile.objects.get_or_create(user=bob)[0], "charts:3m", compute)
    assert compute.calls == 3


def test_a_cached_none_is_still_a_hit(profile):
    calls = []
    per_journal(profile, "nothing", lambda: calls.append(1))
    per_journal(profile, "nothing", lambda: calls.append(1))
    assert calls == [1]


def test_an_unreachable_cache_costs_speed_not_the_page(profile):
    compute = Counter()
    with (
        mock.patch.object(cache, "get", side_effect=ConnectionError("no redis")),
        mock.patch.object(cache, "set", side_effect=ConnectionError("no redis")),
    ):
        assert per_journal(profile, "charts", compute) == {"call": 1}
        assert per_journal(profile, "charts", compute) == {"call": 2}


def test_cache_url_selects_djangos_own_redis_backend():
    result = run_manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings; c = settings.CACHES['default'];"
        " print(c['BACKEND'], c['LOCATION'])",
        DEBUG="1",
        CACHE_URL="redis://cache.internal:6379/2",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://cache.internal:6379/2",
    ]


def test_an_account_id_used_again_never_reads_the_last_owners_pages(client, db):
    # A restored or flushed database can hand a new account an id an old one had, while
    # the cache still holds the old one's pages: the account's creation time is in the key.
    first = make_user("first")
    make_checkin(first, date=first.profile.today(), note="the first owner's own note")
    client.force_login(first)
    assert (
        "the first owner&#x27;s own note"
        in client.get(reverse("journal:dashboard")).content.decode()
    )
    pk, profile_pk = first.pk, first.profile.pk
    first.delete()
    second = make_user("second", id=pk, date_joined=timezone.now() + timedelta(seconds=1))
    Profile.objects.filter(user=second).update(id=profile_pk)
    client.force_login(second)
    page = client.get(reverse("journal:dashboard")).content.decode()
    assert "own note" not in page


def test_cached_html_is_named_by_the_templates_it_came_from(settings, tmp_path):
    # A deploy that edits a template must not be served pages a shared cache kept from the
    # old one: the templates' digest is part of every cached page's and fragment's name.
    settings.BASE_DIR = tmp_path
    settings.DEBUG = True  # read afresh each time, as while templates are edited
    (tmp_path / "templates").mkdir()
    page = tmp_path / "templates" / "page.html"
    page.write_text("<p>before</p>")
    before = templates_shown()
    assert templates_shown() == before
    page.write_text("<p>after</p>")
    assert templates_shown() != before
