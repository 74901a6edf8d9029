"""The import pipeline end to end: upload, preview, mapping, task, report (imports.md)."""

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from journal.imports import pipeline as imports
from journal.imports import tasks
from journal.imports.models import ImportJob
from journal.models import CheckIn, Profile, Session
from tests.concurrency import at_once, needs_postgres
from tests.factories import make_checkin
from tests.imports.import_files import (
    daylio_csv,
    days_ago,
    journal_json,
    journal_session,
    run_worker_once,
    strava_csv,
    strava_row,
    strava_zip,
    three_strava_rows,
)

Status = ImportJob.Status


def upload(client, name: str, body: bytes, source: str = ""):
    return client.post(
        reverse("journal:import"), {"file": SimpleUploadedFile(name, body), "source": source}
    )


def job_of(response) -> ImportJob:
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportJob.objects.get(pk=int(response.url.rstrip("/").rsplit("/", 1)[1]))


def confirm(client, job, **fields):
    """Confirm the preview as shown (each select at its default), with `fields` changed."""
    job.refresh_from_db()
    shown = {
        f"type_{i}": imports.target_of(row["activity"], row["style"])
        for i, row in enumerate(job.preview.get("types", []))
    }
    shown |= {f"mood_{i}": row["mood"] or "" for i, row in enumerate(job.preview.get("moods", []))}
    return client.post(
        reverse("journal:import_confirm", args=[job.pk]), {"action": "import", **shown, **fields}
    )


def type_field(job, name) -> str:
    index = [row["name"] for row in job.preview["types"]].index(name)
    return f"type_{index}"


def uploads_left(settings) -> list:
    folder = Path(settings.IMPORT_UPLOAD_DIR)
    return list(folder.iterdir()) if folder.exists() else []


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


def test_a_journal_file_over_its_limit_or_of_another_version_is_refused(alice_client, alice):
    response = upload(alice_client, "big.json", b" " * (21 * 1024 * 1024))
    assert b"the limit for a Movement Journal file is 20 MB" in response.content
    job = job_of(
        upload(
            alice_client,
            "j.json",
            json.dumps({"format": "movement-journal", "version": 99}).encode(),
        )
    )
    job.refresh_from_db()
    assert job.status == Status.FAILED
    assert "version 99" in job.error
    assert "Nothing was imported" in job.error


@pytest.mark.parametrize(
    ("name", "body", "message"),
    [
        ("junk.bin", bytes(range(256)) * 40, "not one this app can read"),
        ("empty.csv", b"", "empty"),
        ("export.zip", None, "points outside the archive"),
    ],
)
def test_a_hostile_file_gives_a_clear_message_and_imports_nothing(
    alice_client, alice, settings, name, body, message
):
    if body is None:
        import io
        import zipfile

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("../activities.csv", strava_csv(three_strava_rows()))
        body = buffer.getvalue()
    response = upload(alice_client, name, body)
    assert response.status_code in {200, 413}
    assert message in response.content.decode()
    assert "Nothing was imported" in response.content.decode() or body == b""
    assert not ImportJob.objects.exists()
    assert not Session.objects.exists()
    assert uploads_left(settings) == []


def test_a_bad_file_chosen_as_another_source_fails_in_the_task_with_a_clear_message(
    alice_client, alice, settings
):
    job = job_of(upload(alice_client, "x.csv", b"name,age\nann,3\n", source="strava"))
    job.refresh_from_db()
    assert job.status == Status.FAILED
    assert "Strava" in job.error
    assert "Nothing was imported" in job.error
    assert uploads_left(settings) == []
    page = alice_client.get(reverse("journal:import_job", args=[job.pk])).content.decode()
    assert "This import stopped" in page


def test_an_upload_over_the_limit_is_refused_from_its_declared_length(alice_client, settings):
    settings.IMPORT_MAX_MB = 1
    response = upload(alice_client, "activities.csv", b"x" * (2 * 1024 * 1024))
    assert response.status_code == 413
    assert "the limit is 1 MB" in response.content.decode()
    assert uploads_left(settings) == []


def test_the_upload_handler_stops_reading_at_the_limit_and_removes_what_it_wrote(settings):
    from django.core.files.uploadhandler import StopFutureHandlers, StopUpload

    from journal.imports.uploads import ImportUploadHandler

    handler = ImportUploadHandler(limit=10)
    with pytest.raises(StopFutureHandlers):
        handler.new_file("file", "a.csv", "text/csv", None)
    handler.receive_data_chunk(b"12345678", 0)
    assert len(uploads_left(settings)) == 1
    with pytest.raises(StopUpload):
        handler.receive_data_chunk(b"12345678", 8)
    assert "the limit is" in handler.refused
    assert uploads_left(settings) == []


def test_one_persons_import_pages_are_not_anothers(alice_client, alice, bob, client):
    job = job_of(upload(alice_client, "alices-runs.csv", strava_csv(three_strava_rows())))
    client.force_login(bob)
    assert client.get(reverse("journal:import_job", args=[job.pk])).status_code == 404
    assert (
        client.get(reverse("journal:import_job", args=[job.pk]), HTTP_HX_REQUEST="true")
    ).status_code == 404
    assert confirm(client, job).status_code == 404
    assert client.post(reverse("journal:import_cancel", args=[job.pk])).status_code == 404
    assert "alices-runs.csv" not in client.get(reverse("journal:import")).content.decode()
    job.refresh_from_db()
    assert job.status == Status.READY
    assert not Session.objects.exists()


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


def test_a_task_run_twice_imports_once(alice_client, alice):
    job = job_of(upload(alice_client, "activities.csv", strava_csv(three_strava_rows())))
    ImportJob.objects.filter(pk=job.pk).update(status=Status.QUEUED)
    tasks.run_import.call(job.pk)
    tasks.run_import.call(job.pk)
    assert Session.objects.filter(owner=alice).count() == 3


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


@pytest.mark.django_db(transaction=True)
def test_the_database_backend_and_its_worker_run_the_import(client, settings):
    """A real pass of django-tasks' database backend: enqueue, then one batch of the worker."""
    from django_tasks_db.models import DBTaskResult

    from tests.conftest import make_user

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    alice = make_user("alice")
    client.force_login(alice)

    job = job_of(upload(client, "activities.csv", strava_csv(three_strava_rows())))
    job.refresh_from_db()
    assert job.status == Status.PREVIEWING  # queued, not run by the request
    assert DBTaskResult.objects.get(id=job.task_id).status == "READY"
    run_worker_once()
    job.refresh_from_db()
    assert job.status == Status.READY

    confirm(client, job)
    job.refresh_from_db()
    assert job.status == Status.QUEUED
    assert not Session.objects.exists()
    run_worker_once()
    job.refresh_from_db()
    assert job.status == Status.DONE
    assert Session.objects.filter(owner=alice).count() == 3
    assert DBTaskResult.objects.get(id=job.task_id).status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_deleting_an_account_leaves_nothing_of_the_person(client, settings):
    from django.contrib.auth.models import User
    from django_tasks_db.models import DBTaskResult

    from tests.conftest import PASSWORD, make_user

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    alice = make_user("alice")
    bob = make_user("bob")
    client.force_login(alice)
    waiting = job_of(upload(client, "activities.csv", strava_csv(three_strava_rows())))
    queued = job_of(upload(client, "more.csv", strava_csv(three_strava_rows())))
    client.force_login(bob)
    bobs = job_of(upload(client, "bob.csv", strava_csv(three_strava_rows())))
    assert len(uploads_left(settings)) == 3
    assert DBTaskResult.objects.filter(status="READY").count() == 3

    client.force_login(alice)
    response = client.post(reverse("journal:account_delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(username="alice").exists()
    assert not ImportJob.objects.filter(pk__in=[waiting.pk, queued.pk]).exists()
    assert [p.name for p in uploads_left(settings)] == [bobs.upload]
    remaining = DBTaskResult.objects.all()
    assert [r.args_kwargs["args"] for r in remaining] == [[bobs.pk]]
    assert not Session.objects.exclude(owner=bob).exists()
    assert not CheckIn.objects.exists()
    assert not Profile.objects.exclude(user=bob).exists()


def test_the_command_imports_with_a_mapping_and_a_dry_run_writes_nothing(alice, tmp_path, capsys):
    path = tmp_path / "activities.csv"
    path.write_bytes(strava_csv(three_strava_rows()))
    call_command("import_activities", "--user", "alice", str(path), "--dry-run")
    out = capsys.readouterr().out
    assert "3 sessions and 0 check-ins would be imported" in out
    assert not Session.objects.exists()

    call_command(
        "import_activities", "--user", "alice", str(path), "--map", "Surfing=mobility:yoga"
    )
    out = capsys.readouterr().out
    assert "3 sessions and 0 check-ins imported, 0 skipped as already present, 0 rejected." in out
    crossfit = Session.objects.get(source_id="1003")
    assert (crossfit.activity, crossfit.style) == ("mobility", "yoga")

    call_command("import_activities", "--user", "alice", str(path))
    assert "0 sessions and 0 check-ins imported, 3 skipped" in capsys.readouterr().out


def test_the_command_refuses_unmapped_mood_labels_and_bad_maps(alice, tmp_path):
    path = tmp_path / "daylio.csv"
    path.write_bytes(daylio_csv([(days_ago(2), "09:00", "tired", "", "")]))
    with pytest.raises(CommandError, match="tired"):
        call_command("import_activities", "--user", "alice", str(path))
    with pytest.raises(CommandError, match="choose one of"):
        call_command("import_activities", "--user", "alice", str(path), "--map", "Run=swimming")
    call_command("import_activities", "--user", "alice", str(path), "--mood-map", "tired=2")
    assert CheckIn.objects.get(owner=alice).mood == 2


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_imports_of_one_strava_file_at_once_add_each_session_once(tmp_path):
    from tests.conftest import make_user

    alice = make_user("alice")
    path = tmp_path / "activities.csv"
    path.write_bytes(strava_csv([strava_row(2000 + i, days_ago(1 + i % 300)) for i in range(120)]))
    options = imports.make_options(Profile.objects.get(user=alice))
    reports = at_once(*[lambda: imports.import_file(alice, path, "strava", options)] * 2)
    assert Session.objects.filter(owner=alice).count() == 120
    assert sorted(r["sessions"] for r in reports) == [0, 120]
    assert sorted(r["skipped"] for r in reports) == [0, 120]


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


def test_the_upload_still_needs_its_csrf_token_and_a_refused_one_leaves_no_file(alice, settings):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = upload(client, "activities.csv", strava_csv(three_strava_rows()))
    assert response.status_code == 403
    assert uploads_left(settings) == []
    assert not ImportJob.objects.exists()


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


def test_posting_without_a_file_asks_for_one(alice_client):
    response = alice_client.post(reverse("journal:import"), {"source": ""})
    assert response.status_code == 200
    assert "Choose a file to import." in response.content.decode()
    assert not ImportJob.objects.exists()
