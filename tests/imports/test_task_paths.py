"""Tasks queued before the move to journal/imports/ still run.

django-tasks' database backend stores each task by its dotted path, and the worker imports
that path; rows queued by an older release say "journal.tasks.prepare_import".
"""

import pytest
from django.utils.module_loading import import_string

from journal.imports import tasks
from journal.imports.models import ImportJob
from journal.models import Session
from tests.imports.flow import confirm, job_of, upload
from tests.imports.import_files import run_worker_once, strava_csv, three_strava_rows

Status = ImportJob.Status


def test_the_old_dotted_paths_name_the_same_tasks():
    assert import_string("journal.tasks.prepare_import") is tasks.prepare_import
    assert import_string("journal.tasks.run_import") is tasks.run_import


def _as_queued_by_the_old_release(job) -> None:
    from django_tasks_db.models import DBTaskResult

    job.refresh_from_db()
    queued = DBTaskResult.objects.get(id=job.task_id)
    assert queued.task_path.startswith("journal.imports.tasks.")
    old_path = queued.task_path.replace("journal.imports.tasks.", "journal.tasks.")
    DBTaskResult.objects.filter(id=job.task_id).update(task_path=old_path)


@pytest.mark.django_db(transaction=True)
def test_a_worker_runs_tasks_stored_under_their_old_paths(alice_client, alice, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    job = job_of(upload(alice_client, "activities.csv", strava_csv(three_strava_rows())))
    for expected in (Status.READY, Status.DONE):
        _as_queued_by_the_old_release(job)
        run_worker_once()
        job.refresh_from_db()
        assert job.status == expected
        if expected == Status.READY:
            confirm(alice_client, job)
    assert Session.objects.filter(owner=alice).count() == 3
