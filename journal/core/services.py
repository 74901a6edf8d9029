"""Writes that keep derived data (intensity, tags) in step with what a person logged.

Views, imports and commands call these instead of `.save()`/`.delete()`, so
every path ends in the same state: tags are a pure function of the owner's
history and profile (effect-rules.md 0.5), computed when a session is
written, never when a page is read.
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.dispatch import Signal

from journal import tagging
from journal.core import chartstamp
from journal.core.held import Held
from journal.models import CheckIn, Profile, Session, SessionTag

# What the rules read from a session and from a profile.
FACT_FIELDS = ("id", "date", "activity", "minutes", "effort", "avg_hr", "percent_1rm", "style")
PROFILE_FACT_FIELDS = ("birth_year", "max_hr", "resting_hr", "sex", "missed_period")
PROFILE_SAVED_FIELDS = [
    f.name for f in Profile._meta.concrete_fields if f.name not in ("id", "journal_version")
]
TAG_FIELDS = ("effect", "timescale", "status", "magnitude", "rule_version", "inputs")
LOOK_BACK = timedelta(days=tagging.WINDOW_DAYS - 1)  # W84 includes its own last day

# Sent once a write to a person's journal has committed (keyword: owner), so that what a
# page reads from it can be read again then rather than at the next view
# (journal.core.snapshot). Its receivers' errors are logged, never raised: the write stands.
journal_written = Signal()


def profile_for(user) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user)
    profile.user = user  # the account at hand, so that profile.user costs no query
    return profile


def begin_write(owner) -> None:
    """Open a write to `owner`'s journal: call first inside every write transaction.

    One UPDATE bumps the owner's journal version (so per-person caches keyed
    by it go stale in the same transaction as the write). On PostgreSQL that
    UPDATE also holds the profile row's lock until commit, which serialises
    the owner's writers: a second tab, a double tap or a concurrent import
    waits for the first instead of racing it on the unique constraints (tags,
    one check-in per day, import de-duplication). On SQLite, transactions are
    IMMEDIATE (config/settings.py), so every writer already waits at BEGIN.

    Once the transaction commits, journal_written is sent for the owner (its receivers'
    errors logged, never raised), so what pages read from the journal can be read again
    at once: journal.views.dashboard_reads keeps the dashboard's.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("begin_write() must run inside transaction.atomic().")
    bump = Profile.objects.filter(user=owner)
    if not bump.update(journal_version=F("journal_version") + 1):
        Profile.objects.get_or_create(user=owner)
        bump.update(journal_version=F("journal_version") + 1)
    transaction.on_commit(lambda: journal_written.send(sender=Profile, owner=owner), robust=True)


def journal_version(owner) -> int:
    """The owner's current journal version (0 before the first write)."""
    found = Profile.objects.filter(user=owner).values_list("journal_version", flat=True).first()
    return found or 0


def profile_facts(profile: Profile) -> tagging.ProfileFacts:
    return tagging.ProfileFacts(
        birth_year=profile.birth_year,
        max_hr=profile.max_hr,
        resting_hr=profile.resting_hr,
        sex=profile.sex or None,
        missed_period=profile.missed_period,
    )


def session_facts(rows) -> list[tagging.SessionFacts]:
    """What the rules read, from session rows (`.values(*FACT_FIELDS, ...)`)."""
    return [
        tagging.SessionFacts(key=row["id"], **{f: row[f] for f in FACT_FIELDS if f != "id"})
        for row in rows
    ]


def retag(
    owner, since: date | None = None, latest: date | None = None, profile: Profile | None = None
) -> int:
    """Recompute intensity and tags for the sessions whose windows include a changed date.

    A change on dates `since`..`latest` (one day when `latest` is not given)
    reaches the sessions dated from `since` to `affected_until(latest)`; with
    no date, the whole history. Reads one bounded slice of history, writes only
    what changed, and returns how many tags were added, changed or removed.
    """
    profile = profile or profile_for(owner)
    return retag_rows(Session, SessionTag, owner.pk, profile_facts(profile), since, latest)


def retag_rows(
    session_model,
    tag_model,
    owner_id: int,
    person: tagging.ProfileFacts,
    since: date | None = None,
    latest: date | None = None,
) -> int:
    """retag()'s work on given model classes, so that a data migration can run it on its
    historical models after a rules change (journal/migrations/0009_retag_rules_v2)."""
    Session, SessionTag = session_model, tag_model
    sessions = Session.objects.filter(owner_id=owner_id)
    targets = SessionTag.objects.filter(session__owner_id=owner_id)
    if since is not None:
        until = tagging.affected_until(latest or since)
        sessions = sessions.filter(date__gte=since - LOOK_BACK, date__lte=until)
        targets = targets.filter(session__date__gte=since, session__date__lte=until)
    rows = list(sessions.values(*FACT_FIELDS, "intensity", "intensity_source"))
    facts = session_facts(rows)
    computed = tagging.tag_history(facts, person)
    in_scope = {row["id"] for row in rows if since is None or row["date"] >= since}

    reclassified = []
    for row, fact in zip(rows, facts, strict=True):
        if row["id"] not in in_scope:
            continue
        intensity, source = tagging.classify(fact, person)
        if (row["intensity"], row["intensity_source"]) != (intensity.slug, source):
            reclassified.append(
                Session(id=row["id"], intensity=intensity.slug, intensity_source=source)
            )
    Session.objects.bulk_update(reclassified, ["intensity", "intensity_source"], batch_size=500)

    stored = {
        (row["session_id"], row["rule"]): row
        for row in targets.values("id", "session_id", "rule", *TAG_FIELDS)
    }
    wanted = {
        (session_id, tag.rule): tag
        for session_id, tags in computed.items()
        if session_id in in_scope
        for tag in tags
    }
    changed = {
        key
        for key in stored.keys() | wanted.keys()
        if key not in stored
        or key not in wanted
        or tuple(stored[key][f] for f in TAG_FIELDS) != _tag_values(wanted[key])
    }
    stale = [stored[key]["id"] for key in changed if key in stored]
    for start in range(0, len(stale), 500):
        SessionTag.objects.filter(id__in=stale[start : start + 500]).delete()
    SessionTag.objects.bulk_create(
        [
            SessionTag(
                session_id=key[0],
                rule=key[1],
                **dict(zip(TAG_FIELDS, _tag_values(wanted[key]), strict=True)),
            )
            for key in changed
            if key in wanted
        ],
        batch_size=500,
    )
    return len(changed)


def _tag_values(tag: tagging.Tag) -> tuple:
    return (tag.effect, tag.timescale, tag.status, tag.magnitude, tag.rule_version, tag.inputs)


@transaction.atomic
def save_session(session: Session) -> Session:
    """Save a new or edited session and retag from the earliest date it touches."""
    begin_write(session.owner)
    previous = None
    if session.pk:
        previous = Session.objects.filter(pk=session.pk).values_list("date", flat=True).first()
    session.save()
    # Moving a session to another date changes the windows around both dates.
    dates = [d for d in (previous, session.date) if d]
    retag(session.owner, min(dates), max(dates))
    chartstamp.touch(session.owner, dates)
    session.refresh_from_db(fields=["intensity", "intensity_source"])
    return session


@transaction.atomic
def delete_session(session: Session) -> None:
    owner, day = session.owner, session.date
    begin_write(owner)
    session.delete()
    retag(owner, day)
    chartstamp.touch(owner, [day])


def _save_profile_noting_rule_inputs(profile: Profile) -> bool:
    """Save the profile; True when something the rules read has changed."""
    before = Profile.objects.filter(pk=profile.pk).values(*PROFILE_FACT_FIELDS).first()
    # Never write back the journal version this instance read: begin_write() moved it on.
    profile.save(update_fields=PROFILE_SAVED_FIELDS if profile.pk else None)
    return before != {f: getattr(profile, f) for f in PROFILE_FACT_FIELDS}


@transaction.atomic
def save_profile(profile: Profile) -> Profile:
    """Save the profile; a change to what the rules read retags the whole history."""
    begin_write(profile.user)
    if _save_profile_noting_rule_inputs(profile):
        retag(profile.user, profile=profile)
        chartstamp.touch(profile.user)
    return profile


@transaction.atomic
def save_imported(profile: Profile, sessions: list[Session], checkins: list[CheckIn]) -> None:
    """Write an import's new rows (the caller validated them) and retag what they touch.

    The caller opens the transaction and calls begin_write() before reading
    which rows already exist, so two imports of one file cannot both add them.
    """
    begin_write(profile.user)
    profile_changed = _save_profile_noting_rule_inputs(profile)
    Session.objects.bulk_create(sessions, batch_size=500)
    CheckIn.objects.bulk_create(checkins, batch_size=500)
    if profile_changed:
        retag(profile.user, profile=profile)
        chartstamp.touch(profile.user)
    elif sessions:
        dates = [s.date for s in sessions]
        retag(profile.user, min(dates), max(dates), profile=profile)
    chartstamp.touch(profile.user, [row.date for row in (*sessions, *checkins)])


class CheckInDateTaken(ValidationError):
    """An edit moved a check-in onto a day that has one (found under the owner's lock)."""


@transaction.atomic
def save_checkin(checkin: CheckIn) -> CheckIn:
    """Create or edit a check-in; a new one for a day that has one edits that day's.

    Check-ins are unique by day, so a new check-in is an upsert: two tabs (or
    a double tap) saving the same day end in one row holding the last values.
    """
    begin_write(checkin.owner)
    same_day = CheckIn.objects.filter(owner=checkin.owner, date=checkin.date)
    moved_from = None
    if checkin.pk:
        if same_day.exclude(pk=checkin.pk).exists():
            raise CheckInDateTaken("There is already a check-in for that day; edit it instead.")
        moved_from = CheckIn.objects.filter(pk=checkin.pk).values_list("date", flat=True).first()
    else:
        existing = same_day.values_list("pk", "created_at").first()
        if existing:
            checkin.pk, checkin.created_at = existing
            checkin._state.adding = False
    checkin.save()
    chartstamp.touch(checkin.owner, [checkin.date, moved_from])
    return checkin


@transaction.atomic
def delete_checkin(checkin: CheckIn) -> None:
    begin_write(checkin.owner)
    chartstamp.touch(checkin.owner, [checkin.date])
    checkin.delete()


@transaction.atomic
def retag_journal(owner) -> int:
    """Recompute every tag of one person (after a change to the rules)."""
    begin_write(owner)
    chartstamp.touch(owner)
    return retag(owner)


@transaction.atomic
def clear_journal(owner) -> None:
    """Delete every session, check-in and experiment of one person (the demo's --replace)."""
    begin_write(owner)
    owner.experiments.all().delete()
    Session.objects.for_user(owner).delete()
    CheckIn.objects.for_user(owner).delete()
    chartstamp.touch(owner)


# -- imports from other apps (imports.md) -----------------------------------


@transaction.atomic
def save_imported_rows(owner, sessions: list[Session], checkins: list[CheckIn]) -> dict:
    """Write an import's validated rows in one transaction and retag once.

    Rows already in the journal are checked again here, under the owner's
    lock, so the same file imported twice at once still adds each row once:
    a session by (source, source id), a check-in by its date (journal.core.held).
    Each skipped row keeps its reason in `skip_reason`.
    """
    begin_write(owner)
    held = Held(owner, {s.source for s in sessions})
    new_sessions, new_checkins, skipped = held.split(sessions, checkins, owner)
    Session.objects.bulk_create(new_sessions, batch_size=500)
    CheckIn.objects.bulk_create(new_checkins, batch_size=500)
    if new_sessions:
        dates = [s.date for s in new_sessions]
        retag(owner, min(dates), max(dates))
    chartstamp.touch(owner, [row.date for row in (*new_sessions, *new_checkins)])
    return {"sessions": new_sessions, "checkins": new_checkins, "skipped": skipped}


@transaction.atomic
def dismiss_feelings(owner) -> list[int]:
    """Stop asking how the imported sessions waiting for their feelings felt; returns their
    ids, so that the one tap can be undone."""
    begin_write(owner)
    due = Session.objects.for_user(owner).filter(
        feeling_after__isnull=True, feelings_dismissed=False
    )
    ids = list(due.values_list("pk", flat=True))
    Session.objects.filter(pk__in=ids).update(feelings_dismissed=True)
    return ids


@transaction.atomic
def undismiss_feelings(owner, ids) -> int:
    """Ask again about these sessions (the owner's own, still without feelings)."""
    begin_write(owner)
    ids = [pk for pk in ids if isinstance(pk, int)]
    return (
        Session.objects.for_user(owner)
        .filter(pk__in=ids, feeling_after__isnull=True, feelings_dismissed=True)
        .update(feelings_dismissed=False)
    )


@transaction.atomic
def save_new_session_once(session: Session) -> tuple[Session, bool]:
    """Save a new session unless its owner already has one with its uuid.

    The uuid is the log's idempotency key: a resend (the offline queue after a
    lost reply, a double tap) returns the stored session and False. So is a
    (source, source id) pair (an API client syncing another app): the session
    the journal holds under it is returned, whichever route it came by. The
    owner's lock is taken before the look-up, so two resends racing each other
    queue, and the second finds the first's session.
    """
    begin_write(session.owner)
    stored = _same_session(session)
    if stored is not None:
        return stored, False
    try:
        return save_session(session), True
    except IntegrityError:  # a writer that did not take the lock got there first
        stored = _same_session(session)
        if stored is None:
            raise
        return stored, False


def _same_session(session: Session) -> Session | None:
    mine = Session.objects.filter(owner=session.owner)
    stored = mine.filter(uuid=session.uuid).first()
    if stored is None and session.source_id:
        stored = mine.filter(source=session.source, source_id=session.source_id).first()
    return stored
