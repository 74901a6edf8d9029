"""Imports refused or failed with a clear message, nothing of them left (imports.md)."""

import json

import pytest
from django.urls import reverse

from journal.imports.models import ImportJob
from journal.models import Session
from tests.imports.flow import Status, confirm, job_of, upload, uploads_left
from tests.imports.import_files import (
    strava_csv,
    three_strava_rows,
)


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


def test_the_upload_still_needs_its_csrf_token_and_a_refused_one_leaves_no_file(alice, settings):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = upload(client, "activities.csv", strava_csv(three_strava_rows()))
    assert response.status_code == 403
    assert uploads_left(settings) == []
    assert not ImportJob.objects.exists()


def test_posting_without_a_file_asks_for_one(alice_client):
    response = alice_client.post(reverse("journal:import"), {"source": ""})
    assert response.status_code == 200
    assert "Choose a file to import." in response.content.decode()
    assert not ImportJob.objects.exists()
