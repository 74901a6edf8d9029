"""A database made by main on 2026-12-06 (before the capability packages of issue 19)
migrates forward to today's code with no data change.

The recorded state is main's leaf migration of each of our apps on that day. The test
migrates a database back to it, writes a journal there with that state's own models (so
it keeps working when later migrations change the models), migrates forward to the
current leaves, and compares every row and column that existed before, then reads the
journal back through today's export. Later migrations must therefore be reversible and
keep the data; one that changes data on purpose says so here.
"""

import datetime
import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

MAIN_ON_2026_12_06 = [
    ("journal", "0004_imports"),
    ("content", "0007_effect_placement_updated"),
]
OUR_TABLES = ("journal_", "content_")

# Migrations since that change data on purpose, and what they may change (None: any row
# or column of the table).
CHANGED_ON_PURPOSE = {
    # content 0009 (issue 21): references completed and split into evidence and threshold
    # sources, HEL22 retired, the review's sentences corrected.
    "content_reference": None,
    "content_effect": None,
    "content_section": None,
    "content_effect_references": None,
    "content_section_references": None,
    # journal 0007 (issue 21, rules version 2): every journal retagged by the rules, its
    # sessions' intensity classified again, and its journal version moved on.
    "journal_sessiontag": None,
    "journal_session": {"intensity", "intensity_source"},
    "journal_profile": {"journal_version"},
}


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()  # what was applied, for the next step
    return executor


def _snapshot() -> dict:
    """Every row of our apps' tables: {table: {primary key: {column: value}}}."""
    found = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if not table.startswith(OUR_TABLES):
                continue
            key = connection.introspection.get_primary_key_column(cursor, table)
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [c[0] for c in cursor.description]
            key = key or columns[0]  # the join tables' id
            found[table] = {
                row[key]: row for row in (dict(zip(columns, r, strict=True)) for r in cursor)
            }
    return found


def _write_a_journal(apps) -> None:
    """A small but varied journal, written with the recorded state's models."""
    user = apps.get_model("auth", "User").objects.create(username="mira", password="!")
    Profile = apps.get_model("journal", "Profile")
    Profile.objects.create(
        user=user,
        time_zone="Europe/Berlin",
        distance_unit="mi",
        birth_year=1985,
        max_hr=186,
        resting_hr=52,
        sex="female",
        cycle_tracking=True,
        checkin_items=["anxiety", "energy"],
        journal_version=7,
    )
    Session = apps.get_model("journal", "Session")
    SessionTag = apps.get_model("journal", "SessionTag")
    start = datetime.date(2026, 9, 1)
    for n in range(6):
        session = Session.objects.create(
            uuid=uuid.UUID(int=n + 1),
            owner=user,
            date=start + datetime.timedelta(days=3 * n),
            activity=["aerobic", "hiit", "resistance", "mobility", "walking", "mixed"][n],
            style="yoga" if n == 3 else "",
            minutes=20 + 10 * n,
            effort=3 + n,
            feeling_before=None if n == 4 else n - 2,
            feeling_after=None if n == 4 else n - 1,
            arousal_before=2 + n % 3,
            arousal_after=3,
            avg_hr=120 + n,
            distance_km=Decimal("5.25") if n == 0 else None,
            note=f"session {n}, with ünïcode",
            source="strava" if n == 4 else "",
            source_id="a-42" if n == 4 else "",
            intensity=["moderate", "vigorous", "vigorous", "light", "light", "moderate"][n],
            intensity_source="rpe",
        )
        SessionTag.objects.create(
            session=session,
            effect="endorphins" if n % 2 else "dopamine",
            timescale="acute",
            status="acute",
            magnitude="high" if n == 1 else "",
            rule=f"rule-{n}",
            rule_version=3,
            inputs={"minutes": 20 + 10 * n},
        )
    CheckIn = apps.get_model("journal", "CheckIn")
    for n in range(5):
        CheckIn.objects.create(
            owner=user,
            date=start + datetime.timedelta(days=n),
            mood=1 + n,
            sleep_quality=None if n == 2 else 3,
            anxiety=2,
            energy=4,
            note="" if n else "first",
        )
    apps.get_model("journal", "ImportJob").objects.create(
        owner=user,
        kind="activities",
        source="strava",
        file_name="export.zip",
        status="done",
        done=6,
        total=6,
        report={"sessions": 6},
    )


def _unchanged(before: dict, after: dict) -> list[str]:
    """What of `before` is missing or different in `after` (new tables, rows and columns
    are allowed: later migrations may add them)."""
    changes = []
    for table, rows in before.items():
        allowed = CHANGED_ON_PURPOSE.get(table, set())
        if allowed is None:
            continue
        if table not in after:
            changes.append(f"{table}: gone")
            continue
        for key, row in rows.items():
            now = after[table].get(key)
            if now is None:
                changes.append(f"{table} {key}: gone")
                continue
            changes += [
                f"{table} {key}.{column}: {value!r} -> {now.get(column)!r}"
                for column, value in row.items()
                if column not in allowed and (column not in now or now[column] != value)
            ]
    return changes


@pytest.mark.django_db(transaction=True)
def test_a_database_of_main_on_2026_12_06_migrates_forward_with_no_data_change():
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = _migrate(MAIN_ON_2026_12_06)
    _write_a_journal(old.loader.project_state(MAIN_ON_2026_12_06).apps)
    before = _snapshot()
    assert len(before["journal_session"]) == 6  # the snapshot sees what was written

    _migrate(leaves)
    after = _snapshot()
    assert _unchanged(before, after) == []
    (profile,) = after["journal_profile"].values()
    assert profile["journal_version"] == 8  # moved on once by the retag of rules version 2

    from django.contrib.auth.models import User

    from journal.imports import exchange

    journal = exchange.export_journal(User.objects.get(username="mira"))
    sessions = journal["sessions"]
    assert [(s["date"], s["minutes"]) for s in sessions] == [
        (str(datetime.date(2026, 9, 1) + datetime.timedelta(days=3 * n)), 20 + 10 * n)
        for n in range(6)
    ]
    # The retag of rules version 2 replaced the recorded tags with the rules' own.
    tags = [t for s in sessions for t in s["tags"]]
    assert tags
    assert {t["rule_version"] for t in tags} == {2}
    assert not any(t["rule"].startswith("rule-") for t in tags)
    assert [c["mood"] for c in journal["checkins"]] == [1, 2, 3, 4, 5]
    assert journal["profile"]["time_zone"] == "Europe/Berlin"


@pytest.mark.django_db
def test_the_recorded_state_is_in_the_migration_history():
    graph = MigrationExecutor(connection).loader.graph
    for app, name in MAIN_ON_2026_12_06:
        assert (app, name) in graph.nodes
        assert any((app, name) in graph.forwards_plan(leaf) for leaf in graph.leaf_nodes(app))
