"""The import pipeline end to end: upload, preview, mapping, task, report (imports.md)."""

from pathlib import Path

from django.urls import reverse

from journal.imports import pipeline as imports
from journal.imports import tasks
from journal.imports.models import ImportJob
from journal.models import CheckIn, Profile, Session
from tests.factories import make_checkin
from tests.imports.flow import Status, confirm, job_of, type_field, upload, uploads_left
from tests.imports.import_files import (
    daylio_csv,
    days_ago,
    journal_json,
    journal_session,
    strava_csv,
    strava_row,
    strava_zip,
    three_strava_rows,
)


def test_a_strava_zip_goes_from_upload_through_preview_to_sessions(alice_client, alice, settings):
    job = job_of(upload(alice_client, "export_123.zip", strava_zip(three_strava_rows())))
    job.refresh_from_db()
    assert (job.kind, job.source, job.status) == ("activities", "strava", Status.READY)
    assert len(uploads_left(settings)) == 1  # kept until the import has run

    page = alice_client.get(reverse("journal:import_job", args=[job.pk])).content.decode()
    assert "Strava" in page
    assert "3 sessions" in page
    assert "Surfing" in page
    assert "unknown" in page
    assert "Hills" in page  # the first rows, as they will be saved

    # The person maps Surfing to HIIT and leaves the others as they are.
    fields = {
        type_field(job, "Run"): "aerobic",
        type_field(job, "Ride"): "aerobic",
        type_field(job, "Surfing"): "hiit",
    }
    response = confirm(alice_client, job, **fields)
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == Status.DONE
    assert job.report["sessions"] == 3
    assert job.report["skipped"] == 0
    assert uploads_left(settings) == []  # the upload is deleted after the import

    sessions = {s.source_id: s for s in Session.objects.filter(owner=alice)}
    assert sessions["1003"].activity == "hiit"
    assert sessions["1001"].activity == "aerobic"
    assert sessions["1001"].distance_km == 5.0
    assert sessions["1002"].minutes == 60
    assert all(s.source == "strava" and s.feeling_before is None for s in sessions.values())
    report = alice_client.get(reverse("journal:import_job", args=[job.pk])).content.decode()
    assert "3 sessions and 0 check-ins imported, 0 skipped as already present" in report


def test_importing_the_same_file_again_adds_nothing(alice_client, alice):
    body = strava_csv(three_strava_rows())
    first = job_of(upload(alice_client, "activities.csv", body))
    confirm(alice_client, first)
    second = job_of(upload(alice_client, "activities.csv", body))
    confirm(alice_client, second)
    second.refresh_from_db()
    assert second.report["sessions"] == 0
    assert second.report["skipped"] == 3
    assert Session.objects.filter(owner=alice).count() == 3
    # Unknown kinds left as they were are counted as saved as mixed.
    first.refresh_from_db()
    assert first.report["unknown"] == {"Surfing": 1}
    assert Session.objects.get(source_id="1003").activity == "mixed"


def test_the_write_skips_rows_already_present_even_when_both_files_were_read_first(alice):
    """Two imports of one file read side by side: the second write still adds nothing."""
    path = Path(alice.username + ".csv")
    options = imports.make_options(Profile.objects.get(user=alice))
    try:
        path.write_bytes(strava_csv(three_strava_rows()))
        first, _, _ = imports.collect(alice, path, "strava", options)
        second, _, _ = imports.collect(alice, path, "strava", options)
    finally:
        path.unlink()
    from journal.core.services import save_imported_rows

    assert len(save_imported_rows(alice, first, [])["sessions"]) == 3
    assert len(save_imported_rows(alice, second, [])["skipped"]) == 3
    assert Session.objects.filter(owner=alice).count() == 3


def test_a_daylio_file_runs_only_once_every_mood_label_is_mapped(alice_client, alice):
    make_checkin(alice, date=days_ago(1), mood=2)
    body = daylio_csv(
        [
            (days_ago(3), "08:00", "rad", "gym | reading", "slept in"),
            (days_ago(3), "21:00", "tired", "", ""),
            (days_ago(2), "09:00", "good", "", ""),
            (days_ago(1), "09:00", "awful", "", ""),  # that day already has a check-in
        ]
    )
    job = job_of(upload(alice_client, "daylio_export.csv", body))
    job.refresh_from_db()
    assert job.source == "daylio"
    labels = [row["label"] for row in job.preview["moods"]]
    tired = f"mood_{labels.index('tired')}"
    fields = {f"mood_{i}": str(row["mood"] or "") for i, row in enumerate(job.preview["moods"])}

    response = confirm(alice_client, job, **fields)
    assert response.status_code == 200
    assert "Choose the mood this label stands for." in response.content.decode()
    job.refresh_from_db()
    assert job.status == Status.READY
    assert CheckIn.objects.filter(owner=alice).count() == 1

    confirm(alice_client, job, **{**fields, tired: "2"})
    job.refresh_from_db()
    assert job.status == Status.DONE
    assert (job.report["checkins"], job.report["skipped"]) == (2, 1)
    merged = CheckIn.objects.get(owner=alice, date=days_ago(3))
    assert merged.mood == 4  # the mean of 5 and 2, halves up
    assert merged.sleep_quality is None
    assert "gym" in merged.note
    assert CheckIn.objects.get(owner=alice, date=days_ago(1)).mood == 2  # left alone


def test_our_json_goes_through_the_job_and_asks_before_changing_the_profile(alice_client, alice):
    body = journal_json(
        [
            journal_session(),
            journal_session(minutes=0),
            journal_session(minutes=50, feeling_before=None),
        ],
        [{"date": days_ago(4).isoformat(), "mood": 4, "sleep_quality": None}],
        profile={"birth_year": 1980, "time_zone": "Europe/Berlin"},
    )
    job = job_of(upload(alice_client, "movement-journal.json", body))
    job.refresh_from_db()
    assert (job.kind, job.status) == ("journal", Status.READY)
    page = alice_client.get(reverse("journal:import_job", args=[job.pk])).content.decode()
    assert "Birth year" in page
    assert "1980" in page
    assert "session 1: minutes must be between 1 and 1440" in page

    confirm(alice_client, job)  # the profile box left unticked
    job.refresh_from_db()
    assert job.status == Status.DONE
    assert (job.report["sessions"], job.report["checkins"]) == (2, 1)
    profile = Profile.objects.get(user=alice)
    assert (profile.birth_year, profile.time_zone) == (None, "UTC")
    assert Session.objects.filter(owner=alice, feeling_before=None).count() == 1

    again = job_of(upload(alice_client, "movement-journal.json", body))
    confirm(alice_client, again, apply_profile="on")
    again.refresh_from_db()
    assert again.report["sessions"] == 0
    assert again.report["skipped"] == 3
    profile.refresh_from_db()
    assert (profile.birth_year, profile.time_zone) == (1980, "Europe/Berlin")


def test_the_progress_page_polls_while_it_runs_and_stops_when_done(alice_client, alice):
    job = ImportJob.objects.create(
        owner=alice, kind="activities", source="strava", status=Status.RUNNING, done=40, total=100
    )
    url = reverse("journal:import_job", args=[job.pk])
    page = alice_client.get(url).content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert f'href="{url}">Refresh</a>' in page  # without JavaScript
    assert 'value="40"' in page
    partial = alice_client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert partial.lstrip().startswith('<div id="job"')
    assert "<html" not in partial

    ImportJob.objects.filter(pk=job.pk).update(
        status=Status.DONE, report={"sessions": 2, "checkins": 0, "skipped": 1, "rejected": []}
    )
    partial = alice_client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in partial
    assert "2 sessions and 0 check-ins imported, 1 skipped as already present" in partial


def test_rows_with_problems_are_reported_with_their_line_and_the_rest_imported(alice_client, alice):
    rows = [
        *three_strava_rows(),
        strava_row(1004, days_ago(2), "Run", 0),
        strava_row(1005, days_ago(-30)),
    ]
    job = job_of(upload(alice_client, "activities.csv", strava_csv(rows)))
    job.refresh_from_db()
    assert [row["line"] for row in job.preview["rejected"]] == [5]
    confirm(alice_client, job)
    job.refresh_from_db()
    reasons = {row["line"]: row["reason"] for row in job.report["rejected"]}
    assert set(reasons) == {5, 6}
    assert "in the future" in reasons[6]
    assert job.report["sessions"] == 3


def test_coming_back_to_the_account_page_leads_to_the_import_under_way(alice_client, alice):
    job = job_of(upload(alice_client, "runs.csv", strava_csv(three_strava_rows())))
    page = alice_client.get(reverse("journal:account")).content.decode()
    assert "An import is under way (waiting for you to confirm)" in page
    assert reverse("journal:import_job", args=[job.pk]) in page
    confirm(alice_client, job)
    page = alice_client.get(reverse("journal:account")).content.decode()
    assert "An import is under way" not in page


def test_cancelling_deletes_the_job_and_its_file_and_a_stale_preview_goes_by_itself(
    alice_client, alice, settings
):
    from datetime import timedelta

    from django.utils import timezone

    first = job_of(upload(alice_client, "a.csv", strava_csv(three_strava_rows())))
    response = alice_client.post(reverse("journal:import_cancel", args=[first.pk]))
    assert response.status_code == 302
    assert not ImportJob.objects.filter(pk=first.pk).exists()
    assert uploads_left(settings) == []

    stale = job_of(upload(alice_client, "b.csv", strava_csv(three_strava_rows())))
    ImportJob.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=2))
    fresh = job_of(upload(alice_client, "c.csv", strava_csv(three_strava_rows())))
    assert list(ImportJob.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert [p.name for p in uploads_left(settings)] == [ImportJob.objects.get().upload]


def test_a_garmin_file_asks_its_distance_unit_and_the_preview_shows_the_choice(alice_client, alice):
    from tests.imports.import_files import garmin_csv

    body = garmin_csv(
        [(days_ago(4), "Running", "00:40:00", "5.00"), (days_ago(2), "Yoga", "30:00", "--")]
    )
    job = job_of(upload(alice_client, "Activities.csv", body))
    job.refresh_from_db()
    assert job.preview["asks_unit"] is True
    page = alice_client.get(reverse("journal:import_job", args=[job.pk])).content.decode()
    assert "Distances in this file are in" in page
    assert "5.0 km" in page  # the profile's unit until the person says otherwise

    # "Show the rows with these choices" reads the file again with the new unit.
    alice_client.post(
        reverse("journal:import_confirm", args=[job.pk]),
        {"action": "update", "type_0": "aerobic", "type_1": "mobility:yoga", "distance_unit": "mi"},
    )
    job.refresh_from_db()
    assert job.status == Status.READY
    page = alice_client.get(reverse("journal:import_job", args=[job.pk])).content.decode()
    assert "8.05 km" in page
    confirm(alice_client, job, distance_unit="mi")
    run = Session.objects.get(owner=alice, activity="aerobic")
    assert run.distance_km == 8.05
    assert Session.objects.get(owner=alice, activity="mobility").style == "yoga"


def test_progress_is_stored_on_the_job_while_the_file_is_read(alice):
    job = ImportJob.objects.create(owner=alice, kind="activities", source="strava")
    progress = tasks.Progress(job.pk)
    progress(10, 100)
    job.refresh_from_db()
    assert (job.done, job.total, job.percent) == (10, 100, 10)
    progress(20, 100)  # stored only when half a second has passed since the last
    progress(100, 100)  # the end always is
    job.refresh_from_db()
    assert (job.done, job.percent) == (100, 100)
