"""The claims added up from blocks of weeks cached under their stamps
(journal.insights.block_cache) are the claims of the whole journal read at once, to the last
bit, after every kind of write; a write reads again only the blocks it reached."""

from datetime import date, timedelta
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from journal import dashboard, tagging
from journal.core import blocks
from journal.core.services import (
    FACT_FIELDS,
    delete_checkin,
    delete_session,
    profile_facts,
    profile_for,
    save_checkin,
    save_profile,
    save_session,
    session_facts,
)
from journal.insights import analysis, block_cache, queries
from journal.models import CheckIn, Session, SessionTag
from tests.factories import make_session

pytestmark = pytest.mark.django_db

RANGES = ["4w", "3m", "1y", "all"]


def whole_journal(user, range_key: str) -> dict:
    """insights.md section 6 from every row of the journal read at once (no blocks, no
    cache): the reckoning the blocks must give."""
    profile = profile_for(user)
    today = profile.today()
    start = dashboard.range_start(range_key, today)
    rows = list(
        Session.objects.for_user(user)
        .order_by("date", "id")
        .values(*FACT_FIELDS, *block_cache.INSIGHT_SESSION_FIELDS)
    )
    effects: dict[int, set[str]] = {}
    tags = SessionTag.objects.filter(session__owner=user, timescale="acute")
    for session_id, effect in tags.values_list("session_id", "effect"):
        effects.setdefault(session_id, set()).add(effect)
    sessions = [
        analysis.SessionRow(
            row["date"],
            frozenset(effects.get(row["id"], ())),
            *(row[field] for field in block_cache.INSIGHT_SESSION_FIELDS),
        )
        for row in rows
    ]
    checkins = {row.pop("date"): row for row in dashboard.daily_checkins(user, None)}
    chronic = tagging.chronic_holds_by_date(
        session_facts(rows), profile_facts(profile), analysis.chronic_dates(checkins, start, today)
    )
    results = analysis.evaluate(sessions, checkins, chronic, start, today)
    return analysis.as_json(range_key, results)


def from_blocks(user, range_key: str) -> dict:
    return queries.insights_document(user, range_key, profile_for(user))


def journal(user, days: int = 420) -> date:
    """Sessions on most days (some without feelings, some on the same day), a check-in on
    most days with gaps, written as the pages write them; returns today."""
    today = profile_for(user).today()
    activities = ["aerobic", "hiit", "resistance", "walking", "mobility", "aerobic"]
    rows = []
    for n in range(days, 0, -1):
        day = today - timedelta(days=n)
        if n % 5 != 0:
            rows.append(
                Session(
                    owner=user,
                    date=day,
                    activity=activities[n % 6],
                    minutes=25 + (n * 7) % 70,
                    effort=n % 10 + 1,
                    feeling_before=None if n % 13 == 0 else n % 3 - 1,
                    feeling_after=n % 5 - 1,
                    arousal_before=n % 4 + 1,
                    arousal_after=(n * 3) % 6 + 1,
                )
            )
        if n % 11 != 0:
            CheckIn.objects.create(
                owner=user,
                date=day,
                mood=(n * 7) % 5 + 1,
                sleep_quality=(n * 3) % 10 + 1,
                anxiety=None if n % 4 == 0 else n % 5 + 1,
                stress=n % 5 + 1,
            )
    for session in rows:
        save_session(session)
    return today


def first_of_a_block(today: date, back: int) -> date:
    return blocks.block_start(blocks.block_of(today) - back)


def assert_same(user):
    for range_key in RANGES:
        assert from_blocks(user, range_key) == whole_journal(user, range_key), range_key


def test_the_blocks_give_the_whole_journals_figures_after_every_kind_of_write(alice):
    today = journal(alice)
    assert_same(alice)  # every block computed and cached
    assert_same(alice)  # every block from the cache
    edge = first_of_a_block(today, 2)
    # A session today, and one on a block's first day (its next-day unit belongs to the
    # check-in's block, its pair to the block before).
    make_session(alice, date=today, activity="hiit", minutes=30, feeling_after=4)
    make_session(alice, date=edge, activity="mobility", minutes=60, feeling_after=3)
    assert_same(alice)
    # A check-in on a block's first day: the next-day unit of the day before.
    checkin = CheckIn.objects.filter(owner=alice, date=edge).first() or CheckIn(
        owner=alice, date=edge
    )
    checkin.mood, checkin.sleep_quality = 5, 9
    save_checkin(checkin)
    assert_same(alice)
    # Moved across a block's edge, then deleted; a check-in on a block's last day deleted.
    session = Session.objects.filter(owner=alice, date=edge - timedelta(days=3)).first()
    session.date = edge + timedelta(days=40)
    save_session(session)
    assert_same(alice)
    delete_session(session)
    last_day = edge - timedelta(days=1)
    delete_checkin(CheckIn.objects.get(owner=alice, date=last_day))
    assert_same(alice)
    # What the rules read about the person: every block.
    profile = profile_for(alice)
    profile.birth_year = 1950
    save_profile(profile)
    assert_same(alice)


def test_a_write_reads_again_only_the_blocks_it_reached(alice):
    today = journal(alice, days=300)
    from_blocks(alice, "all")
    make_session(alice, date=today, activity="walking", minutes=20)
    with CaptureQueriesContext(connection) as seen:
        from_blocks(alice, "all")
    # The profile, the first entry, the stamps, then the sessions (with their tags) and
    # the check-ins from two days before today's block: never ten years. The chronic
    # windows that reach further back read the facts cached with the block before.
    assert len(seen) == 5
    block = blocks.block_start(blocks.block_of(today))
    first = block - block_cache.EDGE
    reads = [q["sql"] for q in seen.captured_queries[3:]]
    assert all(f">= '{first}'" in sql for sql in reads), reads


def test_a_repeat_reads_only_the_first_entry_and_the_stamps(alice, django_assert_num_queries):
    journal(alice, days=120)
    from_blocks(alice, "all")
    from_blocks(alice, "3m")
    # A new journal version (an experiment, say) with no write to a block.
    profile = profile_for(alice)
    profile.journal_version += 1
    profile.save()
    with django_assert_num_queries(3):  # the profile, the first entry, the stamps
        from_blocks(alice, "all")
    with django_assert_num_queries(2):  # the profile, the stamps
        from_blocks(alice, "3m")


def test_an_unreachable_cache_still_gives_the_figures(alice):
    journal(alice, days=200)
    expected = whole_journal(alice, "3m")

    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    cache = block_cache.cached_many.__globals__["cache"]
    with (
        mock.patch.object(cache, "get_many", side_effect=down),
        mock.patch.object(cache, "set_many", side_effect=down),
    ):
        assert from_blocks(alice, "3m") == expected


def test_each_person_reads_their_own_blocks(alice, bob):
    journal(alice, days=150)
    assert from_blocks(bob, "all") == whole_journal(bob, "all")
    assert all(c["n_with"] + c["n_without"] == 0 for c in from_blocks(bob, "all")["claims"])
    assert from_blocks(alice, "all") == whole_journal(alice, "all")
