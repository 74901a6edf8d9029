import io
import json
import zipfile
from datetime import date, timedelta
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from journal.core import words
from journal.imports import exchange
from journal.models import CheckIn, Session
from tests.conftest import make_user
from tests.factories import make_checkin, make_session

pytestmark = pytest.mark.django_db

DAY = date.today() - timedelta(days=3)


def document(sessions=(), checkins=(), **header):
    return {
        "format": "movement-journal",
        "version": 1,
        "sessions": list(sessions),
        "checkins": list(checkins),
        **header,
    }


def session_row(**fields):
    return {
        "date": DAY.isoformat(),
        "activity": "aerobic",
        "minutes": 30,
        "feeling_before": 0,
        "feeling_after": 2,
        **fields,
    }


def raw(doc) -> bytes:
    return json.dumps(doc).encode()


def fill_journal(user):
    user.profile.time_zone = "Europe/Berlin"
    user.profile.birth_year = 1988
    user.profile.sex = "female"
    user.profile.checkin_items = ["anxiety", "focus"]
    user.profile.save()
    make_session(user, start_time="07:15", distance_km=8.4, avg_hr=142, max_hr=168, note="river")
    make_session(user, activity="mobility", style="yoga", minutes=60, effort=None)
    make_session(user, activity="walking", date=DAY, minutes=30)
    make_session(user, activity="walking", date=DAY, minutes=30)  # two identical walks
    make_checkin(user, anxiety=2, focus=3, note="calm day")
    make_checkin(user, date=DAY, mood=5)


def test_export_import_export_round_trips_to_an_identical_journal(alice):
    fill_journal(alice)
    first = exchange.export_journal(alice)
    fresh = make_user("fresh")
    report = exchange.import_journal(fresh, exchange.export_json(alice))
    assert (report.imported_sessions, report.imported_checkins, report.rejected) == (4, 2, [])
    second = exchange.export_journal(fresh)
    first.pop("exported_at")
    second.pop("exported_at")
    assert second == first


def test_importing_the_same_file_twice_changes_nothing(alice):
    fill_journal(alice)
    data = exchange.export_json(alice)
    fresh = make_user("fresh")
    exchange.import_journal(fresh, data)
    again = exchange.import_journal(fresh, data)
    assert (again.imported_sessions, again.imported_checkins) == (0, 0)
    assert len(again.skipped) == 6
    assert Session.objects.filter(owner=fresh).count() == 4


def test_rows_without_an_id_match_by_date_activity_start_and_minutes(alice):
    make_session(alice, date=DAY, activity="hiit", minutes=20)
    report = exchange.import_journal(
        alice, raw(document([session_row(activity="hiit", minutes=20), session_row(minutes=31)]))
    )
    assert report.imported_sessions == 1
    assert report.skipped == [
        f"session 0 ({words.day(DAY)}, HIIT / intervals): already in the journal: a session "
        "of that day with the same activity, start time and minutes"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (raw([1, 2, 3]), "not a Movement Journal export"),
        (raw({"format": "other", "version": 1}), "not a Movement Journal export"),
        (raw(document(version=2)), "version 2"),
        (raw(document(version="1")), 'version "1"'),
        (raw({**document(), "sessions": {"a": 1}}), '"sessions" must be a list'),
        (raw(document(profile={"time_zone": "Nowhere/Land"})), "not a known time zone"),
    ],
)
def test_a_malformed_file_is_refused_whole_with_a_clear_message(alice, content, message):
    make_session(alice)
    with pytest.raises(exchange.ImportRefused, match=message):
        exchange.import_journal(alice, content)
    assert Session.objects.count() == 1


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (session_row(minutes="30"), "minutes must be a whole number"),
        (session_row(minutes=0), "minutes must be between 1 and 1440"),
        (session_row(minutes=True), "minutes must be a whole number"),
        (session_row(feeling_after=7), "feeling_after must be between -5 and 5"),
        (session_row(activity="swimming"), "activity 'swimming' is not one of"),
        (session_row(date="2026-13-40"), "is not a date"),
        (session_row(date=(date.today() + timedelta(days=40)).isoformat()), "in the future"),
        (session_row(avg_hr=400), "avg_hr must be between 25 and 250"),
        (session_row(distance_km="far"), "distance_km must be a number"),
        (session_row(note="x" * 100_000), "note is longer than"),
        (session_row(id="not-a-uuid"), "is not a UUID"),
        (session_row(start_time="7 o'clock"), "is not a time"),
        ({"activity": "aerobic"}, "date is missing"),
        ("just a string", "is not an object"),
    ],
)
def test_each_bad_row_is_rejected_with_its_index_and_reason(alice, row, reason):
    report = exchange.import_journal(alice, raw(document([session_row(), row])))
    assert report.imported_sessions == 1
    assert len(report.rejected) == 1
    assert report.rejected[0].startswith("session 1: ")
    assert reason in report.rejected[0]


def test_a_failure_half_way_leaves_the_journal_as_it_was(alice):
    make_checkin(alice, mood=2)
    doc = document(
        [session_row(), session_row(minutes=45)],
        [{"date": DAY.isoformat(), "mood": 4, "sleep_quality": 5}],
    )
    with (
        mock.patch.object(CheckIn.objects, "bulk_create", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        exchange.import_journal(alice, raw(doc))
    assert Session.objects.count() == 0
    assert CheckIn.objects.get().mood == 2


def test_download_my_data_gives_json_and_a_csv_zip(alice_client, alice):
    fill_journal(alice)
    response = alice_client.get(reverse("journal:export_json"))
    assert response["Content-Disposition"].startswith("attachment; filename=")
    doc = json.loads(response.content)
    assert doc["format"] == "movement-journal"
    assert len(doc["sessions"]) == 4
    # Each session carries exactly its stored tags, in rule order.
    stored = {
        str(s.uuid): [(t.effect, t.timescale, t.status, t.rule) for t in s.tags.order_by("rule")]
        for s in Session.objects.filter(owner=alice)
    }
    exported = {
        s["id"]: [(t["effect"], t["timescale"], t["status"], t["rule"]) for t in s["tags"]]
        for s in doc["sessions"]
    }
    assert exported == stored
    assert sum(map(len, exported.values())) > 0
    archive = zipfile.ZipFile(io.BytesIO(alice_client.get(reverse("journal:export_csv")).content))
    assert sorted(archive.namelist()) == ["checkins.csv", "profile.csv", "sessions.csv"]
    assert archive.read("sessions.csv").decode().count("\n") == 5


def test_the_commands_export_and_import_a_journal(alice, tmp_path):
    fill_journal(alice)
    target = tmp_path / "alice.json"
    call_command("export_journal", "--user", "alice", "-o", str(target))
    make_user("copy")
    out = io.StringIO()
    call_command("import_journal", "--user", "copy", str(target), stdout=out)
    assert "4 sessions and 2 check-ins imported" in out.getvalue()
    zipped = tmp_path / "alice.zip"
    call_command("export_journal", "--user", "alice", "--format", "csv", "-o", str(zipped))
    assert zipfile.is_zipfile(zipped)


def test_the_import_command_refuses_bad_files_and_unknown_users(alice, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("import_journal", "--user", "alice", str(bad))
    with pytest.raises(CommandError, match="No user named"):
        call_command("import_journal", "--user", "nobody", str(bad))
    with pytest.raises(CommandError, match="No file"):
        call_command("import_journal", "--user", "alice", str(tmp_path / "missing.json"))


def test_the_import_command_refuses_a_file_over_the_limit_before_reading_it(
    alice, tmp_path, monkeypatch
):
    monkeypatch.setattr("journal.imports.exchange_rows.MAX_IMPORT_BYTES", 1_048_576)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 1_048_577)
    # The size is asked of the file system: the file is never read.
    monkeypatch.setattr(type(big), "read_bytes", lambda self: pytest.fail("read whole"))
    with pytest.raises(CommandError, match="limit for a Movement Journal file is 1 MB"):
        call_command("import_journal", "--user", "alice", str(big))
