"""Imports run by the database worker and the command, once each; gone with the account."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from journal.imports import pipeline as imports
from journal.imports import tasks
from journal.imports.models import ImportJob
from journal.models import CheckIn, Profile, Session
from tests.concurrency import at_once, needs_postgres
from tests.imports.flow import Status, confirm, job_of, upload, uploads_left
from tests.imports.import_files import (
    daylio_csv,
    days_ago,
    run_worker_once,
    strava_csv,
    strava_row,
    three_strava_rows,
)


def test_a_task_run_twice_imports_once(alice_client, alice):
    job = job_of(upload(alice_client, "activities.csv", strava_csv(three_strava_rows())))
    ImportJob.objects.filter(pk=job.pk).update(status=Status.QUEUED)
    tasks.run_import.call(job.pk)
    tasks.run_import.call(job.pk)
    assert Session.objects.filter(owner=alice).count() == 3


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
