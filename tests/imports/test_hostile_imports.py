"""Hostile or odd exchange files: a clear message, nothing imported, never a 500."""

import json
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from journal.imports import exchange
from journal.imports.models import ImportJob
from journal.models import CheckIn, Profile, Session

pytestmark = pytest.mark.django_db

DAY = (date.today() - timedelta(days=3)).isoformat()
HEAD = b'{"format": "movement-journal", "version": 1, '


def doc(**parts) -> bytes:
    return json.dumps({"format": "movement-journal", "version": 1, **parts}).encode()


def session(**fields) -> dict:
    row = {"date": DAY, "activity": "aerobic", "minutes": 30, "feeling_before": 0}
    return {**row, "feeling_after": 2, **fields}


def upload(client, content: bytes):
    """Upload, confirm the preview when there is one, and return the import's final page."""
    file = SimpleUploadedFile("journal.json", content, content_type="application/json")
    response = client.post(reverse("journal:import"), {"file": file})
    if response.status_code != 302:
        return response
    job = ImportJob.objects.get(pk=int(response.url.rstrip("/").rsplit("/", 1)[1]))
    if job.status == ImportJob.Status.READY:
        client.post(reverse("journal:import_confirm", args=[job.pk]), {"action": "import"})
    return client.get(response.url)


def assert_nothing_imported(user):
    assert not Session.objects.filter(owner=user).exists()
    assert not CheckIn.objects.filter(owner=user).exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (doc(sessions=[session(note="before\u0000after")]), "note contains a NUL character"),
        (
            doc(checkins=[{"date": DAY, "mood": 3, "sleep_quality": 5, "note": "a\u0000"}]),
            "note contains a NUL character",
        ),
        (doc(sessions=[session(note="x\ud800y")]), "note contains a lone surrogate"),
        (doc(sessions=[session(activity="\ud800")]), "activity '\\ud800' is not one of"),
        (doc(sessions=[session(avg_hr=170, max_hr=150)]), "Average heart rate can"),
        (doc(sessions=[session(date="1900-01-01")]), f"before {date.today().year - 110}-01-01"),
        (doc(sessions=[session(id=12345)]), "is not a UUID"),
    ],
)
def test_a_hostile_row_is_rejected_with_its_reason(alice_client, alice, content, message):
    response = upload(alice_client, content)
    assert response.status_code == 200
    assert "0 sessions and 0 check-ins imported" in response.content.decode()
    assert message in response.content.decode().replace("&#x27;", "'")
    assert_nothing_imported(alice)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (HEAD + b'"sessions": [{"minutes": 1' + b"0" * 5000 + b"}]}", "number too long"),
        (HEAD + b'"sessions": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nests lists"),
        (doc(profile={"checkin_items": [{"a": 1}]}), "checkin_items must be a list drawn"),
        (doc(profile={"checkin_items": [["energy"]]}), "checkin_items must be a list drawn"),
        (doc(profile={"time_zone": "Europe/\u0000"}), "time_zone contains a NUL"),
        (
            json.dumps({"format": "movement-journal", "version": True}).encode(),
            "version true",
        ),
        (doc(profile={"birth_year": 2100}), "birth_year: Enter a year between"),
        (
            doc(profile={"resting_hr": 200, "max_hr": 150}),
            "resting_hr: Resting heart rate must be below the maximum",
        ),
    ],
)
def test_a_hostile_file_is_refused_whole_with_a_message(alice_client, alice, content, message):
    response = upload(alice_client, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Nothing was imported" in response.content.decode()
    assert_nothing_imported(alice)


def test_a_resting_heart_rate_above_the_stored_maximum_is_refused(alice):
    Profile.objects.filter(user=alice).update(max_hr=150)
    with pytest.raises(exchange.ImportRefused, match="below the maximum"):
        exchange.import_journal(alice, doc(profile={"resting_hr": 170}, sessions=[session()]))
    assert_nothing_imported(alice)
    assert Profile.objects.get(user=alice).resting_hr is None


def test_the_import_takes_what_the_profile_form_takes(alice_client, alice):
    # The form clears "missed period" when cycle tracking is off; so does the import.
    values = {"birth_year": date.today().year - 40, "resting_hr": 55, "max_hr": 185}
    profile = {**values, "cycle_tracking": False, "missed_period": True}
    report = exchange.import_journal(alice, doc(profile=profile))
    assert report.rejected == []
    stored = Profile.objects.get(user=alice)
    assert (stored.birth_year, stored.resting_hr, stored.max_hr) == tuple(values.values())
    assert stored.missed_period is False
    # ...and the person can save the imported profile in the form unchanged.
    form = alice_client.get(reverse("journal:profile_edit")).context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, False)}
    response = alice_client.post(reverse("journal:profile_edit"), data)
    assert response.status_code == 302


def test_a_session_dated_before_the_birth_year_is_rejected(alice):
    born = date.today().year - 30
    report = exchange.import_journal(
        alice, doc(profile={"birth_year": born}, sessions=[session(date=f"{born - 1}-06-01")])
    )
    assert report.rejected == [
        f"session 0: date {born - 1}-06-01 is before {born}-01-01, the earliest date accepted"
    ]
    assert_nothing_imported(alice)
