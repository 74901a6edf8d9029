"""Issue 23: after an import, the dashboard opens on a range that shows what arrived, with
one line saying what that was."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from journal.imports import pipeline as imports
from journal.imports.models import ImportJob

TODAY = date(2026, 12, 6)


def test_the_line_says_what_arrived_and_over_which_months():
    report = {"sessions": 120, "checkins": 0, "dates": ["2025-03-02", "2025-10-30"]}
    assert imports.arrived(report) == "Imported 120 sessions, March to October 2025."
    report = {"sessions": 1, "checkins": 40, "dates": ["2024-11-02", "2025-02-01"]}
    assert imports.arrived(report) == (
        "Imported 1 session and 40 check-ins, November 2024 to February 2025."
    )
    assert imports.arrived({"sessions": 3, "dates": ["2025-05-01", "2025-05-09"]}) == (
        "Imported 3 sessions, May 2025."
    )
    assert imports.arrived({"sessions": 0, "checkins": 0}) == (
        "The import added nothing new to your journal."
    )


def test_the_range_is_the_shortest_that_covers_the_import():
    def span(days_ago):
        return {"dates": [(TODAY - timedelta(days=days_ago)).isoformat(), TODAY.isoformat()]}

    assert imports.covering_range(span(10), TODAY) == "4w"
    assert imports.covering_range(span(60), TODAY) == "3m"
    assert imports.covering_range(span(300), TODAY) == "1y"
    assert imports.covering_range(span(900), TODAY) == "all"
    assert imports.covering_range({}, TODAY) == "all"  # a report from before dates were kept


@pytest.mark.django_db
def test_see_your_dashboard_opens_the_covering_range_with_the_line(alice_client, alice, bob):
    today = alice.profile.today()
    first = today - timedelta(days=200)
    job = ImportJob.objects.create(
        owner=alice,
        kind=ImportJob.Kind.ACTIVITIES,
        source="strava",
        status=ImportJob.Status.DONE,
        report={"sessions": 120, "checkins": 0, "dates": [first.isoformat(), today.isoformat()]},
    )
    page = alice_client.get(reverse("journal:import_job", args=[job.pk])).content.decode()
    landing = reverse("journal:import_dashboard", args=[job.pk])
    assert f'href="{landing}"' in page

    response = alice_client.get(landing)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('journal:dashboard')}?range=1y#charts"
    dashboard = alice_client.get(response["Location"]).content.decode()
    assert f"Imported 120 sessions, {first:%B}" in dashboard
    assert 'aria-current="true" class="range-current">1 year' in dashboard
    # Shown once: the next view is the cached page without it.
    assert "Imported 120 sessions" not in alice_client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_nobody_else_lands_on_anothers_import(client, alice, bob):
    job = ImportJob.objects.create(
        owner=alice, kind=ImportJob.Kind.JOURNAL, source="journal", status=ImportJob.Status.DONE
    )
    client.force_login(bob)
    assert client.get(reverse("journal:import_dashboard", args=[job.pk])).status_code == 404
    unfinished = ImportJob.objects.create(
        owner=bob, kind=ImportJob.Kind.JOURNAL, source="journal", status=ImportJob.Status.RUNNING
    )
    assert client.get(reverse("journal:import_dashboard", args=[unfinished.pk])).status_code == 404


@pytest.mark.django_db
def test_an_import_keeps_the_dates_of_what_it_wrote(alice, tmp_path):
    from journal.models import Profile
    from tests.imports.import_files import days_ago, strava_csv, strava_row

    path = tmp_path / "activities.csv"
    path.write_bytes(strava_csv([strava_row(1, days_ago(400)), strava_row(2, days_ago(30))]))
    options = imports.make_options(Profile.objects.get(user=alice))
    report = imports.import_file(alice, path, "strava", options)
    assert list(report["dates"]) == [days_ago(400).isoformat(), days_ago(30).isoformat()]
    assert imports.covering_range(report, alice.profile.today()) == "all"
