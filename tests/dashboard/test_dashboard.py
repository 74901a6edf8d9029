import json
import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.models import F
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from content.models import ChartPlacement, Effect, Section
from journal.core import blocks, chartstamp
from journal.core.services import retag
from journal.dashboard import chart_cache, charts, queries
from journal.models import Profile, Session
from tests.factories import make_checkin, make_history, make_session

pytestmark = pytest.mark.django_db

CHART_KEYS = [
    "feeling-change",
    "mood-stress",
    "weekly-minutes",
    "outcomes-by-activity",
    "training-load",
    "effects-timeline",
]


def chart_data(response, key):
    content = response.content.decode()
    marker = f'<script id="chart-data-{key}" type="application/json">'
    start = content.index(marker) + len(marker)
    return json.loads(content[start : content.index("</script>", start)])


def with_history(user, sessions):
    make_history(user, sessions)
    today = user.profile.today()
    for days_ago in range(1, min(sessions, 400)):
        make_checkin(user, date=today - timedelta(days=days_ago), mood=1 + days_ago % 5, stress=2)
    retag(user)


@pytest.mark.parametrize("sessions", [0, 10, 500, 5000])
def test_the_dashboard_runs_a_fixed_number_of_queries(
    alice_client, alice, sessions, django_assert_num_queries
):
    # One history per size, every range over it: the first view after a write (a session
    # logged today) reads the chart blocks' stamps and recomputes today's block alone, with
    # the three chart queries bounded to it, whatever the history's length; a repeat view is
    # the cached page.
    with_history(alice, sessions)
    url = reverse("journal:dashboard")
    for range_key in ["4w", "3m", "1y", "all"]:
        alice_client.get(url, {"range": range_key})
        log_today(alice)
        with django_assert_num_queries(COLD_QUERIES):
            response = alice_client.get(url, {"range": range_key})
        assert response.status_code == 200
        with django_assert_num_queries(DASHBOARD_QUERIES):
            alice_client.get(url, {"range": range_key})


def log_today(user) -> Session:
    """A quick log through journal.core.services, everything rated (make_session's
    defaults), so no "to rate" list opens on the dashboard."""
    return make_session(user, date=user.profile.today(), activity="walking", minutes=20)


def test_a_write_recomputes_only_the_block_of_its_dates(alice, django_assert_num_queries):
    """After a write today, the charts read the three inputs for today's block only."""
    with_history(alice, 400)
    today = alice.profile.today()
    first = today - timedelta(days=400)
    chart_cache.Blocks(alice, first, today)  # every block computed and cached
    with django_assert_num_queries(1):  # the stamps; every block from the cache
        chart_cache.Blocks(alice, first, today)
    log_today(alice)
    with CaptureQueriesContext(connection) as seen:
        chart_cache.Blocks(alice, first, today)
    assert len(seen) == 1 + CHART_QUERIES
    bounded = [q["sql"] for q in seen.captured_queries[1:]]
    block = blocks.block_start(blocks.block_of(today))
    lead = block - timedelta(days=blocks.LEAD_IN)
    # Sessions and check-ins from the lead-in of today's block, the weekly inputs from its
    # first Monday: never ten years.
    assert all(f">= '{lead}'" in sql or f">= '{block}'" in sql for sql in bounded), bounded


# A repeat view: session, user, profile (and the row a write kept, journal.views
# .dashboard_reads) and the content's version, which with the journal
# version name the cached page. The first view since the journal changed renders it: pending
# sessions with their count (one statement), "How did it feel?" (one count when none is
# due), the last 84 days' sessions (one statement for the summary's week and streak, the
# long-term card's windows and the experiment line's days), the days of the year before
# them with a session (a longer streak), the journal's first entry, the
# chart blocks' stamps, the three chart queries for the block a write changed (the other
# blocks come from the cache), the last activity and today's check-in (which name the
# cached forms, and give the summary today's mood), and the experiment under way. The
# effects and the chart placements come from the cache while the content is unchanged.
# The very first view of a range that reaches back before today's block computes the
# settled blocks too (journal.dashboard.chart_join): three more chart queries, once.
# Those are the reads of a view after a write whose refresh has not run (a test's
# transaction never commits). With a refresh, the first view after a write finds what it
# kept in the row read with the profile (journal.views.dashboard_reads) instead.
DASHBOARD_QUERIES = 4
COLD_QUERIES = DASHBOARD_QUERIES + 12
SNAPSHOT_QUERIES = DASHBOARD_QUERIES
CHART_QUERIES = 3
CONTENT_QUERIES = 2  # the effects and the chart placements, once after the content changes


@pytest.mark.parametrize("range_key", ["4w", "all"])
def test_a_repeat_view_is_served_from_the_cache(
    alice_client, alice, range_key, django_assert_num_queries
):
    with_history(alice, 120)
    url = reverse("journal:dashboard")
    today = alice.profile.today()
    start = charts.range_start(range_key, today) or today - timedelta(days=120)
    settled = CHART_QUERIES if blocks.block_of(start) < blocks.block_of(today) else 0
    with django_assert_num_queries(COLD_QUERIES + CONTENT_QUERIES + settled):
        first = alice_client.get(url, {"range": range_key})
    with django_assert_num_queries(DASHBOARD_QUERIES):
        again = alice_client.get(url, {"range": range_key})
    for key in CHART_KEYS:
        assert chart_data(again, key) == chart_data(first, key)
    assert _chronic_card(again) == _chronic_card(first)


def test_a_new_journal_version_recomputes_charts_and_long_term_card(
    alice_client, alice, django_assert_num_queries
):
    url = reverse("journal:dashboard")
    before = alice_client.get(url)
    assert "<strong>building</strong>" not in _chronic_card(before)
    # A session written without going through journal.core.services changes no version, so
    # the cached page stays as it was: the version is the only thing the page cache trusts.
    session = make_session(
        alice, save=save_directly, activity="aerobic", minutes=40, effort=4, intensity="moderate"
    )
    stale = alice_client.get(url)
    assert _chronic_card(stale) == _chronic_card(before)
    assert 'id="chart-data-feeling-change"' not in stale.content.decode()

    # A new version alone renders the page again, but the charts' blocks trust their own
    # stamps, which a write through journal.core.services replaces for the dates it reaches.
    Profile.objects.filter(user=alice).update(journal_version=F("journal_version") + 1)
    with django_assert_num_queries(COLD_QUERIES - CHART_QUERIES):
        renewed = alice_client.get(url)
    assert "<strong>building</strong>" in _chronic_card(renewed)
    assert 'id="chart-data-feeling-change"' not in renewed.content.decode()

    chartstamp.touch(alice, [session.date])
    Profile.objects.filter(user=alice).update(journal_version=F("journal_version") + 1)
    with django_assert_num_queries(COLD_QUERIES):
        fresh = alice_client.get(url)
    assert len(chart_data(fresh, "feeling-change")["labels"]) == 1


def test_renamed_effects_show_at_once_on_a_cached_dashboard(alice_client, alice):
    with_history(alice, 60)
    alice_client.get(reverse("journal:dashboard"))
    effect = Effect.objects.get(slug="dopamine")
    effect.name = "Drive and reward"
    effect.save()  # as the admin does
    timeline = chart_data(alice_client.get(reverse("journal:dashboard")), "effects-timeline")
    labels = [ds["label"] for ds in timeline["datasets"]]
    assert "Drive and reward" in labels
    assert "Dopamine" not in labels


def test_a_cached_dashboard_fills_in_each_browsers_csrf_token(alice, bob):
    # The body is cached per person, but the token belongs to the browser: a second device
    # of the same person, served the cached body, must post with its own token.
    make_session(alice, effort=None, source="")  # a pending session: one more form to post
    phone, laptop = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    for browser in (phone, laptop):
        browser.force_login(alice)
    first = phone.get(reverse("journal:dashboard")).content.decode()
    cached = laptop.get(reverse("journal:dashboard")).content.decode()
    assert "placeholder" not in first + cached
    checkin_form = cached[cached.index('id="checkin"') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', checkin_form)[1]
    answer = laptop.post(
        reverse("journal:checkin_today"),
        {
            "csrfmiddlewaretoken": token,
            "checkin-date": alice.profile.today().isoformat(),
            "checkin-mood": "4",
            "checkin-sleep_quality": "7",
        },
    )
    assert answer.status_code == 302
    assert alice.checkins.get().mood == 4


def test_a_message_shows_once_on_a_cached_dashboard(alice_client, alice):
    session = make_session(alice, effort=None, source="")
    url = reverse("journal:dashboard")
    alice_client.get(url)  # the page is cached
    refused = alice_client.post(
        reverse("journal:session_effort", args=[session.pk]), {"effort": "11"}, follow=True
    )
    assert b"Choose an effort from 0 to 10." in refused.content
    assert b"Choose an effort from 0 to 10." not in alice_client.get(url).content


def test_content_edited_in_the_admin_shows_at_once_on_a_cached_dashboard(alice_client, alice):
    with_history(alice, 30)
    url = reverse("journal:dashboard")
    placement = ChartPlacement.objects.get(chart_key="weekly-minutes")
    placement.section.title = "Minutes that count"
    alice_client.get(url)
    placement.section.save()
    assert "Minutes that count" in alice_client.get(url).content.decode()
    # Another section placed beside the chart, and then one taken away from it.
    other = Section.objects.filter(placements__isnull=True).first()
    placement.section = other
    placement.save()
    assert f'href="{other.get_absolute_url()}"' in alice_client.get(url).content.decode()
    placement.delete()
    assert f'href="{other.get_absolute_url()}"' not in alice_client.get(url).content.decode()


def save_directly(session):
    session.save()
    return session


def _chronic_card(response) -> str:
    return _chronic_card_of(response.content.decode())


def _chronic_card_of(content: str) -> str:
    start = content.index('id="chronic"')
    return content[start : content.index("</section>", start)]


def test_every_chart_sits_beside_its_placed_section_with_a_text_alternative(alice_client, alice):
    with_history(alice, 60)
    response = alice_client.get(reverse("journal:dashboard"))
    content = response.content.decode()
    for key in CHART_KEYS:
        assert f'id="chart-{key}"' in content
        assert chart_data(response, key)["key"] == key
    assert content.count("The numbers as a table") == 6
    assert content.count('class="chart-section"') == 6
    assert content.count("Read more") == 6


def test_the_range_control_swaps_the_charts_with_htmx(alice_client, alice):
    with_history(alice, 200)
    response = alice_client.get(
        reverse("journal:dashboard_charts"), {"range": "1y"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b'aria-current="true" class="range-current">1 year' in response.content
    minutes = chart_data(response, "weekly-minutes")
    assert 52 <= len(minutes["labels"]) <= 54


def test_an_unknown_range_falls_back_to_three_months(alice_client, alice):
    response = alice_client.get(reverse("journal:dashboard"), {"range": "forever<script>"})
    assert response.status_code == 200
    assert b'aria-current="true" class="range-current">3 months' in response.content


def test_a_new_person_sees_what_to_log_first(alice_client):
    content = alice_client.get(reverse("journal:dashboard")).content
    assert b"Log a session with your feeling before and after" in content
    assert b"Check in each day with your mood" in content
    assert b"No sessions yet this week" in content


def test_charts_hold_only_the_owners_data(alice_client, alice, bob):
    make_session(alice, activity="walking", minutes=30, effort=3)
    make_session(bob, activity="mixed", minutes=90, effort=6)
    make_checkin(bob, mood=1, stress=5)
    response = alice_client.get(reverse("journal:dashboard"))
    feelings = chart_data(response, "feeling-change")
    assert all("Mixed" not in label for label in feelings["labels"])
    minutes = chart_data(response, "weekly-minutes")
    mixed = next(ds for ds in minutes["datasets"] if ds["label"] == "Mixed / sport")
    assert set(mixed["data"]) == {0}
    assert b"Check in each day with your mood" in response.content


def test_the_dashboard_shows_the_long_term_effects_building_now(alice_client, alice):
    make_session(alice, activity="aerobic", minutes=40, effort=4)
    content = alice_client.get(reverse("journal:dashboard")).content.decode()
    assert "Long-term patterns the article links to effects" in content
    assert "not effects measured in your body" in content
    assert "building" in content


def test_logging_announces_the_change_that_refreshes_the_charts(alice_client):
    page = alice_client.get(reverse("journal:dashboard")).content.decode()
    assert 'hx-trigger="journal-changed from:body"' in page
    assert f'hx-get="{reverse("journal:dashboard_charts")}?range=3m"' in page


def weeks_of(block: dict) -> list[date]:
    start = date.fromisoformat(block["start"])
    return [start + timedelta(weeks=i) for i in range(blocks.BLOCK_WEEKS)]


def test_weeks_are_grouped_from_monday(alice, bob):
    # 2026-03-01 is a Sunday: it closes the week of Monday 23 February.
    for day in ["2026-02-23", "2026-03-01", "2026-03-02", "2026-03-08"]:
        make_session(alice, date=date.fromisoformat(day), activity="aerobic", minutes=30, effort=4)
    make_session(bob, date=date(2026, 3, 3), activity="aerobic", minutes=99, effort=4)

    found = chart_cache.Blocks(alice, date(2026, 2, 23), date(2026, 3, 8))
    weeks = [
        (monday, minutes)
        for block in found.weekly
        for monday, minutes in zip(
            weeks_of(block), block.get("minutes:aerobic", [0] * blocks.BLOCK_WEEKS), strict=True
        )
        if minutes
    ]
    tags = queries.weekly_tags(alice, date(2026, 3, 2))

    assert weeks == [(date(2026, 2, 23), 60), (date(2026, 3, 2), 60)]
    assert {row["week"] for row in tags} == {date(2026, 3, 2)}
    acute = {row["effect"]: row["sessions"] for row in tags if row["timescale"] == "acute"}
    assert acute["serotonin"] == 2


def test_the_pending_list_counts_what_it_leaves_out(alice_client, alice):
    for days_ago in range(1, 13):
        make_session(alice, date=date.today() - timedelta(days=days_ago), effort=None)
    content = alice_client.get(reverse("journal:dashboard")).content.decode()
    assert content.count('class="effort-form"') == 10
    assert "And 2 more in your" in content


def test_the_long_term_card_refreshes_itself_after_a_change(alice_client, alice):
    page = alice_client.get(reverse("journal:dashboard")).content.decode()
    url = reverse("journal:dashboard_fragment", args=["chronic"])
    card = _chronic_card_of(page)
    assert f'hx-get="{url}"' in card
    assert 'hx-trigger="journal-changed from:body"' in card
    make_session(alice, activity="aerobic", minutes=40, effort=4)
    Profile.objects.filter(user=alice).update(journal_version=F("journal_version") + 1)
    fragment = alice_client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert '<section class="fold" id="chronic"' in fragment
    assert "<strong>building</strong>" in fragment


def test_the_journal_starts_at_its_owners_first_entry_of_either_kind(alice, bob):
    today = alice.profile.today()
    assert queries.journal_start(alice) is None
    make_session(bob, date=today - timedelta(days=900))  # another's entries count for nothing
    make_checkin(bob, date=today - timedelta(days=950), mood=3)
    make_session(alice, date=today - timedelta(days=30))
    assert queries.journal_start(alice) == today - timedelta(days=30)
    make_checkin(alice, date=today - timedelta(days=40), mood=3)
    assert queries.journal_start(alice) == today - timedelta(days=40)
    make_session(alice, date=today - timedelta(days=50))
    assert queries.journal_start(alice) == today - timedelta(days=50)
