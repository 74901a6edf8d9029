"""Everything the dashboard reads from one person's journal, read at once.

The dashboard's sections read a dozen things: today's check-in, the last 84 days'
sessions, the older days of the streak, the lists waiting for the person, the experiment
under way, the long-term patterns, the chart blocks' stamps and the live block's figures.
PageReads holds them all, read together by read_page. A write reads them again as soon as
it has committed (journal.core.services.journal_written) and keeps them in the database
(journal.core.snapshot) under the journal version it made, so the first view after a
write, in whichever process serves it, reads one row instead of a dozen queries and the
live block's figures. With them the write keeps what it drew from them
(journal.views.dashboard.refresh): the page's sections, and each range's chart cards with
the settled parts' pieces named rather than copied. A view that finds no snapshot under
its key (a new day, a profile edited in the admin, a failed refresh) reads the journal
itself: never a stale page.
"""

import logging
import pickle
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import connection
from django.db.models import Count, Window

from journal import tagging
from journal.core import snapshot
from journal.core.caching import FORMAT_VERSION, digest, per_journal, per_person
from journal.core.chartstamp import Stamps
from journal.core.services import (
    FACT_FIELDS,
    LOOK_BACK,
    profile_facts,
    profile_for,
    session_facts,
)
from journal.dashboard import chart_cache, queries, stats
from journal.dashboard.chart_blocks import moderate_minutes
from journal.experiments import services as experiments
from journal.models import CheckIn, Profile, Session
from journal.views.experiments import today_context
from journal.views.feelings import due_feelings

logger = logging.getLogger(__name__)

PENDING_LIMIT = 10
STREAK_WINDOW = 366  # days the summary reads back for the streak: a bounded query
# Bump when PageReads' fields or their shapes change: a snapshot of another shape is never read.
FORMAT = 2


@dataclass
class PageReads:
    """What the dashboard read from one journal on one day (read_page)."""

    checkin: CheckIn | None  # today's
    summary: stats.Summary  # this week against the guideline, the streak, today's mood
    pending: tuple[list[Session], int]  # the first sessions to rate, and how many
    feelings: tuple[list[Session], int]  # the first imported sessions to rate, and how many
    experiment_today: dict | None  # the experiment line (views.experiments.today_context)
    long_term: tuple[dict, date | None]  # the long-term patterns, and the journal's start
    last_activity: str | None  # the quick log's default
    stamps: Stamps  # of every block up to today's (chart_cache.all_stamps)
    live: dict  # the live block's figures (chart_cache.live_block)
    # The page's sections as the write rendered them from these reads, by name, and the
    # page_shown they were rendered for (views.dashboard.refresh): a function of the two.
    sections: dict = field(default_factory=dict)
    # Each range's chart cards as the write built them (views.dashboard.written_charts).
    charts: dict = field(default_factory=dict)
    shown: str = ""


def todays_checkin(user, profile) -> CheckIn | None:
    """Today's check-in, if any: the summary's mood and the check-in form read the one row."""
    return CheckIn.objects.for_user(user).filter(date=profile.today()).first()


def last_activity(user) -> str | None:
    """The activity of the person's last logged session: the quick log's default."""
    return (
        Session.objects.for_user(user)
        .order_by("-created_at", "-id")
        .values_list("activity", flat=True)
        .first()
    )


def recent_sessions(user, today, experiment=None) -> list[dict]:
    """The sessions the page's sections read, in one statement: the last 84 days (the
    long-term card's windows, the summary's week and most streaks) and the days of the
    experiment under way, if any (queries.recent_sessions)."""
    start = today - LOOK_BACK
    if experiment is None:
        return queries.recent_sessions(user, start, today)
    plan = experiment.plan
    return queries.recent_sessions(user, min(start, plan.start), max(today, plan.last_day))


def older_active_days(user, today) -> list[date]:
    """The days with a session in the streak's window before recent_sessions' 84."""
    since = today - timedelta(days=STREAK_WINDOW - 1)
    return queries.active_days(user, since, today - LOOK_BACK - timedelta(days=1))


def summary_of(recent: list[dict], older: list[date], today: date, mood) -> stats.Summary:
    """The summary from recent_sessions' rows, the streak's older days and today's mood."""
    start, monday = today - LOOK_BACK, stats.week_start(today)
    active = {row["date"] for row in recent if start <= row["date"] <= today}
    active.update(older)
    week = [moderate_minutes(row) for row in recent if monday <= row["date"] <= today]
    since = today - timedelta(days=STREAK_WINDOW - 1)
    return stats.summarise(active, week, today, since, mood)


def pending_sessions(user) -> tuple[list[Session], int]:
    """Sessions logged here without an effort rating (the first PENDING_LIMIT) and how many.
    Imported sessions wait in "How did it feel?" instead, so that years of imports do not
    flood this list."""
    pending = Session.objects.for_user(user).filter(effort__isnull=True, source="")
    pending = pending.only(*Session.NAMED_BY)  # the list shows each session's name alone
    # The first rows and the count of all in one statement: COUNT(*) OVER () is taken
    # before the LIMIT.
    shown = list(pending.annotate(total=Window(Count("*")))[:PENDING_LIMIT])
    return shown, shown[0].total if shown else 0


def long_term_patterns(user, profile, recent=None) -> tuple[dict, date | None]:
    """Each long-term effect's pattern today (journal.tagging.chronic_progress) and the date
    of the journal's first entry. Reads the last 84 days, the longest window (from `recent`,
    recent_sessions' rows, when given); an effect whose last contributing session is older
    shows as neither. The patterns are cached per person and what the rules read (those
    sessions' facts, the profile's, today), so a check-in or a note computes none again."""
    today = profile.today()
    start = today - LOOK_BACK
    rows = recent_sessions(user, today) if recent is None else recent
    rows = [row for row in rows if start <= row["date"] <= today]
    person = profile_facts(profile)
    facts = [tuple(row[f] for f in FACT_FIELDS) for row in rows]
    read = [today, person, tagging.RULES_VERSION, facts]
    found = per_person(
        user,
        f"long-term:{digest(read)}",
        lambda: tagging.chronic_progress(session_facts(rows), person, today),
    )
    return found, queries.journal_start(user)


def read_page(user, profile) -> PageReads:
    """Everything the dashboard reads from the journal, read now (about a dozen queries)."""
    today = profile.today()
    experiment = experiments.active(user, today)
    recent = recent_sessions(user, today, experiment)
    read = chart_cache.all_stamps(user, today)
    checkin = todays_checkin(user, profile)
    mood = checkin.mood if checkin else None
    return PageReads(
        checkin=checkin,
        summary=summary_of(recent, older_active_days(user, today), today, mood),
        pending=pending_sessions(user),
        feelings=due_feelings(user),
        experiment_today=today_context(user, profile, experiment, recent)["experiment_today"],
        long_term=long_term_patterns(user, profile, recent),
        last_activity=last_activity(user),
        stamps=read,
        live=chart_cache.live_block(user, today, read),
    )


def snapshot_key(profile) -> str:
    """The key of what read_page reads for this profile now: its journal version, the day,
    its own fields (its time zone and what the rules read, which an edit in the admin
    changes without a write) and the versions of the shapes and rules involved."""
    fields = profile._meta.concrete_fields
    own = [getattr(profile, f.attname) for f in fields if f.attname != "journal_version"]
    versions = [FORMAT, FORMAT_VERSION, chart_cache.NAME]
    return f"dashboard:{profile.journal_version}:{profile.today()}:{digest([own, versions])}"


def profile_with_snapshot(user) -> Profile:
    """The person's profile (as profile_for gives it) with the key and data of the snapshot
    kept for them, read in the same statement: the first view after a write needs both, and
    a repeat view takes a few kilobytes along for nothing. In SQL: the ORM took longer to
    write this join than the database to answer it."""
    quote = connection.ops.quote_name
    profile_table, snapshot_table = (quote(m._meta.db_table) for m in (Profile, snapshot.Snapshot))
    found = list(
        Profile.objects.raw(
            f"SELECT p.*, s.{quote('key')} AS snapshot_key, s.data AS snapshot_data"
            f" FROM {profile_table} p LEFT JOIN {snapshot_table} s ON s.owner_id = p.user_id"
            " WHERE p.user_id = %s",
            [user.pk],
        )
    )
    if not found:
        return profile_for(user)
    found[0].user = user
    return found[0]


def page_reads(user, profile) -> PageReads:
    """The journal's reads for this view: the snapshot the last write kept (read with the
    profile by profile_with_snapshot, else here), else read now and cached in this process
    until the journal changes (a new day, a profile edited in the admin: no write has read
    them yet)."""
    key = snapshot_key(profile)
    if "snapshot_key" in profile.__dict__:
        found = profile.snapshot_data if profile.snapshot_key == key else None
        data = None if found is None else bytes(found)
    else:
        data = snapshot.load(user, key)
    if data is not None:
        try:
            return pickle.loads(data)  # noqa: S301 - written by views.dashboard.refresh alone
        except Exception:  # a snapshot of an older deploy's classes: read afresh
            logger.warning("unreadable dashboard snapshot; reading the journal")
    return per_journal(profile, key, lambda: read_page(user, profile))
