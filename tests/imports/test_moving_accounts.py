"""Issue 25, item 2: a journal moved to a new account, then the original exports imported
again, doubles nothing, whichever route each came in by; the previews say how many are
already there, and the reports say why each row was skipped."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from journal.imports import exchange
from journal.models import Session
from tests.conftest import make_user
from tests.factories import make_session
from tests.imports.flow import confirm, job_of, upload
from tests.imports.import_files import (
    days_ago,
    garmin_csv,
    strava_csv,
    strava_zip,
    three_strava_rows,
)

pytestmark = pytest.mark.django_db

GARMIN_ROWS = [
    (days_ago(9), "Running", "00:40:00", "8.0"),
    (days_ago(8), "Strength Training", "00:35:00", "--"),
]


def import_through_the_web(client, name, body, **fields):
    # The tests' task backend runs each task when it is queued.
    job = job_of(upload(client, name, body))
    job.refresh_from_db()
    page = client.get(reverse("journal:import_job", args=[job.pk])).content.decode()
    confirm(client, job, **fields)
    job.refresh_from_db()
    return job, page


def test_an_export_moved_to_a_new_account_then_the_original_files_double_nothing(client, alice):
    client.force_login(alice)
    strava = strava_zip(three_strava_rows())
    garmin = garmin_csv(GARMIN_ROWS)
    import_through_the_web(client, "export_1.zip", strava)
    import_through_the_web(client, "Activities.csv", garmin, distance_unit="km")
    make_session(alice, date=days_ago(2), minutes=25)  # one logged here
    assert Session.objects.filter(owner=alice).count() == 6
    export = client.get(reverse("journal:export_json")).content
    rows = json.loads(export)["sessions"]
    assert sorted(row["source"] for row in rows) == ["", "garmin", "garmin", *["strava"] * 3]
    assert {row["source_id"] for row in rows if row["source"] == "strava"} == {
        "1001",
        "1002",
        "1003",
    }

    carol = make_user("carol")
    client.force_login(carol)
    job, page = import_through_the_web(client, "journal.json", export)
    assert job.report["sessions"] == 6
    assert "none of these rows" in page

    # The original Strava zip: the preview says all three are there, the import skips them.
    job, page = import_through_the_web(client, "export_1.zip", strava)
    assert "3 of 3 sessions: they will be skipped" in page
    assert "already in your journal</span>" in page
    assert (job.report["sessions"], job.report["skipped"]) == (0, 3)
    report = client.get(reverse("journal:import_job", args=[job.pk])).content.decode()
    assert "Skipped as already in your journal (3)" in report
    assert "already in the journal: the same Strava activity" in report

    # The original Garmin CSV, the same.
    job, page = import_through_the_web(client, "Activities.csv", garmin, distance_unit="km")
    assert "2 of 2 sessions: they will be skipped" in page
    assert (job.report["sessions"], job.report["skipped"]) == (0, 2)

    # And the export again: every session is there by its id.
    job, page = import_through_the_web(client, "journal.json", export)
    assert "6 of 6 sessions" in page
    assert job.report["sessions"] == 0
    assert Session.objects.filter(owner=carol).count() == 6
    assert Session.objects.filter(owner=alice).count() == 6


def test_the_commands_recognise_the_moved_sessions_too(alice, tmp_path, capsys):
    zip_path = tmp_path / "export_1.zip"
    zip_path.write_bytes(strava_zip(three_strava_rows()))
    call_command("import_activities", "--user", "alice", str(zip_path))
    moved = tmp_path / "journal.json"
    moved.write_bytes(exchange.export_json(alice))
    carol = make_user("carol")
    call_command("import_journal", "--user", "carol", str(moved))
    capsys.readouterr()
    call_command("import_activities", "--user", "carol", str(zip_path), "--dry-run")
    out = capsys.readouterr().out
    assert "0 sessions and 0 check-ins would be imported, 3 skipped" in out
    call_command("import_activities", "--user", "carol", str(zip_path))
    out = capsys.readouterr().out
    assert "0 sessions and 0 check-ins imported, 3 skipped" in out
    assert "already in the journal: the same Strava activity" in out
    assert Session.objects.filter(owner=carol).count() == 3


def test_a_json_file_whose_source_id_the_journal_holds_is_skipped(alice, client):
    # Imported from Strava first, then a file from another tool naming the same activity.
    path_bytes = strava_csv(three_strava_rows())
    client.force_login(alice)
    import_through_the_web(client, "activities.csv", path_bytes)
    other = {
        "format": "movement-journal",
        "version": 1,
        "sessions": [
            {
                "date": days_ago(3).isoformat(),
                "activity": "aerobic",
                "minutes": 12,
                "source": "strava",
                "source_id": "1001",
            },
            {
                "date": days_ago(3).isoformat(),
                "activity": "aerobic",
                "minutes": 12,
                "source": "strava",
                "source_id": "99",
            },
        ],
    }
    report = exchange.import_journal(alice, json.dumps(other).encode())
    assert report.imported_sessions == 1
    assert "the same Strava activity" in report.skipped[0]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"source": "Strava Export!"}, "is not a source name"),
        ({"source": "strava", "source_id": "x" * 121}, "longer than 120"),
        ({"source": 5}, "source must be text"),
    ],
)
def test_a_bad_source_is_a_clear_row_error(alice, row, reason):
    document = {
        "format": "movement-journal",
        "version": 1,
        "sessions": [
            {"date": days_ago(3).isoformat(), "activity": "walking", "minutes": 20, **row}
        ],
    }
    report = exchange.import_journal(alice, json.dumps(document).encode())
    assert report.imported_sessions == 0
    assert reason in report.rejected[0]


def test_an_older_file_without_sources_still_imports(alice):
    document = {
        "format": "movement-journal",
        "version": 1,
        "sessions": [{"date": days_ago(3).isoformat(), "activity": "walking", "minutes": 20}],
    }
    report = exchange.import_journal(alice, json.dumps(document).encode())
    assert report.imported_sessions == 1
    session = Session.objects.get(owner=alice)
    assert (session.source, session.source_id) == ("", "")
