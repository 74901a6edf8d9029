import json
from datetime import date, timedelta

import pytest
from django.urls import reverse

from journal import queries
from journal.services import retag
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
@pytest.mark.parametrize("range_key", ["4w", "3m", "1y", "all"])
def test_the_dashboard_runs_a_fixed_number_of_queries(
    alice_client, alice, sessions, range_key, django_assert_num_queries
):
    with_history(alice, sessions)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = alice_client.get(reverse("journal:dashboard"), {"range": range_key})
    assert response.status_code == 200


# session, user, profile, effects, last activity, today's check-in, pending
# sessions and their count, the summary (one statement: active days and today's
# mood), the chronic states' window, the five chart queries and the chart placements.
DASHBOARD_QUERIES = 16


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
    assert "Long-term effects now" in content
    assert "<dt>Building</dt>" in content


def test_logging_announces_the_change_that_refreshes_the_charts(alice_client):
    page = alice_client.get(reverse("journal:dashboard")).content.decode()
    assert 'hx-trigger="journal-changed from:body"' in page
    assert f'hx-get="{reverse("journal:dashboard_charts")}?range=3m"' in page


def test_weeks_are_grouped_from_monday_in_the_database(alice, bob):
    # 2026-03-01 is a Sunday: it closes the week of Monday 23 February.
    for day in ["2026-02-23", "2026-03-01", "2026-03-02", "2026-03-08"]:
        make_session(alice, date=date.fromisoformat(day), activity="aerobic", minutes=30, effort=4)
    make_session(bob, date=date(2026, 3, 3), activity="aerobic", minutes=99, effort=4)

    minutes = queries.weekly_moderate_minutes(alice, None)
    tags = queries.weekly_tags(alice, date(2026, 3, 2))

    assert [(row["week"], row["minutes"]) for row in minutes] == [
        (date(2026, 2, 23), 60),
        (date(2026, 3, 2), 60),
    ]
    assert {row["week"] for row in tags} == {date(2026, 3, 2)}
    acute = {row["effect"]: row["sessions"] for row in tags if row["timescale"] == "acute"}
    assert acute["serotonin"] == 2
